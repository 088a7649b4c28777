import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/index.js'
import type * as access from '../../modules/access/index.js'
import type { inProcessDeliveryQueue } from '../../usecases/index.js'
import type { App } from '../app.js'
import { type ActAs, eleanorAccount, nonServiceRoles, openAppWithDelivery, tomAccount } from '../testing.js'

let database: Database
let app: App
let as: ActAs
/** The delivery worker, run here by hand: routes only enqueue. */
let delivery: ReturnType<typeof inProcessDeliveryQueue>
const now = new Date('2026-11-20T09:00:00Z')
const eleanor = 'A-00000001'
const tom = 'A-00000002'

beforeAll(async () => {
  ;({ database, app, as, delivery } = await openAppWithDelivery({
    at: () => now,
    accounts: [eleanorAccount(), tomAccount],
  }))
}, 120_000)

afterAll(async () => {
  await app.close()
  await database.close()
})

const reminder = { channel: 'email', template: 'payment_reminder', fields: { balance: '12345', dueDate: '2026-12-01' } }

const send = (role: access.Role, payload: object, account = eleanor, path = 'messages') =>
  app.inject({ method: 'POST', url: `/api/accounts/${account}/${path}`, headers: as(role), payload })

describe('the comms API', () => {
  it('lets the roles that send customer communications send a templated email, queued for the delivery worker', async () => {
    const response = await send('agent', { ...reminder, related: { type: 'collections_step', id: 'cst_1' } })
    expect(response.statusCode).toBe(201)
    const { message } = response.json()
    expect(message).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      templateKey: 'payment_reminder',
      subject: 'A reminder about your balance of £123.45 (account A-00000001)',
      recipient: 'eleanor@example.com',
      status: 'queued',
      related: { type: 'collections_step', id: 'cst_1' },
    })
    expect(message.history.map((event: { status: string }) => event.status)).toEqual(['queued'])
    // The route only enqueued it; the worker sends exactly that message.
    expect(delivery.pending).toEqual([message.id])
    expect((await delivery.runQueued()).sent).toEqual([message.id])
    const delivered = await app.inject({ url: `/api/accounts/${eleanor}/messages/${message.id}`, headers: as('agent') })
    expect(delivered.json().message).toMatchObject({ status: 'sent', provider: 'outbox' })
    expect(delivered.json().message.history.map((event: { status: string }) => event.status)).toEqual([
      'queued',
      'sent',
    ])
    // The account's internal row id stays in: the account number in the path names the account.
    expect(message).not.toHaveProperty('accountId')
    for (const role of ['supervisor', 'billing_specialist', 'export_specialist'] as const) {
      expect((await send(role, reminder)).statusCode).toBe(201)
    }
  })

  it('refuses sending to roles without the permission, in the error shape', async () => {
    for (const role of nonServiceRoles) {
      const response = await send(role, reminder)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toEqual({
        error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'comms.message.send' } },
      })
    }
    const anonymous = await app.inject({ method: 'POST', url: `/api/accounts/${eleanor}/messages`, payload: reminder })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('keeps collections notices to collections specialists, through their own route', async () => {
    const notice = { channel: 'letter', template: 'final_notice', fields: { balance: '30000', dueDate: '2026-12-14' } }
    const byAgent = await send('agent', notice)
    expect(byAgent.statusCode).toBe(403)
    expect(byAgent.json().error).toMatchObject({
      code: 'TEMPLATE_NOT_ALLOWED',
      message: 'The template final_notice is not sent under comms.message.send',
      details: { template: 'final_notice', sentUnder: ['collections.notice.send'] },
    })
    expect((await send('agent', notice, eleanor, 'collection-notices')).statusCode).toBe(403)
    const byCollections = await send('collections_specialist', notice, tom, 'collection-notices')
    expect(byCollections.statusCode).toBe(201)
    expect(byCollections.json().message).toMatchObject({
      channel: 'letter',
      status: 'queued',
      recipient: 'Mr Tom Ashby, 14 Mill Lane, Cambridge, CB1 2AB',
    })
    const general = { channel: 'email', template: 'general_message', fields: { subject: 'Hi', message: 'Hello' } }
    const notANotice = await send('collections_specialist', general, eleanor, 'collection-notices')
    expect(notANotice.json().error.code).toBe('TEMPLATE_NOT_ALLOWED')
  })

  it('fills the balance from the ledger when it is not given', async () => {
    const response = await send(
      'collections_specialist',
      { ...reminder, fields: { dueDate: '2026-12-01' } },
      eleanor,
      'collection-notices',
    )
    expect(response.statusCode).toBe(201)
    expect(response.json().message.subject).toBe('A reminder about your balance of £0.00 (account A-00000001)')
  })

  it('answers unknown, missing and malformed fields with 400 naming each field', async () => {
    const missing = await send('agent', { ...reminder, fields: { balance: '100' } })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toEqual({
      error: {
        code: 'MISSING_MERGE_FIELD',
        message: 'The template payment_reminder needs the field dueDate',
        details: [{ path: 'fields.dueDate', message: 'required by payment_reminder' }],
      },
    })
    const unknown = await send('agent', { ...reminder, fields: { ...reminder.fields, amount: '1' } })
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_MERGE_FIELD', details: [{ path: 'fields.amount' }] })
    const float = await send('agent', { ...reminder, fields: { ...reminder.fields, balance: '123.45' } })
    expect(float.json().error).toMatchObject({ code: 'INVALID_MERGE_FIELD', details: [{ path: 'fields.balance' }] })
    const template = await send('agent', { ...reminder, template: 'pay_now' })
    expect(template.statusCode).toBe(400)
    expect(template.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.template' }] })
    const extra = await send('agent', { ...reminder, priority: 'high' })
    expect(extra.json().error.details).toEqual([{ path: 'body.priority', message: 'unknown field' }])
  })

  it('refuses SMS to a customer not enrolled, until an agent enrols them', async () => {
    const text = {
      channel: 'sms',
      template: 'appointment_confirmation',
      fields: { appointmentDate: '2026-12-03', appointmentWindow: '8am and 12pm', appointmentPurpose: 'a smart meter' },
    }
    const refused = await send('agent', text)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'SMS_NOT_ENROLLED', details: [{ path: 'channel' }] })
    const enrol = (role: access.Role) =>
      app.inject({
        method: 'PUT',
        url: `/api/accounts/${eleanor}/sms-enrolment`,
        headers: as(role),
        payload: { enrolled: true },
      })
    expect((await enrol('executive')).statusCode).toBe(403)
    const enrolled = await enrol('agent')
    expect(enrolled.statusCode).toBe(200)
    expect(enrolled.json().enrolment).toMatchObject({ enrolled: true, phoneNumber: '07700900123' })
    const read = await app.inject({ url: `/api/accounts/${eleanor}/sms-enrolment`, headers: as('field_technician') })
    expect(read.json().enrolment.enrolled).toBe(true)
    const sent = await send('agent', text)
    expect(sent.statusCode).toBe(201)
    expect(sent.json().message).toMatchObject({ channel: 'sms', recipient: '07700900123', status: 'queued' })
    expect((await delivery.runQueued()).sent).toContain(sent.json().message.id)
  })

  it('previews a message without storing it, for roles that read messages', async () => {
    const before = (
      await app.inject({ url: `/api/accounts/${eleanor}/messages?limit=100`, headers: as('agent') })
    ).json()
    const preview = await send(
      'collections_specialist',
      {
        channel: 'letter',
        template: 'disconnection_notice',
        fields: { balance: '5000', disconnectionDate: '2027-01-10' },
      },
      eleanor,
      'messages/preview',
    )
    expect(preview.statusCode).toBe(200)
    expect(preview.json().preview).toMatchObject({
      subject: 'Notice of disconnection: account A-00000001',
      address: ['Ms Eleanor Ashworth', '14 Mill Lane', 'Cambridge', 'CB1 2AB'],
    })
    expect(preview.json().preview.body).toContain('unpaid balance of £50.00')
    const after = (
      await app.inject({ url: `/api/accounts/${eleanor}/messages?limit=100`, headers: as('agent') })
    ).json()
    expect(after.items.length).toBe(before.items.length)
    const field = await send('field_technician', reminder, eleanor, 'messages/preview')
    expect(field.statusCode).toBe(403)
  })

  it('logs inbound email and phone calls on the account, for roles that add notes', async () => {
    const email = await send(
      'agent',
      {
        from: 'eleanor@example.com',
        subject: 'My bill',
        body: 'Why is it so high?',
        receivedAt: '2026-11-20T08:30:00Z',
        messageId: '<abc@mail.example.com>',
      },
      eleanor,
      'inbound-emails',
    )
    expect(email.statusCode).toBe(201)
    expect(email.json().message).toMatchObject({
      direction: 'inbound',
      status: 'received',
      sender: 'eleanor@example.com',
    })
    const call = await send(
      'collections_specialist',
      {
        direction: 'outbound',
        phoneNumber: '07700 900123',
        startedAt: '2026-11-20T08:45:00Z',
        handleSeconds: 312,
        subject: 'Arrears',
        summary: 'Agreed to call back on Friday with an offer.',
      },
      eleanor,
      'phone-calls',
    )
    expect(call.statusCode).toBe(201)
    expect(call.json().message).toMatchObject({ channel: 'phone_call', handleSeconds: 312, recipient: '07700900123' })
    const negative = await send(
      'agent',
      { direction: 'inbound', startedAt: '2026-11-20T08:45:00Z', handleSeconds: -5, summary: 'x' },
      eleanor,
      'phone-calls',
    )
    expect(negative.statusCode).toBe(400)
    expect(negative.json().error.details).toEqual([{ path: 'body.handleSeconds', message: expect.any(String) }])
    const byField = await send(
      'field_technician',
      { direction: 'inbound', startedAt: '2026-11-20T08:45:00Z', handleSeconds: 5, summary: 'x' },
      eleanor,
      'phone-calls',
    )
    expect(byField.statusCode).toBe(403)
  })

  it('lists the log newest first as an audited view, with one message’s history and a letter’s PDF', async () => {
    const list = await app.inject({ url: `/api/accounts/${tom}/messages`, headers: as('executive') })
    expect(list.statusCode).toBe(200)
    const [letter] = list.json().items
    expect(letter).toMatchObject({ channel: 'letter', templateKey: 'final_notice' })
    await delivery.runQueued()
    const detail = await app.inject({ url: `/api/accounts/${tom}/messages/${letter.id}`, headers: as('agent') })
    expect(detail.json().message).toMatchObject({ hasPdf: true, history: [{ status: 'queued' }, { status: 'sent' }] })
    const pdf = await app.inject({ url: `/api/accounts/${tom}/messages/${letter.id}/pdf`, headers: as('agent') })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const elsewhere = await app.inject({ url: `/api/accounts/${eleanor}/messages/${letter.id}`, headers: as('agent') })
    expect(elsewhere.statusCode).toBe(404)
    expect(elsewhere.json().error.code).toBe('MESSAGE_NOT_FOUND')
    const calls = await app.inject({
      url: `/api/accounts/${eleanor}/messages?channel=phone_call`,
      headers: as('agent'),
    })
    expect(calls.json().items.map((item: { channel: string }) => item.channel)).toEqual(['phone_call'])
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_events
      where action = 'accounts.account.viewed' and context::text like '%"messages"%'`.execute(database.db)
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2)
    expect(
      (await app.inject({ url: `/api/accounts/${tom}/messages`, headers: as('field_technician') })).statusCode,
    ).toBe(403)
  })

  it('answers an unknown account and a malformed message id', async () => {
    const unknown = await app.inject({ url: '/api/accounts/A-0000FFFF/messages', headers: as('agent') })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('ACCOUNT_NOT_FOUND')
    const sendUnknown = await send('agent', reminder, 'A-0000FFFF')
    expect(sendUnknown.json().error.code).toBe('ACCOUNT_NOT_FOUND')
    const malformed = await app.inject({ url: `/api/accounts/${eleanor}/messages/123`, headers: as('agent') })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.details[0].path).toBe('params.messageId')
  })

  it('lists the templates with their fields for the console', async () => {
    const response = await app.inject({ url: '/api/message-templates', headers: as('agent') })
    expect(response.statusCode).toBe(200)
    const reminderTemplate = response.json().items.find((item: { key: string }) => item.key === 'payment_reminder')
    expect(reminderTemplate).toMatchObject({
      channels: ['email', 'sms', 'letter'],
      sentUnder: ['comms.message.send', 'collections.notice.send'],
      fields: [
        { name: 'balance', kind: 'money' },
        { name: 'dueDate', kind: 'date' },
      ],
    })
  })
})
