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
 * Runs of 13 to 19 digits, optionally grouped by single spaces or dashes, that pass the Luhn check
 * and start as a card does (2 to 6). Supply numbers are not mistaken for cards: an MPAN core starts
 * 10–23 and has 13 digits, which we only flag when it starts like a card and passes the check, so a
 * 13-digit run counts only when it starts with 4 (the old 13-digit Visa).
 */
const candidate = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g

export function findCardNumbers(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(candidate)) {
    const digits = match[0].replace(/[ -]/g, '')
    if (digits.length < 13 || digits.length > 19) continue
    if (!/^[2-6]/.test(digits)) continue
    if (digits.length === 13 && !digits.startsWith('4')) continue
    if (luhnValid(digits)) found.push(digits)
  }
  return found
}

/** Whether any string inside a JSON-like value holds a card number; returns the paths that do. */
export function pathsHoldingCardNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return findCardNumbers(String(value)).length > 0 ? [path || '(value)'] : []
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => pathsHoldingCardNumbers(item, `${path}.${index}`))
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      pathsHoldingCardNumbers(item, path ? `${path}.${key}` : key),
    )
  }
  return []
}

/** The text with every card number in it masked to its last four digits (for logs). */
export function maskCardNumbers(text: string): string {
  return text.replace(candidate, (match) => {
    const digits = match.replace(/[ -]/g, '')
    return findCardNumbers(match).length > 0 ? `[card ••••${digits.slice(-4)}]` : match
  })
}
