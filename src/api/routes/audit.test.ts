import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import * as market from '../../modules/market/index.js'
import { systemActor } from '../../shared/actor.js'
import { type App, buildApp } from '../app.js'

let database: Database
let app: App
const now = new Date('2026-11-22T09:00:00Z')
const password = 'correct horse battery'
const cookies = new Map<string, string>()
const as = (role: string) => ({ cookie: `cuttle_session=${cookies.get(role)}` })
const activity = (role: string, query: Record<string, string>) =>
  app.inject({ method: 'GET', url: `/api/audit/activity?${new URLSearchParams(query)}`, headers: as(role) })
type Item = { action: string; kind: string; accountNumber: string | null; seq: string }

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at: now })
    for (const role of ['agent', 'supervisor', 'it_administrator'] as const)
      await access.createStaffUser({
        tx,
        email: `${role}@example.com`,
        displayName: role,
        role,
        password,
        actor,
        at: now,
      })
    await accounts.createAccounts({
      tx,
      actor,
      at: now,
      accounts: [
        {
          number: 'A-1F2E3D4C',
          customer: { kind: 'person', givenName: 'Eleanor', familyName: 'Ashworth' },
          property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
          billingAddress: null,
          emails: [{ address: 'eleanor.ashworth@example.com', primary: true }],
          phones: [],
          billingMode: 'paperless',
          market: 'gb',
          openedOn: '2024-02-01',
        },
      ],
    })
  })
  app = await buildApp({ database, clock: () => now, webRoot: null })
  for (const role of ['agent', 'supervisor', 'it_administrator']) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: `${role}@example.com`, password },
    })
    const cookie = response.cookies.find((c) => c.name === 'cuttle_session')
    if (!cookie) throw new Error(`no cookie for ${role}: ${response.body}`)
    cookies.set(role, cookie.value)
  }
  await app.inject({ method: 'GET', url: '/api/accounts/A-1F2E3D4C', headers: as('agent') })
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the activity report over HTTP (AUD-2)', () => {
  it('finds the agent by email for a supervisor, who may not list staff, grouping each event', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/staff', headers: as('supervisor') })).statusCode).toBe(403)
    const response = await activity('supervisor', { userId: 'Agent@Example.com' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.user).toMatchObject({ email: 'agent@example.com', role: 'agent' })
    expect(body.timeZone).toBe('Europe/London')
    // The audit chain's hashes stay inside: the report shows what happened, not the chain.
    expect(body.items.length).toBeGreaterThan(0)
    for (const item of body.items) {
      expect(item).not.toHaveProperty('hash')
      expect(item).not.toHaveProperty('prevHash')
    }
    const items = body.items as Item[]
    expect(items.find((item) => item.action === 'accounts.account.viewed')).toMatchObject({
      kind: 'account_view',
      accountNumber: 'A-1F2E3D4C',
    })
    expect(items.find((item) => item.action === 'access.session.started')).toMatchObject({ kind: 'sign_in' })
    const byId = await activity('it_administrator', { userId: body.user.id })
    expect((byId.json().items as Item[]).map((item) => item.seq)).toEqual(items.map((item) => item.seq))
  })

  it('keeps to the local dates asked for, both included', async () => {
    const today = await activity('supervisor', { userId: 'agent@example.com', from: '2026-11-22', to: '2026-11-22' })
    expect(today.json().items.length).toBeGreaterThan(0)
    const tomorrow = await activity('supervisor', { userId: 'agent@example.com', from: '2026-11-23' })
    expect(tomorrow.json()).toMatchObject({ items: [], nextCursor: null, from: '2026-11-23', to: null })
    const yesterday = await activity('supervisor', { userId: 'agent@example.com', to: '2026-11-21' })
    expect(yesterday.json().items).toEqual([])
    const backwards = await activity('supervisor', {
      userId: 'agent@example.com',
      from: '2026-11-22',
      to: '2026-11-01',
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error).toMatchObject({ code: 'INVALID_ACTIVITY_RANGE', details: [{ path: 'to' }] })
  })

  it('pages with the cursor, newest first, nothing repeated', async () => {
    const all = (await activity('supervisor', { userId: 'agent@example.com' })).json().items as Item[]
    expect(all.length).toBeGreaterThan(1)
    const first = (await activity('supervisor', { userId: 'agent@example.com', limit: '1' })).json()
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = (
      await activity('supervisor', { userId: 'agent@example.com', limit: '1', cursor: first.nextCursor })
    ).json()
    expect([...first.items, ...second.items].map((item: Item) => item.seq)).toEqual(
      all.slice(0, 2).map((item) => item.seq),
    )
  })

  it('answers an unknown user with 404 and keeps agents out', async () => {
    const unknown = await activity('supervisor', { userId: 'nobody@example.com' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({ code: 'STAFF_USER_NOT_FOUND', details: [{ path: 'userId' }] })
    expect((await activity('agent', { userId: 'supervisor@example.com' })).statusCode).toBe(403)
  })

  it('records each read of the report', async () => {
    const supervisor = await access.findStaffUser(database.db, 'supervisor@example.com')
    const agent = await access.findStaffUser(database.db, 'agent@example.com')
    const viewed = await sql<{ subject_id: string; n: number }>`select subject_id, count(*)::int as n
      from audit_events where action = 'audit.activity.viewed' and actor_id = ${supervisor?.id}
      group by subject_id`.execute(database.db)
    expect(viewed.rows).toEqual([{ subject_id: agent?.id, n: expect.any(Number) }])
    expect(viewed.rows[0]?.n).toBeGreaterThanOrEqual(7)
  })
})
