import { type SelectQueryBuilder, sql } from 'kysely'
import { type FeedPosition, strictlyBefore } from './paging.js'

/**
 * One page of a newest-first feed (the account timeline merges several): the rows of `query`
 * strictly before `before` when it is given, ordered by the time column `at` and then by the id
 * column `id` in byte order (`collate "C"`, as the timeline compares ids), both descending, at most
 * `limit`. The caller's query names the table and its own conditions.
 */
export function newestFirstBefore<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  { at, id = 'id', before, limit }: { at: string; id?: string; before?: FeedPosition | undefined; limit: number },
): SelectQueryBuilder<DB, TB, O> {
  const key = sql<string>`${sql.ref(id)} collate "C"`
  const bounded = before ? query.where(strictlyBefore(at, key, before)) : query
  return bounded.orderBy(sql.ref(at), 'desc').orderBy(key, 'desc').limit(limit)
}
