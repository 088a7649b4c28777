import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import type { Actor } from '../../shared/actor.js'
import { systemActor } from '../../shared/actor.js'
import * as access from '../access/index.js'
import * as market from '../market/index.js'
import {
  approvePriceChange,
  getPriceChange,
  launchProduct,
  listRates,
  rejectPriceChange,
  submitPriceChange,
  uploadPriceChange,
} from './index.js'

let database: Database
const at = new Date('2026-11-20T09:00:00Z')
let first: Actor
let second: Actor
const csv = [
  'product,region,fuel,payment_method,kind,value_exc_vat',
  'MOD-VAR-1,_A,electricity,DIRECT_DEBIT,standard_unit,25',
].join('\n')
const run = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(database.db, work)

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  await run(async (tx) => {
    // gb: a rise needs 30 days' notice (the changes here take effect on 1 January 2027, 42 days on)
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at })
    const users = []
    for (const email of ['first@example.com', 'second@example.com'])
      users.push(
        await access.createStaffUser({
          tx,
          email,
          displayName: email,
          role: 'pricing_analyst',
          password: 'correct horse battery',
          actor,
          at,
        }),
      )
    first = { kind: 'staff', id: users[0]!.id }
    second = { kind: 'staff', id: users[1]!.id }
    await launchProduct({
      tx,
      product: {
        code: 'MOD-VAR-1',
        direction: 'IMPORT',
        fullName: 'Module variable',
        displayName: 'Module variable',
        isVariable: true,
        term: null,
        availableFrom: new Date('2026-11-01T00:00:00Z'),
        brand: 'GOOD_EGG_ENERGY',
        structure: 'single',
        supplies: [{ fuel: 'electricity', registerKind: '1R' }],
        regions: ['_A'],
        rates: [
          { fuel: 'electricity', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueExcVat: '24' },
          { fuel: 'electricity', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueExcVat: '50' },
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

describe('a price change through its life', () => {
  it('refuses to submit a change twice, and keeps a rejected draft fixed', async () => {
    const draft = await run((tx) => uploadPriceChange({ tx, csv, effectiveDate: '2027-01-01', actor: first, at }))
    await run((tx) => submitPriceChange({ tx, id: draft.id, actor: first, at }))
    await expect(run((tx) => submitPriceChange({ tx, id: draft.id, actor: first, at }))).rejects.toMatchObject({
      code: 'PRICE_CHANGE_NOT_PENDING',
    })
    const withdrawn = await run((tx) => rejectPriceChange({ tx, id: draft.id, note: 'wrong file', actor: first, at }))
    expect(withdrawn).toMatchObject({ status: 'rejected', decidedBy: first, decisionNote: 'wrong file' })
    await expect(run((tx) => approvePriceChange({ tx, id: draft.id, actor: second, at }))).rejects.toMatchObject({
      code: 'PRICE_CHANGE_NOT_PENDING',
    })
  })

  it('refuses an approval once the effective date has begun, and publishes nothing', async () => {
    const change = await run((tx) =>
      uploadPriceChange({ tx, csv, effectiveDate: '2027-01-01', submit: true, actor: first, at }),
    )
    const late = new Date('2027-01-01T00:00:00Z')
    await expect(run((tx) => approvePriceChange({ tx, id: change.id, actor: second, at: late }))).rejects.toMatchObject(
      {
        code: 'PRICE_CHANGE_TOO_LATE',
      },
    )
    expect((await getPriceChange({ tx: database.db, id: change.id })).status).toBe('pending_approval')
    const rates = await listRates({ tx: database.db, tariffCode: 'E-1R-MOD-VAR-1-A', kind: 'standard_unit', at })
    expect(rates.count).toBe(1)
  })

  it('refuses an unknown change by name', async () => {
    await expect(
      run((tx) => approvePriceChange({ tx, id: 'pch_01JAAAAAAAAAAAAAAAAAAAAAAA', actor: second, at })),
    ).rejects.toMatchObject({ code: 'PRICE_CHANGE_NOT_FOUND' })
  })
})
