/**
 * The approvals queue (PAY-4, BIL-4) for supervisors: goodwill credits and refunds over the limit,
 * and business Direct Debits over the threshold, oldest first. Approve or reject each, with a note
 * for credits; nobody decides their own request (the server refuses it, and the message says so).
 */
import { useId, useState } from 'react'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { type FormMutation, useFormMutation } from '../shared/mutation.js'
import { QueueCard, ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { creditKindLabels } from './payment-format.js'
import {
  approvalsPermission,
  type CreditRequest,
  type DirectDebitApproval,
  decideCredit,
  decideDirectDebit,
  approvals as fetchApprovals,
} from './payments-api.js'

// Kept in payments-api.ts so the shell's navigation can name it without loading this page.
export { approvalsPermission }

export function ApprovalsPage() {
  return (
    <PermissionGate
      permission={approvalsPermission}
      title="Approvals"
      refusal="Approving credits and refunds over the limit needs the supervisor role."
    >
      <ApprovalsQueue />
    </PermissionGate>
  )
}

function ApprovalsQueue() {
  const api = useApi()
  const { state, data, decided } = useReviewQueue({
    queryKey: ['approvals'],
    queryFn: () => fetchApprovals(api),
    failure: 'The approvals could not be loaded.',
    // A decision moves money on the account it is for: any account shown and the worklist are stale.
    invalidates: [['account'], ['collections', 'worklist']],
  })
  const credits = data?.credits ?? []
  const debits = data?.directDebits ?? []

  return (
    <ReviewQueue
      className="approvals-page"
      title="Approvals"
      lede="Credits and refunds over the limit, and business Direct Debits over the threshold, waiting for a supervisor. Nothing reaches the account until it is approved."
      state={state}
      outcomeTestId="approval-outcome"
      loadingLabel="Loading approvals…"
    >
      <QueueCard
        titleId="approval-credits-title"
        title="Credits and refunds"
        count={`${credits.length} waiting`}
        countTestId="approval-credit-count"
        empty={credits.length === 0 && 'No credits or refunds are waiting.'}
        emptyTestId="approvals-credits-empty"
      >
        <DataTable
          caption="Credits and refunds waiting for approval, oldest first"
          columns={['Account', 'Asked', 'Kind', { label: 'Amount', numeric: true }, 'Reason', 'Decision']}
        >
          {credits.map((request) => (
            <CreditRow key={request.id} request={request} onDecided={decided} />
          ))}
        </DataTable>
      </QueueCard>

      <QueueCard
        titleId="approval-debits-title"
        title="Business Direct Debits"
        count={`${debits.length} waiting`}
        empty={debits.length === 0 && 'No Direct Debits are waiting.'}
      >
        <DataTable
          caption="Business Direct Debits over the threshold"
          columns={['Account', 'Collect on', { label: 'Amount', numeric: true }, 'Why it waits', 'Decision']}
        >
          {debits.map((debit) => (
            <DirectDebitRow key={debit.id} debit={debit} onDecided={decided} />
          ))}
        </DataTable>
      </QueueCard>
    </ReviewQueue>
  )
}

/** An approve-or-reject write: `true` approves. Its invalidations are the page's `onDecided`. */
function useDecision<Result>(
  decide: (approve: boolean) => Promise<Result>,
  outcome: (result: Result, approve: boolean) => string,
  onDecided: (text: string) => Promise<void>,
) {
  return useFormMutation({
    mutationFn: decide,
    onSuccess: (result, approve) => onDecided(outcome(result, approve)),
    failure: 'The decision could not be saved.',
  })
}

/** Approve and Reject, each saying so while its decision is sent, then why a decision failed. */
function DecisionButtons({
  decision,
  approve,
  approving,
  named,
  testIds,
}: {
  decision: FormMutation<unknown, boolean>
  approve: string
  approving: string
  /** What the buttons decide, for screen readers ("Refund of £12.00"). */
  named?: string
  testIds?: { approve: string; reject: string; error: string }
}) {
  const sending = decision.sending ? (decision.input ? 'approve' : 'reject') : null
  const buttons = [
    {
      value: true,
      label: sending === 'approve' ? approving : approve,
      className: 'button button-primary button-small',
    },
    { value: false, label: sending === 'reject' ? 'Rejecting…' : 'Reject', className: 'button button-small' },
  ]
  return (
    <>
      <div className="button-row">
        {buttons.map((button) => (
          <button
            key={String(button.value)}
            type="button"
            className={button.className}
            onClick={() => decision.send(button.value)}
            disabled={sending !== null}
            data-testid={testIds ? testIds[button.value ? 'approve' : 'reject'] : undefined}
          >
            {button.label}
            {named && <span className="visually-hidden"> {named}</span>}
          </button>
        ))}
      </div>
      {decision.error && (
        <p className="field-error" role="alert" data-testid={testIds?.error}>
          {decision.error}
        </p>
      )}
    </>
  )
}

function CreditRow({ request, onDecided }: { request: CreditRequest; onDecided: (text: string) => Promise<void> }) {
  const api = useApi()
  const ids = useId()
  const [note, setNote] = useState('')
  const label = creditKindLabels[request.kind]
  const amount = formatMinor(request.amountMinor, request.currency)
  const decision = useDecision(
    (approve) => decideCredit(api, { requestId: request.id, approve, ...(note.trim() ? { note: note.trim() } : {}) }),
    (decided) =>
      decided.status === 'completed'
        ? `${label} of ${amount} approved and applied to ${request.accountNumber ?? 'the account'}.`
        : `${label} of ${amount} for ${request.accountNumber ?? 'the account'} rejected.`,
    onDecided,
  )

  return (
    <tr data-testid="approval-credit" data-id={request.id} data-account={request.accountNumber}>
      <td className="nowrap">
        {request.accountNumber ? (
          <Link to={`${paths.account(request.accountNumber)}?tab=payments`} className="mono">
            {request.accountNumber}
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="nowrap">{formatLocalDateTime(request.requestedAt)}</td>
      <td>{label}</td>
      <td className="numeric">{amount}</td>
      <td>{request.reason}</td>
      <td>
        <div className="held-decision">
          <div className="field">
            <label className="visually-hidden" htmlFor={`${ids}-note`}>
              Note on the decision
            </label>
            <input
              id={`${ids}-note`}
              className="input input-compact"
              placeholder="Note (optional)"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              disabled={decision.sending}
              data-testid="approval-note"
            />
          </div>
          <DecisionButtons
            decision={decision}
            approve="Approve"
            approving="Approving…"
            named={`${label} of ${amount}`}
            testIds={{ approve: 'approval-approve', reject: 'approval-reject', error: 'approval-error' }}
          />
        </div>
      </td>
    </tr>
  )
}

function DirectDebitRow({
  debit,
  onDecided,
}: {
  debit: DirectDebitApproval
  onDecided: (text: string) => Promise<void>
}) {
  const api = useApi()
  const amount = formatMinor(debit.amountMinor)
  const decision = useDecision(
    (approve) => decideDirectDebit(api, { collectionId: debit.id, approve }),
    ({ outcome }, approve) =>
      approve
        ? `Direct Debit of ${amount} for ${debit.accountNumber}: ${outcome === 'collected' ? 'collected' : outcome}.`
        : `Direct Debit of ${amount} for ${debit.accountNumber} rejected: nothing was collected.`,
    onDecided,
  )

  return (
    <tr data-testid="approval-direct-debit">
      <td className="nowrap">
        <Link to={`${paths.account(debit.accountNumber)}?tab=payments`} className="mono">
          {debit.accountNumber}
        </Link>
      </td>
      <td className="nowrap">{formatCalendarDate(debit.collectOn)}</td>
      <td className="numeric">{amount}</td>
      <td>Over the {formatMinor(debit.thresholdMinor)} threshold for business invoice payments</td>
      <td>
        <DecisionButtons decision={decision} approve="Approve and collect" approving="Collecting…" />
      </td>
    </tr>
  )
}
