import { unzipSync } from 'fflate'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import type * as access from '../../modules/access/index.js'
import { systemActor } from '../../shared/actor.js'
import { runBilling } from '../../usecases/billing-run.js'
import type { inProcessDeliveryQueue } from '../../usecases/index.js'
import { fixtureAccountNumber as accountNumber, setTestEmail } from '../../usecases/testing.js'
import type { App } from '../app.js'
import {
  buildAppWithDelivery,
  createPortalPeople,
  createStaffUsers,
  type Send,
  sendAs,
  signInCustomer,
  staffPassword,
} from '../testing.js'

let database: Database
let app: App
let send: Send<string>
let delivery: ReturnType<typeof inProcessDeliveryQueue>
let accountIds: string[]
const now = new Date('2026-11-20T09:00:00Z')
const tomorrow = new Date(now.getTime() + 86_400_000)
const password = 'Portal-password-2026'
const actor = systemActor('test')
const nowhere = 'A-FFFFFFF0'
const email = (name: string) => `${name}@portal.example`
const cookies = new Map<string, string>()
const userIds = new Map<string, string>()
const as = (name: string) => ({ cookie: `cuttle_portal=${cookies.get(name)}` })
let staffCookie = ''

// Accounts: 0–1 the manager's portfolio; 2 the manager's too, but only from tomorrow; 3 another
// customer's; 4 a family's, with authorized users, its email on file; 5 nobody's.
const people: { name: string; grants: { index: number; kind: access.GrantKind; from?: Date }[] }[] = [
  {
    name: 'manager',
    grants: [
      { index: 0, kind: 'property_manager' },
      { index: 1, kind: 'property_manager' },
      { index: 2, kind: 'property_manager', from: tomorrow },
    ],
  },
  { name: 'stranger', grants: [{ index: 3, kind: 'holder' }] },
  { name: 'holder', grants: [{ index: 4, kind: 'holder' }] },
  { name: 'cousin', grants: [{ index: 4, kind: 'authorized_limited' }] },
]
const familyEmail = 'family.home@example.com'

async function signIn(name: string, secret = password) {
  cookies.set(name, (await signInCustomer(app, email(name), secret)).cookie)
}

beforeAll(async () => {
  database = await openTestDatabase()
  const fixture = await billingFixture({ db: database.db, count: 6, at: now })
  accountIds = fixture.accountIds
  await runBilling({ db: database.db, on: fixture.on, actor, at: now })
  await inTransaction(database.db, async (tx) => {
    const created = await createPortalPeople(tx, {
      people,
      accountIds,
      email,
      password,
      at: now,
      grantOf: (grant) => ({ kind: grant.kind, actor, at: grant.from ?? now }),
    })
    for (const [name, { userId }] of created) userIds.set(name, userId)
    await setTestEmail(tx, { accountNumber: accountNumber(4), address: familyEmail, actor, at: now })
    await createStaffUsers(tx, [{ email: 'agent@example.com', displayName: 'Agent', role: 'agent' }], now)
  })
  ;({ app, delivery } = await buildAppWithDelivery(database, now))
  send = sendAs(app, as)
  for (const person of people) await signIn(person.name)
  const staff = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: 'agent@example.com', password: staffPassword },
  })
  staffCookie = staff.cookies.find((c) => c.name === 'cuttle_session')?.value ?? ''
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

async function viewsOf(index: number, section: string) {
  const rows = await sql<{ actor_kind: string; actor_id: string }>`
    select actor_kind, actor_id from audit_events
    where action = 'accounts.account.viewed' and account_id = ${accountIds[index]}
      and context->'sections' ? ${section}`.execute(database.db)
  return rows.rows
}

describe('bulk statement download for a property manager', () => {
  it('gives one ZIP with the latest statement PDF of each account in force in the portfolio, and records each as viewed', async () => {
    const response = await send('manager', 'GET', '/api/portal/portfolio/statements.zip')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/zip')
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="portfolio-statements-latest-2026-11-20.zip"',
    )
    const files = unzipSync(new Uint8Array(response.rawPayload))
    const names = Object.keys(files).sort()
    expect(names).toHaveLength(3)
    expect(names[0]).toMatch(new RegExp(`^${accountNumber(0)}/S-\\d{8}\\.pdf$`))
    expect(names[1]).toMatch(new RegExp(`^${accountNumber(1)}/S-\\d{8}\\.pdf$`))
    expect(names[2]).toBe('contents.csv')
    for (const name of names.slice(0, 2)) {
      expect(
        Buffer.from(files[name] as Uint8Array)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
    }
    const csv = Buffer.from(files['contents.csv'] as Uint8Array).toString()
    expect(csv.split('\r\n')[0]).toBe('account,address,statement,period_from,period_to,total_minor,due_on,issued_on')
    expect(csv).toContain(accountNumber(0))
    expect(csv).not.toContain(accountNumber(2))
    expect(csv).not.toContain(accountNumber(3))
    for (const index of [0, 1]) {
      expect(await viewsOf(index, 'portal_bulk_statements')).toEqual([
        { actor_kind: 'customer', actor_id: userIds.get('manager') },
      ])
    }
    for (const index of [2, 3]) expect(await viewsOf(index, 'portal_bulk_statements')).toEqual([])
  })

  it('gives every statement issued in a chosen month, and says so when there are none', async () => {
    const november = await send('manager', 'GET', '/api/portal/portfolio/statements.zip?month=2026-11')
    expect(november.statusCode).toBe(200)
    expect(november.headers['content-disposition']).toContain('portfolio-statements-2026-11.zip')
    expect(Object.keys(unzipSync(new Uint8Array(november.rawPayload))).filter((n) => n.endsWith('.pdf'))).toHaveLength(
      2,
    )
    const september = await send('manager', 'GET', '/api/portal/portfolio/statements.zip?month=2026-09')
    expect(september.statusCode).toBe(404)
    expect(september.json().error.code).toBe('NO_STATEMENTS_TO_DOWNLOAD')
    const malformed = await send('manager', 'GET', '/api/portal/portfolio/statements.zip?month=2026-13')
    expect(malformed.statusCode).toBe(400)
  })

  it('writes an address a spreadsheet would run as a formula as text in contents.csv (issue 19, hole 12)', async () => {
    const hostile = '=HYPERLINK("http://evil.example","Click")'
    const property = sql`(select property_id from accounts where id = ${accountIds[0]})`
    const { rows } = await sql<{ line1: string }>`select line1 from properties where id = ${property}`.execute(
      database.db,
    )
    await sql`update properties set line1 = ${hostile} where id = ${property}`.execute(database.db)
    try {
      const response = await send('manager', 'GET', '/api/portal/portfolio/statements.zip')
      const files = unzipSync(new Uint8Array(response.rawPayload))
      const csv = Buffer.from(files['contents.csv'] as Uint8Array).toString()
      const line = csv.split('\r\n').find((each) => each.startsWith(accountNumber(0)))
      expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")`)
    } finally {
      await sql`update properties set line1 = ${rows[0]?.line1} where id = ${property}`.execute(database.db)
    }
  })

  it('refuses a customer who manages no portfolio, and anyone not signed in to the portal', async () => {
    const holder = await send('stranger', 'GET', '/api/portal/portfolio/statements.zip')
    expect(holder.statusCode).toBe(403)
    expect(holder.json().error.code).toBe('PORTAL_ACTION_NOT_ALLOWED')
    const anonymous = await app.inject({ method: 'GET', url: '/api/portal/portfolio/statements.zip' })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('tenant start and stop requests', () => {
  const request = (name: string, index: number | string, payload: object) =>
    send(
      name,
      'POST',
      `/api/portal/accounts/${typeof index === 'number' ? accountNumber(index) : index}/tenant-requests`,
      payload,
    )

  it('turns a move-out into a case for agents carrying the details, and notes the account', async () => {
    const response = await request('manager', 0, {
      kind: 'move_out',
      moveOutOn: '2026-12-01',
      closingReading: '12345.6',
      note: 'Keys with the agent',
    })
    expect(response.statusCode).toBe(201)
    const made = response.json()
    expect(made).toMatchObject({ accountNumber: accountNumber(0), kind: 'move_out', on: '2026-12-01', status: 'open' })
    const cases = await sql<{ type: string; subject: string; description: string; opened_by_kind: string }>`
      select type, subject, description, opened_by_kind from cases where number = ${made.caseNumber}`.execute(
      database.db,
    )
    expect(cases.rows[0]).toMatchObject({ type: 'service_request', opened_by_kind: 'customer' })
    expect(cases.rows[0]?.subject).toMatch(/^Tenant move-out on 2026-12-01: /)
    expect(cases.rows[0]?.description).toContain('Closing reading: 12345.6')
    expect(cases.rows[0]?.description).toContain('Note: Keys with the agent')
    const notes = await sql<{ body: string }>`
      select body from account_notes where account_id = ${accountIds[0]}`.execute(database.db)
    expect(notes.rows.map((row) => row.body).join('\n')).toContain(
      `stop on 2026-12-01 as the tenant moves out: case ${made.caseNumber}`,
    )
  })

  it('turns a move-in into a case with the new tenant, and lists the manager their requests with each state', async () => {
    const response = await request('manager', 1, {
      kind: 'move_in',
      tenantName: 'Nia Newcomer',
      tenantEmail: 'nia@example.com',
      moveInOn: '2026-11-10',
    })
    expect(response.statusCode).toBe(201)
    const description = await sql<{ description: string }>`
      select description from cases where number = ${response.json().caseNumber}`.execute(database.db)
    expect(description.rows[0]?.description).toContain('New tenant: Nia Newcomer <nia@example.com>')
    expect(description.rows[0]?.description).toContain('Opening reading: not given')
    await sql`update cases set status = 'in_progress' where number = ${response.json().caseNumber}`.execute(database.db)
    const list = await send('manager', 'GET', '/api/portal/portfolio/tenant-requests')
    expect(list.statusCode).toBe(200)
    const items = list.json().items as { accountNumber: string; kind: string; on: string; status: string }[]
    expect(items.map(({ accountNumber, kind, on, status }) => ({ accountNumber, kind, on, status }))).toEqual(
      expect.arrayContaining([
        { accountNumber: accountNumber(0), kind: 'move_out', on: '2026-12-01', status: 'open' },
        { accountNumber: accountNumber(1), kind: 'move_in', on: '2026-11-10', status: 'in_progress' },
      ]),
    )
    expect(items).toHaveLength(2)
    const holder = await send('stranger', 'GET', '/api/portal/portfolio/tenant-requests')
    expect(holder.json().items).toEqual([])
  })

  it('answers an account outside the portfolio, another customer’s, or not yet in force exactly as one that does not exist', async () => {
    const payload = { kind: 'move_out', moveOutOn: '2026-12-01' }
    const missing = await request('manager', nowhere, payload)
    expect(missing.statusCode).toBe(404)
    for (const index of [2, 3, 4, 5]) {
      const response = await request('manager', index, payload)
      expect(response.statusCode).toBe(404)
      expect(response.body).toBe(missing.body.replaceAll(nowhere, accountNumber(index)))
    }
    const casesOutside = await sql<{ n: string }>`
      select count(*)::text as n from cases where account_id in (${accountIds[2]}, ${accountIds[3]})`.execute(
      database.db,
    )
    expect(casesOutside.rows[0]?.n).toBe('0')
    const holder = await request('stranger', 3, payload)
    expect(holder.statusCode).toBe(403)
    expect(holder.json().error.code).toBe('PORTAL_ACTION_NOT_ALLOWED')
  })

  it('refuses a move date more than 90 days from today, a bad reading, and a move-in without the tenant', async () => {
    const late = await request('manager', 0, { kind: 'move_out', moveOutOn: '2027-02-19' })
    expect(late.statusCode).toBe(400)
    expect(late.json().error).toMatchObject({
      code: 'INVALID_TENANT_REQUEST',
      details: [{ path: 'moveOutOn', message: 'a date from 2026-08-22 to 2027-02-18' }],
    })
    const early = await request('manager', 0, {
      kind: 'move_in',
      tenantName: 'A',
      tenantEmail: 'a@example.com',
      moveInOn: '2026-08-21',
    })
    expect(early.json().error.code).toBe('INVALID_TENANT_REQUEST')
    const edge = await request('manager', 0, { kind: 'move_out', moveOutOn: '2027-02-18' })
    expect(edge.statusCode).toBe(201)
    const reading = await request('manager', 0, { kind: 'move_out', moveOutOn: '2026-12-01', closingReading: 'lots' })
    expect(reading.statusCode).toBe(400)
    const noTenant = await request('manager', 0, { kind: 'move_in', moveInOn: '2026-12-01' })
    expect(noTenant.statusCode).toBe(400)
  })
})

describe('notices about account users go to the user', () => {
  const messages = async () =>
    (
      await sql<{ template_key: string; recipient: string; subject: string; status: string }>`
        select template_key, recipient, subject, status from comms_messages
        where account_id = ${accountIds[4]} order by created_at, id`.execute(database.db)
    ).rows
  let spouseId = ''

  it('tells a new user they were added when they accept, with a copy to the account', async () => {
    const invited = await send('holder', 'POST', `/api/portal/accounts/${accountNumber(4)}/users/invitations`, {
      email: 'spouse@portal.example',
      level: 'full',
      name: 'Sam Spouse',
    })
    expect(invited.statusCode).toBe(201)
    const token = /invitations\/(cpi_[A-Za-z0-9_-]+)/.exec(
      (
        await sql<{
          body: string
        }>`select body from comms_messages where template_key = 'authorised_user_invitation'`.execute(database.db)
      ).rows[0]?.body ?? '',
    )?.[1]
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/portal/invitations/${token}/accept`,
      payload: { displayName: 'Sam Spouse', password: 'Spouse-password-1' },
    })
    expect(accepted.statusCode).toBe(200)
    spouseId = accepted.json().user.id
    // the routes only enqueued them; the delivery worker (run here by hand) sends them
    await delivery.runQueued()
    const sent = await messages()
    expect(sent.map((m) => [m.template_key, m.recipient])).toEqual([
      ['authorised_user_invitation', 'spouse@portal.example'],
      ['account_user_notice', 'spouse@portal.example'],
      ['general_message', familyEmail],
    ])
    expect(sent.every((m) => m.status !== 'queued')).toBe(true)
  })

  it('sends the holder’s change of level and removal to the user’s own address, the account a copy', async () => {
    const before = (await messages()).length
    const changed = await send('holder', 'PATCH', `/api/portal/accounts/${accountNumber(4)}/users/${spouseId}`, {
      level: 'limited',
    })
    expect(changed.statusCode).toBe(200)
    const removed = await send('holder', 'DELETE', `/api/portal/accounts/${accountNumber(4)}/users/${spouseId}`)
    expect(removed.statusCode).toBe(204)
    const sent = (await messages()).slice(before)
    expect(sent.map((m) => [m.template_key, m.recipient, m.subject])).toEqual([
      ['account_user_notice', 'spouse@portal.example', 'Your access to an energy account has changed'],
      ['general_message', familyEmail, 'Your access to an energy account has changed'],
      ['account_user_notice', 'spouse@portal.example', 'Your access to an energy account has been removed'],
      ['general_message', familyEmail, 'Your access to an energy account has been removed'],
    ])
  })

  it('sends an agent’s change and a removal the user asked for to the user too, and notes the account', async () => {
    const before = (await messages()).length
    const staff = { cookie: `cuttle_session=${staffCookie}` }
    const cousin = userIds.get('cousin')
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/accounts/${accountNumber(4)}/authorized-users/${cousin}`,
      headers: staff,
      payload: { level: 'full' },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().kind).toBe('authorized_full')
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/accounts/${accountNumber(4)}/authorized-users/${cousin}?requestedBy=user`,
      headers: staff,
    })
    expect(removed.statusCode).toBe(204)
    const sent = (await messages()).slice(before)
    expect(sent.map((m) => [m.template_key, m.recipient])).toEqual([
      ['account_user_notice', email('cousin')],
      ['general_message', familyEmail],
      ['account_user_notice', email('cousin')],
      ['general_message', familyEmail],
    ])
    const notes = await sql<{ body: string }>`
      select body from account_notes where account_id = ${accountIds[4]}`.execute(database.db)
    expect(notes.rows.map((row) => row.body).join('\n')).toContain(
      `We removed ${email('cousin')} as an authorized user at their own request.`,
    )
    const gone = await send('cousin', 'GET', `/api/portal/accounts/${accountNumber(4)}`)
    expect(gone.statusCode).toBe(404)
    const portal = await send('holder', 'DELETE', `/api/accounts/${accountNumber(4)}/authorized-users/${cousin}`)
    expect(portal.statusCode).toBe(401)
  })
})
