/**
 * The review queue of statements billing runs held (BIL-3), for billing specialists: each with its
 * account, period, total and why it was held. Release issues it (it is posted to the account);
 * reject, with a reason, charges nothing so the period can be billed again. The queue is fetched
 * again after each decision.
 */
import { useId, useState } from 'react'
import type { HeldStatement } from '../api.js'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { fieldAria } from '../shared/form-field.js'
import { formatPeriod } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'
import { QueueCard, ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { HoldReasonList } from './hold-reasons.js'
import { statementKindLabel } from './statement-format.js'

const queueLimit = 100

export function HeldStatementsPage() {
  return (
    <PermissionGate
      permission="billing.anomaly.resolve"
      title="Held statements"
      refusal="Reviewing held statements needs the billing specialist role."
    >
      <HeldStatementsQueue />
    </PermissionGate>
  )
}

function HeldStatementsQueue() {
  const api = useApi()
  const {
    state,
    data: held = [],
    decided,
  } = useReviewQueue({
    queryKey: ['held-statements'],
    queryFn: () => api.heldStatements({ limit: queueLimit }),
    failure: 'The held statements could not be loaded.',
    // A decision takes the statement off the queue (and the dashboard's) and may post it to its account.
    invalidates: [['dashboard'], ['account']],
  })

  return (
    <ReviewQueue
      className="held-page"
      title="Held statements"
      lede="Statements a billing run held for review, oldest first. Nothing is charged until one is released; a rejected statement charges nothing and its period is billed again."
      state={state}
      outcomeTestId="held-outcome"
      loadingLabel="Loading held statements…"
    >
      <QueueCard
        titleId="held-title"
        title="Waiting for review"
        count={
          held.length === queueLimit
            ? `The oldest ${queueLimit}`
            : `${held.length} ${held.length === 1 ? 'statement' : 'statements'}`
        }
        countTestId="held-count"
        empty={held.length === 0 && 'Nothing is waiting for review.'}
        emptyTestId="held-empty"
      >
        <DataTable
          className="held-table"
          caption="Held statements, oldest first"
          columns={['Account', 'Statement', 'Period', { label: 'Total', numeric: true }, 'Why it was held', 'Decision']}
        >
          {held.map((statement) => (
            <HeldRow key={statement.id} statement={statement} onDecided={decided} />
          ))}
        </DataTable>
      </QueueCard>
    </ReviewQueue>
  )
}

function HeldRow({
  statement,
  onDecided,
}: {
  statement: HeldStatement
  onDecided: (outcome: string) => Promise<void>
}) {
  const api = useApi()
  const ids = useId()
  const [reason, setReason] = useState('')

  // A decision's invalidations (the queue, the dashboard, accounts) are the page's `onDecided`.
  const deciding = useFormMutation({
    mutationFn: (decision: { reject?: string }) => api.decideHeld({ number: statement.number, ...decision }),
    onSuccess: (decided, { reject }) =>
      onDecided(
        reject === undefined
          ? `${decided.number} released: issued to ${statement.accountNumber}.`
          : `${decided.number} rejected: nothing was charged to ${statement.accountNumber}.`,
      ),
    failure: 'The decision could not be saved.',
    inlineFields: ['reason'],
  })
  const sending = deciding.sending ? (deciding.input?.reject === undefined ? 'release' : 'reject') : null
  const problem = deciding.problems['reason']

  function release() {
    if (deciding.check({})) deciding.send({})
  }

  function reject() {
    const trimmed = reason.trim()
    if (
      !deciding.check(
        trimmed.length < 3 || trimmed.length > 500 ? { reason: 'Say why it is rejected, in 3 to 500 characters.' } : {},
      )
    ) {
      document.getElementById(`${ids}-reason`)?.focus()
      return
    }
    deciding.send({ reject: trimmed })
  }

  const accountLink = `${paths.account(statement.accountNumber)}?${new URLSearchParams({
    tab: 'billing',
    statement: statement.number,
  })}`

  return (
    <tr data-testid="held-row" data-number={statement.number}>
      <td className="nowrap">
        <Link to={accountLink} className="mono">
          {statement.accountNumber}
        </Link>
      </td>
      <td className="nowrap">
        <span className="mono">{statement.number}</span>
        <span className="statement-version muted">
          {statementKindLabel(statement.kind)}
          {statement.version > 1 ? `, version ${statement.version}` : ''}
        </span>
      </td>
      <td className="nowrap">{formatPeriod(statement.periodFrom, statement.periodTo)}</td>
      <td className="numeric">{formatMinor(statement.totalMinor, statement.currency)}</td>
      <td>
        <HoldReasonList reasons={statement.holdReasons} />
      </td>
      <td>
        <div className="held-decision">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void release()}
            disabled={sending !== null}
            data-testid="held-release"
          >
            {sending === 'release' ? 'Releasing…' : 'Release'}
            <span className="visually-hidden"> {statement.number}</span>
          </button>
          <form
            className="held-reject"
            onSubmit={(event) => {
              event.preventDefault()
              void reject()
            }}
            noValidate
          >
            <div className="field">
              <label className="visually-hidden" htmlFor={`${ids}-reason`}>
                Why reject {statement.number}
              </label>
              <input
                id={`${ids}-reason`}
                className="input"
                placeholder="Why reject it"
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
                {...fieldAria({ id: `${ids}-reason`, error: problem })}
                disabled={sending !== null}
                data-testid="held-reason"
              />
              {problem && (
                <span className="field-error" id={`${ids}-reason-error`} data-testid="held-reason-error">
                  {problem}
                </span>
              )}
            </div>
            <button type="submit" className="button button-small" disabled={sending !== null} data-testid="held-reject">
              {sending === 'reject' ? 'Rejecting…' : 'Reject'}
              <span className="visually-hidden"> {statement.number}</span>
            </button>
          </form>
          {deciding.error && (
            <p className="field-error" role="alert">
              {deciding.error}
            </p>
          )}
        </div>
      </td>
    </tr>
  )
}
