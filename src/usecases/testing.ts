/** Shared setup for the use cases' tests: the demo billing fixture's accounts, test homes, test charges. */
import { afterAll, beforeAll } from 'vitest'
import { type Database, type Db, inTransaction, type Tx } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as accounts from '../modules/accounts/index.js'
import * as cases from '../modules/cases/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { startOfLocalDay } from '../shared/time.js'
import { billAccountNow, takeAccountPayment } from './index.js'

/** The number `billingFixture` gives its account `index` (from 0): A-10000000, A-10000001, … */
export function fixtureAccountNumber(index: number): string {
  return `A-${(0x10000000 + index).toString(16).toUpperCase()}`
}

/**
 * Hands out the fixture's accounts one per call, with the number the fixture gave each
 * (`A-10000000`, `A-10000001`, …), so tests do not see each other's money.
 * @throws Error when every account has been handed out
 */
export function accountDealer(ids: readonly string[]): () => { id: string; number: string } {
  let next = 0
  return () => {
    const index = next++
    const id = ids[index]
    if (!id) throw new Error('out of fixture accounts')
    return { id, number: fixtureAccountNumber(index) }
  }
}

/** Post a test charge the account owes, due on `dueOn`: the customer book debited, energy revenue credited. */
export async function postTestCharge(
  db: Db,
  {
    idempotencyKey,
    referenceId,
    accountId,
    amountMinor,
    dueOn,
    effectiveOn,
    at,
  }: {
    idempotencyKey: string
    referenceId: string
    accountId: string
    amountMinor: bigint
    dueOn: string
    effectiveOn: string
    at: Date
  },
): Promise<void> {
  const journal: ledger.NewJournal = {
    idempotencyKey,
    reason: 'statement.charge',
    reference: { type: 'test', id: referenceId },
    accountId,
    currency: 'GBP',
    effectiveOn,
    description: 'test charge',
    postings: [
      { book: 'customer', accountId, amountMinor, dueOn },
      { book: 'energy_revenue', accountId, amountMinor: -amountMinor },
    ],
  }
  await inTransaction(db, (tx) => ledger.postJournal({ tx, journal, actor: systemActor('test'), at }))
}

/**
 * One meter point of a test home: its fuel, identifier and meter (one standard register, installed
 * 2020-01-01 unless given), and the tariff it is on (none unless given).
 */
export interface TestMeterPoint {
  readonly fuel: metering.Fuel
  readonly identifier: string
  readonly meterSerial: string
  readonly type: 'smart' | 'traditional'
  readonly unit?: metering.RegisterUnit
  readonly installedOn?: string
  readonly tariffCode?: string
}

/** The home a test opens: who, where, from when, and its meter points. */
export interface TestHome {
  readonly number: string
  readonly customer: accounts.NewAccount['customer']
  /** The address in Cambridge (CB1 2AB, region _A) but for what is given. */
  readonly property: Omit<accounts.NewAccount['property'], 'town' | 'postcode' | 'gspRegion'>
  readonly openedOn: string
  /** When the tariffs start (at the start of the local day): the opening day unless given. */
  readonly tariffFrom?: string
  readonly meterPoints: readonly TestMeterPoint[]
  readonly actor: Actor
  readonly at: Date
}

/** A test home with an electricity meter, as its tests name it: its account, and the meter a reading is on. */
export interface ElectricityTestHome {
  readonly accountId: string
  readonly number: string
  readonly mpan: string
  readonly meterSerial: string
}

/** A test home as opened: its account, its meter points in the order given, and the first of them. */
export interface OpenedTestHome {
  readonly accountId: string
  readonly meterPointIds: string[]
  /** The first meter point's id ('' when it has none): most test homes have one. */
  readonly meterPointId: string
}

/** `openTestHomeIn`, in a transaction of its own. */
export function openTestHome(db: Db, home: TestHome): Promise<OpenedTestHome> {
  return inTransaction(db, (tx) => openTestHomeIn(tx, home))
}

/**
 * Open a test account for `customer` at `property`, register its meter points (supplied from the
 * opening day) and put each that names a tariff on it from the start of `tariffFrom`. Answers the
 * account's id and its meter points' ids, in the order given.
 */
export async function openTestHomeIn(
  tx: Tx,
  { number, customer, property, openedOn, tariffFrom = openedOn, meterPoints, actor, at }: TestHome,
): Promise<OpenedTestHome> {
  const address = { town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' as const, ...property }
  const newAccount = accounts.testAccount({ number, customer, property: address, openedOn })
  const [account] = await accounts.createAccounts({ tx, actor, at, accounts: [newAccount] })
  const accountId = account?.id ?? ''
  const supply = await accounts.findAccountSupply({ tx, accountNumber: number })
  if (meterPoints.length === 0) return { accountId, meterPointIds: [], meterPointId: '' }
  const registered = await metering.registerMeterPoints({
    tx,
    actor,
    at,
    meterPoints: meterPoints.map((point) => ({
      propertyId: supply?.property.id ?? '',
      accountId,
      suppliedFrom: openedOn,
      fuel: point.fuel,
      identifier: point.identifier,
      meters: [
        {
          serial: point.meterSerial,
          type: point.type,
          installedOn: point.installedOn ?? '2020-01-01',
          registers: [{ identifier: 'S', rate: 'standard', digits: 5, ...(point.unit ? { unit: point.unit } : {}) }],
        },
      ],
    })),
  })
  const meterPointIds = meterPoints.map(
    (point) => registered.find((found) => found.identifier === point.identifier)?.id ?? '',
  )
  for (const [index, point] of meterPoints.entries()) {
    if (!point.tariffCode) continue
    await tariffs.startAgreement({
      tx,
      accountId,
      meterPointId: meterPointIds[index] ?? '',
      tariffCode: point.tariffCode,
      from: startOfLocalDay(tariffFrom),
      to: null,
      actor,
      at,
    })
  }
  return { accountId, meterPointIds, meterPointId: meterPointIds[0] ?? '' }
}

/**
 * The database of a billing test file: opened before its tests, with Good Egg Energy configured as
 * the GB supplier and the demo tariff catalogue seeded (prices from 2025-01-01, one day of Agile), and
 * closed after them. The caller passes the demo's `seedTariffCatalogue`: only tests may import the demo.
 */
export function billingTestDatabase({
  seedCatalogue,
  actor,
  at,
}: {
  seedCatalogue: (input: { tx: Tx; from: string; to: string; at: Date; actor: Actor }) => Promise<unknown>
  actor: Actor
  at: Date
}): { readonly db: Db } {
  let database: Database | undefined
  beforeAll(async () => {
    database = await openTestDatabase()
    await inTransaction(database.db, async (tx) => {
      await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at })
      await seedCatalogue({ tx, from: '2025-01-01', to: '2025-01-02', at, actor })
    })
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })
  return {
    get db() {
      if (!database) throw new Error('the test database is open only while the tests run')
      return database.db
    },
  }
}

/**
 * Give a fixture account one item of each kind its timeline shows, on days of November 2026 (`t(day)`
 * is 10:00 that day): its bill (the 2nd), a billing dispute (the 3rd), a customer's meter reading
 * (the 4th), a £25.00 card payment (the 5th), an inbound email (the 6th) and a billing note (the
 * 7th). Answers the dispute's case id.
 */
export async function recordTimelineItems(
  db: Db,
  { accountId, number, actor, t }: { accountId: string; number: string; actor: Actor; t: (day: number) => Date },
): Promise<{ caseId: string }> {
  await inTransaction(db, (tx) => billAccountNow({ tx, accountNumber: number, on: '2026-11-01', actor, at: t(2) }))
  const dispute = await inTransaction(db, (tx) =>
    cases.openCase({
      tx,
      accountId,
      type: 'billing_dispute',
      subject: 'Disputes the October bill',
      description: 'Customer says the October reading is wrong.',
      actor,
      at: t(3),
    }),
  )
  await inTransaction(db, async (tx) => {
    const [point] = await metering.meterPointsOfAccountId({ tx, accountId })
    await metering.submitReading({
      tx,
      meterPointId: point?.id ?? '',
      meterSerial: point?.meters[0]?.serial ?? '',
      register: 'S',
      readAt: t(4),
      value: '12345.0',
      source: 'customer',
      actor,
      at: t(4),
    })
  })
  await takeAccountPayment({
    db,
    processor: new payments.TestProcessor(),
    accountNumber: number,
    input: {
      method: 'card',
      amountMinor: 2_500n,
      card: { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
    },
    idempotencyKey: 'timeline-payment-1',
    actor,
    at: t(5),
  })
  await inTransaction(db, async (tx) => {
    await comms.logInboundEmail({
      tx,
      accountId,
      from: 'bill@example.com',
      subject: 'My bill',
      body: 'Why is my bill so high this month?',
      receivedAt: t(6),
      actor,
      at: t(6),
    })
    await addTestNote(tx, { accountNumber: number, type: 'billing', body: 'Explained the bill', actor, at: t(7) })
  })
  return { caseId: dispute.id }
}

/** A note on the account by `actor`, written with no author name (as the system writes them). */
export function addTestNote(
  tx: Tx,
  note: Omit<Parameters<typeof accounts.addNote>[0], 'tx' | 'authorName'>,
): ReturnType<typeof accounts.addNote> {
  return accounts.addNote({ tx, ...note, authorName: null })
}

/** Put `address` on file as the account's one email, its primary, with no phone number. */
export function setTestEmail(
  tx: Tx,
  { address, ...change }: { accountNumber: string; address: string; actor: Actor; at: Date },
): ReturnType<typeof accounts.updateContacts> {
  return accounts.updateContacts({ tx, ...change, emails: [{ address, primary: true }], phones: [] })
}
