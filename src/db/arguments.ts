/**
 * The argument bundles many modules' functions take by name (`{ tx, accountId, actor, at }`), named
 * once here so each signature says which bundle it takes instead of writing the fields out again.
 */
import type { Actor } from '../shared/actor.js'
import type { Db, Tx } from './types.js'

/** A write: the transaction it runs in, who makes it and when (for its audit event). */
export interface Change {
  tx: Tx
  actor: Actor
  at: Date
}

/** A write to one account. */
export interface AccountChange extends Change {
  accountId: string
}

/** A read over several accounts at once (a page of a list, a billing run). */
export interface AccountsQuery {
  tx: Db | Tx
  accountIds: readonly string[]
}

/** A scheduled run's batch: what is due on the local date `on`, a page at a time after `afterId`. */
export interface DueBatchQuery {
  tx: Db | Tx
  on: string
  afterId: string | null
  limit: number
}

/** A batch read in id order, a page at a time after `afterId`. */
export interface IdBatchQuery {
  tx: Db | Tx
  afterId: string | null
  limit: number
}

/** Per-staff totals over `[from, to)`, for every user or only the given ones (the agent report, REP-1). */
export interface StaffTotalsQuery {
  tx: Db | Tx
  from: Date
  to: Date
  staffIds?: readonly string[] | undefined
}
