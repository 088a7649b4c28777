/**
 * USR-4, "Flag the account for supervisor review": the supervisor's queue of flagged accounts (with
 * the holder's name, so the queue reads without opening each account) and clearing a flag with a note.
 */
import type { Db, Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'

/**
 * A page of review flags across all accounts, oldest first, each with its account's holder name.
 * @throws access.InvalidReviewFlagCursor
 */
export async function reviewFlagQueue({
  tx,
  status,
  limit,
  cursor,
}: {
  tx: Db | Tx
  status: access.ReviewFlagStatus
  limit: number
  cursor?: string | undefined
}) {
  const page = await access.listReviewFlags({ tx, status, limit, cursor })
  const facts = await Promise.all(page.items.map((flag) => accounts.accountFacts({ tx, accountId: flag.accountId })))
  return {
    items: page.items.map((flag, index) => ({ ...flag, customerName: facts[index]?.displayName ?? '' })),
    nextCursor: page.nextCursor,
  }
}

/**
 * A supervisor clears an open review flag with a note (audited).
 * @throws access.ReviewFlagNotFound, access.ReviewFlagAlreadyCleared
 */
export async function clearAccountReviewFlag({ tx, flagId, note, actor, at }: access.ReviewFlagClearing) {
  return access.clearReviewFlag({ tx, flagId, note, actor, at })
}
