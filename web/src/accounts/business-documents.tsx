/**
 * BIL-4 for business accounts (seed 002): the uninvoiced charges and credits, chosen and added to a
 * new invoice (charges) or credit note (credits) — never both on one document — and the documents,
 * unissued until issued to the customer. An invoice over the supplier's threshold is flagged for a
 * manual payment approval.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError, type BillingDocument, type Statement } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { formatCalendarDate, formatPeriod, localDateOf } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'

export function BusinessDocuments({ accountNumber, onChange }: { accountNumber: string; onChange: () => void }) {
  const api = useApi()
  const { user } = useSession()
  const canAct = user.permissions.includes('billing.rebill.create')
  // Under `['account', n]`: `onChange` (the billing tab's refresh) fetches it again with the rest.
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'business-billing'],
    queryFn: () => api.businessBilling({ accountNumber }),
  })
  const state: { uninvoiced: Statement[]; documents: BillingDocument[] } | null = loaded.data ?? null
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [actionMessage, setMessage] = useState<string | null>(null)
  const message =
    actionMessage ??
    (loaded.isError ? (loaded.error instanceof ApiError ? loaded.error.message : 'Could not load.') : null)

  async function act(work: () => Promise<unknown>) {
    setMessage(null)
    try {
      await work()
      setChosen(new Set())
      onChange()
    } catch (failure) {
      if (failure instanceof ApiError) {
        const details = Array.isArray(failure.details) ? (failure.details as { message: string }[]) : []
        setMessage([failure.message, ...details.map((detail) => detail.message)].join(' — '))
      } else setMessage('That did not work.')
    }
  }

  if (!state) return <p className="empty">Loading invoices…</p>
  const selected = [...chosen]

  return (
    <Panel title="Invoices and credit notes" testId="business-documents">
      <h3 className="meter-point-subtitle">Uninvoiced charges and credits</h3>
      {state.uninvoiced.length === 0 ? (
        <p className="empty">Nothing waiting to go on a document.</p>
      ) : (
        <table className="data-table">
          <tbody>
            {state.uninvoiced.map((item) => {
              const credit = item.postedMinor.startsWith('-')
              return (
                <tr key={item.id} data-testid="uninvoiced-row">
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(item.number)}
                        onChange={(event) => {
                          const next = new Set(chosen)
                          if (event.target.checked) next.add(item.number)
                          else next.delete(item.number)
                          setChosen(next)
                        }}
                      />{' '}
                      {item.number}
                    </label>
                  </td>
                  <td>{formatPeriod(item.periodFrom, item.periodTo)}</td>
                  <td>{credit ? 'Credit' : 'Charge'}</td>
                  <td className="number">{formatMinor(item.postedMinor, item.currency)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {canAct && state.uninvoiced.length > 0 ? (
        <p>
          <button
            type="button"
            className="button button-small"
            disabled={selected.length === 0}
            onClick={() => act(() => api.createDocument({ accountNumber, kind: 'invoice', statements: selected }))}
            data-testid="add-to-invoice"
          >
            Add to new invoice
          </button>{' '}
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={selected.length === 0}
            onClick={() => act(() => api.createDocument({ accountNumber, kind: 'credit_note', statements: selected }))}
            data-testid="add-to-credit-note"
          >
            Add to new credit note
          </button>
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <h3 className="meter-point-subtitle">Documents</h3>
      {state.documents.length === 0 ? (
        <p className="empty">No invoices or credit notes yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Charges and credits</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {state.documents.map((document) => (
              <tr key={document.id} data-testid="document-row">
                <td>
                  {document.kind === 'invoice' ? 'Invoice' : 'Credit note'} {document.number}
                </td>
                <td>{document.statementNumbers.join(', ')}</td>
                <td>
                  {document.status === 'issued'
                    ? `Issued ${document.issuedAt ? formatCalendarDate(localDateOf(document.issuedAt)) : ''}${document.needsPaymentApproval ? ' · payment needs approval' : ''}`
                    : 'Unissued'}
                  {document.status === 'unissued' && canAct ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button-primary button-small"
                        onClick={() => act(() => api.issueDocument({ number: document.number }))}
                        data-testid="issue-document"
                      >
                        Issue to customer
                      </button>
                    </>
                  ) : null}
                </td>
                <td className="number">{formatMinor(document.totalMinor, document.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}
