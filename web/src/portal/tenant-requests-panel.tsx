/**
 * Tenant start and stop requests (USR-2, property managers): ask for the supply at a property of the
 * portfolio to start for a new tenant moving in, or to stop as a tenant moves out, with an optional
 * meter reading; each request becomes a case for our agents, and the list shows where each one is.
 * The move date must be within 90 days of today, either way (the server says so by field).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { errorMessage, SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { DataTable } from '../shared/table.js'
import * as portalApi from './portal-api.js'
import { PortalList } from './portal-list.js'

const kindOptions = [
  { value: 'move_out', label: 'Tenant moving out: stop the supply' },
  { value: 'move_in', label: 'New tenant moving in: start the supply' },
] as const

const kindLabels: Record<portalApi.TenantRequest['kind'], string> = {
  move_in: 'Move in',
  move_out: 'Move out',
}

export function TenantRequestsPanel({ accounts }: { accounts: portalApi.PortfolioAccount[] }) {
  const requests = useQuery({ queryKey: portalApi.portalKeys.tenantRequests, queryFn: portalApi.tenantRequests })

  return (
    <section className="portal-card" aria-labelledby="tenant-requests-title" data-testid="tenant-requests">
      <h2 className="portal-subtitle" id="tenant-requests-title">
        Tenant moves
      </h2>
      <p className="muted">
        Tell us when a tenant moves in or out and we will start or stop their supply. The date can be up to 90 days
        before or after today.
      </p>
      <div className="portal-stack">
        <TenantRequestForm accounts={accounts} />
        <h3 className="portal-subtitle">Your requests</h3>
      </div>
      <PortalList
        items={requests.data}
        query={requests}
        loading="Loading your requests…"
        failed="Your requests could not be loaded."
        empty="No requests yet."
      >
        {(items) => (
          <DataTable columns={['Reference', 'Property', 'Request', 'Date', 'State']}>
            {items.map((item) => (
              <tr key={item.caseNumber} data-testid="tenant-request-row" data-case={item.caseNumber}>
                <th scope="row" className="mono">
                  {item.caseNumber}
                </th>
                <td>
                  {item.address}
                  <div className="mono muted">{item.accountNumber}</div>
                </td>
                <td>{kindLabels[item.kind]}</td>
                <td>{item.on ? formatCalendarDate(item.on) : '—'}</td>
                <td data-testid="tenant-request-status">
                  {capitalise(item.status.replaceAll('_', ' '))}
                  <div className="muted">Since {formatLocalDateTime(item.statusAt)}</div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PortalList>
    </section>
  )
}

function TenantRequestForm({ accounts }: { accounts: portalApi.PortfolioAccount[] }) {
  const queryClient = useQueryClient()
  // The new request (a case) joins the list, so it is read again.
  const send = useMutation({
    mutationFn: portalApi.requestTenantChange,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalApi.portalKeys.tenantRequests })
    },
  })
  const sending = send.isPending
  const form = useFormValues({
    accountNumber: accounts[0]?.accountNumber ?? '',
    kind: 'move_out' as 'move_in' | 'move_out',
    on: '',
    tenantName: '',
    tenantEmail: '',
    reading: '',
    note: '',
  })
  const { accountNumber, kind, on, tenantName, tenantEmail, reading, note } = form.values
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<NoticeMessage | null>(null)
  const dateField = kind === 'move_in' ? 'moveInOn' : 'moveOutOn'
  const readingField = kind === 'move_in' ? 'openingReading' : 'closingReading'

  function check(): Record<string, string> {
    const found: Record<string, string> = {}
    if (!accountNumber) found['accountNumber'] = 'Choose the property.'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) found[dateField] = 'Enter the date of the move.'
    if (kind === 'move_in' && !tenantName.trim()) found['tenantName'] = "Enter the new tenant's name."
    if (kind === 'move_in' && !/^[^\s@]+@[^\s@]+$/.test(tenantEmail.trim()))
      found['tenantEmail'] = "Enter the new tenant's email address."
    if (reading.trim() && !/^\d{1,9}(\.\d{1,3})?$/.test(reading.trim()))
      found[readingField] = 'Enter the reading as shown on the meter, like 12345.6.'
    return found
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const found = check()
    setProblems(found)
    if (Object.keys(found).length > 0) return
    const extra = {
      ...(reading.trim() ? { [readingField]: reading.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    }
    const input: portalApi.TenantRequestInput =
      kind === 'move_in'
        ? { kind, tenantName: tenantName.trim(), tenantEmail: tenantEmail.trim(), moveInOn: on, ...extra }
        : { kind, moveOutOn: on, ...extra }
    setMessage(null)
    try {
      const made = await send.mutateAsync({ accountNumber, input })
      setMessage({ tone: 'success', text: `Request sent. Our reference is ${made.caseNumber}.` })
      form.setValues((current) => ({ ...current, on: '', tenantName: '', tenantEmail: '', reading: '', note: '' }))
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, 'The request could not be sent.') })
      if (error instanceof ApiError) setProblems(error.fieldProblems())
    }
  }

  return (
    <>
      <Notice notice={message} testId="tenant-request-message" />
      <form className="form form-inline-grid" onSubmit={handleSubmit} noValidate data-testid="tenant-request-form">
        <SelectField
          {...form.bind('accountNumber', problems)}
          label="Property"
          options={accounts.map((item) => ({
            value: item.accountNumber,
            label: `${item.address} (${item.accountNumber})`,
          }))}
          data-testid="tenant-request-account"
        />
        <SelectField
          {...form.bindChoice('kind')}
          label="Request"
          options={kindOptions}
          data-testid="tenant-request-kind"
        />
        <TextField
          {...form.bind('on')}
          label={kind === 'move_in' ? 'Move-in date' : 'Move-out date'}
          type="date"
          error={problems[dateField]}
          data-testid="tenant-request-date"
        />
        {kind === 'move_in' && (
          <>
            <TextField
              {...form.bind('tenantName', problems)}
              label="New tenant's name"
              data-testid="tenant-request-name"
            />
            <TextField
              {...form.bind('tenantEmail', problems)}
              label="New tenant's email"
              type="email"
              data-testid="tenant-request-email"
            />
          </>
        )}
        <TextField
          {...form.bind('reading')}
          label={kind === 'move_in' ? 'Opening meter reading' : 'Closing meter reading'}
          optional
          inputMode="decimal"
          error={problems[readingField]}
          data-testid="tenant-request-reading"
        />
        <TextField
          {...form.bind('note', problems)}
          label="Anything we should know"
          optional
          wide
          data-testid="tenant-request-note"
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={sending}
            data-testid="tenant-request-submit"
          >
            {sending ? 'Sending…' : 'Send request'}
          </button>
        </div>
      </form>
    </>
  )
}
