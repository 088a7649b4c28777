/**
 * Pure rules for register readings (MET-3): exact values in tenths of a unit, and how much a
 * register may plausibly advance in a day before a reading is held for review.
 */
import type { Fuel, RegisterRate } from './types.js'

/** A reading as tenths of a unit ('12345.6' → 123456n), or null when it is not one. */
export function parseTenths(text: string): bigint | null {
  const match = /^(\d{1,11})(?:\.(\d))?$/.exec(text.trim())
  if (!match) return null
  return BigInt(match[1] as string) * 10n + BigInt(match[2] ?? '0')
}

/** Tenths back to a reading with one decimal place (123456n → '12345.6'). */
export function formatTenths(tenths: bigint): string {
  const sign = tenths < 0n ? '-' : ''
  const magnitude = tenths < 0n ? -tenths : tenths
  return `${sign}${magnitude / 10n}.${magnitude % 10n}`
}

/**
 * The most a register is expected to advance in a day. With a usable history (two actual readings
 * at least a week apart) it is five times the register's own daily average, never below the fuel's
 * floor; without one, the fuel's ceiling for a household: about 8 times the typical domestic
 * consumption (Ofgem TDCV: 2,700 kWh electricity, 11,500 kWh gas a year).
 */
export function expectedDailyUse({
  fuel,
  rate,
  history,
}: {
  fuel: Fuel
  rate: RegisterRate
  history: readonly { read_at: Date; value: string }[]
}): { usualPerDay: number | null; limitPerDay: number } {
  const ceiling = fuel === 'gas' ? 250 : rate === 'night' || rate === 'off_peak' ? 80 : 60
  const floor = fuel === 'gas' ? 60 : 20
  const newest = history[0]
  const oldest = history[history.length - 1]
  if (!newest || !oldest || newest === oldest) return { usualPerDay: null, limitPerDay: ceiling }
  const days = (newest.read_at.getTime() - oldest.read_at.getTime()) / 86_400_000
  const advance = Number((parseTenths(newest.value) ?? 0n) - (parseTenths(oldest.value) ?? 0n)) / 10
  if (days < 7 || advance < 0) return { usualPerDay: null, limitPerDay: ceiling }
  const usualPerDay = advance / days
  return { usualPerDay, limitPerDay: Math.max(usualPerDay * 5, floor) }
}
