/**
 * BIL-3: what makes a statement wait for a billing specialist instead of being issued. Pure.
 */
import { localDateOf, longDateText } from '../../shared/time.js'
import type { HoldReason } from './types.js'

export interface AnomalyInput {
  /** Rating problems: missing rates or half hours without an agreement, from when. */
  readonly problems: readonly { readonly reason: string; readonly from?: Date | undefined }[]
  /** Registers whose closing reading is below the opening one (not a rollover). */
  readonly negativeRegisters: readonly string[]
  /** Registers with no reading to bill from. */
  readonly unreadRegisters: readonly string[]
  readonly totalMinor: bigint
  readonly days: number
  /** The previous statements that count, newest first: totals and days. */
  readonly previous: readonly { readonly totalMinor: bigint; readonly days: number; readonly estimated: boolean }[]
  /** Whether this statement bills estimated consumption (an estimated closing read or mostly estimated half hours). */
  readonly estimated: boolean
}

/** A charge is far above usual when its daily amount is more than this times the usual, and … */
export const unusualFactor = 3n
/** … the excess is more than this (minor units), so small accounts are not held for pennies. */
export const unusualFloorMinor = 5000n
/** Estimated bills in a row before one is held. */
export const estimatedLimit = 3

export function holdReasons(input: AnomalyInput): HoldReason[] {
  const reasons: HoldReason[] = []
  const missing = input.problems.filter((problem) => !/no agreement/i.test(problem.reason))
  const noAgreement = input.problems.filter((problem) => /no agreement/i.test(problem.reason))
  for (const [code, problems] of [
    ['missing_rates', missing],
    ['no_agreement', noAgreement],
  ] as const) {
    const [first] = problems
    if (!first) continue
    reasons.push({
      code,
      message: `${plainProblem(first)}${more(problems.length)}`,
      detail: problems.map((problem) => problem.reason).join('; '),
    })
  }
  if (input.negativeRegisters.length > 0) {
    reasons.push({
      code: 'negative_consumption',
      message: `The closing reading is lower than the opening one on register ${input.negativeRegisters.join(', ')}`,
    })
  }
  if (input.unreadRegisters.length > 0) {
    reasons.push({
      code: 'no_reading',
      message: `No reading to bill from on register ${input.unreadRegisters.join(', ')}`,
    })
  }
  const history = input.previous.filter((statement) => statement.days > 0)
  if (history.length >= 2 && input.days > 0) {
    const usualTotal = history.reduce((sum, statement) => sum + statement.totalMinor, 0n)
    const usualDays = BigInt(history.reduce((sum, statement) => sum + statement.days, 0))
    const days = BigInt(input.days)
    // total/days > factor × usualTotal/usualDays, in integers.
    const far = input.totalMinor * usualDays > unusualFactor * usualTotal * days
    const excess = input.totalMinor - (usualTotal * days) / usualDays
    if (usualTotal > 0n && far && excess > unusualFloorMinor) {
      reasons.push({
        code: 'charge_far_above_usual',
        message: `The charge is more than ${unusualFactor} times the account's usual for ${input.days} days (usual ${(usualTotal * days) / usualDays} minor units)`,
      })
    }
  }
  if (input.estimated) {
    const streak = 1 + takeWhile(input.previous, (statement) => statement.estimated)
    if (streak >= estimatedLimit) {
      reasons.push({
        code: 'estimated_too_long',
        message: `This would be the ${ordinal(streak)} estimated bill in a row: an actual reading is needed`,
      })
    }
  }
  return reasons
}

const rateNames: Readonly<Record<string, string>> = {
  standard_unit: 'unit rate',
  day_unit: 'day unit rate',
  night_unit: 'night unit rate',
  off_peak_unit: 'off-peak unit rate',
  peak_unit: 'peak unit rate',
  dynamic_unit: 'half-hourly price',
  standing_charge: 'standing charge',
}
const methodNames: Readonly<Record<string, string>> = {
  DIRECT_DEBIT: 'Direct Debit',
  NON_DIRECT_DEBIT: 'customers who pay on receipt of a bill',
}

/**
 * A rating problem in the words a billing specialist uses: "No unit rate for Direct Debit from
 * 6 December 2025 on tariff E-1R-VAR-22-11-01-C (meter point 1200023305967)". Rating writes its
 * problems as `<meter point>: <cause> from <ISO> to <ISO>`; a cause it does not know stays as written.
 */
export function plainProblem(problem: { readonly reason: string; readonly from?: Date | undefined }): string {
  const match = /^(?<point>[^:]+): (?<cause>.+?) from \S+ to \S+$/.exec(problem.reason)
  const point = match?.groups?.['point']
  const cause = match?.groups?.['cause'] ?? problem.reason
  const since = problem.from ? ` from ${longDateText(localDateOf(problem.from))}` : ''
  const where = point ? ` (meter point ${point})` : ''
  const missing = /^tariff (?<tariff>\S+) has no (?<kind>\w+) rate for (?<method>\w+)$/.exec(cause)?.groups
  if (missing) {
    const rate = rateNames[missing['kind'] ?? ''] ?? `${missing['kind']} rate`
    const method = methodNames[missing['method'] ?? ''] ?? missing['method']
    return `No ${rate} for ${method}${since} on tariff ${missing['tariff']}${where}`
  }
  if (cause === 'no agreement') return `No tariff agreement covers the supply${since}${where}`
  return `${capitalised(cause)}${since}${where}`
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function more(count: number): string {
  return count > 1 ? ` (and ${count - 1} more)` : ''
}

function takeWhile<T>(list: readonly T[], test: (item: T) => boolean): number {
  let count = 0
  for (const item of list) {
    if (!test(item)) break
    count++
  }
  return count
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th'
  return `${n}${suffix}`
}
