import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import type * as access from '../../modules/access/index.js'
import * as metering from '../../modules/metering/index.js'
import { systemActor } from '../../shared/actor.js'
import { fixtureAccountNumber as accountNumber } from '../../usecases/testing.js'
import type { App } from '../app.js'
import {
  buildAppWithDelivery,
  createPortalPeople,
  createStaffUsers,
  type Send,
  sendAs,
  signInCustomer,
  signInStaff,
} from '../testing.js'

let database: Database
let app: App
let send: Send<string>
const now = new Date('2026-11-20T09:00:00Z')
const password = 'Portal-password-2026'
const cookies = new Map<string, string>()
let staffCookie = ''

const people: { name: string; grants: { index: number; kind: access.GrantKind; scope?: string[] }[] }[] = [
  { name: 'holder', grants: [{ index: 0, kind: 'holder' }] },
  { name: 'full', grants: [{ index: 0, kind: 'authorized_full' }] },
  { name: 'limited', grants: [{ index: 0, kind: 'authorized_limited' }] },
  { name: 'broker', grants: [{ index: 0, kind: 'third_party', scope: ['usage', 'service_requests'] }] },
]
const email = (name: string) => `${name}@portal.example`
const account = accountNumber(0)

beforeAll(async () => {
  database = await openTestDatabase()
  const { accountIds } = await billingFixture({ db: database.db, count: 2, at: now })
  await inTransaction(database.db, async (tx) => {
    await createPortalPeople(tx, {
      people,
      accountIds,
      email,
      password,
      at: now,
      grantOf: (grant) => ({
        kind: grant.kind,
        scope: grant.scope ?? [],
        days: grant.kind === 'third_party' ? 60 : undefined,
        actor: systemActor('test'),
        at: now,
      }),
    })
    await createStaffUsers(tx, [{ email: 'agent@example.com', displayName: 'Agent', role: 'agent' }], now)
  })
  ;({ app } = await buildAppWithDelivery(database, now))
  for (const person of people)
    cookies.set(person.name, (await signInCustomer(app, email(person.name), password)).cookie)
  staffCookie = await signInStaff(app, 'agent@example.com')
  send = sendAs(app, (name: string) =>
    name === 'staff' ? { cookie: `cuttle_session=${staffCookie}` } : { cookie: `cuttle_portal=${cookies.get(name)}` },
  )
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

async function readingsOnRecord() {
  return inTransaction(
    database.db,
    async (tx) => (await metering.listReadings({ tx, accountNumber: account, limit: 100 })).items,
  )
}

describe('tariff and rates in the portal', () => {
  it('shows each supply with its meters, registers, product and rates inc VAT', async () => {
    const response = await send('holder', 'GET', `/api/portal/accounts/${account}/supplies`)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.canSubmitReadings).toBe(true)
    expect(body.items).toHaveLength(1)
    const [supply] = body.items
    expect(supply).toMatchObject({
      fuel: 'electricity',
      direction: 'import',
      meters: [{ type: 'smart', registers: [{ identifier: 'S', rate: 'standard', digits: 5 }] }],
      tariff: { code: 'E-1R-VAR-22-11-01-A', productName: expect.any(String), unitRates: [{ name: 'standard' }] },
    })
    expect(supply.tariff.unitRates[0].incVat).toMatch(/^\d+(\.\d+)?$/)
    expect(supply.tariff.standingCharge).toMatch(/^\d+(\.\d+)?$/)
  })

  it('shows a limited user the tariff but not the reading form, and a third party without bills nothing', async () => {
    const limited = await send('limited', 'GET', `/api/portal/accounts/${account}/supplies`)
    expect(limited.statusCode).toBe(200)
    expect(limited.json().canSubmitReadings).toBe(false)
    const broker = await send('broker', 'GET', `/api/portal/accounts/${account}/supplies`)
    expect(broker.statusCode).toBe(403)
  })
})

describe('meter readings from the portal', () => {
  const supply = async () => {
    const [item] = (await send('holder', 'GET', `/api/portal/accounts/${account}/supplies`)).json().items
    return { meterPoint: item.identifier as string, meterSerial: item.meters[0].serial as string, register: 'S' }
  }
  const submit = async (who: string, payload: object) =>
    send(who, 'POST', `/api/portal/accounts/${account}/readings`, payload)

  it('takes the holder’s reading with the customer as its source, and a full authorized user’s after it', async () => {
    const target = await supply()
    const first = await submit('holder', { ...target, value: '01234', readAt: '2026-11-18T08:00:00Z' })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ value: '1234.0', status: 'accepted', register: 'S' })
    const second = await submit('full', { ...target, value: '1300.5', readAt: '2026-11-19T08:00:00Z' })
    expect(second.statusCode, second.body).toBe(201)
    const recorded = await readingsOnRecord()
    expect(recorded.filter((reading) => reading.source === 'customer').map((reading) => reading.value)).toEqual(
      expect.arrayContaining(['1234.0', '1300.5']),
    )
  })

  it('refuses a reading lower than the last with the reason on the value, changing nothing', async () => {
    const target = await supply()
    const before = await readingsOnRecord()
    const refused = await submit('holder', { ...target, value: '1200', readAt: '2026-11-20T08:00:00Z' })
    expect(refused.statusCode).toBe(400)
    const error = refused.json().error
    expect(error.code).toBe('READING_REJECTED')
    expect(error.details.map((detail: { path: string }) => detail.path)).toContain('value')
    expect(await readingsOnRecord()).toEqual(before)
  })

  it('answers hostile or wrong input with a 4xx naming the field, never a 500', async () => {
    const target = await supply()
    const cases: object[] = [
      { ...target, value: 'DROP TABLE' },
      { ...target, value: '1' + '0'.repeat(19) },
      { ...target, register: 'Z9', value: '1400' },
      { ...target, meterSerial: 'NOPE', value: '1400' },
      { ...target, meterPoint: '9999999999999', value: '1400' },
      { ...target, value: '1400', readAt: '2099-01-01T00:00:00Z' },
      { ...target, value: '1400', extra: true },
      { value: '1400' },
    ]
    for (const payload of cases) {
      const response = await submit('holder', payload)
      expect(response.statusCode, `${JSON.stringify(payload)} → ${response.body}`).toBeGreaterThanOrEqual(400)
      expect(response.statusCode, `${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500)
    }
  })

  it('refuses a limited user and a third party', async () => {
    const target = await supply()
    for (const who of ['limited', 'broker']) {
      const refused = await submit(who, { ...target, value: '1400' })
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('PORTAL_ACTION_NOT_ALLOWED')
    }
  })
})

describe('writing to the supplier from the portal', () => {
  it('records the message as an inbound email agents see and can answer with a suggested reply', async () => {
    const sent = await send('holder', 'POST', `/api/portal/accounts/${account}/messages`, {
      subject: 'Moving out',
      body: 'We are moving out on 14 December. What happens to my final bill?',
    })
    expect(sent.statusCode, sent.body).toBe(201)
    const thread = sent.json().items
    expect(thread).toHaveLength(1)
    expect(thread[0]).toMatchObject({ from: 'customer', subject: 'Moving out' })

    const messages = await send('staff', 'GET', `/api/accounts/${account}/messages`)
    expect(messages.statusCode, messages.body).toBe(200)
    const inbound = messages.json().items.find((item: { id: string }) => item.id === thread[0].id)
    expect(inbound).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      sender: email('holder'),
      subject: 'Moving out',
    })

    const suggested = await send(
      'staff',
      'POST',
      `/api/accounts/${account}/inbound-messages/${thread[0].id}/suggested-reply`,
    )
    expect(suggested.statusCode, suggested.body).toBe(201)
    expect(suggested.json().suggestedReply).toMatchObject({ subject: 'Re: Moving out', status: 'draft' })
  })

  it('shows each person only their own messages, and refuses a limited user', async () => {
    const sent = await send('full', 'POST', `/api/portal/accounts/${account}/messages`, {
      subject: 'Reading',
      body: 'I sent a reading today.',
    })
    expect(sent.statusCode).toBe(201)
    expect(sent.json().items.map((item: { subject: string }) => item.subject)).toEqual(['Reading'])
    const holderThread = (await send('holder', 'GET', `/api/portal/accounts/${account}/messages`)).json().items
    expect(holderThread.map((item: { subject: string }) => item.subject)).toEqual(['Moving out'])
    const limited = await send('limited', 'GET', `/api/portal/accounts/${account}/messages`)
    expect(limited.statusCode).toBe(403)
  })

  it('refuses an empty message, naming the field, and records nothing', async () => {
    const before = (await send('holder', 'GET', `/api/portal/accounts/${account}/messages`)).json().items.length
    const refused = await send('holder', 'POST', `/api/portal/accounts/${account}/messages`, {
      subject: 'Hi',
      body: '  ',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details).toEqual([{ path: 'body', message: 'Write your message.' }])
    const after = (await send('holder', 'GET', `/api/portal/accounts/${account}/messages`)).json().items.length
    expect(after).toBe(before)
  })
})
