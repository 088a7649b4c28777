import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../db/index.js'
import { seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, settlementPeriodsOfDay, startOfLocalDay } from '../shared/time.js'
import { billAccountNow } from './index.js'
import { billingTestDatabase, type ElectricityTestHome, openTestHome, type TestMeterPoint } from './testing.js'

const actor = systemActor('test')
const specialist = { kind: 'staff', id: 'usr_billing' } as const
/** The day the bills are made: backbilling counts twelve months back from it. */
const at = new Date('2026-11-24T09:00:00Z')
const database = billingTestDatabase({ seedCatalogue: seedTariffCatalogue, actor, at })
const variable = (region = 'A') => `E-1R-VAR-22-11-01-${region}`
const gasVariable = 'G-1R-VAR-22-11-01-A'

const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let serial = 0

/** A home of this file's, with its electricity meter point's id. */
type Home = ElectricityTestHome & { electricityId: string }

/** An account with one electricity meter point (smart or traditional) on the variable tariff from `from`. */
async function home({
  openedOn,
  smart,
  from = openedOn,
  gas = false,
  business = false,
}: {
  openedOn: string
  smart: boolean
  from?: string
  gas?: boolean
  business?: boolean
}): Promise<Home & { gasId?: string }> {
  serial += 1
  const number = `A-${String(serial).padStart(8, '0')}`
  const mpan = metering.withCheckDigit(`10${String(serial).padStart(10, '0')}`)
  const meterSerial = `21E${String(serial).padStart(7, '0')}`
  const type = smart ? 'smart' : 'traditional'
  const meterPoints: TestMeterPoint[] = [
    { fuel: 'electricity', identifier: mpan, meterSerial, type, tariffCode: variable() },
  ]
  if (gas) {
    meterPoints.push({
      fuel: 'gas',
      identifier: String(4_000_000 + serial),
      meterSerial: `21G${String(serial).padStart(7, '0')}`,
      type: 'traditional',
      tariffCode: gasVariable,
    })
  }
  const {
    accountId,
    meterPointIds: [electricityId = '', gasId],
  } = await openTestHome(database.db, {
    number,
    customer: business
      ? { kind: 'business', businessName: `Test Trading ${serial} Ltd` }
      : { kind: 'person', title: 'Ms', givenName: 'Test', familyName: `Home${serial}` },
    property: { line1: `${serial} Mill Lane` },
    openedOn,
    tariffFrom: from,
    meterPoints,
    actor,
    at,
  })
  return { accountId, number, electricityId, mpan, meterSerial, ...(gasId ? { gasId } : {}) }
}

/** Half-hourly data for local dates [from, to): `kwh` each half hour, or what `kwhAt` says. */
async function intervals(meterPointId: string, from: string, to: string, kwhAt: (start: Date) => string) {
  const rows: metering.IntervalToStage[] = []
  for (let date = from; date < to; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date)) {
      rows.push({
        line: rows.length + 1,
        meterPointId,
        intervalStart: period.startAt,
        kwh: kwhAt(period.startAt),
        quality: 'actual',
      })
    }
  }
  await run((tx) => metering.loadIntervals({ tx, ingestionId: `ing_${meterPointId}_${from}`, rows, at }))
}

async function reading(h: Home, readAt: string, value: string, source: metering.ReadingSource = 'customer') {
  return run((tx) =>
    metering.submitReading({
      tx,
      meterPointId: h.electricityId,
      meterSerial: h.meterSerial,
      register: 'S',
      readAt: new Date(readAt),
      value,
      source,
      actor,
      at,
    }),
  )
}

const bill = (h: Home, on: string, kind: 'periodic' | 'final' = 'periodic') =>
  run((tx) => billing.billAccount({ tx, accountId: h.accountId, on, kind, actor, at }))
const balance = (h: Home) => run((tx) => ledger.balanceOf({ tx, accountId: h.accountId }))
const detail = (number: string) => run((tx) => billing.getStatement({ tx, number }))
/** An invoice for the home's statements, unissued. */
const invoiceOf = (h: Home, statementNumbers: string[]) =>
  run((tx) => billing.createDocument({ tx, accountNumber: h.number, kind: 'invoice', statementNumbers, actor, at }))

/** A payment received onto the home's account: cash in, the customer's balance down. */
const paymentReceived = (
  h: Home,
  payment: { id: string; effectiveOn: string; description: string; amountMinor: bigint },
) =>
  run((tx) =>
    ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: `pay-${h.number}`,
        reason: 'payment.received',
        reference: { type: 'payment', id: payment.id },
        accountId: h.accountId,
        currency: 'GBP',
        effectiveOn: payment.effectiveOn,
        description: payment.description,
        postings: [
          { book: 'customer', accountId: h.accountId, amountMinor: -payment.amountMinor },
          { book: 'cash', accountId: h.accountId, amountMinor: payment.amountMinor },
        ],
      },
      actor,
      at,
    }),
  )

describe('a monthly statement from half-hourly data', () => {
  let h: Home
  beforeAll(async () => {
    h = await home({ openedOn: '2026-09-01', smart: true })
    await intervals(h.electricityId, '2026-09-01', '2026-11-01', () => '0.250')
  })

  it('charges units and standing charge with VAT, and posts the total to the ledger', async () => {
    const { statement, created } = await bill(h, '2026-10-01')
    expect(created).toBe(true)
    expect(statement).toMatchObject({ status: 'issued', kind: 'periodic', version: 1 })
    const full = await detail(statement.number)
    const energy = full.lines.filter((line) => line.kind === 'energy')
    const standing = full.lines.filter((line) => line.kind === 'standing_charge')
    expect(energy.reduce((sum, line) => sum + Number(line.quantity), 0)).toBeCloseTo(30 * 48 * 0.25, 6)
    expect(standing.reduce((sum, line) => sum + Number(line.quantity), 0)).toBe(30)
    expect(full.lines.reduce((sum, line) => sum + line.amountMinor, 0n)).toBe(full.netMinor)
    expect(full.totalMinor).toBe(full.netMinor + full.vatMinor)
    expect(await balance(h)).toBe(full.totalMinor)
    expect(full).toMatchObject({ openingBalanceMinor: 0n, closingBalanceMinor: full.totalMinor, dueOn: '2026-12-08' })
  })

  it('returns the same statement when the same period is billed again, and charges nothing twice', async () => {
    const before = await balance(h)
    const again = await bill(h, '2026-10-01')
    expect(again.created).toBe(false)
    expect(await balance(h)).toBe(before)
  })

  it('bills the next month from where the last one ended, with a comparison', async () => {
    const { statement } = await bill(h, '2026-11-01')
    expect(statement.period_from).toEqual(startOfLocalDay('2026-10-01'))
    const full = await detail(statement.number)
    // October has 31 local days and 1,488 half hours though the clocks go back on the 25th.
    const standingDays = full.lines
      .filter((line) => line.kind === 'standing_charge')
      .reduce((sum, line) => sum + Number(line.quantity), 0)
    expect(standingDays).toBe(31)
    const kwh = full.lines
      .filter((line) => line.kind === 'energy')
      .reduce((sum, line) => sum + Number(line.quantity), 0)
    expect(kwh).toBeCloseTo((31 * 48 + 2) * 0.25, 6)
    expect(full.explanation.comparison?.previousNumber).toMatch(/^S-/)
    const parts = full.explanation.comparison!
    expect(BigInt(parts.usageEffectMinor) + BigInt(parts.priceEffectMinor) + BigInt(parts.otherEffectMinor)).toBe(
      BigInt(parts.changeMinor),
    )
  })

  it('keeps an issued statement and its lines unchangeable in the database', async () => {
    const [first] = (await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 5 }))).items
    await expect(
      sql`update statements set total_minor = 1, net_minor = 1, vat_minor = 0 where id = ${first!.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/immutable/)
    await expect(
      sql`delete from statement_lines where statement_id = ${first!.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/)
  })
})

describe('a statement from register readings', () => {
  it('bills read to read, estimates the closing read when none is recent, and starts the next bill from it', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false })
    await reading(h, '2026-08-01T09:00:00Z', '10000.0')
    await reading(h, '2026-08-20T09:00:00Z', '10180.0')
    const { statement } = await bill(h, '2026-09-01')
    const full = await detail(statement.number)
    expect(full.explanation.estimated).toBe(true)
    expect(full.closingReadings).toHaveLength(1)
    expect(full.closingReadings[0]).toMatchObject({ estimated: true, readAt: '2026-08-31T23:00:00.000Z' })
    const next = await bill(h, '2026-10-01')
    const nextFull = await detail(next.statement.number)
    expect(nextFull.openingReadings[0]).toMatchObject({ readingId: full.closingReadings[0]?.readingId })
  })

  it('holds a statement whose closing read is below the estimate it opens from', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false })
    await reading(h, '2026-08-01T09:00:00Z', '20000.0')
    const first = await bill(h, '2026-09-01')
    const estimate = (await detail(first.statement.number)).closingReadings[0]!
    expect(estimate.estimated).toBe(true)
    expect(Number(estimate.value)).toBeGreaterThan(20_100)
    // The customer's actual read is below the estimate the last bill ended on (estimates never block a read).
    await reading(h, '2026-09-30T09:00:00Z', '20100.0')
    const { statement } = await bill(h, '2026-10-01')
    expect(statement.status).toBe('held')
    const reasons = statement.hold_reasons as { code: string; message: string }[]
    expect(reasons.map((reason) => reason.code)).toContain('negative_consumption')
    expect(reasons.find((reason) => reason.code === 'negative_consumption')?.message).toContain(h.mpan)
    await expect(bill(h, '2026-11-01')).rejects.toMatchObject({ code: 'NOT_BILLABLE' })
  })

  it('holds a statement with no price to charge with, charges nothing, and lets it be rejected and billed again', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: true })
    await intervals(h.electricityId, '2026-08-01', '2026-09-01', () => '0.100')
    // Remove the price: a tariff whose standing charge ends before the period (a catalogue gap).
    await run((tx) =>
      tariffs.changeTariff({
        tx,
        accountId: h.accountId,
        meterPointId: h.electricityId,
        tariffCode: 'E-1R-AGILE-24-10-01-A',
        from: startOfLocalDay('2026-08-15'),
        actor,
        at,
      }),
    )
    const { statement } = await bill(h, '2026-09-01')
    expect(statement.status).toBe('held')
    expect((statement.hold_reasons as { code: string }[]).map((reason) => reason.code)).toContain('missing_rates')
    expect(await balance(h)).toBe(0n)
    const queue = await run((tx) => billing.heldStatements({ tx, limit: 50 }))
    expect(queue.map((item) => item.number)).toContain(statement.number)
    await expect(
      run((tx) => billing.rejectStatement({ tx, statementId: statement.id, reason: 'no', actor: specialist, at })),
    ).rejects.toMatchObject({ code: 'INVALID_BILLING_REQUEST' })
    await run((tx) =>
      billing.rejectStatement({ tx, statementId: statement.id, reason: 'Agile prices missing', actor: specialist, at }),
    )
    await expect(bill(h, '2026-09-01')).resolves.toMatchObject({
      created: true,
      statement: { version: 2, status: 'held' },
    })
    const second = (await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 5 }))).items[0]!
    const released = await run((tx) => billing.releaseStatement({ tx, statementId: second.id, actor: specialist, at }))
    expect(released.status).toBe('issued')
    expect(await balance(h)).toBe(released.total_minor)
    await expect(
      run((tx) => billing.releaseStatement({ tx, statementId: second.id, actor: specialist, at })),
    ).rejects.toMatchObject({ code: 'STATEMENT_NOT_HELD' })
  })
})

describe('rebilling after a corrected reading', () => {
  it('bills the period again, posts only the difference and keeps both versions', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false })
    await reading(h, '2026-08-01T09:00:00Z', '5000.0')
    const estimatedBill = await bill(h, '2026-09-01')
    const before = await balance(h)
    // The customer's actual read arrives: it replaces the estimate the bill used.
    await reading(h, '2026-08-31T22:30:00Z', '5400.0')
    const rebilled = await run((tx) =>
      billing.rebill({ tx, statementId: estimatedBill.statement.id, actor: specialist, at }),
    )
    expect(rebilled).toMatchObject({
      kind: 'rebill',
      version: 2,
      status: 'issued',
      replaces_statement_id: estimatedBill.statement.id,
    })
    expect(rebilled.posted_minor).toBe(rebilled.total_minor - estimatedBill.statement.total_minor)
    expect(await balance(h)).toBe(before + rebilled.posted_minor)
    const list = (await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 5 }))).items
    expect(list.map((item) => [item.version, item.status])).toEqual([
      [2, 'issued'],
      [1, 'superseded'],
    ])
    await expect(
      run((tx) => billing.rebill({ tx, statementId: estimatedBill.statement.id, actor: specialist, at })),
    ).rejects.toMatchObject({ code: 'STATEMENT_NOT_REBILLABLE' })
  })
})

describe('backbilling (gb: energy used more than 12 months before the bill)', () => {
  // The bill is made on 2026-11-24: energy used before 2025-11-24 is more than 12 months old.
  async function firstBillWithUseOn(day: string) {
    const h = await home({ openedOn: '2025-11-20', smart: true })
    await intervals(h.electricityId, '2025-11-20', '2026-11-24', (start) =>
      start.getTime() === startOfLocalDay(day).getTime() + 10 * 3_600_000 ? '40.000' : '0.000',
    )
    const { statement } = await bill(h, '2026-11-24')
    return { h, statement: await detail(statement.number) }
  }

  it('writes off energy used 12 months and a day before, with the reason on the statement and in the ledger', async () => {
    const { h, statement } = await firstBillWithUseOn('2025-11-23')
    const withUse = statement.writeoffMinor
    const { statement: exactly } = await firstBillWithUseOn('2025-11-24')
    const { statement: dayLess } = await firstBillWithUseOn('2025-11-25')
    // Four days of standing charge (20–23 November) are old on every one; the 40 kWh only on the first.
    expect(exactly.writeoffMinor).toBe(dayLess.writeoffMinor)
    expect(withUse).toBeGreaterThan(exactly.writeoffMinor)
    const energy = statement.lines.find((line) => line.kind === 'energy' && line.from < startOfLocalDay('2025-11-24'))
    expect(energy).toBeDefined()
    expect(statement.explanation.backbilling).toMatchObject({ cutoff: '2025-11-24', writeoffMinor: String(withUse) })
    expect(statement.lines.find((line) => line.kind === 'backbilling_writeoff')?.amountMinor).toBe(-withUse)
    expect(await balance(h)).toBe(statement.totalMinor - withUse)
  })

  it('writes nothing off for a customer in credit, nor when the customer prevented the reading', async () => {
    const credit = await home({ openedOn: '2025-11-20', smart: true })
    await intervals(credit.electricityId, '2025-11-20', '2026-11-24', () => '0.000')
    await paymentReceived(credit, {
      id: 'pay_1',
      effectiveOn: '2026-01-01',
      description: 'Direct Debit',
      amountMinor: 100_000n,
    })
    const inCredit = await detail((await bill(credit, '2026-11-24')).statement.number)
    expect(inCredit.writeoffMinor).toBe(0n)
    expect(inCredit.explanation.backbilling?.reason).toMatch(/credit/)

    const prevented = await home({ openedOn: '2025-11-20', smart: true })
    await intervals(prevented.electricityId, '2025-11-20', '2026-11-24', () => '0.010')
    await run((tx) =>
      billing.setBillingProfile({ tx, accountId: prevented.accountId, changes: { readingPrevented: true }, actor, at }),
    )
    const stood = await detail((await bill(prevented, '2026-11-24')).statement.number)
    expect(stood.writeoffMinor).toBe(0n)
    expect(stood.explanation.backbilling?.reason).toMatch(/prevented/)
  })
})

describe('backbilling and the yearly payment adequacy review (seed 002)', () => {
  const processor = new payments.TestProcessor()
  /** A home opened 2025-11-20 with a Direct Debit set up that day, a year of half hours at 0.010 kWh. */
  async function payingByDirectDebit() {
    const h = await home({ openedOn: '2025-11-20', smart: true })
    await intervals(h.electricityId, '2025-11-20', '2026-11-24', () => '0.010')
    const setUpAt = new Date('2025-11-20T12:00:00Z')
    const instruction = await run(async (tx) => {
      const method = await payments.addPaymentMethod({
        tx,
        accountId: h.accountId,
        method: await processor.tokenizeBankAccount({ accountNumber: '12345678', bankCode: '200000', holderName: 'X' }),
        processor: processor.name,
        actor,
        at: setUpAt,
      })
      return payments.setupDirectDebit({
        tx,
        accountId: h.accountId,
        paymentMethodId: method.id,
        kind: 'variable',
        paymentDay: 1,
        actor,
        at: setUpAt,
      })
    })
    return { h, instruction }
  }
  const billNow = (h: Home) =>
    run((tx) => billAccountNow({ tx, accountNumber: h.number, on: '2026-11-24', actor: specialist, at }))

  it('states "no payment adequacy review in over a year" on the write-off of a Direct Debit never reviewed, and not on one reviewed within the year', async () => {
    // Bill made 2026-11-24: the cutoff is 2025-11-24, so 20–23 November 2025 (four days of standing
    // charge and 4 × 48 × 0.010 kWh) is old; the account owes what it is billed, so it is all written off.
    const never = await payingByDirectDebit()
    // Set up 2025-11-20 and never reviewed: before 2025-11-24, so over a year without a review.
    const unreviewed = await billNow(never.h)
    const reviewed = await payingByDirectDebit()
    await run((tx) =>
      payments.reviewInstructionAdequacy({
        tx,
        instructionId: reviewed.instruction.id,
        on: '2026-01-10',
        actor,
        at: new Date('2026-01-10T05:30:00Z'),
      }),
    )
    const inTime = await billNow(reviewed.h)

    const overdue = await detail(unreviewed.statement.number)
    expect(overdue.writeoffMinor).toBeGreaterThan(0n)
    expect(overdue.explanation.backbilling?.breaches).toEqual(['not_billed_for_over_a_year', 'adequacy_review_overdue'])
    expect(overdue.lines.find((line) => line.kind === 'backbilling_writeoff')?.description).toMatch(
      /no payment adequacy review in over a year/,
    )
    const onTime = await detail(inTime.statement.number)
    expect(onTime.explanation.backbilling?.breaches).toEqual(['not_billed_for_over_a_year'])
    expect(onTime.explanation.backbilling?.reason).not.toMatch(/adequacy/)
    // The same energy, the same debt: the missed review is a stated failing, not a different sum
    // (old energy that puts the account into debit is written off for the year without a bill already).
    expect(onTime.writeoffMinor).toBe(overdue.writeoffMinor)
  })
})

describe('final bills', () => {
  it('estimates the final read, refunds a credit balance, and corrects the bill when the actual read arrives', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false })
    await reading(h, '2026-08-01T09:00:00Z', '7000.0')
    await reading(h, '2026-08-25T09:00:00Z', '7240.0')
    await paymentReceived(h, {
      id: 'pay_2',
      effectiveOn: '2026-08-10',
      description: 'Card payment',
      amountMinor: 50_000n,
    })
    const { statement } = await bill(h, '2026-09-01', 'final')
    const final = await detail(statement.number)
    expect(final.kind).toBe('final')
    expect(final.closingReadings[0]?.estimated).toBe(true)
    expect(final.settlement?.kind).toBe('refund')
    expect(final.settlement?.amountMinor).toBe(-(final.closingBalanceMinor ?? 0n))
    expect(await balance(h)).toBe(0n)
    // The actual final read comes in higher: a corrected final bill and a request for the difference.
    await reading(h, '2026-08-31T22:30:00Z', '7400.0')
    const corrected = await run((tx) => billing.rebill({ tx, statementId: statement.id, actor: specialist, at }))
    const correctedDetail = await detail(corrected.number)
    expect(correctedDetail.kind).toBe('corrected_final')
    expect(correctedDetail.settlement).toMatchObject({ kind: 'payment_request', amountMinor: corrected.posted_minor })
    expect(await balance(h)).toBe(corrected.posted_minor)
  })
})

describe('migrated and shell accounts', () => {
  it('bills a migrated account from the transfer reading, never the change-of-supplier reading', async () => {
    const h = await home({ openedOn: '2026-07-01', smart: false })
    await reading(h, '2026-07-01T08:00:00Z', '3000.0', 'industry')
    await reading(h, '2026-07-28T08:00:00Z', '3300.0', 'transfer')
    await run((tx) =>
      billing.setBillingProfile({
        tx,
        accountId: h.accountId,
        changes: { origin: 'migrated', transferAt: new Date('2026-07-28T08:00:00Z') },
        actor: specialist,
        at,
      }),
    )
    await run((tx) =>
      billing.addHistoricalBill({
        tx,
        accountId: h.accountId,
        bill: {
          source: 'Old Supplier',
          reference: 'OLD-1',
          issuedOn: '2026-07-29',
          periodFrom: '2026-06-28',
          periodTo: '2026-07-28',
          totalMinor: 8123n,
          readings: [{ register: 'S', value: '3300.0', readOn: '2026-07-28' }],
        },
        actor,
        at,
      }),
    )
    await reading(h, '2026-08-31T08:00:00Z', '3500.0')
    const { statement } = await bill(h, '2026-09-01')
    const full = await detail(statement.number)
    expect(full.periodFrom).toEqual(new Date('2026-07-28T08:00:00Z'))
    expect(full.openingReadings[0]).toMatchObject({ value: '3300.0' })
    const kwh = full.lines
      .filter((line) => line.kind === 'energy')
      .reduce((sum, line) => sum + Number(line.quantity), 0)
    expect(kwh).toBe(200)
    const history = await run((tx) => billing.historicalBills({ tx, accountNumber: h.number }))
    expect(history).toMatchObject([{ reference: 'OLD-1', totalMinor: 8123n }])
  })

  it('never bills a shell account', async () => {
    const h = await home({ openedOn: '2026-07-01', smart: true })
    await run((tx) =>
      billing.setBillingProfile({ tx, accountId: h.accountId, changes: { origin: 'shell' }, actor, at }),
    )
    await expect(bill(h, '2026-09-01')).rejects.toMatchObject({ code: 'NOT_BILLABLE' })
  })

  it('refuses a migrated profile without a transfer reading, naming the field', async () => {
    const h = await home({ openedOn: '2026-07-01', smart: true })
    await expect(
      run((tx) =>
        billing.setBillingProfile({ tx, accountId: h.accountId, changes: { origin: 'migrated' }, actor, at }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_BILLING_REQUEST', details: [{ path: 'transferAt' }] })
  })
})

describe('business billing (invoices and credit notes)', () => {
  it('bills to a reading from the last 5 days, as an uninvoiced charge that only an issued invoice posts', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false, business: true })
    await reading(h, '2026-08-01T09:00:00Z', '1000.0')
    await reading(h, '2026-08-28T09:00:00Z', '1400.0')
    const september = await bill(h, '2026-09-01')
    expect(september.statement.status).toBe('uninvoiced')
    expect(await balance(h)).toBe(0n)

    // October: the last reading is 11 days old, so nothing is billed (and nothing is estimated).
    await reading(h, '2026-09-20T09:00:00Z', '1700.0')
    await expect(bill(h, '2026-10-01')).rejects.toMatchObject({
      code: 'NOT_BILLABLE',
      message: expect.stringMatching(/5 days/),
    })
    await reading(h, '2026-09-28T09:00:00Z', '1800.0')
    const october = await bill(h, '2026-10-01')
    expect(october.statement).toMatchObject({ status: 'uninvoiced', period_from: september.statement.period_to })

    const numbers = [september.statement.number, october.statement.number]
    const create = (kind: 'invoice' | 'credit_note', statementNumbers: string[]) =>
      run((tx) =>
        billing.createDocument({ tx, accountNumber: h.number, kind, statementNumbers, actor: specialist, at }),
      )
    await expect(create('credit_note', numbers)).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringMatching(/never both/),
      details: [
        { path: 'statements.0', message: expect.stringMatching(/charges go on an invoice/) },
        expect.anything(),
      ],
    })
    const invoice = await create('invoice', numbers)
    expect(invoice).toMatchObject({ kind: 'invoice', status: 'unissued', statementNumbers: numbers })
    expect(invoice.number).toMatch(/^INV-\d{8}$/)
    expect(invoice.totalMinor).toBe(september.statement.total_minor + october.statement.total_minor)
    await expect(create('invoice', numbers)).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' })
    expect(await balance(h)).toBe(0n)

    const issued = await run((tx) => billing.issueDocument({ tx, number: invoice.number, actor: specialist, at }))
    expect(issued).toMatchObject({ status: 'issued', needsPaymentApproval: false, dueOn: '2026-12-08' })
    expect(await balance(h)).toBe(invoice.totalMinor)
    await expect(
      run((tx) => billing.issueDocument({ tx, number: invoice.number, actor: specialist, at })),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_ISSUED',
    })
    const view = await run((tx) => billing.businessBilling({ tx, accountNumber: h.number }))
    expect(view.uninvoiced).toEqual([])
    expect(view.documents.map((document) => [document.number, document.status])).toEqual([[invoice.number, 'issued']])
    const statuses = (await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 5 }))).items.map(
      (item) => item.status,
    )
    expect(statuses).toEqual(['invoiced', 'invoiced'])
  })

  it('is due on the 1st for the month before, whatever day it opened, while a home opened the same day is due on that day', async () => {
    // Both opened on 15 August 2026: the home is billed on the 15th of each month, the business on
    // the 1st (seed 002: "Billing for all business accounts is currently set for the 1st of the month").
    const business = await home({ openedOn: '2026-08-15', smart: false, business: true })
    const domestic = await home({ openedOn: '2026-08-15', smart: false })
    const dueOn = async (on: string) =>
      (await run((tx) => billing.accountsDue({ tx, on, afterId: null, limit: 100_000 }))).accounts.map((a) => a.id)
    const on15th = await dueOn('2026-09-15')
    expect(on15th).toContain(domestic.accountId)
    expect(on15th).not.toContain(business.accountId)
    const on1st = await dueOn('2026-10-01')
    expect(on1st).toContain(business.accountId)
    expect(on1st).not.toContain(domestic.accountId)
    await expect(
      run((tx) =>
        billing.setBillingProfile({ tx, accountId: business.accountId, changes: { cycleDay: 15 }, actor, at }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_BILLING_REQUEST', details: [{ path: 'cycleDay' }] })

    // First bill on 1 September: from supply start (15 August) to the local midnight starting
    // 1 September, 17 days, to the reading of 29 August (3 days before the bill, inside the 5):
    // 1,300.0 − 1,000.0 = 300 kWh.
    await reading(business, '2026-08-15T09:00:00Z', '1000.0')
    await reading(business, '2026-08-29T09:00:00Z', '1300.0')
    const august = (await bill(business, '2026-09-01')).statement
    expect(august).toMatchObject({
      status: 'uninvoiced',
      period_from: startOfLocalDay('2026-08-15'),
      period_to: startOfLocalDay('2026-09-01'),
    })
    const kwh = (lines: readonly billing.StatementLine[]) =>
      lines.filter((line) => line.kind === 'energy').reduce((sum, line) => sum + Number(line.quantity), 0)
    expect(kwh((await detail(august.number)).lines)).toBe(300)
    // The next, on 1 October, is September exactly (30 days), to the reading of 27 September (4 days
    // before): 1,450.0 − 1,300.0 = 150 kWh.
    await reading(business, '2026-09-27T09:00:00Z', '1450.0')
    const september = (await bill(business, '2026-10-01')).statement
    expect(september).toMatchObject({
      period_from: startOfLocalDay('2026-09-01'),
      period_to: startOfLocalDay('2026-10-01'),
    })
    expect(kwh((await detail(september.number)).lines)).toBe(150)
  })

  it('marks an invoice over the supplier’s threshold for a manual payment approval', async () => {
    await run((tx) => market.updateSettings({ tx, changes: { invoicePaymentApprovalMinor: '1000' }, actor, at }))
    try {
      const h = await home({ openedOn: '2026-08-01', smart: false, business: true })
      await reading(h, '2026-08-01T09:00:00Z', '5000.0')
      await reading(h, '2026-08-30T09:00:00Z', '5300.0')
      const { statement } = await bill(h, '2026-09-01')
      const invoice = await invoiceOf(h, [statement.number])
      expect(invoice.totalMinor).toBeGreaterThan(1000n)
      const issued = await run((tx) => billing.issueDocument({ tx, number: invoice.number, actor, at }))
      expect(issued.needsPaymentApproval).toBe(true)
    } finally {
      await run((tx) => market.updateSettings({ tx, changes: { invoicePaymentApprovalMinor: '300000' }, actor, at }))
    }
  })

  it('rebills an invoiced period: the difference is a new uninvoiced charge, and both versions stay', async () => {
    const h = await home({ openedOn: '2026-08-01', smart: false, business: true })
    await reading(h, '2026-08-01T09:00:00Z', '2000.0')
    await reading(h, '2026-08-27T09:00:00Z', '2200.0')
    const { statement } = await bill(h, '2026-09-01')
    const invoice = await invoiceOf(h, [statement.number])
    await run((tx) => billing.issueDocument({ tx, number: invoice.number, actor, at }))
    // A later, higher reading inside the 5 days: the period is billed to it instead.
    await reading(h, '2026-08-31T09:00:00Z', '2260.0')
    const rebilled = await run((tx) => billing.rebill({ tx, statementId: statement.id, actor: specialist, at }))
    expect(rebilled).toMatchObject({ status: 'uninvoiced', kind: 'rebill', version: 2 })
    expect(rebilled.posted_minor).toBe(rebilled.total_minor - statement.total_minor)
    expect(rebilled.posted_minor).toBeGreaterThan(0n)
    const second = await invoiceOf(h, [rebilled.number])
    expect(second.totalMinor).toBe(rebilled.posted_minor)
    await run((tx) => billing.issueDocument({ tx, number: second.number, actor, at }))
    expect(await balance(h)).toBe(rebilled.total_minor)
    const list = (await run((tx) => billing.listStatements({ tx, accountNumber: h.number, limit: 5 }))).items
    expect(list.map((item) => [item.version, item.status])).toEqual([
      [2, 'invoiced'],
      [1, 'superseded'],
    ])
  })
})
