import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as accounts from '../modules/accounts/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, localDateOf, settlementPeriodsOfDay, startOfLocalDay } from '../shared/time.js'
import { agileCapHundredths, agilePriceHundredths, catalogueCodes, seedTariffCatalogue } from './tariff-catalogue.js'

const actor = systemActor('seed')
const at = new Date('2025-10-20T09:00:00Z')
const regions = accounts.gspRegions.map((region) => region.code)
const noon = new Date('2025-10-27T12:00:00Z')

async function seeded(from: string, to: string) {
  const database = await openTestDatabase()
  const report = await inTransaction(database.db, (tx) => seedTariffCatalogue({ tx, from, to, at, actor }))
  return { database, report }
}

/** Every Agile price of a region over [from, to), oldest first, checked to run without gaps or overlaps. */
async function agileRates(database: Database, region: string, from: string, to: string) {
  const tariffCode = `E-1R-${catalogueCodes.agile}-${region.slice(1)}`
  const { count, rates } = await tariffs.listRates({
    tx: database.db,
    tariffCode,
    kind: 'standard_unit',
    periodFrom: startOfLocalDay(from),
    periodTo: startOfLocalDay(to),
    pageSize: 1500,
    at,
  })
  expect(rates).toHaveLength(count)
  const oldestFirst = [...rates].reverse()
  expect(oldestFirst[0]!.validFrom).toEqual(startOfLocalDay(from))
  expect(oldestFirst.at(-1)!.validTo).toEqual(startOfLocalDay(to))
  oldestFirst.slice(1).forEach((rate, i) => {
    expect(rate.validFrom, `${tariffCode} after ${oldestFirst[i]!.validFrom.toISOString()}`).toEqual(
      oldestFirst[i]!.validTo,
    )
  })
  return oldestFirst
}

describe('the demo tariff catalogue over three days when the clocks go back', () => {
  let database: Database
  let report: Awaited<ReturnType<typeof seedTariffCatalogue>>

  beforeAll(async () => {
    ;({ database, report } = await seeded('2025-10-25', '2025-10-28'))
  })
  afterAll(async () => {
    await database.close()
  })

  it('creates the eight products, 168 tariffs and their prices', async () => {
    expect(report.products).toEqual(Object.values(catalogueCodes))
    expect(report.tariffs).toBe(14 * (3 + 3 + 1 + 1 + 1 + 1 + 1 + 1))
    const listed = await tariffs.listProducts({ tx: database.db, at: startOfLocalDay('2025-10-26') })
    expect(listed.products.map((product) => product.code).sort()).toEqual(Object.values(catalogueCodes).sort())
    expect(new Set(listed.products.map((product) => product.brand))).toEqual(new Set(['GOOD_EGG_ENERGY']))
    expect(report.rates).toBeGreaterThan(14 * 146)
  })

  it('gives every product a tariff with prices in force in every region', async () => {
    const instant = new Date('2025-10-26T12:00:00Z')
    const expected: Record<string, string[]> = {
      [catalogueCodes.variable]: ['E-1R', 'E-2R', 'G-1R'],
      [catalogueCodes.fixed]: ['E-1R', 'E-2R', 'G-1R'],
      [catalogueCodes.agile]: ['E-1R'],
      [catalogueCodes.go]: ['E-1R'],
      [catalogueCodes.intelligent]: ['E-1R'],
      [catalogueCodes.fluxImport]: ['E-1R'],
      [catalogueCodes.fluxExport]: ['E-1R'],
      [catalogueCodes.outgoing]: ['E-1R'],
    }
    for (const [code, layouts] of Object.entries(expected)) {
      const detail = await tariffs.getProduct({ tx: database.db, code, tariffsActiveAt: instant })
      for (const layout of layouts) {
        for (const region of regions) {
          const tariff = detail.tariffs.find((t) => t.code === `${layout}-${code}-${region.slice(1)}`)
          expect(tariff, `${layout} ${code} ${region}`).toBeDefined()
          const [directDebit, other] = tariff!.variants
          expect(directDebit?.paymentMethod, `${tariff!.code}`).toBe('DIRECT_DEBIT')
          if (layout === 'E-2R') {
            expect(directDebit?.dayUnitRate).not.toBeNull()
            expect(directDebit?.nightUnitRate).not.toBeNull()
          } else {
            expect(directDebit?.standardUnitRate, tariff!.code).not.toBeNull()
          }
          if (detail.product.direction === 'IMPORT') {
            expect(directDebit?.standingCharge, tariff!.code).not.toBeNull()
            // non-direct-debit prices are a few per cent higher
            expect(other?.paymentMethod).toBe('NON_DIRECT_DEBIT')
            expect(Number(other!.standingCharge!.incVat)).toBeGreaterThan(Number(directDebit!.standingCharge!.incVat))
          } else {
            expect(tariff!.variants).toHaveLength(1)
            expect(directDebit?.standardUnitRate?.excVat).toBe(directDebit?.standardUnitRate?.incVat) // no VAT on export
          }
        }
      }
    }
  })

  it('prices like gb in 2025/26: about 24p/kWh and 50p/day electricity, 6p and 30p gas', async () => {
    const detail = await tariffs.getProduct({ tx: database.db, code: catalogueCodes.variable, tariffsActiveAt: noon })
    for (const tariff of detail.tariffs) {
      const prices = tariff.variants[0]!
      if (tariff.fuel === 'gas') {
        expect(Number(prices.standardUnitRate!.incVat)).toBeGreaterThan(5)
        expect(Number(prices.standardUnitRate!.incVat)).toBeLessThan(8)
        expect(Number(prices.standingCharge!.incVat)).toBeGreaterThan(25)
        expect(Number(prices.standingCharge!.incVat)).toBeLessThan(40)
      } else if (tariff.registerKind === '1R') {
        expect(Number(prices.standardUnitRate!.incVat)).toBeGreaterThan(20)
        expect(Number(prices.standardUnitRate!.incVat)).toBeLessThan(30)
        expect(Number(prices.standingCharge!.incVat)).toBeGreaterThan(40)
        expect(Number(prices.standingCharge!.incVat)).toBeLessThan(70)
      }
    }
  })

  it('charges Intelligent Go the same 7p off-peak everywhere, with peak rates that vary by region', async () => {
    const night = new Date('2025-10-26T02:00:00Z')
    const offPeak = await tariffs.getProduct({
      tx: database.db,
      code: catalogueCodes.intelligent,
      tariffsActiveAt: night,
    })
    expect(new Set(offPeak.tariffs.map((t) => t.variants[0]!.standardUnitRate!.incVat))).toEqual(new Set(['7.0000']))
    const peak = await tariffs.getProduct({ tx: database.db, code: catalogueCodes.intelligent, tariffsActiveAt: noon })
    expect(new Set(peak.tariffs.map((t) => t.variants[0]!.standardUnitRate!.incVat)).size).toBeGreaterThan(5)
  })

  it('has a contiguous Agile price for every half hour in every region: 48, 50 and 48', async () => {
    for (const region of regions) {
      const rates = await agileRates(database, region, '2025-10-25', '2025-10-28')
      expect(rates).toHaveLength(48 + 50 + 48)
      const perDay = new Map<string, number>()
      for (const rate of rates)
        perDay.set(localDateOf(rate.validFrom), (perDay.get(localDateOf(rate.validFrom)) ?? 0) + 1)
      expect(Object.fromEntries(perDay)).toEqual({ '2025-10-25': 48, '2025-10-26': 50, '2025-10-27': 48 })
      for (const rate of rates) expect(Number(rate.valueIncVat)).toBeLessThanOrEqual(100)
    }
  })

  it('serves Flux import and export in the same bands', async () => {
    const window = { periodFrom: startOfLocalDay('2025-10-27'), periodTo: startOfLocalDay('2025-10-28'), at }
    const [imported, exported] = await Promise.all(
      [catalogueCodes.fluxImport, catalogueCodes.fluxExport].map((code) =>
        tariffs.listRates({ tx: database.db, tariffCode: `E-1R-${code}-C`, kind: 'standard_unit', ...window }),
      ),
    )
    const bounds = (rates: tariffs.Rate[]) => [
      ...new Set(rates.map((rate) => `${rate.validFrom.toISOString()}–${rate.validTo?.toISOString()}`)),
    ]
    expect(bounds(imported!.rates)).toEqual(bounds(exported!.rates))
    expect(bounds(imported!.rates)).toContain('2025-10-27T16:00:00.000Z–2025-10-27T19:00:00.000Z')
  })
})

describe('the demo tariff catalogue when the clocks go forward', () => {
  let database: Database

  beforeAll(async () => {
    ;({ database } = await seeded('2025-03-29', '2025-04-02'))
  })
  afterAll(async () => {
    await database.close()
  })

  it('has 46 Agile half hours on 30 March and no gaps or overlaps around it', async () => {
    for (const region of ['_A', '_P']) {
      const rates = await agileRates(database, region, '2025-03-29', '2025-04-02')
      expect(rates.filter((rate) => localDateOf(rate.validFrom) === '2025-03-30')).toHaveLength(46)
      expect(rates).toHaveLength(48 + 46 + 48 + 48)
    }
  })

  it('changes the variable price when the price-cap quarter turns on 1 April', async () => {
    const rates = await tariffs.ratesFor({
      tx: database.db,
      tariffCode: `E-1R-${catalogueCodes.variable}-A`,
      range: { from: startOfLocalDay('2025-03-29'), to: null },
    })
    const units = rates.filter((rate) => rate.kind === 'standard_unit' && rate.paymentMethod === 'DIRECT_DEBIT')
    expect(units.map((rate) => [rate.validFrom, rate.validTo])).toEqual([
      [startOfLocalDay('2025-03-29'), startOfLocalDay('2025-04-01')],
      [startOfLocalDay('2025-04-01'), null],
    ])
    expect(units[0]!.valueIncVat).not.toBe(units[1]!.valueIncVat)
  })
})

describe('the demo Agile price', () => {
  it('is deterministic, capped at 100p inc VAT, cheap at night, dearest 16:00–19:00, sometimes negative', () => {
    let negative = 0
    let overCap = 0
    let unstable = 0
    const byHour = new Map<number, number[]>()
    for (let d = 0; d < 365; d += 3) {
      const date = addDays('2025-01-01', d)
      for (const period of settlementPeriodsOfDay(date)) {
        for (const region of regions) {
          const price = agilePriceHundredths({ region, date, start: period.startAt })
          if (price > agileCapHundredths) overCap++
          if (price !== agilePriceHundredths({ region, date, start: period.startAt })) unstable++
          if (price < 0) negative++
          const hour = tariffs.minuteOfDay(period.startAt, 'Europe/London') / 60
          const prices = byHour.get(Math.floor(hour)) ?? []
          prices.push(price)
          byHour.set(Math.floor(hour), prices)
        }
      }
    }
    const mean = (hour: number) => byHour.get(hour)!.reduce((a, b) => a + b, 0) / byHour.get(hour)!.length
    expect({ overCap, unstable }).toEqual({ overCap: 0, unstable: 0 })
    expect(negative).toBeGreaterThan(0)
    expect(mean(17)).toBeGreaterThan(mean(12))
    expect(mean(12)).toBeGreaterThan(mean(3))
    expect(mean(3)).toBeGreaterThan(500)
    expect(mean(17)).toBeLessThan(6000)
  })
})
