/**
 * USR-4, "Flag the account for supervisor review": the flags repeated failed verifications raise
 * (`recordVerification` in `external.ts`), read as one queue across all accounts and cleared by a
 * supervisor with a note. Clearing is audited in the same transaction; a cleared flag stays on file.
 */
import type { Change, Db, Tx } from '../../db/index.js'
import { decodeJsonCursor, encodeJsonCursor, pageOf } from '../../shared/cursor.js'
import { Conflict, NotFound, withCode } from '../../shared/errors.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as audit from '../audit/index.js'
import * as store from './external-store.js'

/** A cursor this list did not give out (the shared cursor refusal, under this list's name for the door). */
export { InvalidCursor as InvalidReviewFlagCursor } from '../../shared/cursor.js'

export const reviewFlagStatuses = ['open', 'cleared', 'all'] as const
export type ReviewFlagStatus = (typeof reviewFlagStatuses)[number]

export interface ReviewFlag {
  readonly id: string
  readonly accountId: string
  readonly accountNumber: string
  readonly reason: string
  readonly raisedAt: Date
  readonly clearedAt: Date | null
  readonly clearedById: string | null
  readonly clearNote: string | null
}

export class ReviewFlagNotFound extends withCode(NotFound, 'REVIEW_FLAG_NOT_FOUND') {}
export class ReviewFlagAlreadyCleared extends withCode(Conflict, 'REVIEW_FLAG_ALREADY_CLEARED') {}

function toReviewFlag(row: store.ReviewFlagRow): ReviewFlag {
  return camelFields(row, [
    'id',
    'account_id',
    'account_number',
    'reason',
    'raised_at',
    'cleared_at',
    'cleared_by_id',
    'clear_note',
  ])
}

const encodeCursor = (id: string) => encodeJsonCursor({ f: id })

function decodeCursor(cursor: string | undefined): string | undefined {
  const isFlagCursor = (value: unknown): value is { f: string } => {
    const id = (value as { f?: unknown } | null)?.f
    return typeof id === 'string' && /^flg_[0-9A-Za-z]+$/.test(id)
  }
  return decodeJsonCursor(cursor, isFlagCursor, 'cursor')?.f
}

/**
 * Review flags across all accounts, oldest first (the order they were raised), a page at a time.
 * @throws InvalidReviewFlagCursor
 */
export async function listReviewFlags({
  tx,
  status,
  limit,
  cursor,
}: {
  tx: Db | Tx
  status: ReviewFlagStatus
  limit: number
  cursor?: string | undefined
}): Promise<{ items: ReviewFlag[]; nextCursor: string | null }> {
  const rows = await store.findReviewFlags(tx, { status, afterId: decodeCursor(cursor), limit: limit + 1 })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeCursor(last.id))
  return { items: page.map(toReviewFlag), nextCursor }
}

/** A supervisor clearing one review flag, with the note that says why. */
export type ReviewFlagClearing = Change & { flagId: string; note: string }

/**
 * A supervisor clears an open flag with a note of what they found; audited as
 * `accounts.review_flag.cleared` in the same transaction.
 * @throws ReviewFlagNotFound, ReviewFlagAlreadyCleared
 */
export async function clearReviewFlag({ tx, flagId, note, actor, at }: ReviewFlagClearing): Promise<ReviewFlag> {
  const row = await store.lockReviewFlag(tx, flagId)
  if (!row) throw new ReviewFlagNotFound(`There is no review flag ${flagId}`)
  if (row.cleared_at !== null) {
    throw new ReviewFlagAlreadyCleared(`The review flag ${flagId} was cleared on ${row.cleared_at.toISOString()}`)
  }
  await store.markReviewFlagCleared(tx, { id: flagId, cleared_at: at, cleared_by_id: actor.id, clear_note: note })
  await audit.record(tx, {
    actor,
    action: 'accounts.review_flag.cleared',
    subject: { type: 'review_flag', id: flagId },
    accountId: row.account_id,
    before: { status: 'open', reason: row.reason, raisedAt: row.raised_at.toISOString() },
    after: { status: 'cleared', note },
    at,
  })
  return toReviewFlag({ ...row, cleared_at: at, cleared_by_id: actor.id, clear_note: note })
}
