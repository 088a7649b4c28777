import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as accounts from '../modules/accounts/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import { configFrom } from '../shared/config.js'
import {
  accountMessages,
  commsTransports,
  deliverMessage,
  enqueueDueMessages,
  inProcessDeliveryQueue,
  logAccountInboundEmail,
  logAccountPhoneCall,
  previewAccountMessage,
  sendAccountMessage,
} from './communications.js'

let database: Database
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-20T10:00:00Z')
const number = 'A-00000001'
let accountId: string

async function refusalOf(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error as { code: string; message: string; details: unknown }
  }
  throw new Error('expected a refusal')
}

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor: agent, at })
    const [opened] = await accounts.createAccounts({
      tx,
      actor: agent,
      at,
      accounts: [
        accounts.testAccount({
          number,
          customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
          property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
          emails: [{ address: 'eleanor@example.com', primary: true }],
          phones: [{ number: '07700 900123', label: 'mobile', primary: true }],
          openedOn: '2024-01-15',
        }),
      ],
    })
    accountId = opened?.id ?? ''
    // The customer owes £87.65.
    await ledger.postJournal({
      tx,
      journal: {
        idempotencyKey: 'test:charge',
        reason: 'statement.charge',
        reference: { type: 'test', id: '1' },
        accountId,
        currency: 'GBP',
        effectiveOn: '2026-11-01',
        description: 'A charge',
        postings: [
          { book: 'customer', accountId, amountMinor: 8765n, dueOn: '2026-11-15' },
          { book: 'energy_revenue', amountMinor: -8765n },
        ],
      },
      actor: agent,
      at,
    })
  })
})
afterAll(async () => {
  await database.close()
})

/** The built-in transports with an email server that cannot be reached. */
const emailDown = (): comms.Transports => ({
  ...comms.builtInTransports(),
  email: {
    name: 'down',
    send: async () => {
      throw new Error('connect ECONNREFUSED')
    },
  },
})

describe('the transports from the environment', () => {
  it('use the built-in outbox with no SMTP settings, and SMTP when CUTTLE_SMTP_URL is set', () => {
    expect(commsTransports(configFrom({}).smtp).email.name).toBe('outbox')
    expect(commsTransports(configFrom({ CUTTLE_SMTP_URL: '  ' }).smtp).email.name).toBe('outbox')
    const smtp = commsTransports(
      configFrom({ CUTTLE_SMTP_URL: 'smtp://127.0.0.1:2525', CUTTLE_SMTP_FROM: 'hello@example.com' }).smtp,
    )
    expect(smtp.email.name).toBe('smtp')
    expect(smtp.sms.name).toBe('test-sms')
    expect(smtp.letter.name).toBe('post-room')
  })
})

describe('sending to an account', () => {
  it('fills the balance from the ledger and enqueues the message for the worker after the transaction commits', async () => {
    const transports = comms.builtInTransports()
    const queue = inProcessDeliveryQueue({ db: database.db, transports, clock: () => at })
    const message = await sendAccountMessage({
      db: database.db,
      accountNumber: number,
      channel: 'email',
      template: 'payment_reminder',
      fields: { dueDate: '2026-11-15' },
      permission: 'comms.message.send',
      queue,
      actor: agent,
      at,
    })
    // The answer is the message as queued: nothing was sent inside the request.
    expect(message).toMatchObject({
      status: 'queued',
      subject: 'A reminder about your balance of £87.65 (account A-00000001)',
      history: [{ status: 'queued' }],
    })
    const outbox = transports.email as ReturnType<typeof comms.outboxEmailTransport>
    expect(outbox.sent).toEqual([])
    expect(queue.pending).toEqual([message.id])
    // The worker (run here by hand) sends exactly that message.
    expect((await queue.runQueued()).sent).toEqual([message.id])
    expect(await comms.getMessage({ tx: database.db, messageId: message.id })).toMatchObject({
      status: 'sent',
      history: [{ status: 'queued' }, { status: 'sent' }],
    })
    expect(outbox.sent).toMatchObject([{ messageId: message.id, to: 'eleanor@example.com' }])
  })

  it('refuses a template the caller’s permission does not send, storing nothing', async () => {
    const before = await comms.listMessages({ tx: database.db, accountId, limit: 100 })
    const error = await refusalOf(() =>
      sendAccountMessage({
        db: database.db,
        accountNumber: number,
        channel: 'letter',
        template: 'disconnection_notice',
        fields: { disconnectionDate: '2027-01-10' },
        permission: 'comms.message.send',
        queue: inProcessDeliveryQueue({ db: database.db, transports: comms.builtInTransports() }),
        actor: agent,
        at,
      }),
    )
    expect(error).toMatchObject({ code: 'TEMPLATE_NOT_ALLOWED' })
    expect((await comms.listMessages({ tx: database.db, accountId, limit: 100 })).items).toHaveLength(
      before.items.length,
    )
  })

  it('leaves a message queued when its transport is down, for the delivery sweep to send later', async () => {
    const down = inProcessDeliveryQueue({ db: database.db, transports: emailDown(), clock: () => at })
    const message = await sendAccountMessage({
      db: database.db,
      accountNumber: number,
      channel: 'email',
      template: 'general_message',
      fields: { subject: 'Your visit', message: 'See you on Tuesday.' },
      permission: 'comms.message.send',
      queue: down,
      actor: agent,
      at,
    })
    expect((await down.runQueued()).deferred).toEqual([message.id])
    expect(await comms.getMessage({ tx: database.db, messageId: message.id })).toMatchObject({
      status: 'queued',
      failureReason: 'connect ECONNREFUSED',
    })
    const later = new Date(at.getTime() + 15 * 60_000)
    // The sweep enqueues what is due again; the worker (run here by hand) sends it.
    const queue = inProcessDeliveryQueue({ db: database.db, transports: comms.builtInTransports(), clock: () => later })
    expect(await enqueueDueMessages({ db: database.db, queue, at: later })).toBeGreaterThanOrEqual(1)
    expect(queue.pending).toContain(message.id)
    const report = await queue.runQueued()
    expect(report.sent).toContain(message.id)
    expect((await comms.getMessage({ tx: database.db, messageId: message.id })).status).toBe('sent')
  })

  it('previews with the ledger balance, recording a view of the account', async () => {
    const preview = (message: Pick<Parameters<typeof previewAccountMessage>[0], 'channel' | 'template' | 'fields'>) =>
      inTransaction(database.db, (tx) =>
        previewAccountMessage({ tx, accountNumber: number, ...message, actor: agent, at }),
      )
    const sms = await preview({
      channel: 'sms',
      template: 'general_message',
      fields: { subject: 'x', message: 'Hello' },
    }).catch((error: unknown) => error)
    // not enrolled for SMS: the preview refuses as sending would
    expect(sms).toMatchObject({ code: 'SMS_NOT_ENROLLED' })
    const letter = await preview({ channel: 'letter', template: 'final_notice', fields: { dueDate: '2026-12-01' } })
    expect(letter.subject).toBe('Final notice: £87.65 overdue on account A-00000001')
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_events
      where action = 'accounts.account.viewed' and context::text like '%message_preview%'`.execute(database.db)
    expect(Number(rows[0]?.n)).toBe(1)
  })
})

describe('logging inbound messages by account number', () => {
  it('attaches an email and a call to the account, and refuses an unknown account', async () => {
    const email = await inTransaction(database.db, (tx) =>
      logAccountInboundEmail({
        tx,
        accountNumber: number,
        from: 'eleanor@example.com',
        subject: 'Thanks',
        body: 'Thank you for the reminder.',
        receivedAt: at,
        actor: agent,
        at,
      }),
    )
    const call = await inTransaction(database.db, (tx) =>
      logAccountPhoneCall({
        tx,
        accountNumber: number,
        direction: 'inbound',
        phoneNumber: null,
        startedAt: at,
        handleSeconds: 60,
        summary: 'Caller withheld their number; asked about the reminder.',
        actor: agent,
        at,
      }),
    )
    const page = await inTransaction(database.db, (tx) =>
      accountMessages({ tx, accountNumber: number, limit: 2, actor: agent, at }),
    )
    expect(page.items.map((message) => message.id)).toEqual([call.id, email.id])
    const unknown = await refusalOf(() =>
      inTransaction(database.db, (tx) =>
        logAccountPhoneCall({
          tx,
          accountNumber: 'A-0000FFFF',
          direction: 'inbound',
          phoneNumber: null,
          startedAt: at,
          handleSeconds: 1,
          summary: 'x',
          actor: agent,
          at,
        }),
      ),
    )
    expect(unknown.code).toBe('ACCOUNT_NOT_FOUND')
  })
})

describe('delivery by a worker, one message per job', () => {
  async function queuedEmail(subject: string) {
    return inTransaction(database.db, (tx) =>
      comms.send({
        tx,
        accountId,
        channel: 'email',
        template: 'general_message',
        fields: { subject, message: 'Hello' },
        actor: agent,
        at,
      }),
    )
  }

  it('sends exactly the message it is given, and skips it when the job runs again', async () => {
    const mine = await queuedEmail('Mine')
    const other = await queuedEmail('Not mine')
    const transports = comms.builtInTransports()
    expect(await deliverMessage({ db: database.db, transports, messageId: mine.id, at })).toBe('sent')
    expect(await deliverMessage({ db: database.db, transports, messageId: mine.id, at })).toBe('skipped')
    const outbox = transports.email as ReturnType<typeof comms.outboxEmailTransport>
    expect(outbox.sent.map((email) => email.messageId)).toEqual([mine.id])
    expect((await comms.getMessage({ tx: database.db, messageId: other.id })).status).toBe('queued')
    // an id whose transaction never committed is skipped, not an error
    expect(await deliverMessage({ db: database.db, transports, messageId: 'msg_never', at })).toBe('skipped')
    await deliverMessage({ db: database.db, transports, messageId: other.id, at })
  })

  it('backs off on a passing failure, doubling the wait, and records each attempt on the message', async () => {
    const message = await queuedEmail('Backoff')
    const down = emailDown()
    const minutes = (n: number) => new Date(at.getTime() + n * 60_000)
    expect(await deliverMessage({ db: database.db, transports: down, messageId: message.id, at })).toBe('deferred')
    // first retry after 10 minutes: not due at 9, due at 10
    expect(await comms.dueMessageIds({ tx: database.db, at: minutes(9), limit: 100 })).not.toContain(message.id)
    expect(await comms.dueMessageIds({ tx: database.db, at: minutes(10), limit: 100 })).toContain(message.id)
    expect(await deliverMessage({ db: database.db, transports: down, messageId: message.id, at: minutes(9) })).toBe(
      'skipped',
    )
    expect(await deliverMessage({ db: database.db, transports: down, messageId: message.id, at: minutes(10) })).toBe(
      'deferred',
    )
    // second retry 20 minutes after the second attempt (10 + 20 = 30)
    expect(await comms.dueMessageIds({ tx: database.db, at: minutes(29), limit: 100 })).not.toContain(message.id)
    expect(await comms.dueMessageIds({ tx: database.db, at: minutes(30), limit: 100 })).toContain(message.id)
    expect(await comms.getMessage({ tx: database.db, messageId: message.id })).toMatchObject({
      status: 'queued',
      deliveryAttempts: 2,
      failureReason: 'connect ECONNREFUSED',
    })
    expect(
      await deliverMessage({
        db: database.db,
        transports: comms.builtInTransports(),
        messageId: message.id,
        at: minutes(30),
      }),
    ).toBe('sent')
  })

  it('runs only what was enqueued in the in-process queue, each id once', async () => {
    const first = await queuedEmail('First')
    const second = await queuedEmail('Second')
    const queue = inProcessDeliveryQueue({ db: database.db, transports: comms.builtInTransports(), clock: () => at })
    await queue.enqueue([first.id, first.id])
    expect(queue.pending).toEqual([first.id])
    expect(await queue.runQueued()).toEqual({ sent: [first.id], failed: [], deferred: [] })
    expect(queue.pending).toEqual([])
    expect((await comms.getMessage({ tx: database.db, messageId: second.id })).status).toBe('queued')
    await deliverMessage({ db: database.db, transports: comms.builtInTransports(), messageId: second.id, at })
  })
})
