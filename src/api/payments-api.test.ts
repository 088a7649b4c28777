import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as access from '../modules/access/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as payments from '../modules/payments/index.js'
import { systemActor } from '../shared/actor.js'
import { fixtureAccountNumber as accountNumber, postTestCharge } from '../usecases/testing.js'
import type { App } from './app.js'
import { type ActAs, openTestApp, signInStaff, staffPassword } from './testing.js'

let database: Database
let app: App
let accountIds: string[]
const logLines: string[] = []
const responses: string[] = []
const now = new Date('2026-11-20T09:00:00Z')

function luhnComplete(prefix: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (payments.luhnValid(`${prefix}${digit}`)) return `${prefix}${digit}`
  }
  throw new Error('unreachable')
}
/** Card numbers to push everywhere: the test cards and random Luhn-valid ones of each brand. */
const canaries = [
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '4000000000000259',
  luhnComplete(`4${String(Math.floor(Math.random() * 1e14)).padStart(14, '0')}`),
  luhnComplete(`51${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`),
]

/** Every way a probe wrote a card number past the old guard, and the plain ways it always caught. */
const shapes: Record<string, (digits: string) => string> = {
  plain: (digits) => digits,
  spaces: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1 '),
  dashes: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1-'),
  dots: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1.'),
  slashes: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1/'),
  underscores: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1_'),
  newlines: (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1\n'),
  'non-breaking spaces': (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1\u00a0'),
  'zero-width spaces': (digits) => digits.replace(/(\d)(?=\d)/g, '$1\u200b'),
  'en dashes': (digits) => digits.replace(/(\d{4})(?=\d)/g, '$1 \u2013 '),
  'full-width digits': (digits) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  'trailing digit': (digits) => `${digits}.5`,
}
const shapeNames = Object.keys(shapes)
const shaped = (index: number, digits: string) =>
  (shapes[shapeNames[index % shapeNames.length] as string] as (d: string) => string)(digits)

/** A header carries Latin-1 only: a shape that needs more is sent percent-encoded, as a client would. */
const headerSafe = (text: string) => (/^[\u0020-\u00ff]*$/.test(text) ? text : encodeURIComponent(text))

/** Every text a dump, a log or a response could hide a card number in, with the separators taken out. */
const squeezed = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/gu, '')

let as: ActAs

async function inject(options: InjectOptions) {
  const response = await app.inject(options)
  responses.push(response.body)
  return response
}

/** POST as a role, with an idempotency key when one is given. */
const post = (role: access.Role, url: string, payload: object, key?: string) =>
  inject({ method: 'POST', url, headers: as(role, key ? { 'idempotency-key': key } : {}), payload })

beforeAll(async () => {
  ;({ database, app, as } = await openTestApp({
    at: () => now,
    fixture: async (db) => {
      ;({ accountIds } = await billingFixture({ db, count: 12, at: now }))
    },
    seed: (tx) =>
      access.createStaffUser({
        tx,
        email: 'supervisor2@example.com',
        displayName: 'second supervisor',
        role: 'supervisor',
        password: staffPassword,
        actor: systemActor('test'),
        at: now,
      }),
    app: { logger: true, logStream: { write: (line: string) => void logLines.push(line) } },
  }))
  await signInStaff(app, 'supervisor2@example.com')
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

async function owe(index: number, amountMinor: bigint, dueOn: string) {
  await postTestCharge(database.db, {
    idempotencyKey: `api-test-charge:${index}:${dueOn}`,
    referenceId: `${index}`,
    accountId: accountIds[index] as string,
    amountMinor,
    dueOn,
    effectiveOn: '2026-09-01',
    at: now,
  })
}

const cardBody = (number: string, amountMinor = '1000') => ({
  method: 'card',
  amountMinor,
  card: { number, expiryMonth: 11, expiryYear: 2029, cvc: '8642' },
})

describe('taking a payment through the API', () => {
  it('answers 201 with a confirmation number, 200 for a retry, 409 for a reused key, 402 for a decline', async () => {
    const url = `/api/accounts/${accountNumber(0)}/payments`
    const first = await post('agent', url, cardBody('4242424242424242'), 'api-pay-0001')
    expect(first.statusCode).toBe(201)
    const payment = first.json().payment
    expect(payment).toMatchObject({ status: 'succeeded', amountMinor: '1000', methodLabel: 'Visa •••• 4242' })
    // The account's internal row id stays in: the account number in the path names the account.
    expect(payment).not.toHaveProperty('accountId')
    const retry = await post('agent', url, cardBody('4242424242424242'), 'api-pay-0001')
    expect(retry.statusCode).toBe(200)
    expect(retry.json().payment.confirmationNumber).toBe(payment.confirmationNumber)
    const reused = await post('agent', url, cardBody('4242424242424242', '1001'), 'api-pay-0001')
    expect(reused.statusCode).toBe(409)
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    const declined = await post('agent', url, cardBody('4000000000000002'), 'api-pay-0002')
    expect(declined.statusCode).toBe(402)
    expect(declined.json().error).toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: { payment: { status: 'failed' } },
    })
    expect(declined.json().error.details.payment).not.toHaveProperty('accountId')
    const missing = await post('agent', url, cardBody('4242424242424242'))
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details[0].path).toMatch(/idempotency-key/)
  })

  /**
   * On PostgreSQL the requests really run at the same time, on a pool of connections, so all 1,000 are
   * sent. PGlite has one connection and runs transactions one after another, so beyond a few waves more
   * requests only repeat the same interleavings at the same cost: 200 there (four waves of 50, 100 of
   * them racing their own retry) still prove each request is paid exactly once.
   */
  const bulk = process.env['DATABASE_URL'] ? 1000 : 200
  it(`makes exactly ${bulk} payments from ${bulk} requests each sent twice, some at the same time`, async () => {
    const accountId = accountIds[1] as string
    const url = `/api/accounts/${accountNumber(1)}/payments`
    const send = (i: number) =>
      app.inject({
        method: 'POST',
        url,
        headers: as('agent', { 'idempotency-key': `bulk-${String(i).padStart(5, '0')}` }),
        payload: { method: 'cash', amountMinor: String(100 + i) },
      })
    const statuses: number[] = []
    for (let start = 0; start < bulk; start += 50) {
      const wave = Array.from({ length: 50 }, (_, k) => start + k)
      // Half the retries race their first request; the other half come after it.
      const racing = await Promise.all(wave.flatMap((i) => (i % 2 === 0 ? [send(i), send(i)] : [send(i)])))
      const later = await Promise.all(wave.filter((i) => i % 2 === 1).map(send))
      statuses.push(...[...racing, ...later].map((response) => response.statusCode))
    }
    expect(statuses.filter((status) => status >= 400)).toEqual([])
    expect(statuses.filter((status) => status === 201)).toHaveLength(bulk)
    const counted = await sql<{ payments: string; journals: string }>`select
        (select count(*) from payments where account_id = ${accountId})::text as payments,
        (select count(*) from ledger_journals where account_id = ${accountId} and reason = 'payment.received')::text as journals`.execute(
      database.db,
    )
    expect(counted.rows[0]).toEqual({ payments: String(bulk), journals: String(bulk) })
    // 100 + 101 + … + (99 + bulk): -599,500 for 1,000, -39,900 for 200
    expect(await ledger.balanceOf({ tx: database.db, accountId })).toBe(-BigInt(bulk * 100 + (bulk * (bulk - 1)) / 2))
  }, 300_000)
})

describe('who may credit, refund, apply fees and disconnect (the user types guide)', () => {
  it('lets agents, supervisors and billing specialists credit, not collections specialists or executives', async () => {
    const url = `/api/accounts/${accountNumber(2)}/credits`
    const outcomes: Record<string, number> = {}
    for (const role of access.roles) {
      const response = await post(role, url, { amountMinor: '100', reason: 'goodwill' }, `credit-${role}`)
      outcomes[role] = response.statusCode
    }
    expect(outcomes).toEqual({
      agent: 201,
      supervisor: 201,
      billing_specialist: 201,
      field_technician: 403,
      collections_specialist: 403,
      it_administrator: 403,
      executive: 403,
      export_specialist: 201,
      legal_reviewer: 403,
      pricing_analyst: 403,
    })
  })

  it('sends a credit over the limit to a supervisor, who may not approve their own', async () => {
    const url = `/api/accounts/${accountNumber(3)}/credits`
    const asked = await post('agent', url, { amountMinor: '15000', reason: 'long outage' }, 'credit-big-1')
    expect(asked.statusCode).toBe(202)
    const id = asked.json().request.id
    expect((await inject({ method: 'GET', url: '/api/approvals', headers: as('agent') })).statusCode).toBe(403)
    const queue = await inject({ method: 'GET', url: '/api/approvals', headers: as('supervisor') })
    expect(queue.json().credits.map((credit: { id: string }) => credit.id)).toContain(id)
    const own = await post('supervisor', url, { amountMinor: '20000', reason: 'my own' }, 'credit-big-2')
    const refused = await post('supervisor', `/api/approvals/credits/${own.json().request.id}`, { approve: true })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('CANNOT_APPROVE_OWN_REQUEST')
    const approved = await post('supervisor', `/api/approvals/credits/${id}`, { approve: true, note: 'ok' })
    expect(approved.statusCode).toBe(200)
    expect(approved.json().request.status).toBe('completed')
  })

  it('lets only collections specialists apply late fees and raise disconnection orders, after the notices', async () => {
    await owe(4, 25_000n, '2026-10-01')
    const fee = (role: access.Role) => post(role, `/api/accounts/${accountNumber(4)}/late-fees`, {})
    for (const role of access.roles.filter((r) => r !== 'collections_specialist')) {
      expect((await fee(role)).statusCode, role).toBe(403)
    }
    const applied = await fee('collections_specialist')
    expect(applied.statusCode).toBe(201)
    expect(applied.json()).toMatchObject({ amountMinor: '500', episode: '2026-10-01' })
    expect((await fee('collections_specialist')).json().error.code).toBe('LATE_FEE_REFUSED')
    const disconnect = (role: access.Role) =>
      post(role, `/api/accounts/${accountNumber(4)}/disconnection-orders`, { reason: 'no contact after notices' })
    for (const role of access.roles.filter((r) => r !== 'collections_specialist')) {
      expect((await disconnect(role)).statusCode, role).toBe(403)
    }
    const early = await disconnect('collections_specialist')
    expect(early.statusCode).toBe(409)
    expect(early.json().error.message).toMatch(/notice steps are not complete/)
  })

  it('refunds only what the customer overpaid', async () => {
    const url = `/api/accounts/${accountNumber(5)}/refunds`
    await post(
      'agent',
      `/api/accounts/${accountNumber(5)}/payments`,
      { method: 'cash', amountMinor: '3000' },
      'overpay-5',
    )
    const tooMuch = await post('agent', url, { amountMinor: '3001', reason: 'overpaid' }, 'refund-5-1')
    expect(tooMuch.statusCode).toBe(409)
    expect(tooMuch.json().error).toMatchObject({ code: 'REFUND_EXCEEDS_CREDIT', details: { refundableMinor: '3000' } })
    expect(
      (await post('collections_specialist', url, { amountMinor: '100', reason: 'x' }, 'refund-5-2')).statusCode,
    ).toBe(403)
    expect((await post('agent', url, { amountMinor: '3000', reason: 'overpaid' }, 'refund-5-3')).statusCode).toBe(201)
  })
})

describe('card numbers (PAY-1)', () => {
  it('never reach the database, the logs, the audit log or a response, whatever route they are sent to', async () => {
    // Where card numbers belong: a payment and a kept card, by every role that may.
    for (const [i, number] of canaries.entries()) {
      const paid = await post(
        'agent',
        `/api/accounts/${accountNumber(6)}/payments`,
        { ...cardBody(number), card: { ...cardBody(number).card, save: true } },
        `canary-pay-${i}`,
      )
      expect(paid.statusCode, number).toBe(201)
      const kept = await post('agent', `/api/accounts/${accountNumber(6)}/payment-methods`, {
        kind: 'card',
        card: cardBody(number).card,
      })
      expect(kept.json().paymentMethod.last4).toBe(number.slice(-4))
    }
    // Every shape, in every kind of place: a note, a search, the idempotency key, a custom header, a text file.
    const opened = await post('agent', `/api/accounts/${accountNumber(6)}/cases`, {
      type: 'service_request',
      subject: 'canary case',
    })
    expect(opened.statusCode).toBe(201)
    const caseRef = opened.json().case.number as string
    for (const [s, name] of shapeNames.entries()) {
      const number = shaped(s, canaries[s % canaries.length] as string)
      const places: [string, InjectOptions][] = [
        [
          'body.body',
          {
            method: 'POST',
            url: `/api/accounts/${accountNumber(6)}/notes`,
            headers: as('agent'),
            payload: { type: 'general', body: `card ${number}` },
          },
        ],
        ['query.q', { method: 'GET', url: `/api/accounts?q=${encodeURIComponent(number)}`, headers: as('agent') }],
        [
          'headers.idempotency-key',
          {
            method: 'POST',
            url: `/api/accounts/${accountNumber(6)}/payments`,
            headers: as('agent', { 'idempotency-key': headerSafe(`key ${number}`) }),
            payload: { amountMinor: '100', method: 'bank_account' },
          },
        ],
        [
          'headers.x-customer-reference',
          {
            method: 'GET',
            url: `/api/accounts/${accountNumber(6)}`,
            headers: as('agent', { 'x-customer-reference': headerSafe(number) }),
          },
        ],
        [
          'body.contentBase64',
          {
            method: 'POST',
            url: `/api/cases/${caseRef}/attachments`,
            headers: as('agent'),
            payload: {
              fileName: 'call-notes.txt',
              contentType: 'text/plain',
              contentBase64: Buffer.from(`Customer read out:\r\n${number}\r\nexp 12/29`).toString('base64'),
            },
          },
        ],
      ]
      for (const [path, options] of places) {
        const response = await inject(options)
        expect(response.statusCode, `${name} in ${path}`).toBe(400)
        expect(response.json().error, `${name} in ${path}`).toMatchObject({
          code: 'CARD_NUMBER_REFUSED',
          details: [{ path }],
        })
      }
    }
    // Numbers that are not cards still pass: an MPAN, a phone number, a sort code and account, a date, an amount.
    const harmless = await inject({
      method: 'POST',
      url: `/api/accounts/${accountNumber(6)}/notes`,
      headers: as('agent'),
      payload: {
        type: 'general',
        body: 'MPAN 1200023305963, MPRN 7418202, tel +44 20 7946 0958, 20-00-00 55779911, 2026-11-20 09:30, £1,234.56',
      },
    })
    expect(harmless.statusCode).toBe(201)
    const attached = await inject({
      method: 'POST',
      url: `/api/cases/${caseRef}/attachments`,
      headers: as('agent'),
      payload: {
        fileName: 'readings.csv',
        contentBase64: Buffer.from('mpan,read\n1200023305963,7300\n').toString('base64'),
      },
    })
    expect(attached.statusCode).toBe(201)
    // Where they do not: every route, in its path, its query, its headers and every body field, in every shape.
    const refused: string[] = []
    for (const [r, route] of app.routeTable.entries()) {
      if (!route.url.startsWith('/api') && !route.url.startsWith('/v1')) continue
      for (const [i, number] of canaries.entries()) {
        const spaced = shaped(i + r, number)
        const url = route.url
          .replace(':accountNumber', accountNumber(6))
          .replace(/:[A-Za-z]+/g, encodeURIComponent(spaced))
        const response = await inject({
          method: route.method as 'GET',
          url: `${url}?q=${encodeURIComponent(spaced)}&note=${encodeURIComponent(spaced)}`,
          headers: as('supervisor', { 'idempotency-key': `canary-${i}-${route.method}-${route.url}`.slice(0, 200) }),
          ...(route.method === 'GET' || route.method === 'DELETE'
            ? {}
            : {
                payload: {
                  body: `card ${spaced}`,
                  note: spaced,
                  reason: `paid with ${spaced}`,
                  reference: spaced,
                  amountMinor: '100',
                },
              }),
        })
        if (response.statusCode === 400 && response.body.includes('CARD_NUMBER_REFUSED')) refused.push(route.url)
        expect(response.statusCode, `${route.method} ${route.url}`).not.toBeLessThan(400)
      }
      // The same number in a header only, with a clean URL and body.
      const inHeader = await inject({
        method: route.method as 'GET',
        url: route.url.replace(':accountNumber', accountNumber(6)).replace(/:[A-Za-z]+/g, 'x'),
        headers: as('supervisor', {
          [r % 2 === 0 ? 'idempotency-key' : 'x-request-note']: headerSafe(
            shaped(r, canaries[r % canaries.length] as string),
          ),
        }),
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      })
      expect(inHeader.statusCode, `${route.method} ${route.url} with a card number in a header`).toBe(400)
    }
    expect(refused.length).toBeGreaterThan(20)
    // The whole database, as a dump would show it.
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db)
    let dump = ''
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
        database.db,
      )
      dump += rows.rows.map((row) => row.row).join('\n')
    }
    expect(dump.length).toBeGreaterThan(10_000)
    expect(dump).toContain('4242')
    const log = logLines.join('')
    expect(log.length).toBeGreaterThan(1_000)
    expect(tables.rows.map((row) => row.table_name)).toContain('audit_events')
    // Every separator out (and full-width digits made plain), so no shape can hide a number from the search.
    const everything = squeezed([dump, log, responses.join('\n')].join('\n'))
    for (const number of canaries) {
      const at = everything.indexOf(number)
      expect(at, `${number} found in: ${everything.slice(Math.max(0, at - 300), at + 100)}`).toBe(-1)
    }
    // The security code as a value or a stored key; a bare `cvc` could turn up by chance inside random
    // base64 (a password hash's salt, sealed data), which says nothing about the card.
    for (const cvc of ['"8642"', '"cvc"']) expect(dump.includes(cvc), cvc).toBe(false)
  }, 300_000)
})

describe('arrangements, the worklist and the status colour through the API', () => {
  it('sets up an arrangement with its letter, shows the account yellow, and lists it for collections only', async () => {
    await owe(7, 40_000n, '2026-10-20')
    const status = (role: access.Role = 'agent') =>
      inject({ method: 'GET', url: `/api/accounts/${accountNumber(7)}/status`, headers: as(role) })
    expect((await status()).json()).toMatchObject({
      colour: 'red',
      reasons: [
        { code: 'past_due', amountMinor: '40000', on: '2026-10-20', detail: '£400.00 past due since 20 October 2026' },
      ],
    })
    const worklist = await inject({
      method: 'GET',
      url: '/api/collections/worklist',
      headers: as('collections_specialist'),
    })
    expect(worklist.statusCode).toBe(200)
    expect(worklist.json().items.map((item: { accountNumber: string }) => item.accountNumber)).toContain(
      accountNumber(7),
    )
    expect((await inject({ method: 'GET', url: '/api/collections/worklist', headers: as('agent') })).statusCode).toBe(
      403,
    )
    const made = await post('agent', `/api/accounts/${accountNumber(7)}/arrangements`, {
      instalmentMinor: '10000',
      frequency: 'fortnightly',
    })
    expect(made.statusCode).toBe(201)
    const arrangement = made.json().arrangement
    expect(arrangement).toMatchObject({ downPaymentMinor: '10000', status: 'active' })
    expect(arrangement).not.toHaveProperty('accountId')
    expect(arrangement.schedule.map((item: { dueOn: string }) => item.dueOn)).toEqual([
      '2026-11-20',
      '2026-12-04',
      '2026-12-18',
      '2027-01-01',
    ])
    const letter = await inject({
      method: 'GET',
      url: `/api/accounts/${accountNumber(7)}/arrangements/${arrangement.id}/letter`,
      headers: as('agent'),
    })
    expect(letter.headers['content-type']).toBe('application/pdf')
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const listed = await inject({
      method: 'GET',
      url: `/api/accounts/${accountNumber(7)}/arrangements`,
      headers: as('agent'),
    })
    expect(listed.json()).toMatchObject({ pastDueMinor: '40000', downPaymentPercent: 25 })
    expect((await status()).json()).toMatchObject({ colour: 'yellow', reasons: [{ code: 'arrangement' }] })
    expect((await status('field_technician')).statusCode).toBe(403)
    const again = await post('agent', `/api/accounts/${accountNumber(7)}/arrangements`, {
      instalmentMinor: '10000',
      frequency: 'weekly',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ARRANGEMENT_EXISTS')
  })
})

describe('seasonal holds', () => {
  it('are placed and lifted by supervisors only, and turn the account gray', async () => {
    const url = `/api/accounts/${accountNumber(8)}/holds`
    const payload = { kind: 'seasonal', reason: 'Holiday let closed for winter', startsOn: '2026-11-01' }
    for (const role of access.roles.filter((r) => r !== 'supervisor')) {
      expect((await inject({ method: 'POST', url, headers: as(role), payload })).statusCode, role).toBe(403)
    }
    const placed = await inject({ method: 'POST', url, headers: as('supervisor'), payload })
    expect(placed.statusCode).toBe(201)
    const status = await inject({
      method: 'GET',
      url: `/api/accounts/${accountNumber(8)}/status`,
      headers: as('agent'),
    })
    expect(status.json()).toMatchObject({ colour: 'gray', reasons: [{ code: 'seasonal_hold' }] })
    const lifted = await inject({
      method: 'DELETE',
      url: `${url}/${placed.json().hold.id}`,
      headers: as('supervisor'),
    })
    expect(lifted.statusCode).toBe(204)
    const after = await inject({ method: 'GET', url: `/api/accounts/${accountNumber(8)}/status`, headers: as('agent') })
    expect(after.json().colour).toBe('green')
  })
})

describe('the collections view through the API', () => {
  it('shows the dunning steps the run took and the notes recorded, with their details and no internal ids', async () => {
    await owe(10, 30_000n, '2026-10-10')
    const run = await post('collections_specialist', '/api/collections/run', { on: '2026-11-20' })
    expect(run.statusCode).toBe(200)
    expect(run.json()).toMatchObject({ on: '2026-11-20', failed: 0, problems: [] })
    expect(run.json().looked).toBeGreaterThan(0)
    const url = `/api/accounts/${accountNumber(10)}/collections-notes`
    const affordability = await inject({
      method: 'POST',
      url,
      headers: as('collections_specialist'),
      payload: {
        kind: 'affordability',
        body: 'Can pay a little each month',
        affordability: { monthlyIncomeMinor: '150000', monthlyOutgoingsMinor: '140000', canPayMonthlyMinor: '5000' },
      },
    })
    expect(affordability.statusCode).toBe(201)
    expect(affordability.json().note).toMatchObject({
      kind: 'affordability',
      details: { monthlyIncomeMinor: '150000', monthlyOutgoingsMinor: '140000', canPayMonthlyMinor: '5000' },
    })
    const advice = await inject({
      method: 'POST',
      url,
      headers: as('collections_specialist'),
      payload: { kind: 'debt_advice', body: 'Pointed to free advice', signposts: ['stepchange'] },
    })
    expect(advice.statusCode).toBe(201)
    const view = await inject({
      method: 'GET',
      url: `/api/accounts/${accountNumber(10)}/collections`,
      headers: as('collections_specialist'),
    })
    expect(view.statusCode).toBe(200)
    const body = view.json()
    expect(body.position).toMatchObject({ pastDueMinor: '30000', oldestPastDueOn: '2026-10-10' })
    expect(body.actions.map((action: { action: string }) => action.action)).toContain('payment_reminder')
    // Both notes were made at the same (test) instant, so their order is not the point here.
    const details = body.notes.map((note: { details: unknown }) => note.details)
    expect(details).toHaveLength(2)
    expect(details).toEqual(
      expect.arrayContaining([
        { signposts: ['stepchange'] },
        { monthlyIncomeMinor: '150000', monthlyOutgoingsMinor: '140000', canPayMonthlyMinor: '5000' },
      ]),
    )
    expect(body.signposts.length).toBeGreaterThan(0)
    // The account's internal row id is not part of the view: the account number in the path names it.
    for (const item of [...body.actions, ...body.notes, ...body.disconnectionOrders]) {
      expect(item).not.toHaveProperty('accountId')
    }
  })
})
