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
