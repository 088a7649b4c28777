import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as access from '../modules/access/index.js'
import * as market from '../modules/market/index.js'
import { systemActor } from '../shared/actor.js'
import { type App, buildApp } from './app.js'
import { createStaffForEveryRole, type Send, sendAs, signInEveryRole, signInStaff, staffPassword } from './testing.js'

let database: Database
let app: App
let send: Send
let secondAnalyst: Record<string, string>
const now = new Date('2026-11-20T09:00:00Z')
const actor = systemActor('test')

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at: now })
    await createStaffForEveryRole(tx, now)
    await access.createStaffUser({
      tx,
      email: 'second-analyst@example.com',
      displayName: 'Second Analyst',
      role: 'pricing_analyst',
      password: staffPassword,
      actor,
      at: now,
    })
  })
  app = await buildApp({ database, clock: () => now, webRoot: null })
  send = sendAs(app, await signInEveryRole(app))
  secondAnalyst = { cookie: `cuttle_session=${await signInStaff(app, 'second-analyst@example.com')}` }
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

const asSecondAnalyst = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: secondAnalyst, ...(payload ? { payload } : {}) })

const auditOf = async (action: string) =>
  (
    await sql<{ actor_id: string; after: Record<string, unknown> }>`
      select actor_id, after from audit_events where action = ${action} order by seq`.execute(database.db)
  ).rows

const variable = {
  code: 'VAR-26-11-01',
  direction: 'IMPORT',
  fullName: 'Flexible Egg November 2026',
  displayName: 'Flexible Egg',
  isVariable: true,
  term: null,
  availableFrom: '2026-11-01T00:00:00Z',
  brand: 'GOOD_EGG_ENERGY',
  structure: 'single',
  supplies: [
    { fuel: 'electricity', registerKind: '1R' },
    { fuel: 'gas', registerKind: '1R' },
  ],
  rates: [
    { fuel: 'electricity', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '24.50' },
    { fuel: 'electricity', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '51.37' },
    { fuel: 'gas', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueExcVat: '5.8' },
    { fuel: 'gas', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueExcVat: '29.5' },
    // London is dearer
    { fuel: 'electricity', region: '_C', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '25.20' },
  ],
} as const

describe('POST /api/products', () => {
  it('refuses every role but the pricing analyst', async () => {
    for (const role of access.roles.filter((r) => r !== 'pricing_analyst')) {
      expect((await send(role, 'POST', '/api/products', variable)).statusCode, role).toBe(403)
    }
  })

  it('creates a product with a tariff per fuel in all 14 regions and their first prices, audited', async () => {
    const response = await send('pricing_analyst', 'POST', '/api/products', variable)
    expect(response.statusCode, response.body).toBe(201)
    const { product } = response.json()
    expect(product.tariffs).toHaveLength(28)
    // 14 regions × 2 fuels × (unit + standing charge), London's unit rate overriding the general one
    expect(product.rates).toBe(56)
    expect((await auditOf('tariffs.product.created')).map((event) => event.after.code)).toContain('VAR-26-11-01')
  })

  it('serves the new prices in the public API, exc VAT worked out at 5%', async () => {
    const london = await app.inject({
      method: 'GET',
      url: '/v1/products/VAR-26-11-01/electricity-tariffs/E-1R-VAR-26-11-01-C/standard-unit-rates/',
    })
    expect(london.json().results).toEqual([
      expect.objectContaining({ value_exc_vat: 24, value_inc_vat: 25.2, valid_to: null }),
    ])
  })

  it('refuses a Flux-style pair naming a product that does not exist', async () => {
    const response = await send('pricing_analyst', 'POST', '/api/products', {
      ...variable,
      code: 'FLUX-EXPORT-26-11-01',
      pairedProductCode: 'FLUX-IMPORT-26-11-01',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([
      {
        path: 'pairedProductCode',
        message: 'there is no product FLUX-IMPORT-26-11-01: create the other half of the pair first',
      },
    ])
  })

  it('refuses a second product with the same code', async () => {
    const again = await send('pricing_analyst', 'POST', '/api/products', variable)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('PRODUCT_CODE_TAKEN')
  })

  it('refuses a fixed product without its term and exit fee, and a tariff left unpriced, naming each', async () => {
    const response = await send('pricing_analyst', 'POST', '/api/products', {
      ...variable,
      code: 'FIX-12M-26-11-01',
      isVariable: false,
      regions: ['_A', '_B'],
      rates: variable.rates.filter((rate) => rate.fuel === 'electricity' && !('region' in rate)),
    })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.map((detail: { path: string }) => detail.path)
    expect(paths).toEqual(expect.arrayContaining(['exitFeeMinor', 'term', 'rates']))
    expect(response.json().error.details).toContainEqual({
      path: 'rates',
      message: 'G-1R-FIX-12M-26-11-01-A has no standing_charge, standard_unit price',
    })
    expect(
      (await send('pricing_analyst', 'GET', '/api/products')).json().items.map((p: { code: string }) => p.code),
    ).toEqual(['VAR-26-11-01'])
  })
})

const header = 'product,region,fuel,payment_method,kind,value_exc_vat,value_inc_vat'
const quarterly = [
  header,
  'VAR-26-11-01,_A,electricity,DIRECT_DEBIT,standard_unit,,26.25',
  'VAR-26-11-01,C,electricity,DIRECT_DEBIT,standard_unit,24.0000,25.2000',
  'VAR-26-11-01,_A,gas,DIRECT_DEBIT,standing_charge,31,',
  'VAR-26-11-01,_B,electricity,NON_DIRECT_DEBIT,standard_unit,26,',
].join('\r\n')

describe('a price change from CSV', () => {
  let changeId: string

  it('answers a dry run with the diff against the prices in force, and saves nothing', async () => {
    const response = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-01',
      csv: quarterly,
      dryRun: true,
    })
    expect(response.statusCode, response.body).toBe(200)
    const { prices, summary, effectiveFrom } = response.json()
    expect(effectiveFrom).toBe('2027-01-01T00:00:00.000Z')
    expect(summary).toEqual({ up: 2, down: 0, same: 1, new: 1 })
    expect(prices[0]).toMatchObject({
      line: 2,
      tariffCode: 'E-1R-VAR-26-11-01-A',
      kind: 'standard_unit',
      paymentMethod: 'DIRECT_DEBIT',
      oldExcVat: '23.3333',
      oldIncVat: '24.5000',
      valueExcVat: '25.0000',
      valueIncVat: '26.2500',
    })
    expect(prices[3]).toMatchObject({ tariffCode: 'E-1R-VAR-26-11-01-B', oldExcVat: null, valueIncVat: '27.3000' })
    expect((await send('pricing_analyst', 'GET', '/api/price-changes')).json().items).toEqual([])
  })

  it('refuses a bad file naming each line and column, and saves nothing', async () => {
    const response = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-01',
      csv: [
        header,
        'VAR-26-11-01,_Q,electricity,DIRECT_DEBIT,standard_unit,24,',
        'VAR-26-11-01,_A,electricity,CHEQUE,standard_unit,abc,',
        'NOPE-1,_A,electricity,DIRECT_DEBIT,standard_unit,24,',
        'VAR-26-11-01,_A,electricity,DIRECT_DEBIT,night_unit,24,',
        'VAR-26-11-01,_A,electricity,DIRECT_DEBIT',
      ].join('\n'),
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('INVALID_PRICE_CHANGE')
    expect(response.json().error.details).toEqual([
      { path: 'csv.2.region', message: "line 2, column region: '_Q' is not one of the 14 GSP regions (_A to _P)" },
      {
        path: 'csv.3.payment_method',
        message: "line 3, column payment_method: 'CHEQUE' is not DIRECT_DEBIT, NON_DIRECT_DEBIT or empty (any)",
      },
      {
        path: 'csv.3.value_exc_vat',
        message: "line 3, column value_exc_vat: 'abc' is not pence with at most 4 decimals",
      },
      { path: 'csv.6.*', message: 'line 6, column *: 4 cells where the header has 7' },
    ])
    const unknown = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-01',
      csv: [
        header,
        'NOPE-1,_A,electricity,DIRECT_DEBIT,standard_unit,24,',
        'VAR-26-11-01,_A,electricity,DIRECT_DEBIT,night_unit,24,',
      ].join('\n'),
    })
    expect(unknown.json().error.details).toEqual([
      { path: 'csv.2.product', message: 'line 2, column product: there is no product NOPE-1' },
      {
        path: 'csv.3.region',
        message: 'line 3, column region: VAR-26-11-01 has no electricity 2R tariff in region _A (E-2R-VAR-26-11-01-A)',
      },
    ])
    expect((await send('pricing_analyst', 'GET', '/api/price-changes')).json().items).toEqual([])
  })

  it('refuses a NUL byte, an impossible date and a date that is not in the future with a 400', async () => {
    const nul = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-01',
      csv: `${header}\nVAR-26-11-01,_A,electricity,DIRECT_DEBIT,standard_unit,2\u00004,`,
    })
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.details[0].path).toBe('body.csv')
    const impossible = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-02-30',
      csv: quarterly,
    })
    expect(impossible.statusCode).toBe(400)
    expect(impossible.json().error.details[0].path).toBe('body.effectiveDate')
    const today = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2026-11-20',
      csv: quarterly,
    })
    expect(today.statusCode).toBe(400)
    expect(today.json().error.message).toBe('The effective date 2026-11-20 must be in the future')
  })

  it('stores a draft that its uploader submits for approval', async () => {
    const uploaded = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-01',
      csv: quarterly,
      note: 'Q1 2027 repricing',
    })
    expect(uploaded.statusCode, uploaded.body).toBe(201)
    const { priceChange } = uploaded.json()
    expect(priceChange).toMatchObject({
      number: 'PC-000001',
      status: 'draft',
      effectiveDate: '2027-01-01',
      createdBy: { kind: 'staff', name: 'pricing_analyst user' },
    })
    changeId = priceChange.id
    const byOther = await asSecondAnalyst('POST', `/api/price-changes/${changeId}/submit`)
    expect(byOther.statusCode, byOther.body).toBe(403)
    const submitted = await send('pricing_analyst', 'POST', `/api/price-changes/${changeId}/submit`)
    expect(submitted.statusCode).toBe(200)
    expect(submitted.json().priceChange.status).toBe('pending_approval')
  })

  it('refuses the uploader approving their own change (four-eyes)', async () => {
    const own = await send('pricing_analyst', 'POST', `/api/price-changes/${changeId}/approve`, {})
    expect(own.statusCode).toBe(403)
    expect(own.json().error).toMatchObject({
      code: 'CANNOT_APPROVE_OWN_PRICE_CHANGE',
      message: 'You uploaded PC-000001: a second pricing analyst must approve it (four-eyes)',
    })
    expect((await send('supervisor', 'POST', `/api/price-changes/${changeId}/approve`, {})).statusCode).toBe(403)
  })

  it('publishes on a second analyst’s approval: new rate versions from the date, at once in /v1/products, audited', async () => {
    const approved = await asSecondAnalyst('POST', `/api/price-changes/${changeId}/approve`, { note: 'checked' })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().priceChange).toMatchObject({
      status: 'published',
      decidedBy: { name: 'Second Analyst' },
      decisionNote: 'checked',
    })
    const rates = await app.inject({
      method: 'GET',
      url: '/v1/products/VAR-26-11-01/electricity-tariffs/E-1R-VAR-26-11-01-A/standard-unit-rates/',
    })
    expect(rates.json().results).toEqual([
      expect.objectContaining({
        value_exc_vat: 25,
        value_inc_vat: 26.25,
        valid_from: '2027-01-01T00:00:00Z',
        valid_to: null,
        payment_method: 'DIRECT_DEBIT',
      }),
      expect.objectContaining({
        value_inc_vat: 24.5,
        valid_from: '2026-11-01T00:00:00Z',
        valid_to: '2027-01-01T00:00:00Z',
      }),
    ])
    const [published] = await auditOf('tariffs.price_change.published')
    expect(published?.after).toMatchObject({ number: 'PC-000001', rates: 4, ended: 3 })
  })

  it('keeps a published change fixed: no second approval, no rejection, and the database refuses an edit', async () => {
    const again = await asSecondAnalyst('POST', `/api/price-changes/${changeId}/approve`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toBe(
      'Price change PC-000001 was published and is fixed; a correction is a new price change',
    )
    expect((await asSecondAnalyst('POST', `/api/price-changes/${changeId}/reject`, { note: 'oops' })).statusCode).toBe(
      409,
    )
    await expect(
      sql`update price_changes set note = 'edited' where id = ${changeId}`.execute(database.db),
    ).rejects.toThrow(/fixed/)
  })

  it('takes a correction as a new change, priced against the published one', async () => {
    const correction = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2027-01-02',
      csv: [header, 'VAR-26-11-01,_A,electricity,DIRECT_DEBIT,standard_unit,,26.00'].join('\n'),
      submit: true,
    })
    expect(correction.statusCode, correction.body).toBe(201)
    expect(correction.json().priceChange).toMatchObject({
      number: 'PC-000002',
      status: 'pending_approval',
      prices: [expect.objectContaining({ oldIncVat: '26.2500', valueExcVat: '24.7619', valueIncVat: '26.0000' })],
    })
    const pending = await asSecondAnalyst('GET', '/api/price-changes?status=pending_approval')
    expect(pending.json().items.map((change: { number: string }) => change.number)).toEqual(['PC-000002'])
    const rejected = await asSecondAnalyst('POST', `/api/price-changes/${correction.json().priceChange.id}/reject`, {
      note: 'Wrong date',
    })
    expect(rejected.json().priceChange).toMatchObject({ status: 'rejected', decisionNote: 'Wrong date' })
  })

  it('refuses a change over a price already set from its date on', async () => {
    const clash = await send('pricing_analyst', 'POST', '/api/price-changes', {
      effectiveDate: '2026-12-01',
      csv: [header, 'VAR-26-11-01,_A,electricity,DIRECT_DEBIT,standard_unit,,26.00'].join('\n'),
    })
    expect(clash.statusCode).toBe(400)
    expect(clash.json().error.details.map((detail: { message: string }) => detail.message)).toEqual([
      'line 2, column kind: E-1R-VAR-26-11-01-A already has a standard_unit price DIRECT_DEBIT from 2026-11-01T00:00:00.000Z to 2027-01-01T00:00:00.000Z; a change replaces only an open-ended price that started before it',
      'line 2, column kind: E-1R-VAR-26-11-01-A already has a standard_unit price DIRECT_DEBIT from 2027-01-01T00:00:00.000Z; a change replaces only an open-ended price that started before it',
    ])
  })
})

const agile = {
  code: 'AGILE-26-11-01',
  direction: 'IMPORT',
  fullName: 'Agile Egg November 2026',
  displayName: 'Agile Egg',
  isVariable: true,
  term: 12,
  availableFrom: '2026-11-01T00:00:00Z',
  brand: 'GOOD_EGG_ENERGY',
  structure: 'dynamic',
  supplies: [{ fuel: 'electricity', registerKind: '1R' }],
  regions: ['_A', '_C'],
  rates: [{ fuel: 'electricity', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '47.5' }],
} as const

/** A day-ahead file: every period of the date for each region, a price per period (inc VAT). */
function dayAhead(date: string, regions: readonly string[], periods: number, skip?: number): string {
  const lines = ['product,region,date,period,value_inc_vat']
  for (const region of regions)
    for (let period = 1; period <= periods; period++)
      if (period !== skip) lines.push(`AGILE-26-11-01,${region},${date},${period},${(10 + period / 2).toFixed(2)}`)
  return lines.join('\n')
}

describe("Agile's day-ahead file", () => {
  beforeAll(async () => {
    const created = await send('pricing_analyst', 'POST', '/api/products', agile)
    expect(created.statusCode, created.body).toBe(201)
  })

  it('refuses a region whose day is not whole, and a period the day does not have, loading nothing', async () => {
    const gap = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2026-11-21', ['_A', '_C'], 48, 17),
    })
    expect(gap.statusCode).toBe(400)
    expect(gap.json().error.details).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/E-1R-AGILE-26-11-01-A on 2026-11-21 lacks period\(s\) 17/),
      }),
      expect.objectContaining({
        message: expect.stringMatching(/E-1R-AGILE-26-11-01-C on 2026-11-21 lacks period\(s\) 17/),
      }),
    ])
    // the spring clock change: 28 March 2027 has 46 half hours
    const spring = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2027-03-28', ['_A'], 48),
    })
    expect(spring.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'csv.48.period',
      'csv.49.period',
    ])
  })

  it('refuses a day that has begun', async () => {
    const today = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2026-11-20', ['_A'], 48),
    })
    expect(today.statusCode).toBe(400)
    expect(today.json().error.details[0].message).toBe(
      'line 2, column date: 2026-11-20 has begun: a day-ahead file prices a day before it starts',
    )
  })

  it('loads a whole day per region, served at once as standard-unit-rates, and never replaces it', async () => {
    const dry = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2026-11-21', ['_A', '_C'], 48),
      dryRun: true,
    })
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toMatchObject({
      loaded: 0,
      days: [{ periods: 48, lowestIncVat: '10.5000', highestIncVat: '34.0000' }, {}],
    })
    const loaded = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2026-11-21', ['_A', '_C'], 48),
    })
    expect(loaded.statusCode, loaded.body).toBe(201)
    expect(loaded.json().loaded).toBe(96)
    const served = await app.inject({
      method: 'GET',
      url: '/v1/products/AGILE-26-11-01/electricity-tariffs/E-1R-AGILE-26-11-01-C/standard-unit-rates/?period_from=2026-11-21T00:00:00Z&period_to=2026-11-21T01:00:00Z',
    })
    expect(served.json().results).toEqual([
      expect.objectContaining({
        value_inc_vat: 11,
        valid_from: '2026-11-21T00:30:00Z',
        valid_to: '2026-11-21T01:00:00Z',
      }),
      expect.objectContaining({
        value_inc_vat: 10.5,
        valid_from: '2026-11-21T00:00:00Z',
        valid_to: '2026-11-21T00:30:00Z',
      }),
    ])
    const again = await send('pricing_analyst', 'POST', '/api/dynamic-prices', {
      csv: dayAhead('2026-11-21', ['_A'], 48),
    })
    expect(again.statusCode).toBe(400)
    expect(again.json().error.details[0].message).toMatch(
      /already has prices for 2026-11-21; day-ahead prices are never replaced/,
    )
    expect((await auditOf('tariffs.dynamic_prices.loaded')).length).toBe(1)
  })

  it('refuses every role but the pricing analyst', async () => {
    expect((await send('supervisor', 'POST', '/api/dynamic-prices', { csv: 'x' })).statusCode).toBe(403)
  })
})

describe('a variable product following the price cap', () => {
  const levels = [
    'region,fuel,payment_method,kind,value_exc_vat',
    '_A,electricity,DIRECT_DEBIT,standard_unit,24.5',
    '_A,electricity,DIRECT_DEBIT,standing_charge,51',
  ].join('\n')

  it('refuses a product that cannot follow a cap, and a file that names products', async () => {
    const fixedOrAgile = await send('pricing_analyst', 'POST', '/api/price-cap-levels', {
      effectiveDate: '2027-04-01',
      csv: levels,
      products: ['AGILE-26-11-01', 'NOPE-1'],
    })
    expect(fixedOrAgile.statusCode).toBe(400)
    expect(fixedOrAgile.json().error.details).toEqual([
      {
        path: 'products.0',
        message:
          'AGILE-26-11-01 cannot follow a price cap: only a variable single-rate or day/night import product can',
      },
      { path: 'products.1', message: 'there is no product NOPE-1' },
    ])
    const named = await send('pricing_analyst', 'POST', '/api/price-cap-levels', {
      effectiveDate: '2027-04-01',
      csv: `product,${levels.split('\n')[0]}\nVAR-26-11-01,${levels.split('\n')[1]}`,
      products: ['VAR-26-11-01'],
    })
    expect(named.json().error.details[0].path).toBe('csv.1.product')
  })

  it("turns the cap's levels into the next prices of each follower, as a change for a second analyst", async () => {
    const submitted = await send('pricing_analyst', 'POST', '/api/price-cap-levels', {
      effectiveDate: '2027-04-01',
      csv: levels,
      products: ['var-26-11-01'],
    })
    expect(submitted.statusCode, submitted.body).toBe(201)
    const { priceChange } = submitted.json()
    expect(priceChange).toMatchObject({
      status: 'pending_approval',
      note: 'Price cap levels from 2027-04-01 for VAR-26-11-01',
      prices: [
        expect.objectContaining({
          tariffCode: 'E-1R-VAR-26-11-01-A',
          kind: 'standard_unit',
          oldIncVat: '26.2500',
          valueIncVat: '25.7250',
        }),
        expect.objectContaining({ tariffCode: 'E-1R-VAR-26-11-01-A', kind: 'standing_charge', valueExcVat: '51.0000' }),
      ],
    })
    const approved = await asSecondAnalyst('POST', `/api/price-changes/${priceChange.id}/approve`, {})
    expect(approved.statusCode, approved.body).toBe(200)
    const rates = await app.inject({
      method: 'GET',
      url: '/v1/products/VAR-26-11-01/electricity-tariffs/E-1R-VAR-26-11-01-A/standing-charges/',
    })
    expect(rates.json().results[0]).toMatchObject({ value_exc_vat: 51, valid_from: '2027-03-31T23:00:00Z' })
  })
})

describe('notice of a price rise', () => {
  // _D's unit rate rises from 24.50p to 25.00p inc VAT from 10 December 2026: 20 days after today
  // (20 November), where 30 days' notice (gb) allows 20 December 2026 at the earliest.
  const rise = {
    effectiveDate: '2026-12-10',
    csv: [header, 'VAR-26-11-01,_D,electricity,DIRECT_DEBIT,standard_unit,,25.00'].join('\n'),
  }
  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from price_changes`.execute(database.db)).rows[0]?.n

  it('answers the notice rule: 30 days, the earliest date a rise decided today may take', async () => {
    const rule = await send('pricing_analyst', 'GET', '/api/price-changes/notice-rule')
    expect(rule.statusCode, rule.body).toBe(200)
    expect(rule.json()).toEqual({ noticeDays: 30, decidedOn: '2026-11-20', earliestDate: '2026-12-20' })
    expect((await send('agent', 'GET', '/api/price-changes/notice-rule')).statusCode).toBe(403)
  })

  it('shows in a dry run that the date is too early for a rise', async () => {
    const dry = await send('pricing_analyst', 'POST', '/api/price-changes', { ...rise, dryRun: true })
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json().notice).toEqual({
      risingTariffs: ['E-1R-VAR-26-11-01-D'],
      noticeDays: 30,
      decidedOn: '2026-11-20',
      earliestDate: '2026-12-20',
      tooShort: true,
    })
  })

  it('refuses to submit it with a 409 naming effectiveFrom and the earliest date, saving nothing', async () => {
    const before = await count()
    const refused = await send('pricing_analyst', 'POST', '/api/price-changes', { ...rise, submit: true })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({
      code: 'PRICE_CHANGE_NOTICE_TOO_SHORT',
      details: [{ path: 'effectiveFrom', earliestDate: '2026-12-20' }],
    })
    const noReason = await send('pricing_analyst', 'POST', '/api/price-changes', {
      ...rise,
      submit: true,
      overrideNotice: { reason: ' ' },
    })
    expect(noReason.statusCode).toBe(400)
    expect(await count()).toBe(before)
  })

  it('takes it with an override and a reason at submission and again at approval, audited, answering the notices', async () => {
    const submitted = await send('pricing_analyst', 'POST', '/api/price-changes', {
      ...rise,
      submit: true,
      overrideNotice: { reason: 'Correction of a typing error in PC-000003' },
    })
    expect(submitted.statusCode, submitted.body).toBe(201)
    const { id } = submitted.json().priceChange
    const plain = await asSecondAnalyst('POST', `/api/price-changes/${id}/approve`, {})
    expect(plain.statusCode).toBe(409)
    expect(plain.json().error.code).toBe('PRICE_CHANGE_NOTICE_TOO_SHORT')
    const approved = await asSecondAnalyst('POST', `/api/price-changes/${id}/approve`, {
      overrideNotice: { reason: 'Agreed: the correction is owed to customers' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    // nobody in this database has an agreement on the tariff: nothing to send
    expect(approved.json().notices).toEqual({
      risingTariffs: ['E-1R-VAR-26-11-01-D'],
      queued: 0,
      emailed: 0,
      posted: 0,
      failed: [],
    })
    const published = (await auditOf('tariffs.price_change.published')).at(-1)
    expect(published?.after.notice).toMatchObject({
      overridden: true,
      reason: 'Agreed: the correction is owed to customers',
      earliestDate: '2026-12-20',
    })
  })
})
