import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { billingFixture } from '../demo/billing-fixture.js'
import { sharedTestApp } from './testing.js'

const now = new Date('2026-11-20T09:00:00Z')
const opened = sharedTestApp({ at: () => now, fixture: (db) => billingFixture({ db, count: 1, at: now }) })
const account = 'A-10000000'

describe('the account at a glance, in the overview', () => {
  it('answers what the customer owes and what they are on in the one request', async () => {
    const billed = await opened.send('billing_specialist', 'POST', `/api/accounts/${account}/statements`, {
      on: '2026-11-01',
    })
    expect(billed.statusCode).toBe(201)
    const statement = billed.json().statement
    const paid = await opened.app.inject({
      method: 'POST',
      url: `/api/accounts/${account}/payments`,
      headers: { ...opened.as('agent'), 'idempotency-key': 'glance-pay-1' },
      payload: {
        method: 'card',
        amountMinor: '1000',
        card: { number: '4242424242424242', expiryMonth: 11, expiryYear: 2029, cvc: '8642' },
      },
    })
    expect(paid.statusCode).toBe(201)
    const opening = await opened.send('agent', 'POST', `/api/accounts/${account}/cases`, {
      type: 'service_request',
      subject: 'Wants a smart meter',
    })
    expect(opening.statusCode).toBe(201)
    const psr = await opened.send('agent', 'POST', `/api/accounts/${account}/vulnerabilities`, {
      register: 'psr',
      category: 'medical_equipment',
      consentGiven: true,
      consentOn: '2026-11-20',
      reviewOn: '2027-11-20',
    })
    expect(psr.statusCode, psr.body).toBe(201)

    const response = await opened.send('supervisor', 'GET', `/api/accounts/${account}`)
    expect(response.statusCode).toBe(200)
    const view = response.json()
    // Owed: the statement's total less the £10 paid by card.
    expect(BigInt(view.money.balanceMinor)).toBe(BigInt(statement.totalMinor) - 1000n)
    expect(view.money.lastPayment).toMatchObject({
      confirmationNumber: paid.json().payment.confirmationNumber,
      amountMinor: '1000',
      method: 'Visa •••• 4242',
    })
    expect(view.money.directDebit).toBeNull()
    expect(view.lastStatement).toMatchObject({ number: statement.number, totalMinor: statement.totalMinor })
    expect(view.openCases).toMatchObject({
      count: 1,
      more: false,
      newest: [{ type: 'service_request', subject: 'Wants a smart meter' }],
    })
    expect(view.vulnerabilities).toEqual([{ register: 'psr', category: 'medical_equipment', reviewOn: '2027-11-20' }])
    expect(['green', 'yellow', 'red']).toContain(view.standing.colour)
    // Each supply with the tariff it is on today, its product's name and prices for the way it pays.
    expect(view.supplies.length).toBeGreaterThan(0)
    for (const supply of view.supplies) {
      expect(supply.identifier).toMatch(/^\d+$/)
      expect(supply.tariff).toMatchObject({ paymentMethod: 'NON_DIRECT_DEBIT' })
      expect(supply.tariff.productName).toMatch(/\S/)
      expect(supply.tariff.standingCharge).toMatch(/^\d+(\.\d+)?$/)
      expect(supply.tariff.unitRates.length).toBeGreaterThan(0)
    }
  })

  it('gives a field technician none of it: no balance, bills, tariff, cases or registers', async () => {
    const view = (await opened.send('field_technician', 'GET', `/api/accounts/${account}`)).json()
    for (const part of ['standing', 'money', 'lastStatement', 'supplies', 'vulnerabilities', 'openCases']) {
      expect(view, part).not.toHaveProperty(part)
    }
  })
})

describe('searching by a meter identifier', () => {
  const supplyOf = async () => {
    const { rows } = await sql<{ identifier: string; serial: string; fuel: string }>`
      select mp.identifier, m.serial, mp.fuel from meter_points mp
      join meters m on m.meter_point_id = mp.id
      join supply_periods sp on sp.meter_point_id = mp.id
      join accounts a on a.id = sp.account_id
      where a.number = ${account} order by mp.fuel`.execute(opened.database.db)
    return rows
  }
  const search = async (q: string, role: 'agent' | 'field_technician' = 'agent') => {
    const response = await opened.send(role, 'GET', `/api/accounts?q=${encodeURIComponent(q)}`)
    expect(response.statusCode, response.body).toBe(200)
    return response.json().items as { accountNumber: string; colour?: string; balanceMinor?: string }[]
  }

  it('finds the account by its MPAN (bare, spaced, or the full 21 digits), its MPRN and a meter serial in any case', async () => {
    const supplies = await supplyOf()
    const electricity = supplies.find((supply) => supply.fuel === 'electricity')
    expect(electricity).toBeDefined()
    const mpan = electricity?.identifier ?? ''
    for (const q of [mpan, `${mpan.slice(0, 2)} ${mpan.slice(2, 6)} ${mpan.slice(6)}`, `01801100${mpan}`]) {
      expect(
        (await search(q)).map((item) => item.accountNumber),
        q,
      ).toEqual([account])
    }
    const serial = electricity?.serial ?? ''
    expect((await search(serial.toLowerCase())).map((item) => item.accountNumber)).toEqual([account])
    const gas = supplies.find((supply) => supply.fuel === 'gas')
    if (gas) expect((await search(gas.identifier)).map((item) => item.accountNumber)).toEqual([account])
    // Recorded as a search, saying how it was found.
    const { rows } = await sql<{ context: { kind: string; shown: string[] } }>`select context from audit_events
      where action = 'accounts.search.performed' order by seq desc limit 1`.execute(opened.database.db)
    expect(rows[0]?.context.shown).toEqual([account])
  })

  it('shows each result’s status colour and balance to an agent, and neither to a role that may not read them', async () => {
    const [found] = await search(account)
    expect(found?.colour).toMatch(/^(green|yellow|red|gray)$/)
    expect(found?.balanceMinor).toMatch(/^-?\d+$/)
    const technician = await opened.send('field_technician', 'GET', `/api/accounts?q=${account}`)
    if (technician.statusCode === 200) {
      for (const item of technician.json().items) {
        expect(item).not.toHaveProperty('colour')
        expect(item).not.toHaveProperty('balanceMinor')
      }
    } else expect(technician.statusCode).toBe(403)
  })

  it('falls back to the accounts’ own search when no meter has the number (a phone number, an account number)', async () => {
    expect(await search('07700 900123')).toEqual([])
    expect((await search(account.slice(2))).map((item) => item.accountNumber)).toEqual([account])
  })
})

describe('changing where the post goes', () => {
  const url = `/api/accounts/${account}/billing-address`
  it('lets an agent set a mailing address and clear it again, refusing a bad postcode by its field', async () => {
    const set = await opened.send('agent', 'PUT', url, {
      billingAddress: { line1: 'Flat 2', line2: '9 Harbour Street', town: 'Whitby', postcode: 'yo21 3pu' },
    })
    expect(set.statusCode, set.body).toBe(204)
    const view = (await opened.send('agent', 'GET', `/api/accounts/${account}`)).json()
    expect(view.billingAddress).toEqual({
      addressLines: ['Flat 2', '9 Harbour Street'],
      town: 'Whitby',
      postcode: 'YO21 3PU',
    })
    const bad = await opened.send('agent', 'PUT', url, {
      billingAddress: { line1: ' ', town: 'Whitby', postcode: 'Q1' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'billingAddress.line1',
      'billingAddress.postcode',
    ])
    expect((await opened.send('agent', 'PUT', url, { billingAddress: null })).statusCode).toBe(204)
    expect((await opened.send('agent', 'GET', `/api/accounts/${account}`)).json().billingAddress).toBeNull()
  })

  it('refuses a role that may not change contact details', async () => {
    const refused = await opened.send('field_technician', 'PUT', url, { billingAddress: null })
    expect(refused.statusCode).toBe(403)
  })
})
