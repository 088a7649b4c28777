/**
 * Request pieces every route module shares, and the one way responses carry money and instants.
 */
import { z } from 'zod'
import { isLocalDate, utcMidnight } from '../shared/time.js'

/** `:accountNumber` in a path: `A-` and eight hex digits, read in upper case. */
export const AccountParams = z.strictObject({
  accountNumber: z
    .string()
    .regex(/^A-[0-9A-Fa-f]{8}$/, 'an account number like A-1F2E3D4C')
    .transform((value) => value.toUpperCase()),
})

/** The query of a paged list: up to `limit` items (1 to 100, 20 unless given) after the `cursor` a page returned. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
})

/** An email address as a request gives it (checked further where it is kept). */
export const EmailAddress = z.string().min(3).max(320)

/** A password as a request gives it: checked against the password policy where one is set. */
export const Password = z.string().min(1).max(256)

/** A sign-in, staff or portal: the email address and the password. */
export const SignInBody = z.strictObject({ email: EmailAddress, password: Password })

/** The longest string any request may carry in one field (the longest a route allows, an email body). */
export const maxTextLength = 100_000

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The one string rule every string in a request obeys (params, query, body, object keys): no NUL or
 * other C0 control character except tab, line feed and carriage return; no lone UTF-16 surrogate
 * (it has no UTF-8 form, so it cannot be stored faithfully); at most `max` characters. Answers what is
 * wrong, or null when the text is fine. `text-guard.ts` applies it to every request; `Text` to a field.
 */
export function textProblem(value: string, max = maxTextLength): string | null {
  if (value.length > max) return `at most ${max} characters`
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) return 'a control character (such as NUL) is not allowed'
  if (loneSurrogate.test(value)) return 'a lone surrogate (not valid Unicode) is not allowed'
  return null
}

/** Free text in a request: the shared string rule, with a length cap (10,000 characters unless given). */
export function TextUpTo(max: number) {
  return z.string().superRefine((value, context) => {
    const problem = textProblem(value, max)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })
}

/** Free text of up to 10,000 characters that obeys the shared string rule. */
export const Text = TextUpTo(10_000)

/** The dates a supplier deals in: births, supplies, bills, from 1900 to 2100 (both included). */
export const earliestDate = '1900-01-01'
export const latestDate = '2100-12-31'

/**
 * A calendar date written 'YYYY-MM-DD' (2026-02-30 is refused) between 1900-01-01 and 2100-12-31:
 * the one date schema of every route.
 */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((value) => isLocalDate(value) && value >= earliestDate && value <= latestDate, {
    message: `a real calendar date between ${earliestDate} and ${latestDate}`,
  })

const earliestInstant = utcMidnight(earliestDate)
const endInstant = utcMidnight('2101-01-01')

/**
 * An instant written in ISO 8601 with `Z` or an offset (2026-11-20T09:00:00Z), from 1900 to 2100; the
 * one instant schema of every route.
 */
export const Instant = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const at = new Date(value)
    return !Number.isNaN(at.getTime()) && isLocalDate(value.slice(0, 10)) && at >= earliestInstant && at < endInstant
  },
  { message: `an instant between ${earliestDate} and ${latestDate}, like 2026-11-20T09:00:00Z` },
)

/** Money in a request: a string of digits in minor units ("1250" is £12.50), never a float. */
export const Minor = z
  .string()
  .regex(/^\d{1,12}$/, 'a whole number of minor units as a string of digits, e.g. "1250"')
  .transform((value) => BigInt(value))

/** What `jsonOf` makes of a value's type: bigints and Dates become strings, all the way down. */
export type Json<T> = T extends bigint
  ? string
  : T extends Date
    ? string
    : T extends readonly (infer Item)[]
      ? Json<Item>[]
      : T extends object
        ? { [Key in keyof T]: Json<T[Key]> }
        : T

/**
 * JSON has no bigint and no Date: money as strings of minor units, instants as ISO strings. The type
 * follows, so a route's declared response schema is checked against what the handler returns.
 */
export function jsonOf<T>(value: T): Json<T> {
  return toJson(value) as Json<T>
}

function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toJson(item)]),
    )
  }
  return value
}
