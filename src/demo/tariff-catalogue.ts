/**
 * The demo supplier's tariff catalogue (MKT-2, TAR-1..4): for all 14 GSP regions a variable
 * single-rate product (electricity single and Economy 7, gas), a 12-month fixed product with a £25
 * exit fee per fuel, Agile (a price for every half hour from `from` to `to`), Go, Intelligent Go,
 * Flux import and export, and a fixed export tariff. Prices are realistic for gb in 2025/26 (about
 * 24p/kWh and 50p/day electricity, 6p/kWh and 30p/day gas), vary by region, follow the quarterly
 * price-cap rhythm for the variable product, and are deterministic: the same dates give the same
 * prices. Import products have direct-debit prices and non-direct-debit prices 4% higher.
 *
 * Codes follow Octopus's public ones (AGILE-24-10-01, E-1R-AGILE-24-10-01-C …) so Octopus clients
 * find familiar shapes; the brand is the demo supplier's, GOOD_EGG_ENERGY.
 */
import type { Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { addDays, daysBetween, isLocalDate, monthOf, settlementPeriodsOfDay, startOfLocalDay } from '../shared/time.js'

export const demoBrand = 'GOOD_EGG_ENERGY'

export class InvalidCatalogueRange extends withCode(ValidationFailed, 'INVALID_CATALOGUE_RANGE') {}

export const catalogueCodes = {
  variable: 'VAR-22-11-01',
  fixed: 'FIX-12M-25-01-01',
  agile: 'AGILE-24-10-01',
  go: 'GO-VAR-22-10-14',
  intelligent: 'INTELLI-VAR-22-10-14',
  fluxImport: 'FLUX-IMPORT-23-02-14',
  fluxExport: 'FLUX-EXPORT-23-02-14',
  outgoing: 'OUTGOING-FIX-12M-19-05-13',
} as const

const regions = accounts.gspRegions.map((region) => region.code)

// Each region's prices against the national ones, in thousandths: the unit rate and standing charge
// (distribution costs differ, North Wales and North Scotland dearest), and Agile's price = wholesale ×
// multiplier (+ a peak adder 16:00–19:00), capped at 100p inc VAT.
// biome-ignore format: a table by region
const regionFactors: Record<string, { unit: number; standing: number; agileMultiplier: number; agilePeakAdder: number }> = {
  _A: { unit: 1000, standing: 1000, agileMultiplier: 2100, agilePeakAdder: 1300 },
  _B: { unit: 985, standing: 950, agileMultiplier: 2000, agilePeakAdder: 1200 },
  _C: { unit: 1015, standing: 880, agileMultiplier: 2000, agilePeakAdder: 1200 },
  _D: { unit: 1045, standing: 1180, agileMultiplier: 2200, agilePeakAdder: 1300 },
  _E: { unit: 990, standing: 970, agileMultiplier: 2000, agilePeakAdder: 1100 },
  _F: { unit: 975, standing: 930, agileMultiplier: 2100, agilePeakAdder: 1200 },
  _G: { unit: 995, standing: 980, agileMultiplier: 2100, agilePeakAdder: 1200 },
  _H: { unit: 1010, standing: 960, agileMultiplier: 2100, agilePeakAdder: 1200 },
  _J: { unit: 1020, standing: 1000, agileMultiplier: 2200, agilePeakAdder: 1200 },
  _K: { unit: 1030, standing: 1050, agileMultiplier: 2200, agilePeakAdder: 1200 },
  _L: { unit: 1040, standing: 1000, agileMultiplier: 2300, agilePeakAdder: 1200 },
  _M: { unit: 970, standing: 950, agileMultiplier: 2000, agilePeakAdder: 1200 },
  _N: { unit: 985, standing: 970, agileMultiplier: 2100, agilePeakAdder: 1300 },
  _P: { unit: 1055, standing: 1070, agileMultiplier: 2400, agilePeakAdder: 1200 },
}
/** 100p inc VAT is 95.23p exc VAT, in hundredths of a penny. */
export const agileCapHundredths = 9523

/** The variable product follows the price cap's quarters (January, April, July, October). */
const quarterUnitFactor = [1035, 1000, 960, 990]
const quarterStandingFactor = [1040, 1000, 960, 1000]

/** Hundredths of a penny scaled by a factor in thousandths, to the nearest hundredth. */
function scaled(hundredths: number, factor: number): number {
  return Math.floor((hundredths * factor + 500) / 1000)
}

/** Ten-thousandths of a penny as text with 4 decimals ('24.4965'). */
function pence4(tenThousandths: number): string {
  const sign = tenThousandths < 0 ? '-' : ''
  const magnitude = Math.abs(tenThousandths)
  return `${sign}${Math.floor(magnitude / 10_000)}.${String(magnitude % 10_000).padStart(4, '0')}`
}

type Method = tariffs.PaymentMethod | null

/** A price given exc VAT in hundredths of a penny; inc VAT is exact at 5% (or equal for no VAT). */
function price(hundredths: number, vatPercent: 0 | 5): { exc: string; inc: string } {
  return { exc: pence4(hundredths * 100), inc: pence4(hundredths * (100 + vatPercent)) }
}

/** A price set inc VAT (hundredths), exc VAT rounded to 4 decimals: Intelligent's flat 7p. */
function priceIncVat(hundredthsIncVat: number): { exc: string; inc: string } {
  const excTenThousandths = Math.floor((hundredthsIncVat * 100 * 100 * 2 + 105) / (105 * 2))
  return { exc: pence4(excTenThousandths), inc: pence4(hundredthsIncVat * 100) }
}

interface PriceSpec {
  /** Exc VAT, hundredths of a penny, direct debit. */
  readonly hundredths: number
  /** Set inc VAT instead (hundredths), for prices quoted round inc VAT. */
  readonly incVat?: boolean
}

function ratesOf({
  tariffCode,
  kind,
  spec,
  from,
  to,
  vat,
  methods,
}: {
  tariffCode: string
  kind: tariffs.RateKind
  spec: PriceSpec
  from: Date
  to: Date | null
  vat: 0 | 5
  methods: readonly Method[]
}): tariffs.NewRate[] {
  return methods.map((method) => {
    const hundredths = method === 'NON_DIRECT_DEBIT' ? scaled(spec.hundredths, 1040) : spec.hundredths
    const { exc, inc } = spec.incVat ? priceIncVat(hundredths) : price(hundredths, vat)
    return { tariffCode, kind, paymentMethod: method, valueExcVat: exc, valueIncVat: inc, validFrom: from, validTo: to }
  })
}

function hash(...values: number[]): number {
  let h = 0x9e3779b9
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/**
 * The demo Agile price of one half hour in a region, exc VAT in hundredths of a penny: a synthetic
 * wholesale price (cheap overnight, dearer in the morning and evening, dearest 16:00–19:00 local,
 * a midday solar dip in summer, dearer in winter, a random daily level, and on a few windy days
 * negative prices at night) through the Agile formula. `date` is the local date of `start`.
 * Pure and deterministic.
 */
export function agilePriceHundredths({ region, date, start }: { region: string; date: string; start: Date }): number {
  const minute = tariffs.minuteOfDay(start, 'Europe/London')
  const hour = minute / 60
  const month = Number(date.slice(5, 7)) - 1
  // the day's number, only to seed the pseudo-random parts: calendar arithmetic, no time zone
  const day = Date.UTC(Number(date.slice(0, 4)), month, Number(date.slice(8, 10))) / 86_400_000
  const summer = month >= 3 && month <= 8
  const regionIndex = regions.indexOf(region as accounts.GspCode)
  let base: number
  if (hour < 5) base = 600
  else if (hour < 7) base = 800
  else if (hour < 9.5) base = 1150
  else if (hour < 16) base = summer && hour >= 11 && hour < 15 ? 700 : 1000
  else if (hour < 19) base = 1450
  else if (hour < 22) base = 1100
  else base = 800
  const season = [1300, 1250, 1100, 1000, 900, 850, 850, 900, 1000, 1100, 1250, 1300][month]!
  const daily = 750 + (hash(day) % 500)
  const noise = 850 + (hash(day, minute, regionIndex) % 300)
  let wholesale = Math.floor((((Math.floor((base * season) / 1000) * daily) / 1000) * noise) / 1000)
  const windy = hash(day, 7) % 100 < 6
  const surplusHours = hour < 6 || (summer && hour >= 11 && hour < 15)
  if (windy && surplusHours && hash(day, minute, 3) % 100 < 40) wholesale = -(50 + (hash(day, minute, 5) % 450))
  const peak = hour >= 16 && hour < 19
  const multiplied = Math.trunc((wholesale * (regionFactors[region]?.agileMultiplier ?? 2100)) / 1000)
  const priced = wholesale >= 0 && peak ? multiplied + (regionFactors[region]?.agilePeakAdder ?? 1200) : multiplied
  return Math.min(priced, agileCapHundredths)
}

/** The local dates a quarter starts on in [from, to): January, April, July and October 1sts. */
function quarterStarts(from: string, to: string): string[] {
  const starts: string[] = []
  for (let month = monthOf(from); `${month}-01` < to; ) {
    const [year, m] = month.split('-').map(Number) as [number, number]
    if ((m - 1) % 3 === 0 && `${month}-01` > from) starts.push(`${month}-01`)
    month = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
  }
  return starts
}

function quarterIndex(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3)
}

const londonBand = (rateKind: tariffs.BandRateKind, startTime: string, endTime: string, validFrom: Date) => ({
  rateKind,
  startTime,
  endTime,
  timeZone: 'Europe/London' as const,
  validFrom,
})

/**
 * Create the demo catalogue: 8 products with their tariffs in every region, their bands and their
 * prices from the local date `from`, Agile's half-hourly prices up to `to` (exclusive). Fast on
 * PGlite: the rates go in with COPY, a month of Agile at a time. Prints nothing.
 * @throws InvalidCatalogueRange, ProductCodeTaken when the catalogue is already there
 */
export async function seedTariffCatalogue({
  tx,
  from,
  to,
  at,
  actor,
}: {
  tx: Tx
  from: string
  to: string
  at: Date
  actor: Actor
}): Promise<{ products: string[]; tariffs: number; rates: number }> {
  if (!isLocalDate(from) || !isLocalDate(to) || !(from < to)) {
    throw new InvalidCatalogueRange('The catalogue needs two local dates, from before to', [
      { path: 'from', message: 'a date YYYY-MM-DD before to' },
    ])
  }
  const start = startOfLocalDay(from)
  const dd: readonly Method[] = ['DIRECT_DEBIT', 'NON_DIRECT_DEBIT']
  const any: readonly Method[] = [null]
  const common = { availableFrom: start, brand: demoBrand }
  const e7Bands = [
    {
      rateKind: 'night_unit' as const,
      startTime: '00:30',
      endTime: '07:30',
      timeZone: 'UTC' as const,
      validFrom: start,
    },
    { rateKind: 'day_unit' as const, startTime: '07:30', endTime: '00:30', timeZone: 'UTC' as const, validFrom: start },
  ]
  const dualFuel = (): tariffs.NewTariff[] =>
    regions.flatMap((region) => [
      { fuel: 'electricity' as const, registerKind: '1R' as const, region },
      { fuel: 'electricity' as const, registerKind: '2R' as const, region, bands: e7Bands },
      { fuel: 'gas' as const, registerKind: '1R' as const, region },
    ])
  const electricity = (bands?: tariffs.NewBand[]): tariffs.NewTariff[] =>
    regions.map((region) => ({ fuel: 'electricity' as const, registerKind: '1R' as const, region, bands }))
  /** An off-peak window each night, London time, and the peak rate the rest of the day (Go, Intelligent Go). */
  const offPeakNights = (from: string, to: string) => [
    londonBand('off_peak_unit', from, to, start),
    londonBand('peak_unit', to, from, start),
  ]
  const fluxBands = [
    londonBand('off_peak_unit', '02:00', '05:00', start),
    londonBand('peak_unit', '16:00', '19:00', start),
  ]

  const products: tariffs.NewProduct[] = [
    {
      ...common,
      code: catalogueCodes.variable,
      direction: 'IMPORT',
      fullName: 'Flexible Egg November 2022 v1',
      displayName: 'Flexible Egg',
      description: 'Our variable tariff: prices follow the market and change with at least 30 days notice.',
      isVariable: true,
      term: null,
      structure: 'single',
      tariffs: dualFuel(),
    },
    {
      ...common,
      code: catalogueCodes.fixed,
      direction: 'IMPORT',
      fullName: 'Fixed Egg 12M January 2025 v1',
      displayName: 'Fixed Egg 12M',
      description: 'Prices fixed for 12 months. £25 exit fee per fuel if you leave before the last 49 days.',
      isVariable: false,
      term: 12,
      structure: 'single',
      exitFeeMinor: 2500n,
      tariffs: dualFuel(),
    },
    {
      ...common,
      code: catalogueCodes.agile,
      direction: 'IMPORT',
      fullName: 'Agile Egg October 2024 v1',
      displayName: 'Agile Egg',
      description:
        'Half-hourly prices tied to wholesale prices, published a day ahead. The unit rate is capped at 100p/kWh (including VAT).',
      isVariable: true,
      isGreen: true,
      term: 12,
      structure: 'dynamic',
      tariffs: electricity(),
    },
    {
      ...common,
      code: catalogueCodes.go,
      direction: 'IMPORT',
      fullName: 'Egg Go October 2022 v1',
      displayName: 'Egg Go',
      description: 'A cheap rate from 00:30 to 05:30 every night for electric vehicle drivers.',
      isVariable: true,
      isGreen: true,
      term: null,
      structure: 'time_of_use',
      tariffs: electricity(offPeakNights('00:30', '05:30')),
    },
    {
      ...common,
      code: catalogueCodes.intelligent,
      direction: 'IMPORT',
      fullName: 'Intelligent Egg Go October 2022 v1',
      displayName: 'Intelligent Egg Go',
      description:
        'Off-peak 23:30 to 05:30, and smart charging of your electric vehicle at the off-peak rate whenever we schedule it.',
      isVariable: true,
      isGreen: true,
      term: null,
      structure: 'intelligent',
      tariffs: electricity(offPeakNights('23:30', '05:30')),
    },
    {
      ...common,
      code: catalogueCodes.fluxImport,
      direction: 'IMPORT',
      fullName: 'Egg Flux Import February 2023 v1',
      displayName: 'Egg Flux',
      description: 'For homes with solar and a battery: cheap 02:00–05:00, dear 16:00–19:00, paired with Flux export.',
      isVariable: true,
      isGreen: true,
      term: null,
      structure: 'time_of_use',
      pairedProductCode: catalogueCodes.fluxExport,
      tariffs: electricity(fluxBands),
    },
    {
      ...common,
      code: catalogueCodes.fluxExport,
      direction: 'EXPORT',
      fullName: 'Egg Flux Export February 2023 v1',
      displayName: 'Egg Flux Export',
      description: 'Export prices in the same bands as Flux import: most for what you export 16:00–19:00.',
      isVariable: true,
      isGreen: true,
      term: null,
      structure: 'time_of_use',
      pairedProductCode: catalogueCodes.fluxImport,
      tariffs: electricity(fluxBands),
    },
    {
      ...common,
      code: catalogueCodes.outgoing,
      direction: 'EXPORT',
      fullName: 'Outgoing Egg Fixed 12M May 2019 v1',
      displayName: 'Outgoing Egg Fixed',
      description: 'A fixed price for every kWh you export, for 12 months.',
      isVariable: false,
      term: 12,
      structure: 'export',
      tariffs: electricity(),
    },
  ]
  let tariffCount = 0
  for (const product of products) {
    const created = await tariffs.createProduct({ tx, product, actor, at })
    tariffCount += created.tariffs.length
  }

  const code = (fuel: 'E' | 'G', registers: '1R' | '2R', product: string, region: string) =>
    `${fuel}-${registers}-${product}-${region.slice(1)}`
  const rates: tariffs.NewRate[] = []
  const add = (
    tariffCode: string,
    kind: tariffs.RateKind,
    spec: PriceSpec,
    methods: readonly Method[],
    vat: 0 | 5 = 5,
    range: { from: Date; to: Date | null } = { from: start, to: null },
  ) => rates.push(...ratesOf({ tariffCode, kind, spec, vat, methods, ...range }))

  // The variable product: one price per price-cap quarter, the last open-ended.
  const changes = [from, ...quarterStarts(from, to)]
  for (const region of regions) {
    const { unit, standing } = regionFactors[region]!
    changes.forEach((date, i) => {
      const range = {
        from: startOfLocalDay(date),
        to: i + 1 < changes.length ? startOfLocalDay(changes[i + 1]!) : null,
      }
      const q = quarterIndex(date)
      const u = (hundredths: number) => ({ hundredths: scaled(scaled(hundredths, unit), quarterUnitFactor[q]!) })
      const s = (hundredths: number) => ({
        hundredths: scaled(scaled(hundredths, standing), quarterStandingFactor[q]!),
      })
      const v = catalogueCodes.variable
      add(code('E', '1R', v, region), 'standard_unit', u(2333), dd, 5, range)
      add(code('E', '1R', v, region), 'standing_charge', s(4880), dd, 5, range)
      add(code('E', '2R', v, region), 'day_unit', u(2600), dd, 5, range)
      add(code('E', '2R', v, region), 'night_unit', u(1330), dd, 5, range)
      add(code('E', '2R', v, region), 'standing_charge', s(4880), dd, 5, range)
      add(code('G', '1R', v, region), 'standard_unit', u(590), dd, 5, range)
      add(code('G', '1R', v, region), 'standing_charge', s(2920), dd, 5, range)
    })
    const u = (hundredths: number) => ({ hundredths: scaled(hundredths, unit) })
    const s = (hundredths: number) => ({ hundredths: scaled(hundredths, standing) })
    const f = catalogueCodes.fixed
    add(code('E', '1R', f, region), 'standard_unit', u(2240), dd)
    add(code('E', '1R', f, region), 'standing_charge', s(4700), dd)
    add(code('E', '2R', f, region), 'day_unit', u(2500), dd)
    add(code('E', '2R', f, region), 'night_unit', u(1280), dd)
    add(code('E', '2R', f, region), 'standing_charge', s(4700), dd)
    add(code('G', '1R', f, region), 'standard_unit', u(560), dd)
    add(code('G', '1R', f, region), 'standing_charge', s(2850), dd)
    add(code('E', '1R', catalogueCodes.agile, region), 'standing_charge', s(4600), dd)
    const go = code('E', '1R', catalogueCodes.go, region)
    add(go, 'off_peak_unit', { hundredths: 810 }, dd) // flat across regions
    add(go, 'peak_unit', u(2500), dd)
    add(go, 'standing_charge', s(4700), dd)
    const intelligent = code('E', '1R', catalogueCodes.intelligent, region)
    add(intelligent, 'off_peak_unit', { hundredths: 700, incVat: true }, dd) // 7p everywhere (seed 002)
    add(intelligent, 'peak_unit', u(2560), dd)
    add(intelligent, 'standing_charge', s(4600), dd)
    const fluxImport = code('E', '1R', catalogueCodes.fluxImport, region)
    const day = scaled(2560, unit)
    add(fluxImport, 'standard_unit', { hundredths: day }, dd)
    add(fluxImport, 'off_peak_unit', { hundredths: scaled(day, 600) }, dd)
    add(fluxImport, 'peak_unit', { hundredths: scaled(day, 1400) }, dd)
    add(fluxImport, 'standing_charge', s(4700), dd)
    const fluxExport = code('E', '1R', catalogueCodes.fluxExport, region)
    const exportDay = scaled(1600, unit)
    add(fluxExport, 'standard_unit', { hundredths: exportDay }, any, 0)
    add(fluxExport, 'off_peak_unit', { hundredths: scaled(exportDay, 550) }, any, 0)
    add(fluxExport, 'peak_unit', { hundredths: scaled(exportDay, 1800) }, any, 0)
    add(code('E', '1R', catalogueCodes.outgoing, region), 'standard_unit', { hundredths: 1500 }, any, 0)
  }
  let rateCount = (await tariffs.setRates({ tx, rates, actor, at })).inserted

  // Agile: every half hour of [from, to), a month of days at a time.
  const days = daysBetween(from, to)
  for (let offset = 0; offset < days; offset += 31) {
    const batch: tariffs.NewRate[] = []
    for (let d = offset; d < Math.min(days, offset + 31); d++) {
      const date = addDays(from, d)
      for (const period of settlementPeriodsOfDay(date)) {
        for (const region of regions) {
          const hundredths = agilePriceHundredths({ region, date, start: period.startAt })
          batch.push({
            tariffCode: code('E', '1R', catalogueCodes.agile, region),
            kind: 'dynamic_unit',
            paymentMethod: null,
            valueExcVat: pence4(hundredths * 100),
            valueIncVat: pence4(hundredths * 105),
            validFrom: period.startAt,
            validTo: period.endAt,
          })
        }
      }
    }
    rateCount += (await tariffs.setRates({ tx, rates: batch, actor, at })).inserted
  }
  return { products: products.map((product) => product.code), tariffs: tariffCount, rates: rateCount }
}
