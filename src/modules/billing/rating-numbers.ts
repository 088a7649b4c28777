/**
 * Exact numbers for rating and the one rounding rule: kWh in thousandths, prices in ten-thousandths
 * of a penny, read from text without floating point.
 */
import { type Decimal, decimalToString, parseDecimal, type RoundingMode, roundDecimal } from '../../shared/money.js'

/** The rating rule for every dropped fraction of a penny: half to even (banker's rounding). */
export const ratingRounding: RoundingMode = 'half-even'

/**
 * An exact value rounded by the rating rule to `places` decimal places, as an integer count of
 * 10^-places (places 0: whole pence). Every line amount, every VAT amount and the average price of a
 * dynamic line is rounded here and nowhere else. Throws nothing for a non-zero denominator.
 */
export function roundByRatingRule(value: Decimal, places = 0): bigint {
  return roundDecimal(value, ratingRounding, places).numerator
}

/** kWh are exact to 3 decimal places. */
export const kwhPlaces = 3

/** Prices (pence) are exact to 4 decimal places. */
export const pricePlaces = 4

/** A kWh count times a price count is in 10⁻⁷ pence. */
export const productPerPenny = 10n ** BigInt(kwhPlaces + pricePlaces)

export const pricePerPenny = 10n ** BigInt(pricePlaces)

/** Plain decimal text with up to 7 fraction digits: the common case, read without fractions. */
const plainDecimal = /^(-?)(\d+)(?:\.(\d{1,7}))?$/

/** Decimal text as an integer count of 10^-places, or null when it is not a decimal of at most that many places. */
export function fixedUnits(text: string, places: number): bigint | null {
  // The fast path every half hour takes ('0.123'): digits, shifted by padding, one BigInt.
  const plain = plainDecimal.exec(text)
  if (plain && (plain[3] ?? '').length <= places) {
    const magnitude = BigInt(`${plain[2]}${(plain[3] ?? '').padEnd(places, '0')}`)
    return plain[1] === '-' ? -magnitude : magnitude
  }
  if (plain && /^0+$/.test((plain[3] ?? '').slice(places))) {
    // More places than asked, all zeros ('0.1230' at 3 places): exact all the same.
    const magnitude = BigInt(`${plain[2]}${(plain[3] ?? '').slice(0, places)}`)
    return plain[1] === '-' ? -magnitude : magnitude
  }
  return exactUnits(text, places)
}

/**
 * `fixedUnits` by its plain definition, the slow path: the exact value × 10^places when that is a
 * whole number, else null (and null for text that is not a decimal).
 */
export function exactUnits(text: string, places: number): bigint | null {
  let value: Decimal
  try {
    value = parseDecimal(text)
  } catch {
    return null
  }
  const scaled = value.numerator * 10n ** BigInt(places)
  return scaled % value.denominator === 0n ? scaled / value.denominator : null
}

/**
 * `fixedUnits(text, 3)` as a number for the kWh every half hour carries ('0.123' → 123): 1 to 7
 * digits, optionally a point and 1 to 3 more; else null, and the caller takes `fixedUnits`. Read a
 * character at a time, with nothing allocated. Below 10¹⁰ thousandths, a builder adds up over 900,000
 * of them before leaving the numbers that are exact (2⁵³); it folds its sum into a BigInt past 2⁵⁰.
 */
export function smallKwhUnits(text: string): number | null {
  const length = text.length
  let i = 0
  let whole = 0
  for (; i < length && i < 8; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    whole = whole * 10 + digit
  }
  if (i === 0 || i > 7) return null
  if (i === length) return whole * 1000
  if (text.charCodeAt(i) !== 46 || length - i - 1 < 1 || length - i - 1 > 3) return null
  let fraction = 0
  for (let j = i + 1; j < length; j++) {
    const digit = text.charCodeAt(j) - 48
    if (digit < 0 || digit > 9) return null
    fraction = fraction * 10 + digit
  }
  const places = length - i - 1
  return whole * 1000 + fraction * (places === 1 ? 100 : places === 2 ? 10 : 1)
}

/** An integer count of 10^-places as decimal text with exactly that many places. */
export function fixedText(value: bigint, places: number): string {
  return decimalToString({ numerator: value, denominator: 10n ** BigInt(places) })
}

/** The shortest exact text of a percentage ('5.00' → '5'). @throws InvalidDecimal for text that is not a decimal */
export function percentText(text: string): string {
  const exact = decimalToString(parseDecimal(text.trim()))
  return exact.includes('.') ? exact.replace(/0+$/, '').replace(/\.$/, '') : exact
}

/** Plain code-unit order: unlike localeCompare, the same on every machine. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export const iso = (ms: number) => new Date(ms).toISOString()
