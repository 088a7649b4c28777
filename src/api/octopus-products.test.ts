import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { catalogueCodes, seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as market from '../modules/market/index.js'
import { systemActor } from '../shared/actor.js'
import { type App, buildApp } from './app.js'

let database: Database
let app: App
const now = new Date('2025-10-26T12:00:00Z')
// Links are built on the configured public URL; the request's Host header is a stranger's and is ignored.
const host = 'api.example.test'

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { host: 'evil.example' } })
  return { status: response.statusCode, body: response.json() }
}

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at: now })
    await seedTariffCatalogue({ tx, from: '2025-10-25', to: '2025-10-28', at: now, actor })
  })
  app = await buildApp({ database, clock: () => now, webRoot: null, publicUrl: `http://${host}` })
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('GET /v1/products/', () => {
  it('lists the products available now to anyone, in the Octopus shape', async () => {
    const { status, body } = await get('/v1/products/')
    expect(status).toBe(200)
    expect(body).toMatchObject({ count: 8, next: null, previous: null })
    const agile = body.results.find((product: { code: string }) => product.code === catalogueCodes.agile)
    expect(agile).toEqual({
      code: 'AGILE-24-10-01',
      direction: 'IMPORT',
      full_name: 'Agile Egg October 2024 v1',
      display_name: 'Agile Egg',
      description: expect.stringContaining('capped at 100p/kWh'),
      is_variable: true,
      is_green: true,
      is_tracker: false,
      is_prepay: false,
      is_business: false,
      is_restricted: false,
      term: 12,
      available_from: '2025-10-25T00:00:00+01:00',
      available_to: null,
      links: [{ href: `http://${host}/v1/products/AGILE-24-10-01/`, method: 'GET', rel: 'self' }],
      brand: 'GOOD_EGG_ENERGY',
    })
  })

  it('answers without the trailing slash too, and filters like Octopus', async () => {
    expect((await get('/v1/products')).body.count).toBe(8)
    const fixed = await get('/v1/products/?is_variable=false')
    expect(fixed.body.results.map((p: { code: string }) => p.code).sort()).toEqual([
      catalogueCodes.fixed,
      catalogueCodes.outgoing,
    ])
    expect((await get('/v1/products/?is_green=True&brand=GOOD_EGG_ENERGY')).body.count).toBe(5)
    expect((await get('/v1/products/?brand=OCTOPUS_ENERGY')).body).toEqual({
      count: 0,
      next: null,
      previous: null,
      results: [],
    })
    expect((await get('/v1/products/?available_at=2025-10-24T12:00:00Z')).body.count).toBe(0)
    expect((await get('/v1/products/?available_at=2025-10-25')).body.count).toBe(8)
  })

  it('refuses a bad parameter by name and a page past the end', async () => {
    expect(await get('/v1/products/?available_at=yesterday')).toEqual({
      status: 400,
      body: { available_at: ['Enter a valid date/time.'] },
    })
    expect((await get('/v1/products/?is_variable=maybe')).status).toBe(400)
    expect(await get('/v1/products/?page=2')).toEqual({ status: 404, body: { detail: 'Invalid page.' } })
  })
})

describe('GET /v1/products/{code}/', () => {
  it('gives each region its tariffs by payment method, with prices, exit fees and links', async () => {
    const { status, body } = await get(`/v1/products/${catalogueCodes.fixed}/`)
    expect(status).toBe(200)
    expect(body.tariffs_active_at).toBe('2025-10-26T12:00:00Z')
    expect(Object.keys(body.single_register_electricity_tariffs)).toHaveLength(14)
    expect(Object.keys(body.dual_register_electricity_tariffs)).toHaveLength(14)
    expect(Object.keys(body.single_register_gas_tariffs)).toHaveLength(14)
    expect(body.dual_register_gas_tariffs).toEqual({})
    const london = body.single_register_electricity_tariffs._C
    expect(Object.keys(london)).toEqual(['direct_debit_monthly', 'varying'])
    const base = `http://${host}/v1/products/FIX-12M-25-01-01/electricity-tariffs/E-1R-FIX-12M-25-01-01-C`
    expect(london.direct_debit_monthly).toEqual({
      code: 'E-1R-FIX-12M-25-01-01-C',
      standing_charge_exc_vat: expect.any(Number),
      standing_charge_inc_vat: expect.any(Number),
      online_discount_exc_vat: 0,
      online_discount_inc_vat: 0,
      dual_fuel_discount_exc_vat: 0,
      dual_fuel_discount_inc_vat: 0,
      exit_fees_exc_vat: 2500,
      exit_fees_inc_vat: 2500,
      exit_fees_type: 'PER_FUEL',
      links: [
        { href: `${base}/standing-charges/`, method: 'GET', rel: 'standing_charges' },
        { href: `${base}/standard-unit-rates/`, method: 'GET', rel: 'standard_unit_rates' },
      ],
      standard_unit_rate_exc_vat: expect.any(Number),
      standard_unit_rate_inc_vat: expect.any(Number),
    })
    const prices = london.direct_debit_monthly
    expect(prices.standard_unit_rate_inc_vat).toBeCloseTo(prices.standard_unit_rate_exc_vat * 1.05, 4)
    expect(london.varying.standard_unit_rate_inc_vat).toBeGreaterThan(prices.standard_unit_rate_inc_vat)
    const economy7 = body.dual_register_electricity_tariffs._C.direct_debit_monthly
    expect(economy7.links.map((link: { rel: string }) => link.rel)).toEqual([
      'standing_charges',
      'day_unit_rates',
      'night_unit_rates',
    ])
    expect(economy7.day_unit_rate_inc_vat).toBeGreaterThan(economy7.night_unit_rate_inc_vat)
    expect(body.single_register_gas_tariffs._C.direct_debit_monthly.links[1].href).toBe(
      `http://${host}/v1/products/FIX-12M-25-01-01/gas-tariffs/G-1R-FIX-12M-25-01-01-C/standard-unit-rates/`,
    )
  })

  it('prices a time-of-use product at tariffs_active_at, and has no exit fee on a variable one', async () => {
    const night = await get(`/v1/products/${catalogueCodes.intelligent}?tariffs_active_at=2025-10-26T02:00:00Z`)
    const tariff = night.body.single_register_electricity_tariffs._P.direct_debit_monthly
    expect(tariff).toMatchObject({ standard_unit_rate_inc_vat: 7, exit_fees_inc_vat: 0, exit_fees_type: 'NONE' })
  })

  it('answers an unknown product with Octopus’s 404', async () => {
    expect(await get('/v1/products/NOPE-25-01-01/')).toEqual({ status: 404, body: { detail: 'Not found.' } })
  })
})

describe('GET …/electricity-tariffs/{tariff}/standard-unit-rates/ and the other rate lists', () => {
  const agile = `/v1/products/${catalogueCodes.agile}/electricity-tariffs/E-1R-${catalogueCodes.agile}-C`

  it('pages Agile’s half hours newest first with absolute links, as numbers and UTC times', async () => {
    const { status, body } = await get(
      `${agile}/standard-unit-rates/?period_from=2025-10-26T00:00Z&period_to=2025-10-27T00:00Z&page_size=20`,
    )
    expect(status).toBe(200)
    expect(body.count).toBe(48) // a UTC day
    expect(body.results).toHaveLength(20)
    expect(body.previous).toBeNull()
    expect(body.next).toBe(
      `http://${host}${agile}/standard-unit-rates/?period_from=2025-10-26T00%3A00Z&period_to=2025-10-27T00%3A00Z&page_size=20&page=2`,
    )
    expect(body.results[0]).toEqual({
      value_exc_vat: expect.any(Number),
      value_inc_vat: expect.any(Number),
      valid_from: '2025-10-26T23:30:00Z',
      valid_to: '2025-10-27T00:00:00Z',
      payment_method: null,
    })
    const last = await get(
      `${agile}/standard-unit-rates?period_from=2025-10-26T00:00Z&period_to=2025-10-27T00:00Z&page_size=20&page=3`,
    )
    expect(last.body.results).toHaveLength(8)
    expect(last.body.next).toBeNull()
    expect(last.body.previous).toContain('page=2')
    expect(last.body.results.at(-1).valid_from).toBe('2025-10-26T00:00:00Z')
  })

  it('serves a whole day of a clock change: 50 half hours on 26 October, local offsets accepted', async () => {
    const { body } = await get(
      `${agile}/standard-unit-rates/?period_from=2025-10-26T00:00:00%2B01:00&period_to=2025-10-27T00:00:00Z&page_size=1500`,
    )
    expect(body.count).toBe(50)
    expect(body.results.at(-1).valid_from).toBe('2025-10-25T23:00:00Z')
  })

  it('serves Intelligent Go as band windows with direct-debit and non-direct-debit prices', async () => {
    const { body } = await get(
      `/v1/products/${catalogueCodes.intelligent}/electricity-tariffs/E-1R-${catalogueCodes.intelligent}-A/standard-unit-rates/?period_from=2025-10-26T00:00:00Z&period_to=2025-10-27T00:00:00Z`,
    )
    expect(
      body.results.map(
        (rate: { valid_from: string; valid_to: string; payment_method: string; value_inc_vat: number }) => [
          rate.valid_from,
          rate.valid_to,
          rate.payment_method,
          rate.value_inc_vat === 7 || rate.value_inc_vat === 7.28 ? 'off-peak' : 'peak',
        ],
      ),
    ).toEqual([
      ['2025-10-26T23:30:00Z', '2025-10-27T05:30:00Z', 'DIRECT_DEBIT', 'off-peak'],
      ['2025-10-26T23:30:00Z', '2025-10-27T05:30:00Z', 'NON_DIRECT_DEBIT', 'off-peak'],
      ['2025-10-26T05:30:00Z', '2025-10-26T23:30:00Z', 'DIRECT_DEBIT', 'peak'],
      ['2025-10-26T05:30:00Z', '2025-10-26T23:30:00Z', 'NON_DIRECT_DEBIT', 'peak'],
      ['2025-10-25T22:30:00Z', '2025-10-26T05:30:00Z', 'DIRECT_DEBIT', 'off-peak'],
      ['2025-10-25T22:30:00Z', '2025-10-26T05:30:00Z', 'NON_DIRECT_DEBIT', 'off-peak'],
    ])
  })

  it('lists standing charges, day and night rates with open ends as null', async () => {
    const variable = `/v1/products/${catalogueCodes.variable}/electricity-tariffs/E-2R-${catalogueCodes.variable}-B`
    const charges = await get(`${variable}/standing-charges/`)
    expect(charges.body.results).toEqual([
      {
        value_exc_vat: expect.any(Number),
        value_inc_vat: expect.any(Number),
        valid_from: '2025-10-24T23:00:00Z',
        valid_to: null,
        payment_method: 'DIRECT_DEBIT',
      },
      expect.objectContaining({ payment_method: 'NON_DIRECT_DEBIT', valid_to: null }),
    ])
    expect((await get(`${variable}/day-unit-rates/`)).body.count).toBe(2)
    expect((await get(`${variable}/night-unit-rates`)).body.count).toBe(2)
    expect((await get(`${variable}/standard-unit-rates/`)).body.count).toBe(0)
    const gas = await get(
      `/v1/products/${catalogueCodes.variable}/gas-tariffs/G-1R-${catalogueCodes.variable}-B/standard-unit-rates/`,
    )
    expect(gas.body.results[0].value_inc_vat).toBeLessThan(10)
  })

  it('answers 404 for a tariff of another product or fuel, and 400 for a bad period', async () => {
    const notFound = { status: 404, body: { detail: 'Not found.' } }
    expect(
      await get(
        `/v1/products/${catalogueCodes.go}/electricity-tariffs/E-1R-${catalogueCodes.agile}-C/standard-unit-rates/`,
      ),
    ).toEqual(notFound)
    expect(
      await get(`/v1/products/${catalogueCodes.agile}/gas-tariffs/E-1R-${catalogueCodes.agile}-C/standard-unit-rates/`),
    ).toEqual(notFound)
    expect(await get(`/v1/products/${catalogueCodes.agile}/electricity-tariffs/E-1R-NOPE-C/standing-charges/`)).toEqual(
      notFound,
    )
    expect(await get(`${agile}/standard-unit-rates/?period_from=soon`)).toEqual({
      status: 400,
      body: { period_from: ['Enter a valid date/time.'] },
    })
    expect((await get(`${agile}/standard-unit-rates/?page_size=1501`)).status).toBe(400)
  })

  it('needs no sign-in, and every route declares its permission', () => {
    const mine = app.routeTable.filter((route) => route.url.startsWith('/v1/products') && route.method === 'GET')
    expect(mine).toHaveLength(2 + 2 + 2 * (4 + 2))
    for (const route of mine) expect(route.permission).toBe('public')
  })
})
