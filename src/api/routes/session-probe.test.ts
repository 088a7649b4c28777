import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import * as access from '../../modules/access/index.js'
import { systemActor } from '../../shared/actor.js'
import { type App, buildApp } from '../app.js'

// The probes the console and the portal ask on every page load: nobody signed in is an answer (null),
// not a 401 that the browser would log as an error; a signed-in user gets what GET /session and
// GET /portal/me answer.

let database: Database
let app: App
const now = new Date('2026-11-22T09:00:00Z')
const password = 'Probe-password-2026'

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  const [accountId = ''] = (await billingFixture({ db: database.db, count: 1, at: now })).accountIds
  await inTransaction(database.db, async (tx) => {
    await access.createStaffUser({
      tx,
      email: 'agent@example.com',
      displayName: 'Amira',
      role: 'agent',
      password,
      actor,
      at: now,
    })
    const holder = await access.createExternalUser({
      tx,
      email: 'holder@portal.example',
      displayName: 'Hana Holder',
      password,
      actor,
      at: now,
    })
    await access.grantAccountAccess({ tx, accountId, userId: holder.id, kind: 'holder', actor, at: now })
  })
  app = await buildApp({ database, clock: () => now, webRoot: null })
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('GET /api/session/probe', () => {
  it('answers 200 with a null user when nobody is signed in, or the cookie is not a session', async () => {
    for (const headers of [{}, { cookie: 'cuttle_session=not-a-session' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/session/probe', headers })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ user: null })
    }
  })

  it('answers the signed-in user as GET /api/session does, and null again after signing out', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'agent@example.com', password },
    })
    const cookie = `cuttle_session=${signIn.cookies.find((c) => c.name === 'cuttle_session')?.value}`
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })
    const probe = await app.inject({ method: 'GET', url: '/api/session/probe', headers: { cookie } })
    expect(probe.statusCode).toBe(200)
    expect(probe.json()).toEqual(session.json())
    expect(probe.json()).toMatchObject({ user: { email: 'agent@example.com', role: 'agent' } })

    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: '/api/session/probe', headers: { cookie } })).json()).toEqual({
      user: null,
    })
  })
})

describe('GET /api/portal/session/probe', () => {
  it('answers 200 with null when no customer is signed in', async () => {
    for (const headers of [{}, { cookie: 'cuttle_portal=not-a-session' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/portal/session/probe', headers })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ me: null })
    }
  })

  it('answers the signed-in customer and their accounts as GET /api/portal/me does', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/portal/session',
      payload: { email: 'holder@portal.example', password },
    })
    expect(signIn.statusCode).toBe(200)
    const cookie = `cuttle_portal=${signIn.cookies.find((c) => c.name === 'cuttle_portal')?.value}`
    const me = await app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie } })
    const probe = await app.inject({ method: 'GET', url: '/api/portal/session/probe', headers: { cookie } })
    expect(probe.statusCode).toBe(200)
    expect(probe.json()).toEqual({ me: me.json() })
    const { me: answered } = probe.json() as { me: { accounts: { accountNumber: string; kind: string }[] } }
    expect(answered.accounts).toHaveLength(1)
    expect(answered.accounts[0]?.kind).toBe('holder')
    expect(answered.accounts[0]?.accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
  })
})
