import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as ledger from '../modules/ledger/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { startOfLocalDay } from '../shared/time.js'
import { changeAccountTariff } from './account-usage.js'
import { chargeExitFee } from './charge-exit-fee.js'
import { fixtureAccountNumber as accountNumber } from './testing.js'

let database: Database
const at = new Date('2026-11-20T10:00:00Z')
const actor = { kind: 'staff' as const, id: 'usr_agent' }
// The fixture's accounts A-10000000 and A-10000001, on the variable tariff from 1 October 2026.
const meterPoint = (index: number) => metering.withCheckDigit(`10${String(index + 1).padStart(10, '0')}`)
const fixedTariff = 'E-1R-FIX-12M-25-01-01-A'
const variableTariff = 'E-1R-VAR-22-11-01-A'
let accountIds: string[]

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ accountIds } = await billingFixture({ db: database.db, count: 2, at }))
}, 120_000)

afterAll(async () => {
  await database?.close()
})

const change = (index: number, tariffCode: string, from: string) =>
  inTransaction(database.db, (tx) =>
    changeAccountTariff({
      tx,
      accountNumber: accountNumber(index),
      meterPoint: meterPoint(index),
      tariffCode,
      from: startOfLocalDay(from),
      actor,
      at,
    }),
  )

describe('the exit fee of a fixed tariff left early (TAR-3, seed "Populate Snippets")', () => {
  it('charges the £25 exit fee to the account once, as its own ledger reason, audited', async () => {
    const accountId = accountIds[0]!
    const before = await ledger.balanceOf({ tx: database.db, accountId })
    // Onto the 12-month fix on 15 October 2026 (its term ends 15 October 2027) …
    const onFix = await change(0, fixedTariff, '2026-10-15')
    // … leaving the variable tariff owes nothing: it has no exit fee.
    expect(onFix.exitFeeJournalId).toBeNull()
    // … and off it on 1 November 2026: 348 days before the term ends, more than the 49 fee-free days.
    const offFix = await change(0, variableTariff, '2026-11-01')
    expect(offFix.ended.exitFeeMinorApplied).toBe(2_500n)
    expect(offFix.exitFeeJournalId).toMatch(/^jnl_/)
    // Balance: before + 2,500 (the £25.00 fee, one fuel).
    expect(await ledger.balanceOf({ tx: database.db, accountId })).toBe(before + 2_500n)
    const { items } = await ledger.journalsOf({ tx: database.db, accountId, limit: 10, cursor: undefined })
    const fee = items.filter((journal) => journal.reason === 'fee.exit')
    expect(fee).toHaveLength(1)
    expect(fee[0]).toMatchObject({ effectiveOn: '2026-11-01', reference: { type: 'agreement', id: offFix.ended.id } })
    // Asked again for the same ended agreement: the first journal, nothing more owed.
    const again = await inTransaction(database.db, (tx) =>
      chargeExitFee({ tx, ended: offFix.ended, actor: systemActor('test'), at }),
    )
    expect(again).toBe(offFix.exitFeeJournalId)
    expect(await ledger.balanceOf({ tx: database.db, accountId })).toBe(before + 2_500n)
    // The fixture posts nothing to these accounts, so the fee's journal is the one posting audited.
    const { rows: audited } = await sql<{ subject_id: string }>`
      select subject_id from audit_events
      where account_id = ${accountId} and action = 'ledger.journal.posted'`.execute(database.db)
    expect(audited.map((row) => row.subject_id)).toEqual([offFix.exitFeeJournalId])
  })

  it('charges nothing for leaving a variable tariff, so a fix left once is charged once', async () => {
    const accountId = accountIds[1]!
    const before = await ledger.balanceOf({ tx: database.db, accountId })
    // Fix from 2 October 2026 (term to 2 October 2027), left 1 November 2026: 335 days early, 2,500.
    await change(1, fixedTariff, '2026-10-02')
    const offFix = await change(1, variableTariff, '2026-11-01')
    expect(offFix.exitFeeJournalId).toMatch(/^jnl_/)
    // Leaving the variable tariff on 10 November 2026 owes nothing.
    const offVariable = await change(1, fixedTariff, '2026-11-10')
    expect(offVariable.ended.exitFeeMinorApplied).toBe(0n)
    expect(offVariable.exitFeeJournalId).toBeNull()
    // before + 2,500 + 0: the fee once.
    expect(await ledger.balanceOf({ tx: database.db, accountId })).toBe(before + 2_500n)
  })
})
