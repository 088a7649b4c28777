/**
 * BIL-6, the gb backbilling rule (seed 002): energy used more than 12 months before the bill may be
 * charged only as far as it does not put the account into debit, or further into debit, unless the
 * customer prevented the reading. The write-off states the supplier's failings that made the
 * back-bill its fault (the seed's list): the customer not billed for over a year (gaps filled
 * included), rebilled or underestimated for over a year, and no payment adequacy review in over a
 * year. Pure.
 */
import { isLocalDate, monthsBefore } from '../../shared/time.js'

/**
 * The first local date whose energy may still be charged on a bill dated `billDate`: the same day
 * `months` earlier (the month's last day when it has no such day). Energy used before it is "more than
 * 12 months before the bill"; energy on it is exactly 12 months old and may be charged.
 */
export function backbillingCutoff(billDate: string, months: number): string {
  if (!isLocalDate(billDate)) throw new RangeError(`not a date: ${billDate}`)
  return monthsBefore(billDate, months)
}

export interface WriteoffInput {
  /** Charges (inc VAT) on this bill for energy used before the cutoff. */
  readonly oldChargesMinor: bigint
  /** What earlier versions of this period already charged for that energy (0 on a first bill). */
  readonly previouslyBilledOldMinor: bigint
  /** Everything else this bill adds to the balance (inc VAT; negative for a net credit). */
  readonly otherChargesMinor: bigint
  /** The ledger balance before this bill (positive: the customer owes). */
  readonly balanceBeforeMinor: bigint
  /** The customer prevented us from reading the meter: no protection. */
  readonly readingPrevented: boolean
  /** The account's Direct Debit has had no payment adequacy review in over a year on the bill date. */
  readonly adequacyReviewOverdue: boolean
}

/** A failing of the supplier's that makes a back-bill its fault (seed 002). */
export type BackbillingBreach =
  | 'not_billed_for_over_a_year'
  | 'rebilled_higher_for_over_a_year'
  | 'adequacy_review_overdue'

const breachWords: Record<BackbillingBreach, string> = {
  not_billed_for_over_a_year: 'not billed for over a year',
  rebilled_higher_for_over_a_year: 'rebilled higher (underestimated) for a period over a year ago',
  adequacy_review_overdue: 'no payment adequacy review in over a year',
}

export interface Writeoff {
  readonly writeoffMinor: bigint
  readonly reason: string
  /** The supplier's failings behind a write-off (empty when nothing is written off). */
  readonly breaches: readonly BackbillingBreach[]
}

/** How much of the old charges to write off, and why (also why not). */
export function backbillingWriteoff(input: WriteoffInput): Writeoff {
  if (input.oldChargesMinor === 0n && input.previouslyBilledOldMinor === 0n) {
    return { writeoffMinor: 0n, reason: 'no energy older than 12 months on this bill', breaches: [] }
  }
  if (input.readingPrevented) {
    return {
      writeoffMinor: 0n,
      reason: 'the customer prevented the meter reading, so old charges stand',
      breaches: [],
    }
  }
  const increase = input.oldChargesMinor - input.previouslyBilledOldMinor
  if (increase <= 0n) {
    return {
      writeoffMinor: 0n,
      breaches: [],
      reason:
        input.previouslyBilledOldMinor > 0n
          ? 'rebilled with the same or lower charges for the old energy'
          : 'the old energy was overestimated before: no extra charge',
    }
  }
  const after = input.balanceBeforeMinor + input.otherChargesMinor + increase
  if (after <= 0n) {
    return {
      writeoffMinor: 0n,
      reason: 'the customer stays in credit, so the old charges are collected from it',
      breaches: [],
    }
  }
  // Old energy first charged now was not billed for over a year; charged more now than before, it was
  // rebilled higher (underestimated) for over a year. Either is the supplier's failing, and the
  // customer is in debt as a result; a Direct Debit left without an adequacy review adds its own.
  const breaches: BackbillingBreach[] = [
    input.previouslyBilledOldMinor === 0n ? 'not_billed_for_over_a_year' : 'rebilled_higher_for_over_a_year',
    ...(input.adequacyReviewOverdue ? (['adequacy_review_overdue'] as const) : []),
  ]
  const writeoffMinor = increase < after ? increase : after
  const why = `the supplier's failings: ${breaches.map((breach) => breachWords[breach]).join('; ')}`
  return {
    writeoffMinor,
    breaches,
    reason:
      writeoffMinor === increase
        ? `energy used more than 12 months ago is written off: charging it would put the account into debit (${why})`
        : `energy used more than 12 months ago is charged only up to the credit balance; the rest is written off (${why})`,
  }
}
