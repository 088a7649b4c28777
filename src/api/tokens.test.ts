/**
 * Issue 19, hole 1: an access manager gains no business powers through API tokens, new users or
 * authenticator secrets, and what a token does is audited as the token.
 */
import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import { fixtureAccountNumber as accountNumber } from '../usecases/testing.js'
import { type App, buildApp } from './app.js'
import { createStaffForEveryRole, staffPassword } from './testing.js'

let database: Database
let app: App
const now = new Date('2026-11-20T09:00:00Z')
let clock = now
const dayMs = 86_400_000
const cookies = new Map<string, string>()
const ids = new Map<string, string>()
const responses: string[] = []

const as = (who: string, extra: Record<string, string> = {}) => ({
  cookie: `cuttle_session=${cookies.get(who)}`,
  ...extra,
})
const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })

async function inject(options: InjectOptions) {
  const response = await app.inject(options)
  responses.push(response.body)
  return response
}

/** Ask for a goodwill credit on the fixture account `index`, with the given headers (who, and an Idempotency-Key). */
const askCredit = (index: number, headers: Record<string, string>, payload: { amountMinor: string; reason: string }) =>
  inject({ method: 'POST', url: `/api/accounts/${accountNumber(index)}/credits`, headers, payload })

/** Approve a credit waiting for approval, with the given headers (who). */
const approveCredit = (requestId: string, headers: Record<string, string>) =>
  inject({ method: 'POST', url: `/api/approvals/credits/${requestId}`, headers, payload: { approve: true } })

/** `who` approves the pending role request. */
const approveRoleRequest = (who: string, requestId: string) =>
  inject({ method: 'POST', url: `/api/staff/role-requests/${requestId}`, headers: as(who), payload: { approve: true } })

/** `who` sets the staff user's role. */
const setRole = (who: string, userId: string, role: string) =>
  inject({ method: 'PUT', url: `/api/staff/${userId}/role`, headers: as(who), payload: { role } })

/** The administrator invites a new staff user (or tries to: the body is sent as given). */
const createStaff = (payload: Record<string, string>) =>
  inject({ method: 'POST', url: '/api/staff', headers: as('it_administrator'), payload })

/** Accept a staff invitation by its secret, choosing a password. */
const acceptInvitation = (secret: string, password: string) =>
  inject({ method: 'POST', url: '/api/staff/invitations/accept', payload: { secret, password } })

async function signIn(email: string, password: string) {
  return inject({ method: 'POST', url: '/api/session', payload: { email, password } })
}

async function signInAs(who: string, email: string) {
  const response = await signIn(email, staffPassword)
  const cookie = response.cookies.find((c) => c.name === 'cuttle_session')
  if (!cookie) throw new Error(`no cookie for ${email}: ${response.body}`)
  cookies.set(who, cookie.value)
}

async function issueToken(who: string, payload: Record<string, unknown>) {
  return inject({ method: 'POST', url: '/api/tokens', headers: as(who), payload: { name: 'integration', ...payload } })
}

beforeAll(async () => {
  database = await openTestDatabase()
  await billingFixture({ db: database.db, count: 2, at: now })
  const actor = systemActor('test')
  await inTransaction(database.db, async (tx) => {
    await createStaffForEveryRole(tx, now)
    for (const [email, role] of [
      ['admin2@example.com', 'it_administrator'],
      ['supervisor2@example.com', 'supervisor'],
      ['locked@example.com', 'agent'],
    ] as const) {
      await access.createStaffUser({ tx, email, displayName: email, role, password: staffPassword, actor, at: now })
    }
    // A password 89 days old: it expires tomorrow, long before a token issued today would.
    await access.createStaffUser({
      tx,
      email: 'ageing@example.com',
      displayName: 'Ageing Password',
      role: 'agent',
      password: staffPassword,
      actor,
      at: new Date(now.getTime() - 89 * dayMs),
    })
  })
  for (const user of await access.listStaffUsers(database.db)) ids.set(user.email, user.id)
  app = await buildApp({ database, clock: () => clock, webRoot: null })
  for (const who of ['it_administrator', 'supervisor', 'agent']) await signInAs(who, `${who}@example.com`)
  for (const who of ['admin2', 'supervisor2', 'locked', 'ageing']) await signInAs(who, `${who}@example.com`)
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

describe('API tokens', () => {
  it('refuses an administrator a token acting as a supervisor, and stores nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from api_tokens`.execute(database.db)
    const response = await issueToken('it_administrator', { userId: ids.get('supervisor@example.com') })
    expect(response.statusCode).toBe(403)
    expect(response.json().error).toMatchObject({ code: 'TOKEN_FOR_ANOTHER_USER', details: [{ path: 'userId' }] })
    const after = await sql<{ n: number }>`select count(*)::int as n from api_tokens`.execute(database.db)
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n)
  })

  it('refuses a token with a permission its creator does not hold, naming the permission', async () => {
    const wider = await issueToken('it_administrator', {
      serviceAccount: 'billing-sync',
      permissions: ['audit.log.read', 'payments.credit.create'],
    })
    expect(wider.statusCode).toBe(403)
    expect(wider.json().error).toMatchObject({ code: 'PERMISSION_NOT_HELD', details: [{ path: 'permissions.1' }] })
    const narrow = await issueToken('it_administrator', {
      serviceAccount: 'audit-export',
      permissions: ['audit.log.read'],
    })
    expect(narrow.statusCode).toBe(201)
    expect(narrow.json()).toMatchObject({
      permissions: ['audit.log.read'],
      serviceAccountId: expect.stringMatching(/^svc_/),
    })
    const verify = await inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(narrow.json().token) })
    expect(verify.statusCode).toBe(200)
    // Narrowed: the administrator's role reads activity, this token does not.
    const activity = await inject({
      method: 'GET',
      url: '/api/audit/activity?userId=agent%40example.com',
      headers: bearer(narrow.json().token),
    })
    expect(activity.statusCode).toBe(403)
    // The administrator's own token carries administrator permissions only: no money.
    const own = await issueToken('it_administrator', {})
    expect(own.statusCode).toBe(201)
    expect(own.json().permissions).not.toContain('payments.credit.create')
    const credit = await askCredit(0, bearer(own.json().token, { 'idempotency-key': 'admin-token-credit' }), {
      amountMinor: '100',
      reason: 'goodwill',
    })
    expect(credit.statusCode).toBe(403)
  })

  it('gives a token without an expiry 90 days, and refuses no expiry or more than 90 days naming expiresAt', async () => {
    const defaulted = await issueToken('agent', {})
    expect(defaulted.statusCode).toBe(201)
    expect(defaulted.json().expiresAt).toBe(new Date(now.getTime() + 90 * dayMs).toISOString())
    const never = await issueToken('agent', { expiresAt: null })
    expect(never.statusCode).toBe(400)
    expect(never.json().error.details).toEqual([expect.objectContaining({ path: 'body.expiresAt' })])
    const tooLong = await issueToken('agent', { expiresAt: new Date(now.getTime() + 91 * dayMs).toISOString() })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error.details).toEqual([expect.objectContaining({ path: 'expiresAt' })])
  })

  it('answers 401 to an expired or a revoked token', async () => {
    const shortLived = await issueToken('agent', { expiresAt: new Date(now.getTime() + 3_600_000).toISOString() })
    const use = (token: string) => inject({ method: 'GET', url: '/api/session', headers: bearer(token) })
    expect((await use(shortLived.json().token)).statusCode).toBe(200)
    clock = new Date(now.getTime() + 3_600_000)
    try {
      expect((await use(shortLived.json().token)).statusCode).toBe(401)
    } finally {
      clock = now
    }
    const revoked = await issueToken('agent', {})
    expect((await use(revoked.json().token)).statusCode).toBe(200)
    const refused = await inject({
      method: 'DELETE',
      url: `/api/tokens/${revoked.json().id}`,
      headers: as('supervisor'),
    })
    expect(refused.statusCode).toBe(404)
    const revoke = await inject({ method: 'DELETE', url: `/api/tokens/${revoked.json().id}`, headers: as('agent') })
    expect(revoke.statusCode).toBe(204)
    expect((await use(revoked.json().token)).statusCode).toBe(401)
  })

  it('lists your own tokens, everyone else only for an access manager, never the secrets', async () => {
    const mine = await issueToken('supervisor', { permissions: ['payments.history.read'] })
    const listed = await inject({ method: 'GET', url: '/api/tokens', headers: as('supervisor') })
    const items = listed.json().items as { id: string; userId: string | null }[]
    expect(items.map((item) => item.id)).toContain(mine.json().id)
    expect(items.every((item) => item.userId === ids.get('supervisor@example.com'))).toBe(true)
    const all = await inject({ method: 'GET', url: '/api/tokens', headers: as('it_administrator') })
    expect(all.json().items.map((item: { id: string }) => item.id)).toContain(mine.json().id)
    expect(all.body).not.toContain(mine.json().token)
    expect(all.body).not.toContain('token_hash')
  })

  it('audits what a token does as the token, not as its person', async () => {
    const token = await issueToken('supervisor', {})
    const credit = await askCredit(0, bearer(token.json().token, { 'idempotency-key': 'token-credit-small' }), {
      amountMinor: '100',
      reason: 'goodwill',
    })
    expect(credit.statusCode).toBe(201)
    const events = await sql<{ actor_kind: string; actor_id: string }>`select actor_kind, actor_id from audit_events
      where subject_id = ${credit.json().request.id}`.execute(database.db)
    expect(events.rows).toEqual([{ actor_kind: 'token', actor_id: token.json().id }])
  })

  it('never lets a token approve a credit over the limit, nor a person approve one they asked for with their token', async () => {
    const asked = await askCredit(1, as('agent', { 'idempotency-key': 'agent-big-credit' }), {
      amountMinor: '15000',
      reason: 'long outage',
    })
    expect(asked.statusCode).toBe(202)
    const supervisorToken = (await issueToken('supervisor', {})).json()
    expect(supervisorToken.permissions).not.toContain('payments.credit.approve_over_limit')
    const byToken = await approveCredit(asked.json().request.id, bearer(supervisorToken.token))
    expect(byToken.statusCode).toBe(403)
    const explicit = await issueToken('supervisor', { permissions: ['payments.credit.approve_over_limit'] })
    expect(explicit.statusCode).toBe(400)
    expect(explicit.json().error.details).toEqual([expect.objectContaining({ path: 'permissions.0' })])
    // Asked for with the supervisor's own token, so it is the supervisor's own request.
    const own = await askCredit(
      1,
      bearer(supervisorToken.token, { 'idempotency-key': 'supervisor-token-big-credit' }),
      { amountMinor: '20000', reason: 'my own' },
    )
    expect(own.statusCode).toBe(202)
    const self = await approveCredit(own.json().request.id, as('supervisor'))
    expect(self.statusCode).toBe(403)
    expect(self.json().error.code).toBe('CANNOT_APPROVE_OWN_REQUEST')
    const second = await approveCredit(own.json().request.id, as('supervisor2'))
    expect(second.statusCode).toBe(200)
  })

  it('stops working when its person is locked out or their password has expired', async () => {
    const locked = (await issueToken('locked', {})).json().token
    const ageing = (await issueToken('ageing', {})).json().token
    const use = (token: string) => inject({ method: 'GET', url: '/api/session', headers: bearer(token) })
    expect((await use(locked)).statusCode).toBe(200)
    expect((await use(ageing)).statusCode).toBe(200)
    for (let i = 0; i < 5; i++) await signIn('locked@example.com', 'wrong guess, again')
    expect((await use(locked)).statusCode).toBe(401)
    clock = new Date(now.getTime() + 2 * dayMs)
    try {
      expect((await use(ageing)).statusCode).toBe(401)
    } finally {
      clock = now
    }
  })
})

describe('staff users created over the API', () => {
  it('cannot be given a password by the administrator, who therefore cannot sign in as them', async () => {
    const withPassword = await createStaff({
      email: 'tess@example.com',
      displayName: 'Tess Tech',
      role: 'field_technician',
      password: 'Admin-knows-this-1',
    })
    expect(withPassword.statusCode).toBe(400)
    expect(withPassword.json().error.details).toEqual([expect.objectContaining({ path: 'body.password' })])
    const created = await createStaff({ email: 'tess@example.com', displayName: 'Tess Tech', role: 'field_technician' })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ user: { passwordSet: false, awaitingApproval: false }, roleRequest: null })
    for (const guess of ['Admin-knows-this-1', staffPassword, '']) {
      expect((await signIn('tess@example.com', guess || 'x')).statusCode).toBe(401)
    }
    const accepted = await acceptInvitation(created.json().invitation.secret, 'Tess-chose-this-one')
    expect(accepted.statusCode).toBe(200)
    expect((await signIn('tess@example.com', 'Tess-chose-this-one')).statusCode).toBe(200)
    const again = await acceptInvitation(created.json().invitation.secret, 'Someone-else-again')
    expect(again.statusCode).toBe(400)
  })

  it('waits for a second access manager before a money role is given; the requester cannot approve it', async () => {
    const created = await createStaff({ email: 'sam@example.com', displayName: 'Sam Supervisor', role: 'supervisor' })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ user: { awaitingApproval: true }, roleRequest: { status: 'pending' } })
    await acceptInvitation(created.json().invitation.secret, 'Sam-chose-this-one')
    expect((await signIn('sam@example.com', 'Sam-chose-this-one')).statusCode).toBe(401)
    const requestId = created.json().roleRequest.id
    const own = await approveRoleRequest('it_administrator', requestId)
    expect(own.statusCode).toBe(403)
    expect(own.json().error.code).toBe('CANNOT_APPROVE_OWN_ROLE_REQUEST')
    expect((await signIn('sam@example.com', 'Sam-chose-this-one')).statusCode).toBe(401)
    const second = await approveRoleRequest('admin2', requestId)
    expect(second.statusCode).toBe(200)
    expect((await signIn('sam@example.com', 'Sam-chose-this-one')).statusCode).toBe(200)
  })

  it('keeps an elevation to a money role pending until a second access manager approves it', async () => {
    const userId = ids.get('field_technician@example.com') as string
    const asked = await setRole('it_administrator', userId, 'billing_specialist')
    expect(asked.statusCode).toBe(202)
    expect(asked.json()).toMatchObject({
      user: { role: 'field_technician' },
      roleRequest: { role: 'billing_specialist' },
    })
    const pending = await inject({ method: 'GET', url: '/api/staff/role-requests', headers: as('admin2') })
    expect(pending.json().items.map((item: { id: string }) => item.id)).toContain(asked.json().roleRequest.id)
    const self = await approveRoleRequest('it_administrator', asked.json().roleRequest.id)
    expect(self.statusCode).toBe(403)
    const staff = await inject({ method: 'GET', url: '/api/staff', headers: as('admin2') })
    const tech = staff.json().items.find((user: { id: string }) => user.id === userId)
    expect(tech.role).toBe('field_technician')
    const approved = await approveRoleRequest('admin2', asked.json().roleRequest.id)
    expect(approved.statusCode).toBe(200)
    const after = await inject({ method: 'GET', url: '/api/staff', headers: as('admin2') })
    expect(after.json().items.find((user: { id: string }) => user.id === userId).role).toBe('billing_specialist')
    // A role without money powers applies at once.
    const down = await setRole('it_administrator', userId, 'executive')
    expect(down.statusCode).toBe(200)
  })
})

describe('authenticator secrets', () => {
  it("are shown only to their own user: no response ever contains another user's TOTP secret", async () => {
    const enrol = await inject({ method: 'POST', url: '/api/session/totp', headers: as('supervisor2') })
    expect(enrol.statusCode).toBe(200)
    const secret = enrol.json().secret as string
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    const userId = ids.get('supervisor2@example.com') as string
    const oldRoute = await inject({ method: 'POST', url: `/api/staff/${userId}/totp`, headers: as('it_administrator') })
    expect(oldRoute.statusCode).toBe(404)
    const reset = await inject({ method: 'DELETE', url: `/api/staff/${userId}/totp`, headers: as('it_administrator') })
    expect(reset.statusCode).toBe(204)
    await inject({ method: 'GET', url: '/api/staff', headers: as('it_administrator') })
    await inject({ method: 'GET', url: '/api/tokens', headers: as('it_administrator') })
    const elsewhere = responses.filter((body) => body !== enrol.body)
    expect(elsewhere.filter((body) => body.includes(secret))).toEqual([])
    const listed = await inject({ method: 'GET', url: '/api/staff', headers: as('it_administrator') })
    for (const user of listed.json().items as Record<string, unknown>[]) {
      expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['passwordHash']))
      expect(JSON.stringify(user)).not.toMatch(/argon2|totp_secret|totpSecret|password_hash/)
    }
  })
})
