/**
 * Opaque page cursors (API-1): one error and one decoder for every list, so a cursor a client made up
 * or mangled is a 400 naming the parameter it came in (`query.cursor`), never a 500 and never read as
 * "no cursor" (which would silently restart the list).
 */
import { ValidationFailed, withCode } from './errors.js'

export class InvalidCursor extends withCode(ValidationFailed, 'INVALID_CURSOR') {}

/** The error for a cursor that is not one the list gave out; `path` names the parameter (`query.cursor`). */
export function invalidCursor(path = 'query.cursor'): InvalidCursor {
  return new InvalidCursor('The cursor is not one this endpoint returned', [{ path, message: 'invalid cursor' }])
}

/** A JSON value as an opaque cursor (base64url). */
export function encodeJsonCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/**
 * The value inside a cursor made by `encodeJsonCursor`, checked by `check`; undefined for no cursor.
 * @throws InvalidCursor naming `path` when the cursor does not decode or fails the check
 */
export function decodeJsonCursor<T>(
  cursor: string | undefined,
  check: (value: unknown) => value is T,
  path = 'query.cursor',
): T | undefined {
  if (cursor === undefined) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (check(value)) return value
  } catch {
    // fall through to the error below
  }
  throw invalidCursor(path)
}

/**
 * The instant and id inside a cursor written `<ISO instant>|<id>` (base64url); undefined for no cursor.
 * @throws InvalidCursor naming `path` when it is not one
 */
export function decodeInstantCursor(
  cursor: string | undefined,
  path = 'query.cursor',
): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const at = new Date(iso ?? '')
  if (!id || rest.length > 0 || !/^\d{4}-\d{2}-\d{2}T/.test(iso ?? '') || Number.isNaN(at.getTime())) {
    throw invalidCursor(path)
  }
  return { at, id }
}

/** The cursor `decodeInstantCursor` reads back: `<ISO instant>|<id>` in base64url. */
export function encodeInstantCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url')
}

/**
 * One page of a list read `limit + 1` rows at a time: the first `limit` rows, and the cursor to the
 * next page (made from the page's last row by `cursorOf`) when the extra row shows there is one.
 */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (last: T) => string,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null }
}
