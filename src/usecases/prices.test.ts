import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as access from '../modules/access/index.js'
import * as market from '../modules/market/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { importPriceChange } from './prices.js'

let database: Database
const at = new Date('2026-11-20T09:00:00Z')
const actor = systemActor('test')
const csv = [
  'product,region,fuel,payment_method,kind,value_inc_vat',
  'CLI-VAR-1,_A,electricity,DIRECT_DEBIT,standard_unit,26.25',
].join('\n')

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at })
    for (const [email, role] of [
      ['analyst@example.com', 'pricing_analyst'],
      ['agent@example.com', 'agent'],
    ] as const)
      await access.createStaffUser({
        tx,
        email,
        displayName: email,
        role,
        password: 'correct horse battery',
        actor,
        at,
      })
    await tariffs.launchProduct({
      tx,
      product: {
        code: 'CLI-VAR-1',
        direction: 'IMPORT',
        fullName: 'Command line variable',
        displayName: 'CLI variable',
        isVariable: true,
        term: null,
        availableFrom: new Date('2026-11-01T00:00:00Z'),
        brand: 'GOOD_EGG_ENERGY',
        structure: 'single',
        supplies: [{ fuel: 'electricity', registerKind: '1R' }],
        regions: ['_A'],
        rates: [
          { fuel: 'electricity', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '24.50' },
          { fuel: 'electricity', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '50' },
        ],
      },
      actor,
      at,
    })
  })
}, 120_000)

afterAll(async () => {
  await database?.close()
})

const changes = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from price_changes`.execute(database.db)).rows[0]?.n

describe('importing a price change from the command line', () => {
  it('prints the diff of a dry run and writes nothing', async () => {
    const result = await importPriceChange({ db: database.db, csv, effectiveDate: '2027-01-01', at })
    expect(result).toMatchObject({
      submitted: false,
      prices: [{ tariffCode: 'E-1R-CLI-VAR-1-A', oldIncVat: '24.5000', valueIncVat: '26.2500' }],
      summary: { up: 1, down: 0, same: 0, new: 0 },
    })
    expect(await changes()).toBe(0)
  })

  it('refuses to submit in the name of someone who is not a pricing analyst, or nobody', async () => {
    await expect(
      importPriceChange({ db: database.db, csv, effectiveDate: '2027-01-01', submitAs: 'agent@example.com', at }),
    ).rejects.toMatchObject({ code: 'NOT_A_PRICING_ANALYST' })
    await expect(
      importPriceChange({ db: database.db, csv, effectiveDate: '2027-01-01', submitAs: 'ghost@example.com', at }),
    ).rejects.toMatchObject({ code: 'PRICING_ANALYST_NOT_FOUND' })
    expect(await changes()).toBe(0)
  })

  it('submits it for approval in the analyst’s name', async () => {
    const result = await importPriceChange({
      db: database.db,
      csv,
      effectiveDate: '2027-01-01',
      submitAs: 'analyst@example.com',
      at,
    })
    const analyst = await access.findStaffUser(database.db, 'analyst@example.com')
    expect(result).toMatchObject({
      submitted: true,
      priceChange: { status: 'pending_approval', createdBy: { kind: 'staff', id: analyst?.id } },
    })
  })
})
