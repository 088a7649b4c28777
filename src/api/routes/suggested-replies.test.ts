import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import type * as access from '../../modules/access/index.js'
import * as comms from '../../modules/comms/index.js'
import { systemActor } from '../../shared/actor.js'
import type { inProcessDeliveryQueue } from '../../usecases/index.js'
import type { App } from '../app.js'
import { type ActAs, eleanorAccount, nonServiceRoles, openAppWithDelivery, type Send } from '../testing.js'

let database: Database
let app: App
let accountId: string
const now = new Date('2026-11-20T09:00:00Z')
const eleanor = 'A-00000001'

let as: ActAs
let send: Send
/** The delivery worker, run here by hand: routes only enqueue. */
let delivery: ReturnType<typeof inProcessDeliveryQueue>

beforeAll(async () => {
  let accountIds: string[]
  ;({ database, app, as, send, accountIds, delivery } = await openAppWithDelivery({
    at: () => now,
    accounts: [eleanorAccount()],
  }))
  accountId = accountIds[0] ?? ''
}, 120_000)

afterAll(async () => {
  await app.close()
  await database.close()
})

let emails = 0
async function inbound(subject: string, body: string): Promise<string> {
  emails += 1
  const message = await inTransaction(database.db, (tx) =>
    comms.logInboundEmail({
      tx,
      accountId,
      from: 'eleanor@example.com',
      subject,
      body,
      receivedAt: new Date(now.getTime() - emails * 60_000),
      actor: systemActor('mailbox'),
      at: now,
    }),
  )
  return message.id
}

const url = (messageId: string, action = '') =>
  `/api/accounts/${eleanor}/inbound-messages/${messageId}/suggested-reply${action ? `/${action}` : ''}`

const post = (role: access.Role, messageId: string, action = '', payload?: object) =>
  app.inject({ method: 'POST', url: url(messageId, action), headers: as(role), ...(payload ? { payload } : {}) })

describe('the suggested replies API (COM-4)', () => {
  it('drafts a reply, returns the same draft again, and lets readers see it', async () => {
    const messageId = await inbound('Final bill', 'We are moving out on 14 December. What happens to my final bill?')
    const created = await post('agent', messageId)
    expect(created.statusCode).toBe(201)
    const { suggestedReply, created: isNew } = created.json()
    expect(isNew).toBe(true)
    expect(suggestedReply).toMatchObject({
      intent: 'move',
      status: 'draft',
      subject: 'Re: Final bill',
      inboundMessageId: messageId,
      reviewedBy: null,
      sources: { template: 'general_message', method: 'local' },
    })
    expect(suggestedReply.body).toContain('Your account A-00000001 has a balance of £0.00.')
    expect(typeof suggestedReply.createdAt).toBe('string')
    // the account's internal id and the drafting actor are not part of the API
    expect(suggestedReply).not.toHaveProperty('accountId')
    expect(suggestedReply).not.toHaveProperty('createdBy')

    const again = await post('supervisor', messageId)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ suggestedReply, created: false })

    for (const role of ['agent', 'executive', 'collections_specialist'] as const) {
      const read = await send(role, 'GET', url(messageId))
      expect(read.statusCode).toBe(200)
      expect(read.json().suggestedReply.id).toBe(suggestedReply.id)
    }
  })

  it('refuses to send before a person reviewed it, then sends the reviewed, edited reply through comms', async () => {
    const messageId = await inbound('Payment plan', "I can't afford my bill, can I set up a payment plan?")
    expect((await post('agent', messageId)).statusCode).toBe(201)

    const early = await post('agent', messageId, 'send')
    expect(early.statusCode).toBe(409)
    expect(early.json()).toEqual({
      error: {
        code: 'DRAFT_NOT_REVIEWED',
        message: expect.stringContaining('has not been reviewed'),
        details: { draftId: expect.stringMatching(/^sgr_/), status: 'draft' },
      },
    })

    const edited = 'We can set up a plan for you today. I will call you tomorrow morning to agree the amounts.'
    const reviewed = await post('agent', messageId, 'review', { body: edited })
    expect(reviewed.statusCode).toBe(200)
    expect(reviewed.json().suggestedReply).toMatchObject({ status: 'reviewed', editedBody: edited })
    expect(reviewed.json().suggestedReply.reviewedBy).toMatch(/^usr_/)

    const sent = await post('agent', messageId, 'send')
    expect(sent.statusCode).toBe(201)
    const { suggestedReply, message } = sent.json()
    expect(message).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      templateKey: 'general_message',
      subject: 'Re: Payment plan',
      recipient: 'eleanor@example.com',
      status: 'queued',
      related: { type: 'suggested_reply', id: suggestedReply.id },
    })
    expect(message.body).toBe(`Dear Eleanor Ashworth,\n\n${edited}\n\nKind regards,\nGood Egg Energy`)
    expect(suggestedReply).toMatchObject({ status: 'sent', sentMessageId: message.id, editedBody: edited })
    // the provider's own bookkeeping stays inside
    expect(message).not.toHaveProperty('providerMessageId')
    expect(message).not.toHaveProperty('deliveryAttempts')

    expect((await delivery.runQueued()).sent).toEqual([message.id])
    const log = await send('agent', 'GET', `/api/accounts/${eleanor}/messages/${message.id}`)
    expect(log.json().message.history.map((event: { status: string }) => event.status)).toEqual(['queued', 'sent'])
    expect((await post('agent', messageId, 'send')).json().error.code).toBe('DRAFT_CLOSED')
  })

  it('discards a draft', async () => {
    const messageId = await inbound('Tariff', 'Can I switch to Agile?')
    await post('agent', messageId)
    const discarded = await post('supervisor', messageId, 'discard')
    expect(discarded.statusCode).toBe(200)
    expect(discarded.json().suggestedReply.status).toBe('discarded')
    expect((await post('agent', messageId, 'review', {})).statusCode).toBe(409)
  })

  it('gives each role only what its permissions allow', async () => {
    const messageId = await inbound('Refund', 'My account is in credit, please refund it.')
    for (const role of nonServiceRoles) {
      const response = await post(role, messageId)
      expect(response.statusCode).toBe(403)
      expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'comms.message.send' } })
    }
    expect((await post('billing_specialist', messageId)).statusCode).toBe(201)
    for (const role of ['collections_specialist', 'executive'] as const) {
      expect((await post(role, messageId, 'review', {})).statusCode).toBe(403)
      expect((await post(role, messageId, 'send')).statusCode).toBe(403)
      expect((await post(role, messageId, 'discard')).statusCode).toBe(403)
    }
    for (const role of ['field_technician', 'it_administrator'] as const) {
      const read = await send(role, 'GET', url(messageId))
      expect(read.statusCode).toBe(403)
      expect(read.json().error.details).toEqual({ permission: 'comms.message.read' })
    }
    const anonymous = await app.inject({ method: 'GET', url: url(messageId) })
    expect(anonymous.statusCode).toBe(401)
    expect((await post('export_specialist', messageId, 'review', {})).statusCode).toBe(200)
  })

  it('answers 404 for a message with no draft and refuses malformed ids', async () => {
    const messageId = await inbound('Hello', 'Just saying hello.')
    const missing = await send('agent', 'GET', url(messageId))
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('SUGGESTED_REPLY_NOT_FOUND')
    const malformed = await send('agent', 'GET', url('msg_nope'))
    expect(malformed.statusCode).toBe(400)
  })
})
