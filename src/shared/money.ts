import { InvariantBroken, ValidationFailed, withCode } from './errors.js'

/**
 * Money as `bigint` minor units with its currency, and exact decimals for everything that is not
 * yet money (unit rates, percentages, consumption). Floating point never touches an amount: a rate
 * times a quantity is an exact `Decimal`, and it becomes minor units only through `roundDecimal`,
 * with the rounding mode written at the call site.
 */

export type Currency = 'GBP' | 'USD'

/** Digits after the decimal point in each currency's major unit (pence, cents). */
export const minorUnitsOf: Readonly<Record<Currency, number>> = {
  GBP: 2,
  USD: 2,
}

export type Money = { readonly amountMinor: bigint; readonly currency: Currency }

/**
 * An exact rational number. Values parsed from text keep their stated scale as a power-of-ten
 * denominator ('24.50' is 2450/100), so `decimalToString` gives the same text back. The denominator
 * is always positive.
 */
export type Decimal = { readonly numerator: bigint; readonly denominator: bigint }

/** Anything the decimal helpers accept: a `Decimal`, decimal text such as '24.5671', or a whole number. */
export type DecimalInput = Decimal | string | bigint

/**
 * How to round an exact value to a whole number of its unit.
 * `half-up` rounds .5 away from zero, `half-even` rounds .5 to the even neighbour (banker's rounding),
 * `down` and `up` round toward and away from zero, `floor` and `ceiling` toward -∞ and +∞.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up' | 'floor' | 'ceiling'

export class CurrencyMismatch extends withCode(InvariantBroken, 'CURRENCY_MISMATCH') {}

export class UnsupportedCurrency extends withCode(ValidationFailed, 'UNSUPPORTED_CURRENCY') {}

export class InvalidAmount extends withCode(ValidationFailed, 'INVALID_AMOUNT') {}

export class InvalidDecimal extends withCode(ValidationFailed, 'INVALID_DECIMAL') {}

export class InvalidAllocation extends withCode(ValidationFailed, 'INVALID_ALLOCATION') {}

/** Whether a value is one of the supported currency codes. */
export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.hasOwn(minorUnitsOf, value)
}

/**
 * A money value of `amountMinor` minor units.
 * @throws UnsupportedCurrency for an unknown currency code, InvalidAmount when the amount is not a bigint
 */
export function money(amountMinor: bigint, currency: Currency): Money {
  if (!isCurrency(currency)) throw new UnsupportedCurrency(`Unsupported currency: ${String(currency)}`, { currency })
  if (typeof amountMinor !== 'bigint') {
    throw new InvalidAmount(`Amount must be a bigint of minor units, got ${typeof amountMinor}`)
  }
  return { amountMinor, currency }
}

/** Zero in the given currency. @throws UnsupportedCurrency for an unknown currency code */
export function zero(currency: Currency): Money {
  return money(0n, currency)
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new CurrencyMismatch(`Cannot combine ${a.currency} with ${b.currency}`, {
      left: a.currency,
      right: b.currency,
    })
  }
}

/** The sum of two amounts. @throws CurrencyMismatch when the currencies differ */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency }
}

/** `a` minus `b`. @throws CurrencyMismatch when the currencies differ */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency }
}

/** The amount with its sign flipped. Throws nothing. */
export function negate(amount: Money): Money {
  return { amountMinor: -amount.amountMinor, currency: amount.currency }
}

/** The amount times a whole number (a daily standing charge times days). Throws nothing. */
export function multiply(amount: Money, factor: bigint): Money {
  return { amountMinor: amount.amountMinor * factor, currency: amount.currency }
}

/** Whether the amount is exactly zero. Throws nothing. */
export function isZero(amount: Money): boolean {
  return amount.amountMinor === 0n
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. @throws CurrencyMismatch when the currencies differ */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b)
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0
}

/** The total of a list, zero in `currency` when empty. @throws CurrencyMismatch when any item is in another currency */
export function sum(list: readonly Money[], currency: Currency): Money {
  let total = zero(currency)
  for (const item of list) total = add(total, item)
  return total
}

// ——— exact decimals ———

const decimalPattern = /^-?\d+(\.\d+)?$/

/** An exact decimal `numerator / denominator`. @throws InvalidDecimal when the denominator is zero */
export function decimal(numerator: bigint, denominator = 1n): Decimal {
  if (denominator === 0n) throw new InvalidDecimal('Denominator must not be zero')
  return denominator < 0n ? { numerator: -numerator, denominator: -denominator } : { numerator, denominator }
}

/**
 * Exact value of decimal text such as '24.5671' or '-3', keeping its scale.
 * @throws InvalidDecimal for anything else
 */
export function parseDecimal(text: string): Decimal {
  if (typeof text !== 'string' || !decimalPattern.test(text)) {
    throw new InvalidDecimal(`Not a decimal number: ${JSON.stringify(text)}`, { value: text })
  }
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const magnitude = BigInt(whole + fraction)
  return { numerator: negative ? -magnitude : magnitude, denominator: 10n ** BigInt(fraction.length) }
}

/** A `Decimal` from any accepted input. @throws InvalidDecimal for text that is not a decimal number */
export function toDecimal(value: DecimalInput): Decimal {
  if (typeof value === 'string') return parseDecimal(value)
  if (typeof value === 'bigint') return { numerator: value, denominator: 1n }
  return decimal(value.numerator, value.denominator)
}

/** The exact product of two decimals (scales add, as in decimal arithmetic). @throws InvalidDecimal for bad text */
export function multiplyDecimals(a: DecimalInput, b: DecimalInput): Decimal {
  const x = toDecimal(a)
  const y = toDecimal(b)
  return { numerator: x.numerator * y.numerator, denominator: x.denominator * y.denominator }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/** The exact sum of two decimals over their least common denominator. @throws InvalidDecimal for bad text */
export function addDecimals(a: DecimalInput, b: DecimalInput): Decimal {
  const x = toDecimal(a)
  const y = toDecimal(b)
  const denominator = (x.denominator / gcd(x.denominator, y.denominator)) * y.denominator
  return {
    numerator: x.numerator * (denominator / x.denominator) + y.numerator * (denominator / y.denominator),
    denominator,
  }
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. @throws InvalidDecimal for bad text */
export function compareDecimals(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  const x = toDecimal(a)
  const y = toDecimal(b)
  const left = x.numerator * y.denominator
  const right = y.numerator * x.denominator
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * Exact decimal text of a value ('24.50' for 2450/100); a power-of-ten denominator keeps its scale.
 * @throws InvalidDecimal when the value has no finite decimal expansion (1/3)
 */
export function decimalToString(value: Decimal): string {
  let { numerator, denominator } = decimal(value.numerator, value.denominator)
  let scale = powerOfTenExponent(denominator)
  if (scale === null) {
    // reduce, then scale up to the smallest power of ten the denominator divides
    const divisor = gcd(numerator, denominator)
    numerator /= divisor
    denominator /= divisor
    let twos = 0
    let fives = 0
    let rest = denominator
    while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1]
    while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1]
    if (rest !== 1n) {
      throw new InvalidDecimal(`${value.numerator}/${value.denominator} has no finite decimal expansion`)
    }
    scale = Math.max(twos, fives)
    numerator *= 10n ** BigInt(scale) / denominator
  }
  return scaledToString(numerator, scale)
}

function powerOfTenExponent(value: bigint): number | null {
  let exponent = 0
  let rest = value
  while (rest % 10n === 0n) [rest, exponent] = [rest / 10n, exponent + 1]
  return rest === 1n ? exponent : null
}

function scaledToString(units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

// ——— rounding: the one place a fraction of a unit is dropped ———

/**
 * Round an exact value to `scale` decimal places (default 0, a whole number of its unit) with the
 * given mode; the result has denominator 10^scale. @throws InvalidDecimal for bad text or a negative scale
 */
export function roundDecimal(value: DecimalInput, mode: RoundingMode, scale = 0): Decimal {
  if (!Number.isSafeInteger(scale) || scale < 0) throw new InvalidDecimal(`Scale must be a whole number ≥ 0: ${scale}`)
  const { numerator, denominator } = toDecimal(value)
  const factor = 10n ** BigInt(scale)
  const n = numerator * factor
  const quotient = n / denominator // truncates toward zero
  const remainder = n % denominator // has the sign of n
  if (remainder === 0n) return { numerator: quotient, denominator: factor }

  const awayFromZero = n < 0n ? quotient - 1n : quotient + 1n
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n
  let rounded: bigint
  switch (mode) {
    case 'down':
      rounded = quotient
      break
    case 'up':
      rounded = awayFromZero
      break
    case 'floor':
      rounded = n < 0n ? awayFromZero : quotient
      break
    case 'ceiling':
      rounded = n > 0n ? awayFromZero : quotient
      break
    case 'half-up':
      rounded = twiceRemainder >= denominator ? awayFromZero : quotient
      break
    case 'half-even':
      if (twiceRemainder === denominator) rounded = quotient % 2n === 0n ? quotient : awayFromZero
      else rounded = twiceRemainder > denominator ? awayFromZero : quotient
      break
    default:
      throw new InvariantBroken(`Unknown rounding mode: ${String(mode satisfies never)}`)
  }
  return { numerator: rounded, denominator: factor }
}

/**
 * An exact amount in minor units (rate × quantity in pence) rounded to whole minor units.
 * @throws InvalidDecimal for bad text
 */
export function roundToMinor({ value, mode }: { value: DecimalInput; mode: RoundingMode }): bigint {
  return roundDecimal(value, mode).numerator
}

/**
 * The amount times an exact factor, rounded to minor units.
 * @throws InvalidDecimal for a factor that is not a decimal
 */
export function multiplyByDecimal({
  amount,
  factor,
  mode,
}: {
  amount: Money
  factor: DecimalInput
  mode: RoundingMode
}): Money {
  const exact = multiplyDecimals(amount.amountMinor, factor)
  return { amountMinor: roundToMinor({ value: exact, mode }), currency: amount.currency }
}

/**
 * `percent` per cent of the amount ('5' for VAT at 5%), rounded to minor units.
 * @throws InvalidDecimal for a bad percent
 */
export function percentOf({
  amount,
  percent,
  mode,
}: {
  amount: Money
  percent: DecimalInput
  mode: RoundingMode
}): Money {
  const exact = multiplyDecimals(amount.amountMinor, multiplyDecimals(percent, decimal(1n, 100n)))
  return { amountMinor: roundToMinor({ value: exact, mode }), currency: amount.currency }
}

// ——— allocation: splitting without losing a minor unit ———

/**
 * Split an amount in proportion to non-negative whole-number ratios so the parts add up exactly:
 * each part gets its floor share, and the leftover minor units go one each to the largest
 * remainders, earlier parts first on ties. Negative amounts split as the mirror of positive ones.
 * @throws InvalidAllocation for no ratios, a negative or fractional ratio, or ratios that sum to zero
 */
export function allocate(amount: Money, ratios: readonly bigint[] | readonly number[]): Money[] {
  const weights = ratios.map((ratio): bigint => {
    if (typeof ratio === 'number' && !Number.isSafeInteger(ratio)) {
      throw new InvalidAllocation(`Ratios must be whole numbers: ${ratio}`, { ratios: ratios.map(String) })
    }
    const weight = BigInt(ratio)
    if (weight < 0n)
      throw new InvalidAllocation(`Ratios must not be negative: ${ratio}`, { ratios: ratios.map(String) })
    return weight
  })
  const total = weights.reduce((a, b) => a + b, 0n)
  if (weights.length === 0 || total === 0n) {
    throw new InvalidAllocation('Need at least one ratio and a positive total', { ratios: ratios.map(String) })
  }

  const negative = amount.amountMinor < 0n
  const magnitude = negative ? -amount.amountMinor : amount.amountMinor
  const shares = weights.map((weight) => (magnitude * weight) / total)
  const remainders = weights.map((weight, index) => ({ index, remainder: (magnitude * weight) % total }))
  let leftover = magnitude - shares.reduce((a, b) => a + b, 0n)
  // stable sort keeps earlier parts first among equal remainders, so the split is deterministic
  remainders.sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : 0))
  for (const { index } of remainders) {
    if (leftover === 0n) break
    shares[index] = shares[index]! + 1n
    leftover -= 1n
  }
  return shares.map((share) => ({ amountMinor: negative ? -share : share, currency: amount.currency }))
}

/**
 * Split an amount into `parts` equal shares differing by at most one minor unit, earlier parts larger.
 * @throws InvalidAllocation unless parts is a positive whole number
 */
export function allocateEvenly(amount: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new InvalidAllocation(`Parts must be a positive whole number: ${parts}`, { parts })
  }
  return allocate(
    amount,
    Array.from({ length: parts }, () => 1n),
  )
}

// ——— text in and out ———

const defaultLocaleOf: Readonly<Record<Currency, string>> = { GBP: 'en-GB', USD: 'en-US' }
const formatters = new Map<string, Intl.NumberFormat>()

/** The amount as display text in the currency's usual locale ('£1,234.56', '-£3.10', '$12.00'). Throws nothing. */
export function formatMoney(amount: Money, locale: string = defaultLocaleOf[amount.currency]): string {
  const key = `${locale}|${amount.currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    const digits = minorUnitsOf[amount.currency]
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: amount.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, formatter)
  }
  // decimal text is formatted exactly; a Number would lose precision above 2^53 minor units
  const exact = scaledToString(amount.amountMinor, minorUnitsOf[amount.currency]) as Intl.StringNumericLiteral
  return formatter.format(exact)
}

const currencySymbolOf: Readonly<Record<Currency, string>> = { GBP: '£', USD: '$' }

/**
 * Minor units of an amount typed by a person: '12.34', '-3.1', '£1,234.56' (commas only as thousands
 * separators, the symbol only of this currency).
 * @throws InvalidAmount for more decimals than the currency has, or anything else
 */
export function parseMoneyInput(text: string, currency: Currency): bigint {
  if (!isCurrency(currency)) throw new UnsupportedCurrency(`Unsupported currency: ${String(currency)}`, { currency })
  const digits = minorUnitsOf[currency]
  const symbol = currencySymbolOf[currency].replace(/[$]/g, '\\$')
  const pattern = new RegExp(`^(-)?(?:${symbol})?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,${digits}}))?$`)
  const match = typeof text === 'string' ? pattern.exec(text.trim()) : null
  if (!match) {
    throw new InvalidAmount(`Not an amount in ${currency} with at most ${digits} decimals: ${JSON.stringify(text)}`, {
      value: text,
      currency,
    })
  }
  const [, sign, whole = '0', fraction = ''] = match
  const magnitude = BigInt(whole.replaceAll(',', '') + fraction.padEnd(digits, '0'))
  return sign ? -magnitude : magnitude
}
