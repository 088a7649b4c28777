import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as assist from '../modules/assist/index.js'
import * as audit from '../modules/audit/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import type { Actor } from '../shared/actor.js'
import { systemActor } from '../shared/actor.js'
import { formatMoney } from '../shared/money.js'
import {
  billAccountNow,
  discardSuggestedReply,
  inProcessDeliveryQueue,
  reviewSuggestedReply,
  sendSuggestedReply,
  suggestedReply,
  suggestReply,
} from './index.js'
import { setTestEmail } from './testing.js'

let database: Database
let accountId: string
const number = 'A-10000000'
const agent: Actor = { kind: 'staff', id: 'usr_agent' }
const supervisor: Actor = { kind: 'staff', id: 'usr_supervisor' }
const opened = new Date('2026-11-01T08:00:00Z')
const now = new Date('2026-11-20T10:00:00Z')
const transports = comms.builtInTransports()
/** The delivery worker, run here by hand. */
let queue: ReturnType<typeof inProcessDeliveryQueue>
let statementNumber = ''
let statementTotal = 0n

beforeAll(async () => {
  database = await openTestDatabase()
  queue = inProcessDeliveryQueue({ db: database.db, transports, clock: () => now })
  ;({
    accountIds: [accountId = ''],
  } = await billingFixture({ db: database.db, count: 1, at: opened }))
  await inTransaction(database.db, async (tx) => {
    const { statement } = await billAccountNow({
      tx,
      accountNumber: number,
      on: '2026-11-01',
      actor: agent,
      at: new Date('2026-11-02T06:00:00Z'),
    })
    statementNumber = statement.number
    statementTotal = statement.totalMinor
    await setTestEmail(tx, { accountNumber: number, address: 'bill@example.com', actor: agent, at: opened })
  })
}, 180_000)

afterAll(async () => {
  await database?.close()
})

let emails = 0
async function inbound(subject: string, body: string) {
  emails += 1
  return inTransaction(database.db, (tx) =>
    comms.logInboundEmail({
      tx,
      accountId,
      from: 'bill@example.com',
      subject,
      body,
      receivedAt: new Date(now.getTime() - 60_000 * emails),
      providerMessageId: `<inbound-${emails}@example.com>`,
      actor: systemActor('mailbox'),
      at: now,
    }),
  )
}

/** The account, one of its messages, the agent and now: what every call on a message is given here. */
const byAgent = (messageId: string) => ({ accountNumber: number, messageId, actor: agent, at: now })

const money = (amountMinor: bigint) => formatMoney({ amountMinor, currency: 'GBP' }, 'en-GB')

describe('suggested replies (COM-4)', () => {
  it('drafts a reply from the intent, the account’s own balance and latest statement, and the knowledge base', async () => {
    const message = await inbound(
      'Why is my bill so high?',
      'My bill this month seems really expensive. Can you explain it?',
    )
    const { draft, created } = await suggestReply({ db: database.db, ...byAgent(message.id) })
    expect(created).toBe(true)
    const balance = await ledger.balanceOf({ tx: database.db, accountId })
    expect(balance).toBe(statementTotal)
    expect(draft).toMatchObject({
      intent: 'bill_query',
      status: 'draft',
      subject: 'Re: Why is my bill so high?',
      inboundMessageId: message.id,
      reviewedBy: null,
      editedBody: null,
    })
    expect(draft.confidence).toBeGreaterThan(0.5)
    expect(draft.body).toContain(`Your account ${number} has a balance of ${money(balance)} to pay.`)
    expect(draft.body).toContain(
      `Your latest statement, ${statementNumber}, covers 1 October 2026 to 31 October 2026 and comes to ${money(statementTotal)}`,
    )
    expect(draft.body).toContain('compares this period with the last one')
    expect(draft.sources.facts.map((fact) => fact.name)).toEqual(['latestStatement', 'balance'])
    expect(draft.sources.articles.map((article) => article.id)).toContain('kb-bill-explained')
    expect(draft.sources).toMatchObject({
      template: 'general_message',
      method: 'local',
      knowledgeBaseVersion: assist.knowledgeBaseVersion,
    })
    expect(draft.sources.evidence.length).toBeGreaterThan(0)

    const again = await suggestReply({ db: database.db, ...byAgent(message.id) })
    expect(again).toEqual({ draft, created: false })
    const [event] = await audit.listForAccount({ db: database.db, accountId, actionPrefix: 'assist.', limit: 1 })
    expect(event).toMatchObject({ action: 'assist.suggested_reply.drafted', subjectId: draft.id })
  })

  it('refuses to send a draft no person has reviewed, and sends nothing', async () => {
    const message = await inbound('Payment plan', "I can't afford the full balance, could I pay in instalments?")
    const { draft } = await suggestReply({ db: database.db, ...byAgent(message.id) })
    expect(draft.intent).toBe('payment_arrangement')
    expect(draft.body).toContain('a down payment of about')
    const before = await comms.listMessages({ tx: database.db, accountId, limit: 100 })
    await expect(sendSuggestedReply({ db: database.db, ...byAgent(message.id), queue })).rejects.toMatchObject({
      code: 'DRAFT_NOT_REVIEWED',
      kind: 'conflict',
    })
    const after = await comms.listMessages({ tx: database.db, accountId, limit: 100 })
    expect(after.items.length).toBe(before.items.length)
    await expect(
      inTransaction(database.db, (tx) =>
        reviewSuggestedReply({ tx, accountNumber: number, messageId: message.id, actor: systemActor('bot'), at: now }),
      ),
    ).rejects.toMatchObject({ code: 'REVIEWER_NOT_A_PERSON' })
  })

  it('sends a reviewed draft through comms with the reviewer’s edits, and marks it sent', async () => {
    const message = await inbound('Direct Debit', 'Is my direct debit enough to cover my usage?')
    const { draft } = await suggestReply({ db: database.db, ...byAgent(message.id) })
    const edited = `${draft.body}\n\nI have also checked your last statement myself. — Sam`
    const reviewed = await inTransaction(database.db, (tx) =>
      reviewSuggestedReply({
        tx,
        accountNumber: number,
        messageId: message.id,
        body: edited,
        actor: supervisor,
        at: now,
      }),
    )
    expect(reviewed).toMatchObject({
      status: 'reviewed',
      reviewedBy: 'usr_supervisor',
      editedBody: edited,
      body: draft.body,
    })
    expect(reviewed.reviewedAt).toEqual(now)

    const sent = await sendSuggestedReply({ db: database.db, ...byAgent(message.id), queue })
    expect(sent.draft).toMatchObject({
      status: 'sent',
      sentMessageId: sent.message.id,
      editedBody: edited,
      body: draft.body,
    })
    expect(sent.message).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      templateKey: 'general_message',
      subject: 'Re: Direct Debit',
      recipient: 'bill@example.com',
      status: 'queued',
      related: { type: 'suggested_reply', id: draft.id },
    })
    expect(sent.message.body).toContain('I have also checked your last statement myself. — Sam')
    expect(sent.message.body.startsWith('Dear Bill Fixture0,')).toBe(true)
    // Enqueued for the worker after commit, not sent inside the request.
    expect(sent.message.history.map((event) => event.status)).toEqual(['queued'])
    expect(queue.pending).toEqual([sent.message.id])
    expect((await queue.runQueued()).sent).toEqual([sent.message.id])
    const delivered = await comms.getMessage({ tx: database.db, messageId: sent.message.id })
    expect(delivered.history.map((event) => event.status)).toEqual(['queued', 'sent'])

    await expect(sendSuggestedReply({ db: database.db, ...byAgent(message.id), queue })).rejects.toMatchObject({
      code: 'DRAFT_CLOSED',
    })
    const actions = (await audit.listForAccount({ db: database.db, accountId, actionPrefix: 'assist.', limit: 3 })).map(
      (event) => event.action,
    )
    expect(actions).toEqual([
      'assist.suggested_reply.sent',
      'assist.suggested_reply.reviewed',
      'assist.suggested_reply.drafted',
    ])
  })

  it('keeps no edit when the reviewer leaves the text as drafted, and can be discarded', async () => {
    const message = await inbound('Moving out', 'We are moving house next month, what do I need to do?')
    const { draft } = await suggestReply({ db: database.db, ...byAgent(message.id) })
    expect(draft.intent).toBe('move')
    expect(draft.sources.articles.map((article) => article.id)).toEqual(['kb-final-bills', 'kb-moving-home'])
    const reviewed = await inTransaction(database.db, (tx) =>
      reviewSuggestedReply({ tx, ...byAgent(message.id), body: draft.body }),
    )
    expect(reviewed.editedBody).toBeNull()
    const discarded = await inTransaction(database.db, (tx) => discardSuggestedReply({ tx, ...byAgent(message.id) }))
    expect(discarded.status).toBe('discarded')
    await expect(sendSuggestedReply({ db: database.db, ...byAgent(message.id), queue })).rejects.toMatchObject({
      code: 'DRAFT_CLOSED',
    })
    const read = await inTransaction(database.db, (tx) => suggestedReply({ tx, ...byAgent(message.id) }))
    expect(read.status).toBe('discarded')
  })

  it('lets a configured model reword the draft, and keeps the local draft when the model fails', async () => {
    const rewording: assist.ReplyModel = {
      name: 'model:test',
      async rewrite({ draft }) {
        return { body: `Reworded: ${draft.body}` }
      },
    }
    const first = await inbound('Refund', 'I overpaid, can I have a refund?')
    const { draft } = await suggestReply({ db: database.db, ...byAgent(first.id), model: rewording })
    expect(draft.body.startsWith('Reworded: Thank you for your email about a refund.')).toBe(true)
    expect(draft.sources.method).toBe('local+model:test')

    const failing: assist.ReplyModel = {
      name: 'model:down',
      async rewrite() {
        throw new Error('connection refused')
      },
    }
    const second = await inbound('Smart meter', 'My smart meter has stopped sending readings.')
    const kept = await suggestReply({ db: database.db, ...byAgent(second.id), model: failing })
    expect(kept.draft.body.startsWith('Thank you for your email about your smart meter.')).toBe(true)
    expect(kept.draft.sources).toMatchObject({ method: 'local', modelError: 'model:down: connection refused' })
  })

  it('only answers emails from the customer', async () => {
    const outbound = await inTransaction(database.db, (tx) =>
      comms.send({
        tx,
        accountId,
        channel: 'email',
        template: 'general_message',
        fields: { subject: 'Hello', message: 'Hello' },
        actor: agent,
        at: now,
      }),
    )
    await expect(suggestReply({ db: database.db, ...byAgent(outbound.id) })).rejects.toMatchObject({
      code: 'NOT_AN_INBOUND_EMAIL',
    })
    await expect(
      inTransaction(database.db, (tx) => suggestedReply({ tx, ...byAgent(outbound.id) })),
    ).rejects.toMatchObject({ code: 'SUGGESTED_REPLY_NOT_FOUND' })
  })
})
