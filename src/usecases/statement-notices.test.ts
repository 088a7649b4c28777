import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import { statementPdf } from '../documents/statement-pdf.js'
import * as accounts from '../modules/accounts/index.js'
import type * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import type { Actor } from '../shared/actor.js'
import { statementPdfInput } from './account-billing.js'
import { billAccountNow, inProcessDeliveryQueue, noticeFields, sendStatementNotices } from './index.js'
import { setTestEmail } from './testing.js'

let database: Database
let queue: ReturnType<typeof inProcessDeliveryQueue>
const opened = new Date('2026-10-01T08:00:00Z')
const issuedAt = new Date('2026-11-02T06:00:00Z')
const now = new Date('2026-11-02T07:00:00Z')
const agent: Actor = { kind: 'staff', id: 'usr_agent' }
const paperless = 'A-10000000'
const paper = 'A-10000001'
const ids: Record<string, string> = {}
const numbers: Record<string, string> = {}

beforeAll(async () => {
  database = await openTestDatabase()
  queue = inProcessDeliveryQueue({ db: database.db, transports: comms.builtInTransports(), clock: () => now })
  const { accountIds } = await billingFixture({ db: database.db, count: 2, at: opened })
  ids[paperless] = accountIds[0] ?? ''
  ids[paper] = accountIds[1] ?? ''
  await inTransaction(database.db, async (tx) => {
    await setTestEmail(tx, { accountNumber: paperless, address: 'bill@example.com', actor: agent, at: opened })
    await accounts.updatePreferences({ tx, accountNumber: paper, billingMode: 'paper', actor: agent, at: opened })
    for (const accountNumber of [paperless, paper]) {
      const { statement } = await billAccountNow({ tx, accountNumber, on: '2026-11-01', actor: agent, at: issuedAt })
      numbers[accountNumber] = statement.number
    }
  })
}, 180_000)

afterAll(async () => {
  await database?.close()
})

describe('telling customers their statement is ready', () => {
  it('emails a paperless customer and posts the statement itself to a paper one, once each', async () => {
    const summary = await sendStatementNotices({ db: database.db, queue, at: now })
    expect(summary).toEqual({ looked: 2, emailed: 1, posted: 1, failed: [] })
    const noticeOf = async (accountNumber: string) => {
      const { items } = await comms.listMessages({
        tx: database.db,
        accountId: ids[accountNumber] ?? '',
        limit: 10,
      })
      return items.filter((message) => message.templateKey === 'statement_issued')
    }
    const [email] = await noticeOf(paperless)
    expect(email).toMatchObject({
      channel: 'email',
      recipient: 'bill@example.com',
      status: 'queued',
      subject: `Your statement ${numbers[paperless]} for account ${paperless}`,
      related: { type: 'statement' },
    })
    // The fixture's accounts pay by Direct Debit: the notice says when it is collected.
    expect(email?.body).toContain(`Your statement ${numbers[paperless]} for 1 October 2026 to 31 October 2026 is ready`)
    expect(email?.body).toMatch(/Its charges come to £[\d,]+\.\d\d\nand your balance is £[\d,]+\.\d\d\./)
    expect(email?.body).toContain('We will collect what is due by Direct Debit on or after 16 November 2026')
    const [letter] = await noticeOf(paper)
    expect(letter).toMatchObject({ channel: 'letter', status: 'queued' })
    // What is posted is the statement's own PDF, exactly as the customer would download it.
    const posted = await comms.letterPdf({ tx: database.db, messageId: letter?.id ?? '' })
    const input = await inTransaction(database.db, (tx) =>
      statementPdfInput({
        tx,
        accountNumber: paper,
        number: numbers[paper] ?? '',
        duplicate: false,
        actor: agent,
        at: now,
      }),
    )
    expect(posted.equals(await statementPdf(input))).toBe(true)
    expect(queue.pending).toEqual([email?.id, letter?.id])

    // Run again: every statement has its notice, so nothing more is sent.
    expect(await sendStatementNotices({ db: database.db, queue, at: now })).toEqual({
      looked: 2,
      emailed: 0,
      posted: 0,
      failed: [],
    })
    expect(await noticeOf(paperless)).toHaveLength(1)
    expect(queue.pending).toHaveLength(2)
  })

  it('words how the balance is paid by the way the customer pays and what they owe', () => {
    const statement = {
      number: 'S-00000009',
      periodFrom: new Date('2026-03-01T00:00:00Z'),
      // 1 April 00:00 in London is 23:00 UTC on 31 March (BST): the last day is 31 March.
      periodTo: new Date('2026-03-31T23:00:00Z'),
      dueOn: '2026-04-15',
      paymentMethod: 'NON_DIRECT_DEBIT',
      chargesMinor: 12_345n,
      postedMinor: 12_345n,
      closingBalanceMinor: 20_000n,
    } as billing.Statement
    expect(noticeFields(statement, 'GBP')).toEqual({
      statementNumber: 'S-00000009',
      period: '1 March 2026 to 31 March 2026',
      charges: 12_345n,
      balance: 20_000n,
      paymentNote:
        'Please pay £200.00 by 15 April 2026: online, by phone, or by bank transfer quoting your account number.',
    })
    expect(noticeFields({ ...statement, closingBalanceMinor: -1_050n }, 'GBP').paymentNote).toBe(
      'You are £10.50 in credit: there is nothing to pay.',
    )
    expect(noticeFields({ ...statement, closingBalanceMinor: 0n }, 'GBP').paymentNote).toBe(
      'You are all paid up: there is nothing to pay.',
    )
  })

  it('looks only at statements issued since the day given', async () => {
    const summary = await sendStatementNotices({
      db: database.db,
      queue,
      since: new Date('2026-11-03T00:00:00Z'),
      at: now,
    })
    expect(summary).toEqual({ looked: 0, emailed: 0, posted: 0, failed: [] })
  })
})
