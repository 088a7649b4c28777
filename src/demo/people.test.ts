import { describe, expect, it } from 'vitest'
import { demoAccountNumber, generateCustomer, generateCustomers } from './people.js'

describe('the demo customer generator', () => {
  it('gives the same customer for the same seed and index, and another for another seed', () => {
    expect(generateCustomer({ seed: 1, index: 42 })).toEqual(generateCustomer({ seed: 1, index: 42 }))
    expect(generateCustomer({ seed: 2, index: 42 })).not.toEqual(generateCustomer({ seed: 1, index: 42 }))
  })

  it('always starts with Eleanor Ashworth, and nobody else is an Ashworth', () => {
    expect(generateCustomer({ seed: 7, index: 0 })).toMatchObject({
      displayName: 'Eleanor Ashworth',
      property: { postcode: 'CB1 2AB' },
    })
    const others = [...generateCustomers({ seed: 1, from: 1, count: 5000 })]
    expect(others.some((c) => c.displayName.includes('Ashworth'))).toBe(false)
  })

  it('covers all 14 GSP regions within the first 100 customers', () => {
    const regions = new Set([...generateCustomers({ seed: 1, from: 0, count: 100 })].map((c) => c.property.gspRegion))
    expect(regions.size).toBe(14)
  })

  it('writes UK postcodes and unique example email addresses', () => {
    const customers = [...generateCustomers({ seed: 1, from: 0, count: 5000 })]
    for (const c of customers) expect(c.property.postcode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/)
    const emails = customers.flatMap((c) => c.emails.map((e) => e.address))
    expect(new Set(emails).size).toBe(emails.length)
    for (const e of emails) expect(e).toMatch(/@[a-z.]*example\.(com|co\.uk|org|net)$/)
  })

  it('gives a unique account number to each of 1,000,000 customers', () => {
    const seen = new Set<string>()
    for (let index = 0; index < 1_000_000; index++) seen.add(demoAccountNumber({ seed: 1, index }))
    expect(seen.size).toBe(1_000_000)
    expect(demoAccountNumber({ seed: 1, index: 5 })).toMatch(/^A-[0-9A-F]{8}$/)
  })
})
