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
}

export function ageEntries(entries: readonly AgeingEntry[], asOf: string): Ageing {
  const charges = entries
    .filter((entry) => entry.amountMinor > 0n)
    .map((entry) => ({ ...entry, remaining: entry.amountMinor }))
    .sort(
      (a, b) =>
        (a.dueOn ?? a.effectiveOn).localeCompare(b.dueOn ?? b.effectiveOn) ||
        a.effectiveOn.localeCompare(b.effectiveOn),
    )
  let credit = entries.filter((entry) => entry.amountMinor < 0n).reduce((sum, entry) => sum - entry.amountMinor, 0n)
  for (const charge of charges) {
    if (credit === 0n) break
    const used = credit < charge.remaining ? credit : charge.remaining
    charge.remaining -= used
    credit -= used
  }
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
