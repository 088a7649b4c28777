/**
 * The review queue of statements billing runs held (BIL-3), for billing specialists: each with its
 * account, period, total and why it was held. Release issues it (it is posted to the account);
 * reject, with a reason, charges nothing so the period can be billed again. The queue is fetched
 * again after each decision.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { ApiError, type HeldStatement } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatPeriod } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { ReviewQueue } from '../shared/review-queue.js'
import { statementKindLabel } from './statement-format.js'

const queueLimit = 100

type Queue =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: HeldStatement[] }

type Outcome = { tone: 'success' | 'error'; text: string }

export function HeldStatementsPage() {
  const { user } = useSession()
  if (!user.permissions.includes('billing.anomaly.resolve')) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Held statements</h1>
        </header>
        <p className="callout callout-info">Reviewing held statements needs the billing specialist role.</p>
      </div>
    )
  }
  return <HeldStatementsQueue />
}

function HeldStatementsQueue() {
  const api = useApi()
  const queryClient = useQueryClient()
  const held = useQuery({ queryKey: ['held-statements'], queryFn: () => api.heldStatements({ limit: queueLimit }) })
  const queue: Queue = held.isPending
    ? { status: 'loading' }
    : held.isError
      ? { status: 'failed', message: messageOf(held.error, 'The held statements could not be loaded.') }
      : { status: 'loaded', items: held.data }
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const load = () => held.refetch()

  async function decided(text: string) {
    setOutcome({ tone: 'success', text })
    // A decision takes the statement off the queue (and the dashboard's) and may post it to its account.
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
    void queryClient.invalidateQueries({ queryKey: ['account'] })
    await queryClient.invalidateQueries({ queryKey: ['held-statements'] })
    // The row has gone: keep focus on the page, on the outcome it announces.
    outcomeRef.current?.focus()
  }

  return (
    <ReviewQueue
      className="held-page"
      title="Held statements"
      lede="Statements a billing run held for review, oldest first. Nothing is charged until one is released; a rejected statement charges nothing and its period is billed again."
      queue={queue}
      onRefresh={() => void load()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="held-outcome"
      loadingLabel="Loading held statements…"
    >
      {queue.status === 'loaded' && (
        <section className="card card-flush" aria-labelledby="held-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="held-title">
              Waiting for review
            </h2>
            <span className="muted" data-testid="held-count">
              {queue.items.length === queueLimit
                ? `The oldest ${queueLimit}`
                : `${queue.items.length} ${queue.items.length === 1 ? 'statement' : 'statements'}`}
            </span>
          </header>
          {queue.items.length === 0 ? (
            <p className="empty" data-testid="held-empty">
              Nothing is waiting for review.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table held-table">
                <caption className="visually-hidden">Held statements, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Statement</th>
                    <th scope="col">Period</th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                    <th scope="col">Why it was held</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((statement) => (
                    <HeldRow key={statement.id} statement={statement} onDecided={decided} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
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
  const [problem, setProblem] = useState<{ field: string | null; message: string | null }>({
    field: null,
    message: null,
  })

  // A decision's invalidations (the queue, the dashboard, accounts) are the page's `onDecided`.
  const deciding = useMutation({
    mutationFn: (decision: { reject?: string }) => api.decideHeld({ number: statement.number, ...decision }),
  })
  const sending = deciding.isPending ? (deciding.variables.reject === undefined ? 'release' : 'reject') : null

  async function release() {
    setProblem({ field: null, message: null })
    try {
      const issued = await deciding.mutateAsync({})
      await onDecided(`${issued.number} released: issued to ${statement.accountNumber}.`)
    } catch (error) {
      setProblem({ field: null, message: messageOf(error, 'The statement could not be released.') })
    }
  }

  async function reject() {
    const trimmed = reason.trim()
    if (trimmed.length < 3 || trimmed.length > 500) {
      setProblem({ field: 'Say why it is rejected, in 3 to 500 characters.', message: null })
      document.getElementById(`${ids}-reason`)?.focus()
      return
    }
    setProblem({ field: null, message: null })
    try {
      const rejected = await deciding.mutateAsync({ reject: trimmed })
      await onDecided(`${rejected.number} rejected: nothing was charged to ${statement.accountNumber}.`)
    } catch (error) {
      const field = error instanceof ApiError ? (error.fieldProblems()['reason'] ?? null) : null
      setProblem(
        field
          ? { field, message: null }
          : { field: null, message: messageOf(error, 'The statement could not be rejected.') },
      )
    }
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
        <ul className="hold-reasons">
          {statement.holdReasons.map((held) => (
            <li key={held.code}>{held.message}</li>
          ))}
        </ul>
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
                aria-invalid={problem.field ? true : undefined}
                aria-describedby={problem.field ? `${ids}-reason-error` : undefined}
                disabled={sending !== null}
                data-testid="held-reason"
              />
              {problem.field && (
                <span className="field-error" id={`${ids}-reason-error`} data-testid="held-reason-error">
                  {problem.field}
                </span>
              )}
            </div>
            <button type="submit" className="button button-small" disabled={sending !== null} data-testid="held-reject">
              {sending === 'reject' ? 'Rejecting…' : 'Reject'}
              <span className="visually-hidden"> {statement.number}</span>
            </button>
          </form>
          {problem.message && (
            <p className="field-error" role="alert">
              {problem.message}
            </p>
          )}
        </div>
      </td>
    </tr>
  )
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback
}
