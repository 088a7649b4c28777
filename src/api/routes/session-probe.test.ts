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

/** The probe answers 200 and `nobody` without a cookie, and with one that names no session. */
async function expectNobodyAt(url: string, cookieName: string, nobody: object) {
  for (const headers of [{}, { cookie: `${cookieName}=not-a-session` }]) {
    const response = await app.inject({ method: 'GET', url, headers })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(nobody)
  }
}

/** Sign in at `url` with the shared password; answers the session cookie `cookieName` as a header value. */
async function signedIn(url: string, cookieName: string, email: string) {
  const signIn = await app.inject({ method: 'POST', url, payload: { email, password } })
  expect(signIn.statusCode).toBe(200)
  return `${cookieName}=${signIn.cookies.find((c) => c.name === cookieName)?.value}`
}

/** GET `url` with the session cookie. */
const getWith = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } })

describe('GET /api/session/probe', () => {
  it('answers 200 with a null user when nobody is signed in, or the cookie is not a session', async () => {
    await expectNobodyAt('/api/session/probe', 'cuttle_session', { user: null })
  })

  it('answers the signed-in user as GET /api/session does, and null again after signing out', async () => {
    const cookie = await signedIn('/api/session', 'cuttle_session', 'agent@example.com')
    const session = await getWith('/api/session', cookie)
    const probe = await getWith('/api/session/probe', cookie)
    expect(probe.statusCode).toBe(200)
    expect(probe.json()).toEqual(session.json())
    expect(probe.json()).toMatchObject({ user: { email: 'agent@example.com', role: 'agent' } })

    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204)
    expect((await getWith('/api/session/probe', cookie)).json()).toEqual({
      user: null,
    })
  })
})

describe('GET /api/portal/session/probe', () => {
  it('answers 200 with null when no customer is signed in', async () => {
    await expectNobodyAt('/api/portal/session/probe', 'cuttle_portal', { me: null })
  })

  it('answers the signed-in customer and their accounts as GET /api/portal/me does', async () => {
    const cookie = await signedIn('/api/portal/session', 'cuttle_portal', 'holder@portal.example')
    const me = await getWith('/api/portal/me', cookie)
    const probe = await getWith('/api/portal/session/probe', cookie)
    expect(probe.statusCode).toBe(200)
    expect(probe.json()).toEqual({ me: me.json() })
    const { me: answered } = probe.json() as { me: { accounts: { accountNumber: string; kind: string }[] } }
    expect(answered.accounts).toHaveLength(1)
    expect(answered.accounts[0]?.kind).toBe('holder')
    expect(answered.accounts[0]?.accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
  })
})
