/**
 * Lists read a page at a time (the server's cursor): `byCursor` for the query's paging options,
 * `pagedList` for what the screen shows from the query (loading, failed, or the items so far with
 * the way to the next page), `LoadMoreFooter` for the card's footer and `LoadMore` for the button.
 */
import { ApiError } from '../api.js'

/** The paging options of an infinite query whose pages carry `nextCursor` (`null` on the last). */
export const byCursor = {
  initialPageParam: null as string | null,
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
}

/** The next page being read, and why it could not be. */
export type More = { loading: boolean; error: string | null }

export type PagedList<T> = { status: 'loading' } | { status: 'failed'; message: string } | LoadedList<T>

/** The items read so far, and the way to the next page. */
export type LoadedList<T> = {
  status: 'loaded'
  items: T[]
  nextCursor: string | null
  more: More
  loadMore: () => void
}

/** The part of an infinite query's result that `pagedList` reads. */
type PagedQuery<T> = {
  isPending: boolean
  isError: boolean
  error: unknown
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  data: { pages: { items: T[]; nextCursor: string | null }[] } | undefined
  fetchNextPage: () => Promise<unknown>
}

/**
 * What a screen shows of an infinite query: the first page failing fails the list; a later page
 * failing keeps what was read and says so beside "Load more". The messages are the fallbacks when
 * the server gave no reason (`failed` for the first page, `more` for a later one).
 */
export function pagedList<T>(query: PagedQuery<T>, messages: { failed: string; more: string }): PagedList<T> {
  const reason = (fallback: string) => (query.error instanceof ApiError ? query.error.message : fallback)
  if (query.isPending) return { status: 'loading' }
  if (!query.data || (query.isError && !query.isFetchNextPageError)) {
    return { status: 'failed', message: reason(messages.failed) }
  }
  const pages = query.data.pages
  const nextCursor = pages.at(-1)?.nextCursor ?? null
  const more = { loading: query.isFetchingNextPage, error: query.isFetchNextPageError ? reason(messages.more) : null }
  return {
    status: 'loaded',
    items: pages.flatMap((page) => page.items),
    nextCursor,
    more,
    loadMore: () => {
      if (nextCursor && !more.loading) void query.fetchNextPage()
    },
  }
}

/** A card's footer with "Load more" while there is a next page, and the reason it could not be read. */
export function LoadMoreFooter<T>({
  list,
  label,
  testId,
  size,
}: {
  list: PagedList<T>
  label?: string
  testId?: string
  size?: 'small' | 'normal'
}) {
  if (list.status !== 'loaded' || !list.nextCursor) return null
  return (
    <footer className="card-footer">
      <LoadMore
        onMore={list.loadMore}
        loading={list.more.loading}
        error={list.more.error}
        label={label}
        testId={testId}
        size={size}
      />
    </footer>
  )
}

/**
 * "Load more": the button, disabled and saying so while the next page loads, and the reason when it
 * could not be loaded. The list around it decides where it stands (a card footer, a row of buttons).
 */
export function LoadMore({
  onMore,
  loading,
  error = null,
  label = 'Load more',
  testId,
  size = 'small',
}: {
  onMore: () => void
  loading: boolean
  error?: string | null
  label?: string | undefined
  testId?: string | undefined
  size?: 'small' | 'normal' | undefined
}) {
  return (
    <>
      <button
        type="button"
        className={size === 'small' ? 'button button-small' : 'button'}
        onClick={onMore}
        disabled={loading}
        {...(testId ? { 'data-testid': testId } : {})}
      >
        {loading ? 'Loading…' : label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}
