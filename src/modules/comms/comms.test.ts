import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as market from '../market/index.js'
import * as comms from './index.js'

const database = openDatabaseForFile()
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-20T10:00:00Z')
let eleanor: string // paperless, email and a mobile
let tom: string // paper, no email, a landline only
let harrow: string // a business, two emails

const reminderFields = { balance: 12345n, dueDate: '2026-12-01' }

function person(number: string, extra: Partial<accounts.NewAccount>): accounts.NewAccount {
  return accounts.eleanorTestAccount({
    number,
    phones: [
      { number: '+44 7700 900123', label: 'mobile', primary: true },
      { number: '01632 960001', label: 'home', primary: false },
    ],
    ...extra,
  })
}

async function refusalOf(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error as { code: string; message: string; details: unknown; kind: string }
  }
  throw new Error('expected a refusal')
}

const run = <T>(work: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
  inTransaction(database.db, work)

/** The agent sends now, in a transaction of its own. */
const send = (input: Omit<Parameters<typeof comms.send>[0], 'tx' | 'actor' | 'at'>) =>
  run((tx) => comms.send({ tx, ...input, actor: agent, at }))

/** An agent's own message (the general_message template), to the address on file unless `recipient` is given. */
const sendGeneral = (
  accountId: string,
  channel: comms.SendChannel,
  fields: { subject: string; message: string },
  recipient?: string,
) => send({ accountId, channel, template: 'general_message', fields, ...(recipient ? { recipient } : {}) })

beforeAll(async () => {
  await run(async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor: agent, at })
    const opened = await accounts.createAccounts({
      tx,
      actor: agent,
      at,
      accounts: [
        person('A-00000001', {}),
        person('A-00000002', {
          customer: { kind: 'person', title: 'Mr', givenName: 'Tom', familyName: 'Ashby' },
          property: { line1: '2 Station Road', town: 'Leeds', postcode: 'LS1 4AB', gspRegion: '_M' },
          billingAddress: { line1: 'PO Box 12', town: 'York', postcode: 'YO1 7HH' },
          emails: [],
          phones: [{ number: '0113 496 0001', label: 'home', primary: true }],
          billingMode: 'paper',
        }),
        person('A-00000003', {
          customer: { kind: 'business', businessName: 'Harrow & Finch Bakery Ltd' },
          emails: [
            { address: 'accounts@harrowfinch.example.com', primary: true },
            { address: 'owner@harrowfinch.example.com', primary: false },
          ],
          phones: [{ number: '0161 496 0999', label: 'work', primary: true }],
        }),
      ],
    })
    ;[eleanor, tom, harrow] = opened.map((account) => account.id) as [string, string, string]
  })
})
describe('sending a templated message', () => {
  it('queues an email to the primary address with the account’s fields merged, audited in the same transaction', async () => {
    const message = await send({
      accountId: eleanor,
      channel: 'email',
      template: 'payment_reminder',
      fields: reminderFields,
      related: { type: 'collections_step', id: 'cst_1' },
    })
    expect(message).toMatchObject({
      accountId: eleanor,
      channel: 'email',
      direction: 'outbound',
      templateKey: 'payment_reminder',
      subject: 'A reminder about your balance of £123.45 (account A-00000001)',
      recipient: 'eleanor@example.com',
      status: 'queued',
      related: { type: 'collections_step', id: 'cst_1' },
      createdBy: agent,
    })
    expect(message.id).toMatch(/^msg_/)
    expect(message.body).toContain('which was due on 1 December 2026')
    const events = await audit.listForAccount({ db: database.db, accountId: eleanor, limit: 50 })
    expect(events.find((event) => event.subjectId === message.id)).toMatchObject({
      action: 'comms.message.queued',
      actorId: 'usr_agent',
    })
    const detail = await comms.getMessage({ tx: database.db, messageId: message.id })
    expect(detail.history.map((event) => event.status)).toEqual(['queued'])
  })

  it('sends to another address only when it is on file, or to an invitee for an invitation', async () => {
    const owner = await sendGeneral(
      harrow,
      'email',
      { subject: 'Your meter', message: 'We will call next week.' },
      'Owner@harrowfinch.example.com',
    )
    expect(owner.recipient).toBe('owner@harrowfinch.example.com')
    expect(owner.body).toContain('Dear Harrow & Finch Bakery Ltd,')
    const stranger = await refusalOf(() =>
      sendGeneral(harrow, 'email', { subject: 'Hi', message: 'Hello' }, 'someone@elsewhere.example.com'),
    )
    expect(stranger.code).toBe('RECIPIENT_NOT_ON_FILE')
    const invitation = await send({
      accountId: eleanor,
      channel: 'email',
      template: 'authorised_user_invitation',
      fields: {
        inviteeName: 'James Ashworth',
        accessLevel: 'full',
        invitationLink: 'https://portal.example.com/invite/abc',
        expiresDate: '2026-12-04',
      },
      recipient: 'james@example.com',
    })
    expect(invitation).toMatchObject({
      recipient: 'james@example.com',
      subject: 'Eleanor Ashworth has invited you to their Good Egg Energy account',
    })
  })

  it('refuses an email to an account with no email address', async () => {
    const error = await refusalOf(() =>
      send({
        accountId: tom,
        channel: 'email',
        template: 'payment_reminder',
        fields: reminderFields,
      }),
    )
    expect(error).toMatchObject({ code: 'NO_RECIPIENT', kind: 'conflict' })
  })

  it('refuses unknown and missing fields before anything is stored', async () => {
    const before = await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 100 })
    const unknown = await refusalOf(() =>
      send({
        accountId: eleanor,
        channel: 'email',
        template: 'payment_reminder',
        fields: { ...reminderFields, amount: 5n },
      }),
    )
    expect(unknown).toMatchObject({ code: 'UNKNOWN_MERGE_FIELD', details: [{ path: 'fields.amount' }] })
    const missing = await refusalOf(() =>
      send({
        accountId: eleanor,
        channel: 'letter',
        template: 'final_notice',
        fields: {},
      }),
    )
    expect(missing.code).toBe('MISSING_MERGE_FIELD')
    expect(missing.message).toContain('balance, dueDate')
    const after = await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 100 })
    expect(after.items.length).toBe(before.items.length)
  })

  it('previews what would be sent, with the same refusals, storing nothing', async () => {
    const shown = await run((tx) =>
      comms.preview({
        tx,
        accountId: tom,
        channel: 'letter',
        template: 'disconnection_notice',
        fields: { balance: 30000n, disconnectionDate: '2027-01-10' },
        at,
      }),
    )
    expect(shown).toMatchObject({
      subject: 'Notice of disconnection: account A-00000002',
      recipient: 'Mr Tom Ashby, PO Box 12, York, YO1 7HH',
      address: ['Mr Tom Ashby', 'PO Box 12', 'York', 'YO1 7HH'],
    })
    expect(shown.body).toContain('may be disconnected on or after\n10 January 2027')
    expect((await comms.listMessages({ tx: database.db, accountId: tom, limit: 10 })).items).toEqual([])
  })
})

describe('SMS', () => {
  const text = (accountId: string) =>
    send({
      accountId,
      channel: 'sms',
      template: 'appointment_confirmation',
      fields: {
        appointmentDate: '2026-12-03',
        appointmentWindow: '8am and 12pm',
        appointmentPurpose: 'a smart meter',
      },
    })

  it('is refused for a customer not enrolled for SMS, and nothing is stored', async () => {
    const error = await refusalOf(() => text(eleanor))
    expect(error).toMatchObject({ code: 'SMS_NOT_ENROLLED', kind: 'conflict' })
    expect(error.message).toBe('The customer on account A-00000001 is not enrolled for SMS')
    const sms = await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 10, channel: 'sms' })
    expect(sms.items).toEqual([])
  })

  it('goes to the enrolled mobile once the customer enrols, and is refused again after they leave', async () => {
    const enrolment = await run((tx) =>
      comms.setSmsEnrolment({ tx, accountId: eleanor, enrolled: true, actor: agent, at }),
    )
    expect(enrolment).toMatchObject({ enrolled: true, phoneNumber: '07700900123' })
    const message = await text(eleanor)
    expect(message).toMatchObject({
      channel: 'sms',
      recipient: '07700900123',
      status: 'queued',
      subject: expect.any(String),
    })
    expect(message.body).toContain('3 December 2026, 8am and 12pm')
    await run((tx) => comms.setSmsEnrolment({ tx, accountId: eleanor, enrolled: false, actor: agent, at }))
    expect((await refusalOf(() => text(eleanor))).code).toBe('SMS_NOT_ENROLLED')
    await run((tx) => comms.setSmsEnrolment({ tx, accountId: eleanor, enrolled: true, actor: agent, at }))
  })

  it('enrols only a number on the account, and needs a mobile when none is named', async () => {
    const stranger = await refusalOf(() =>
      run((tx) =>
        comms.setSmsEnrolment({ tx, accountId: tom, enrolled: true, phoneNumber: '07700 900999', actor: agent, at }),
      ),
    )
    expect(stranger).toMatchObject({ code: 'INVALID_SMS_ENROLMENT', details: [{ path: 'phoneNumber' }] })
    const noMobile = await refusalOf(() =>
      run((tx) => comms.setSmsEnrolment({ tx, accountId: tom, enrolled: true, actor: agent, at })),
    )
    expect(noMobile.message).toBe('Account A-00000002 has no mobile number to enrol')
  })
})

describe('letters', () => {
  it('are rendered to a PDF when sent, stored and retrievable', async () => {
    const message = await send({
      accountId: tom,
      channel: 'letter',
      template: 'final_notice',
      fields: { balance: 30000n, dueDate: '2026-12-14' },
    })
    expect(message.recipient).toBe('Mr Tom Ashby, PO Box 12, York, YO1 7HH')
    const pdf = await comms.letterPdf({ tx: database.db, messageId: message.id, accountId: tom })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-6).toString()).toContain('%%EOF')
    expect((await comms.getMessage({ tx: database.db, messageId: message.id })).hasPdf).toBe(true)
    const postRoom = comms.postRoomLetterTransport()
    await comms.deliverQueued({
      db: database.db,
      transports: { ...comms.builtInTransports(), letter: postRoom },
      at,
      messageIds: [message.id],
    })
    expect(postRoom.sent).toHaveLength(1)
    expect(postRoom.sent[0]?.address).toEqual(['Mr Tom Ashby', 'PO Box 12', 'York', 'YO1 7HH'])
    expect(postRoom.sent[0]?.pdf.equals(pdf)).toBe(true)
    expect(
      (await refusalOf(() => comms.letterPdf({ tx: database.db, messageId: message.id, accountId: eleanor }))).code,
    ).toBe('MESSAGE_NOT_FOUND')
  })

  it('are the same PDF byte for byte when made twice from the same text', async () => {
    const input = {
      supplierName: 'Good Egg Energy',
      accountNumber: 'A-00000002',
      address: ['Mr Tom Ashby', 'PO Box 12', 'York', 'YO1 7HH'],
      dateText: '20 November 2026',
      subject: 'Final notice',
      body: 'Dear Mr Ashby,\n\nPlease pay £300.00.\n\nKind regards,\nGood Egg Energy',
      writtenAt: at,
    }
    const first = await comms.renderLetterPdf(input, { compress: false })
    expect(first.equals(await comms.renderLetterPdf(input, { compress: false }))).toBe(true)
  })
})

describe('delivery', () => {
  it('happens only after the queuing transaction commits: a rolled-back one sends nothing', async () => {
    const transports = comms.builtInTransports()
    await refusalOf(() =>
      run(async (tx) => {
        await comms.send({
          tx,
          accountId: harrow,
          channel: 'email',
          template: 'general_message',
          fields: { subject: 'Never', message: 'This is rolled back' },
          actor: agent,
          at,
        })
        throw new Error('the caller’s own step failed')
      }),
    )
    const report = await comms.deliverQueued({ db: database.db, transports, at })
    const outbox = transports.email as ReturnType<typeof comms.outboxEmailTransport>
    expect(outbox.sent.map((email) => email.subject)).not.toContain('Never')
    expect(report.failed).toEqual([])
  })

  it('marks each queued message sent through its transport, with the provider’s id and the status history', async () => {
    const transports = comms.builtInTransports()
    const queued = await send({
      accountId: eleanor,
      channel: 'email',
      template: 'payment_reminder',
      fields: reminderFields,
    })
    const later = new Date(at.getTime() + 60_000)
    const report = await comms.deliverQueued({ db: database.db, transports, at: later })
    expect(report.sent).toContain(queued.id)
    const detail = await comms.getMessage({ tx: database.db, messageId: queued.id })
    expect(detail).toMatchObject({ status: 'sent', provider: 'outbox', providerMessageId: `outbox:${queued.id}` })
    expect(detail.history.map((event) => event.status)).toEqual(['queued', 'sent'])
    expect((await comms.deliverQueued({ db: database.db, transports, at: later })).sent).toEqual([])
  })

  it('fails a text the provider refuses for good, and tries again later after a passing failure', async () => {
    await run((tx) =>
      comms.setSmsEnrolment({ tx, accountId: tom, enrolled: true, phoneNumber: '0113 496 0001', actor: agent, at }),
    )
    const landline = await sendGeneral(tom, 'sms', { subject: 'Meter', message: 'Your engineer is on the way' })
    const flaky: comms.Transports = {
      ...comms.builtInTransports(),
      email: {
        name: 'flaky',
        send: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:25')
        },
      },
    }
    const email = await sendGeneral(harrow, 'email', { subject: 'Retry', message: 'Tried again' })
    const ids = [landline.id, email.id]
    const first = await comms.deliverQueued({ db: database.db, transports: flaky, at, messageIds: ids })
    expect(first).toEqual({ sent: [], failed: [landline.id], deferred: [email.id] })
    expect(await comms.getMessage({ tx: database.db, messageId: landline.id })).toMatchObject({
      status: 'failed',
      failureReason: '01134960001 is not a mobile number',
    })
    expect(await comms.getMessage({ tx: database.db, messageId: email.id })).toMatchObject({
      status: 'queued',
      deliveryAttempts: 1,
      failureReason: 'connect ECONNREFUSED 127.0.0.1:25',
    })
    // not due again until the retry time
    expect((await comms.deliverQueued({ db: database.db, transports: flaky, at, messageIds: ids })).deferred).toEqual(
      [],
    )
    const retryAt = new Date(at.getTime() + 11 * 60_000)
    const second = await comms.deliverQueued({
      db: database.db,
      transports: comms.builtInTransports(),
      at: retryAt,
      messageIds: ids,
    })
    expect(second.sent).toEqual([email.id])
    expect(await comms.getMessage({ tx: database.db, messageId: email.id })).toMatchObject({
      status: 'sent',
      deliveryAttempts: 2,
      failureReason: null,
    })
  })
})

describe('delivery reports', () => {
  async function sentEmail() {
    const message = await send({
      accountId: eleanor,
      channel: 'email',
      template: 'payment_reminder',
      fields: reminderFields,
    })
    await comms.deliverQueued({ db: database.db, transports: comms.builtInTransports(), at, messageIds: [message.id] })
    return message
  }
  const report = (messageId: string, status: comms.DeliveryStatus, detail?: string) =>
    run((tx) => comms.recordDeliveryEvent({ tx, messageId, status, detail, actor: agent, at }))

  it('records delivered, opened and clicked in order, found by our id or the provider’s', async () => {
    const message = await sentEmail()
    await report(message.id, 'delivered')
    const opened = await run((tx) =>
      comms.recordDeliveryEvent({
        tx,
        provider: { name: 'outbox', messageId: `outbox:${message.id}` },
        status: 'opened',
        occurredAt: new Date('2026-11-20T11:00:00Z'),
        actor: agent,
        at,
      }),
    )
    expect(opened).toMatchObject({ status: 'opened', statusAt: new Date('2026-11-20T11:00:00Z') })
    await report(message.id, 'clicked', 'https://goodeggenergy.example/pay')
    const detail = await comms.getMessage({ tx: database.db, messageId: message.id })
    expect(detail.history.map((event) => event.status)).toEqual(['queued', 'sent', 'delivered', 'opened', 'clicked'])
    expect(detail.history[4]?.detail).toBe('https://goodeggenergy.example/pay')
  })

  it('refuses impossible transitions, naming what could follow', async () => {
    const message = await sentEmail()
    await report(message.id, 'opened')
    const backwards = await refusalOf(() => report(message.id, 'delivered'))
    expect(backwards).toMatchObject({
      code: 'MESSAGE_STATUS_TRANSITION_REFUSED',
      kind: 'conflict',
      message: 'An email that is opened cannot become delivered (only clicked)',
      details: { from: 'opened', to: 'delivered', allowed: ['clicked'] },
    })
    const bounced = await sentEmail()
    await report(bounced.id, 'bounced', '550 5.1.1 mailbox unavailable')
    expect((await refusalOf(() => report(bounced.id, 'opened'))).code).toBe('MESSAGE_STATUS_TRANSITION_REFUSED')
    expect(await comms.getMessage({ tx: database.db, messageId: bounced.id })).toMatchObject({
      status: 'bounced',
      failureReason: '550 5.1.1 mailbox unavailable',
    })
  })

  it('treats a repeated report as no change', async () => {
    const message = await sentEmail()
    await report(message.id, 'delivered')
    await report(message.id, 'delivered')
    const detail = await comms.getMessage({ tx: database.db, messageId: message.id })
    expect(detail.history.map((event) => event.status)).toEqual(['queued', 'sent', 'delivered'])
  })

  it('refuses a report about a message that does not exist, and opening a text', async () => {
    expect((await refusalOf(() => report('msg_nope', 'delivered'))).code).toBe('MESSAGE_NOT_FOUND')
    const sms = (await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 1, channel: 'sms' })).items[0]
    if (!sms) throw new Error('no text')
    await comms.deliverQueued({ db: database.db, transports: comms.builtInTransports(), at, messageIds: [sms.id] })
    expect((await refusalOf(() => report(sms.id, 'opened'))).message).toBe(
      'A text that is sent cannot become opened (only delivered, failed)',
    )
  })
})

describe('inbound messages', () => {
  it('attaches an inbound email to the account once, noting whether the sender is on file', async () => {
    const log = (from: string) =>
      run((tx) =>
        comms.logInboundEmail({
          tx,
          accountId: eleanor,
          from,
          to: 'hello@goodeggenergy.example',
          subject: 'My bill',
          body: 'Why is my bill so high this month?',
          receivedAt: new Date('2026-11-20T09:30:00Z'),
          providerMessageId: `<${from}-1@mail.example.com>`,
          actor: agent,
          at,
        }),
      )
    const email = await log('Eleanor@example.com')
    expect(email).toMatchObject({
      direction: 'inbound',
      channel: 'email',
      status: 'received',
      sender: 'Eleanor@example.com',
    })
    expect((await log('Eleanor@example.com')).id).toBe(email.id)
    const detail = await comms.getMessage({ tx: database.db, messageId: email.id })
    expect(detail.history).toMatchObject([{ status: 'received', detail: 'sender on file' }])
    const unknown = await log('someone@elsewhere.example.com')
    expect((await comms.getMessage({ tx: database.db, messageId: unknown.id })).history[0]?.detail).toBe(
      'sender not on file',
    )
  })

  it('logs a phone call with its handle time, and refuses a negative one', async () => {
    const call = await run((tx) =>
      comms.logPhoneCall({
        tx,
        accountId: eleanor,
        direction: 'inbound',
        phoneNumber: '+44 7700 900123',
        startedAt: new Date('2026-11-20T09:40:00Z'),
        handleSeconds: 415,
        subject: 'High bill',
        summary: 'Explained the colder weather; customer happy.',
        actor: agent,
        at,
      }),
    )
    expect(call).toMatchObject({
      channel: 'phone_call',
      status: 'completed',
      sender: '07700900123',
      handleSeconds: 415,
    })
    const error = await refusalOf(() =>
      run((tx) =>
        comms.logPhoneCall({
          tx,
          accountId: eleanor,
          direction: 'outbound',
          phoneNumber: null,
          startedAt: at,
          handleSeconds: -1,
          summary: 'x',
          actor: agent,
          at,
        }),
      ),
    )
    expect(error).toMatchObject({ code: 'INVALID_MESSAGE', details: [{ path: 'handleSeconds' }] })
  })
})

describe('the message log', () => {
  it('lists an account’s messages newest first, a page at a time, by channel', async () => {
    const first = await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const second = await comms.listMessages({
      tx: database.db,
      accountId: eleanor,
      limit: 100,
      cursor: first.nextCursor ?? undefined,
    })
    const ids = [...first.items, ...second.items].map((message) => message.id)
    expect(ids).toEqual([...ids].sort().reverse())
    const calls = await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 100, channel: 'phone_call' })
    expect(calls.items.every((message) => message.channel === 'phone_call')).toBe(true)
    const related = await comms.listMessages({
      tx: database.db,
      accountId: eleanor,
      limit: 100,
      related: { type: 'collections_step', id: 'cst_1' },
    })
    expect(related.items).toHaveLength(1)
  })

  it('keeps what was sent: the database refuses to change a message’s text or delete it', async () => {
    const [message] = (await comms.listMessages({ tx: database.db, accountId: eleanor, limit: 1 })).items
    if (!message) throw new Error('no message')
    await expect(
      sql`update comms_messages set body = 'changed' where id = ${message.id}`.execute(database.db),
    ).rejects.toThrow(/fixed once written/)
    await expect(sql`delete from comms_messages where id = ${message.id}`.execute(database.db)).rejects.toThrow(
      /DELETE refused/,
    )
    await expect(
      sql`update comms_message_events set detail = 'x' where message_id = ${message.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/)
  })

  it('prefers email for a paperless customer with an address, a letter otherwise', async () => {
    expect(await run((tx) => comms.preferredChannel({ tx, accountId: eleanor }))).toBe('email')
    expect(await run((tx) => comms.preferredChannel({ tx, accountId: tom }))).toBe('letter')
  })
})
