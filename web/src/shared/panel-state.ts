/**
 * What a panel shows of the one query it reads: a loading state, the reason the query failed (the
 * server's message, else the panel's own), or what was read, in the shape the panel draws it.
 */
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
