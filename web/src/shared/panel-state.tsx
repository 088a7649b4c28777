/**
 * What a panel shows of the one query it reads: a loading state, the reason the query failed (the
 * server's message, else the panel's own), or what was read, in the shape the panel draws it.
 * `PanelPending` draws the first two; the panel draws what was read.
 */
import type { ReactNode } from 'react'
import { ApiError } from '../api.js'

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'loaded' } & T)

/** `shape` names what was read for the panel, e.g. `(points) => ({ points })`. */
export function loadedOf<Data, T>(
  query: { isPending: boolean; isError: boolean; error: unknown; data: Data | undefined },
  failure: string,
  shape: (data: Data) => T,
): Loaded<T> {
  if (query.isPending) return { status: 'loading' }
  if (query.isError || query.data === undefined) {
    return { status: 'failed', message: query.error instanceof ApiError ? query.error.message : failure }
  }
  return { status: 'loaded', ...shape(query.data) }
}

/** Any state with loading and failed in it: `Loaded`, or a paged list (`shared/load-more.tsx`). */
type Pending = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded' }

/** While the query is on its way, `loading`; once it failed, the reason as an alert; once loaded, nothing. */
export function PanelPending({
  state,
  loading,
  failedClassName,
  failedTestId,
}: {
  state: Pending
  loading: ReactNode
  /** Added to the failure's callout. */
  failedClassName?: string
  failedTestId?: string | undefined
}) {
  if (state.status === 'loading') return loading
  if (state.status === 'failed') {
    return (
      <p
        className={failedClassName ? `callout callout-error ${failedClassName}` : 'callout callout-error'}
        role="alert"
        data-testid={failedTestId}
      >
        {state.message}
      </p>
    )
  }
  return null
}

/** A card-sized placeholder while a panel loads, said to screen readers as `label`. */
export function SkeletonCard({ label }: { label: string }) {
  return (
    <div className="card skeleton-card" aria-busy="true">
      <span className="visually-hidden">{label}</span>
    </div>
  )
}
