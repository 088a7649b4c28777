/**
 * The payment arrangement schedule, computed in the browser exactly as the server plans it
 * (`planSchedule` in src/modules/payments/arrangements.ts), so the agent can read the customer the
 * dates and amounts before saving: the down payment on the start date, then instalments of the
 * amount until what is past due is paid, the last one the remainder; weekly +7 days, fortnightly
 * +14, monthly the same day next month, clamped to the month's end. Pure, with BigInt money.
 */

import { addDays, addMonths } from '../shared/calendar.js'
import type { Frequency } from './payments-api.js'

export type PlannedInstalment = { seq: number; dueOn: string; amountMinor: string }

/** The most instalments the server accepts. */
export const maxInstalments = 60

function nthDate(start: string, frequency: Frequency, n: number): string {
  if (frequency === 'monthly') return addMonths(start, n)
  return addDays(start, n * (frequency === 'weekly' ? 7 : 14))
}

/** The number of instalments after the down payment (without building them). */
export function instalmentCount({
  pastDueMinor,
  downPaymentMinor,
  instalmentMinor,
}: {
  pastDueMinor: string
  downPaymentMinor: string
  instalmentMinor: string
}): bigint {
  const left = BigInt(pastDueMinor) - BigInt(downPaymentMinor)
  const each = BigInt(instalmentMinor)
  if (left <= 0n || each <= 0n) return 0n
  return (left + each - 1n) / each
}

/**
 * The schedule: seq 0 is the down payment (when there is one). Returns null when the instalment is
 * not above zero or the down payment is out of range, as the server would refuse it.
 */
export function planSchedule({
  pastDueMinor,
  downPaymentMinor,
  instalmentMinor,
  frequency,
  startsOn,
}: {
  pastDueMinor: string
  downPaymentMinor: string
  instalmentMinor: string
  frequency: Frequency
  startsOn: string
}): PlannedInstalment[] | null {
  const pastDue = BigInt(pastDueMinor)
  const down = BigInt(downPaymentMinor)
  const each = BigInt(instalmentMinor)
  if (each <= 0n || down < 0n || down > pastDue) return null
  if (instalmentCount({ pastDueMinor, downPaymentMinor, instalmentMinor }) > BigInt(maxInstalments)) return null
  const schedule: PlannedInstalment[] = []
  if (down > 0n) schedule.push({ seq: 0, dueOn: startsOn, amountMinor: down.toString() })
  let left = pastDue - down
  let n = 1
  while (left > 0n) {
    const amount = left < each ? left : each
    schedule.push({ seq: n, dueOn: nthDate(startsOn, frequency, n), amountMinor: amount.toString() })
    left -= amount
    n++
  }
  return schedule
}

/** The server's default down payment: the percentage of what is past due, rounded up to a whole penny. */
export function defaultDownPayment({ pastDueMinor, percent }: { pastDueMinor: string; percent: number }): string {
  return ((BigInt(pastDueMinor) * BigInt(Math.trunc(percent)) + 99n) / 100n).toString()
}
