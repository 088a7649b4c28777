import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import * as access from '../../modules/access/index.js'
import { systemActor } from '../../shared/actor.js'
import {
  grantAccessByStaff,
  type inProcessDeliveryQueue,
  recordSensitiveDetails,
  reviewPowerOfAttorney,
} from '../../usecases/index.js'
import { fixtureAccountNumber as accountNumber } from '../../usecases/testing.js'
import type { App } from '../app.js'
import {
  buildAppWithDelivery,
  createPortalPeople,
  createStaffUsers,
  type Send,
  sendAs,
  signInCustomer,
  signInStaff,
  staffPassword,
} from '../testing.js'

let database: Database
let app: App
let send: Send<string>
let delivery: ReturnType<typeof inProcessDeliveryQueue>
let accountIds: string[]
const now = new Date('2026-11-20T09:00:00Z')
const password = 'Portal-password-2026'
const actor = systemActor('test')
const nowhere = 'A-FFFFFFF0'
const cookies = new Map<string, string>()
const userIds = new Map<string, string>()
let poaDocumentId = ''

// Who holds what. Accounts: 0 the family's, 1–2 a property manager's portfolio, 3 outside it,
// 4 an approved attorney's, 5 a pending attorney's, 6 an expired third party's, 7 another customer's.
const people: {
  name: string
  grants: { index: number; kind: access.GrantKind; scope?: string[]; days?: number; since?: number }[]
}[] = [
  { name: 'holder', grants: [{ index: 0, kind: 'holder' }] },
  { name: 'full', grants: [{ index: 0, kind: 'authorized_full' }] },
  { name: 'limited', grants: [{ index: 0, kind: 'authorized_limited' }] },
  {
    name: 'manager',
    grants: [
      { index: 1, kind: 'property_manager' },
      { index: 2, kind: 'property_manager' },
    ],
  },
  { name: 'attorney', grants: [{ index: 4, kind: 'power_of_attorney' }] },
  { name: 'pendingAttorney', grants: [{ index: 5, kind: 'power_of_attorney' }] },
  { name: 'broker', grants: [{ index: 0, kind: 'third_party', scope: ['usage'], days: 30 }] },
  // granted 40 days ago for 30 days: over, though no job has marked it expired yet
  {
    name: 'expiredBroker',
    grants: [{ index: 6, kind: 'third_party', scope: ['usage', 'bills'], days: 30, since: 40 }],
  },
  { name: 'stranger', grants: [{ index: 7, kind: 'holder' }] },
]

const email = (name: string) => `${name.toLowerCase()}@portal.example`
const as = (name: string, extra: Record<string, string> = {}) => ({
  cookie: `cuttle_portal=${cookies.get(name)}`,
  ...extra,
})
let keySeq = 0

type Route = { action: access.PortalAction | null; request: (n: string) => InjectOptions }
const routes: Record<string, Route> = {
  summary: { action: null, request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}` }) },
  statements: {
    action: 'view_bills',
    request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/statements` }),
  },
  usage: {
    action: 'view_usage',
    request: (n) => ({
      method: 'GET',
      url: `/api/portal/accounts/${n}/usage?granularity=week&from=2026-10-01&to=2026-11-01`,
    }),
  },
  payments: { action: 'view_payments', request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/payments` }) },
  pay: {
    action: 'pay',
    request: (n) => ({
      method: 'POST',
      url: `/api/portal/accounts/${n}/payments`,
      headers: { 'idempotency-key': `portal-test-${++keySeq}` },
      payload: {
        amountMinor: '1000',
        card: { number: '4242424242424242', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
      },
    }),
  },
  contact: { action: 'update_contact', request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/contact` }) },
  users: { action: 'manage_users', request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/users` }) },
  supplies: { action: 'view_bills', request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/supplies` }) },
  messages: {
    action: 'contact_service',
    request: (n) => ({ method: 'GET', url: `/api/portal/accounts/${n}/messages` }),
  },
  tenantRequest: {
    action: 'tenant_requests',
    request: (n) => ({
      method: 'POST',
      url: `/api/portal/accounts/${n}/tenant-requests`,
      payload: { kind: 'move_out', moveOutOn: '2026-12-01' },
    }),
  },
}

// A holder, and an attorney acting for one, may do everything.
const everything: access.PortalAction[] = [
  'view_bills',
  'view_usage',
  'view_payments',
  'pay',
  'update_contact',
  'manage_users',
  'contact_service',
  'change_billing_preferences',
  'replace_primary_email',
  'submit_readings',
]

// What the seed's table and the guide's lists allow each kind (a third party within its scope).
const expectedAllows: Record<string, access.PortalAction[]> = {
  holder: everything,
  authorized_full: [
    'view_bills',
    'view_usage',
    'view_payments',
    'pay',
    'update_contact',
    'contact_service',
    'submit_readings',
  ],
  authorized_limited: ['view_bills', 'view_usage', 'view_payments'],
  property_manager: ['view_bills', 'view_payments', 'pay', 'update_contact', 'bulk_statements', 'tenant_requests'],
  power_of_attorney: everything,
  'third_party:usage': ['view_usage'],
}

async function signIn(name: string) {
  const { response, cookie } = await signInCustomer(app, email(name), password)
  cookies.set(name, cookie)
  return response
}

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ accountIds } = await billingFixture({ db: database.db, count: 8, at: now }))
  await inTransaction(database.db, async (tx) => {
    const created = await createPortalPeople(tx, {
      people,
      accountIds,
      email,
      password,
      at: now,
      grantOf: (grant) => ({
        kind: grant.kind,
        scope: grant.scope ?? [],
        days: grant.days,
        poaDocument:
          grant.kind === 'power_of_attorney' ? 'Notarised lasting power of attorney, ID and proof seen' : undefined,
        actor,
        at: new Date(now.getTime() - (grant.since ?? 0) * 86_400_000),
      }),
    })
    for (const [name, { userId }] of created) userIds.set(name, userId)
    poaDocumentId = created.get('attorney')?.grants.at(-1)?.poaDocumentId ?? ''
    await createStaffUsers(
      tx,
      [
        { email: 'agent@example.com', displayName: 'Agent', role: 'agent' },
        { email: 'super@example.com', displayName: 'Super', role: 'supervisor' },
      ],
      now,
    )
  })
  await inTransaction(database.db, (tx) =>
    reviewPowerOfAttorney({
      tx,
      documentId: poaDocumentId,
      decision: 'approve',
      note: 'documents in order',
      actor: { kind: 'staff', id: 'legal-team' },
      at: now,
    }),
  )
  ;({ app, delivery } = await buildAppWithDelivery(database, now))
  send = sendAs(app, as)
  for (const person of people) await signIn(person.name)
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

function grantOf(name: string, index: number) {
  return people.find((person) => person.name === name)?.grants.find((grant) => grant.index === index)
}

/** The allows a person should have on an account: none unless the grant is theirs and in force. */
function allowsFor(name: string, index: number): access.PortalAction[] | null {
  const grant = grantOf(name, index)
  if (!grant) return null
  if (name === 'pendingAttorney' || name === 'expiredBroker') return null
  if (grant.kind === 'third_party') return expectedAllows[`third_party:${(grant.scope ?? []).join(',')}`] ?? []
  return expectedAllows[grant.kind] ?? []
}

describe('the portal access matrix', () => {
  it('answers every kind on every account-scoped route exactly as the seed allows, and 404 for anything not theirs', async () => {
    const missing = await app.inject({ ...routes.summary?.request(nowhere), headers: as('holder') })
    expect(missing.statusCode).toBe(404)
    const notFoundBody = (n: string) => missing.body.replaceAll(nowhere, n)
    const failures: string[] = []
    let checked = 0
    for (const person of people) {
      for (let index = 0; index < 8; index++) {
        const allows = allowsFor(person.name, index)
        for (const [routeName, route] of Object.entries(routes)) {
          const n = accountNumber(index)
          const request = route.request(n)
          const response = await app.inject({
            ...request,
            headers: { ...(request.headers as object), ...as(person.name) },
          })
          checked += 1
          const label = `${person.name} ${routeName} on account ${index}: ${response.statusCode} ${response.body.slice(0, 160)}`
          if (allows === null) {
            if (response.statusCode !== 404 || response.body !== notFoundBody(n)) failures.push(label)
          } else if (route.action === null || allows.includes(route.action)) {
            if (response.statusCode >= 300) failures.push(label)
          } else if (response.statusCode !== 403 || response.json().error.code !== 'PORTAL_ACTION_NOT_ALLOWED') {
            failures.push(label)
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBe(people.length * 8 * Object.keys(routes).length)
  }, 120_000)

  it('lists each person their accounts in force with exactly the allows of their kind', async () => {
    for (const person of people) {
      const response = await send(person.name, 'GET', '/api/portal/me')
      expect(response.statusCode).toBe(200)
      const body = response.json()
      expect(body.user.email).toBe(email(person.name))
      const expected = person.grants
        .filter((grant) => allowsFor(person.name, grant.index) !== null)
        .map((grant) => ({
          accountNumber: accountNumber(grant.index),
          kind: grant.kind,
          allows: allowsFor(person.name, grant.index),
        }))
      expect(
        body.accounts.map((a: { accountNumber: string; kind: string; allows: string[] }) => ({
          accountNumber: a.accountNumber,
          kind: a.kind,
          allows: a.allows,
        })),
      ).toEqual(expected)
    }
  })

  it('shows a third party limited to usage no balance, and the holder the balance as a string', async () => {
    const broker = (await send('broker', 'GET', `/api/portal/accounts/${accountNumber(0)}`)).json()
    expect(broker.balanceMinor).toBeNull()
    const holder = (await send('holder', 'GET', `/api/portal/accounts/${accountNumber(0)}`)).json()
    expect(typeof holder.balanceMinor).toBe('string')
    expect(holder.kind).toBe('holder')
  })

  it('shows a customer their payment and kept methods without the server’s own fields', async () => {
    const payByCard = (number: string) =>
      app.inject({
        method: 'POST',
        url: `/api/portal/accounts/${accountNumber(0)}/payments`,
        headers: as('holder', { 'idempotency-key': `portal-leak-${++keySeq}` }),
        payload: { amountMinor: '1000', card: { number, expiryMonth: 12, expiryYear: 2030, cvc: '123' } },
      })
    const taken = await payByCard('4242424242424242')
    expect(taken.statusCode).toBe(201)
    const { payment, replayed } = taken.json()
    expect(replayed).toBe(false)
    expect(payment).toMatchObject({ amountMinor: '1000', status: 'succeeded', methodLabel: expect.any(String) })
    for (const internal of ['id', 'accountId', 'statementId', 'events', 'reference', 'source']) {
      expect(payment).not.toHaveProperty(internal)
    }
    const list = await send('holder', 'GET', `/api/portal/accounts/${accountNumber(0)}/payments`)
    const found = list.json().items.find((item: { confirmationNumber: string }) => {
      return item.confirmationNumber === payment.confirmationNumber
    })
    expect(found).toEqual(payment)
    for (const method of list.json().methods) expect(method).not.toHaveProperty('holderName')
    const declined = await payByCard('4000000000000002')
    expect(declined.statusCode).toBe(402)
    expect(declined.json().error).toMatchObject({
      code: 'PAYMENT_DECLINED',
      // why, said once: the processor's reason, not "declined: … declined"
      message: 'The card was declined',
      details: { payment: { status: 'failed', failure: { message: expect.any(String) } } },
    })
    expect(declined.json().error.details.payment).not.toHaveProperty('accountId')
    // the session token travels only in the httpOnly cookie, never in the body
    const signedIn = await signIn('holder')
    const token = signedIn.cookies.find((c) => c.name === 'cuttle_portal')?.value ?? ''
    expect(token.length).toBeGreaterThan(10)
    expect(signedIn.body).not.toContain(token)
    expect(signedIn.json()).not.toHaveProperty('sessionToken')
  })

  it('gives a property manager their portfolio with balances, and nothing outside it', async () => {
    const response = await send('manager', 'GET', '/api/portal/portfolio')
    expect(response.statusCode).toBe(200)
    const items = response.json().items as { accountNumber: string; balanceMinor: string }[]
    expect(items.map((item) => item.accountNumber)).toEqual([accountNumber(1), accountNumber(2)])
    expect(items.every((item) => typeof item.balanceMinor === 'string')).toBe(true)
    const holder = await send('holder', 'GET', '/api/portal/portfolio')
    expect(holder.json().items).toEqual([])
  })

  it('refuses every portal route without a portal session, and a staff cookie is not one', async () => {
    const anonymous = await app.inject({ method: 'GET', url: `/api/portal/accounts/${accountNumber(0)}` })
    expect(anonymous.statusCode).toBe(401)
    const staff = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'agent@example.com', password: staffPassword },
    })
    const staffCookie = staff.cookies.find((c) => c.name === 'cuttle_session')?.value
    const asStaff = await app.inject({
      method: 'GET',
      url: '/api/portal/me',
      headers: { cookie: `cuttle_session=${staffCookie}` },
    })
    expect(asStaff.statusCode).toBe(401)
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/portal/session',
      payload: { email: email('holder'), password: 'not the password' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS')
  })
})

describe('managing authorized users', () => {
  let inviteeId = ''

  it('invites by email with a link carrying the token; accepting creates the login and signs in', async () => {
    const n = accountNumber(0)
    const invited = await send('holder', 'POST', `/api/portal/accounts/${n}/users/invitations`, {
      email: 'spouse@portal.example',
      level: 'full',
      name: 'Sam Spouse',
    })
    expect(invited.statusCode).toBe(201)
    const message = await sql<{ body: string; recipient: string; status: string }>`
      select body, recipient, status from comms_messages where template_key = 'authorised_user_invitation'`.execute(
      database.db,
    )
    expect(message.rows).toHaveLength(1)
    expect(message.rows[0]?.recipient).toBe('spouse@portal.example')
    // the route only enqueued it; the delivery worker (run here by hand) sends it
    expect((await delivery.runQueued()).sent).toHaveLength(1)
    const delivered = await sql<{ status: string }>`
      select status from comms_messages where template_key = 'authorised_user_invitation'`.execute(database.db)
    expect(delivered.rows[0]?.status).not.toBe('queued')
    const token = /invitations\/(cpi_[A-Za-z0-9_-]+)/.exec(message.rows[0]?.body ?? '')?.[1]
    expect(token).toBeDefined()
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/portal/invitations/${token}/accept`,
      payload: { displayName: 'Sam Spouse', password: 'Spouse-password-1' },
    })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().accounts).toEqual([
      expect.objectContaining({ accountNumber: n, kind: 'authorized_full', allows: expectedAllows['authorized_full'] }),
    ])
    cookies.set('spouse', accepted.cookies.find((c) => c.name === 'cuttle_portal')?.value ?? '')
    inviteeId = accepted.json().user.id
    const again = await app.inject({
      method: 'POST',
      url: `/api/portal/invitations/${token}/accept`,
      payload: { displayName: 'Sam Spouse', password: 'Spouse-password-1' },
    })
    expect(again.statusCode).toBe(404)
    expect(again.json().error.code).toBe('INVITATION_NOT_VALID')
  })

  it('refuses an authorized user managing users, even a full one', async () => {
    const response = await send('full', 'POST', `/api/portal/accounts/${accountNumber(0)}/users/invitations`, {
      email: 'someone@portal.example',
      level: 'limited',
    })
    expect(response.statusCode).toBe(403)
  })

  it('lets the holder change the level and remove the user, noting the account each time', async () => {
    const n = accountNumber(0)
    const list = await send('holder', 'GET', `/api/portal/accounts/${n}/users`)
    expect(list.json().map((user: { email: string }) => user.email)).toContain('spouse@portal.example')
    const changed = await send('holder', 'PATCH', `/api/portal/accounts/${n}/users/${inviteeId}`, { level: 'limited' })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().kind).toBe('authorized_limited')
    const pay = await app.inject({
      ...routes.pay?.request(n),
      headers: { ...(routes.pay?.request(n).headers as object), ...as('spouse') },
    })
    expect(pay.statusCode).toBe(403)
    const removed = await send('holder', 'DELETE', `/api/portal/accounts/${n}/users/${inviteeId}`)
    expect(removed.statusCode).toBe(204)
    const after = await send('spouse', 'GET', `/api/portal/accounts/${n}`)
    expect(after.statusCode).toBe(404)
    const notes = await sql<{
      body: string
    }>`select body from account_notes where account_id = ${accountIds[0]} order by created_at, id`.execute(database.db)
    const bodies = notes.rows.map((row) => row.body).join('\n')
    expect(bodies).toMatch(/invited spouse@portal.example/)
    expect(bodies).toMatch(/changed spouse@portal.example to limited/)
    expect(bodies).toMatch(/removed spouse@portal.example/)
  })

  it('will not let the holder remove themselves or a property manager through the users route', async () => {
    const response = await send(
      'holder',
      'DELETE',
      `/api/portal/accounts/${accountNumber(0)}/users/${userIds.get('holder')}`,
    )
    expect(response.statusCode).toBe(403)
  })
})

describe('power of attorney, third parties and verification', () => {
  it('keeps a power of attorney out until legal approve the document, and no staff role may review it', async () => {
    const n = accountNumber(5)
    expect((await send('pendingAttorney', 'GET', `/api/portal/accounts/${n}`)).statusCode).toBe(404)
    const staff = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'super@example.com', password: staffPassword },
    })
    const cookie = `cuttle_session=${staff.cookies.find((c) => c.name === 'cuttle_session')?.value}`
    const listed = await app.inject({ method: 'GET', url: '/api/poa-documents', headers: { cookie } })
    expect(listed.statusCode).toBe(403)
    const pending = await inTransaction(database.db, (tx) => access.pendingPoaDocuments({ tx }))
    const document = pending.find((item) => item.accountNumber === n)
    expect(document).toBeDefined()
    await inTransaction(database.db, (tx) =>
      reviewPowerOfAttorney({
        tx,
        documentId: document?.id ?? '',
        decision: 'approve',
        actor: { kind: 'staff', id: 'legal-team' },
        at: now,
      }),
    )
    const after = await send('pendingAttorney', 'GET', `/api/portal/accounts/${n}`)
    expect(after.statusCode).toBe(200)
    expect(after.json().allows).toEqual(expectedAllows['power_of_attorney'])
  })

  it('bounds a third party to the supplier 30–90 days and expires it automatically', async () => {
    await expect(
      inTransaction(database.db, (tx) =>
        grantAccessByStaff({
          tx,
          accountNumber: accountNumber(3),
          email: 'solar@portal.example',
          displayName: 'Solar Co',
          kind: 'third_party',
          scope: ['usage'],
          days: 120,
          actor,
          at: now,
        }),
      ),
    ).rejects.toThrow(/cannot be granted/)
    const expired = await inTransaction(database.db, (tx) => access.expireLapsedGrants({ tx, actor, at: now }))
    expect(expired).toHaveLength(1)
    const after = await send('expiredBroker', 'GET', `/api/portal/accounts/${accountNumber(6)}/usage`)
    expect(after.statusCode).toBe(404)
  })

  it('shows nothing to a caller who fails verification, and flags the account after 3 failures in a day', async () => {
    const staff = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'agent@example.com', password: staffPassword },
    })
    const cookie = `cuttle_session=${staff.cookies.find((c) => c.name === 'cuttle_session')?.value}`
    const url = `/api/accounts/${accountNumber(3)}/verifications`
    const fail = { channel: 'phone', passed: ['account_number'], failed: ['security_answer'] }
    const results = []
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await app.inject({ method: 'POST', url, headers: { cookie }, payload: fail })
      expect(response.statusCode).toBe(200)
      results.push(response.json())
    }
    expect(results.map((result) => result.flaggedForReview)).toEqual([false, false, true])
    expect(results.every((result) => result.account === null && result.outcome === 'failed')).toBe(true)
    const passed = await app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { channel: 'phone', passed: ['account_number', 'service_address'], failed: [] },
    })
    expect(passed.json().account.number).toBe(accountNumber(3))
    const unknown = await app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { passed: ['favourite_colour'], failed: [] },
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error).toMatchObject({
      code: 'UNKNOWN_VERIFICATION_QUESTION',
      details: [{ path: 'passed.0' }],
    })
    const flagged = await sql<{ action: string }>`
      select action from audit_events where action = 'accounts.review_flag.raised' and account_id = ${accountIds[3]}`.execute(
      database.db,
    )
    expect(flagged.rows).toHaveLength(1)
  })

  it('keeps date of birth, security answer and SSN last four sealed: the table holds no plaintext', async () => {
    const details = { dateOfBirth: '1961-04-17', securityAnswer: 'Marmalade the cat', ssnLastFour: '4821' }
    await inTransaction(database.db, (tx) =>
      recordSensitiveDetails({ tx, accountNumber: accountNumber(2), details, dataKey: 'test-key', actor, at: now }),
    )
    const dump = JSON.stringify((await sql`select * from account_secrets`.execute(database.db)).rows)
    for (const value of Object.values(details)) expect(dump).not.toContain(value)
    expect(dump).toMatch(/v1\./)
    const opened = await access.readSensitiveDetails({
      tx: database.db,
      accountId: accountIds[2] as string,
      dataKey: 'test-key',
    })
    expect(opened).toEqual(details)
    await expect(
      access.readSensitiveDetails({ tx: database.db, accountId: accountIds[2] as string, dataKey: 'another-key' }),
    ).rejects.toThrow()
    const audit = JSON.stringify(
      (
        await sql`select before, after, context from audit_events where action = 'accounts.sensitive_details.updated'`.execute(
          database.db,
        )
      ).rows,
    )
    for (const value of Object.values(details)) expect(audit).not.toContain(value)
  })

  it('takes sensitive details through the API from staff who may update contacts, sealed, never echoed', async () => {
    const signIn = async (email: string) => `cuttle_session=${await signInStaff(app, email)}`
    const url = `/api/accounts/${accountNumber(4)}/sensitive-details`
    const payload = { dateOfBirth: '1972-09-03', securityAnswer: 'Wensleydale', ssnLastFour: '7731' }
    const agent = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: await signIn('agent@example.com') },
      payload,
    })
    expect(agent.statusCode).toBe(204)
    expect(agent.body).toBe('')
    // A portal customer's session is not a staff session.
    const refused = await app.inject({ method: 'PUT', url, headers: as('holder'), payload })
    expect(refused.statusCode).toBe(401)
    const bad = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: await signIn('agent@example.com') },
      payload: { ssnLastFour: '77' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('body.ssnLastFour')
    const dump = JSON.stringify((await sql`select * from account_secrets`.execute(database.db)).rows)
    for (const value of Object.values(payload)) expect(dump).not.toContain(value)
  })
})

describe('contact details by level of access', () => {
  // Who, on which account; what the seed lets each change: the holder and an attorney everything;
  // a full authorized user and a property manager contact details (phone, texts), but not billing
  // preferences nor the holder's primary email; a limited user and a third party nothing.
  const callers = [
    { name: 'holder', index: 0, may: ['phone', 'smsEnrolled', 'billingMode', 'billingAddress', 'email'] },
    { name: 'attorney', index: 4, may: ['phone', 'smsEnrolled', 'billingMode', 'billingAddress', 'email'] },
    { name: 'full', index: 0, may: ['phone', 'smsEnrolled'] },
    { name: 'manager', index: 1, may: ['phone', 'smsEnrolled'] },
    { name: 'limited', index: 0, may: [] },
    { name: 'broker', index: 0, may: [] },
  ] as const
  const changes = {
    phone: (name: string) => ({ phone: `07700 900${String(name.length).padStart(3, '0')}` }),
    smsEnrolled: () => ({ smsEnrolled: true }),
    billingMode: () => ({ billingMode: 'paper' }),
    billingAddress: (name: string) => ({
      billingAddress: { line1: `${name.length} Post Office Row`, line2: null, town: 'Ely', postcode: 'cb7 4aa' },
    }),
    email: (name: string) => ({ email: `taken-over-by-${name}@portal.example` }),
  } as const
  const contactOf = async (index: number) =>
    (
      await sql<{
        kind: string
        value: string
        is_primary: boolean
      }>`select kind, value, is_primary from account_contacts
        where account_id = ${accountIds[index]} order by kind, value`.execute(database.db)
    ).rows
  const modeOf = async (index: number) =>
    (
      await sql<{ billing_mode: string; billing_address: unknown }>`select billing_mode, billing_address
        from accounts where id = ${accountIds[index]}`.execute(database.db)
    ).rows[0]

  it.each(callers.flatMap((caller) => Object.keys(changes).map((field) => [caller.name, field, caller] as const)))(
    'lets the %s change %s only as the seed allows, and a refusal changes nothing',
    async (_name, field, caller) => {
      const payload = changes[field as keyof typeof changes](caller.name)
      const url = `/api/portal/accounts/${accountNumber(caller.index)}/contact`
      const before = [await contactOf(caller.index), await modeOf(caller.index)]
      const response = await app.inject({ method: 'PATCH', url, headers: as(caller.name), payload })
      if ((caller.may as readonly string[]).includes(field)) {
        expect(response.statusCode, response.body).toBe(200)
        return
      }
      expect(response.statusCode).toBe(403)
      if (caller.may.length === 0) {
        expect(response.json().error.code).toBe('PORTAL_ACTION_NOT_ALLOWED')
      } else {
        expect(response.json().error).toMatchObject({
          code: 'PORTAL_CHANGE_NOT_ALLOWED',
          message: expect.stringContaining('only the account holder'),
          details: [{ path: field, message: expect.any(String) }],
        })
      }
      expect([await contactOf(caller.index), await modeOf(caller.index)]).toEqual(before)
    },
  )

  it('refuses a full authorized user a change that mixes a phone with the primary email, keeping the phone too', async () => {
    const url = `/api/portal/accounts/${accountNumber(0)}/contact`
    const before = await contactOf(0)
    const response = await send('full', 'PATCH', url, {
      phone: '07700 900999',
      email: 'attacker@portal.example',
      billingMode: 'paperless',
    })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'billingMode',
      'email',
    ])
    expect(await contactOf(0)).toEqual(before)
  })

  it('keeps the billing address the holder gives, postcode formatted, shows it back, and audits the change', async () => {
    const url = `/api/portal/accounts/${accountNumber(0)}/contact`
    const changed = await send('holder', 'PATCH', url, {
      billingAddress: { line1: ' 2 Quay Side ', line2: '', town: 'Wisbech', postcode: 'pe13 1aa' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().billingAddress).toEqual({
      line1: '2 Quay Side',
      line2: null,
      town: 'Wisbech',
      postcode: 'PE13 1AA',
    })
    const bad = await send('holder', 'PATCH', url, {
      billingAddress: { line1: '2 Quay Side', line2: null, town: 'Wisbech', postcode: 'NOT A CODE' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details).toEqual([{ path: 'billingAddress.postcode', message: 'not a UK postcode' }])
    expect((await send('holder', 'GET', url)).json().billingAddress.postcode).toBe('PE13 1AA')
    const back = await send('holder', 'PATCH', url, { billingAddress: null })
    expect(back.json().billingAddress).toBeNull()
    const { rows } = await sql<{ before: unknown; after: unknown }>`select before, after from audit_events
      where action = 'accounts.billing_address.changed' order by seq desc limit 1`.execute(database.db)
    expect(rows[0]).toMatchObject({
      before: { billingAddress: { postcode: 'PE13 1AA' } },
      after: { billingAddress: null },
    })
  })

  it('tells each caller which contact fields they may change', async () => {
    const editable = async (name: string, index: number) =>
      (await send(name, 'GET', `/api/portal/accounts/${accountNumber(index)}/contact`)).json().editable
    expect(await editable('holder', 0)).toEqual(['phone', 'smsEnrolled', 'billingMode', 'billingAddress', 'email'])
    expect(await editable('full', 0)).toEqual(['phone', 'smsEnrolled'])
    expect(await editable('manager', 2)).toEqual(['phone', 'smsEnrolled'])
  })
})
