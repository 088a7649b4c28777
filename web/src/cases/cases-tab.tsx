/**
 * The account's Cases tab (CAS-1): the account's cases, newest first, and "Raise a case" with its
 * type, priority, subject and description. Raising a billing dispute turns the status colour red
 * (CAS-2), so the header is told the account changed.
 */
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { Link, paths } from '../router.js'
import { errorMessage, SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { Panel } from '../shared/panel.js'
import { caseListMessages, PagedCaseList } from './case-list.js'
import {
  accountCases,
  type Case,
  type CaseType,
  caseTypeLabels,
  caseTypes,
  openCase,
  type Priority,
  priorities,
  priorityLabels,
} from './cases-api.js'

const pageSize = 20

export function CasesTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const canCreate = user.permissions.includes('cases.case.create')
  const queryClient = useQueryClient()
  const cases = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'cases'],
    queryFn: ({ pageParam }) => accountCases(api, { accountNumber, limit: pageSize, cursor: pageParam }),
    ...byCursor,
  })
  const list = pagedList(cases, caseListMessages)
  const [raising, setRaising] = useState(false)
  const [raised, setRaised] = useState<Case | null>(null)

  return (
    <div className="cases-tab" data-testid="cases-tab">
      {canCreate && !raising && (
        <div className="payments-actions" role="toolbar" aria-label="Case actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setRaising(true)
              setRaised(null)
            }}
            data-testid="raise-case"
          >
            Raise a case
          </button>
        </div>
      )}
      {raising && (
        <RaiseCaseForm
          accountNumber={accountNumber}
          onCancel={() => setRaising(false)}
          onRaised={(opened) => {
            setRaising(false)
            setRaised(opened)
            // The account's cases (and the rest of the account) are fetched again, and the queues.
            announceAccountChanged(accountNumber)
            void queryClient.invalidateQueries({ queryKey: ['account', accountNumber, 'cases'] })
            void queryClient.invalidateQueries({ queryKey: ['cases'] })
            void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
          }}
        />
      )}
      {raised && (
        <p className="callout callout-success" role="status" data-testid="case-raised">
          Case <Link to={paths.case(raised.number)}>{raised.number}</Link> raised.
          {raised.type === 'billing_dispute' && ' The customer has been sent a dispute acknowledgement.'}
        </p>
      )}

      <Panel title="Cases">
        <PagedCaseList list={list} empty="No cases on this account." testId="account-cases" />
      </Panel>
    </div>
  )
}

function RaiseCaseForm({
  accountNumber,
  onCancel,
  onRaised,
}: {
  accountNumber: string
  onCancel: () => void
  onRaised: (opened: Case) => void
}) {
  const api = useApi()
  const ids = useId()
  const [type, setType] = useState<CaseType>('billing_dispute')
  const [priority, setPriority] = useState<Priority>('normal')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    if (!subject.trim()) {
      setProblems({ subject: 'Give the case a short subject.' })
      return
    }
    setProblems({})
    setError(null)
    setSending(true)
    try {
      const { case: opened } = await openCase(api, {
        accountNumber,
        input: { type, priority, subject: subject.trim(), description: description.trim() },
      })
      onRaised(opened)
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldProblems() : {}
      setProblems(fields)
      if (!['type', 'priority', 'subject', 'description'].some((field) => field in fields))
        setError(errorMessage(caught, 'The case could not be raised.'))
      setSending(false)
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Raise a case"
      data-testid="raise-case-form"
    >
      <h2 className="card-title">Raise a case</h2>
      <div className="form-inline-grid">
        <SelectField
          id={`${ids}-type`}
          label="Type"
          value={type}
          onValueChange={(value) => setType(value as CaseType)}
          options={caseTypes.map((value) => ({ value, label: caseTypeLabels[value] }))}
          error={problems['type']}
          data-testid="case-type"
        />
        <SelectField
          id={`${ids}-priority`}
          label="Priority"
          value={priority}
          onValueChange={(value) => setPriority(value as Priority)}
          options={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
          error={problems['priority']}
          data-testid="case-priority-input"
        />
        <TextField
          id={`${ids}-subject`}
          label="Subject"
          wide
          maxLength={200}
          value={subject}
          onValueChange={setSubject}
          error={problems['subject']}
          errorTestId="case-subject-error"
          data-testid="case-subject"
        />
        <TextAreaField
          id={`${ids}-description`}
          label="Description"
          optional
          wide
          maxLength={10000}
          value={description}
          onValueChange={setDescription}
          error={problems['description']}
          hint="What the customer said, what you checked, what should happen next."
          data-testid="case-description"
        />
        {type === 'billing_dispute' && (
          <p className="callout callout-info form-wide">
            A billing dispute turns the account red and pauses collections while it is open, and the customer is sent a
            dispute acknowledgement.
          </p>
        )}
        {error && (
          <p className="callout callout-error form-wide" role="alert" data-testid="raise-case-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={sending} data-testid="raise-case-submit">
            {sending ? 'Raising…' : 'Raise case'}
          </button>
          <button type="button" className="button button-ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  )
}
