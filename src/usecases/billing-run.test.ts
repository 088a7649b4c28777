import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, type Db, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as audit from '../modules/audit/index.js'
import * as billing from '../modules/billing/index.js'
import { systemActor } from '../shared/actor.js'
import { runBilling } from './billing-run.js'

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

/** Run `test` over a database of its own holding `count` fixture accounts, closed however it ends. */
async function withOwnFixture(
  count: number,
  test: (db: Database, fixture: Awaited<ReturnType<typeof billingFixture>>) => Promise<void>,
): Promise<void> {
  const own = await openTestDatabase()
  try {
    await test(own, await billingFixture({ db: own.db, count, at }))
  } finally {
    await own.close()
  }
}

/** The accounts that have a statement in the database, sorted. */
async function billedAccountIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ account_id: string }>`select account_id from statements`.execute(db)
  return rows.map((row) => row.account_id).sort()
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

/** Everything billing wrote, by account number and without ids, for comparing two databases. */
async function billingState(db: Database) {
  const statements = await sql<Record<string, unknown>>`
    select a.number as account, s.number, s.kind, s.status, s.period_from, s.period_to, s.version, s.currency,
      s.payment_method, s.net_minor, s.vat_minor, s.total_minor, s.writeoff_minor, s.posted_minor,
      s.opening_balance_minor, s.charges_minor, s.payments_minor, s.credits_minor, s.adjustments_minor,
      s.closing_balance_minor, s.due_on,
      s.hold_reasons, s.explanation, s.closing_readings is not null as has_closing, s.issued_at, s.decided_by,
      (select json_agg(json_build_array(l.position, l.identifier, l.tariff_code, l.kind, l.rate_kind, l.period_from,
        l.period_to, l.quantity, l.unit, l.rate_pence, l.vat_percent, l.amount_minor::text, l.source, l.description)
        order by l.position) from statement_lines l where l.statement_id = s.id) as lines,
      (select json_agg(json_build_array(j.reason, j.effective_on, j.description,
        (select json_agg(json_build_array(p.book, p.account_id = s.account_id, p.amount_minor::text, p.due_on)
          order by p.book) from ledger_postings p where p.journal_id = j.id)))
        from ledger_journals j where j.reference_id = s.id) as journals,
      (select json_agg(json_build_array(e.action, e.after - 'reference') order by e.action)
        from audit_events e where e.subject_id = s.id
          or e.subject_id in (select j.id from ledger_journals j where j.reference_id = s.id)) as events
    from statements s join accounts a on a.id = s.account_id
    order by a.number, s.period_from, s.version`.execute(db.db)
  const chain = await audit.verifyChain({ db: db.db })
  // Ids are made afresh in each database: compare everything else.
  const withoutIds = JSON.parse(
    JSON.stringify(statements.rows, (_key, value) => (typeof value === 'bigint' ? String(value) : value)).replace(
      /\b[a-z]{2,4}_[0-9A-Z]{26}\b/g,
      'id',
    ),
  ) as Record<string, unknown>[]
  return { statements: withoutIds, chainOk: chain.ok }
}

describe('billing a batch of accounts in one transaction', () => {
  let alone: Database
  let batched: Database
  let aloneIds: string[]
  let batchedIds: string[]

  /** The same accounts in both: one with half hours missing (filled with estimates), one shell. */
  async function prepare(db: Database) {
    const fixture = await billingFixture({ db: db.db, count: 6, at })
    // The UTC day 10 October: its row of 48 half hours.
    await sql`delete from interval_days where meter_point_id in (select id from meter_points m where exists (
        select 1 from supply_periods s where s.meter_point_id = m.id and s.account_id = ${fixture.accountIds[2]}))
      and day = '2026-10-10'`.execute(db.db)
    await inTransaction(db.db, (tx) =>
      billing.setBillingProfile({ tx, accountId: fixture.accountIds[5]!, changes: { origin: 'shell' }, actor, at }),
    )
    return fixture.accountIds
  }

  beforeAll(async () => {
    alone = await openTestDatabase()
    batched = await openTestDatabase()
    aloneIds = await prepare(alone)
    batchedIds = await prepare(batched)
  }, 120_000)

  afterAll(async () => {
    await alone.close()
    await batched.close()
  })

  it('writes the same statements, lines, journals, postings and audit events as billing each account alone', async () => {
    // Twice: the first bill of each account, then the next month's, held (no data yet) after a previous statement.
    for (const day of ['2026-11-01', '2026-12-01']) {
      const outcomes: string[] = []
      for (const accountId of aloneIds) {
        try {
          const { created } = await inTransaction(alone.db, (tx) =>
            billing.billAccount({ tx, accountId, on: day, actor, at }),
          )
          outcomes.push(created ? 'billed' : 'made')
        } catch (error) {
          outcomes.push((error as { code?: string }).code ?? 'error')
        }
      }
      const batch = await inTransaction(batched.db, (tx) =>
        billing.billBatch({ tx, accountIds: batchedIds, on: day, actor, at }),
      )
      expect(batch.map((outcome) => (outcome.kind === 'refused' ? outcome.error.code : outcome.kind))).toEqual(outcomes)
    }
    const [expected, actual] = [await billingState(alone), await billingState(batched)]
    expect(actual.statements.length).toBe(10)
    expect(actual.statements.filter((statement) => statement['status'] === 'held')).toHaveLength(5)
    expect(actual).toEqual(expected)
    expect(actual.chainOk).toBe(true)
  })

  it('returns the statements already made when the batch is billed again', async () => {
    const again = await inTransaction(batched.db, (tx) =>
      billing.billBatch({ tx, accountIds: batchedIds.slice(0, 2), on: '2026-11-01', actor, at }),
    )
    expect(again.map((outcome) => outcome.kind === 'billed' && outcome.created)).toEqual([false, false])
  })
})

describe('a run whose batch fails', () => {
  it('bills the other accounts of the batch one at a time and reports the one that failed', async () => {
    await withOwnFixture(6, async (db, fixture) => {
      const bad = fixture.accountIds[4]!
      // A fault in one account's writes (as a bad row would cause): its batch rolls back.
      await db.execScript(`create function refuse_one_statement() returns trigger language plpgsql as $$
        begin
          if new.account_id = '${bad}' then raise exception 'refused for the test'; end if;
          return new;
        end $$;
        create trigger refuse_one_statement before insert on statements
          for each row execute function refuse_one_statement();`)
      const failures: unknown[] = []
      const summary = await runBilling({
        db: db.db,
        on: fixture.on,
        accountsPerTransaction: 3,
        concurrency: 2,
        actor,
        at,
        onBatchFailed: (error) => failures.push(error),
      })
      expect(failures).toHaveLength(1)
      expect(summary).toMatchObject({ accountsDue: 6, issued: 5, failed: 1 })
      expect(summary.problems).toEqual([expect.objectContaining({ accountNumber: 'A-10000004', code: 'INTERNAL' })])
      expect(await billedAccountIds(db.db)).toEqual(fixture.accountIds.filter((id) => id !== bad).sort())
    })
  }, 120_000)
})

describe('a run over pages of accounts', () => {
  it('bills every due account once when pages hold fewer due accounts than a transaction', async () => {
    await withOwnFixture(9, async (db, fixture) => {
      // Every third account is billed on the 15th instead: a page of two may hold none due.
      const later = fixture.accountIds.filter((_id, i) => i % 3 === 1)
      for (const accountId of later) {
        await inTransaction(db.db, (tx) =>
          billing.setBillingProfile({ tx, accountId, changes: { cycleDay: 15 }, actor, at }),
        )
      }
      const transactions: number[] = []
      const summary = await runBilling({
        db: db.db,
        on: fixture.on,
        batchSize: 2,
        accountsPerTransaction: 4,
        // One transaction at a time, so progress (accounts done so far) tells each one's size.
        concurrency: 1,
        actor,
        at,
        onProgress: (done) => transactions.push(done),
      })
      expect(summary).toMatchObject({ accountsDue: 6, issued: 6, skipped: 0, failed: 0 })
      // Due accounts gathered across pages into full transactions, the last one what is left.
      expect(transactions).toEqual([4, 6])
      expect(await billedAccountIds(db.db)).toEqual(fixture.accountIds.filter((id) => !later.includes(id)).sort())
    })
  }, 120_000)
})

describe('two runs at once', () => {
  it('bill each account once: the second waits for the first and finds its statements', async () => {
    await withOwnFixture(8, async (db, fixture) => {
      const [first, second] = await Promise.all(
        [4, 3].map((accountsPerTransaction) =>
          runBilling({ db: db.db, on: fixture.on, accountsPerTransaction, concurrency: 2, actor, at }),
        ),
      )
      expect(first).toMatchObject({ issued: 8, failed: 0 })
      expect(second).toMatchObject({ issued: 8, failed: 0 })
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from statements group by account_id`.execute(
        db.db,
      )
      expect(rows.map((row) => row.n)).toEqual(Array(8).fill('1'))
    })
  }, 120_000)
})
