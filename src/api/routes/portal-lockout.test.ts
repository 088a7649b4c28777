import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import * as access from '../../modules/access/index.js'
import { systemActor } from '../../shared/actor.js'
import { type App, buildApp } from '../app.js'

let database: Database
let app: App
let accountId = ''
let now = new Date('2026-11-22T09:00:00Z')
const password = 'Portal-password-2026'
const signIn = (email: string, pass: string) =>
  app.inject({ method: 'POST', url: '/api/portal/session', payload: { email, password: pass } })

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  // One account (and the supplier) to invite people to.
  ;[accountId = ''] = (await billingFixture({ db: database.db, count: 1, at: now })).accountIds
  await inTransaction(database.db, async (tx) => {
    await access.createExternalUser({ tx, email: 'locked@portal.example', displayName: 'L', password, actor, at: now })
    await access.createExternalUser({ tx, email: 'invited@portal.example', displayName: 'I', password, actor, at: now })
  })
  app = await buildApp({ database, clock: () => now, webRoot: null })
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('portal sign-in lockout over HTTP', () => {
  it('answers a locked login with the same 401 as an unknown email, and no cookie, until the lockout ends', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('locked@portal.example', 'a wrong guess!!')).statusCode).toBe(401)
    const locked = await signIn('locked@portal.example', password)
    const unknown = await signIn('nobody@portal.example', password)
    expect(locked.statusCode).toBe(401)
    expect(locked.json()).toEqual(unknown.json())
    expect(locked.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } })
    expect(locked.cookies.find((c) => c.name === 'cuttle_portal')).toBeUndefined()
    now = new Date(now.getTime() + 15 * 60_000)
    const after = await signIn('locked@portal.example', password)
    expect(after.statusCode).toBe(200)
    expect(after.cookies.find((c) => c.name === 'cuttle_portal')).toBeDefined()
  })
})

describe('accepting an invitation with an existing login', () => {
  it('counts a wrong password towards the same lockout, and a locked login cannot accept', async () => {
    const { token } = await inTransaction(database.db, (tx) =>
      access.createInvitation({
        tx,
        accountId,
        email: 'invited@portal.example',
        inviteeName: 'I',
        level: 'limited',
        actor: systemActor('test'),
        at: now,
      }),
    )
    const accept = (pass: string) =>
      app.inject({
        method: 'POST',
        url: `/api/portal/invitations/${token}/accept`,
        payload: { displayName: 'I', password: pass },
      })
    // Four wrong tries through the invitation and one at sign-in: five in a row lock the login.
    for (let i = 0; i < 4; i++) expect((await accept('a wrong guess!!')).statusCode).toBe(401)
    expect((await signIn('invited@portal.example', 'a wrong guess!!')).statusCode).toBe(401)
    const locked = await accept(password)
    expect(locked.statusCode).toBe(401)
    expect(locked.cookies.find((c) => c.name === 'cuttle_portal')).toBeUndefined()
    expect((await signIn('invited@portal.example', password)).statusCode).toBe(401)
    now = new Date(now.getTime() + 15 * 60_000)
    const accepted = await accept(password)
    expect(accepted.statusCode).toBe(200)
    expect(accepted.cookies.find((c) => c.name === 'cuttle_portal')).toBeDefined()
  })
})
