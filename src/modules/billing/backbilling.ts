/**
 * BIL-6, the gb backbilling rule (seed 002): energy used more than 12 months before the bill may be
 * charged only as far as it does not put the account into debit, or further into debit, unless the
 * customer prevented the reading. Pure.
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
}

export interface Writeoff {
  readonly writeoffMinor: bigint
  readonly reason: string
}

/** How much of the old charges to write off, and why (also why not). */
export function backbillingWriteoff(input: WriteoffInput): Writeoff {
  if (input.oldChargesMinor === 0n && input.previouslyBilledOldMinor === 0n) {
    return { writeoffMinor: 0n, reason: 'no energy older than 12 months on this bill' }
  }
  if (input.readingPrevented) {
    return { writeoffMinor: 0n, reason: 'the customer prevented the meter reading, so old charges stand' }
  }
  const increase = input.oldChargesMinor - input.previouslyBilledOldMinor
  if (increase <= 0n) {
    return {
      writeoffMinor: 0n,
      reason:
        input.previouslyBilledOldMinor > 0n
          ? 'rebilled with the same or lower charges for the old energy'
          : 'the old energy was overestimated before: no extra charge',
    }
  }
  const after = input.balanceBeforeMinor + input.otherChargesMinor + increase
  if (after <= 0n) {
    return { writeoffMinor: 0n, reason: 'the customer stays in credit, so the old charges are collected from it' }
  }
  const writeoffMinor = increase < after ? increase : after
  return {
    writeoffMinor,
    reason:
      writeoffMinor === increase
        ? 'energy used more than 12 months ago is written off: charging it would put the account into debit'
        : 'energy used more than 12 months ago is charged only up to the credit balance; the rest is written off',
  }
}
