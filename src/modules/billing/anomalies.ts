/**
 * BIL-3: what makes a statement wait for a billing specialist instead of being issued. Pure.
 */
import type { HoldReason } from './types.js'

export interface AnomalyInput {
  /** Rating problems: missing rates or half hours without an agreement. */
  readonly problems: readonly { readonly reason: string }[]
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
  if (missing.length > 0) {
    reasons.push({
      code: 'missing_rates',
      message: `No price to charge with: ${missing[0]?.reason}${more(missing.length)}`,
    })
  }
  if (noAgreement.length > 0) {
    reasons.push({ code: 'no_agreement', message: `${noAgreement[0]?.reason}${more(noAgreement.length)}` })
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
