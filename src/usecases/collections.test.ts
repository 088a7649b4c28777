import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as accounts from '../modules/accounts/index.js'
import * as cases from '../modules/cases/index.js'
import * as collections from '../modules/collections/index.js'
import * as ledger from '../modules/ledger/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { accountStatus, createAccountArrangement, runCollections } from './index.js'
import { accountDealer, postTestCharge } from './testing.js'

let database: Database
const process = systemActor('collections-run')
const specialist = { kind: 'staff' as const, id: 'usr_collections' }
let freshAccount: () => { id: string; number: string }

beforeAll(async () => {
  database = await openTestDatabase()
  const { accountIds } = await billingFixture({ db: database.db, count: 16, at: new Date('2026-11-20T09:00:00Z') })
  freshAccount = accountDealer(accountIds)
}, 120_000)

afterAll(async () => {
  await database?.close()
})

/** A charge of `amount` due on `dueOn`, owed from the start of the month before. */
async function owe(accountId: string, amountMinor: bigint, dueOn: string) {
  await postTestCharge(database.db, {
    idempotencyKey: `coll-charge:${accountId}:${dueOn}`,
    referenceId: accountId,
    accountId,
    amountMinor,
    dueOn,
    effectiveOn: '2026-09-01',
    at: new Date('2026-09-01T09:00:00Z'),
  })
}

/** A fresh account owing £90.00, due on 1 October 2026. */
async function owingFromOctober() {
  const account = freshAccount()
  await owe(account.id, 9_000n, '2026-10-01')
  return account
}

/** Work done by the collections specialist in one transaction at the instant `at` (ISO). */
const asSpecialist = <T>(at: string, work: (scope: { tx: Tx; actor: Actor; at: Date }) => Promise<T>) =>
  inTransaction(database.db, (tx) => work({ tx, actor: specialist, at: new Date(at) }))

/** The specialist records a vulnerability of the account's household on 1 September 2026. */
const registerVulnerability = (
  accountId: string,
  fields: Omit<Parameters<typeof accounts.registerVulnerability>[0], 'tx' | 'accountId' | 'actor' | 'at'>,
) => asSpecialist('2026-09-01T10:00:00Z', (scope) => accounts.registerVulnerability({ accountId, ...fields, ...scope }))

/** The specialist asks for the account's supply to be disconnected at 10:00 UTC on `on`. */
const orderDisconnection = (accountId: string, on: string) =>
  asSpecialist(`${on}T10:00:00Z`, (scope) =>
    collections.createDisconnectionOrder({ accountId, reason: 'no contact', ...scope }),
  )

/** The specialist opens a case on the account. */
const openCase = (
  accountId: string,
  fields: Pick<Parameters<typeof cases.openCase>[0], 'type' | 'subject' | 'description' | 'at'>,
) => inTransaction(database.db, (tx) => cases.openCase({ tx, accountId, ...fields, actor: specialist }))

/** Run collections for one local date at 07:00 London. */
const runOn = (on: string) => runCollections({ db: database.db, on, actor: process, at: new Date(`${on}T07:00:00Z`) })

const order = [
  'payment_reminder',
  'final_notice',
  'late_fee',
  'disconnection_notice',
  'debt_collection_referral',
  'escalation_withheld',
]
/** The steps taken, oldest first (a late fee is taken in the same instant as its final notice). */
async function actionsOf(accountId: string) {
  return (await collections.collectionActionsOf({ tx: database.db, accountId }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || order.indexOf(a.action) - order.indexOf(b.action))
    .map((action) => action.action)
}

describe('the dunning schedule (COL-1, COL-2)', () => {
  it('sends a reminder at 7 days, a final notice with the late fee at 14, then the disconnection notice and referral, each once', async () => {
    const account = freshAccount()
    await owe(account.id, 12_000n, '2026-10-01')
    await runOn('2026-10-05')
    expect(await actionsOf(account.id)).toEqual([])
    await runOn('2026-10-08')
    await runOn('2026-10-08')
    expect(await actionsOf(account.id)).toEqual(['payment_reminder'])
    // 15 days past due but only 4 days after the reminder: the final notice waits for the gap.
    await runOn('2026-10-12')
    expect(await actionsOf(account.id)).toEqual(['payment_reminder'])
    await runOn('2026-10-15')
    expect(await actionsOf(account.id)).toEqual(['payment_reminder', 'final_notice', 'late_fee'])
    expect(await ledger.balanceOf({ tx: database.db, accountId: account.id })).toBe(12_500n)
    await runOn('2026-10-29')
    await runOn('2026-11-12')
    await runOn('2026-11-20')
    expect(await actionsOf(account.id)).toEqual([
      'payment_reminder',
      'final_notice',
      'late_fee',
      'disconnection_notice',
      'debt_collection_referral',
    ])
    // Each step is a logged message on the account.
    const messages = await sql<{ template_key: string }>`select template_key from comms_messages
      where account_id = ${account.id} order by created_at`.execute(database.db)
    expect(messages.rows.map((row) => row.template_key)).toEqual([
      'payment_reminder',
      'final_notice',
      'disconnection_notice',
      'debt_collection_referral',
    ])
  })

  it('lets a collections specialist disconnect only a week after the disconnection notice', async () => {
    const account = await owingFromOctober()
    const order = (on: string) => orderDisconnection(account.id, on)
    await expect(order('2026-10-20')).rejects.toThrow(/notice steps are not complete/)
    for (const on of ['2026-10-08', '2026-10-15', '2026-10-29']) await runOn(on)
    await expect(order('2026-11-02')).rejects.toThrow(/wait 7 days/)
    const made = await order('2026-11-06')
    expect(made.status).toBe('pending')
    await expect(order('2026-11-06')).rejects.toThrow(/pending on the account already/)
    const status = await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-11-06T10:00:00Z') })
    expect(status.reasons.map((reason) => reason.code)).toEqual(['past_due', 'disconnection_pending'])
    expect(status.colour).toBe('red')
    await inTransaction(database.db, (tx) =>
      collections.completeDisconnectionOrder({
        tx,
        accountId: account.id,
        actor: { kind: 'staff', id: 'usr_field' },
        at: new Date('2026-11-10T10:00:00Z'),
      }),
    )
    const off = await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-11-10T12:00:00Z') })
    expect(off.colour).toBe('gray')
    expect(off.reasons[0]).toMatchObject({ code: 'disconnected', colour: 'gray' })
  })
})

describe('protections (COL-4)', () => {
  it('sends a PSR household the reminder only, withholds escalation once, and never disconnects it', async () => {
    const account = await owingFromOctober()
    await registerVulnerability(account.id, {
      register: 'psr',
      category: 'medical_equipment',
      consentGiven: true,
      consentOn: '2026-09-01',
      reviewOn: '2027-09-01',
    })
    for (const on of ['2026-10-08', '2026-10-15', '2026-10-29', '2026-11-20']) await runOn(on)
    expect(await actionsOf(account.id)).toEqual(['payment_reminder', 'escalation_withheld'])
    await expect(orderDisconnection(account.id, '2026-11-20')).rejects.toMatchObject({
      code: 'DISCONNECTION_REFUSED',
      details: { registers: ['psr'] },
    })
  })

  it('treats a household flagged vulnerable the same way', async () => {
    const account = await owingFromOctober()
    await registerVulnerability(account.id, {
      register: 'vulnerable',
      category: 'financial_hardship',
      consentGiven: false,
    })
    for (const on of ['2026-10-08', '2026-10-15']) await runOn(on)
    expect(await actionsOf(account.id)).toEqual(['payment_reminder', 'escalation_withheld'])
  })

  it('pauses dunning under an active payment arrangement', async () => {
    const account = await owingFromOctober()
    await runOn('2026-10-08')
    await asSpecialist('2026-10-09T10:00:00Z', (scope) =>
      createAccountArrangement({
        accountNumber: account.number,
        instalmentMinor: 3_000n,
        frequency: 'monthly',
        ...scope,
      }),
    )
    await runOn('2026-10-20')
    expect(await actionsOf(account.id)).toEqual(['payment_reminder'])
  })

  it('pauses dunning while a billing dispute is open, turns the account red, and resumes once it is resolved', async () => {
    const account = await owingFromOctober()
    const opened = await openCase(account.id, {
      type: 'billing_dispute',
      subject: 'The September bill is too high',
      description: 'The customer says the reading used was wrong',
      at: new Date('2026-10-05T10:00:00Z'),
    })
    await runOn('2026-10-08')
    expect(await actionsOf(account.id)).toEqual([])
    const red = await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-10-08T10:00:00Z') })
    expect(red.reasons.map((reason) => reason.code)).toEqual(['past_due', 'active_dispute'])
    await asSpecialist('2026-10-09T10:00:00Z', (scope) =>
      cases.resolveCase({ caseId: opened.id, resolutionNote: 'Meter read checked: the bill was right', ...scope }),
    )
    await runOn('2026-10-10')
    expect(await actionsOf(account.id)).toEqual(['payment_reminder'])
  })

  it('shows an open account investigation as yellow', async () => {
    const account = freshAccount()
    await openCase(account.id, {
      type: 'account_investigation',
      subject: 'Possible meter tampering reported',
      description: 'Reported by the meter reader',
      at: new Date('2026-11-01T10:00:00Z'),
    })
    const status = await accountStatus({ tx: database.db, accountId: account.id, at: new Date('2026-11-02T10:00:00Z') })
    expect(status).toMatchObject({ colour: 'yellow', reasons: [{ code: 'pending_investigation' }] })
  })

  it('records affordability checks and debt-advice signposting, refusing unknown organisations', async () => {
    const account = freshAccount()
    const at = new Date('2026-11-20T10:00:00Z')
    await inTransaction(database.db, (tx) =>
      collections.recordCollectionsNote({
        tx,
        accountId: account.id,
        kind: 'affordability',
        body: 'Income reduced; can pay £20 a month on top of usage',
        affordability: { monthlyIncomeMinor: 140_000n, monthlyOutgoingsMinor: 135_000n, canPayMonthlyMinor: 2_000n },
        actor: specialist,
        at,
      }),
    )
    await expect(
      inTransaction(database.db, (tx) =>
        collections.recordCollectionsNote({
          tx,
          accountId: account.id,
          kind: 'debt_advice',
          body: 'Pointed to advice',
          signposts: ['stepchange', 'loan_shark'],
          actor: specialist,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_COLLECTIONS_NOTE', details: [{ path: 'signposts.1' }] })
    const notes = await collections.collectionNotesOf({ tx: database.db, accountId: account.id })
    expect(notes).toMatchObject([{ kind: 'affordability', details: { canPayMonthlyMinor: '2000' } }])
  })
})

describe('the worklist', () => {
  it('lists accounts past due, most overdue first, with their protections', async () => {
    const items = await collections.worklist({ tx: database.db, on: '2026-11-20', limit: 50 })
    expect(items.length).toBeGreaterThanOrEqual(4)
    const days = items.map((item) => item.daysPastDue)
    expect([...days].sort((a, b) => b - a)).toEqual(days)
    expect(items.some((item) => item.protectedBy.includes('psr'))).toBe(true)
  })
})
