import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as tariffs from './index.js'

let database: Database
const actor = { kind: 'staff', id: 'usr_pricing' } as const
const at = new Date('2025-09-01T09:00:00Z')
const since = startOfLocalDay('2025-01-01')
let accountId: string
let otherAccountId: string
let importPoint: string
let gasPoint: string
let exportPoint: string

const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)

/** Run work that must fail, and give back what it threw (the transaction rolls back). */
async function failure(work: (tx: Tx) => Promise<unknown>): Promise<unknown> {
  try {
    await run(work)
  } catch (error) {
    return error
  }
  throw new Error('expected the work to fail')
}

type AgreementChange = { meterPointId: string; tariffCode: string; from: Date; accountId?: string }

/** The work of starting an agreement on the test account (unless another is given). */
const starting =
  ({ accountId: onAccount = accountId, ...change }: AgreementChange) =>
  (tx: Tx) =>
    tariffs.startAgreement({ tx, accountId: onAccount, ...change, actor, at })

/** The work of changing the tariff of a meter point on the test account (unless another is given). */
const changing =
  ({ accountId: onAccount = accountId, ...change }: AgreementChange) =>
  (tx: Tx) =>
    tariffs.changeTariff({ tx, accountId: onAccount, ...change, actor, at })

/** The work of setting these rates, by the test actor. */
const settingRates = (rates: readonly tariffs.NewRate[]) => (tx: Tx) => tariffs.setRates({ tx, actor, at, rates })

function product(overrides: Partial<tariffs.NewProduct> = {}): tariffs.NewProduct {
  return {
    code: 'VAR-25-01-01',
    direction: 'IMPORT',
    fullName: 'Flexible Egg January 2025',
    displayName: 'Flexible Egg',
    isVariable: true,
    term: null,
    availableFrom: since,
    brand: 'GOOD_EGG_ENERGY',
    structure: 'single',
    tariffs: [
      { fuel: 'electricity', registerKind: '1R', region: '_A' },
      { fuel: 'electricity', registerKind: '2R', region: '_A' },
      { fuel: 'gas', registerKind: '1R', region: '_A' },
      { fuel: 'electricity', registerKind: '1R', region: '_C' },
    ],
    ...overrides,
  }
}

const intelligentBands = [
  { rateKind: 'off_peak_unit', startTime: '23:30', endTime: '05:30', timeZone: 'Europe/London', validFrom: since },
  { rateKind: 'peak_unit', startTime: '05:30', endTime: '23:30', timeZone: 'Europe/London', validFrom: since },
] as const

function rate(
  tariffCode: string,
  kind: tariffs.RateKind,
  exc: string,
  inc: string,
  from: Date,
  to: Date | null = null,
  paymentMethod: tariffs.PaymentMethod | null = 'DIRECT_DEBIT',
): tariffs.NewRate {
  return { tariffCode, kind, paymentMethod, valueExcVat: exc, valueIncVat: inc, validFrom: from, validTo: to }
}

async function auditActions(): Promise<string[]> {
  const result = await sql<{ action: string }>`select action from audit_events order by seq`.execute(database.db)
  return result.rows.map((row) => row.action)
}

beforeAll(async () => {
  database = await openTestDatabase()
  const opened = await run((tx) =>
    accounts.createAccounts({
      tx,
      actor,
      at,
      accounts: ['A-00000A01', 'A-00000A02'].map((number) =>
        accounts.testAccount({
          number,
          customer: { kind: 'person', givenName: 'Eleanor', familyName: 'Ashworth' },
          property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
          openedOn: '2024-01-01',
        }),
      ),
    }),
  )
  accountId = opened[0]!.id
  otherAccountId = opened[1]!.id
  const supply = await run((tx) => accounts.findAccountSupply({ tx, accountNumber: 'A-00000A01' }))
  const propertyId = supply?.property.id ?? ''
  // meter points belong to metering (same level): written directly for these tests
  const points = [
    ['mp_import', 'electricity', '1000000000016', 'import', '_A', null],
    ['mp_gas', 'gas', '7654321', 'import', '_A', null],
    ['mp_export', 'electricity', '1000000000027', 'export', '_A', 'mp_import'],
  ] as const
  for (const [id, fuel, identifier, direction, region, importId] of points) {
    await sql`insert into meter_points (id, fuel, identifier, direction, gsp_region, property_id, import_point_id, created_at)
      values (${id}, ${fuel}, ${identifier}, ${direction}, ${region}, ${propertyId}, ${importId}, ${at})`.execute(
      database.db,
    )
  }
  importPoint = 'mp_import'
  gasPoint = 'mp_gas'
  exportPoint = 'mp_export'

  await run(async (tx) => {
    await tariffs.createProduct({ tx, product: product(), actor, at })
    await tariffs.createProduct({
      tx,
      actor,
      at,
      product: product({
        code: 'FIX-12M-25-01-01',
        fullName: 'Fixed Egg 12M January 2025',
        displayName: 'Fixed Egg 12M',
        isVariable: false,
        term: 12,
        exitFeeMinor: 2500n,
      }),
    })
    await tariffs.createProduct({
      tx,
      actor,
      at,
      product: product({
        code: 'INTELLI-VAR-22-10-14',
        fullName: 'Intelligent Egg Go',
        displayName: 'Intelligent Egg Go',
        structure: 'intelligent',
        isGreen: true,
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_A', bands: [...intelligentBands] }],
      }),
    })
    await tariffs.createProduct({
      tx,
      actor,
      at,
      product: product({
        code: 'AGILE-24-10-01',
        fullName: 'Agile Egg October 2024',
        displayName: 'Agile Egg',
        structure: 'dynamic',
        term: 12,
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_A' }],
      }),
    })
    await tariffs.createProduct({
      tx,
      actor,
      at,
      product: product({
        code: 'OUTGOING-FIX-12M-19-05-13',
        direction: 'EXPORT',
        fullName: 'Outgoing Egg Fixed',
        displayName: 'Outgoing Egg',
        structure: 'export',
        isVariable: false,
        term: 12,
        availableTo: startOfLocalDay('2025-06-01'),
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_A' }],
      }),
    })
    await tariffs.setRates({
      tx,
      actor,
      at,
      rates: [
        rate('E-1R-VAR-25-01-01-A', 'standard_unit', '23.5000', '24.6750', since),
        rate('E-1R-VAR-25-01-01-A', 'standard_unit', '24.4500', '25.6725', since, null, 'NON_DIRECT_DEBIT'),
        rate('E-1R-VAR-25-01-01-A', 'standing_charge', '48.3900', '50.8095', since),
        rate('E-1R-VAR-25-01-01-A', 'standing_charge', '50.3300', '52.8465', since, null, 'NON_DIRECT_DEBIT'),
        rate('E-2R-VAR-25-01-01-A', 'day_unit', '26.0000', '27.3000', since),
        rate('E-2R-VAR-25-01-01-A', 'night_unit', '13.0000', '13.6500', since),
        rate('E-2R-VAR-25-01-01-A', 'standing_charge', '48.3900', '50.8095', since),
        rate('G-1R-VAR-25-01-01-A', 'standard_unit', '5.9000', '6.1950', since),
        rate('G-1R-VAR-25-01-01-A', 'standing_charge', '29.1100', '30.5655', since),
        rate('E-1R-FIX-12M-25-01-01-A', 'standard_unit', '22.0000', '23.1000', since),
        rate('E-1R-FIX-12M-25-01-01-A', 'standing_charge', '47.0000', '49.3500', since),
        rate('G-1R-FIX-12M-25-01-01-A', 'standard_unit', '5.5000', '5.7750', since),
        // Intelligent: 7p off-peak inc VAT, so the exc VAT price is the rounded one
        rate('E-1R-INTELLI-VAR-22-10-14-A', 'off_peak_unit', '6.6667', '7.0000', since),
        rate('E-1R-INTELLI-VAR-22-10-14-A', 'peak_unit', '26.0000', '27.3000', since),
        rate('E-1R-INTELLI-VAR-22-10-14-A', 'standing_charge', '46.0000', '48.3000', since),
        rate('E-1R-OUTGOING-FIX-12M-19-05-13-A', 'standard_unit', '15.0000', '15.0000', since, null, null),
      ],
    })
  })
})

afterAll(async () => {
  await database.close()
})

describe('products and tariffs (TAR-1)', () => {
  it('names each tariff by the Octopus convention and shows its prices at an instant', async () => {
    const detail = await tariffs.getProduct({ tx: database.db, code: 'VAR-25-01-01', tariffsActiveAt: at })
    expect(detail.product).toMatchObject({
      code: 'VAR-25-01-01',
      brand: 'GOOD_EGG_ENERGY',
      vatPercent: '5.00',
      exitFeesType: 'NONE',
      exitFeeMinor: 0n,
    })
    expect(detail.tariffs.map((tariff) => tariff.code)).toEqual([
      'E-1R-VAR-25-01-01-A',
      'E-1R-VAR-25-01-01-C',
      'E-2R-VAR-25-01-01-A',
      'G-1R-VAR-25-01-01-A',
    ])
    const single = detail.tariffs[0]!
    expect(single.variants).toEqual([
      {
        paymentMethod: 'DIRECT_DEBIT',
        standingCharge: { excVat: '48.3900', incVat: '50.8095' },
        standardUnitRate: { excVat: '23.5000', incVat: '24.6750' },
        dayUnitRate: null,
        nightUnitRate: null,
      },
      {
        paymentMethod: 'NON_DIRECT_DEBIT',
        standingCharge: { excVat: '50.3300', incVat: '52.8465' },
        standardUnitRate: { excVat: '24.4500', incVat: '25.6725' },
        dayUnitRate: null,
        nightUnitRate: null,
      },
    ])
    expect(detail.tariffs[1]!.variants).toEqual([]) // no prices in region C yet
    expect(detail.tariffs[2]!.variants[0]).toMatchObject({
      dayUnitRate: { incVat: '27.3000' },
      nightUnitRate: { incVat: '13.6500' },
      standardUnitRate: null,
    })
  })

  it('shows the unit rate of the band in force for a time-of-use tariff', async () => {
    const night = await tariffs.getProduct({
      tx: database.db,
      code: 'INTELLI-VAR-22-10-14',
      tariffsActiveAt: new Date('2025-09-01T23:00:00Z'), // 00:00 BST
    })
    expect(night.tariffs[0]!.variants[0]!.standardUnitRate).toEqual({ excVat: '6.6667', incVat: '7.0000' })
    const day = await tariffs.getProduct({ tx: database.db, code: 'INTELLI-VAR-22-10-14', tariffsActiveAt: at })
    expect(day.tariffs[0]!.variants[0]!.standardUnitRate).toEqual({ excVat: '26.0000', incVat: '27.3000' })
  })

  it('refuses a product code twice and names each problem of an invalid product', async () => {
    expect(await failure((tx) => tariffs.createProduct({ tx, product: product(), actor, at }))).toBeInstanceOf(
      tariffs.ProductCodeTaken,
    )
    const error = await failure((tx) =>
      tariffs.createProduct({
        tx,
        actor,
        at,
        product: product({
          code: 'go-bad',
          isVariable: false,
          structure: 'time_of_use',
          exitFeeMinor: 2500n,
          tariffs: [
            { fuel: 'gas', registerKind: '1R', region: '_A' },
            { fuel: 'electricity', registerKind: '1R', region: '_I' as never },
          ],
        }),
      }),
    )
    expect(error).toBeInstanceOf(tariffs.InvalidProduct)
    expect((error as tariffs.InvalidProduct).details).toEqual(
      expect.arrayContaining([
        { path: 'code', message: expect.any(String) },
        { path: 'term', message: 'a fixed product needs a term' },
        { path: 'tariffs.0.fuel', message: 'a time_of_use product is electricity only' },
        { path: 'tariffs.1.region', message: 'unknown GSP group' },
        { path: 'tariffs.1.bands', message: 'a time_of_use tariff needs its bands' },
      ]),
    )
  })

  it('lists the products available at an instant, with filters and pages', async () => {
    const all = await tariffs.listProducts({ tx: database.db, at })
    expect(all.products.map((p) => p.code)).toEqual([
      'AGILE-24-10-01',
      'FIX-12M-25-01-01',
      'INTELLI-VAR-22-10-14',
      'VAR-25-01-01',
    ])
    const earlier = await tariffs.listProducts({ tx: database.db, at: startOfLocalDay('2025-03-01') })
    expect(earlier.products.map((p) => p.code)).toContain('OUTGOING-FIX-12M-19-05-13')
    const fixed = await tariffs.listProducts({ tx: database.db, at, filters: { isVariable: false } })
    expect(fixed.products.map((p) => p.code)).toEqual(['FIX-12M-25-01-01'])
    const green = await tariffs.listProducts({
      tx: database.db,
      at,
      filters: { isGreen: true, brand: 'GOOD_EGG_ENERGY' },
    })
    expect(green.products.map((p) => p.code)).toEqual(['INTELLI-VAR-22-10-14'])
    const second = await tariffs.listProducts({ tx: database.db, at, page: 2, pageSize: 3 })
    expect(second).toMatchObject({ count: 4, products: [{ code: 'VAR-25-01-01' }] })
  })
})

describe('setting rates (TAR-1, TAR-2)', () => {
  it('refuses an inc-VAT price that is not the exc-VAT price plus VAT, naming the rate', async () => {
    const error = await failure(
      settingRates([rate('E-1R-VAR-25-01-01-C', 'standard_unit', '23.5000', '24.6800', since)]),
    )
    expect(error).toBeInstanceOf(tariffs.InvalidRates)
    expect((error as tariffs.InvalidRates).details).toEqual([
      { path: '0.valueIncVat', message: 'must be valueExcVat plus 5% VAT (to 0.0001p)' },
    ])
  })

  it('refuses kinds the tariff is not priced in, unknown tariffs, prices off the half hour and long dynamic prices', async () => {
    const error = await failure(
      settingRates([
        rate('G-1R-VAR-25-01-01-A', 'day_unit', '1.0000', '1.0500', since),
        rate('E-1R-VAR-25-01-01-C', 'standard_unit', '1.0000', '1.0500', new Date('2025-02-01T00:10:00Z')),
        rate('E-1R-AGILE-24-10-01-A', 'dynamic_unit', '1.0000', '1.0500', since, startOfLocalDay('2025-01-02'), null),
        rate('E-1R-OUTGOING-FIX-12M-19-05-13-A', 'standard_unit', '1.0000', '1.0000', since, null),
      ]),
    )
    expect((error as tariffs.InvalidRates).details).toEqual([
      { path: '0.kind', message: 'G-1R-VAR-25-01-01-A is priced in standing_charge, standard_unit' },
      { path: '1.validFrom', message: 'must be on a half-hour boundary' },
      { path: '2.validTo', message: 'a dynamic price lasts one half hour' },
      { path: '3.paymentMethod', message: 'an export price is the same for every payment method (null)' },
    ])
    expect(await failure(settingRates([rate('E-1R-NOPE-A', 'standard_unit', '1', '1.05', since)]))).toBeInstanceOf(
      tariffs.TariffNotFound,
    )
  })

  it('refuses overlapping prices of one tariff, kind and payment method, in the batch or stored', async () => {
    const code = 'E-1R-VAR-25-01-01-C'
    const inBatch = await failure(
      settingRates([
        rate(code, 'standard_unit', '20.0000', '21.0000', since, startOfLocalDay('2025-04-01')),
        rate(code, 'standard_unit', '21.0000', '22.0500', startOfLocalDay('2025-03-01')),
      ]),
    )
    expect(inBatch).toBeInstanceOf(tariffs.RatesOverlap)
    expect((inBatch as tariffs.RatesOverlap).details).toEqual([
      {
        path: '1.validFrom',
        message: 'E-1R-VAR-25-01-01-C standard_unit DIRECT_DEBIT overlaps rate 0 of this batch',
      },
    ])
    const stored = await failure(
      settingRates([rate('E-1R-VAR-25-01-01-A', 'standard_unit', '20.0000', '21.0000', startOfLocalDay('2025-10-01'))]),
    )
    expect((stored as tariffs.RatesOverlap).details).toEqual([
      {
        path: '0.validFrom',
        message: `E-1R-VAR-25-01-01-A standard_unit DIRECT_DEBIT overlaps the stored standard_unit rate from ${since.toISOString()}`,
      },
    ])
    // a price for every payment method overlaps the direct-debit price too
    const anyMethod = await failure(
      settingRates([rate('E-1R-VAR-25-01-01-A', 'standard_unit', '20.0000', '21.0000', since, null, null)]),
    )
    expect(anyMethod).toBeInstanceOf(tariffs.RatesOverlap)
  })

  it('ends the open-ended price where a price change starts, when asked to', async () => {
    const from = startOfLocalDay('2025-10-01')
    const result = await run((tx) =>
      tariffs.setRates({
        tx,
        actor,
        at,
        endOpenRates: true,
        rates: [rate('E-1R-VAR-25-01-01-A', 'standard_unit', '24.0000', '25.2000', from)],
      }),
    )
    expect(result).toEqual({ inserted: 1, ended: 1 })
    const rates = await tariffs.ratesFor({
      tx: database.db,
      tariffCode: 'E-1R-VAR-25-01-01-A',
      range: { from: since, to: null },
    })
    const directDebitUnits = rates.filter((r) => r.kind === 'standard_unit' && r.paymentMethod === 'DIRECT_DEBIT')
    expect(directDebitUnits.map((r) => [r.validFrom, r.validTo, r.valueIncVat])).toEqual([
      [since, from, '24.6750'],
      [from, null, '25.2000'],
    ])
    expect((await auditActions()).filter((action) => action === 'tariffs.rates.set').length).toBeGreaterThanOrEqual(2)
  })

  it('has the database refuse overlapping prices even without the module, a null payment method included', async () => {
    const tariffId = (await tariffs.getTariff({ tx: database.db, tariffCode: 'E-1R-OUTGOING-FIX-12M-19-05-13-A' }))
      .tariff.id
    const insert = (from: string, to: string | null) =>
      sql`insert into tariff_rates (tariff_id, kind, payment_method, value_exc_vat, value_inc_vat, valid_from, valid_to)
        values (${tariffId}, 'standard_unit', null, 1, 1, ${new Date(from)}, ${to ? new Date(to) : null})`.execute(
        database.db,
      )
    await expect(insert('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z')).rejects.toThrow()
    const agileId = (await tariffs.getTariff({ tx: database.db, tariffCode: 'E-1R-AGILE-24-10-01-A' })).tariff.id
    const half = (from: string, to: string) =>
      sql`insert into tariff_rates (tariff_id, kind, payment_method, value_exc_vat, value_inc_vat, valid_from, valid_to)
        values (${agileId}, 'dynamic_unit', null, 1, 1.05, ${new Date(from)}, ${new Date(to)})`.execute(database.db)
    await half('2025-02-01T00:00:00Z', '2025-02-01T00:30:00Z')
    await expect(half('2025-02-01T00:00:00Z', '2025-02-01T00:30:00Z')).rejects.toThrow()
    await expect(half('2025-02-01T00:15:00Z', '2025-02-01T00:45:00Z')).rejects.toThrow()
    await expect(half('2025-02-01T00:30:00Z', '2025-02-01T01:30:00Z')).rejects.toThrow()
  })
})

describe('rate lists as the Octopus endpoints serve them', () => {
  it('pages a dynamic tariff’s half-hourly prices newest first within the period', async () => {
    const code = 'E-1R-AGILE-24-10-01-A'
    const from = startOfLocalDay('2025-10-25')
    const halfHours = Array.from({ length: 5 * 48 }, (_, i) => new Date(from.getTime() + i * 30 * 60 * 1000))
    await run((tx) =>
      tariffs.setRates({
        tx,
        actor,
        at,
        rates: halfHours.map((start, i) =>
          rate(
            code,
            'dynamic_unit',
            `${i % 40}.0000`,
            `${((i % 40) * 1.05).toFixed(4)}`,
            start,
            new Date(start.getTime() + 1_800_000),
            null,
          ),
        ),
      }),
    )
    const page = await tariffs.listRates({
      tx: database.db,
      tariffCode: code,
      kind: 'standard_unit',
      periodFrom: startOfLocalDay('2025-10-26'),
      periodTo: startOfLocalDay('2025-10-27'),
      pageSize: 20,
      page: 3,
      at,
    })
    expect(page.count).toBe(50) // the day the clocks go back
    expect(page.rates).toHaveLength(10)
    expect(page.rates[0]!.validFrom.toISOString()).toBe('2025-10-26T03:30:00.000Z')
    expect(page.rates.at(-1)!.validFrom).toEqual(startOfLocalDay('2025-10-26'))
    expect(page.rates[0]).toMatchObject({ paymentMethod: null, kind: 'dynamic_unit' })
  })

  it('serves a time-of-use tariff as windows of its band prices', async () => {
    const page = await tariffs.listRates({
      tx: database.db,
      tariffCode: 'E-1R-INTELLI-VAR-22-10-14-A',
      kind: 'standard_unit',
      periodFrom: new Date('2025-10-26T00:00:00Z'),
      periodTo: new Date('2025-10-27T00:00:00Z'),
      at,
    })
    expect(page.rates.map((r) => [r.validFrom.toISOString(), r.validTo?.toISOString(), r.valueIncVat])).toEqual([
      ['2025-10-26T23:30:00.000Z', '2025-10-27T05:30:00.000Z', '7.0000'],
      ['2025-10-26T05:30:00.000Z', '2025-10-26T23:30:00.000Z', '27.3000'],
      ['2025-10-25T22:30:00.000Z', '2025-10-26T05:30:00.000Z', '7.0000'],
    ])
  })

  it('runs band windows to the end of the next local day when no period end is given', async () => {
    const page = await tariffs.listRates({
      tx: database.db,
      tariffCode: 'E-1R-INTELLI-VAR-22-10-14-A',
      kind: 'standard_unit',
      periodFrom: startOfLocalDay('2025-09-01'),
      at,
    })
    expect(page.rates.map((r) => [r.validFrom.toISOString(), r.validTo?.toISOString()])).toEqual([
      ['2025-09-02T22:30:00.000Z', '2025-09-03T04:30:00.000Z'],
      ['2025-09-02T04:30:00.000Z', '2025-09-02T22:30:00.000Z'],
      ['2025-09-01T22:30:00.000Z', '2025-09-02T04:30:00.000Z'],
      ['2025-09-01T04:30:00.000Z', '2025-09-01T22:30:00.000Z'],
      ['2025-08-31T22:30:00.000Z', '2025-09-01T04:30:00.000Z'],
    ])
  })

  it('lists standing charges, and refuses a tariff of another product or fuel', async () => {
    const charges = await tariffs.listRates({
      tx: database.db,
      tariffCode: 'E-1R-VAR-25-01-01-A',
      kind: 'standing_charge',
      at,
    })
    expect(charges.rates.map((r) => r.paymentMethod)).toEqual(['DIRECT_DEBIT', 'NON_DIRECT_DEBIT'])
    await expect(
      tariffs.listRates({
        tx: database.db,
        tariffCode: 'E-1R-VAR-25-01-01-A',
        productCode: 'AGILE-24-10-01',
        kind: 'standing_charge',
        at,
      }),
    ).rejects.toBeInstanceOf(tariffs.TariffNotFound)
    await expect(
      tariffs.listRates({
        tx: database.db,
        tariffCode: 'E-1R-VAR-25-01-01-A',
        fuel: 'gas',
        kind: 'standing_charge',
        at,
      }),
    ).rejects.toBeInstanceOf(tariffs.TariffNotFound)
  })

  it('gives the billing engine a tariff’s bands', async () => {
    const bands = await tariffs.bandsFor({
      tx: database.db,
      tariffCode: 'E-1R-INTELLI-VAR-22-10-14-A',
      range: { from: at, to: null },
    })
    expect(bands.map((band) => [band.rateKind, band.startTime, band.endTime])).toEqual([
      ['peak_unit', '05:30', '23:30'],
      ['off_peak_unit', '23:30', '05:30'],
    ])
  })
})

describe('agreements (TAR-3)', () => {
  it('starts a fixed agreement that ends with its term, and refuses an overlapping one', async () => {
    const from = startOfLocalDay('2025-02-01')
    const agreement = await run(starting({ meterPointId: gasPoint, tariffCode: 'G-1R-FIX-12M-25-01-01-A', from }))
    expect(agreement).toMatchObject({
      tariffCode: 'G-1R-FIX-12M-25-01-01-A',
      productCode: 'FIX-12M-25-01-01',
      productName: 'Fixed Egg 12M January 2025',
      validFrom: from,
      validTo: startOfLocalDay('2026-02-01'),
      termEndsAt: startOfLocalDay('2026-02-01'),
      exitFeeMinorApplied: null,
    })
    const overlap = await failure(
      starting({ meterPointId: gasPoint, tariffCode: 'G-1R-VAR-25-01-01-A', from: startOfLocalDay('2025-06-01') }),
    )
    expect(overlap).toBeInstanceOf(tariffs.AgreementOverlap)
  })

  it('has the database refuse overlapping agreements of one meter point', async () => {
    const tariffId = (await tariffs.getTariff({ tx: database.db, tariffCode: 'G-1R-VAR-25-01-01-A' })).tariff.id
    await expect(
      sql`insert into agreements (id, account_id, meter_point_id, tariff_id, valid_from, valid_to, created_at)
        values ('agr_raw', ${accountId}, ${gasPoint}, ${tariffId}, ${startOfLocalDay('2025-12-01')}, null, ${at})`.execute(
        database.db,
      ),
    ).rejects.toThrow()
  })

  it('refuses an unknown account or meter point by name', async () => {
    const start = (account: string, meterPointId: string) =>
      failure(
        starting({
          accountId: account,
          meterPointId,
          tariffCode: 'E-1R-VAR-25-01-01-A',
          from: startOfLocalDay('2030-01-01'),
        }),
      )
    expect(await start('acc_missing', importPoint)).toBeInstanceOf(accounts.AccountNotFound)
    expect(await start(accountId, 'mp_missing')).toBeInstanceOf(tariffs.UnknownMeterPoint)
  })

  it('refuses a tariff of another fuel, direction or region than the meter point', async () => {
    const error = await failure(starting({ meterPointId: exportPoint, tariffCode: 'G-1R-VAR-25-01-01-A', from: since }))
    expect((error as tariffs.InvalidAgreement).details).toEqual([
      { path: 'tariffCode', message: 'the tariff is for gas, the meter point for electricity' },
      { path: 'tariffCode', message: 'the tariff is import, the meter point export' },
    ])
    const region = await failure(
      starting({ meterPointId: importPoint, tariffCode: 'E-1R-VAR-25-01-01-C', from: since }),
    )
    expect((region as tariffs.InvalidAgreement).details).toEqual([
      { path: 'tariffCode', message: 'the meter point is in _A, not _C' },
    ])
  })

  it('splits a mid-period tariff change with no gap or overlap, charging the exit fee for leaving a fixed term early', async () => {
    const change = startOfLocalDay('2025-06-15')
    const { ended, started } = await run(
      changing({ meterPointId: gasPoint, tariffCode: 'G-1R-VAR-25-01-01-A', from: change }),
    )
    expect(ended).toMatchObject({
      validTo: change,
      termEndsAt: startOfLocalDay('2026-02-01'),
      exitFeeMinorApplied: 2500n,
    })
    expect(started).toMatchObject({ tariffCode: 'G-1R-VAR-25-01-01-A', validFrom: change, validTo: null })
    const history = await tariffs.agreementsOf({ tx: database.db, meterPointIds: [gasPoint] })
    expect(history.map((a) => [a.tariffCode, a.validFrom, a.validTo])).toEqual([
      ['G-1R-FIX-12M-25-01-01-A', startOfLocalDay('2025-02-01'), change],
      ['G-1R-VAR-25-01-01-A', change, null],
    ])
    expect((await auditActions()).slice(-2)).toEqual(['tariffs.agreement.ended', 'tariffs.agreement.started'])
  })

  it('charges no exit fee in the last 49 days of a fixed term, nor for a variable product', async () => {
    const start = startOfLocalDay('2024-11-01')
    await run(starting({ meterPointId: importPoint, tariffCode: 'E-1R-FIX-12M-25-01-01-A', from: start }))
    // the term ends 2025-11-01: 2025-09-13 is 49 days before
    const late = await run(
      changing({
        meterPointId: importPoint,
        tariffCode: 'E-1R-INTELLI-VAR-22-10-14-A',
        from: startOfLocalDay('2025-09-13'),
      }),
    )
    expect(late.ended.exitFeeMinorApplied).toBe(0n)
    const variable = await run(
      changing({ meterPointId: importPoint, tariffCode: 'E-1R-VAR-25-01-01-A', from: startOfLocalDay('2025-10-01') }),
    )
    expect(variable.ended.exitFeeMinorApplied).toBe(0n)
    const fee = (endAt: string) =>
      tariffs.exitFeeDue({
        tariff: { exit_fees_type: 'PER_FUEL', exit_fee_minor: 2500n, is_business: false },
        termEndsAt: startOfLocalDay('2025-11-01'),
        endAt: startOfLocalDay(endAt),
      })
    expect(fee('2025-09-12')).toBe(2500n)
    expect(fee('2025-09-13')).toBe(0n)
  })

  it('refuses a change with no agreement in force, to the same tariff, or of another account', async () => {
    expect(
      await failure(
        changing({ meterPointId: exportPoint, tariffCode: 'E-1R-OUTGOING-FIX-12M-19-05-13-A', from: since }),
      ),
    ).toBeInstanceOf(tariffs.AgreementNotFound)
    expect(
      await failure(
        changing({ meterPointId: importPoint, tariffCode: 'E-1R-VAR-25-01-01-A', from: startOfLocalDay('2025-12-01') }),
      ),
    ).toBeInstanceOf(tariffs.AlreadyOnTariff)
    expect(
      await failure(
        changing({
          accountId: otherAccountId,
          meterPointId: importPoint,
          tariffCode: 'E-1R-AGILE-24-10-01-A',
          from: startOfLocalDay('2025-12-01'),
        }),
      ),
    ).toBeInstanceOf(tariffs.AgreementNotFound)
  })

  it('adds calendar months in local time, keeping the last day of short months', () => {
    expect(tariffs.addLocalMonths(startOfLocalDay('2025-01-31'), 1)).toEqual(startOfLocalDay('2025-02-28'))
    expect(tariffs.addLocalMonths(startOfLocalDay('2025-03-15'), 12)).toEqual(startOfLocalDay('2026-03-15'))
    expect(tariffs.addLocalMonths(startOfLocalDay('2025-10-01'), 1)).toEqual(startOfLocalDay('2025-11-01'))
  })
})

describe('dispatches (TAR-4)', () => {
  const dispatches: tariffs.NewDispatch[] = [
    {
      deviceId: 'ev-1',
      startAt: new Date('2025-09-01T19:00:00Z'),
      endAt: new Date('2025-09-01T19:30:00Z'),
      source: 'smart-charge',
      energyKwh: '3.500',
    },
    {
      deviceId: 'ev-1',
      startAt: new Date('2025-09-02T12:10:00Z'),
      endAt: new Date('2025-09-02T12:40:00Z'),
      source: 'bump-charge',
    },
  ]

  it('records dispatches once: sending them again changes nothing, a changed one is updated', async () => {
    const first = await run((tx) =>
      tariffs.recordDispatches({ tx, accountId, meterPointId: importPoint, dispatches, actor, at }),
    )
    expect(first).toEqual({ inserted: 2, updated: 0, unchanged: 0 })
    const events = (await auditActions()).length
    const again = await run((tx) =>
      tariffs.recordDispatches({ tx, accountId, meterPointId: importPoint, dispatches, actor, at }),
    )
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 2 })
    expect((await auditActions()).length).toBe(events)
    const completed = [
      { ...dispatches[0]!, endAt: new Date('2025-09-01T20:00:00Z'), energyKwh: '6.900' },
      dispatches[1]!,
    ]
    const changed = await run((tx) =>
      tariffs.recordDispatches({ tx, accountId, meterPointId: importPoint, dispatches: completed, actor, at }),
    )
    expect(changed).toEqual({ inserted: 0, updated: 1, unchanged: 1 })
    const stored = await tariffs.dispatchesFor({
      tx: database.db,
      accountId,
      range: { from: new Date('2025-09-01T00:00:00Z'), to: new Date('2025-09-03T00:00:00Z') },
    })
    expect(stored.map((d) => [d.startAt.toISOString(), d.endAt.toISOString(), d.source, d.energyKwh])).toEqual([
      ['2025-09-01T19:00:00.000Z', '2025-09-01T20:00:00.000Z', 'smart-charge', '6.900'],
      ['2025-09-02T12:10:00.000Z', '2025-09-02T12:40:00.000Z', 'bump-charge', null],
    ])
  })

  it('bills by them: the smart charge off-peak, the bump charge at peak', async () => {
    const range = { from: new Date('2025-09-01T00:00:00Z'), to: new Date('2025-09-03T00:00:00Z') }
    const bands = await tariffs.bandsFor({ tx: database.db, tariffCode: 'E-1R-INTELLI-VAR-22-10-14-A', range })
    const stored = await tariffs.dispatchesFor({ tx: database.db, accountId, range })
    const kind = (instant: string) => tariffs.rateKindAt({ bands, instant: new Date(instant), dispatches: stored })
    expect(kind('2025-09-01T19:30:00Z')).toBe('off_peak_unit')
    expect(kind('2025-09-02T12:00:00Z')).toBe('peak_unit')
  })

  it('refuses a dispatch that ends before it starts, or one listed twice', async () => {
    const error = await failure((tx) =>
      tariffs.recordDispatches({
        tx,
        accountId,
        meterPointId: importPoint,
        actor,
        at,
        dispatches: [
          { ...dispatches[0]!, endAt: dispatches[0]!.startAt },
          { ...dispatches[0]!, energyKwh: '-1' },
        ],
      }),
    )
    expect((error as tariffs.InvalidDispatches).details).toEqual([
      { path: '0.endAt', message: 'must be after startAt' },
      { path: '1.energyKwh', message: 'kWh, 0 or more, at most 3 decimals' },
      { path: '1.startAt', message: 'the device has another dispatch starting then in this batch' },
    ])
  })
})
