import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundDecimal } from '../../shared/money.js'
import { addDays, localDateOf, settlementPeriodsOfDay, startOfLocalDay } from '../../shared/time.js'
import type { BandWindow, DispatchSpan, Rate } from '../tariffs/index.js'
import { rate } from './rating.js'
import { roundByRatingRule } from './rating-numbers.js'
import type {
  ChargeLine,
  RatedAgreement,
  RatedMeterPoint,
  RatingInput,
  RatingResult,
  RegisterRead,
} from './rating-types.js'

const epoch = new Date('2020-01-01T00:00:00Z')
const at = (text: string) => new Date(text)
const midnight = (date: string) => startOfLocalDay(date)

type PriceSpec = readonly [Rate['kind'], string, Partial<Rate>?]

/** An agreement on a tariff priced by `prices` (for every payment method and open-ended, unless stated). */
function agreement({
  prices = [
    ['standard_unit', '24.5000'],
    ['standing_charge', '47.8500'],
  ],
  ...partial
}: Partial<Omit<RatedAgreement, 'rates'>> & { prices?: readonly PriceSpec[] } = {}): RatedAgreement {
  const tariffCode = partial.tariffCode ?? 'E-1R-VAR-A'
  return {
    agreementId: 'agr_1',
    tariffCode,
    productCode: 'VAR',
    productName: 'Variable',
    structure: 'single',
    vatPercent: '5',
    validFrom: epoch,
    validTo: null,
    bands: [],
    ...partial,
    rates: prices.map(([kind, value, options]) => ({
      tariffCode,
      kind,
      paymentMethod: null,
      valueExcVat: value,
      valueIncVat: value,
      validFrom: epoch,
      validTo: null,
      ...options,
    })),
  }
}

/**
 * A change of tariff at `change`: the variable agreement agr_a until it, then the fixed agreement
 * agr_b (E-1R-FIX-A, priced by `prices`) from it.
 */
function tariffChange(change: Date, prices?: readonly PriceSpec[]): [RatedAgreement, RatedAgreement] {
  return [
    agreement({ agreementId: 'agr_a', validTo: change }),
    agreement({ agreementId: 'agr_b', tariffCode: 'E-1R-FIX-A', validFrom: change, ...(prices ? { prices } : {}) }),
  ]
}

const london = (startTime: string, endTime: string, rateKind: BandWindow['rateKind']): BandWindow => ({
  rateKind,
  startTime,
  endTime,
  timeZone: 'Europe/London',
  validFrom: epoch,
  validTo: null,
})

type Interval = { start: Date; kwh: string; quality: 'actual' | 'estimated' }

/** Every half hour of the local dates [from, to), with kWh from `kwhAt` (0.250 unless told). */
function halfHours(from: string, to: string, kwhAt: (start: Date) => string = () => '0.250'): Interval[] {
  const out: Interval[] = []
  for (let date = from; date < to; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date)) {
      out.push({ start: period.startAt, kwh: kwhAt(period.startAt), quality: 'actual' })
    }
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
  return { period: { from: midnight(from), to: midnight(to) }, paymentMethod, meterPoints: points }
}

/** Rate June 2026, paid by Direct Debit, for one meter point. */
const rateJune = (partial: Partial<RatedMeterPoint>) => rate(input('2026-06-01', '2026-07-01', [point(partial)]))

/** Every half hour of June 2026, each of `kwh`. */
const juneHalfHours = (kwh = '0.250'): RatedMeterPoint['consumption'] => ({
  kind: 'intervals',
  intervals: halfHours('2026-06-01', '2026-07-01', () => kwh),
})

const read = (readAt: Date, value: string, readingId: string | null, estimated = false): RegisterRead => ({
  readingId,
  readAt,
  value,
  estimated,
})

/** Register consumption: `units` between two reads per register. */
function registers(
  ...list: {
    rate?: 'standard' | 'day' | 'night' | 'export'
    register?: string
    from: RegisterRead
    to: RegisterRead
    units: string
  }[]
): RatedMeterPoint['consumption'] {
  return {
    kind: 'registers',
    registers: list.map(({ rate = 'standard', register = 'S', ...rest }) => ({ rate, register, ...rest })),
  }
}

function thousandths(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.')
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'))
}

const brief = (line: ChargeLine) => [line.kind, line.rateKind, line.quantity, line.ratePence, line.amountMinor]
const kwhOf = (result: RatingResult) =>
  result.lines.filter((line) => line.unit === 'kWh').reduce((sum, line) => sum + thousandths(line.quantity), 0n)
const energyOf = (result: RatingResult) =>
  result.lines.filter((line) => line.unit === 'kWh').reduce((sum, line) => sum + line.amountMinor, 0n)
const daysOf = (result: RatingResult) =>
  result.lines.filter((line) => line.unit === 'day').reduce((sum, line) => sum + Number(line.quantity), 0)

/** The tests' own oracle: an exact fraction of a penny rounded half to even. */
const halfEven = (numerator: bigint, denominator: bigint) =>
  roundDecimal({ numerator, denominator }, 'half-even').numerator

describe('the rounding rule', () => {
  it('rounds halves to the even penny, both ways, and everything else to the nearest', () => {
    const round = (numerator: bigint, denominator: bigint) => roundByRatingRule({ numerator, denominator })
    expect([round(25n, 10n), round(35n, 10n), round(45n, 10n), round(-25n, 10n), round(-35n, 10n)]).toEqual([
      2n,
      4n,
      4n,
      -2n,
      -4n,
    ])
    expect([round(251n, 100n), round(249n, 100n), round(-251n, 100n), round(7n, 1n)]).toEqual([3n, 2n, -3n, 7n])
  })

  it('rounds each line once to whole pence, x.5 going to the even penny', () => {
    const intervals = [{ start: midnight('2026-06-01'), kwh: '0.125', quality: 'actual' as const }]
    const amounts = (unit: string, standing: string) =>
      rate(
        input('2026-06-01', '2026-06-02', [
          point({
            agreements: [
              agreement({
                prices: [
                  ['standard_unit', unit],
                  ['standing_charge', standing],
                ],
              }),
            ],
            consumption: { kind: 'intervals', intervals },
          }),
        ]),
      ).lines.map((line) => line.amountMinor)
    // 0.125 kWh × 20p = 2.5p → 2p; × 28p = 3.5p → 4p. One day × 0.5p → 0p; × 1.5p → 2p.
    expect(amounts('20.0000', '0.5000')).toEqual([2n, 0n])
    expect(amounts('28.0000', '1.5000')).toEqual([4n, 2n])
    // A credit rounds the same way: −2.5p → −2p.
    const credit = rate(
      input('2026-06-01', '2026-06-02', [
        point({
          direction: 'export',
          agreements: [agreement({ structure: 'export', vatPercent: '0', prices: [['standard_unit', '20.0000']] })],
          consumption: { kind: 'intervals', intervals },
        }),
      ]),
    )
    expect(credit.lines.map((line) => line.amountMinor)).toEqual([-2n])
  })

  it('works VAT out once per rate on the sum of its lines, not per line', () => {
    // Energy 0.5 kWh × 20p = 10p, standing 1 day × 10p = 10p. 5% per line: 0.5p → 0p twice; on the sum 20p: 1p.
    const p = point({
      agreements: [
        agreement({
          prices: [
            ['standard_unit', '20.0000'],
            ['standing_charge', '10.0000'],
          ],
        }),
      ],
      consumption: {
        kind: 'intervals',
        intervals: [{ start: midnight('2026-06-01'), kwh: '0.500', quality: 'actual' }],
      },
    })
    const result = rate(input('2026-06-01', '2026-06-02', [p]))
    expect(result.lines.map((line) => line.amountMinor)).toEqual([10n, 10n])
    expect(result.vat).toEqual([{ vatPercent: '5', netMinor: 20n, vatMinor: 1n }])
    expect(result).toMatchObject({ netMinor: 20n, vatMinor: 1n, totalMinor: 21n })
  })

  it('keeps one VAT group per rate, in rate order, each rounded on its own sum', () => {
    const domestic = point({ consumption: { kind: 'intervals', intervals: [] } })
    const business = point({
      meterPointId: 'mp_2',
      identifier: '1000000000002',
      agreements: [agreement({ agreementId: 'agr_2', tariffCode: 'E-1R-BIZ-A', vatPercent: '20.00' })],
      consumption: { kind: 'intervals', intervals: [] },
    })
    const result = rate(input('2026-06-01', '2026-06-03', [business, domestic]))
    // Standing 2 × 47.85p = 95.7p → 96p each. 5% of 96p = 4.8p → 5p; 20% of 96p = 19.2p → 19p.
    expect(result.vat).toEqual([
      { vatPercent: '5', netMinor: 96n, vatMinor: 5n },
      { vatPercent: '20', netMinor: 96n, vatMinor: 19n },
    ])
    expect(result.totalMinor).toBe(96n + 96n + 5n + 19n)
  })
})

describe('rating half-hourly data', () => {
  it('bills a month on a single rate: kWh × price, a standing charge per local day, VAT on the sum', () => {
    const intervals = halfHours('2026-06-01', '2026-07-01').map((interval) =>
      localDateOf(interval.start) === '2026-06-30' ? { ...interval, quality: 'estimated' as const } : interval,
    )
    const result = rateJune({ consumption: { kind: 'intervals', intervals } })
    // 1,440 × 0.25 kWh = 360 kWh × 24.5p = 8,820p. 30 days × 47.85p = 1,435.5p → 1,436p (half to even).
    // VAT 5% of 10,256p = 512.8p → 513p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '360.000', '24.5000', 8820n],
      ['standing_charge', 'standing_charge', '30', '47.8500', 1436n],
    ])
    expect(result).toMatchObject({ netMinor: 10256n, vatMinor: 513n, totalMinor: 10769n, problems: [] })
    const [energy, standing] = result.lines
    expect(energy).toMatchObject({
      from: midnight('2026-06-01'),
      to: midnight('2026-07-01'),
      unit: 'kWh',
      vatPercent: '5',
      agreementId: 'agr_1',
      tariffCode: 'E-1R-VAR-A',
      source: { intervals: 1440, estimatedIntervals: 48 },
      description: 'Unit rate 360.000 kWh × 24.5000p',
    })
    expect(energy?.dispatchHalfHours).toBeUndefined()
    expect(standing).toMatchObject({
      from: midnight('2026-06-01'),
      to: midnight('2026-07-01'),
      unit: 'day',
      description: 'Standing charge 30 days × 47.8500p',
    })
    expect(result.usage).toEqual([{ meterPointId: 'mp_1', direction: 'import', kwh: '360.000', chargedMinor: 8820n }])
  })

  it('adds kWh of every written form exactly: small, long, trailing zeros, out of order', () => {
    // '0.5' and '2' take the number path; '12345678.5' (8 digits) and '0.2500' (4 places) the exact one.
    const texts = ['0.5', '2', '12345678.5', '0.2500', '0.001', '7.25']
    const intervals = halfHours(
      '2026-06-01',
      '2026-06-02',
      (start) => texts[(start.getTime() / 1_800_000) % texts.length]!,
    )
    const shuffled = [...intervals.slice(30), ...intervals.slice(0, 30)].reverse()
    const result = rate(
      input('2026-06-01', '2026-06-02', [point({ consumption: { kind: 'intervals', intervals: shuffled } })]),
    )
    const expected = intervals.reduce((sum, interval) => sum + thousandths(interval.kwh.replace(/0+$/, '') || '0'), 0n)
    expect(kwhOf(result)).toBe(expected)
    expect(energyOf(result)).toBe(halfEven(expected * 245_000n, 10_000_000n))
    expect(result.problems).toEqual([])
    // The same half hours as columns (how a billing batch reads them) rate the same.
    const asColumns = {
      startsMs: Float64Array.from(shuffled, (interval) => interval.start.getTime()),
      thousandths: Float64Array.from(shuffled, (interval) =>
        Number(thousandths(interval.kwh.replace(/(\.\d*?)0+$/, '$1'))),
      ),
      estimated: new Uint8Array(shuffled.length),
    }
    expect(asColumns.startsMs).toHaveLength(shuffled.length)
    expect(
      rate(input('2026-06-01', '2026-06-02', [point({ consumption: { kind: 'intervals', intervals: asColumns } })])),
    ).toEqual(result)
  })

  it('stays exact past the largest exact number: 120,000 half hours of 9,999,999.999 kWh', () => {
    const start = midnight('2024-01-01').getTime()
    const intervals = Array.from({ length: 120_000 }, (_, i) => ({
      start: new Date(start + i * 1_800_000),
      kwh: '9999999.999',
      quality: 'actual' as const,
    }))
    const to = localDateOf(new Date(start + 120_000 * 1_800_000))
    const result = rate(input('2024-01-01', to, [point({ consumption: { kind: 'intervals', intervals } })]))
    // 120,000 × 9,999,999,999 thousandths is about 1.2 × 10¹⁵, past 2⁵⁰: the sum is folded into a BigInt on the way.
    expect(kwhOf(result)).toBe(120_000n * 9_999_999_999n)
    expect(energyOf(result)).toBe(halfEven(120_000n * 9_999_999_999n * 245_000n, 10_000_000n))
  })

  it('counts only the half hours that start inside the period', () => {
    const intervals = halfHours('2026-05-31', '2026-06-03')
    const result = rate(input('2026-06-01', '2026-06-02', [point({ consumption: { kind: 'intervals', intervals } })]))
    expect(result.lines[0]).toMatchObject({ quantity: '12.000', source: { intervals: 48 } })
  })

  it('picks the price of the account’s payment method, else the price for every method, never the other one', () => {
    const p = point({
      agreements: [
        agreement({
          prices: [
            ['standard_unit', '24.5000', { paymentMethod: 'DIRECT_DEBIT' }],
            ['standard_unit', '25.8000', { paymentMethod: 'NON_DIRECT_DEBIT' }],
            ['standing_charge', '47.8500'],
          ],
        }),
      ],
    })
    // 12 kWh × 24.5p = 294p; × 25.8p = 309.6p → 310p. The standing charge is the same for both.
    expect(rate(input('2026-06-01', '2026-06-02', [p], 'DIRECT_DEBIT')).lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '12.000', '24.5000', 294n],
      ['standing_charge', 'standing_charge', '1', '47.8500', 48n],
    ])
    expect(rate(input('2026-06-01', '2026-06-02', [p], 'NON_DIRECT_DEBIT')).lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '12.000', '25.8000', 310n],
      ['standing_charge', 'standing_charge', '1', '47.8500', 48n],
    ])
    const directDebitOnly = point({
      agreements: [
        agreement({
          prices: [
            ['standard_unit', '24.5000'],
            ['standing_charge', '47.8500', { paymentMethod: 'DIRECT_DEBIT' }],
          ],
        }),
      ],
    })
    const result = rate(input('2026-06-01', '2026-06-02', [directDebitOnly], 'NON_DIRECT_DEBIT'))
    expect(result.lines.map((line) => line.kind)).toEqual(['energy'])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: tariff E-1R-VAR-A has no standing_charge rate for NON_DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
    ])
  })

  it('prices only from the agreement’s own tariff', () => {
    const other = agreement({ tariffCode: 'E-1R-OTHER-A' })
    const mixed: RatedAgreement = { ...agreement(), rates: other.rates }
    const result = rate(input('2026-06-01', '2026-06-02', [point({ agreements: [mixed] })]))
    expect(result.lines).toEqual([])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: tariff E-1R-VAR-A has no standard_unit rate for DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
      '1000000000001: tariff E-1R-VAR-A has no standing_charge rate for DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
    ])
  })

  it('prices Go’s night and day bands in local time', () => {
    const go = agreement({
      tariffCode: 'E-1R-GO-A',
      structure: 'time_of_use',
      prices: [
        ['off_peak_unit', '8.5000'],
        ['peak_unit', '25.0000'],
        ['standing_charge', '45.0000'],
      ],
      bands: [london('00:30', '05:30', 'off_peak_unit'), london('05:30', '00:30', 'peak_unit')],
    })
    const result = rate(input('2026-06-01', '2026-06-02', [point({ agreements: [go] })]))
    // 38 peak half hours × 0.25 = 9.5 kWh × 25p = 237.5p → 238p; 10 off-peak = 2.5 kWh × 8.5p = 21.25p → 21p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'peak_unit', '9.500', '25.0000', 238n],
      ['energy', 'off_peak_unit', '2.500', '8.5000', 21n],
      ['standing_charge', 'standing_charge', '1', '45.0000', 45n],
    ])
    expect(result.lines[0]).toMatchObject({ from: at('2026-05-31T23:00:00Z'), to: at('2026-06-01T23:00:00Z') })
    expect(result.lines[1]).toMatchObject({
      from: at('2026-05-31T23:30:00Z'),
      to: at('2026-06-01T04:30:00Z'),
      description: 'Off-peak 2.500 kWh × 8.5000p',
    })
  })

  it('prices a single-rate product’s Economy 7 tariff at its day and night rates, by its bands in UTC', () => {
    // The variable product's two-register tariff: day and night prices, no unit rate, and a smart
    // meter's Economy 7 bands, night 00:30–07:30 UTC.
    const utc = (startTime: string, endTime: string, rateKind: BandWindow['rateKind']): BandWindow => ({
      ...london(startTime, endTime, rateKind),
      timeZone: 'UTC',
    })
    const e7 = agreement({
      tariffCode: 'E-2R-VAR-A',
      structure: 'single',
      prices: [
        ['day_unit', '26.0000'],
        ['night_unit', '13.3000'],
        ['standing_charge', '48.8000'],
      ],
      bands: [utc('00:30', '07:30', 'night_unit'), utc('07:30', '00:30', 'day_unit')],
    })
    const result = rate(input('2026-06-01', '2026-06-02', [point({ agreements: [e7] })]))
    // 1 June (BST) runs 23:00 UTC to 23:00 UTC: 48 half hours, 14 of them 00:30–07:30 UTC (night).
    // Night 14 × 0.25 = 3.5 kWh × 13.3p = 46.55p → 47p; day 34 × 0.25 = 8.5 kWh × 26p = 221p.
    // Standing charge 1 day × 48.8p → 49p. Net 317p, VAT 5% 15.85p → 16p, total 333p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'day_unit', '8.500', '26.0000', 221n],
      ['energy', 'night_unit', '3.500', '13.3000', 47n],
      ['standing_charge', 'standing_charge', '1', '48.8000', 49n],
    ])
    expect(result).toMatchObject({ netMinor: 317n, vatMinor: 16n, totalMinor: 333n, problems: [] })
    expect(result.lines[1]).toMatchObject({ from: at('2026-06-01T00:30:00Z'), to: at('2026-06-01T07:30:00Z') })
  })

  describe('Intelligent Octopus Go (TAR-4)', () => {
    const intelligent = agreement({
      tariffCode: 'E-1R-INTELLI-A',
      structure: 'intelligent',
      prices: [
        ['off_peak_unit', '6.6667'],
        ['peak_unit', '24.0000'],
        ['standing_charge', '48.0000'],
      ],
      bands: [london('23:30', '05:30', 'off_peak_unit'), london('05:30', '23:30', 'peak_unit')],
    })
    const dispatches: DispatchSpan[] = [
      // 18:00–19:00 BST smart charge: two half hours off-peak.
      { startAt: at('2026-06-01T17:00:00Z'), endAt: at('2026-06-01T18:00:00Z'), source: 'smart-charge' },
      // 17:00–17:30 BST bump charge: stays peak.
      { startAt: at('2026-06-01T16:00:00Z'), endAt: at('2026-06-01T16:30:00Z'), source: 'bump-charge' },
      // 20:10–20:20 BST: ten minutes make the whole 20:00 half hour off-peak.
      { startAt: at('2026-06-01T19:10:00Z'), endAt: at('2026-06-01T19:20:00Z'), source: 'smart-charge' },
      // 01:00–02:00 BST: inside the night window, off-peak anyway, so not counted as dispatched.
      { startAt: at('2026-06-01T00:00:00Z'), endAt: at('2026-06-01T01:00:00Z'), source: 'smart-charge' },
    ]
    const charging = new Set(['16:00', '17:00', '17:30', '19:00'].map((time) => `2026-06-01T${time}:00.000Z`))
    const intervals = halfHours('2026-06-01', '2026-06-02', (start) =>
      charging.has(start.toISOString()) ? '3.500' : '0.400',
    )

    it('bills a smart-charge dispatch off-peak at any time, a partly covered half hour whole, a bump charge at peak', () => {
      const result = rate(
        input('2026-06-01', '2026-06-02', [
          point({ agreements: [intelligent], dispatches, consumption: { kind: 'intervals', intervals } }),
        ]),
      )
      // Off-peak: 12 night half hours × 0.4 = 4.8 kWh, and 18:00, 18:30, 20:00 × 3.5 = 10.5 kWh: 15.3 kWh
      // × 6.6667p = 102.00051p → 102p. Peak: 32 × 0.4 = 12.8 kWh and the 17:00 bump 3.5 kWh: 16.3 kWh × 24p
      // = 391.2p → 391p.
      expect(result.lines.map(brief)).toEqual([
        ['energy', 'off_peak_unit', '15.300', '6.6667', 102n],
        ['energy', 'peak_unit', '16.300', '24.0000', 391n],
        ['standing_charge', 'standing_charge', '1', '48.0000', 48n],
      ])
      const [offPeak, peak] = result.lines
      expect(offPeak).toMatchObject({
        dispatchHalfHours: 3,
        source: { intervals: 15, estimatedIntervals: 0 },
        description: 'Off-peak 15.300 kWh × 6.6667p (3 half hours smart-charged)',
      })
      expect(peak?.dispatchHalfHours).toBeUndefined()
      expect(peak).toMatchObject({ from: at('2026-06-01T04:30:00Z'), to: at('2026-06-01T22:30:00Z') })
    })

    it('ignores dispatches on tariffs that are not intelligent', () => {
      const go = { ...intelligent, structure: 'time_of_use' as const }
      const result = rate(
        input('2026-06-01', '2026-06-02', [
          point({ agreements: [go], dispatches, consumption: { kind: 'intervals', intervals } }),
        ]),
      )
      // Only the 12 night half hours are off-peak: 4.8 kWh.
      expect(result.lines.find((line) => line.rateKind === 'off_peak_unit')).toMatchObject({ quantity: '4.800' })
      expect(result.lines.some((line) => line.dispatchHalfHours !== undefined)).toBe(false)
    })

    it('keeps the night on wall-clock time when the clocks change: 10 off-peak half hours on 30 March, 14 on 26 October', () => {
      const day = (date: string) =>
        rate(
          input(date, addDays(date, 1), [
            point({
              agreements: [intelligent],
              consumption: { kind: 'intervals', intervals: halfHours(date, addDays(date, 1), () => '0.500') },
            }),
          ]),
        ).lines.map(brief)
      // 30 March: 46 half hours, off-peak 00:00–01:00 GMT and 02:00–05:30 BST (9) and 23:30 (1).
      // 5 kWh × 6.6667p = 33.3335p → 33p; 18 kWh × 24p = 432p.
      expect(day('2025-03-30')).toEqual([
        ['energy', 'off_peak_unit', '5.000', '6.6667', 33n],
        ['energy', 'peak_unit', '18.000', '24.0000', 432n],
        ['standing_charge', 'standing_charge', '1', '48.0000', 48n],
      ])
      // 26 October: 50 half hours, 01:00–02:00 twice: 13 + 1 off-peak. 7 kWh × 6.6667p = 46.6669p → 47p.
      expect(day('2025-10-26')).toEqual([
        ['energy', 'off_peak_unit', '7.000', '6.6667', 47n],
        ['energy', 'peak_unit', '18.000', '24.0000', 432n],
        ['standing_charge', 'standing_charge', '1', '48.0000', 48n],
      ])
      // The night from 25 to 26 October (23:30 BST to 05:30 GMT) lasts 7 hours; 29–30 March, 5 hours.
      const nightEnds = (from: Date, to: Date) =>
        rate({
          period: { from, to },
          paymentMethod: 'DIRECT_DEBIT',
          meterPoints: [
            point({
              agreements: [intelligent],
              consumption: {
                kind: 'intervals',
                intervals: [...halfHours('2025-03-29', '2025-03-31'), ...halfHours('2025-10-25', '2025-10-27')],
              },
            }),
          ],
        }).lines.find((line) => line.rateKind === 'off_peak_unit')
      expect(nightEnds(at('2025-10-25T22:30:00Z'), at('2025-10-26T06:00:00Z'))).toMatchObject({
        to: at('2025-10-26T05:30:00Z'),
        source: { intervals: 14 },
      })
      expect(nightEnds(at('2025-03-29T23:30:00Z'), at('2025-03-30T06:00:00Z'))).toMatchObject({
        to: at('2025-03-30T04:30:00Z'),
        source: { intervals: 10 },
      })
    })
  })

  it('prices Agile half hour by half hour: one line per local day, the weighted average shown, the exact products charged', () => {
    const agilePrice = (start: Date, value: string): PriceSpec => [
      'dynamic_unit',
      value,
      { validFrom: start, validTo: new Date(start.getTime() + 30 * 60_000) },
    ]
    const first = settlementPeriodsOfDay('2026-06-01')
    const second = settlementPeriodsOfDay('2026-06-02').slice(0, 3)
    const third = settlementPeriodsOfDay('2026-06-03').slice(0, 3)
    const agile = agreement({
      tariffCode: 'E-1R-AGILE-24-10-01-A',
      structure: 'dynamic',
      prices: [
        ...first.map((period, i) => agilePrice(period.startAt, i < 24 ? '10.0000' : '30.0000')),
        ...second.map((period, i) => agilePrice(period.startAt, i < 2 ? '0.1667' : '0.1666')),
        ...third.map((period, i) => agilePrice(period.startAt, ['12.3456', '7.8901', '-2.0000'][i]!)),
        ['standing_charge', '40.0000'],
      ],
    })
    const intervals: Interval[] = [
      ...first.map((period, i) => ({
        start: period.startAt,
        kwh: i < 24 ? '1.000' : '0.500',
        quality: 'actual' as const,
      })),
      ...second.map((period) => ({ start: period.startAt, kwh: '1.000', quality: 'actual' as const })),
      ...third.map((period, i) => ({
        start: period.startAt,
        kwh: ['1.000', '2.000', '0.500'][i]!,
        quality: 'actual' as const,
      })),
    ]
    const result = rate(
      input('2026-06-01', '2026-06-04', [
        point({ agreements: [agile], consumption: { kind: 'intervals', intervals } }),
      ]),
    )
    // 1 June: 24 × 1 kWh × 10p + 24 × 0.5 kWh × 30p = 600p over 36 kWh: 16.6667p on average.
    // 2 June: 0.1667p + 0.1667p + 0.1666p = 0.5p → 0p (the average, 0.1667p × 3 kWh, would give 0.5001p → 1p).
    // 3 June: 12.3456p + 2 × 7.8901p + 0.5 × −2p = 27.1258p → 27p over 3.5 kWh: 7.7502p on average.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'dynamic_unit', '36.000', '16.6667', 600n],
      ['energy', 'dynamic_unit', '3.000', '0.1667', 0n],
      ['energy', 'dynamic_unit', '3.500', '7.7502', 27n],
      ['standing_charge', 'standing_charge', '3', '40.0000', 120n],
    ])
    expect(result.lines.slice(0, 3).map((line) => [line.from, line.to])).toEqual([
      [midnight('2026-06-01'), midnight('2026-06-02')],
      [second[0]!.startAt, second[2]!.endAt],
      [third[0]!.startAt, third[2]!.endAt],
    ])
    expect(result.lines[1]?.description).toBe('Half-hourly prices 2026-06-02: 3.000 kWh × 0.1667p average')
    expect(result.problems).toEqual([])
  })

  it('splits energy and standing charge exactly where the tariff changes', () => {
    const change = midnight('2026-06-16')
    const [first, second] = tariffChange(change, [
      ['standard_unit', '18.0000'],
      ['standing_charge', '45.0000'],
    ])
    const result = rateJune({
      agreements: [second, first],
      consumption: juneHalfHours('0.500'),
    })
    // 15 days × 24 kWh = 360 kWh each side: × 24.5p = 8,820p, × 18p = 6,480p. Standing 15 × 47.85p =
    // 717.75p → 718p, 15 × 45p = 675p.
    const start = midnight('2026-06-01')
    const end = midnight('2026-07-01')
    expect(result.lines.map((line) => [line.agreementId, line.tariffCode, ...brief(line), line.from, line.to])).toEqual(
      [
        ['agr_a', 'E-1R-VAR-A', 'energy', 'standard_unit', '360.000', '24.5000', 8820n, start, change],
        ['agr_b', 'E-1R-FIX-A', 'energy', 'standard_unit', '360.000', '18.0000', 6480n, change, end],
        ['agr_a', 'E-1R-VAR-A', 'standing_charge', 'standing_charge', '15', '47.8500', 718n, start, change],
        ['agr_b', 'E-1R-FIX-A', 'standing_charge', 'standing_charge', '15', '45.0000', 675n, change, end],
      ],
    )
  })

  it('charges the day of a change during the day to the agreement in force at its midnight', () => {
    const change = at('2026-06-16T11:00:00Z') // 12:00 BST
    const [first, second] = tariffChange(change)
    const result = rateJune({
      agreements: [first, second],
      consumption: juneHalfHours(),
    })
    // Energy: 744 half hours to 12:00 BST on 16 June, 696 after. Standing: 16 days and 14.
    expect(result.lines.map((line) => [line.agreementId, line.kind, line.quantity, line.to])).toEqual([
      ['agr_a', 'energy', '186.000', change],
      ['agr_b', 'energy', '174.000', midnight('2026-07-01')],
      ['agr_a', 'standing_charge', '16', midnight('2026-06-17')],
      ['agr_b', 'standing_charge', '14', midnight('2026-07-01')],
    ])
  })

  it('splits lines where a price changes within one agreement', () => {
    const change = midnight('2026-06-11')
    const changing = agreement({
      prices: [
        ['standard_unit', '24.5000', { validTo: change }],
        ['standard_unit', '26.0000', { validFrom: change }],
        ['standing_charge', '47.8500', { validTo: change }],
        ['standing_charge', '50.0000', { validFrom: change }],
      ],
    })
    const result = rateJune({
      agreements: [changing],
      consumption: juneHalfHours('0.500'),
    })
    // 240 kWh × 24.5p = 5,880p, 480 kWh × 26p = 12,480p; 10 × 47.85p = 478.5p → 478p, 20 × 50p = 1,000p.
    const start = midnight('2026-06-01')
    const end = midnight('2026-07-01')
    expect(result.lines.map((line) => [...brief(line), line.from, line.to])).toEqual([
      ['energy', 'standard_unit', '240.000', '24.5000', 5880n, start, change],
      ['energy', 'standard_unit', '480.000', '26.0000', 12480n, change, end],
      ['standing_charge', 'standing_charge', '10', '47.8500', 478n, start, change],
      ['standing_charge', 'standing_charge', '20', '50.0000', 1000n, change, end],
    ])
  })

  it('credits export at the export price, negative, at 0% VAT, with no standing charge and no problem', () => {
    const exported = point({
      meterPointId: 'mp_x',
      identifier: '1090000000001',
      direction: 'export',
      agreements: [
        agreement({
          agreementId: 'agr_x',
          tariffCode: 'E-1R-OUTGOING-FIX-A',
          structure: 'export',
          vatPercent: '0.00',
          prices: [['standard_unit', '15.0000']],
        }),
      ],
    })
    const result = rate(input('2026-06-01', '2026-06-02', [exported, point()]))
    // Import: 12 kWh × 24.5p = 294p, 47.85p → 48p; VAT 5% of 342p = 17.1p → 17p. Export: 12 kWh × 15p = −180p.
    expect(result.lines.map((line) => [line.identifier, ...brief(line), line.vatPercent])).toEqual([
      ['1000000000001', 'energy', 'standard_unit', '12.000', '24.5000', 294n, '5'],
      ['1000000000001', 'standing_charge', 'standing_charge', '1', '47.8500', 48n, '5'],
      ['1090000000001', 'export_credit', 'standard_unit', '12.000', '15.0000', -180n, '0'],
    ])
    expect(result.lines[2]?.description).toBe('Export 12.000 kWh × 15.0000p')
    expect(result.vat).toEqual([
      { vatPercent: '0', netMinor: -180n, vatMinor: 0n },
      { vatPercent: '5', netMinor: 342n, vatMinor: 17n },
    ])
    expect(result).toMatchObject({ netMinor: 162n, vatMinor: 17n, totalMinor: 179n, problems: [] })
    expect(result.usage).toEqual([
      { meterPointId: 'mp_1', direction: 'import', kwh: '12.000', chargedMinor: 294n },
      { meterPointId: 'mp_x', direction: 'export', kwh: '12.000', chargedMinor: -180n },
    ])
  })

  it.each([
    {
      change: 'forward',
      month: 'March 2025',
      from: '2025-03-01',
      to: '2025-04-01',
      changeDay: '2025-03-30',
      halfHoursOfDay: 46,
      // 31 × 48 − 2 = 1,486 half hours = 743 kWh × 24.5p = 18,203.5p → 18,204p; 31 × 47.85p = 1,483.35p → 1,483p.
      halfHoursOfMonth: 1486,
      kwh: '743.000',
      energyMinor: 18204n,
      // 1 March is in GMT; 1 April 00:00 BST is 31 March 23:00 UTC.
      standing: { from: at('2025-03-01T00:00:00Z'), to: at('2025-03-31T23:00:00Z') },
    },
    {
      change: 'back',
      month: 'October 2025',
      from: '2025-10-01',
      to: '2025-11-01',
      changeDay: '2025-10-26',
      halfHoursOfDay: 50,
      // 31 × 48 + 2 = 1,490 half hours = 745 kWh × 24.5p = 18,252.5p → 18,252p (half to even).
      halfHoursOfMonth: 1490,
      kwh: '745.000',
      energyMinor: 18252n,
      // 1 October 00:00 BST is 30 September 23:00 UTC; 1 November is in GMT.
      standing: { from: at('2025-09-30T23:00:00Z'), to: at('2025-11-01T00:00:00Z') },
    },
  ])(
    'counts $halfHoursOfDay half hours on the day the clocks go $change and 31 standing days in $month',
    ({ from, to, changeDay, halfHoursOfDay, halfHoursOfMonth, kwh, energyMinor, standing }) => {
      const intervals = halfHours(from, to, () => '0.500')
      expect(intervals.filter((interval) => localDateOf(interval.start) === changeDay)).toHaveLength(halfHoursOfDay)
      const result = rate(input(from, to, [point({ consumption: { kind: 'intervals', intervals } })]))
      expect(result.lines.map(brief)).toEqual([
        ['energy', 'standard_unit', kwh, '24.5000', energyMinor],
        ['standing_charge', 'standing_charge', '31', '47.8500', 1483n],
      ])
      expect(result.lines[0]?.source).toEqual({ intervals: halfHoursOfMonth, estimatedIntervals: 0 })
      expect(result.lines[1]).toMatchObject(standing)
    },
  )

  it('reports a price it cannot find, naming tariff, kind and time, and charges nothing for it', () => {
    const noUnitRate = point({
      agreements: [agreement({ prices: [['standing_charge', '47.8500']] })],
      consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-06-03') },
    })
    const result = rate(input('2026-06-01', '2026-06-03', [noUnitRate]))
    expect(result.lines.map((line) => line.kind)).toEqual(['standing_charge'])
    expect(result.netMinor).toBe(96n)
    expect(result.problems).toEqual([
      {
        meterPointId: 'mp_1',
        from: midnight('2026-06-01'),
        to: midnight('2026-06-03'),
        reason:
          '1000000000001: tariff E-1R-VAR-A has no standard_unit rate for DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-02T23:00:00.000Z',
      },
    ])
  })

  it('reports each stretch without a price on its own', () => {
    const go = agreement({
      structure: 'time_of_use',
      prices: [
        ['peak_unit', '25.0000'],
        ['standing_charge', '45.0000'],
      ],
      bands: [london('00:30', '05:30', 'off_peak_unit'), london('05:30', '00:30', 'peak_unit')],
    })
    const result = rate(
      input('2026-06-01', '2026-06-03', [
        point({
          agreements: [go],
          consumption: { kind: 'intervals', intervals: halfHours('2026-06-01', '2026-06-03') },
        }),
      ]),
    )
    expect(result.problems.map((problem) => [problem.from, problem.to])).toEqual([
      [at('2026-05-31T23:30:00Z'), at('2026-06-01T04:30:00Z')],
      [at('2026-06-01T23:30:00Z'), at('2026-06-02T04:30:00Z')],
    ])
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'peak_unit', '19.000', '25.0000', 475n],
      ['standing_charge', 'standing_charge', '2', '45.0000', 90n],
    ])
  })

  it('reports half hours with no agreement as “no agreement”', () => {
    const ends = at('2026-06-01T11:00:00Z')
    const result = rate(
      input('2026-06-01', '2026-06-02', [
        point({ agreements: [agreement({ validFrom: midnight('2026-06-01'), validTo: ends })] }),
      ]),
    )
    // 00:00–12:00 BST: 24 half hours × 0.25 kWh = 6 kWh × 24.5p = 147p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '6.000', '24.5000', 147n],
      ['standing_charge', 'standing_charge', '1', '47.8500', 48n],
    ])
    expect(result.problems).toEqual([
      {
        meterPointId: 'mp_1',
        from: ends,
        to: midnight('2026-06-02'),
        reason: '1000000000001: no agreement from 2026-06-01T11:00:00.000Z to 2026-06-01T23:00:00.000Z',
      },
    ])
  })

  it('reports a whole day with no agreement once, for its energy and its standing charge together', () => {
    const result = rate(
      input('2026-06-01', '2026-06-02', [point({ agreements: [agreement({ validFrom: midnight('2026-06-02') })] })]),
    )
    expect(result.lines).toEqual([])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: no agreement from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
    ])
  })

  it('charges the first day of a supply that starts during the day, and reports days with no agreement', () => {
    const result = rate(
      input('2026-06-01', '2026-06-04', [
        point({
          agreements: [agreement({ validFrom: at('2026-06-02T09:00:00Z') })],
          consumption: { kind: 'intervals', intervals: [] },
        }),
      ]),
    )
    expect(result.lines.map((line) => [line.quantity, line.from, line.to])).toEqual([
      ['2', midnight('2026-06-02'), midnight('2026-06-04')],
    ])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: no agreement from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
    ])
  })

  it('refuses to guess with two readings of one half hour or a kWh with more than 3 decimals', () => {
    const start = midnight('2026-06-01')
    const intervals: Interval[] = [
      { start, kwh: '0.500', quality: 'actual' },
      { start, kwh: '0.700', quality: 'estimated' },
      { start: new Date(start.getTime() + 30 * 60_000), kwh: '0.1234', quality: 'actual' },
      { start: new Date(start.getTime() + 60 * 60_000), kwh: '1.000', quality: 'actual' },
    ]
    const result = rate(input('2026-06-01', '2026-06-02', [point({ consumption: { kind: 'intervals', intervals } })]))
    expect(result.lines[0]).toMatchObject({ quantity: '1.000', source: { intervals: 1 } })
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: more than one reading of a half hour from 2026-05-31T23:00:00.000Z to 2026-05-31T23:30:00.000Z',
      "1000000000001: '0.1234' kWh is not a quantity of at most 3 decimal places from 2026-05-31T23:30:00.000Z to 2026-06-01T00:00:00.000Z",
    ])
  })
})

describe('rating register readings', () => {
  const opening = read(midnight('2026-06-01'), '1000.0', 'rdg_open')
  const closing = read(midnight('2026-07-01'), '1312.5', 'rdg_close')

  it('bills a month of a single-rate register, naming its readings', () => {
    const result = rateJune({ consumption: registers({ from: opening, to: closing, units: '312.500' }) })
    // 312.5 kWh × 24.5p = 7,656.25p → 7,656p; VAT 5% of 9,092p = 454.6p → 455p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '312.500', '24.5000', 7656n],
      ['standing_charge', 'standing_charge', '30', '47.8500', 1436n],
    ])
    expect(result.lines[0]).toMatchObject({
      from: midnight('2026-06-01'),
      to: midnight('2026-07-01'),
      source: { readingIds: ['rdg_open', 'rdg_close'], estimated: false },
    })
    expect(result).toMatchObject({ netMinor: 9092n, vatMinor: 455n, totalMinor: 9547n, problems: [] })
  })

  it('bills Economy 7 day and night registers at their own rates, estimated when either read is', () => {
    const e7 = agreement({
      tariffCode: 'E-2R-VAR-A',
      structure: 'day_night',
      prices: [
        ['day_unit', '25.1234'],
        ['night_unit', '12.3456'],
        ['standing_charge', '50.0000'],
      ],
    })
    const consumption = registers(
      { rate: 'night', register: '02', from: opening, to: { ...closing, estimated: true }, units: '100.000' },
      { rate: 'day', register: '01', from: opening, to: closing, units: '200.000' },
    )
    const result = rateJune({ agreements: [e7], consumption })
    // 200 kWh × 25.1234p = 5,024.68p → 5,025p; 100 kWh × 12.3456p = 1,234.56p → 1,235p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'day_unit', '200.000', '25.1234', 5025n],
      ['energy', 'night_unit', '100.000', '12.3456', 1235n],
      ['standing_charge', 'standing_charge', '30', '50.0000', 1500n],
    ])
    expect(result.lines.map((line) => line.source.estimated)).toEqual([false, true, undefined])
    expect(result.lines[1]?.description).toBe('Night rate 100.000 kWh × 12.3456p')
  })

  it('shares units across a tariff change and a price change by time, the pieces summing exactly', () => {
    const change = midnight('2026-06-11')
    const priceChange = midnight('2026-06-21')
    const [first, second] = tariffChange(change, [
      ['standard_unit', '30.0000', { validTo: priceChange }],
      ['standard_unit', '31.0000', { validFrom: priceChange }],
      ['standing_charge', '50.0000'],
    ])
    const result = rateJune({
      agreements: [first, second],
      consumption: registers({ from: opening, to: closing, units: '100.000' }),
    })
    const energy = result.lines.filter((line) => line.kind === 'energy')
    // 10 days each: 33.333 and 33.333 (rounded down), the last piece the rest, 33.334.
    // 33.333 × 24.5p = 816.6585p → 817p; × 30p = 999.99p → 1,000p; 33.334 × 31p = 1,033.354p → 1,033p.
    expect(energy.map((line) => [line.agreementId, ...brief(line), line.from, line.to])).toEqual([
      ['agr_a', 'energy', 'standard_unit', '33.333', '24.5000', 817n, midnight('2026-06-01'), change],
      ['agr_b', 'energy', 'standard_unit', '33.333', '30.0000', 1000n, change, priceChange],
      ['agr_b', 'energy', 'standard_unit', '33.334', '31.0000', 1033n, priceChange, midnight('2026-07-01')],
    ])
    expect(kwhOf(result)).toBe(100_000n)
    expect(energy.every((line) => line.source.readingIds?.join() === 'rdg_open,rdg_close')).toBe(true)
  })

  it('prices a read taken before the supply started at the first agreement, without a problem', () => {
    const early = read(midnight('2026-05-29'), '990.0', 'rdg_early')
    const result = rateJune({
      agreements: [agreement({ validFrom: midnight('2026-06-01') })],
      consumption: registers({ from: early, to: closing, units: '330.000' }),
    })
    // 330 kWh × 24.5p = 8,085p.
    expect(result.lines.map(brief)).toEqual([
      ['energy', 'standard_unit', '330.000', '24.5000', 8085n],
      ['standing_charge', 'standing_charge', '30', '47.8500', 1436n],
    ])
    expect(result.lines[0]?.from).toEqual(midnight('2026-05-29'))
    expect(result.problems).toEqual([])
  })

  it('credits an export register at the export tariff’s unit rate', () => {
    const result = rateJune({
      direction: 'export',
      agreements: [agreement({ structure: 'export', vatPercent: '0', prices: [['standard_unit', '15.0000']] })],
      consumption: registers({ rate: 'export', from: opening, to: closing, units: '80.125' }),
    })
    // 80.125 kWh × 15p = 1,201.875p → 1,202p, credited.
    expect(result.lines.map(brief)).toEqual([['export_credit', 'standard_unit', '80.125', '15.0000', -1202n]])
    expect(result.problems).toEqual([])
  })

  it('reports register units it cannot price and charges nothing for them', () => {
    const result = rateJune({
      agreements: [agreement({ structure: 'day_night', prices: [['standing_charge', '47.8500']] })],
      consumption: registers({ rate: 'day', register: '01', from: opening, to: closing, units: '200.000' }),
    })
    expect(result.lines.map((line) => line.kind)).toEqual(['standing_charge'])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: register 01: tariff E-1R-VAR-A has no day_unit rate for DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-30T23:00:00.000Z',
    ])
  })

  it('says that register reads cannot be priced on Agile, which has a price for each half hour only', () => {
    const agile = agreement({
      tariffCode: 'E-1R-AGILE-A',
      structure: 'dynamic',
      prices: [
        ['dynamic_unit', '15.0000', { validFrom: midnight('2026-06-01'), validTo: at('2026-05-31T23:30:00Z') }],
        ['standing_charge', '46.0000'],
      ],
    })
    const result = rateJune({
      agreements: [agile],
      consumption: registers({ from: opening, to: closing, units: '200.000' }),
    })
    // Only the standing charge is charged: 30 days × 46p = 1,380p.
    expect(result.lines.map(brief)).toEqual([['standing_charge', 'standing_charge', '30', '46.0000', 1380n]])
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      '1000000000001: register S: tariff E-1R-AGILE-A prices each half hour: register reads cannot be priced on it without half-hourly data from 2026-05-31T23:00:00.000Z to 2026-06-30T23:00:00.000Z',
    ])
  })
})

describe('rating is deterministic', () => {
  const intervals = halfHours('2026-06-01', '2026-06-08', (start) =>
    (start.getTime() / 1_800_000) % 7 === 0 ? '1.234' : '0.321',
  )
  const go = agreement({
    agreementId: 'agr_go',
    tariffCode: 'E-1R-GO-A',
    structure: 'time_of_use',
    validFrom: midnight('2026-06-04'),
    prices: [
      ['off_peak_unit', '8.5000'],
      ['peak_unit', '25.0000', { paymentMethod: 'DIRECT_DEBIT' }],
      ['peak_unit', '26.0000', { paymentMethod: 'NON_DIRECT_DEBIT' }],
      ['standing_charge', '45.0000'],
    ],
    bands: [london('00:30', '05:30', 'off_peak_unit'), london('05:30', '00:30', 'peak_unit')],
  })
  const variable = agreement({ validTo: midnight('2026-06-04') })
  const gas = point({
    meterPointId: 'mp_g',
    identifier: '9876543210',
    fuel: 'gas',
    agreements: [agreement({ agreementId: 'agr_g', tariffCode: 'G-1R-VAR-A' })],
    consumption: registers({
      from: read(midnight('2026-06-01'), '1', 'g1'),
      to: read(midnight('2026-06-08'), '2', 'g2'),
      units: '70.100',
    }),
  })
  const electricity = point({ agreements: [variable, go], consumption: { kind: 'intervals', intervals } })

  it('gives the same result, byte for byte, for the same input twice', () => {
    const data = input('2026-06-01', '2026-06-08', [electricity, gas])
    const show = (result: RatingResult) =>
      JSON.stringify(result, (_, value) => (typeof value === 'bigint' ? `${value}n` : value))
    expect(show(rate(data))).toBe(show(rate(data)))
    expect(rate(data)).toEqual(rate(data))
  })

  it('gives the same result whatever the order of half hours, agreements, rates and meter points', () => {
    const a = rate(input('2026-06-01', '2026-06-08', [electricity, gas]))
    const shuffled = [...intervals].sort(
      (x, y) => ((x.start.getTime() / 1_800_000) % 13) - ((y.start.getTime() / 1_800_000) % 13),
    )
    const b = rate(
      input('2026-06-01', '2026-06-08', [
        gas,
        point({
          agreements: [{ ...go, rates: [...go.rates].reverse() }, variable],
          consumption: { kind: 'intervals', intervals: shuffled },
        }),
      ]),
    )
    expect(b).toEqual(a)
    // Ordered by meter point, kind (energy, export, standing charge), start, rate kind.
    expect(a.lines.map((line) => [line.identifier, line.kind, line.rateKind, line.from.toISOString()])).toEqual([
      ['1000000000001', 'energy', 'standard_unit', '2026-05-31T23:00:00.000Z'],
      ['1000000000001', 'energy', 'peak_unit', '2026-06-03T23:00:00.000Z'],
      ['1000000000001', 'energy', 'off_peak_unit', '2026-06-03T23:30:00.000Z'],
      ['1000000000001', 'standing_charge', 'standing_charge', '2026-05-31T23:00:00.000Z'],
      ['1000000000001', 'standing_charge', 'standing_charge', '2026-06-03T23:00:00.000Z'],
      ['9876543210', 'energy', 'standard_unit', '2026-05-31T23:00:00.000Z'],
      ['9876543210', 'standing_charge', 'standing_charge', '2026-05-31T23:00:00.000Z'],
    ])
  })
})

describe('rating properties', () => {
  type Scenario = { first: number; length: number; kwh: number[]; unitPrice: number; standingPrice: number }
  const starts = ['2026-06-01', '2025-10-25', '2025-03-29']
  const scenario = fc.record({
    first: fc.integer({ min: 0, max: 2 }),
    length: fc.integer({ min: 1, max: 3 }),
    kwh: fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 150, maxLength: 150 }),
    unitPrice: fc.integer({ min: 0, max: 999_999 }),
    standingPrice: fc.integer({ min: 0, max: 99_999 }),
    split: fc.integer({ min: 1, max: 149 }),
  })
  const priceText = (tenThousandths: number) =>
    `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`
  const kwhText = (value: number) => `${Math.floor(value / 1000)}.${String(value % 1000).padStart(3, '0')}`
  const build = ({ first, length, kwh, unitPrice, standingPrice }: Scenario) => {
    const from = starts[first]!
    const to = addDays(from, length)
    const intervals = halfHours(from, to).map((period, i) => ({ ...period, kwh: kwhText(kwh[i]!) }))
    const p = point({
      agreements: [
        agreement({
          prices: [
            ['standard_unit', priceText(unitPrice)],
            ['standing_charge', priceText(standingPrice)],
          ],
        }),
      ],
      consumption: { kind: 'intervals', intervals },
    })
    return { from, to, p, intervals, total: intervals.reduce((sum, i) => sum + thousandths(i.kwh), 0n) }
  }
  const within = (difference: bigint, lines: number) => difference <= BigInt(lines) && -difference <= BigInt(lines)

  it('charges a single rate within a penny per line of round(Σ kWh × price)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { from, to, p, total } = build(s)
        const result = rate(input(from, to, [p]))
        const expected =
          halfEven(total * BigInt(s.unitPrice), 10_000_000n) + halfEven(BigInt(s.length * s.standingPrice), 10_000n)
        expect(within(result.netMinor - expected, result.lines.length)).toBe(true)
        expect(kwhOf(result)).toBe(total)
        expect(result.totalMinor).toBe(result.netMinor + result.vatMinor)
        expect(result.problems).toEqual([])
      }),
      { numRuns: 60 },
    )
  })

  it('keeps kWh and standing days exact, and energy within rounding, when a period is rated in two parts', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { from, to, p, intervals } = build(s)
        const cut = intervals[Math.min(s.split, intervals.length - 1)]!.start
        const part = (a: Date, b: Date) =>
          rate({ period: { from: a, to: b }, paymentMethod: 'DIRECT_DEBIT', meterPoints: [p] })
        const whole = part(midnight(from), midnight(to))
        const first = part(midnight(from), cut)
        const second = part(cut, midnight(to))
        expect(kwhOf(first) + kwhOf(second)).toBe(kwhOf(whole))
        expect(daysOf(first) + daysOf(second)).toBe(daysOf(whole))
        const lines = [whole, first, second].reduce((n, r) => n + r.lines.filter((l) => l.unit === 'kWh').length, 0)
        expect(within(energyOf(first) + energyOf(second) - energyOf(whole), lines)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('shares register units so that no piece is negative and the pieces sum exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 29 * 48 - 1 }), { maxLength: 4 }),
        (units, cuts) => {
          const start = midnight('2026-06-01').getTime()
          const edges = [...cuts].sort((a, b) => a - b).map((n) => new Date(start + n * 30 * 60_000))
          const bounds = [new Date(start - 86_400_000), ...edges, null]
          const agreements = bounds.slice(0, -1).map((validFrom, i) =>
            agreement({
              agreementId: `agr_${i}`,
              validFrom: validFrom!,
              validTo: bounds[i + 1] ?? null,
              prices: [
                ['standard_unit', `${20 + i}.0000`],
                ['standing_charge', '1.0000'],
              ],
            }),
          )
          const consumption = registers({
            from: read(midnight('2026-06-01'), '0', 'a'),
            to: read(midnight('2026-07-01'), '0', 'b'),
            units: kwhText(units),
          })
          const result = rateJune({ agreements, consumption })
          const energy = result.lines.filter((line) => line.unit === 'kWh')
          expect(energy).toHaveLength(cuts.length + 1)
          expect(energy.every((line) => !line.quantity.startsWith('-'))).toBe(true)
          expect(kwhOf(result)).toBe(BigInt(units))
        },
      ),
      { numRuns: 80 },
    )
  })

  it('does not depend on the order of the half hours', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer(), { minLength: 150, maxLength: 150 }), (s, keys) => {
        const { from, to, p, intervals } = build(s)
        const order = intervals.map((interval, i) => ({ interval, key: keys[i]! }))
        order.sort((a, b) => a.key - b.key)
        const shuffled = { ...p, consumption: { kind: 'intervals' as const, intervals: order.map((o) => o.interval) } }
        expect(rate(input(from, to, [shuffled]))).toEqual(rate(input(from, to, [p])))
      }),
      { numRuns: 30 },
    )
  })
})
