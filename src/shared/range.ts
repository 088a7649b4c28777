import { ValidationFailed, withCode } from './errors.js'

/**
 * Half-open ranges `[from, to)`: `from` is inside, `to` is not, and `to: null` means open-ended
 * (still running). Two kinds of point are supported:
 * - local dates as ISO strings 'YYYY-MM-DD', compared as text (which is date order);
 * - instants as `Date` (what `pg` returns for `timestamptz`), compared by epoch milliseconds.
 * Adjacent ranges share an end point without overlapping: `[a, b)` then `[b, c)`.
 */

export type RangePoint = string | Date

export type Range<T extends RangePoint> = { readonly from: T; readonly to: T | null }

/** A range of local dates, e.g. an agreement from '2025-01-01' to '2026-01-01' (exclusive). */
export type DateRange = Range<string>

/** A range of instants, e.g. one local day in UTC. */
export type InstantRange = Range<Date>

export class InvalidRange extends withCode(ValidationFailed, 'INVALID_RANGE') {}

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/

function describe(point: RangePoint | null): string {
  if (point === null) return 'open end'
  return point instanceof Date ? (Number.isNaN(point.getTime()) ? 'Invalid Date' : point.toISOString()) : point
}

function assertPoint(point: unknown): asserts point is RangePoint {
  const valid =
    (typeof point === 'string' && localDatePattern.test(point)) ||
    (point instanceof Date && !Number.isNaN(point.getTime()))
  if (!valid) throw new InvalidRange(`Not a local date or instant: ${String(point)}`)
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
function comparePoints<T extends RangePoint>(a: T, b: T): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime()
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  throw new InvalidRange(`Cannot compare a local date with an instant: ${describe(a)}, ${describe(b)}`)
}

/** Compare two end points where null is +∞. */
function compareEnds<T extends RangePoint>(a: T | null, b: T | null): number {
  if (a === null) return b === null ? 0 : 1
  if (b === null) return -1
  return comparePoints(a, b)
}

function minEnd<T extends RangePoint>(a: T | null, b: T | null): T | null {
  return compareEnds(a, b) <= 0 ? a : b
}

function maxPoint<T extends RangePoint>(a: T, b: T): T {
  return comparePoints(a, b) >= 0 ? a : b
}

/**
 * The range `[from, to)`, open-ended when `to` is null.
 * @throws InvalidRange when to ≤ from, or a point is not a 'YYYY-MM-DD' date or a valid Date
 */
export function range<T extends RangePoint>(from: T, to: T | null): Range<T> {
  assertPoint(from)
  if (to !== null) {
    assertPoint(to)
    if (comparePoints(to, from) <= 0) {
      throw new InvalidRange(`Range must end after it starts: [${describe(from)}, ${describe(to)})`, {
        from: describe(from),
        to: describe(to),
      })
    }
  }
  return { from, to }
}

/**
 * Whether the point lies in the range (from included, to excluded).
 * @throws InvalidRange when mixing dates and instants
 */
export function contains<T extends RangePoint>(r: Range<T>, point: T): boolean {
  return comparePoints(r.from, point) <= 0 && (r.to === null || comparePoints(point, r.to) < 0)
}

/** Whether `outer` covers every point of `inner`. @throws InvalidRange when mixing dates and instants */
export function containsRange<T extends RangePoint>(outer: Range<T>, inner: Range<T>): boolean {
  return comparePoints(outer.from, inner.from) <= 0 && compareEnds(inner.to, outer.to) <= 0
}

/**
 * Whether the two ranges share at least one point (touching ends do not).
 * @throws InvalidRange when mixing dates and instants
 */
export function overlaps<T extends RangePoint>(a: Range<T>, b: Range<T>): boolean {
  return compareEnds(a.from, b.to) < 0 && compareEnds(b.from, a.to) < 0
}

/** The points in both ranges, or null when they do not overlap. @throws InvalidRange when mixing dates and instants */
export function intersection<T extends RangePoint>(a: Range<T>, b: Range<T>): Range<T> | null {
  if (!overlaps(a, b)) return null
  return { from: maxPoint(a.from, b.from), to: minEnd(a.to, b.to) }
}

/** Whether one range ends exactly where the other starts. @throws InvalidRange when mixing dates and instants */
export function isAdjacent<T extends RangePoint>(a: Range<T>, b: Range<T>): boolean {
  return (a.to !== null && comparePoints(a.to, b.from) === 0) || (b.to !== null && comparePoints(b.to, a.from) === 0)
}

/**
 * The two pieces `[from, point)` and `[point, to)`.
 * @throws InvalidRange unless the point lies strictly inside the range
 */
export function splitAt<T extends RangePoint>(r: Range<T>, point: T): [Range<T>, Range<T>] {
  if (comparePoints(point, r.from) <= 0 || !contains(r, point)) {
    throw new InvalidRange(`Cannot split [${describe(r.from)}, ${describe(r.to)}) at ${describe(point)}`, {
      from: describe(r.from),
      to: describe(r.to),
      point: describe(point),
    })
  }
  return [
    { from: r.from, to: point },
    { from: point, to: r.to },
  ]
}

/**
 * The fewest sorted, disjoint, non-adjacent ranges covering the same points as the list.
 * @throws InvalidRange when mixing dates and instants
 */
export function merge<T extends RangePoint>(ranges: readonly Range<T>[]): Range<T>[] {
  const sorted = [...ranges].sort((a, b) => comparePoints(a.from, b.from))
  const merged: Range<T>[] = []
  for (const next of sorted) {
    const last = merged.at(-1)
    if (last && compareEnds(next.from, last.to) <= 0) {
      // overlapping or adjacent: extend the last range
      merged[merged.length - 1] = { from: last.from, to: compareEnds(last.to, next.to) >= 0 ? last.to : next.to }
    } else {
      merged.push({ from: next.from, to: next.to })
    }
  }
  return merged
}

/** Another name for `merge`: the union of a list of ranges. @throws InvalidRange when mixing dates and instants */
export const union = merge

/**
 * The sorted parts of `within` not covered by any of the ranges.
 * @throws InvalidRange when mixing dates and instants
 */
export function gaps<T extends RangePoint>(within: Range<T>, ranges: readonly Range<T>[]): Range<T>[] {
  const result: Range<T>[] = []
  let cursor: T | null = within.from
  for (const covered of merge(ranges)) {
    if (cursor === null) break
    const clipped = intersection(within, covered)
    if (!clipped) continue
    if (comparePoints(cursor, clipped.from) < 0) result.push({ from: cursor, to: clipped.from })
    cursor = clipped.to
  }
  if (cursor !== null && compareEnds(cursor, within.to) < 0) result.push({ from: cursor, to: within.to })
  return result
}
