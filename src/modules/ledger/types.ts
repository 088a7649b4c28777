import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'

/**
 * The books postings go to. `customer` is the customer's account balance: positive means the
 * customer owes the supplier, negative that they are in credit. Amounts are debits when positive.
 */
export const books = [
  'customer',
  'energy_revenue',
  'standing_revenue',
  'vat_output',
  'export_purchases',
  'cash',
  'refunds',
  'goodwill',
  'writeoff_backbilling',
  'bad_debt',
  'fees',
] as const
export type Book = (typeof books)[number]

export interface NewPosting {
  readonly book: Book
  /** The customer account; required on `customer` postings, optional (for reporting) on the others. */
  readonly accountId?: string | null | undefined
  /** Minor units, never 0; positive is a debit. */
  readonly amountMinor: bigint
  /** When a charge to the customer falls due (ageing); only on `customer` postings. */
  readonly dueOn?: string | null | undefined
}

export interface NewJournal {
  /** Chosen by the caller so a retry posts nothing twice: the same key and content returns the first journal. */
  readonly idempotencyKey: string
  /** A code like `statement.charge`, `payment.received`, `credit.goodwill`, `refund`. */
  readonly reason: string
  /** The business record the journal belongs to. */
  readonly reference: { readonly type: string; readonly id: string }
  readonly accountId?: string | null | undefined
  readonly currency: string
  /** The accounting date: balances as of a date and ageing use it. */
  readonly effectiveOn: string
  readonly description: string
  readonly postings: readonly NewPosting[]
}

export interface Posting {
  readonly book: Book
  readonly accountId: string | null
  readonly amountMinor: bigint
  readonly dueOn: string | null
}

export interface Journal {
  readonly id: string
  readonly idempotencyKey: string
  readonly reason: string
  readonly reference: { readonly type: string; readonly id: string }
  readonly accountId: string | null
  readonly currency: string
  readonly effectiveOn: string
  readonly description: string
  readonly reversesJournalId: string | null
  readonly postedAt: Date
  readonly postings: readonly Posting[]
}

export interface Ageing {
  readonly balanceMinor: bigint
  readonly pastDueMinor: bigint
  readonly buckets: {
    readonly current: bigint
    readonly days1to30: bigint
    readonly days31to60: bigint
    readonly days61to90: bigint
    readonly over90: bigint
  }
}

export class InvalidJournal extends withCode(ValidationFailed, 'INVALID_JOURNAL') {}
export class IdempotencyConflict extends withCode(Conflict, 'IDEMPOTENCY_CONFLICT') {}
export class JournalNotFound extends withCode(NotFound, 'JOURNAL_NOT_FOUND') {}
export class AlreadyReversed extends withCode(Conflict, 'ALREADY_REVERSED') {}

/** Customer postings of one account summed by journal reason: what moved its balance between two cut-offs. */
export interface Movement {
  readonly reason: string
  /** The journal reverses another (a returned payment, a rebilled statement). */
  readonly reversal: boolean
  /** Positive: the customer owes more. */
  readonly amountMinor: bigint
  /** The last posting of the group, by the postings' sequence. */
  readonly lastPostingId: bigint
}
