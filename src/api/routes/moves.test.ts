import { describe, expect, it } from 'vitest'
import { billingFixture } from '../../demo/billing-fixture.js'
import type * as access from '../../modules/access/index.js'
import { nonServiceRoles, sharedTestApp } from '../testing.js'

const now = new Date('2026-11-20T09:00:00Z')
const opened = sharedTestApp({ at: () => now, fixture: (db) => billingFixture({ db, count: 2, at: now }) })
// billingFixture's accounts, opened 2026-10-01 with October's half hours.
const first = 'A-10000000'
const second = 'A-10000001'

const moveOut = (role: access.Role, account: string, payload: unknown) =>
  opened.send(role, 'POST', `/api/accounts/${account}/move-out`, payload as object)
const moveIn = (role: access.Role, account: string, payload: unknown) =>
  opened.send(role, 'POST', `/api/accounts/${account}/move-in`, payload as object)

describe('the move routes', () => {
  it('declare accounts.account.create', () => {
    const routes = opened.app.routeTable.filter((route) => /\/move-(out|in)$/.test(route.url))
    expect(routes.map((route) => [route.method, route.url, route.permission])).toEqual([
      ['POST', '/api/accounts/:accountNumber/move-out', 'accounts.account.create'],
      ['POST', '/api/accounts/:accountNumber/move-in', 'accounts.account.create'],
    ])
  })

  it('refuse the roles that may not open accounts, with the error shape', async () => {
    for (const role of nonServiceRoles) {
      const response = await moveOut(role, first, { on: '2026-10-20' })
      expect(response.statusCode, role).toBe(403)
      expect(response.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'accounts.account.create' },
      })
    }
    const anonymous = await opened.app.inject({
      method: 'POST',
      url: `/api/accounts/${first}/move-out`,
      payload: { on: '2026-10-20' },
    })
    expect(anonymous.statusCode).toBe(401)
  })

  it('let agents, supervisors, billing and export specialists through to the rules', async () => {
    // A date before the account opened: each role reaches the use case, which refuses it.
    for (const role of ['agent', 'supervisor', 'billing_specialist', 'export_specialist'] as const) {
      const response = await moveOut(role, first, { on: '2026-09-01' })
      expect(response.statusCode, role).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'INVALID_MOVE_DATE', details: [{ path: 'on' }] })
    }
  })

  it('name each field of a bad request and answer an unknown account as not found', async () => {
    const bad = await moveOut('agent', first, {
      on: '20/10/2026',
      finalReadings: [{ meterPoint: 'x', meterSerial: 'S1', register: 'S', value: '-1' }],
      newOccupant: { email: 'a@b.co' },
    })
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().error.details.map((detail: { path: string }) => detail.path)
    expect(bad.json().error.code).toBe('VALIDATION_FAILED')
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.on',
        'body.finalReadings.0.meterPoint',
        'body.finalReadings.0.value',
        'body.newOccupant.name',
      ]),
    )
    const unknown = await moveOut('agent', 'A-0000FFFF', { on: '2026-10-20' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('ACCOUNT_NOT_FOUND')
  })

  it('moves an account out to The Occupier, then a named customer in', async () => {
    const out = await moveOut('agent', first, { on: '2026-10-20', newOccupant: null })
    expect(out.statusCode).toBe(201)
    const body = out.json()
    expect(body.closedAccount).toMatchObject({ number: first, status: 'closed', closedOn: '2026-10-20' })
    expect(body.finalStatement).toMatchObject({
      kind: 'final',
      status: 'issued',
      totalMinor: expect.stringMatching(/^\d+$/),
      settlement: { kind: 'payment_request', amountMinor: expect.stringMatching(/^\d+$/) },
    })
    expect(body.finalStatement.number).toMatch(/^S-\d{8}$/)
    expect(body.newAccount).toMatchObject({ customerName: 'The Occupier', occupier: true, openedOn: '2026-10-20' })

    const again = await moveOut('agent', first, { on: '2026-10-21' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ACCOUNT_ALREADY_CLOSED')

    const named = await moveIn('agent', second, { on: '2026-10-20', customer: { name: 'Sam Carter' } })
    expect(named.statusCode).toBe(409)
    expect(named.json().error.code).toBe('NOT_AN_OCCUPIER_ACCOUNT')

    const moved = await moveIn('supervisor', body.newAccount.number, {
      on: '2026-10-28',
      customer: { givenName: 'Sam', familyName: 'Carter', phone: '07700 900456' },
    })
    expect(moved.statusCode).toBe(201)
    expect(moved.json()).toMatchObject({
      closedAccount: { number: body.newAccount.number, closedOn: '2026-10-28' },
      finalStatement: { kind: 'final' },
      newAccount: { customerName: 'Sam Carter', occupier: false, openedOn: '2026-10-28' },
    })

    const overview = await opened.app.inject({ url: `/api/accounts/${first}`, headers: opened.as('agent') })
    expect(overview.json().account).toMatchObject({ status: 'closed', closedOn: '2026-10-20' })
  })
})
