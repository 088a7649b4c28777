/** Shared setup for the metering module's own tests. */
import { afterAll, beforeAll } from 'vitest'
import { type Database, type Db, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import type { Actor } from '../../shared/actor.js'
import * as accounts from '../accounts/index.js'
import { withCheckDigit } from './mpan.js'
import { registerMeterPoints } from './operations.js'
import type { NewMeterPoint } from './types.js'

/**
 * Open the test account A-0000ABCD (Eleanor Ashworth, 14 Mill Lane, region _A, opened 2024-01-01)
 * and return its id and its property's id, for the meter points the tests register on it.
 */
export async function openMeteringTestAccount(
  tx: Tx,
  { actor, at }: { actor: Actor; at: Date },
): Promise<{ accountId: string; propertyId: string }> {
  const [opened] = await accounts.createAccounts({
    tx,
    actor,
    at,
    accounts: [
      accounts.testAccount({
        number: 'A-0000ABCD',
        customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
        property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
        openedOn: '2024-01-01',
      }),
    ],
  })
  const supply = await accounts.findAccountSupply({ tx, accountNumber: 'A-0000ABCD' })
  return { accountId: opened?.id ?? '', propertyId: supply?.property.id ?? '' }
}

/**
 * An electricity import point supplied from 2024-01-01 through smart meter 21L0000001, fitted
 * 2023-06-01 (earlier, under another supplier), with one standard register.
 */
export function smartImportPoint({
  identifier,
  accountId,
  propertyId,
}: {
  identifier: string
  accountId: string
  propertyId: string
}): NewMeterPoint {
  return {
    fuel: 'electricity',
    identifier,
    propertyId,
    accountId,
    suppliedFrom: '2024-01-01',
    meters: [
      {
        serial: '21L0000001',
        type: 'smart',
        installedOn: '2023-06-01',
        registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
      },
    ],
  }
}

/**
 * The test account with one smart electricity import point `identifier` on it (`smartImportPoint`):
 * what most of the module's tests start from.
 */
export async function openSmartImportTestPoint(
  tx: Tx,
  { identifier, actor, at }: { identifier: string; actor: Actor; at: Date },
): Promise<{ accountId: string; propertyId: string }> {
  const opened = await openMeteringTestAccount(tx, { actor, at })
  await registerMeterPoints({ tx, actor, at, meterPoints: [smartImportPoint({ identifier, ...opened })] })
  return opened
}

/** What a test file set up by `smartImportTestFile` works with. */
export interface SmartImportTestPoint {
  /** The staff actor of every change. */
  readonly agent: Actor
  readonly at: Date
  /** The import point's MPAN core, 1000000000012 (distributor 10, region _A). */
  readonly mpan: string
  /** The test file's database, open between its `beforeAll` and `afterAll`. */
  readonly db: Db
  /** Run `work` in a transaction of the test file's database. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>
}

/**
 * A database of the test file's own with the test account and one smart import point on it
 * (`openSmartImportTestPoint`), opened before its tests and closed after them.
 */
export function smartImportTestFile(): SmartImportTestPoint {
  let database: Database | undefined
  const agent = { kind: 'staff', id: 'usr_agent' } as const
  const at = new Date('2026-11-22T10:00:00Z')
  const mpan = withCheckDigit('100000000001')
  const opened = (): Database => {
    if (!database) throw new Error('the test database opens in beforeAll')
    return database
  }
  beforeAll(async () => {
    database = await openTestDatabase()
    // supplied from 2024-01-01; the meter was fitted earlier, under another supplier
    await inTransaction(database.db, (tx) => openSmartImportTestPoint(tx, { identifier: mpan, actor: agent, at }))
  })
  afterAll(async () => {
    await database?.close()
  })
  return {
    agent,
    at,
    mpan,
    get db() {
      return opened().db
    },
    run: (work) => inTransaction(opened().db, work),
  }
}
