import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as accounts from '../accounts/index.js'
import * as market from '../market/index.js'
import * as comms from './index.js'

/** What the local SMTP server was given: the envelope and the raw message. */
interface Received {
  readonly from: string
  readonly to: string[]
  readonly raw: string
}

const database = openDatabaseForFile()
let server: SMTPServer
let port: number
const received: Received[] = []
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-20T10:00:00Z')
let accountId: string
let bouncingAccountId: string

beforeAll(async () => {
  server = new SMTPServer({
    // A plain local peer: no TLS certificate to trust, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        const error = Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 })
        return callback(error)
      }
      return callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor: agent, at })
    const base = accounts.eleanorTestAccount()
    const opened = await accounts.createAccounts({
      tx,
      actor: agent,
      at,
      accounts: [base, { ...base, number: 'A-00000002', emails: [{ address: 'nobody@example.com', primary: true }] }],
    })
    accountId = opened[0]?.id ?? ''
    bouncingAccountId = opened[1]?.id ?? ''
  })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Decode RFC 2047 encoded words and a quoted-printable body, enough to read what nodemailer wrote. */
function decodeWords(text: string): string {
  return text.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  )
}

function parse(raw: string): { headers: Map<string, string>; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()))
  }
  let body = rest.join('\n\n')
  if (/quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '')) {
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8')
  }
  return { headers, body: body.replace(/\r\n/g, '\n') }
}

const reminder = (id: string) =>
  inTransaction(database.db, (tx) =>
    comms.send({
      tx,
      accountId: id,
      channel: 'email',
      template: 'payment_reminder',
      fields: { balance: 12345n, dueDate: '2026-12-01' },
      actor: agent,
      at,
    }),
  )

/** Deliver one queued message with this email transport, then close the transport. */
async function deliverThrough(transport: ReturnType<typeof comms.smtpEmailTransport>, messageId: string) {
  try {
    return await comms.deliverQueued({
      db: database.db,
      transports: { ...comms.builtInTransports(), email: transport },
      at,
      messageIds: [messageId],
    })
  } finally {
    transport.close()
  }
}

describe('email through a real SMTP server', () => {
  it('delivers a queued message and the server receives its sender, recipient, subject, text and Message-ID', async () => {
    const transport = comms.smtpEmailTransport({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Good Egg Energy <hello@goodeggenergy.example>',
    })
    const message = await reminder(accountId)
    const report = await deliverThrough(transport, message.id)
    expect(report).toEqual({ sent: [message.id], failed: [], deferred: [] })
    expect(received).toHaveLength(1)
    const [mail] = received
    expect(mail?.from).toBe('hello@goodeggenergy.example')
    expect(mail?.to).toEqual(['eleanor@example.com'])
    const { headers, body } = parse(mail?.raw ?? '')
    expect(headers.get('subject')).toBe('A reminder about your balance of £123.45 (account A-00000001)')
    expect(headers.get('from')).toBe('Good Egg Energy <hello@goodeggenergy.example>')
    expect(headers.get('to')).toBe('eleanor@example.com')
    expect(headers.get('message-id')).toBe(`<${message.id}@goodeggenergy.example>`)
    expect(headers.get('x-cuttle-message-id')).toBe(message.id)
    expect(body).toContain('Dear Eleanor Ashworth,')
    expect(body).toContain('Your account A-00000001 has a balance of £123.45, which was due on 1 December 2026.')
    const stored = await comms.getMessage({ tx: database.db, messageId: message.id })
    expect(stored).toMatchObject({
      status: 'sent',
      provider: 'smtp',
      providerMessageId: `<${message.id}@goodeggenergy.example>`,
    })
  })

  it('fails a message the server refuses for good (5xx)', async () => {
    const transport = comms.smtpEmailTransport({ url: `smtp://127.0.0.1:${port}`, from: 'hello@goodeggenergy.example' })
    const message = await reminder(bouncingAccountId)
    const report = await deliverThrough(transport, message.id)
    expect(report.failed).toEqual([message.id])
    const stored = await comms.getMessage({ tx: database.db, messageId: message.id })
    expect(stored.status).toBe('failed')
    expect(stored.failureReason).toContain('No such mailbox')
  })

  it('keeps a message queued to try again when the server cannot be reached', async () => {
    const closed = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true, logger: false })
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const closedPort = (closed.server.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const transport = comms.smtpEmailTransport({
      url: `smtp://127.0.0.1:${closedPort}`,
      from: 'hello@goodeggenergy.example',
    })
    const message = await reminder(accountId)
    const report = await deliverThrough(transport, message.id)
    expect(report.deferred).toEqual([message.id])
    expect(await comms.getMessage({ tx: database.db, messageId: message.id })).toMatchObject({
      status: 'queued',
      deliveryAttempts: 1,
      failureReason: expect.stringContaining('ECONNREFUSED'),
    })
  })
})
