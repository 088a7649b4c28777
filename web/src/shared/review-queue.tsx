/**
 * The frame every review queue of the console shares (held statements, approvals, powers of
 * attorney): the title with what the queue holds and a Refresh button, the outcome of the last
 * decision (announced, and focused by the page once the decided row has gone), and the loading and
 * failed states. The page renders its own rows as children once loaded.
 */
import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api.js'

export type QueueStatus = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded' }
export type QueueOutcome = { tone: 'success' | 'error'; text: string }
export type LoadedQueue<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: T[] }

/**
 * The state every review queue keeps: its items (loaded on mount and on `reload`), the outcome of the
 * last decision, and `decided`, which shows that outcome, reloads and moves focus to it.
 */
export function useReviewQueue<T>(load: () => Promise<T[]>, failure: string) {
  const [queue, setQueue] = useState<LoadedQueue<T>>({ status: 'loading' })
  const [outcome, setOutcome] = useState<QueueOutcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const reload = useCallback(async () => {
    try {
      setQueue({ status: 'loaded', items: await load() })
    } catch (error) {
      setQueue({ status: 'failed', message: error instanceof ApiError ? error.message : failure })
    }
  }, [load, failure])
  useEffect(() => {
    void reload()
  }, [reload])
  async function decided(text: string) {
    setOutcome({ tone: 'success', text })
    await reload()
    outcomeRef.current?.focus()
  }
  return { queue, items: queue.status === 'loaded' ? queue.items : [], outcome, outcomeRef, reload, decided }
}

export function ReviewQueue({
  className,
  testId,
  title,
  lede,
  queue,
  onRefresh,
  outcome,
  outcomeRef,
  outcomeTestId,
  loadingLabel,
  children,
}: {
  className: string
  testId?: string
  title: string
  lede: ReactNode
  queue: QueueStatus
  onRefresh: () => void
  outcome: QueueOutcome | null
  outcomeRef: RefObject<HTMLDivElement | null>
  outcomeTestId: string
  loadingLabel: string
  children: ReactNode
}) {
  return (
    <div className={`page ${className}`} {...(testId ? { 'data-testid': testId } : {})}>
      <header className="page-header">
        <div>
          <h1 className="page-title">{title}</h1>
          <p className="page-lede">{lede}</p>
        </div>
        <button type="button" className="button button-small" onClick={onRefresh} disabled={queue.status === 'loading'}>
          Refresh
        </button>
      </header>

      <div className="held-outcome" ref={outcomeRef} tabIndex={-1} aria-live="polite">
        {outcome && (
          <p className={`callout callout-${outcome.tone}`} data-testid={outcomeTestId}>
            {outcome.text}
          </p>
        )}
      </div>

      {queue.status === 'loading' && (
        <div className="card skeleton-card" aria-busy="true">
          <span className="visually-hidden">{loadingLabel}</span>
        </div>
      )}
      {queue.status === 'failed' && (
        <p className="callout callout-error" role="alert">
          {queue.message}
        </p>
      )}
      {children}
    </div>
  )
}
