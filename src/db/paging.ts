import { type RawBuilder, sql } from 'kysely'
import type { Db, Tx } from './types.js'

/** Where a newest-first list resumes: the instant and id of the last row already given out. */
export interface FeedPosition {
  at: Date
  id: string
}

/**
 * The arguments of an account's rows strictly before a position, newest first, at most `limit`: the
 * reads a feed merging several kinds of record by time (the account timeline) makes of each module.
 */
export interface AccountFeedQuery {
  tx: Db | Tx
  accountId: string
  before?: FeedPosition | undefined
  limit: number
}

/** The arguments of an account's list read a page at a time, from the cursor the last page gave out. */
export interface AccountPageQuery {
  tx: Db | Tx
  accountId: string
  limit: number
  cursor?: string | undefined
}

/**
 * The keyset condition of a newest-first list: rows strictly before `position`, by the time column
 * `at` and then by `id` (a column name, or an expression such as `id collate "C"` for byte order).
 */
export function strictlyBefore(
  at: string,
  id: string | RawBuilder<string>,
  position: { at: Date | string; id: string | number },
): RawBuilder<boolean> {
  const time = sql.ref(at)
  const key = typeof id === 'string' ? sql.ref(id) : id
  return sql<boolean>`(${time} < ${position.at} or (${time} = ${position.at} and ${key} < ${position.id}))`
}
