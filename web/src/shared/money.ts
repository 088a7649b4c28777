/**
 * Money from the API: strings of integer minor units, formatted exactly (BigInt, never floats), in
 * the supplier's currency (`brand.ts`) unless another is named.
 */
import { brand, currencySymbol } from './brand.js'

/** '12345' → '£123.45'; '-500' → '−£5.00'. */
export function formatMinor(minor: string | null | undefined, currency: string = brand().currency): string {
  if (minor === null || minor === undefined || !/^-?\d+$/.test(minor)) return '—'
  const value = BigInt(minor)
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '−' : ''}${currencySymbol(currency)}${whole}.${String(abs % 100n).padStart(2, '0')}`
}

/** A balance as agents say it: '£12.00 to pay', '£3.50 in credit'. */
export function formatBalance(minor: string | null | undefined, currency: string = brand().currency): string {
  if (minor === null || minor === undefined || !/^-?\d+$/.test(minor)) return '—'
  const value = BigInt(minor)
  if (value === 0n) return formatMinor('0', currency)
  return value > 0n ? `${formatMinor(minor, currency)} to pay` : `${formatMinor(String(-value), currency)} in credit`
}

function parse(minor: string | null | undefined): bigint | null {
  return minor !== null && minor !== undefined && /^-?\d+$/.test(minor) ? BigInt(minor) : null
}

/** A change with its sign spelt out: '+£5.00', '−£5.21', '£0.00'. */
export function formatChange(minor: string | null | undefined, currency: string = brand().currency): string {
  const value = parse(minor)
  if (value === null) return '—'
  return value > 0n ? `+${formatMinor(minor, currency)}` : formatMinor(minor, currency)
}

/** The exact sum of minor-unit strings (anything that is not a whole number counts as nothing). */
export function sumMinor(values: readonly (string | null | undefined)[]): string {
  return String(values.reduce<bigint>((total, value) => total + (parse(value) ?? 0n), 0n))
}

/** `a − b`, exactly. */
export function subtractMinor(a: string, b: string): string {
  return String((parse(a) ?? 0n) - (parse(b) ?? 0n))
}

/** −1, 0 or 1; null when the value is missing or not a whole number of minor units. */
export function signOfMinor(minor: string | null | undefined): -1 | 0 | 1 | null {
  const value = parse(minor)
  if (value === null) return null
  return value === 0n ? 0 : value > 0n ? 1 : -1
}
