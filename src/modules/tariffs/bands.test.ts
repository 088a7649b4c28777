import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { settlementPeriodsOfDay, startOfLocalDay } from '../../shared/time.js'
import { type BandWindow, bandedRateWindows, checkBands, kindWindows, minuteOfDay, rateKindAt } from './bands.js'

const since = new Date('2020-01-01T00:00:00Z')
const intelligent: BandWindow[] = [
  {
    rateKind: 'off_peak_unit',
    startTime: '23:30',
    endTime: '05:30',
    timeZone: 'Europe/London',
    validFrom: since,
    validTo: null,
  },
  {
    rateKind: 'peak_unit',
    startTime: '05:30',
    endTime: '23:30',
    timeZone: 'Europe/London',
    validFrom: since,
    validTo: null,
  },
]
const smartEconomy7: BandWindow[] = [
  { rateKind: 'night_unit', startTime: '00:30', endTime: '07:30', timeZone: 'UTC', validFrom: since, validTo: null },
  { rateKind: 'day_unit', startTime: '07:30', endTime: '00:30', timeZone: 'UTC', validFrom: since, validTo: null },
]
const flux: BandWindow[] = [
  {
    rateKind: 'off_peak_unit',
    startTime: '02:00',
    endTime: '05:00',
    timeZone: 'Europe/London',
    validFrom: since,
    validTo: null,
  },
  {
    rateKind: 'peak_unit',
    startTime: '16:00',
    endTime: '19:00',
    timeZone: 'Europe/London',
    validFrom: since,
    validTo: null,
  },
]

function kindsOfDay(date: string, bands: BandWindow[]) {
  return settlementPeriodsOfDay(date).map((period) => rateKindAt({ bands, instant: period.startAt }))
}

describe('rateKindAt on an Intelligent tariff (off-peak 23:30–05:30 local)', () => {
  it('is off-peak from 23:30 to 05:30 local time and peak otherwise, in winter and in summer', () => {
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T23:30:00Z') })).toBe('off_peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T05:00:00Z') })).toBe('off_peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T05:30:00Z') })).toBe('peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T23:00:00Z') })).toBe('peak_unit')
    // BST: 23:30 local is 22:30 UTC, 05:30 local is 04:30 UTC
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-07-15T22:30:00Z') })).toBe('off_peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-07-15T22:00:00Z') })).toBe('peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-07-15T04:00:00Z') })).toBe('off_peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-07-15T04:30:00Z') })).toBe('peak_unit')
  })

  it.each([
    {
      // 00:00–05:30 and 23:30–24:00
      day: '2025-06-10',
      title: 'gives 12 off-peak half hours on an ordinary day',
      periods: 48,
      offPeak: 12,
      kindsAt: [],
    },
    {
      // 00:00–01:00 GMT then 02:00–05:30 BST is 4.5 hours, plus 23:30–24:00
      day: '2025-03-30',
      title: 'when the clocks go forward the night loses an hour: 46 periods, 10 off-peak',
      periods: 46,
      offPeak: 10,
      kindsAt: [
        ['2025-03-30T04:00:00Z', 'off_peak_unit'], // 05:00 BST
        ['2025-03-30T04:30:00Z', 'peak_unit'], // 05:30 BST
      ],
    },
    {
      // 00:00–05:30 local holds 01:00–02:00 twice: 6.5 hours, plus 23:30–24:00
      day: '2025-10-26',
      title: 'when the clocks go back the night gains an hour: 50 periods, 14 off-peak',
      periods: 50,
      offPeak: 14,
      kindsAt: [
        ['2025-10-26T00:30:00Z', 'off_peak_unit'], // 01:30 BST
        ['2025-10-26T01:30:00Z', 'off_peak_unit'], // 01:30 GMT
        ['2025-10-26T05:30:00Z', 'peak_unit'],
      ],
    },
  ] as const)('$title ($day)', ({ day, periods, offPeak, kindsAt }) => {
    const kinds = kindsOfDay(day, intelligent)
    expect(kinds).toHaveLength(periods)
    expect(kinds.filter((kind) => kind === 'off_peak_unit')).toHaveLength(offPeak)
    for (const [instant, kind] of kindsAt) {
      expect(rateKindAt({ bands: intelligent, instant: new Date(instant) }), instant).toBe(kind)
    }
  })

  it('runs the night window across the clock change as one seven-hour window on 25–26 October', () => {
    const windows = kindWindows({
      bands: intelligent,
      from: startOfLocalDay('2025-10-25'),
      to: startOfLocalDay('2025-10-27'),
    })
    const night = windows.find((window) => window.from.toISOString() === '2025-10-25T22:30:00.000Z')
    expect(night).toEqual({
      from: new Date('2025-10-25T22:30:00Z'),
      to: new Date('2025-10-26T05:30:00Z'),
      rateKind: 'off_peak_unit',
    })
  })
})

describe('dispatches on an Intelligent tariff (TAR-4)', () => {
  const dispatch = (start: string, end: string, source: 'smart-charge' | 'bump-charge' = 'smart-charge') => ({
    startAt: new Date(start),
    endAt: new Date(end),
    source,
  })

  it('bills a peak half hour inside a smart-charging dispatch off-peak (19:00–19:30, as in seed 002)', () => {
    const dispatches = [dispatch('2025-01-15T19:00:00Z', '2025-01-15T19:30:00Z')]
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T19:00:00Z'), dispatches })).toBe(
      'off_peak_unit',
    )
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T19:30:00Z'), dispatches })).toBe('peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T18:30:00Z'), dispatches })).toBe('peak_unit')
  })

  it('bills every half hour a dispatch touches off-peak, even one it only starts in', () => {
    const dispatches = [dispatch('2025-01-15T17:10:00Z', '2025-01-15T17:40:00Z')]
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T17:00:00Z'), dispatches })).toBe(
      'off_peak_unit',
    )
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T17:30:00Z'), dispatches })).toBe(
      'off_peak_unit',
    )
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T18:00:00Z'), dispatches })).toBe('peak_unit')
  })

  it('bills a bump charge at peak outside the off-peak window and off-peak inside it', () => {
    const dispatches = [
      dispatch('2025-01-15T18:00:00Z', '2025-01-15T18:30:00Z', 'bump-charge'),
      dispatch('2025-01-16T01:00:00Z', '2025-01-16T01:30:00Z', 'bump-charge'),
    ]
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T18:00:00Z'), dispatches })).toBe('peak_unit')
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-16T01:00:00Z'), dispatches })).toBe(
      'off_peak_unit',
    )
  })

  it('a smart charge wins over a bump charge in the same half hour', () => {
    const dispatches = [
      dispatch('2025-01-15T12:00:00Z', '2025-01-15T12:30:00Z', 'bump-charge'),
      dispatch('2025-01-15T12:15:00Z', '2025-01-15T12:45:00Z'),
    ]
    expect(rateKindAt({ bands: intelligent, instant: new Date('2025-01-15T12:00:00Z'), dispatches })).toBe(
      'off_peak_unit',
    )
  })
})

describe('rateKindAt on smart Economy 7 (00:30–07:30 UTC) and Flux', () => {
  it('keeps the night window in UTC whatever the local clock says', () => {
    expect(rateKindAt({ bands: smartEconomy7, instant: new Date('2025-07-15T00:30:00Z') })).toBe('night_unit') // 01:30 BST
    expect(rateKindAt({ bands: smartEconomy7, instant: new Date('2025-07-15T07:00:00Z') })).toBe('night_unit')
    expect(rateKindAt({ bands: smartEconomy7, instant: new Date('2025-07-15T07:30:00Z') })).toBe('day_unit')
    expect(rateKindAt({ bands: smartEconomy7, instant: new Date('2025-07-15T00:00:00Z') })).toBe('day_unit')
    // 14 night half hours on each clock-change day too
    for (const date of ['2025-03-30', '2025-10-26']) {
      const kinds = kindsOfDay(date, smartEconomy7)
      expect(
        kinds.filter((kind) => kind === 'night_unit'),
        date,
      ).toHaveLength(14)
    }
  })

  it('gives Flux its off-peak and peak bands and the standard rate between', () => {
    const kinds = kindsOfDay('2025-06-10', flux)
    expect(kinds.filter((kind) => kind === 'off_peak_unit')).toHaveLength(6)
    expect(kinds.filter((kind) => kind === 'peak_unit')).toHaveLength(6)
    expect(kinds.filter((kind) => kind === 'standard_unit')).toHaveLength(36)
    expect(rateKindAt({ bands: flux, instant: new Date('2025-06-10T15:00:00Z') })).toBe('peak_unit') // 16:00 BST
  })

  it('ignores bands outside their validity', () => {
    const later = intelligent.map((band) => ({ ...band, validFrom: new Date('2026-01-01T00:00:00Z') }))
    expect(rateKindAt({ bands: later, instant: new Date('2025-01-15T01:00:00Z') })).toBe('standard_unit')
  })

  it('reads the local minute of the day in each zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 * 48 }), (halfHours) => {
        const instant = new Date(Date.UTC(2015, 0, 1) + halfHours * 30 * 60 * 1000)
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(instant)
        const [hours, minutes] = local.split(':').map(Number) as [number, number]
        expect(minuteOfDay(instant, 'Europe/London')).toBe(hours * 60 + minutes)
        expect(minuteOfDay(instant, 'UTC')).toBe(instant.getUTCHours() * 60 + instant.getUTCMinutes())
      }),
    )
  })
})

describe('checkBands', () => {
  it('accepts the catalogue shapes and refuses overlapping or malformed windows', () => {
    expect(checkBands(intelligent)).toEqual([])
    expect(checkBands(flux)).toEqual([])
    expect(checkBands(smartEconomy7)).toEqual([])
    const overlapping = [intelligent[0]!, { ...intelligent[1]!, startTime: '05:00' }]
    expect(checkBands(overlapping)).toEqual([{ path: 'bands.1', message: 'overlaps band 0 (23:30–05:30)' }])
    expect(checkBands([{ ...flux[0]!, startTime: '02:15' }]).map((p) => p.path)).toEqual(['bands.0.startTime'])
    expect(checkBands([flux[0]!, { ...flux[1]!, timeZone: 'UTC' }]).map((p) => p.message)).toContain(
      'the bands of one tariff share one time zone',
    )
  })

  it('allows bands that follow one another in time to cover the same hours', () => {
    const old = { ...intelligent[0]!, startTime: '00:30', validTo: new Date('2024-01-01T00:00:00Z') }
    const next = { ...intelligent[0]!, validFrom: new Date('2024-01-01T00:00:00Z') }
    expect(checkBands([old, next])).toEqual([])
  })
})

describe('bandedRateWindows', () => {
  const rate = (kind: 'off_peak_unit' | 'peak_unit', value: string, from: string, to: string | null) => ({
    kind,
    paymentMethod: 'DIRECT_DEBIT' as const,
    valueExcVat: value,
    valueIncVat: value,
    validFrom: new Date(from),
    validTo: to ? new Date(to) : null,
  })

  it('serves each band as a window at its price, newest first, split where the price changes', () => {
    const windows = bandedRateWindows({
      bands: intelligent,
      rates: [
        rate('off_peak_unit', '7', '2025-01-01T00:00:00Z', null),
        rate('peak_unit', '27', '2025-01-01T00:00:00Z', '2025-01-02T12:00:00Z'),
        rate('peak_unit', '28', '2025-01-02T12:00:00Z', null),
      ],
      from: new Date('2025-01-02T00:00:00Z'),
      to: new Date('2025-01-03T00:00:00Z'),
    })
    expect(windows.map((w) => [w.validFrom.toISOString(), w.validTo?.toISOString(), w.valueIncVat])).toEqual([
      ['2025-01-02T23:30:00.000Z', '2025-01-03T00:00:00.000Z', '7'],
      ['2025-01-02T12:00:00.000Z', '2025-01-02T23:30:00.000Z', '28'],
      ['2025-01-02T05:30:00.000Z', '2025-01-02T12:00:00.000Z', '27'],
      ['2025-01-02T00:00:00.000Z', '2025-01-02T05:30:00.000Z', '7'],
    ])
  })
})
