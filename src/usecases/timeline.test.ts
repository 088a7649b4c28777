import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as comms from '../modules/comms/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { accountTimeline, requestAccountCredit, type TimelineItem } from './index.js'
import { addTestNote, recordTimelineItems } from './testing.js'

let database: Database
let accountId: string
const number = 'A-10000000'
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
    accountIds: [accountId = ''],
  } = await billingFixture({ db: database.db, count: 1, at: opened }))
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
}, 180_000)

afterAll(async () => {
  await database?.close()
})

const timeline = (input: { kinds?: Parameters<typeof accountTimeline>[0]['kinds']; before?: string; limit?: number }) =>
  inTransaction(database.db, (tx) =>
    accountTimeline({ tx, viewer, accountNumber: number, limit: 100, ...input, actor: agent, at: now }),
  )

const keyOf = (item: TimelineItem) => `${item.kind}:${item.reference.id}`

describe('the account timeline (ACC-4)', () => {
  it('merges every kind into one feed, newest first, ordered by kind and id at the same instant', async () => {
    const { items, nextCursor } = await timeline({})
    expect(nextCursor).toBeNull()
    for (let i = 1; i < items.length; i++) {
      expect(items[i - 1]?.at.getTime()).toBeGreaterThanOrEqual(items[i]?.at.getTime() ?? 0)
    }
    const head = items.slice(0, 10).map((item) => [item.kind, item.at.toISOString().slice(0, 10)])
    expect(head).toEqual([
      ['note', '2026-11-10'],
      ['note', '2026-11-10'],
      ['message', '2026-11-10'],
      ['payment', '2026-11-09'],
      ['change', '2026-11-08'],
      ['note', '2026-11-07'],
      ['message', '2026-11-06'],
      ['payment', '2026-11-05'],
      ['case', '2026-11-03'],
      ['statement', '2026-11-02'],
    ])
    const [second, first, sent, credit, contacts, , inbound, payment, dispute, statement] = items
    expect(first?.summary).toBe('First note')
    expect(second?.summary).toBe('Second note')
    expect(sent).toMatchObject({ title: 'Email sent: Your bill', status: 'queued', reference: { type: 'message' } })
    expect(inbound).toMatchObject({ title: 'Email received: My bill', status: 'received' })
    expect(credit).toMatchObject({ title: 'Goodwill credit of £10.00', amountMinor: 1_000n, status: 'completed' })
    expect(contacts).toMatchObject({ title: 'Contacts updated' })
    expect(payment).toMatchObject({ status: 'succeeded', amountMinor: 2_500n, reference: { type: 'payment' } })
    expect(payment?.title).toMatch(/^Payment of £25\.00 by Visa/)
    expect(dispute).toMatchObject({
      title: expect.stringMatching(/^Case C-\d+: Disputes the October bill$/),
      summary: 'Billing dispute, normal priority: Customer says the October reading is wrong.',
      status: 'open',
      reference: { type: 'case' },
    })
    expect(statement?.reference.number).toMatch(/^S-/)
    expect(statement?.amountMinor).toBeGreaterThan(0n)
    expect(statement?.summary).toMatch(/^2026-10-01 to 2026-10-31: £[\d.,]+, due 2026-11-\d\d$/)
    // What happened when the account was opened is there too; views never are.
    expect(items.slice(10).every((item) => item.kind === 'change')).toBe(true)
    expect(items.some((item) => item.title === 'Account created')).toBe(true)
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
