import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import type { App } from './app.js'
import { openAdminApp, signInStaff, staffPassword } from './testing.js'

let database: Database
let app: App
let headers: { cookie: string }
const now = new Date('2026-11-22T09:00:00Z')

beforeAll(async () => {
  ;({ database, app, headers } = await openAdminApp({ at: () => now }))
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const createStaff = (payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/staff',
    headers,
    payload: { role: 'agent', ...payload },
  })

const changeSettings = (payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: '/api/settings', headers, payload })

describe('creating a staff user over HTTP', () => {
  it('refuses a display name of only spaces as a validation error naming the field, not a server error', async () => {
    const response = await createStaff({ email: 'blank@example.com', displayName: '   ' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'INVALID_STAFF_DETAILS',
      details: [{ path: 'displayName', message: 'must not be blank' }],
    })
    const staff = await app.inject({ method: 'GET', url: '/api/staff', headers })
    expect(staff.json().items.map((user: { email: string }) => user.email)).toEqual(['admin@example.com'])
  })

  it('refuses a malformed email naming the field', async () => {
    const response = await createStaff({ email: 'not-an-email', displayName: 'Nora Email' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.email' })])
  })

  it('creates the user once the details are right', async () => {
    const response = await createStaff({ email: 'Amira@Example.com', displayName: '  Amira Agent ' })
    expect(response.statusCode).toBe(201)
    expect(response.json().user).toMatchObject({ email: 'amira@example.com', displayName: 'Amira Agent' })
    // The invitation's secret is shown once; its hash and the user's password and authenticator fields never.
    expect(response.json().invitation.secret).toEqual(expect.any(String))
    expect(response.body).not.toMatch(/secretHash|secret_hash|passwordHash|password_hash|totpSecret|totp_secret/)
  })
})

describe('changing the settings over HTTP', () => {
  it('names each unknown setting in its own detail', async () => {
    const response = await changeSettings({ madeUpSetting: 1, creditLimit: '5000' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'INVALID_SETTINGS',
      details: [
        { path: 'madeUpSetting', message: 'not a setting' },
        { path: 'creditLimit', message: 'not a setting' },
      ],
    })
  })

  it.each([
    ['an empty string', ''],
    ['a blank string', ' '],
    ['a decimal string', '1.5'],
    ['letters', 'abc'],
    // Issue 19, hole 9: a limit past what the column holds is refused naming the field, not a 500.
    ['10^24 as a string of digits', '1000000000000000000000000'],
    ['10^24 as a number', 1e24],
  ])('refuses %s as a money limit and keeps the limit', async (_name, value) => {
    const response = await changeSettings({ creditApprovalLimitMinor: value })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'INVALID_SETTINGS',
      details: [{ path: 'creditApprovalLimitMinor', message: expect.stringContaining('creditApprovalLimitMinor') }],
    })
    const settings = await app.inject({ method: 'GET', url: '/api/settings', headers })
    expect(settings.json().settings.creditApprovalLimitMinor).toBe('10000')
  })

  it('accepts a money limit as digits or as a whole number', async () => {
    expect((await changeSettings({ creditApprovalLimitMinor: '12000' })).json().settings).toMatchObject({
      creditApprovalLimitMinor: '12000',
    })
    expect((await changeSettings({ creditApprovalLimitMinor: 10000 })).json().settings).toMatchObject({
      creditApprovalLimitMinor: '10000',
    })
  })
})

describe("the supplier's details that every bill carries", () => {
  const changeDetails = (payload: Record<string, unknown>, as = headers) =>
    app.inject({ method: 'PATCH', url: '/api/settings/details', headers: as, payload })

  it('starts empty, takes each detail, and keeps the others', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/settings', headers })
    expect(before.json().details).toEqual({
      legalName: '',
      address: '',
      phone: '',
      email: '',
      website: '',
      companyNumber: '',
      vatNumber: '',
    })
    const changed = await changeDetails({ legalName: 'Good Egg Energy Ltd', vatNumber: 'GB 123 4567 89' })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().details).toMatchObject({ legalName: 'Good Egg Energy Ltd', vatNumber: 'GB 123 4567 89' })
    const phone = await changeDetails({ phone: '0808 157 0192' })
    expect(phone.json().details).toMatchObject({ legalName: 'Good Egg Energy Ltd', phone: '0808 157 0192' })
  })

  it('refuses a malformed detail or an unknown one, naming it, and changes nothing', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/settings', headers })).json().details
    const vat = await changeDetails({ vatNumber: '123', phone: '0808 157 0193' })
    expect(vat.statusCode).toBe(400)
    expect(vat.json().error).toMatchObject({
      code: 'INVALID_SETTINGS',
      details: [{ path: 'vatNumber', message: 'vatNumber must look like GB 123 4567 89' }],
    })
    const unknown = await changeDetails({ motto: 'Eggs' })
    expect(unknown.json().error.details).toEqual([{ path: 'motto', message: 'not a supplier detail' }])
    const nul = await changeDetails({ address: '1 Egg Lane\u0000' })
    expect(nul.statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: '/api/settings', headers })).json().details).toEqual(before)
  })

  it('names every malformed detail of one change, each beside its own field, as the console screen shows them', async () => {
    const refused = await changeDetails({ phone: 'call us', companyNumber: '123', website: 'not a site' })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'phone', message: 'phone must look like 0800 123 4567' },
        { path: 'companyNumber', message: 'companyNumber must look like 12345678 or SC123456' },
        { path: 'website', message: 'website must look like www.example.com' },
      ]),
    )
    expect(refused.json().error.details).toHaveLength(3)
  })

  it('is neither shown to nor changed by staff the permission matrix leaves out (a billing specialist)', async () => {
    await inTransaction(database.db, (tx) =>
      access.createStaffUser({
        tx,
        email: 'billing@example.com',
        displayName: 'Bea Billing',
        role: 'billing_specialist',
        password: staffPassword,
        actor: systemActor('test'),
        at: now,
      }),
    )
    const billing = { cookie: `cuttle_session=${await signInStaff(app, 'billing@example.com')}` }
    const before = (await app.inject({ method: 'GET', url: '/api/settings', headers })).json().details
    expect((await app.inject({ method: 'GET', url: '/api/settings', headers: billing })).statusCode).toBe(403)
    const change = await changeDetails({ legalName: 'Bad Egg Ltd' }, billing)
    expect(change.statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/settings', headers })).json().details).toEqual(before)
  })
})
