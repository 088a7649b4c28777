/**
 * A list the portal reads with one query (bills, payments, people, the portfolio, tenant moves): what
 * it says while the list loads, the reason it could not be read, what it says when there is nothing
 * yet, and otherwise the list itself, drawn by the caller.
 */
import type { ReactNode } from 'react'
import { errorMessage } from '../shared/form-field.js'

export function PortalList<T>({
  items,
  query,
  loading,
  failed,
  empty,
  emptyTestId,
  padded = false,
  children,
}: {
  items: T[] | undefined
  query: { isError: boolean; error: unknown }
  loading: string
  /** Said when the server gave no reason. */
  failed: string
  empty: string
  emptyTestId?: string
  /** Inside a flush card: the messages keep the card's padding. */
  padded?: boolean
  children: (items: T[]) => ReactNode
}) {
  const pad = padded ? ' portal-pad' : ''
  if (!items) {
    return query.isError ? (
      <p className={`callout callout-error${pad}`} role="alert">
        {errorMessage(query.error, failed)}
      </p>
    ) : (
      <p className={`muted${pad}`}>{loading}</p>
    )
  }
  if (items.length === 0) {
    return (
      <p className={`muted${pad}`} data-testid={emptyTestId}>
        {empty}
      </p>
    )
  }
  return children(items)
}
