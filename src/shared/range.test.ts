import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationFailed } from './errors.js'
import {
  contains,
  containsRange,
  type DateRange,
  gaps,
  type InstantRange,
  InvalidRange,
  intersection,
  isAdjacent,
  merge,
  overlaps,
  type Range,
  type RangePoint,
  range,
  splitAt,
  union,
} from './range.js'

const dayMs = 24 * 60 * 60 * 1000
const dateOf = (day: number): string => new Date(Date.UTC(2024, 0, 1) + day * dayMs).toISOString().slice(0, 10)
const at = (iso: string): Date => new Date(iso)

// small day numbers so generated ranges often touch and overlap
const anyDay = fc.integer({ min: 0, max: 60 })
const anyDateRange: fc.Arbitrary<DateRange> = fc
  .tuple(anyDay, fc.option(fc.integer({ min: 1, max: 20 }), { freq: 5 }))
  .map(([from, length]) => range(dateOf(from), length === null ? null : dateOf(from + length)))
const anyInstantRange: fc.Arbitrary<InstantRange> = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.option(fc.integer({ min: 1, max: 3_000 }), { freq: 5 }))
  .map(([from, length]) => range(new Date(from * 60_000), length === null ? null : new Date((from + length) * 60_000)))

/** How many ranges of the list contain the day. */
function coverCount(ranges: readonly Range<string>[], day: string): number {
  return ranges.filter((r) => contains(r, day)).length
}

describe('range', () => {
  it('builds closed and open-ended ranges', () => {
    expect(range('2025-01-01', '2025-02-01')).toEqual({ from: '2025-01-01', to: '2025-02-01' })
    expect(range('2025-01-01', null)).toEqual({ from: '2025-01-01', to: null })
    expect(range(at('2025-01-01T00:00Z'), at('2025-01-01T00:30Z')).to).toEqual(at('2025-01-01T00:30Z'))
  })

  it('refuses a range that ends on or before its start', () => {
    expect(() => range('2025-01-02', '2025-01-02')).toThrow(InvalidRange)
    expect(() => range('2025-01-02', '2025-01-01')).toThrow(InvalidRange)
    expect(() => range(at('2025-01-01T01:00Z'), at('2025-01-01T00:00Z'))).toThrow(InvalidRange)
    try {
      range('2025-01-02', '2025-01-01')
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed)
      expect((error as InvalidRange).code).toBe('INVALID_RANGE')
    }
  })

  it('refuses points that are not local dates or valid instants, and mixed kinds', () => {
    expect(() => range('2025-1-1', null)).toThrow(InvalidRange)
    expect(() => range('2025-01-01T00:00', null)).toThrow(InvalidRange)
    expect(() => range(new Date(Number.NaN), null)).toThrow(InvalidRange)
    expect(() => range<RangePoint>('2025-01-01', at('2025-02-01T00:00Z'))).toThrow(InvalidRange)
  })
})

describe('contains', () => {
  it('includes the start and excludes the end', () => {
    const january = range('2025-01-01', '2025-02-01')
    expect(contains(january, '2025-01-01')).toBe(true)
    expect(contains(january, '2025-01-31')).toBe(true)
    expect(contains(january, '2025-02-01')).toBe(false)
    expect(contains(january, '2024-12-31')).toBe(false)
    expect(contains(range('2025-01-01', null), '2999-12-31')).toBe(true)
  })

  it('compares instants by time, not by object', () => {
    const halfHour = range(at('2025-01-01T00:00Z'), at('2025-01-01T00:30Z'))
    expect(contains(halfHour, at('2025-01-01T00:00Z'))).toBe(true)
    expect(contains(halfHour, at('2025-01-01T00:29:59.999Z'))).toBe(true)
    expect(contains(halfHour, at('2025-01-01T00:30Z'))).toBe(false)
  })

  it('tells when one range covers another', () => {
    expect(containsRange(range('2025-01-01', null), range('2025-03-01', '2025-04-01'))).toBe(true)
    expect(containsRange(range('2025-01-01', '2025-05-01'), range('2025-03-01', null))).toBe(false)
    expect(containsRange(range('2025-01-01', '2025-05-01'), range('2025-01-01', '2025-05-01'))).toBe(true)
  })
})

describe('overlaps, intersection and isAdjacent', () => {
  it('treats touching ranges as adjacent, not overlapping', () => {
    const first = range('2025-01-01', '2025-02-01')
    const second = range('2025-02-01', null)
    expect(overlaps(first, second)).toBe(false)
    expect(intersection(first, second)).toBeNull()
    expect(isAdjacent(first, second)).toBe(true)
    expect(isAdjacent(second, first)).toBe(true)
  })

  it('gives the common part of overlapping ranges', () => {
    const agreement = range('2025-01-15', null)
    const bill = range('2025-01-01', '2025-02-01')
    expect(overlaps(agreement, bill)).toBe(true)
    expect(intersection(agreement, bill)).toEqual({ from: '2025-01-15', to: '2025-02-01' })
    expect(intersection(range('2025-01-01', null), range('2025-03-01', null))).toEqual({
      from: '2025-03-01',
      to: null,
    })
  })

  it('finds the intersection commutative and inside both ranges', () => {
    fc.assert(
      fc.property(anyDateRange, anyDateRange, (a, b) => {
        const ab = intersection(a, b)
        expect(ab).toEqual(intersection(b, a))
        expect(ab !== null).toBe(overlaps(a, b))
        if (ab) {
          expect(containsRange(a, ab)).toBe(true)
          expect(containsRange(b, ab)).toBe(true)
        }
      }),
    )
  })

  it('finds a point in the intersection exactly when it is in both ranges', () => {
    fc.assert(
      fc.property(anyInstantRange, anyInstantRange, fc.integer({ min: 0, max: 14_000 }), (a, b, minute) => {
        const point = new Date(minute * 60_000)
        const ab = intersection(a, b)
        expect(ab !== null && contains(ab, point)).toBe(contains(a, point) && contains(b, point))
      }),
    )
  })

  it('never finds adjacent ranges overlapping', () => {
    fc.assert(
      fc.property(anyDateRange, anyDateRange, (a, b) => {
        if (isAdjacent(a, b)) expect(overlaps(a, b)).toBe(false)
      }),
    )
  })
})

describe('splitAt', () => {
  it('splits a range into the part before and the part from the point', () => {
    expect(splitAt(range('2025-01-01', null), '2025-04-01')).toEqual([
      { from: '2025-01-01', to: '2025-04-01' },
      { from: '2025-04-01', to: null },
    ])
  })

  it('refuses a point on the start or outside the range', () => {
    const january = range('2025-01-01', '2025-02-01')
    expect(() => splitAt(january, '2025-01-01')).toThrow(InvalidRange)
    expect(() => splitAt(january, '2025-02-01')).toThrow(InvalidRange)
    expect(() => splitAt(january, '2024-06-01')).toThrow(InvalidRange)
  })

  it('gives adjacent pieces whose union is the original', () => {
    const rangeAndInnerPoint = fc
      .tuple(anyDay, fc.option(fc.integer({ min: 2, max: 20 }), { freq: 5 }))
      .chain(([from, length]) =>
        fc.integer({ min: 1, max: (length ?? 40) - 1 }).map((offset) => ({
          r: range(dateOf(from), length === null ? null : dateOf(from + length)),
          point: dateOf(from + offset),
        })),
      )
    fc.assert(
      fc.property(rangeAndInnerPoint, ({ r, point }) => {
        const [before, after] = splitAt(r, point)
        expect(isAdjacent(before, after)).toBe(true)
        expect(overlaps(before, after)).toBe(false)
        expect(merge([after, before])).toEqual([r])
      }),
    )
  })
})

describe('merge', () => {
  it('joins overlapping and adjacent ranges and keeps gaps', () => {
    const merged = merge([
      range('2025-03-01', '2025-04-01'),
      range('2025-01-01', '2025-02-01'),
      range('2025-02-01', '2025-02-10'),
      range('2025-03-15', null),
    ])
    expect(merged).toEqual([
      { from: '2025-01-01', to: '2025-02-10' },
      { from: '2025-03-01', to: null },
    ])
    expect(union).toBe(merge)
    expect(merge([])).toEqual([])
  })

  it('covers exactly the same days with sorted, separate ranges', () => {
    fc.assert(
      fc.property(fc.array(anyDateRange, { maxLength: 8 }), (ranges) => {
        const merged = merge(ranges)
        for (let i = 1; i < merged.length; i++) {
          expect(merged[i - 1]!.to! < merged[i]!.from).toBe(true)
        }
        for (let day = 0; day < 90; day++) {
          const date = dateOf(day)
          expect(coverCount(merged, date) > 0).toBe(coverCount(ranges, date) > 0)
          expect(coverCount(merged, date)).toBeLessThanOrEqual(1)
        }
      }),
    )
  })
})

describe('gaps', () => {
  it('finds the uncovered parts of a window', () => {
    const window = range('2025-01-01', '2025-04-01')
    const covered = [
      range('2025-01-10', '2025-02-01'),
      range('2025-02-01', '2025-03-01'),
      range('2024-01-01', '2025-01-05'),
    ]
    expect(gaps(window, covered)).toEqual([
      { from: '2025-01-05', to: '2025-01-10' },
      { from: '2025-03-01', to: '2025-04-01' },
    ])
    expect(gaps(window, [])).toEqual([window])
    expect(gaps(window, [range('2024-01-01', null)])).toEqual([])
  })

  it('leaves an open-ended gap after the last range in an open window', () => {
    expect(gaps(range('2025-01-01', null), [range('2025-01-01', '2025-02-01')])).toEqual([
      { from: '2025-02-01', to: null },
    ])
  })

  it('together with the ranges covers the window exactly once', () => {
    fc.assert(
      fc.property(anyDateRange, fc.array(anyDateRange, { maxLength: 8 }), (window, ranges) => {
        const holes = gaps(window, ranges)
        const covered = merge(ranges)
          .map((r) => intersection(window, r))
          .filter((r): r is DateRange => r !== null)
        expect(merge([...holes, ...covered])).toEqual([window])
        for (const hole of holes) {
          expect(containsRange(window, hole)).toBe(true)
          expect(ranges.some((r) => overlaps(r, hole))).toBe(false)
        }
        for (let day = 0; day < 90; day++) {
          const date = dateOf(day)
          expect(coverCount([...holes, ...covered], date)).toBe(contains(window, date) ? 1 : 0)
        }
      }),
    )
  })

  it('works on instants too', () => {
    fc.assert(
      fc.property(anyInstantRange, fc.array(anyInstantRange, { maxLength: 6 }), (window, ranges) => {
        const holes = gaps(window, ranges)
        const covered = ranges.map((r) => intersection(window, r)).filter((r): r is InstantRange => r !== null)
        expect(merge([...holes, ...covered])).toEqual([window])
        expect(holes.every((hole) => !ranges.some((r) => overlaps(r, hole)))).toBe(true)
      }),
    )
  })
})
