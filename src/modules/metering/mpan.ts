/**
 * gb meter point identifiers: MPAN cores (electricity) and MPRNs (gas). Pure functions, no I/O.
 * An MPAN core is 13 digits: distributor id (2), unique number (8), check digit (1); the full MPAN
 * adds 8 digits in front (profile class 2, meter timeswitch code 3, line loss factor class 3).
 */
import { ValidationFailed, withCode } from '../../shared/errors.js'

/** The 12 digits given to `mpanCheckDigit` or `withCheckDigit` are not 12 digits. */
export class InvalidMpanDigits extends withCode(ValidationFailed, 'INVALID_MPAN_DIGITS') {}

export type MpanCoreResult =
  | {
      readonly ok: true
      /** The 13-digit core. */
      readonly core: string
      /** Its first two digits: 10–23 regional networks, 24–38 independent networks. */
      readonly distributorId: string
      /** The GSP group (`_A` … `_P`); null for an independent network, whose region comes from the property. */
      readonly gspRegion: string | null
      /** Only when a 21-digit full MPAN was given: its first two digits. */
      readonly profileClass?: string
    }
  | { readonly ok: false; readonly reason: string }

export type MprnResult = { readonly ok: true; readonly mprn: string } | { readonly ok: false; readonly reason: string }

const weights = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43] as const

/** The GSP group of each regional distributor (DOMAIN.md): there is no `_I` or `_O`. */
const gspByDistributor: Readonly<Record<string, string>> = {
  '10': '_A',
  '11': '_B',
  '12': '_C',
  '13': '_D',
  '14': '_E',
  '15': '_F',
  '16': '_G',
  '17': '_P',
  '18': '_N',
  '19': '_J',
  '20': '_H',
  '21': '_K',
  '22': '_L',
  '23': '_M',
}

const digitsOnly = /^\d+$/
const whitespace = /\s+/g

function checkDigitOf(first12: string): number {
  let sum = 0
  for (let index = 0; index < 12; index++) sum += (first12.charCodeAt(index) - 48) * weights[index]!
  return (sum % 11) % 10
}

/**
 * The check digit of an MPAN core from its first 12 digits: each digit times 3, 5, 7, 13, 17, 19,
 * 23, 29, 31, 37, 41, 43 in turn, summed, `% 11 % 10`.
 * @throws InvalidMpanDigits when the text is not exactly 12 digits
 */
export function mpanCheckDigit(first12: string): number {
  if (first12.length !== 12 || !digitsOnly.test(first12)) {
    throw new InvalidMpanDigits(
      `An MPAN core's check digit needs its first 12 digits, not ${JSON.stringify(first12)}`,
      [{ path: 'first12', message: 'must be 12 digits' }],
    )
  }
  return checkDigitOf(first12)
}

/**
 * The 13-digit MPAN core made of the 12 digits and their check digit (for demo data and tests).
 * @throws InvalidMpanDigits when the text is not exactly 12 digits
 */
export function withCheckDigit(first12: string): string {
  return `${first12}${mpanCheckDigit(first12)}`
}

/**
 * Parse an MPAN: a 13-digit core or a 21-digit full MPAN (spaces allowed), checking the check digit
 * and the distributor and deriving the GSP region. Throws nothing: a bad MPAN gives the reason.
 */
export function parseMpanCore(input: string): MpanCoreResult {
  const digits = input.replace(whitespace, '')
  if (digits === '') return { ok: false, reason: 'an MPAN core has 13 digits, and none were given' }
  if (!digitsOnly.test(digits)) return { ok: false, reason: `an MPAN has only digits, not ${JSON.stringify(input)}` }
  let core: string
  let profileClass: string | undefined
  if (digits.length === 13) core = digits
  else if (digits.length === 21) {
    core = digits.slice(8)
    profileClass = digits.slice(0, 2)
  } else {
    return {
      ok: false,
      reason: `an MPAN core has 13 digits (a full MPAN 21), not ${digits.length}`,
    }
  }
  const expected = checkDigitOf(core)
  const actual = core.charCodeAt(12) - 48
  if (expected !== actual) return { ok: false, reason: `check digit should be ${expected}, not ${actual}` }
  const distributorId = core.slice(0, 2)
  const distributor = Number(distributorId)
  let gspRegion: string | null
  if (distributor >= 10 && distributor <= 23) gspRegion = gspByDistributor[distributorId]!
  else if (distributor >= 24 && distributor <= 38) gspRegion = null
  else return { ok: false, reason: `distributor id ${distributorId} is not a GB distributor` }
  if (profileClass !== undefined) {
    if (profileClass > '08') {
      return { ok: false, reason: `profile class ${profileClass} is not one of 00 to 08` }
    }
    return { ok: true, core, distributorId, gspRegion, profileClass }
  }
  return { ok: true, core, distributorId, gspRegion }
}

/** Parse an MPRN (gas): 6 to 10 digits, spaces removed; there is no public check digit. Throws nothing. */
export function parseMprn(input: string): MprnResult {
  const digits = input.replace(whitespace, '')
  if (digits !== '' && !digitsOnly.test(digits)) {
    return { ok: false, reason: `an MPRN has only digits, not ${JSON.stringify(input)}` }
  }
  if (digits.length < 6 || digits.length > 10) {
    return { ok: false, reason: `an MPRN has 6 to 10 digits, not ${digits.length}` }
  }
  return { ok: true, mprn: digits }
}
