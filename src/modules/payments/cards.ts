/**
 * Card numbers (PANs): the Luhn check, the brand from the leading digits, and finding a PAN inside
 * any text, so one can be refused before it reaches the database, a log or the audit log (PAY-1).
 */

/** The Luhn (mod 10) check of a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum % 10 === 0
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown'

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa'
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover'
  return 'unknown'
}

/**
 * Whether a run of digits starts as a card does (its IIN range) and has a card's length: Visa 4,
 * Mastercard 51–55 and 2221–2720, Maestro 50 and 56–59, Mir 2200–2204, Amex 34/37, Diners 30–305/36/38/39,
 * JCB 3528–3589, and 6 (Discover, UnionPay, Maestro, RuPay). A 13-digit run counts only when it
 * starts with 4 (the old 13-digit Visa), so an MPAN core (13 digits) is never mistaken for a card;
 * dates (19xx, 20xx), phone numbers (0…) and sort codes are not card ranges at all.
 */
function startsAsCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false
  if (digits.length === 13) return digits.startsWith('4')
  const prefix4 = Number(digits.slice(0, 4))
  switch (digits[0]) {
    case '4':
    case '5':
    case '6':
      return true
    case '2':
      return (prefix4 >= 2221 && prefix4 <= 2720) || (prefix4 >= 2200 && prefix4 <= 2204)
    case '3':
      return /^(3[4-9]|30[0-5])/.test(digits) && !(digits.startsWith('35') && (prefix4 < 3528 || prefix4 > 3589))
    default:
      return false
  }
}

/**
 * What may sit between the digits of a written card number: whitespace of any kind (after NFKC, a
 * non-breaking space is a space), punctuation (`.` `/` `_` dashes of every kind), symbols, control
 * characters (newlines) and invisible format characters (zero-width spaces, joiners, soft hyphens).
 * Letters never do: they end a number.
 */
const separator = /[\s\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/u
/** At most this many separators between two digits of one number (`4242 - 4242` has three). */
const maxGap = 3

interface Found {
  readonly digits: string
  /** The span in the normalised text, from the first digit to just after the last. */
  readonly start: number
  readonly end: number
}

/**
 * Every card number in the text, however it is written. The text is normalised first (NFKC: full-width
 * and other compatibility digits become ASCII), then split into runs of digits joined by short runs of
 * separators; a card number is any stretch of a run that begins and ends at a group boundary (the run's
 * edge or a separator), has 13–19 digits, starts as a card does and passes the Luhn check. So
 * `4242.4242.4242.4242`, `4242\n4242…`, `４２４２…` and `4242424242424242.5` are all found.
 */
function scan(normalised: string): Found[] {
  const found: Found[] = []
  const length = normalised.length
  let i = 0
  while (i < length) {
    if (!isDigit(normalised.charCodeAt(i))) {
      i++
      continue
    }
    // One run: digits, their positions, and the digit counts at which a group ends.
    let digits = ''
    const positions: number[] = []
    const boundaries: number[] = [0]
    /** The separator text before each group after the first (`separators[k]` precedes group k + 1). */
    const separators: string[] = []
    let j = i
    while (j < length) {
      if (isDigit(normalised.charCodeAt(j))) {
        digits += normalised[j]
        positions.push(j)
        j++
        continue
      }
      let k = j
      while (k < length && k - j < maxGap && separator.test(normalised[k] as string)) k++
      if (k > j && k < length && isDigit(normalised.charCodeAt(k))) {
        boundaries.push(digits.length)
        separators.push(normalised.slice(j, k))
        j = k
        continue
      }
      break
    }
    boundaries.push(digits.length)
    if (digits.length >= 13) {
      for (let a = 0; a < boundaries.length; a++) {
        const from = boundaries[a] as number
        for (let b = a + 1; b < boundaries.length; b++) {
          const to = boundaries[b] as number
          if (to - from < 13) continue
          if (to - from > 19) break
          const candidate = digits.slice(from, to)
          if (!writtenAsOneNumber(boundaries.slice(a, b + 1), separators.slice(a, b - 1))) continue
          if (startsAsCard(candidate) && luhnValid(candidate)) {
            found.push({ digits: candidate, start: positions[from] as number, end: (positions[to - 1] as number) + 1 })
          }
        }
      }
    }
    i = j
  }
  // A stretch inside a longer one found is the same card read short: keep the longest.
  return found.filter(
    (item) =>
      !found.some(
        (other) =>
          other !== item &&
          other.start <= item.start &&
          other.end >= item.end &&
          other.end - other.start > item.end - item.start,
      ),
  )
}

const isDigit = (code: number) => code >= 48 && code <= 57

/**
 * Whether groups of digits read as one number rather than a list of several: the same separator
 * between every group (`4242.4242.4242.4242`, a digit at a time with zero-width spaces between), or a
 * card's own grouping whatever the separators (4-4-4-4 with a short last group, Amex's 4-6-5). So
 * `+44 20 7946 0958, 20-00-00 55779911` (a phone number, a sort code and an account) is not a card.
 */
function writtenAsOneNumber(boundaries: readonly number[], separators: readonly string[]): boolean {
  if (separators.every((separator) => separator === separators[0])) return true
  const groups = boundaries.slice(1).map((end, index) => end - (boundaries[index] as number))
  const last = groups.at(-1) as number
  if (groups.slice(0, -1).every((size) => size === 4) && last >= 1 && last <= 4) return true
  return groups.length === 3 && groups[0] === 4 && groups[1] === 6 && (last === 5 || last === 4)
}

/** The text as the scan reads it: NFKC, so full-width and other compatibility digits are plain ones. */
function normalise(text: string): string {
  return text.normalize('NFKC')
}

/** The card numbers (as plain digits) written anywhere in the text, in any of the shapes `scan` knows. */
export function findCardNumbers(text: string): string[] {
  return scan(normalise(text)).map((item) => item.digits)
}

/** Whether the text holds a card number. */
export function holdsCardNumber(text: string): boolean {
  return findCardNumbers(text).length > 0
}

/**
 * Whether any string (or object key) inside a JSON-like value holds a card number; answers the paths
 * that do (`note`, `emails.0.address`; a key is named by its parent path and `(key)`).
 */
export function pathsHoldingCardNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return holdsCardNumber(String(value)) ? [path || '(value)'] : []
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => pathsHoldingCardNumbers(item, join(path, `${index}`)))
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => [
      ...(holdsCardNumber(key) ? [join(path, '(key)')] : []),
      ...pathsHoldingCardNumbers(item, join(path, key)),
    ])
  }
  return []
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/**
 * The text with every card number in it masked to its last four digits (for logs). Text holding a card
 * number comes back NFKC-normalised; text holding none comes back unchanged.
 */
export function maskCardNumbers(text: string): string {
  const normalised = normalise(text)
  const found = scan(normalised)
  if (found.length === 0) return text
  let masked = ''
  let at = 0
  for (const item of [...found].sort((a, b) => a.start - b.start)) {
    if (item.end <= at) continue
    masked += `${normalised.slice(at, Math.max(at, item.start))}[card ••••${item.digits.slice(-4)}]`
    at = item.end
  }
  return masked + normalised.slice(at)
}

/** Every string inside a JSON-like value (a log line's fields) with its card numbers masked. */
export function maskCardNumbersDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskCardNumbers(value)
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => maskCardNumbersDeep(item, depth + 1))
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      maskCardNumbers(key),
      maskCardNumbersDeep(item, depth + 1),
    ]),
  )
}
