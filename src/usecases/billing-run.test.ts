import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as billing from '../modules/billing/index.js'
import { systemActor } from '../shared/actor.js'
import { runBilling } from './billing-run.js'
import { billingFixture } from './demo/billing-fixture.js'

let database: Database
let on: string
let accountIds: string[]
const actor = systemActor('billing-run')
const at = new Date('2026-11-20T09:00:00Z')

async function statementCounts() {
  const { rows } = await sql<{ account_id: string; n: string }>`
    select account_id, count(*)::text as n from statements group by account_id`.execute(database.db)
  return new Map(rows.map((row) => [row.account_id, Number(row.n)]))
}

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ on, accountIds } = await billingFixture({ db: database.db, count: 12, at }))
  // One of them carries a debt only: runs skip it.
  await inTransaction(database.db, (tx) =>
    billing.setBillingProfile({ tx, accountId: accountIds[11]!, changes: { origin: 'shell' }, actor, at }),
  )
}, 120_000)

afterAll(async () => {
  await database.close()
})

describe('a billing run', () => {
  it('finishes a run that stopped part way: each due account billed once, the shell account skipped', async () => {
    // A run that stopped after four accounts (as if the process had died).
    const run = await inTransaction(database.db, (tx) => billing.startRun({ tx, on, at }))
    for (const accountId of accountIds.slice(0, 4)) {
      await inTransaction(database.db, (tx) => billing.billAccount({ tx, accountId, on, runId: run.id, actor, at }))
    }
    const summary = await runBilling({ db: database.db, on, concurrency: 3, actor, at })
    expect(summary).toMatchObject({ runId: run.id, accountsDue: 11, issued: 11, held: 0, failed: 0 })
    const counts = await statementCounts()
    expect([...counts.values()]).toEqual(Array(11).fill(1))
    expect(counts.has(accountIds[11]!)).toBe(false)
  })

  it('changes nothing when run again for the same day', async () => {
    const before = await sql<{ n: string }>`select count(*)::text as n from ledger_journals`.execute(database.db)
    const summary = await runBilling({ db: database.db, on, actor, at })
    expect(summary).toMatchObject({ accountsDue: 11, issued: 11, failed: 0 })
    const after = await sql<{ n: string }>`select count(*)::text as n from ledger_journals`.execute(database.db)
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n)
    expect([...(await statementCounts()).values()]).toEqual(Array(11).fill(1))
  })
})
