/**
 * Issue 19, hole 3: the timeline shows each kind of item only to a role that may call that kind's own
 * route. The expectations are read from the app's route table (the permission each route declares)
 * and `access.can`, never written out by hand, so a change of role or route keeps them true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import * as access from '../../modules/access/index.js'
import * as cases from '../../modules/cases/index.js'
import type { Actor } from '../../shared/actor.js'
import { type TimelineKind, timelineKinds } from '../../usecases/index.js'
import { recordTimelineItems } from '../../usecases/testing.js'
import { type App, buildApp } from '../app.js'
import { createStaffForEveryRole, type Send, sendAs, signInEveryRole } from '../testing.js'

let database: Database
let app: App
let send: Send
const number = 'A-10000000'
const agent: Actor = { kind: 'system', id: 'test' }
const opened = new Date('2026-11-01T08:00:00Z')
const t = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`)
const now = new Date('2026-11-20T12:00:00Z')

beforeAll(async () => {
  database = await openTestDatabase()
  const db = database.db
  const {
    accountIds: [accountId = ''],
  } = await billingFixture({ db, count: 1, at: opened })
  const { caseId } = await recordTimelineItems(db, { accountId, number, actor: agent, t })
  await inTransaction(db, async (tx) => {
    await cases.changePriority({ tx, caseId, priority: 'high', actor: agent, at: t(4) })
    await createStaffForEveryRole(tx, now)
  })
  app = await buildApp({ database, clock: () => now, webRoot: null })
  send = sendAs(app, await signInEveryRole(app))
}, 180_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

const timelineRoute = '/api/accounts/:accountNumber/timeline'

/**
 * The route that lists each kind on its own; a change has none (the account's audit trail is read
 * with the account, on the timeline's own route), nor has a visit yet.
 */
const routeOfKind: Readonly<Record<TimelineKind, string | null>> = {
  statement: '/api/accounts/:accountNumber/statements',
  payment: '/api/accounts/:accountNumber/payments',
  reading: '/api/accounts/:accountNumber/meter-points',
  message: '/api/accounts/:accountNumber/messages',
  note: '/api/accounts/:accountNumber/notes',
  change: timelineRoute,
  case: '/api/accounts/:accountNumber/cases',
  visit: null,
}

/** The permission the app's route table says a GET of this route needs. */
function permissionOf(url: string): access.Permission {
  const route = app.routeTable.find((each) => each.method === 'GET' && each.url === url)
  if (!route || !access.isPermission(route.permission)) throw new Error(`no GET ${url} with a permission`)
  return route.permission
}

/** Whether a role may call GET on the route. */
const mayCall = (role: access.Role, url: string) => access.can({ kind: 'staff', role }, permissionOf(url))

type Item = { kind: TimelineKind; title: string; reference: { type: string } }

async function timelineOf(role: access.Role, query = ''): Promise<{ status: number; items: Item[] }> {
  const response = await send(role, 'GET', `/api/accounts/${number}/timeline?limit=100${query}`)
  return { status: response.statusCode, items: response.statusCode === 200 ? response.json().items : [] }
}

describe('the timeline, for every role and every kind of item (issue 19, hole 3)', () => {
  it('has an item of every kind but visits for a role that may read them all', async () => {
    const { items } = await timelineOf('supervisor')
    const kinds = new Set(items.map((item) => item.kind))
    expect([...kinds].sort()).toEqual(timelineKinds.filter((kind) => kind !== 'visit').sort())
    // a change of a case (its priority) and a change of nothing but the account
    expect(items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['Case priority changed by the system', 'Account created by the system']),
    )
  })

  for (const role of access.roles) {
    it(`shows the ${role} role a kind exactly when it may call that kind's own route`, async () => {
      const { status, items } = await timelineOf(role)
      if (!mayCall(role, timelineRoute)) {
        expect(status).toBe(403)
        return
      }
      expect(status).toBe(200)
      for (const kind of timelineKinds) {
        const route = routeOfKind[kind]
        const shown = items.some((item) => item.kind === kind)
        if (route === null) expect(shown, kind).toBe(false)
        else expect(shown, `${role} sees ${kind} items`).toBe(mayCall(role, route))
      }
      // A change to a case is case text: shown only to who may read cases.
      const caseChange = items.some((item) => item.title === 'Case priority changed by the system')
      expect(caseChange, `${role} sees a case's change`).toBe(mayCall(role, '/api/accounts/:accountNumber/cases'))
    })

    it(`leaves out what the ${role} role may not see when it asks for it by name`, async () => {
      if (!mayCall(role, timelineRoute)) return
      for (const kind of timelineKinds) {
        const route = routeOfKind[kind]
        const { status, items } = await timelineOf(role, `&kinds=${kind}`)
        expect(status).toBe(200)
        if (route === null || !mayCall(role, route)) expect(items, `${role} asking for ${kind}`).toEqual([])
        else expect(items.every((item) => item.kind === kind)).toBe(true)
      }
    })
  }
})
