/**
 * The frame every review queue of the console shares (held statements, approvals, powers of
 * attorney, review flags, staff, tokens): the title with what the queue holds and a Refresh button,
 * the outcome of the last decision (announced, and focused by the page once the decided row has gone),
 * and the loading and failed states. The page renders its own cards and rows as children once loaded.
 * The rows sit in a `DataTable` (`table.tsx`). What a queue shows comes through react-query: its
 * query, and the queries a decision makes stale.
 */
import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, type RefObject, useRef, useState } from 'react'
import { errorMessage } from './form-field.js'
import { PageHeader } from './page-header.js'

export type QueueStatus = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded' }
export type QueueOutcome = { tone: 'success' | 'error'; text: string }

/** Everything the frame shows besides the page's own rows. */
export type QueueState = {
  queue: QueueStatus
  reload: () => unknown
  outcome: QueueOutcome | null
  outcomeRef: RefObject<HTMLDivElement | null>
}

/** Loading until every query has answered; failed (with the server's message) once one has failed. */
export function queueStatus(failure: string, ...queries: { data: unknown; error: unknown }[]): QueueStatus {
  const failed = queries.find((query) => query.error)?.error
  if (failed) return { status: 'failed', message: errorMessage(failed, failure) }
  return queries.every((query) => query.data !== undefined) ? { status: 'loaded' } : { status: 'loading' }
}

/**
 * The outcome of the last decision, and `decided`, which shows it, waits for the queries the decision
 * made stale to be fetched again (the decided row has gone), then moves focus to it.
 */
export function useQueueOutcome(invalidates: readonly QueryKey[]) {
  const queryClient = useQueryClient()
  const [outcome, setOutcome] = useState<QueueOutcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  async function decided(text: string, tone: QueueOutcome['tone'] = 'success') {
    setOutcome({ tone, text })
    await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
    outcomeRef.current?.focus()
  }
  return { outcome, outcomeRef, decided, clear: () => setOutcome(null) }
}

/**
 * A queue read by one query: its data once loaded, the frame's state, and `decided`, which also
 * invalidates the queue itself and whatever else `invalidates` names (an account, the dashboard).
 */
export function useReviewQueue<Data>({
  queryKey,
  queryFn,
  failure,
  invalidates = [],
}: {
  queryKey: QueryKey
  queryFn: () => Promise<Data>
  failure: string
  invalidates?: readonly QueryKey[]
}) {
  const query = useQuery({ queryKey, queryFn })
  const { outcome, outcomeRef, decided } = useQueueOutcome([queryKey, ...invalidates])
  const state: QueueState = { queue: queueStatus(failure, query), reload: () => query.refetch(), outcome, outcomeRef }
  return { state, data: state.queue.status === 'loaded' ? query.data : undefined, decided }
}

/** The outcome of the last decision, in a live region the page focuses once the row has gone. */
export function QueueOutcomeNotice({
  outcome,
  outcomeRef,
  testId,
}: {
  outcome: QueueOutcome | null
  outcomeRef: RefObject<HTMLDivElement | null>
  testId: string
}) {
  return (
    <div className="held-outcome" ref={outcomeRef} tabIndex={-1} aria-live="polite">
      {outcome && (
        <p className={`callout callout-${outcome.tone}`} data-testid={testId}>
          {outcome.text}
        </p>
      )}
    </div>
  )
}

/**
 * While a list loads, a placeholder (a card, a row inside a card, or a bare skeleton inside a card);
 * once it has failed, why. Nothing once it has loaded.
 */
export function QueueStatusNotice({
  queue,
  loadingLabel,
  skeleton = 'card',
  failedTestId,
}: {
  queue: { status: string; message?: string }
  loadingLabel?: string
  skeleton?: 'card' | 'row' | 'inner'
  failedTestId?: string
}) {
  if (queue.status === 'loading') {
    if (skeleton === 'row') return <div className="skeleton skeleton-row" aria-busy="true" />
    return (
      <div className={skeleton === 'card' ? 'card skeleton-card' : 'skeleton-card'} aria-busy="true">
        <span className="visually-hidden">{loadingLabel}</span>
      </div>
    )
  }
  if (queue.status !== 'failed') return null
  return (
    <p className="callout callout-error" role="alert" data-testid={failedTestId}>
      {queue.message}
    </p>
  )
}

export function ReviewQueue({
  className,
  testId,
  title,
  lede,
  state: { queue, reload, outcome, outcomeRef },
  outcomeTestId,
  loadingLabel,
  children,
}: {
  className: string
  testId?: string
  title: string
  lede: ReactNode
  state: QueueState
  outcomeTestId: string
  loadingLabel: string
  children: ReactNode
}) {
  return (
    <div className={`page ${className}`} {...(testId ? { 'data-testid': testId } : {})}>
      <PageHeader title={title} lede={lede}>
        <button type="button" className="button button-small" onClick={reload} disabled={queue.status === 'loading'}>
          Refresh
        </button>
      </PageHeader>

      <QueueOutcomeNotice outcome={outcome} outcomeRef={outcomeRef} testId={outcomeTestId} />

      <QueueStatusNotice queue={queue} loadingLabel={loadingLabel} />
      {queue.status === 'loaded' && children}
    </div>
  )
}

/**
 * One card of a queue (or of any list of rows: payments, credits, activity): its title and what it
 * holds (a count, or an action), then the rows, or what to say when there are none, then any footer.
 */
export function QueueCard({
  titleId,
  title,
  count,
  countTestId,
  action,
  testId,
  empty,
  emptyTestId,
  footer,
  children,
}: {
  titleId: string
  title: string
  count?: ReactNode
  countTestId?: string
  action?: ReactNode
  testId?: string
  /** Shown instead of the rows when there are none (pass `false` when there are). */
  empty: ReactNode
  emptyTestId?: string
  /** After the rows, e.g. "Load more". */
  footer?: ReactNode
  children: ReactNode
}) {
  return (
    <section className="card card-flush" aria-labelledby={titleId} data-testid={testId}>
      <header className="card-header card-header-padded">
        <h2 className="card-title" id={titleId}>
          {title}
        </h2>
        {count !== undefined && (
          <span className="muted" data-testid={countTestId}>
            {count}
          </span>
        )}
        {action}
      </header>
      {empty ? (
        <p className="empty" data-testid={emptyTestId}>
          {empty}
        </p>
      ) : (
        children
      )}
      {footer}
    </section>
  )
}
