import Fastify from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import type { App } from './app.js'
import { requirePermissionOnEveryRoute } from './auth.js'
import { type ActAs, eleanorA1F2E3D4C, openTestApp, type Send, seedSupplier, staffPassword } from './testing.js'

let database: Database
let app: App
let now = new Date('2026-11-22T09:00:00Z')
const password = staffPassword
let as: ActAs
let send: Send

async function signIn(email: string, pass = password) {
  return app.inject({ method: 'POST', url: '/api/session', payload: { email, password: pass } })
}

beforeAll(async () => {
  ;({ database, app, as, send } = await openTestApp({
    at: () => now,
    seed: (tx) => seedSupplier(tx, now, [eleanorA1F2E3D4C]),
  }))
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('every route', () => {
  it('declares a permission, and every API route needs a signed-in user unless it is sign-in itself', () => {
    expect(app.routeTable.length).toBeGreaterThan(15)
    // Signing in: staff, a portal customer, a customer or a new member of staff accepting an invitation.
    const signIn = [
      'POST /api/session',
      'POST /api/portal/session',
      'POST /api/portal/invitations/:token/accept',
      'POST /api/staff/invitations/accept',
      // Asking who is signed in, which answers null (never a 401) when nobody is (HEAD comes with GET).
      'GET /api/session/probe',
      'HEAD /api/session/probe',
      'GET /api/portal/session/probe',
      'HEAD /api/portal/session/probe',
      // The supplier's name and currency, which the sign-in pages show before anyone signs in.
      'GET /api/brand',
      'HEAD /api/brand',
      // Quotes and sign-up (ONB-1, ONB-2): before there is any account to sign in to.
      'GET /api/quote',
      'HEAD /api/quote',
      'POST /api/sign-ups',
    ]
    for (const route of app.routeTable) {
      expect(route.permission, `${route.method} ${route.url}`).toBeDefined()
      if (route.url.startsWith('/api/') && !signIn.includes(`${route.method} ${route.url}`)) {
        expect(route.permission, `${route.method} ${route.url}`).not.toBe('public')
      }
    }
  })

  it('cannot be registered without a permission', async () => {
    const bare = Fastify()
    requirePermissionOnEveryRoute(bare)
    expect(() => bare.get('/forgotten', async () => 'no permission declared')).toThrow(
      /GET \/forgotten does not declare a permission/,
    )
    await bare.close()
  })

  it('lists every API route in the OpenAPI document with a permission', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/accounts', '/api/accounts/{accountNumber}', '/api/session']),
    )
  })
})

describe('signing in', () => {
  it('sets an httpOnly cookie and returns the role with its badge', async () => {
    const response = await signIn('agent@example.com')
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'cuttle_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(response.json().user).toMatchObject({
      role: 'agent',
      roleLabel: 'Customer Service Agent',
      badgeColour: 'blue',
      mustChangePassword: false,
    })
    // Only the declared fields leave: never a password hash, a TOTP secret or the session token.
    expect(Object.keys(response.json().user).sort()).toEqual([
      'badgeColour',
      'displayName',
      'email',
      'id',
      'mustChangePassword',
      'permissions',
      'role',
      'roleLabel',
    ])
    expect(response.body).not.toContain(cookie?.value)
  })

  it('refuses a wrong password with a clear error', async () => {
    const response = await signIn('agent@example.com', 'wrong password!')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is not right' },
    })
  })

  it('refuses requests without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/accounts?q=Ashworth' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('ends the session on sign-out', async () => {
    const cookie = (await signIn('supervisor@example.com')).cookies.find((c) => c.name === 'cuttle_session')?.value
    const headers = { cookie: `cuttle_session=${cookie}` }
    const signedOut = await app.inject({ method: 'DELETE', url: '/api/session', headers })
    expect(signedOut.statusCode).toBe(204)
    expect(signedOut.body).toBe('')
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401)
  })

  it('accepts an API token as a bearer credential', async () => {
    // A token acts as the person who issues it (issue 19): the agent issues their own.
    const created = await send('agent', 'POST', '/api/tokens', { name: 'CRM sync' })
    expect(created.statusCode).toBe(201)
    const token = created.json().token as string
    const response = await app.inject({
      method: 'GET',
      url: '/api/accounts?q=ashwroth',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().items[0].accountNumber).toBe('A-1F2E3D4C')
  })
})

describe('permissions', () => {
  it('lets an agent search, read and add notes, but not manage staff or settings', async () => {
    expect((await send('agent', 'GET', '/api/accounts?q=ashworth')).statusCode).toBe(200)
    expect((await send('agent', 'GET', '/api/staff')).statusCode).toBe(403)
    const denied = await send('agent', 'PATCH', '/api/settings', { staffPasswordMaxAgeDays: 30 })
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'settings.supplier.update' },
    })
  })

  it('keeps field technicians out of the account notes (billing talk) but records the attempt', async () => {
    // The overview itself answers them in the field-visit view (seed-access-rules.test.ts); the notes
    // need accounts.account.read, which they never hold.
    const response = await send('field_technician', 'GET', '/api/accounts/A-1F2E3D4C/notes')
    expect(response.statusCode).toBe(403)
    const denied = await sql<{
      n: bigint
    }>`select count(*)::int8 as n from audit_events where action = 'access.permission.denied'`.execute(database.db)
    expect(denied.rows[0]?.n).toBeGreaterThan(0n)
  })

  it('lets a supervisor read an agent’s activity, including the accounts they viewed', async () => {
    await send('agent', 'GET', '/api/accounts/A-1F2E3D4C')
    const agentId = (await access.findStaffUser(database.db, 'agent@example.com'))?.id
    const response = await send('supervisor', 'GET', `/api/audit/activity?userId=${agentId}`)
    expect(response.statusCode).toBe(200)
    const actions = (response.json().items as { action: string }[]).map((e) => e.action)
    expect(actions).toContain('accounts.account.viewed')
    expect(actions).toContain('access.session.started')
  })
})

describe('accounts over HTTP', () => {
  it('returns the overview in one call', async () => {
    const response = await send('agent', 'GET', '/api/accounts/A-1F2E3D4C')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      account: { number: 'A-1F2E3D4C', status: 'active' },
      customer: { displayName: 'Eleanor Ashworth' },
      property: {
        addressLines: ['14 Mill Lane'],
        postcode: 'CB1 2AB',
        gspRegion: { code: '_A', name: 'Eastern England' },
      },
    })
  })

  it('adds a note and shows it first', async () => {
    const created = await send('agent', 'POST', '/api/accounts/A-1F2E3D4C/notes', {
      type: 'service',
      body: 'Customer asked about smart meter installation',
    })
    expect(created.statusCode).toBe(201)
    const notes = await send('agent', 'GET', '/api/accounts/A-1F2E3D4C/notes?limit=1')
    expect(notes.json().items[0]).toMatchObject({ type: 'service', author: { displayName: 'agent user' } })
    // The note's internal account row id is not part of the API.
    expect(notes.json().items[0]).not.toHaveProperty('accountId')
  })

  it('answers an unknown account with 404 and its code', async () => {
    const response = await send('agent', 'GET', '/api/accounts/A-00000000')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('ACCOUNT_NOT_FOUND')
  })
})

describe('bad input', () => {
  async function noteCount() {
    const result = await sql<{ n: bigint }>`select count(*)::int8 as n from account_notes`.execute(database.db)
    return result.rows[0]?.n
  }

  it('names the field of a wrong type and writes nothing', async () => {
    const before = await noteCount()
    const response = await send('agent', 'POST', '/api/accounts/A-1F2E3D4C/notes', { type: 'general', body: 42 })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.body' }] })
    expect(await noteCount()).toBe(before)
  })

  it('names an unknown field', async () => {
    const response = await send('agent', 'POST', '/api/accounts/A-1F2E3D4C/notes', {
      type: 'general',
      body: 'hello',
      pinned: true,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'body.pinned', message: 'unknown field' }])
  })

  it('names a bad enum value and a bad query parameter', async () => {
    const wrongType = await send('agent', 'POST', '/api/accounts/A-1F2E3D4C/notes', { type: 'gossip', body: 'hello' })
    expect(wrongType.json().error.details[0].path).toBe('body.type')
    const badLimit = await send('agent', 'GET', '/api/accounts?q=ash&limit=5000')
    expect(badLimit.statusCode).toBe(400)
    expect(badLimit.json().error.details[0].path).toBe('query.limit')
  })

  it('answers malformed JSON with 400 and changes nothing', async () => {
    const before = await noteCount()
    const response = await app.inject({
      method: 'POST',
      url: '/api/accounts/A-1F2E3D4C/notes',
      headers: { ...as('agent'), 'content-type': 'application/json' },
      payload: '{"type": "general", "body": ',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('MALFORMED_JSON')
    expect(await noteCount()).toBe(before)
  })
})

describe('expired passwords', () => {
  it('allows only changing the password once it is 90 days old', async () => {
    const actor = systemActor('test')
    await inTransaction(database.db, (tx) =>
      access.createStaffUser({
        tx,
        email: 'old@example.com',
        displayName: 'Old Password',
        role: 'agent',
        password,
        actor,
        at: now,
      }),
    )
    const later = new Date(now.getTime() + 91 * 86_400_000)
    const saved = now
    now = later
    try {
      const signedIn = await signIn('old@example.com')
      expect(signedIn.json().user.mustChangePassword).toBe(true)
      const headers = { cookie: `cuttle_session=${signedIn.cookies.find((c) => c.name === 'cuttle_session')?.value}` }
      const blocked = await app.inject({ method: 'GET', url: '/api/accounts?q=ashworth', headers })
      expect(blocked.json().error.code).toBe('PASSWORD_EXPIRED')
      const changed = await app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers,
        payload: { currentPassword: password, newPassword: 'a brand new passphrase' },
      })
      expect(changed.statusCode).toBe(204)
      expect((await app.inject({ method: 'GET', url: '/api/accounts?q=ashworth', headers })).statusCode).toBe(200)
    } finally {
      now = saved
    }
  })
})

describe('health and docs', () => {
  it('answers /health with the database in use', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' })
    expect(response.json()).toEqual({ status: 'ok', database: database.backend })
  })

  it('serves the docs page', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' })
    expect(response.statusCode).toBe(200)
  })
})
