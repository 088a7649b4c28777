/**
 * For the collections tests: a database with a supplier and a few accounts, and a charge owed on one.
 * Tests only; nothing in the module imports it.
 */
import { afterAll, beforeAll } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { systemActor } from '../../shared/actor.js'
import * as accounts from '../accounts/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'

export const testActor = systemActor('collections-test')

export interface CollectionsTestDatabase {
  readonly database: Database
  /** Run work in one transaction. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** An account no other test has used. */
  freshAccount(): string
  /** A charge of `amountMinor` posted on 1 September 2026 and due on `dueOn`. */
  owe(accountId: string, amountMinor: bigint, dueOn: string): Promise<unknown>
}

/** A test database with the gb supplier (default settings: a 500p late fee) and `count` accounts. */
export async function openCollectionsTestDatabase({ count }: { count: number }): Promise<CollectionsTestDatabase> {
  const database = await openTestDatabase()
  const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
  const at = new Date('2026-09-01T09:00:00Z')
  await run((tx) => market.configureSupplier({ tx, name: 'Test Energy', market: 'gb', actor: testActor, at }))
  const created = await run((tx) =>
    accounts.createAccounts({
      tx,
      actor: testActor,
      at,
      accounts: Array.from({ length: count }, (_, i) =>
        accounts.testAccount({
          number: `A-C${i.toString(16).toUpperCase().padStart(7, '0')}`,
          customer: { kind: 'person', title: null, givenName: 'Col', familyName: `Lections${i}` },
          property: { line1: `${i} Mill Lane`, town: 'Leeds', postcode: 'LS1 4AP', gspRegion: '_M' },
          openedOn: '2026-01-01',
        }),
      ),
    }),
  )
  const ids = created.map((account) => account.id)
  let next = 0
  return {
    database,
    run,
    freshAccount() {
      const id = ids[next++]
      if (!id) throw new Error(`only ${count} test accounts`)
      return id
    },
    owe(accountId, amountMinor, dueOn) {
      return run((tx) =>
        ledger.postJournal({
          tx,
          journal: {
            idempotencyKey: `collections-test-charge:${accountId}:${dueOn}`,
            reason: 'statement.charge',
            reference: { type: 'test', id: accountId },
            accountId,
            currency: 'GBP',
            effectiveOn: '2026-09-01',
            description: 'test charge',
            postings: [
              { book: 'customer', accountId, amountMinor, dueOn },
              { book: 'energy_revenue', accountId, amountMinor: -amountMinor },
            ],
          },
          actor: testActor,
          at,
        }),
      )
    },
  }
}

/**
 * `openCollectionsTestDatabase` for one test file: opened before its tests (migrating may take a
 * while) and closed after them.
 */
export function collectionsTestFile({ count }: { count: number }): CollectionsTestDatabase {
  let opened: CollectionsTestDatabase | undefined
  const current = (): CollectionsTestDatabase => {
    if (!opened) throw new Error('the collections test database opens in beforeAll')
    return opened
  }
  beforeAll(async () => {
    opened = await openCollectionsTestDatabase({ count })
  }, 120_000)
  afterAll(async () => {
    await opened?.database.close()
  })
  return {
    get database() {
      return current().database
    },
    run: (work) => current().run(work),
    freshAccount: () => current().freshAccount(),
    owe: (accountId, amountMinor, dueOn) => current().owe(accountId, amountMinor, dueOn),
  }
}
