import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { ValidationFailed } from './errors.js'
import {
  addDays,
  daysBetween,
  InvalidInstant,
  InvalidLocalDate,
  InvalidMonth,
  InvalidSettlementPeriod,
  instantRangeOf,
  isClockChangeDay,
  isLocalDate,
  LONDON,
  localDateOf,
  localDayRange,
  localTimeOf,
  monthDateRange,
  monthOf,
  monthsBefore,
  settlementPeriodOf,
  settlementPeriodStart,
  settlementPeriodsOfDay,
  startOfLocalDay,
  UnknownTimeZone,
  utcMidnight,
} from './time.js'

const at = (iso: string): Date => new Date(iso)
const halfHourMs = 30 * 60 * 1000
const NEW_YORK = 'America/New_York'

// every date from 2020-01-01 to 2030-12-31
const anyDate = fc
  .integer({ min: 0, max: daysBetween('2020-01-01', '2030-12-31') })
  .map((n) => addDays('2020-01-01', n))
const anyZone = fc.constantFrom(LONDON, NEW_YORK)

describe('local dates', () => {
  it('gives the London date of an instant across midnight in summer time', () => {
    expect(localDateOf(at('2025-06-30T22:59:59Z'))).toBe('2025-06-30')
    expect(localDateOf(at('2025-06-30T23:00:00Z'))).toBe('2025-07-01')
    expect(localDateOf(at('2025-01-31T23:59:59Z'))).toBe('2025-01-31')
    expect(localDateOf(at('2025-07-01T03:59:59Z'), NEW_YORK)).toBe('2025-06-30')
    expect(localDateOf(at('2025-07-01T04:00:00Z'), NEW_YORK)).toBe('2025-07-01')
  })

  it('gives the local wall-clock time', () => {
    expect(localTimeOf(at('2025-06-30T23:00:00Z'))).toBe('00:00')
    expect(localTimeOf(at('2025-01-15T13:45:30Z'))).toBe('13:45')
    expect(localTimeOf(at('2025-01-15T13:45:30Z'), NEW_YORK)).toBe('08:45')
  })

  it('starts the local day at local midnight in UTC', () => {
    expect(startOfLocalDay('2025-01-15')).toEqual(at('2025-01-15T00:00:00Z'))
    expect(startOfLocalDay('2025-07-15')).toEqual(at('2025-07-14T23:00:00Z'))
    expect(startOfLocalDay('2025-07-15', NEW_YORK)).toEqual(at('2025-07-15T04:00:00Z'))
  })

  it('gives a date-only value its UTC midnight, an hour after the London day began in summer', () => {
    expect(utcMidnight('2025-07-15')).toEqual(at('2025-07-15T00:00:00Z'))
    // 2025-07-15 00:00 UTC is 01:00 BST: one hour (3,600,000 ms) after the local day started
    expect(utcMidnight('2025-07-15').getTime() - startOfLocalDay('2025-07-15').getTime()).toBe(3_600_000)
    expect(utcMidnight('1900-01-01')).toEqual(at('1900-01-01T00:00:00Z'))
    expect(() => utcMidnight('2026-02-30')).toThrow(InvalidLocalDate)
  })

  it('gives the half-open instant range of a local day', () => {
    expect(localDayRange('2025-03-30')).toEqual({ from: at('2025-03-30T00:00Z'), to: at('2025-03-30T23:00Z') })
    expect(localDayRange('2025-10-26')).toEqual({ from: at('2025-10-25T23:00Z'), to: at('2025-10-27T00:00Z') })
  })

  it('turns a range of dates into a range of instants, keeping an open end open', () => {
    expect(instantRangeOf({ from: '2025-03-01', to: '2025-04-01' })).toEqual({
      from: at('2025-03-01T00:00Z'),
      to: at('2025-03-31T23:00Z'),
    })
    expect(instantRangeOf({ from: '2025-03-01', to: null }, NEW_YORK)).toEqual({
      from: at('2025-03-01T05:00Z'),
      to: null,
    })
  })

  it('adds days and counts days between dates across month, year and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-03-31', '2025-03-30')).toBe(-1)
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1) // a 23-hour day is still one day
  })

  it('adds back what daysBetween counts', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days)
      }),
    )
  })

  it('gives the month of a date and the dates of a month', () => {
    expect(monthOf('2025-02-28')).toBe('2025-02')
    expect(monthDateRange('2025-02')).toEqual({ from: '2025-02-01', to: '2025-03-01' })
    expect(monthDateRange('2025-12')).toEqual({ from: '2025-12-01', to: '2026-01-01' })
    expect(() => monthDateRange('2025-13')).toThrow(InvalidMonth)
    expect(() => monthDateRange('2025-1')).toThrow(InvalidMonth)
  })

  it('refuses dates that are not real or not written YYYY-MM-DD', () => {
    for (const text of ['2025-02-29', '2025-13-01', '2025-1-1', '2025-01-01T00:00', '20250101', '', 'today']) {
      expect(isLocalDate(text), text).toBe(false)
      expect(() => startOfLocalDay(text), text).toThrow(InvalidLocalDate)
    }
    expect(isLocalDate('2024-02-29')).toBe(true)
    expect(() => addDays('2025-01-01', 0.5)).toThrow(InvalidLocalDate)
    try {
      monthOf('2025-02-30')
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed)
      expect((error as InvalidLocalDate).code).toBe('INVALID_LOCAL_DATE')
    }
  })

  it('refuses an unknown time zone and an invalid instant', () => {
    expect(() => startOfLocalDay('2025-01-01', 'Mars/Olympus_Mons')).toThrow(UnknownTimeZone)
    expect(() => localDateOf(at('2025-01-01T00:00Z'), 'Nowhere')).toThrow(UnknownTimeZone)
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(InvalidInstant)
  })
})

describe('clock-change days', () => {
  it('knows the days the clocks change in London', () => {
    expect(isClockChangeDay('2025-03-30')).toBe(true)
    expect(isClockChangeDay('2025-10-26')).toBe(true)
    expect(isClockChangeDay('2025-03-29')).toBe(false)
    expect(isClockChangeDay('2025-06-15')).toBe(false)
  })

  it('uses the zone it is given', () => {
    expect(isClockChangeDay('2025-03-09', NEW_YORK)).toBe(true)
    expect(isClockChangeDay('2025-03-30', NEW_YORK)).toBe(false)
  })
})

describe('settlement periods', () => {
  const expectedCounts: Array<[string, number]> = [
    ['2025-03-30', 46],
    ['2025-10-26', 50],
    ['2026-03-29', 46],
    ['2026-10-25', 50],
    ['2025-06-15', 48],
    ['2025-01-15', 48],
  ]

  for (const [date, count] of expectedCounts) {
    it(`gives ${count} periods on ${date} in London`, () => {
      const periods = settlementPeriodsOfDay(date)
      expect(periods).toHaveLength(count)
      expect(periods.map((p) => p.period)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    })
  }

  it('gives 46 and 50 periods on the New York clock-change days', () => {
    expect(settlementPeriodsOfDay('2025-03-09', NEW_YORK)).toHaveLength(46)
    expect(settlementPeriodsOfDay('2025-11-02', NEW_YORK)).toHaveLength(50)
  })

  it('skips the missing hour on the spring-forward day', () => {
    const periods = settlementPeriodsOfDay('2025-03-30')
    expect(periods[0]).toEqual({ period: 1, startAt: at('2025-03-30T00:00Z'), endAt: at('2025-03-30T00:30Z') })
    // period 3 starts at 01:00 UTC, which is 02:00 BST: 01:00–02:00 local never happened
    expect(periods[2]!.startAt).toEqual(at('2025-03-30T01:00Z'))
    expect(localTimeOf(periods[2]!.startAt)).toBe('02:00')
    expect(periods.at(-1)!.endAt).toEqual(at('2025-03-30T23:00Z'))
  })

  it('counts the repeated hour twice on the autumn-back day', () => {
    // 01:30 local happens first in BST (00:30 UTC) and again in GMT (01:30 UTC)
    expect(settlementPeriodOf(at('2025-10-26T00:30Z'))).toEqual({ date: '2025-10-26', period: 4 })
    expect(settlementPeriodOf(at('2025-10-26T01:30Z'))).toEqual({ date: '2025-10-26', period: 6 })
    expect(localTimeOf(at('2025-10-26T00:30Z'))).toBe('01:30')
    expect(localTimeOf(at('2025-10-26T01:30Z'))).toBe('01:30')
    expect(settlementPeriodOf(at('2025-10-26T23:59:59Z'))).toEqual({ date: '2025-10-26', period: 50 })
  })

  it('finds the period of an instant on an ordinary day', () => {
    expect(settlementPeriodOf(at('2025-01-15T00:00Z'))).toEqual({ date: '2025-01-15', period: 1 })
    expect(settlementPeriodOf(at('2025-01-15T00:29:59.999Z'))).toEqual({ date: '2025-01-15', period: 1 })
    expect(settlementPeriodOf(at('2025-01-15T17:30Z'))).toEqual({ date: '2025-01-15', period: 36 })
    expect(settlementPeriodOf(at('2025-07-15T17:30Z'))).toEqual({ date: '2025-07-15', period: 38 })
  })

  it('gives the start of a period and refuses periods the day does not have', () => {
    expect(settlementPeriodStart({ date: '2025-10-26', period: 50 })).toEqual(at('2025-10-26T23:30Z'))
    expect(settlementPeriodStart({ date: '2025-03-30', period: 46 })).toEqual(at('2025-03-30T22:30Z'))
    expect(settlementPeriodStart({ date: '2025-01-15', period: 1, timeZone: NEW_YORK })).toEqual(
      at('2025-01-15T05:00Z'),
    )
    for (const period of [0, 47, 48, -1, 1.5, Number.NaN]) {
      expect(() => settlementPeriodStart({ date: '2025-03-30', period }), String(period)).toThrow(
        InvalidSettlementPeriod,
      )
    }
    expect(() => settlementPeriodStart({ date: '2025-10-26', period: 51 })).toThrow(InvalidSettlementPeriod)
  })

  it('tiles every local day from 2020 to 2030 with 30-minute periods', () => {
    fc.assert(
      fc.property(anyDate, anyZone, (date, timeZone) => {
        const periods = settlementPeriodsOfDay(date, timeZone)
        expect([46, 48, 50]).toContain(periods.length)
        expect(periods.length !== 48).toBe(isClockChangeDay(date, timeZone))
        expect(periods[0]!.startAt).toEqual(startOfLocalDay(date, timeZone))
        expect(periods.at(-1)!.endAt).toEqual(startOfLocalDay(addDays(date, 1), timeZone))
        periods.forEach((p, index) => {
          expect(p.period).toBe(index + 1)
          expect(p.endAt.getTime() - p.startAt.getTime()).toBe(halfHourMs)
          if (index > 0) expect(p.startAt).toEqual(periods[index - 1]!.endAt)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('finds each period again from its start, its last moment and its stated start', () => {
    fc.assert(
      fc.property(anyDate, anyZone, (date, timeZone) => {
        for (const p of settlementPeriodsOfDay(date, timeZone)) {
          expect(settlementPeriodOf(p.startAt, timeZone)).toEqual({ date, period: p.period })
          expect(settlementPeriodOf(new Date(p.endAt.getTime() - 1), timeZone)).toEqual({ date, period: p.period })
          expect(settlementPeriodStart({ date, period: p.period, timeZone })).toEqual(p.startAt)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('puts every instant in the period that contains it', () => {
    const anyInstant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms))
    fc.assert(
      fc.property(anyInstant, anyZone, (instant, timeZone) => {
        const { date, period } = settlementPeriodOf(instant, timeZone)
        const start = settlementPeriodStart({ date, period, timeZone })
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime())
        expect(instant.getTime()).toBeLessThan(start.getTime() + halfHourMs)
        expect(localDateOf(instant, timeZone)).toBe(date)
      }),
    )
  })
})

// The date arithmetic and the zone lookups take fast paths (integer calendar arithmetic, remembered
// day boundaries): they must answer exactly as Temporal does, in zones with odd offsets and days.
describe('fast paths agree with Temporal', () => {
  const oddZones = fc.constantFrom(
    LONDON,
    NEW_YORK,
    'Australia/Lord_Howe', // a 30-minute daylight-saving shift
    'Asia/Kathmandu', // +05:45
    'Pacific/Apia', // skipped 2011-12-30 entirely
    'America/Havana', // clocks change at midnight: some days start at 01:00
    'UTC',
  )

  it('gives the local date of any instant from 1900 to 2100', () => {
    const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms))
    fc.assert(
      fc.property(anyInstant, oddZones, (instant, timeZone) => {
        const expected = Temporal.Instant.fromEpochMilliseconds(instant.getTime())
          .toZonedDateTimeISO(timeZone)
          .toPlainDate()
          .toString()
        expect(localDateOf(instant, timeZone)).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('gives the local date on both sides of every clock change around the Samoa day that never was', () => {
    const start = Date.UTC(2011, 11, 28)
    for (let ms = start; ms < start + 5 * 24 * 3600 * 1000; ms += 15 * 60 * 1000) {
      const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('Pacific/Apia').toPlainDate()
      expect(localDateOf(new Date(ms), 'Pacific/Apia')).toBe(expected.toString())
      expect(localDateOf(new Date(ms - 1), 'Pacific/Apia')).toBe(
        Temporal.Instant.fromEpochMilliseconds(ms - 1)
          .toZonedDateTimeISO('Pacific/Apia')
          .toPlainDate()
          .toString(),
      )
    }
  })

  it('adds days, counts days and checks dates as Temporal does, over years 1 to 9999', () => {
    const anyDay = fc
      .integer({ min: 1, max: 3_652_059 })
      .map((n) => Temporal.PlainDate.from('0001-01-01').add({ days: n - 1 }))
    fc.assert(
      fc.property(anyDay, anyDay, fc.integer({ min: -100_000, max: 100_000 }), (a, b, days) => {
        const shifted = a.add({ days })
        if (shifted.year >= 1 && shifted.year <= 9999) expect(addDays(a.toString(), days)).toBe(shifted.toString())
        expect(daysBetween(a.toString(), b.toString())).toBe(a.until(b, { largestUnit: 'day' }).days)
        expect(isLocalDate(a.toString())).toBe(true)
      }),
      { numRuns: 3000 },
    )
    expect(addDays('0000-03-01', -1)).toBe('0000-02-29')
    expect(addDays('9999-12-31', 1)).toBe('+010000-01-01')
    for (const bad of [
      '2023-02-29',
      '2100-02-29',
      '2025-04-31',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      ' 2025-01-01',
    ]) {
      expect(isLocalDate(bad)).toBe(false)
    }
    expect(isLocalDate('2000-02-29')).toBe(true)
  })

  it('starts each day where Temporal does and hands out a new Date each time', () => {
    fc.assert(
      fc.property(anyDate, oddZones, (date, timeZone) => {
        const expected = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds
        const first = startOfLocalDay(date, timeZone)
        expect(first.getTime()).toBe(expected)
        first.setTime(0)
        expect(startOfLocalDay(date, timeZone).getTime()).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('monthsBefore', () => {
  it('is the same day months earlier, or the last day of a shorter month', () => {
    expect(monthsBefore('2026-11-24', 12)).toBe('2025-11-24')
    expect(monthsBefore('2026-03-01', 14)).toBe('2025-01-01')
    // 2024 is a leap year and 2023 is not: a year before 29 February is 28 February.
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28')
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28')
  })
})
