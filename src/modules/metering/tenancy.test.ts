import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { systemActor } from '../../shared/actor.js'
import * as accounts from '../accounts/index.js'
import * as metering from './index.js'

let database: Database
const actor = systemActor('test')
const at = new Date('2026-11-20T09:00:00Z')
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let oldId = ''
let newId = ''
let otherPoint = ''

beforeAll(async () => {
  database = await openTestDatabase()
  const base = {
    customer: { kind: 'person' as const, familyName: 'Tenant' },
    property: { line1: '2 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' as const },
    openedOn: '2026-10-01',
  }
  const opened = await run((tx) =>
    accounts.createAccounts({
      tx,
      actor,
      at,
      accounts: [
        accounts.testAccount({ ...base, number: 'A-0000D001' }),
        accounts.testAccount({ ...base, number: 'A-0000D002' }),
      ],
    }),
  )
  oldId = opened[0]?.id ?? ''
  newId = opened[1]?.id ?? ''
  const property = await run((tx) => accounts.findAccountSupply({ tx, accountNumber: 'A-0000D001' }))
  const meter = (serial: string) => ({
    serial,
    type: 'smart' as const,
    installedOn: '2020-01-01',
    registers: [{ identifier: 'S', rate: 'standard' as const, digits: 5 }],
  })
  const points = await run((tx) =>
    metering.registerMeterPoints({
      tx,
      actor,
      at,
      meterPoints: [
        {
          fuel: 'electricity',
          identifier: metering.withCheckDigit('100000009001'),
          propertyId: property?.property.id ?? '',
          accountId: oldId,
          suppliedFrom: '2026-10-01',
          meters: [meter('T1')],
        },
        {
          fuel: 'gas',
          identifier: '9100001',
          propertyId: property?.property.id ?? '',
          accountId: newId,
          suppliedFrom: '2026-10-01',
          meters: [meter('T2')],
        },
      ],
    }),
  )
  otherPoint = points[1]?.id ?? ''
}, 120_000)

afterAll(async () => {
  await database.close()
})

const transfer = (on: string, meterPointIds?: string[]) =>
  run((tx) => metering.transferSupply({ tx, fromAccountId: oldId, toAccountId: newId, on, meterPointIds, actor, at }))

describe('moving supply to the next account', () => {
  it('refuses a date on or before the supply started, and a meter point not supplied to the account', async () => {
    await expect(transfer('2026-09-30')).rejects.toMatchObject({
      code: 'SUPPLY_NOT_TRANSFERABLE',
      details: [{ path: 'on', message: expect.stringContaining('started on 2026-10-01') }],
    })
    await expect(transfer('2026-10-01')).rejects.toMatchObject({ code: 'SUPPLY_NOT_TRANSFERABLE' })
    await expect(transfer('2026-10-25', [otherPoint])).rejects.toMatchObject({
      code: 'SUPPLY_NOT_TRANSFERABLE',
      details: [{ path: 'meterPoints' }],
    })
  })

  it('ends the old supply at the date and starts the next account’s there', async () => {
    const [moved] = await transfer('2026-10-25')
    expect(moved).toMatchObject({ from: '2026-10-25', to: null })
    const before = await run((tx) => metering.meterPointsOfAccountId({ tx, accountId: oldId }))
    const after = await run((tx) => metering.meterPointsOfAccountId({ tx, accountId: newId }))
    expect(before).toMatchObject([{ suppliedFrom: '2026-10-01', suppliedTo: '2026-10-25' }])
    expect(after.find((point) => point.fuel === 'electricity')).toMatchObject({
      suppliedFrom: '2026-10-25',
      suppliedTo: null,
    })
    // Nothing is left to move after the date.
    await expect(transfer('2026-10-26')).rejects.toMatchObject({ code: 'SUPPLY_NOT_TRANSFERABLE' })
  })
})
