import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import { statementPdf } from '../documents/statement-pdf.js'
import * as billing from '../modules/billing/index.js'
import { systemActor } from '../shared/actor.js'
import { accountStatementPdf } from './account-billing.js'
import { recordAccountView } from './account-view.js'
import { runBilling } from './billing-run.js'

/**
 * While the renderer draws, another request records an audited view in its own transaction. If the
 * PDF were drawn inside the transaction that holds the audit chain's lock, that write would wait for
 * the commit, which waits for the renderer: the probe times out and the test fails.
 */
let database: Database
let accountNumber: string
let accountId: string
let statementNumber: string
const actor = systemActor('test')
const at = new Date('2026-11-20T10:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
  const { on, accountIds } = await billingFixture({ db: database.db, count: 1 })
  await runBilling({ db: database.db, on, actor, at })
  accountId = accountIds[0] ?? ''
  const { rows } = await sql<{ number: string }>`select number from accounts where id = ${accountId}`.execute(
    database.db,
  )
  accountNumber = rows[0]?.number ?? ''
  const statements = await billing.listStatements({ tx: database.db, accountNumber, limit: 1 })
  statementNumber = statements.items[0]?.number ?? ''
}, 120_000)

afterAll(async () => {
  await database.close()
})

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: the audit lock is held`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

describe('a statement PDF and the audit lock', () => {
  it('draws the PDF after the view is recorded and committed, so a concurrent audited write is not blocked', async () => {
    expect(statementNumber).toMatch(/./)
    const pdfViews = async () =>
      Number(
        (
          await sql<{ n: string }>`
            select count(*)::text as n from audit_events
            where action = 'accounts.account.viewed' and context->'sections'->>0 = 'statement_pdf'`.execute(database.db)
        ).rows[0]?.n,
      )
    const before = await pdfViews()
    let probed = false
    const during = async () => {
      // the view of the PDF is already committed when drawing starts
      expect(await pdfViews()).toBe(before + 1)
      await within(
        5_000,
        inTransaction(database.db, (tx) =>
          recordAccountView(tx, { accountId, what: 'balance', context: {}, actor, at }),
        ),
      )
      probed = true
    }
    const pdf = await accountStatementPdf({
      db: database.db,
      accountNumber,
      number: statementNumber,
      duplicate: false,
      actor,
      at,
      render: async (input) => {
        await during()
        return statementPdf(input)
      },
    })
    expect(probed).toBe(true)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(await pdfViews()).toBe(before + 1)
  })
})
