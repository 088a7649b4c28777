import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, settlementPeriodsOfDay, startOfLocalDay } from '../shared/time.js'
import { runBilling } from './billing-run.js'
import { moveIn, moveOut } from './move.js'
import { type ElectricityTestHome, openTestHome } from './testing.js'

let database: Database
const actor = { kind: 'staff', id: 'usr_agent' } as const
const system = systemActor('test')
/** The day the moves are recorded: after the fact, as customers often tell us. */
const at = new Date('2026-11-20T09:00:00Z')
const variable = 'E-1R-VAR-22-11-01-A'
let smartAccountIds: string[] = []

const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let serial = 0

/** A home of this file's, with its electricity meter point's id. */
type Home = ElectricityTestHome & { meterPointId: string }

/** An account with one traditional electricity meter on the variable tariff from its opening. */
async function home(openedOn: string): Promise<Home> {
  serial += 1
  const number = `A-7${String(serial).padStart(7, '0')}`
  const mpan = metering.withCheckDigit(`10${String(700_000 + serial).padStart(10, '0')}`)
  const meterSerial = `21T${String(serial).padStart(7, '0')}`
  const { accountId, meterPointId } = await openTestHome(database.db, {
    number,
    customer: { kind: 'person', title: 'Mr', givenName: 'Leaving', familyName: `Tenant${serial}` },
    property: { line1: `${serial} Station Road` },
    openedOn,
    meterPoints: [{ fuel: 'electricity', identifier: mpan, meterSerial, type: 'traditional', tariffCode: variable }],
    actor: system,
    at,
  })
  return { accountId, number, meterPointId, mpan, meterSerial }
}

/** The final reading of the home's one register, for a move. */
const finalReading = (h: Home, value: string) => [
  { meterPoint: h.mpan, meterSerial: h.meterSerial, register: 'S', value },
]

/** The agent moves the home's customer out on `on`, with the final reading `value` and what else is given. */
const moveOutWithReading = (
  h: Home,
  on: string,
  value: string,
  more: Omit<Parameters<typeof moveOut>[0], 'db' | 'accountNumber' | 'on' | 'finalReadings' | 'actor' | 'at'> = {},
) =>
  moveOut({ db: database.db, accountNumber: h.number, on, finalReadings: finalReading(h, value), ...more, actor, at })

async function reading(h: Home, readAt: string, value: string) {
  await run((tx) =>
    metering.submitReading({
      tx,
      meterPointId: h.meterPointId,
      meterSerial: h.meterSerial,
      register: 'S',
      readAt: new Date(readAt),
      value,
      source: 'customer',
      actor: system,
      at,
    }),
  )
}

async function pay(h: Home, amountMinor: bigint) {
  await run((tx) =>
    ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: `pay-${h.number}`,
        reason: 'payment.received',
        reference: { type: 'payment', id: `pay_${h.number}` },
        accountId: h.accountId,
        currency: 'GBP',
        effectiveOn: '2026-10-10',
        description: 'Card payment',
        postings: [
          { book: 'customer', accountId: h.accountId, amountMinor: -amountMinor },
          { book: 'cash', accountId: h.accountId, amountMinor },
        ],
      },
      actor: system,
      at,
    }),
  )
}

/** Half-hourly data for local dates [from, to), 0.2 kWh each half hour. */
async function halfHours(meterPointId: string, from: string, to: string) {
  const rows: metering.IntervalToStage[] = []
  for (let date = from; date < to; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date)) {
      rows.push({ line: rows.length + 1, meterPointId, intervalStart: period.startAt, kwh: '0.200', quality: 'actual' })
    }
  }
  await run((tx) => metering.loadIntervals({ tx, ingestionId: `ing_${meterPointId}_${from}`, rows, at }))
}

const accountRow = (number: string) =>
  run((tx) => accounts.findAccountSupply({ tx, accountNumber: number })) as Promise<
    NonNullable<Awaited<ReturnType<typeof accounts.findAccountSupply>>>
  >
const accountId = async (number: string) => (await accountRow(number)).id
const supplyOf = (id: string) => run((tx) => metering.meterPointsOfAccountId({ tx, accountId: id }))
const agreementsOf = (id: string) => run((tx) => tariffs.agreementsOfAccount({ tx, accountId: id }))
const notesOf = (number: string) =>
  run((tx) => accounts.listNotes({ tx, accountNumber: number, limit: 10, actor: system, at }))

async function counts() {
  const { rows } = await sql<Record<string, string>>`select
    (select count(*)::text from accounts) as accounts,
    (select count(*)::text from customers) as customers,
    (select count(*)::text from statements) as statements,
    (select count(*)::text from register_readings) as readings,
    (select count(*)::text from supply_periods) as supply,
    (select count(*)::text from agreements) as agreements,
    (select count(*)::text from account_notes) as notes,
    (select count(*)::text from ledger_journals) as journals,
    (select count(*)::text from audit_events) as events`.execute(database.db)
  return rows[0]
}

beforeAll(async () => {
  database = await openTestDatabase()
  // Three smart homes opened 2026-10-01 with October's half hours, on the variable tariff.
  ;({ accountIds: smartAccountIds } = await billingFixture({ db: database.db, count: 3, at }))
}, 120_000)

afterAll(async () => {
  await database.close()
})

describe('moving out with a final reading', () => {
  it('bills to the actual final read, refunds the credit, closes the account and opens the named occupant’s', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '7000.0')
    await reading(h, '2026-10-20T09:00:00Z', '7150.0')
    await pay(h, 50_000n)

    const result = await moveOutWithReading(h, '2026-11-01', '7300.0', {
      newOccupant: { name: 'Jane Q Public', email: 'jane@example.com', phone: '07700 900123' },
      authorName: 'Agent Smith',
    })

    // The final statement, to the start of the move date, on the actual read.
    expect(result.finalReadings).toMatchObject([{ kind: 'final', status: 'accepted', value: '7300.0' }])
    expect(result.finalStatement).toMatchObject({ kind: 'final', status: 'issued', created: true, estimated: false })
    expect(result.finalStatement.periodTo).toEqual(startOfLocalDay('2026-11-01'))
    expect(result.finalStatement.settlement?.kind).toBe('refund')
    expect(result.finalStatement.settlement?.amountMinor).toBe(-(result.finalStatement.closingBalanceMinor ?? 0n))
    const detail = await run((tx) => billing.getStatement({ tx, number: result.finalStatement.number }))
    expect(detail.closingReadings[0]).toMatchObject({ value: '7300.0', estimated: false })
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: h.accountId }))).toBe(0n)

    // The old account is closed on the move date; its supply and tariff end there.
    expect(result.closedAccount).toMatchObject({ number: h.number, status: 'closed', closedOn: '2026-11-01' })
    const closed = await accountRow(h.number)
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-01' })
    expect(await supplyOf(h.accountId)).toMatchObject([{ identifier: h.mpan, suppliedTo: '2026-11-01' }])
    expect(await agreementsOf(h.accountId)).toMatchObject([
      { tariffCode: variable, validTo: startOfLocalDay('2026-11-01'), exitFeeMinorApplied: 0n },
    ])

    // The new account: the named occupant at the same property, supplied and on the tariff from the date.
    expect(result.newAccount).toMatchObject({
      customerName: 'Jane Q Public',
      occupier: false,
      openedOn: '2026-11-01',
      meterPoints: [{ identifier: h.mpan, tariffCode: variable }],
    })
    const opened = await accountRow(result.newAccount.number)
    expect(opened).toMatchObject({ status: 'active', openedOn: '2026-11-01', closedOn: null })
    expect(opened.property.id).toBe(closed.property.id)
    expect(await supplyOf(opened.id)).toMatchObject([
      { identifier: h.mpan, suppliedFrom: '2026-11-01', suppliedTo: null },
    ])
    expect(await agreementsOf(opened.id)).toMatchObject([
      { tariffCode: variable, validFrom: startOfLocalDay('2026-11-01'), validTo: null },
    ])
    const contacts = await run((tx) => accounts.findAccountContacts({ tx, accountId: opened.id }))
    expect(JSON.stringify(contacts)).toContain('jane@example.com')

    // A service note on each account saying what happened.
    const [leavingNote] = (await notesOf(h.number)).items
    expect(leavingNote).toMatchObject({ type: 'service' })
    expect(leavingNote?.body).toContain(result.finalStatement.number)
    expect(leavingNote?.body).toContain(result.newAccount.number)
    const [openingNote] = (await notesOf(result.newAccount.number)).items
    expect(openingNote?.body).toContain(h.number)

    // Every change audited.
    const { rows } = await sql<{ action: string }>`select action from audit_events
      where account_id in (${h.accountId}, ${opened.id}) and actor_id = ${actor.id} order by seq`.execute(database.db)
    const actions = rows.map((row) => row.action)
    for (const action of [
      'metering.reading.recorded',
      'billing.final_settlement.created',
      'accounts.account.created',
      'metering.supply.ended',
      'metering.supply.started',
      'tariffs.agreement.ended',
      'tariffs.agreement.started',
      'accounts.account.closed',
      'accounts.note.added',
    ]) {
      expect(actions).toContain(action)
    }
  })
})

describe('the next occupant of a dial meter', () => {
  it('is first billed from the move reading, not from the previous occupant’s earlier one', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '7000.0')
    await reading(h, '2026-10-27T09:00:00Z', '7250.0')
    const result = await moveOutWithReading(h, '2026-11-01', '7300.0', {
      newOccupant: null,
      authorName: 'Agent Smith',
    })
    await reading(h, '2026-11-15T09:00:00Z', '7380.0')
    const next = await accountRow(result.newAccount.number)
    const { statement } = await run((tx) =>
      billing.billAccount({ tx, accountId: next.id, on: '2026-11-16', actor: system, at }),
    )
    const detail = await run((tx) => billing.getStatement({ tx, number: statement.number }))
    expect(detail.openingReadings[0]).toMatchObject({ value: '7300.0' })
    const units = detail.lines.filter((line) => line.kind === 'energy').map((line) => line.quantity)
    expect(units).toEqual(['80.000'])
  })
})

describe('moving out without a final reading', () => {
  it('estimates the final read and asks for the debit balance', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '3000.0')
    await reading(h, '2026-10-15T09:00:00Z', '3120.0')
    const result = await moveOut({ db: database.db, accountNumber: h.number, on: '2026-11-01', actor, at })
    expect(result.finalReadings).toEqual([])
    expect(result.finalStatement).toMatchObject({ kind: 'final', status: 'issued', estimated: true })
    expect(result.finalStatement.settlement).toEqual({
      kind: 'payment_request',
      amountMinor: result.finalStatement.closingBalanceMinor,
    })
    expect(result.finalStatement.totalMinor).toBeGreaterThan(0n)
    expect(result.newAccount).toMatchObject({ customerName: 'The Occupier', occupier: true })
    const detail = await run((tx) => billing.getStatement({ tx, number: result.finalStatement.number }))
    expect(detail.closingReadings[0]).toMatchObject({
      estimated: true,
      readAt: startOfLocalDay('2026-11-01').toISOString(),
    })
  })

  it('refuses to move the same account out twice', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '1000.0')
    await moveOut({ db: database.db, accountNumber: h.number, on: '2026-11-01', actor, at })
    await expect(
      moveOut({ db: database.db, accountNumber: h.number, on: '2026-11-02', actor, at }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_ALREADY_CLOSED' })
  })
})

describe('refusals leave nothing half-written', () => {
  it('refuses a move date before the account opened', async () => {
    const h = await home('2026-10-02')
    const before = await counts()
    await expect(moveOutWithReading(h, '2026-09-15', '100.0')).rejects.toMatchObject({
      code: 'INVALID_MOVE_DATE',
      details: [{ path: 'on' }],
    })
    expect(await counts()).toEqual(before)
    expect(await accountRow(h.number)).toMatchObject({ status: 'active', closedOn: null })
  })

  it('rolls back the readings, the final bill and the new account when a later step is refused', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '5000.0')
    const before = await counts()
    await expect(
      moveOutWithReading(h, '2026-11-01', '5200.0', {
        newOccupant: { name: 'Pat Doe' },
        // Refused only after the reading, the final bill and the new account were written.
        tariffCode: 'E-1R-NO-SUCH-TARIFF-A',
      }),
    ).rejects.toMatchObject({ code: 'TARIFF_NOT_FOUND' })
    expect(await counts()).toEqual(before)
    expect(await accountRow(h.number)).toMatchObject({ status: 'active' })
  })

  it('refuses a move date in the future and a reading that fails validation', async () => {
    const h = await home('2026-10-02')
    await reading(h, '2026-10-02T09:00:00Z', '8000.0')
    const before = await counts()
    await expect(
      moveOut({ db: database.db, accountNumber: h.number, on: '2026-11-21', actor, at }),
    ).rejects.toMatchObject({ code: 'INVALID_MOVE_DATE' })
    await expect(moveOutWithReading(h, '2026-11-01', '7000.0')).rejects.toMatchObject({
      code: 'READING_REJECTED',
      details: [{ path: 'finalReadings.0.value' }],
    })
    expect(await counts()).toEqual(before)
  })
})

describe('moving in to replace The Occupier', () => {
  it('final bills and closes the occupier account and opens the named customer’s', async () => {
    const leavingId = smartAccountIds[1] ?? ''
    const number = (await run((tx) => accounts.accountFacts({ tx, accountId: leavingId })))?.number ?? ''
    const [point] = await supplyOf(leavingId)
    await halfHours(point?.id ?? '', '2026-11-01', '2026-11-25')
    const out = await moveOut({ db: database.db, accountNumber: number, on: '2026-10-15', actor, at })

    // Moving in on a named account is refused, closed or not: that is a move-out.
    await expect(
      moveIn({ db: database.db, accountNumber: number, on: '2026-11-05', customer: { name: 'Sam Carter' }, actor, at }),
    ).rejects.toMatchObject({ code: 'NOT_AN_OCCUPIER_ACCOUNT' })
    const named = await home('2026-10-02')
    await expect(
      moveIn({
        db: database.db,
        accountNumber: named.number,
        on: '2026-11-01',
        customer: { name: 'Sam Carter' },
        actor,
        at,
      }),
    ).rejects.toMatchObject({ code: 'NOT_AN_OCCUPIER_ACCOUNT' })

    const moved = await moveIn({
      db: database.db,
      accountNumber: out.newAccount.number,
      on: '2026-11-05',
      customer: { givenName: 'Sam', familyName: 'Carter', email: 'sam@example.com' },
      actor,
      at,
    })
    expect(moved.closedAccount).toMatchObject({ number: out.newAccount.number, closedOn: '2026-11-05' })
    expect(moved.finalStatement).toMatchObject({ kind: 'final', status: 'issued' })
    expect(moved.finalStatement.periodFrom).toEqual(startOfLocalDay('2026-10-15'))
    expect(moved.finalStatement.periodTo).toEqual(startOfLocalDay('2026-11-05'))
    expect(moved.finalStatement.settlement?.kind).toBe('payment_request')
    expect(moved.newAccount).toMatchObject({ customerName: 'Sam Carter', occupier: false, openedOn: '2026-11-05' })
    const samId = await accountId(moved.newAccount.number)
    expect(await supplyOf(samId)).toMatchObject([{ suppliedFrom: '2026-11-05', suppliedTo: null }])
    const occupier = await accountRow(out.newAccount.number)
    expect(occupier).toMatchObject({ status: 'closed', closedOn: '2026-11-05' })
  })
})

describe('a smart home moving out on the day the clocks go back', () => {
  it('splits the month at local midnight: the final bill to it, the occupier billed from it by a later run', async () => {
    const [leavingId, , stayingId] = smartAccountIds as [string, string, string]
    const number = (await run((tx) => accounts.accountFacts({ tx, accountId: leavingId })))?.number ?? ''
    const [point] = await supplyOf(leavingId)
    await halfHours(point?.id ?? '', '2026-11-01', '2026-11-25')

    // 2026-10-25 is 25 hours long in London: its start is 23:00 UTC the day before.
    const result = await moveOut({ db: database.db, accountNumber: number, on: '2026-10-25', actor, at })
    const boundary = new Date('2026-10-24T23:00:00Z')
    expect(result.finalStatement).toMatchObject({ kind: 'final', status: 'issued' })
    expect(result.finalStatement.periodFrom).toEqual(startOfLocalDay('2026-10-01'))
    expect(result.finalStatement.periodTo).toEqual(boundary)
    expect(result.finalStatement.settlement?.kind).toBe('payment_request')
    expect(result.newAccount).toMatchObject({ customerName: 'The Occupier', occupier: true, openedOn: '2026-10-25' })
    const occupierId = await accountId(result.newAccount.number)
    expect(await agreementsOf(occupierId)).toMatchObject([{ validFrom: boundary, validTo: null }])

    // November's run on the 1st bills the account that stayed, not the closed one.
    const first = await runBilling({ db: database.db, on: '2026-11-01', actor: system, at })
    expect(first).toMatchObject({ failed: 0 })
    const billed = await sql<{ account_id: string; kind: string }>`select account_id, kind from statements
      where period_to = ${startOfLocalDay('2026-11-01')}`.execute(database.db)
    expect(billed.rows.map((row) => row.account_id)).toContain(stayingId)
    expect(billed.rows.map((row) => row.account_id)).not.toContain(leavingId)
    const leavingStatements = await run((tx) => billing.listStatements({ tx, accountNumber: number, limit: 10 }))
    expect(leavingStatements.items.map((item) => item.number)).toEqual([result.finalStatement.number])

    // The occupier's cycle day is the 25th: that run bills it from the start of the move date.
    const later = new Date('2026-11-26T09:00:00Z')
    const second = await runBilling({ db: database.db, on: '2026-11-25', actor: system, at: later })
    expect(second).toMatchObject({ failed: 0, held: 0 })
    const occupierStatements = await run((tx) =>
      billing.listStatements({ tx, accountNumber: result.newAccount.number, limit: 10 }),
    )
    expect(occupierStatements.items).toHaveLength(1)
    const [firstBill] = occupierStatements.items
    expect(firstBill).toMatchObject({ kind: 'periodic', status: 'issued' })
    expect(firstBill?.periodFrom).toEqual(boundary)
    expect(firstBill?.periodTo).toEqual(startOfLocalDay('2026-11-25'))
    // 50 half hours on the 25th and 48 on each of the 30 days after it, at 0.2 kWh from November.
    const detail = await run((tx) => billing.getStatement({ tx, number: firstBill?.number ?? '' }))
    const energy = detail.lines.filter((line) => line.kind === 'energy')
    expect(energy.length).toBeGreaterThan(0)
    expect(energy.every((line) => line.from >= boundary)).toBe(true)
  })
})
