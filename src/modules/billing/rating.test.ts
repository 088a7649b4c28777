import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, settlementPeriodsOfDay, startOfLocalDay } from '../../shared/time.js'
import type { BandWindow, Rate } from '../tariffs/index.js'
import {
  type RatedAgreement,
  type RatedMeterPoint,
  type RatingInput,
  rate,
  roundHalfAway,
  scaled,
  unscaled,
} from './rating.js'

const epoch = new Date('2020-01-01T00:00:00Z')

function price(kind: Rate['kind'], valueExcVat: string, options: Partial<Rate> = {}): Rate {
  return {
    tariffCode: 'E-1R-TEST-A',
    kind,
    paymentMethod: null,
    valueExcVat,
    valueIncVat: valueExcVat,
    validFrom: epoch,
    validTo: null,
    ...options,
  }
}

function agreement(partial: Partial<RatedAgreement> = {}): RatedAgreement {
  return {
    agreementId: 'agr_1',
    tariffCode: 'E-1R-TEST-A',
    productCode: 'TEST',
    productName: 'Test',
    structure: 'single',
    vatPercent: '5',
    validFrom: epoch,
    validTo: null,
    rates: [price('standard_unit', '20.0000'), price('standing_charge', '50.0000')],
    bands: [],
    ...partial,
  }
}

const london = (startTime: string, endTime: string, rateKind: BandWindow['rateKind']): BandWindow => ({
  rateKind,
  startTime,
  endTime,
  timeZone: 'Europe/London',
  validFrom: epoch,
  validTo: null,
})

/** Half hours of local dates [from, to) with kWh from `kwhAt`. */
function halfHours(from: string, to: string, kwhAt: (start: Date) => string = () => '0.500') {
  const out: { start: Date; kwh: string; quality: 'actual' | 'estimated' }[] = []
  for (let date = from; date < to; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date))
      out.push({ start: period.startAt, kwh: kwhAt(period.startAt), quality: 'actual' })
  }
  return out
}

function point(partial: Partial<RatedMeterPoint> = {}): RatedMeterPoint {
  return {
    meterPointId: 'mp_1',
    identifier: '1000000000001',
    fuel: 'electricity',
    direction: 'import',
    agreements: [agreement()],
    consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-06-02') },
    dispatches: [],
    ...partial,
  }
}

function input(
  from: string,
  to: string,
  points: RatedMeterPoint[],
  paymentMethod: RatingInput['paymentMethod'] = 'DIRECT_DEBIT',
): RatingInput {
  return { period: { from: startOfLocalDay(from), to: startOfLocalDay(to) }, paymentMethod, meterPoints: points }
}

const at = (iso: string) => new Date(iso)

describe('exact arithmetic', () => {
  it('parses and prints decimals exactly, refusing more places than allowed', () => {
    expect(scaled('12.5', 3)).toBe(12_500n)
    expect(scaled('-0.001', 3)).toBe(-1n)
    expect(unscaled(-1234n, 3)).toBe('-1.234')
    expect(() => scaled('1.23456', 4)).toThrow(RangeError)
  })

  it('rounds halves away from zero, both ways', () => {
    expect(roundHalfAway(25n, 10n)).toBe(3n)
    expect(roundHalfAway(-25n, 10n)).toBe(-3n)
    expect(roundHalfAway(24n, 10n)).toBe(2n)
    expect(roundHalfAway(-24n, 10n)).toBe(-2n)
  })
})

describe('rating half-hourly data', () => {
  it('charges a single rate and a standing charge per local day, with VAT on the sum', () => {
    const result = rate(input('2026-06-01', '2026-06-02', [point()]))
    // 48 × 0.5 kWh = 24 kWh × 20p = 480p; 1 day × 50p; VAT 5% of 530p = 26.5p → 27p.
    expect(result.lines.map((line) => [line.kind, line.quantity, line.ratePence, line.amountMinor])).toEqual([
      ['energy', '24.000', '20.0000', 480n],
      ['standing_charge', '1', '50.0000', 50n],
    ])
    expect(result).toMatchObject({ netMinor: 530n, vatMinor: 27n, totalMinor: 557n, problems: [] })
    expect(result.lines[0]?.source).toEqual({ intervals: 48, estimatedIntervals: 0 })
  })

  it('rounds each line once, then VAT once on the sum (not per line)', () => {
    // 0.125 kWh × 20p = 2.5p → 3p on one line; three lines of 2.5p would be 9p if VAT were per line.
    const single = point({
      consumption: {
        kind: 'intervals',
        intervals: [{ start: startOfLocalDay('2026-06-01'), kwh: '0.125', quality: 'actual' }],
      },
    })
    const result = rate(input('2026-06-01', '2026-06-02', [single]))
    expect(result.lines[0]?.amountMinor).toBe(3n)
    const noStanding = point({
      agreements: [
        agreement({ vatPercent: '5', rates: [price('standard_unit', '10.0000'), price('standing_charge', '0.0000')] }),
      ],
      consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-06-02', () => '0.100') },
    })
    // 4.8 kWh × 10p = 48p; VAT 5% = 2.4p → 2p.
    expect(rate(input('2026-06-01', '2026-06-02', [noStanding])).vatMinor).toBe(2n)
  })

  it('picks the Direct Debit price or the other one, falling back to a price for every method', () => {
    const rates = [
      price('standard_unit', '20.0000', { paymentMethod: 'DIRECT_DEBIT' }),
      price('standard_unit', '22.0000', { paymentMethod: 'NON_DIRECT_DEBIT' }),
      price('standing_charge', '50.0000'),
    ]
    const p = point({ agreements: [agreement({ rates })] })
    expect(rate(input('2026-06-01', '2026-06-02', [p], 'DIRECT_DEBIT')).lines[0]?.ratePence).toBe('20.0000')
    expect(rate(input('2026-06-01', '2026-06-02', [p], 'NON_DIRECT_DEBIT')).lines[0]?.ratePence).toBe('22.0000')
    expect(rate(input('2026-06-01', '2026-06-02', [p], 'NON_DIRECT_DEBIT')).lines[1]?.ratePence).toBe('50.0000')
  })

  it('prices Go’s night and day bands in local time', () => {
    const go = agreement({
      structure: 'time_of_use',
      rates: [price('off_peak_unit', '8.5000'), price('peak_unit', '25.0000'), price('standing_charge', '45.0000')],
      bands: [london('00:30', '05:30', 'off_peak_unit'), london('05:30', '00:30', 'peak_unit')],
    })
    const result = rate(input('2026-06-01', '2026-06-02', [point({ agreements: [go] })]))
    const energy = result.lines.filter((line) => line.kind === 'energy')
    expect(energy.map((line) => [line.rateKind, line.quantity, line.amountMinor])).toEqual([
      ['peak_unit', '19.000', 475n],
      ['off_peak_unit', '5.000', 43n],
    ])
  })

  it('bills Intelligent half hours inside a smart-charge dispatch off-peak at any time, and a bump charge at peak', () => {
    const intelligent = agreement({
      structure: 'intelligent',
      rates: [price('off_peak_unit', '7.0000'), price('peak_unit', '24.0000'), price('standing_charge', '48.0000')],
      bands: [london('23:30', '05:30', 'off_peak_unit'), london('05:30', '23:30', 'peak_unit')],
    })
    const day = '2026-06-01'
    // 18:00–19:05 BST smart charge (touches three half hours), 17:00–17:30 bump charge.
    const dispatches = [
      { startAt: at('2026-06-01T17:00:00Z'), endAt: at('2026-06-01T18:05:00Z'), source: 'smart-charge' as const },
      { startAt: at('2026-06-01T16:00:00Z'), endAt: at('2026-06-01T16:30:00Z'), source: 'bump-charge' as const },
    ]
    const result = rate(input(day, addDays(day, 1), [point({ agreements: [intelligent], dispatches })]))
    const offPeak = result.lines.find((line) => line.rateKind === 'off_peak_unit')!
    const peak = result.lines.find((line) => line.rateKind === 'peak_unit')!
    // Night: 12 half hours (23:30–05:30 wraps: 00:00–05:30 is 11, 23:30–00:00 is 1) + 3 dispatched.
    expect(offPeak.quantity).toBe('7.500')
    expect(offPeak.dispatchHalfHours).toBe(3)
    expect(peak.quantity).toBe('16.500')
    expect(offPeak.amountMinor).toBe(53n) // 7.5 × 7p = 52.5p → 53p
    expect(peak.amountMinor).toBe(396n)
  })

  it('prices Agile half hour by half hour, one line per local day with the weighted average', () => {
    const start = startOfLocalDay('2026-06-01')
    const rates = [
      ...settlementPeriodsOfDay('2026-06-01').map((period, i) =>
        price('dynamic_unit', i < 24 ? '10.0000' : '30.0000', {
          validFrom: period.startAt,
          validTo: new Date(period.startAt.getTime() + 1_800_000),
        }),
      ),
      price('standing_charge', '40.0000'),
    ]
    const agile = agreement({ structure: 'dynamic', rates })
    const intervals = halfHours('2026-06-01', '2026-06-02', (s) =>
      s.getTime() - start.getTime() < 12 * 3_600_000 ? '1.000' : '0.500',
    )
    const result = rate(
      input('2026-06-01', '2026-06-02', [
        point({ agreements: [agile], consumption: { kind: 'intervals', intervals } }),
      ]),
    )
    const line = result.lines.find((l) => l.rateKind === 'dynamic_unit')!
    // 24 × 1 kWh × 10p + 24 × 0.5 kWh × 30p = 240 + 360 = 600p over 36 kWh: 16.6667p average.
    expect(line).toMatchObject({ quantity: '36.000', amountMinor: 600n, ratePence: '16.6667' })
    expect(line.description).toContain('average')
  })

  it('splits the energy and the standing charge exactly where the tariff changes', () => {
    const change = startOfLocalDay('2026-06-16')
    const first = agreement({ agreementId: 'agr_a', validTo: change })
    const second = agreement({
      agreementId: 'agr_b',
      tariffCode: 'E-1R-FIX-A',
      validFrom: change,
      rates: [price('standard_unit', '18.0000'), price('standing_charge', '45.0000')],
    })
    const result = rate(
      input('2026-06-01', '2026-07-01', [
        point({
          agreements: [first, second],
          consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-07-01') },
        }),
      ]),
    )
    expect(result.lines.map((line) => [line.agreementId, line.kind, line.quantity, line.amountMinor])).toEqual([
      ['agr_a', 'energy', '360.000', 7200n],
      ['agr_b', 'energy', '360.000', 6480n],
      ['agr_a', 'standing_charge', '15', 750n],
      ['agr_b', 'standing_charge', '15', 675n],
    ])
  })

  it('counts 31 standing days in October and 50 half hours on the day the clocks go back', () => {
    const result = rate(
      input('2025-10-01', '2025-11-01', [
        point({ consumption: { kind: 'intervals', intervals: halfHours('2025-10-01', '2025-11-01') } }),
      ]),
    )
    expect(result.lines.find((line) => line.kind === 'standing_charge')?.quantity).toBe('31')
    expect(result.lines.find((line) => line.kind === 'energy')?.quantity).toBe(
      String((31 * 48 + 2) * 0.5).concat('.000'),
    )
    const march = rate(
      input('2025-03-01', '2025-04-01', [
        point({ consumption: { kind: 'intervals', intervals: halfHours('2025-03-01', '2025-04-01') } }),
      ]),
    )
    expect(march.lines.find((line) => line.kind === 'energy')?.quantity).toBe(`${(31 * 48 - 2) * 0.5}.000`)
  })

  it('credits export at the export price, negative and without VAT, with no standing charge', () => {
    const exported = point({
      meterPointId: 'mp_x',
      identifier: '1090000000001',
      direction: 'export',
      agreements: [
        agreement({
          agreementId: 'agr_x',
          structure: 'export',
          vatPercent: '0',
          rates: [price('standard_unit', '15.0000')],
        }),
      ],
      consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-06-02', () => '0.250') },
    })
    const result = rate(input('2026-06-01', '2026-06-02', [point(), exported]))
    const credit = result.lines.find((line) => line.kind === 'export_credit')!
    expect(credit).toMatchObject({ quantity: '12.000', amountMinor: -180n, vatPercent: '0' })
    expect(result.lines.filter((line) => line.meterPointId === 'mp_x' && line.kind === 'standing_charge')).toEqual([])
    expect(result.vat).toEqual([
      { vatPercent: '0.00', netMinor: -180n, vatMinor: 0n },
      { vatPercent: '5.00', netMinor: 530n, vatMinor: 27n },
    ])
    expect(result.problems).toEqual([])
  })

  it('reports what it cannot price, and does not charge it', () => {
    const noPrice = point({ agreements: [agreement({ rates: [price('standing_charge', '50.0000')] })] })
    const result = rate(input('2026-06-01', '2026-06-02', [noPrice]))
    expect(result.lines.map((line) => line.kind)).toEqual(['standing_charge'])
    expect(result.problems).toHaveLength(48)
    expect(result.problems[0]?.reason).toMatch(/no standard_unit price of E-1R-TEST-A/)
    const gap = point({
      agreements: [agreement({ validFrom: startOfLocalDay('2026-06-01'), validTo: at('2026-06-01T11:00:00Z') })],
    })
    expect(
      rate(input('2026-06-01', '2026-06-02', [gap])).problems.some((problem) => /no agreement/.test(problem.reason)),
    ).toBe(true)
  })

  it('gives the same result for the same data in any order', () => {
    const intervals = halfHours('2026-06-01', '2026-06-08', (s) =>
      (s.getTime() / 1_800_000) % 7 === 0 ? '1.234' : '0.321',
    )
    const shuffled = [...intervals].reverse()
    const a = rate(input('2026-06-01', '2026-06-08', [point({ consumption: { kind: 'intervals', intervals } })]))
    const b = rate(
      input('2026-06-01', '2026-06-08', [point({ consumption: { kind: 'intervals', intervals: shuffled } })]),
    )
    expect(b).toEqual(a)
  })
})

describe('rating register readings', () => {
  const read = (readAt: string, value: string, estimated = false, readingId: string | null = `rdg_${readAt}`) => ({
    readingId,
    readAt: at(readAt),
    value,
    estimated,
  })

  it('bills Economy 7 day and night registers at their rates, naming the readings', () => {
    const e7 = agreement({
      structure: 'day_night',
      rates: [price('day_unit', '25.0000'), price('night_unit', '12.0000'), price('standing_charge', '50.0000')],
    })
    const registers = {
      kind: 'registers' as const,
      registers: [
        {
          register: '01',
          rate: 'day' as const,
          from: read('2026-05-31T23:00:00Z', '1000.0'),
          to: read('2026-06-30T23:00:00Z', '1200.0'),
          units: '200.000',
        },
        {
          register: '02',
          rate: 'night' as const,
          from: read('2026-05-31T23:00:00Z', '500.0'),
          to: read('2026-06-30T23:00:00Z', '600.0', true),
          units: '100.000',
        },
      ],
    }
    const result = rate(input('2026-06-01', '2026-07-01', [point({ agreements: [e7], consumption: registers })]))
    expect(result.lines.map((line) => [line.rateKind, line.quantity, line.amountMinor])).toEqual([
      ['day_unit', '200.000', 5000n],
      ['night_unit', '100.000', 1200n],
      ['standing_charge', '30', 1500n],
    ])
    expect(result.lines[1]?.source).toEqual({
      readingIds: ['rdg_2026-05-31T23:00:00Z', 'rdg_2026-06-30T23:00:00Z'],
      estimated: true,
    })
  })

  it('shares the units across a tariff change by time, the pieces summing exactly', () => {
    const change = startOfLocalDay('2026-06-11')
    const first = agreement({ agreementId: 'agr_a', validTo: change })
    const second = agreement({
      agreementId: 'agr_b',
      validFrom: change,
      rates: [price('standard_unit', '30.0000'), price('standing_charge', '50.0000')],
    })
    const registers = {
      kind: 'registers' as const,
      registers: [
        {
          register: 'S',
          rate: 'standard' as const,
          from: read('2026-05-31T23:00:00Z', '0.0'),
          to: read('2026-06-30T23:00:00Z', '100.0'),
          units: '100.000',
        },
      ],
    }
    const result = rate(
      input('2026-06-01', '2026-07-01', [point({ agreements: [first, second], consumption: registers })]),
    )
    const energy = result.lines.filter((line) => line.kind === 'energy')
    expect(energy.map((line) => [line.agreementId, line.quantity])).toEqual([
      ['agr_a', '33.333'],
      ['agr_b', '66.667'],
    ])
    expect(energy.reduce((sum, line) => sum + scaled(line.quantity, 3), 0n)).toBe(100_000n)
  })
})

describe('rating properties', () => {
  it('keeps kWh exact and money within rounding when a period is rated whole or in two halves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 96, maxLength: 96 }), (kwh) => {
        const intervals = settlementPeriodsOfDay('2026-06-01')
          .concat(settlementPeriodsOfDay('2026-06-02'))
          .map((period, i) => ({
            start: period.startAt,
            kwh: unscaled(BigInt(kwh[i] ?? 0), 3),
            quality: 'actual' as const,
          }))
        const p = point({ consumption: { kind: 'intervals', intervals } })
        const whole = rate(input('2026-06-01', '2026-06-03', [p]))
        const first = rate(input('2026-06-01', '2026-06-02', [p]))
        const second = rate(input('2026-06-02', '2026-06-03', [p]))
        const kwhOf = (r: ReturnType<typeof rate>) =>
          r.lines.filter((l) => l.unit === 'kWh').reduce((s, l) => s + scaled(l.quantity, 3), 0n)
        expect(kwhOf(first) + kwhOf(second)).toBe(kwhOf(whole))
        expect(kwhOf(whole)).toBe(kwh.reduce((s, k) => s + BigInt(k), 0n))
        const exact = roundHalfAway(kwhOf(whole) * 200_000n, 10_000_000n)
        const energy = whole.lines.filter((l) => l.kind === 'energy').reduce((s, l) => s + l.amountMinor, 0n)
        expect(energy).toBe(exact)
        const halves = [first, second]
          .flatMap((r) => r.lines.filter((l) => l.kind === 'energy'))
          .reduce((s, l) => s + l.amountMinor, 0n)
        expect(halves - energy <= 1n && energy - halves <= 1n).toBe(true)
      }),
      { numRuns: 100 },
    )
  })
})
