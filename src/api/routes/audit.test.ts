import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import type { App } from '../app.js'
import { eleanorA1F2E3D4C, openTestApp, type Send, seedSupplier } from '../testing.js'

let database: Database
let app: App
const now = new Date('2026-11-22T09:00:00Z')
let send: Send
const activity = (role: access.Role, query: Record<string, string>) =>
  send(role, 'GET', `/api/audit/activity?${new URLSearchParams(query)}`)
type Item = { action: string; kind: string; accountNumber: string | null; seq: string }

beforeAll(async () => {
  ;({ database, app, send } = await openTestApp({
    at: () => now,
    seed: (tx) => seedSupplier(tx, now, [{ ...eleanorA1F2E3D4C, phones: [] }]),
  }))
  await send('agent', 'GET', '/api/accounts/A-1F2E3D4C')
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the activity report over HTTP (AUD-2)', () => {
  it('finds the agent by email for a supervisor, who may not list staff, grouping each event', async () => {
    expect((await send('supervisor', 'GET', '/api/staff')).statusCode).toBe(403)
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
