/**
 * Request pieces every route module shares, and the one way responses carry money and instants.
 */
import { z } from 'zod'

/** `:accountNumber` in a path: `A-` and eight hex digits, read in upper case. */
export const AccountParams = z.strictObject({
  accountNumber: z
    .string()
    .regex(/^A-[0-9A-Fa-f]{8}$/, 'an account number like A-1F2E3D4C')
    .transform((value) => value.toUpperCase()),
})

export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')

/** Money in a request: a string of digits in minor units ("1250" is £12.50), never a float. */
export const Minor = z
  .string()
  .regex(/^\d{1,12}$/, 'a whole number of minor units as a string of digits, e.g. "1250"')
  .transform((value) => BigInt(value))

/** JSON has no bigint and no Date: money as strings of minor units, instants as ISO strings. */
export function jsonOf<T>(value: T): unknown {
  if (typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(jsonOf)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, jsonOf(item)]),
    )
  }
  return value
}
