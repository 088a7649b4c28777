/**
 * Money typed by staff, read exactly: "12.50", "£1,250", "0.5" become strings of minor units
 * ("1250", "125000", "50") by string arithmetic, never through a float, so what the customer said is
 * what is sent. The supplier's currency symbol (`shared/brand.ts`) may lead.
 */
import { currencySymbol } from '../shared/brand.js'
import { formatMinor } from '../shared/money.js'

export type ParsedAmount = { ok: true; minor: string } | { ok: false; problem: string }

const plain = /^(\d+)(?:\.(\d{1,2}))?$/
const grouped = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/

/** Pounds and pence as typed → minor units; refuses a third decimal place, signs and stray characters. */
export function parsePounds(text: string, { allowZero = false }: { allowZero?: boolean } = {}): ParsedAmount {
  const symbol = currencySymbol()
  const typed = text.trim()
  const trimmed = (typed.startsWith(symbol) ? typed.slice(symbol.length) : typed).trim()
  if (trimmed === '') return { ok: false, problem: 'Enter an amount in pounds and pence, like 12.50.' }
  const match = plain.exec(trimmed) ?? grouped.exec(trimmed)
  if (!match) {
    return /\.\d{3,}$/.test(trimmed)
      ? { ok: false, problem: 'At most two decimal places (pence).' }
      : { ok: false, problem: 'Enter an amount in pounds and pence, like 12.50.' }
  }
  const pounds = (match[1] ?? '0').replaceAll(',', '')
  const pence = (match[2] ?? '').padEnd(2, '0')
  const minor = (BigInt(pounds) * 100n + BigInt(pence)).toString()
  if (!allowZero && minor === '0') return { ok: false, problem: `The amount must be more than ${formatMinor('0')}.` }
  // The API takes at most 12 digits of minor units.
  if (minor.length > 12) return { ok: false, problem: 'That amount is too large.' }
  return { ok: true, minor }
}

/** Minor units → what an input shows ("1250" → "12.50"), for amounts the server suggests. */
export function minorToInput(minor: string): string {
  if (!/^\d+$/.test(minor)) return ''
  const value = BigInt(minor)
  return `${value / 100n}.${String(value % 100n).padStart(2, '0')}`
}

/** A fresh idempotency key: one per submission, reused only to retry that same submission. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
