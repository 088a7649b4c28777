/**
 * LED-2: what part of a balance is past due, and by how long. Credits (payments, refunds of
 * charges, reversals) pay off the oldest charges first: charges ordered by due date, then by date.
 * Pure.
 */
import { daysBetween } from '../../shared/time.js'
import type { Ageing } from './types.js'

export interface AgeingEntry {
  readonly amountMinor: bigint
  readonly effectiveOn: string
  readonly dueOn: string | null
  /**
   * From a reversing journal. A reversed payment or credit (a positive reversal) takes that credit
   * back rather than adding a new charge: the charges it had paid are unpaid again, as old as they were.
   */
  readonly reversal?: boolean | undefined
}

/** Charges with what is left unpaid of each, oldest due first. */
function allocate(entries: readonly AgeingEntry[]) {
  const takenBack = entries
    .filter((entry) => entry.reversal === true && entry.amountMinor > 0n)
    .reduce((sum, entry) => sum + entry.amountMinor, 0n)
  const charges = entries
    .filter((entry) => entry.amountMinor > 0n && entry.reversal !== true)
    .map((entry) => ({ ...entry, remaining: entry.amountMinor }))
    .sort(
      (a, b) =>
        (a.dueOn ?? a.effectiveOn).localeCompare(b.dueOn ?? b.effectiveOn) ||
        a.effectiveOn.localeCompare(b.effectiveOn),
    )
  let credit =
    entries.filter((entry) => entry.amountMinor < 0n).reduce((sum, entry) => sum - entry.amountMinor, 0n) - takenBack
  if (credit < 0n) {
    // More taken back than was credited (never from the ledger's own reversals): owed at once.
    const first = entries.find((entry) => entry.reversal === true && entry.amountMinor > 0n)
    charges.unshift({
      amountMinor: -credit,
      effectiveOn: first?.effectiveOn ?? '0000-01-01',
      dueOn: first?.effectiveOn ?? null,
      reversal: true,
      remaining: -credit,
    })
    credit = 0n
  }
  for (const charge of charges) {
    if (credit === 0n) break
    const used = credit < charge.remaining ? credit : charge.remaining
    charge.remaining -= used
    credit -= used
  }
  return charges
}

/**
 * The due date of the oldest charge still unpaid on `asOf` and past due: where a collections
 * episode starts (COL-1). Null when nothing is past due.
 */
export function oldestPastDueOn(entries: readonly AgeingEntry[], asOf: string): string | null {
  for (const charge of allocate(entries)) {
    if (charge.remaining > 0n && charge.dueOn !== null && charge.dueOn < asOf) return charge.dueOn
  }
  return null
}

/** The due date of the oldest charge still unpaid that is not yet past due (ACC-6: due soon). */
export function nextDueOn(entries: readonly AgeingEntry[], asOf: string): string | null {
  for (const charge of allocate(entries)) {
    if (charge.remaining > 0n && charge.dueOn !== null && charge.dueOn >= asOf) return charge.dueOn
  }
  return null
}

export function ageEntries(entries: readonly AgeingEntry[], asOf: string): Ageing {
  const charges = allocate(entries)
  const buckets = { current: 0n, days1to30: 0n, days31to60: 0n, days61to90: 0n, over90: 0n }
  for (const charge of charges) {
    if (charge.remaining === 0n) continue
    if (charge.dueOn === null || charge.dueOn >= asOf) {
      buckets.current += charge.remaining
      continue
    }
    const late = daysBetween(charge.dueOn, asOf)
    if (late <= 30) buckets.days1to30 += charge.remaining
    else if (late <= 60) buckets.days31to60 += charge.remaining
    else if (late <= 90) buckets.days61to90 += charge.remaining
    else buckets.over90 += charge.remaining
  }
  const balanceMinor = entries.reduce((sum, entry) => sum + entry.amountMinor, 0n)
  const pastDueMinor = buckets.days1to30 + buckets.days31to60 + buckets.days61to90 + buckets.over90
  return { balanceMinor, pastDueMinor, buckets }
}
