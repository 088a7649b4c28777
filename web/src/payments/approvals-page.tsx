/**
 * The approvals queue (PAY-4, BIL-4) for supervisors: goodwill credits and refunds over the limit,
 * and business Direct Debits over the threshold, oldest first. Approve or reject each, with a note
 * for credits; nobody decides their own request (the server refuses it, and the message says so).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatLondonDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { ReviewQueue } from '../shared/review-queue.js'
import { creditKindLabels, messageOf } from './payment-format.js'
import {
  type Approvals,
  approvalsPermission,
  type CreditRequest,
  type DirectDebitApproval,
  decideCredit,
  decideDirectDebit,
  approvals as fetchApprovals,
} from './payments-api.js'

// Kept in payments-api.ts so the shell's navigation can name it without loading this page.
export { approvalsPermission }

type Queue = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded'; approvals: Approvals }
type Outcome = { tone: 'success' | 'error'; text: string }

export function ApprovalsPage() {
  const { user } = useSession()
  if (!user.permissions.includes(approvalsPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Approvals</h1>
        </header>
        <p className="callout callout-info">Approving credits and refunds over the limit needs the supervisor role.</p>
      </div>
    )
  }
  return <ApprovalsQueue />
}

function ApprovalsQueue() {
  const api = useApi()
  const queryClient = useQueryClient()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const query = useQuery({ queryKey: ['approvals'], queryFn: () => fetchApprovals(api) })
  const queue: Queue = query.data
    ? { status: 'loaded', approvals: query.data }
    : query.isError
      ? { status: 'failed', message: messageOf(query.error, 'The approvals could not be loaded.') }
      : { status: 'loading' }

  async function decided(text: string) {
    setOutcome({ tone: 'success', text })
    // A decision moves money on the account it is for: the queue and any account shown are stale.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
      queryClient.invalidateQueries({ queryKey: ['account'] }),
      queryClient.invalidateQueries({ queryKey: ['collections', 'worklist'] }),
    ])
    outcomeRef.current?.focus()
  }

  const credits = queue.status === 'loaded' ? queue.approvals.credits : []
  const debits = queue.status === 'loaded' ? queue.approvals.directDebits : []

  return (
    <ReviewQueue
      className="approvals-page"
      title="Approvals"
      lede="Credits and refunds over the limit, and business Direct Debits over the threshold, waiting for a supervisor. Nothing reaches the account until it is approved."
      queue={queue}
      onRefresh={() => void query.refetch()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="approval-outcome"
      loadingLabel="Loading approvals…"
    >
      {queue.status === 'loaded' && (
        <>
          <section className="card card-flush" aria-labelledby="approval-credits-title">
            <header className="card-header card-header-padded">
              <h2 className="card-title" id="approval-credits-title">
                Credits and refunds
              </h2>
              <span className="muted" data-testid="approval-credit-count">
                {credits.length} waiting
              </span>
            </header>
            {credits.length === 0 ? (
              <p className="empty" data-testid="approvals-credits-empty">
                No credits or refunds are waiting.
              </p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">Credits and refunds waiting for approval, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Asked</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="numeric">
                        Amount
                      </th>
                      <th scope="col">Reason</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {credits.map((request) => (
                      <CreditRow key={request.id} request={request} onDecided={decided} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="card card-flush" aria-labelledby="approval-debits-title">
            <header className="card-header card-header-padded">
              <h2 className="card-title" id="approval-debits-title">
                Business Direct Debits
              </h2>
              <span className="muted">{debits.length} waiting</span>
            </header>
            {debits.length === 0 ? (
              <p className="empty">No Direct Debits are waiting.</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">Business Direct Debits over the threshold</caption>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Collect on</th>
                      <th scope="col" className="numeric">
                        Amount
                      </th>
                      <th scope="col">Why it waits</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {debits.map((debit) => (
                      <DirectDebitRow key={debit.id} debit={debit} onDecided={decided} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </ReviewQueue>
  )
}

function CreditRow({ request, onDecided }: { request: CreditRequest; onDecided: (text: string) => Promise<void> }) {
  const api = useApi()
  const ids = useId()
  const [note, setNote] = useState('')
  const [sending, setSending] = useState<'approve' | 'reject' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const label = creditKindLabels[request.kind]
  const amount = formatMinor(request.amountMinor, request.currency)

  async function decide(approve: boolean) {
    setSending(approve ? 'approve' : 'reject')
    setError(null)
    try {
      const decided = await decideCredit(api, {
        requestId: request.id,
        approve,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      setSending(null)
      await onDecided(
        decided.status === 'completed'
          ? `${label} of ${amount} approved and applied to ${request.accountNumber ?? 'the account'}.`
          : `${label} of ${amount} for ${request.accountNumber ?? 'the account'} rejected.`,
      )
    } catch (caught) {
      setSending(null)
      setError(messageOf(caught, 'The decision could not be saved.'))
    }
  }

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
      <td className="nowrap">{formatLondonDateTime(request.requestedAt)}</td>
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
              disabled={sending !== null}
              data-testid="approval-note"
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => void decide(true)}
              disabled={sending !== null}
              data-testid="approval-approve"
            >
              {sending === 'approve' ? 'Approving…' : 'Approve'}
              <span className="visually-hidden">
                {' '}
                {label} of {amount}
              </span>
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void decide(false)}
              disabled={sending !== null}
              data-testid="approval-reject"
            >
              {sending === 'reject' ? 'Rejecting…' : 'Reject'}
              <span className="visually-hidden">
                {' '}
                {label} of {amount}
              </span>
            </button>
          </div>
          {error && (
            <p className="field-error" role="alert" data-testid="approval-error">
              {error}
            </p>
          )}
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
  const [sending, setSending] = useState<'approve' | 'reject' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const amount = formatMinor(debit.amountMinor)

  async function decide(approve: boolean) {
    setSending(approve ? 'approve' : 'reject')
    setError(null)
    try {
      const { outcome } = await decideDirectDebit(api, { collectionId: debit.id, approve })
      setSending(null)
      await onDecided(
        approve
          ? `Direct Debit of ${amount} for ${debit.accountNumber}: ${outcome === 'collected' ? 'collected' : outcome}.`
          : `Direct Debit of ${amount} for ${debit.accountNumber} rejected: nothing was collected.`,
      )
    } catch (caught) {
      setSending(null)
      setError(messageOf(caught, 'The decision could not be saved.'))
    }
  }

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
        <div className="button-row">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void decide(true)}
            disabled={sending !== null}
          >
            {sending === 'approve' ? 'Collecting…' : 'Approve and collect'}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => void decide(false)}
            disabled={sending !== null}
          >
            {sending === 'reject' ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  )
}
