import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as comms from '../modules/comms/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import {
  accountTimeline,
  billAccountNow,
  decideHeldStatement,
  requestAccountCredit,
  type TimelineItem,
  takeAccountPayment,
} from './index.js'
import { addTestNote, recordTimelineItems } from './testing.js'

let database: Database
let accountId: string
let otherId: string
const number = 'A-10000000'
/** An account whose records were written in another order than they happened in (see below). */
const other = 'A-10000001'
/** The Economy 7 meter point registered on the other account. */
let economy7 = ''
const agent: Actor = { kind: 'staff', id: 'usr_agent' }
/** A supervisor may read every kind of item. */
const viewer = { kind: 'staff', role: 'supervisor' } as const
const processor = new payments.TestProcessor()
const opened = new Date('2026-11-01T08:00:00Z')
const t = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`)
const now = new Date('2026-11-20T12:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
  ;({
    accountIds: [accountId = '', otherId = ''],
  } = await billingFixture({ db: database.db, count: 2, at: opened }))
  const db = database.db
  await recordTimelineItems(db, { accountId, number, actor: agent, t })
  await inTransaction(db, (tx) =>
    accounts.updateContacts({
      tx,
      accountNumber: number,
      emails: [{ address: 'bill@example.com', primary: true }],
      phones: [],
      actor: agent,
      at: t(8),
    }),
  )
  await inTransaction(db, (tx) =>
    requestAccountCredit({
      tx,
      processor,
      accountNumber: number,
      kind: 'goodwill_credit',
      amountMinor: 1_000n,
      reason: 'Sorry for the wait',
      idempotencyKey: 'timeline-credit-1',
      actor: agent,
      at: t(9),
    }),
  )
  // Several items at one instant: the feed orders them by kind, then id.
  await inTransaction(db, async (tx) => {
    await comms.send({
      tx,
      accountId,
      channel: 'email',
      template: 'general_message',
      fields: { subject: 'Your bill', message: 'Here is why.' },
      actor: agent,
      at: t(10),
    })
    for (const body of ['First note', 'Second note']) {
      await addTestNote(tx, { accountNumber: number, type: 'general', body, actor: agent, at: t(10) })
    }
  })
  await recordOutOfOrder(db)
}, 180_000)

/**
 * The other account's records, written in another order than they happened in: an Economy 7 meter
 * point with no tariff, so October's statement, made on the 11th, is held until it is issued on the
 * 15th; a card payment taken on the 13th, written before that issue; a cheque back-dated to the
 * 12th, written after it; meter readings of the 7th to the 10th and an email of the 10th, written
 * last, on the 16th.
 */
async function recordOutOfOrder(db: Database['db']) {
  await inTransaction(db, async (tx) => {
    const supply = await accounts.findAccountSupply({ tx, accountNumber: other })
    const [point] = await metering.registerMeterPoints({
      tx,
      actor: agent,
      at: opened,
      meterPoints: [
        {
          fuel: 'electricity',
          identifier: metering.withCheckDigit('120001234567'),
          propertyId: supply?.property.id ?? '',
          accountId: otherId,
          suppliedFrom: '2026-10-01',
          meters: [
            {
              serial: 'S95A12345',
              type: 'smart',
              installedOn: '2020-01-01',
              registers: [
                { identifier: 'D', rate: 'day', digits: 5 },
                { identifier: 'N', rate: 'night', digits: 5 },
              ],
            },
          ],
        },
      ],
    })
    economy7 = point?.id ?? ''
  })
  const bill = await inTransaction(db, (tx) =>
    billAccountNow({ tx, accountNumber: other, on: '2026-11-01', actor: agent, at: t(11) }),
  )
  const held = bill.statement
  if (held?.status !== 'held') throw new Error(`expected a held statement, got ${held?.status}`)
  const pay = (key: string, at: Date, input: Parameters<typeof takeAccountPayment>[0]['input']) =>
    takeAccountPayment({ db, processor, accountNumber: other, input, idempotencyKey: key, actor: agent, at })
  const card = { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: 2030, cvc: '123' }
  await pay('timeline-order-card', t(13), { method: 'card', amountMinor: 3_000n, card })
  await inTransaction(db, (tx) =>
    decideHeldStatement({ tx, number: held.number, decision: { release: true }, actor: agent, at: t(15) }),
  )
  await pay('timeline-order-cheque', t(12), { method: 'check', amountMinor: 6_500n, reference: '000123' })
  await inTransaction(db, async (tx) => {
    const read = (register: string, readAt: string, value: string, source: metering.ReadingSource) =>
      metering.submitReading({
        tx,
        meterPointId: economy7,
        meterSerial: 'S95A12345',
        register,
        readAt: new Date(readAt),
        value,
        source,
        actor: agent,
        at: t(16),
      })
    // More readings of one day than the feed reads at a time for a small page: read in batches.
    for (let hour = 1; hour <= 10; hour++) {
      await read('D', `2026-11-07T${String(hour).padStart(2, '0')}:00:00Z`, String(12_300 + hour), 'customer')
    }
    await read('D', '2026-11-08T01:00:00Z', '12330', 'smart')
    await read('N', '2026-11-08T01:00:00Z', '6780', 'smart')
    await read('D', '2026-11-09T01:00:00Z', '12345', 'smart')
    await read('N', '2026-11-09T01:00:00Z', '6789', 'smart')
    await read('D', '2026-11-10T01:00:00Z', '12350', 'smart')
    await read('N', '2026-11-10T01:00:00Z', '6795.5', 'smart')
    await read('D', '2026-11-10T19:00:00Z', '12360', 'customer')
    // The fixture's own meter point, the same day: a day of its own.
    const fixturePoint = (await metering.meterPointsOfAccountId({ tx, accountId: otherId })).find(
      (point) => point.id !== economy7,
    )
    await metering.submitReading({
      tx,
      meterPointId: fixturePoint?.id ?? '',
      meterSerial: fixturePoint?.meters[0]?.serial ?? '',
      register: 'S',
      readAt: new Date('2026-11-10T12:00:00Z'),
      value: '500',
      source: 'customer',
      actor: agent,
      at: t(16),
    })
    // Between the two reads of the 10th: a page may end on it, between a day's readings.
    await comms.logInboundEmail({
      tx,
      accountId: otherId,
      from: 'other@example.com',
      subject: 'My readings',
      body: 'I sent my readings.',
      receivedAt: new Date('2026-11-10T10:00:00Z'),
      actor: agent,
      at: t(16),
    })
  })
}

afterAll(async () => {
  await database?.close()
})

const timeline = (input: {
  kinds?: Parameters<typeof accountTimeline>[0]['kinds']
  before?: string
  limit?: number
  accountNumber?: string
}) =>
  inTransaction(database.db, (tx) =>
    accountTimeline({ tx, viewer, accountNumber: number, limit: 100, ...input, actor: agent, at: now }),
  )

const keyOf = (item: TimelineItem) => `${item.kind}:${item.reference.id}`

/** Every page of the feed at one page size, as keys, checking each page's size. */
async function pagedKeys(input: {
  limit: number
  kinds?: Parameters<typeof timeline>[0]['kinds']
  accountNumber?: string
}) {
  const seen: string[] = []
  let before: string | undefined
  for (let pages = 0; pages < 200; pages++) {
    const page = await timeline({ ...input, ...(before ? { before } : {}) })
    expect(page.items.length).toBeLessThanOrEqual(input.limit)
    seen.push(...page.items.map(keyOf))
    if (!page.nextCursor) break
    before = page.nextCursor
  }
  return seen
}

describe('the account timeline (ACC-4)', () => {
  it('merges every kind into one feed, newest first, ordered by kind and id at the same instant', async () => {
    const { items, nextCursor } = await timeline({})
    expect(nextCursor).toBeNull()
    for (let i = 1; i < items.length; i++) {
      expect(items[i - 1]?.at.getTime()).toBeGreaterThanOrEqual(items[i]?.at.getTime() ?? 0)
    }
    const head = items.slice(0, 11).map((item) => [item.kind, item.at.toISOString().slice(0, 10)])
    expect(head).toEqual([
      ['note', '2026-11-10'],
      ['note', '2026-11-10'],
      ['message', '2026-11-10'],
      ['payment', '2026-11-09'],
      ['change', '2026-11-08'],
      ['note', '2026-11-07'],
      ['message', '2026-11-06'],
      ['payment', '2026-11-05'],
      ['reading', '2026-11-04'],
      ['case', '2026-11-03'],
      ['statement', '2026-11-02'],
    ])
    const [second, first, sent, credit, contacts, explained, inbound, payment, reading, dispute, statement] = items
    expect(first).toMatchObject({ title: 'General note added', summary: 'First note' })
    expect(second?.summary).toBe('Second note')
    expect(explained?.title).toBe('Billing note added')
    expect(sent).toMatchObject({ title: 'Email sent: Your bill', status: 'queued', reference: { type: 'message' } })
    expect(inbound).toMatchObject({ title: 'Email received: My bill', status: 'received' })
    expect(credit).toMatchObject({
      title: 'Goodwill credit of £10.00 given',
      summary: 'Reason: Sorry for the wait',
      amountMinor: 1_000n,
      status: 'completed',
    })
    // The agent has no staff record here, so the change names a member of staff.
    expect(contacts).toMatchObject({
      title: 'Email address changed by a member of staff',
      summary: 'Email address now bill@example.com.',
    })
    expect(payment).toMatchObject({
      title: 'Card payment of £25.00 received',
      status: 'succeeded',
      amountMinor: 2_500n,
      reference: { type: 'payment' },
    })
    expect(payment?.summary).toMatch(
      /^Paid with Visa •••• 4242, confirmation P-[0-9A-Z]{4}-[0-9A-Z]{4}, shows on the account on \d{1,2} Nov 2026$/,
    )
    const [point] = await inTransaction(database.db, (tx) => metering.meterPointsOfAccountId({ tx, accountId }))
    expect(reading).toMatchObject({
      title: `1 meter reading for electricity meter point ${point?.identifier} (meter ${point?.meters[0]?.serial})`,
      summary: '12,345 kWh, actual, given by the customer',
      reference: { type: 'reading', number: point?.identifier },
      status: 'accepted',
    })
    expect(dispute).toMatchObject({
      title: expect.stringMatching(/^Case C-\d+ opened: billing dispute, normal priority$/),
      summary: 'Disputes the October bill. Customer says the October reading is wrong.',
      status: 'open',
      reference: { type: 'case' },
    })
    expect(statement?.reference.number).toMatch(/^S-/)
    expect(statement?.amountMinor).toBeGreaterThan(0n)
    expect(statement?.title).toMatch(/^Statement S-\S+ issued for 1 Oct – 31 Oct 2026: £[\d.,]+, due \d{1,2} Nov 2026$/)
    expect(statement?.summary).toMatch(/^The account owed £[\d.,]+ after it\.$/)
    // What happened when the account was opened is there too; views never are.
    expect(items.slice(11).every((item) => item.kind === 'change')).toBe(true)
    expect(items.some((item) => item.title === 'Account created by the system')).toBe(true)
    expect(items.some((item) => item.title.toLowerCase().includes('viewed'))).toBe(false)
  })

  it('filters by kind', async () => {
    const notes = await timeline({ kinds: ['note'] })
    expect(notes.items.map((item) => item.summary)).toEqual(['Second note', 'First note', 'Explained the bill'])
    const money = await timeline({ kinds: ['statement', 'payment'] })
    expect(money.items.map((item) => item.kind)).toEqual(['payment', 'payment', 'statement'])
    const none = await timeline({ kinds: ['visit'] })
    expect(none).toEqual({ items: [], nextCursor: null })
    expect((await timeline({ kinds: ['case', 'visit'] })).items.map((item) => item.kind)).toEqual(['case'])
    expect((await timeline({ kinds: ['reading'] })).items.map((item) => item.kind)).toEqual(['reading'])
  })

  it('pages through the feed with a cursor, without duplicates or gaps, at every page size', async () => {
    const all = (await timeline({})).items.map(keyOf)
    for (const limit of [1, 2, 3, 5]) {
      const seen: string[] = []
      let before: string | undefined
      for (let pages = 0; pages < 100; pages++) {
        const page = await timeline({ limit, ...(before ? { before } : {}) })
        expect(page.items.length).toBeLessThanOrEqual(limit)
        seen.push(...page.items.map(keyOf))
        if (!page.nextCursor) break
        before = page.nextCursor
      }
      expect(seen).toEqual(all)
    }
    const filtered: string[] = []
    let before: string | undefined
    do {
      const page = await timeline({ kinds: ['note', 'message'], limit: 2, ...(before ? { before } : {}) })
      filtered.push(...page.items.map(keyOf))
      before = page.nextCursor ?? undefined
    } while (before)
    expect(filtered).toEqual(all.filter((key) => key.startsWith('note:') || key.startsWith('message:')))
  })

  it('orders by when things happened for the business, not when they were written', async () => {
    const { items } = await timeline({ accountNumber: other, kinds: ['statement', 'payment', 'reading', 'message'] })
    expect(items.map((item) => [item.kind, item.at.toISOString()])).toEqual([
      // made on the 11th, issued on the 15th
      ['statement', t(15).toISOString()],
      ['payment', t(13).toISOString()],
      // written after the statement was issued, taken before
      ['payment', t(12).toISOString()],
      // readings and an email of the 8th to the 10th, written on the 16th
      ['reading', '2026-11-10T19:00:00.000Z'],
      ['reading', '2026-11-10T12:00:00.000Z'],
      ['message', '2026-11-10T10:00:00.000Z'],
      ['reading', '2026-11-09T01:00:00.000Z'],
      ['reading', '2026-11-08T01:00:00.000Z'],
      ['reading', '2026-11-07T10:00:00.000Z'],
    ])
    const [statement, card, cheque] = items
    expect(statement?.title).toMatch(/^Statement S-\S+ issued for 1 Oct – 31 Oct 2026: £[\d.,]+, due \d{1,2} Nov 2026$/)
    expect(statement?.status).toBe('issued')
    expect(card?.title).toBe('Card payment of £30.00 received')
    expect(cheque?.title).toBe('Cheque payment of £65.00 taken, waiting for the bank')
    // The whole feed, changes too, is newest first by the same dates.
    const all = (await timeline({ accountNumber: other })).items
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1]?.at.getTime()).toBeGreaterThanOrEqual(all[i]?.at.getTime() ?? 0)
    }
  })

  it('groups readings into one item per meter point per read day, in sentences', async () => {
    const { items } = await timeline({ accountNumber: other, kinds: ['reading'] })
    const identifier = metering.withCheckDigit('120001234567')
    const economy7Title = (count: number) =>
      `${count} meter readings for electricity meter point ${identifier} (meter S95A12345)`
    expect(items.map((item) => [item.title, item.summary])).toEqual([
      [
        economy7Title(3),
        '12,350 kWh day (actual, sent by the smart meter), 12,360 kWh day (actual, given by the customer), 6,795.5 kWh night (actual, sent by the smart meter)',
      ],
      [
        expect.stringMatching(/^1 meter reading for electricity meter point \d{13} \(meter 21F\d+\)$/),
        '500 kWh, actual, given by the customer',
      ],
      [economy7Title(2), '12,345 kWh day, 6,789 kWh night, actual, sent by the smart meter'],
      [economy7Title(2), '12,330 kWh day, 6,780 kWh night, actual, sent by the smart meter'],
      [
        economy7Title(10),
        expect.stringMatching(/^12,301 kWh day, 12,302 kWh day, .*, 12,310 kWh day, actual, given by the customer$/),
      ],
    ])
    expect(items.every((item) => item.reference.type === 'reading' && item.status === 'accepted')).toBe(true)
    // Half-hourly consumption is not a reading: the fixture's October half hours are not on the feed.
    expect(items.some((item) => item.at.toISOString() < '2026-11-01')).toBe(false)
  })

  it('pages an account written out of order, between the readings of one day too, without duplicates or gaps', async () => {
    const all = (await timeline({ accountNumber: other })).items.map(keyOf)
    expect(new Set(all).size).toBe(all.length)
    for (const limit of [1, 2, 3, 5]) {
      expect(await pagedKeys({ accountNumber: other, limit })).toEqual(all)
    }
    const kinds = ['reading', 'message'] as const
    const some = (await timeline({ accountNumber: other, kinds: [...kinds] })).items.map(keyOf)
    expect(some).toHaveLength(6)
    for (const limit of [1, 2]) {
      expect(await pagedKeys({ accountNumber: other, kinds: [...kinds], limit })).toEqual(some)
    }
  })

  it('refuses a cursor it did not make', async () => {
    await expect(timeline({ before: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' })
  })

  it('records the view of the account in the audit log', async () => {
    await timeline({ kinds: ['note'], limit: 1 })
    const [event] = await audit.listForAccount({
      db: database.db,
      accountId,
      actionPrefix: 'accounts.account.viewed',
      limit: 1,
    })
    expect(event).toMatchObject({
      action: 'accounts.account.viewed',
      actorId: 'usr_agent',
      context: { sections: ['timeline'], kinds: ['note'] },
    })
    await expect(
      inTransaction(database.db, (tx) =>
        accountTimeline({ tx, viewer, accountNumber: 'A-0000FFFF', limit: 5, actor: agent, at: now }),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' })
  })
})
