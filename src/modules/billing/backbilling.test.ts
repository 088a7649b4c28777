import { describe, expect, it } from 'vitest'
import { backbillingCutoff, backbillingWriteoff } from './backbilling.js'

describe('the backbilling cutoff', () => {
  it('is the same day twelve months before the bill', () => {
    expect(backbillingCutoff('2026-11-24', 12)).toBe('2025-11-24')
    expect(backbillingCutoff('2026-01-15', 12)).toBe('2025-01-15')
    expect(backbillingCutoff('2026-03-01', 14)).toBe('2025-01-01')
  })

  it('falls on the last day of a shorter month', () => {
    expect(backbillingCutoff('2024-02-29', 12)).toBe('2023-02-28')
    expect(backbillingCutoff('2026-03-31', 1)).toBe('2026-02-28')
  })

  it('refuses something that is not a date', () => {
    expect(() => backbillingCutoff('24/11/2026', 12)).toThrow(RangeError)
  })
})

describe('the backbilling write-off', () => {
  const base = {
    previouslyBilledOldMinor: 0n,
    otherChargesMinor: 5000n,
    balanceBeforeMinor: 0n,
    readingPrevented: false,
  }

  it('writes off all old charges when the account would go into debit', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: 12_000n })
    expect(result.writeoffMinor).toBe(12_000n)
    expect(result.reason).toMatch(/written off/)
  })

  it('charges old energy as far as the credit balance reaches, and writes off only the rest', () => {
    // £80 in credit, £50 of recent charges: £30 of credit is left for £120 of old energy.
    const result = backbillingWriteoff({ ...base, balanceBeforeMinor: -8000n, oldChargesMinor: 12_000n })
    expect(result.writeoffMinor).toBe(9000n)
    expect(result.reason).toMatch(/up to the credit balance/)
  })

  it('writes nothing off when the customer stays in credit', () => {
    const result = backbillingWriteoff({ ...base, balanceBeforeMinor: -20_000n, oldChargesMinor: 12_000n })
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/stays in credit/) })
  })

  it('writes nothing off at exactly zero after the bill', () => {
    const result = backbillingWriteoff({ ...base, balanceBeforeMinor: -17_000n, oldChargesMinor: 12_000n })
    expect(result.writeoffMinor).toBe(0n)
  })

  it('writes nothing off when the customer prevented the reading', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: 12_000n, readingPrevented: true })
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/prevented/) })
  })

  it('writes nothing off on a rebill with the same or lower charges for the old energy', () => {
    expect(
      backbillingWriteoff({ ...base, oldChargesMinor: 12_000n, previouslyBilledOldMinor: 12_000n }).writeoffMinor,
    ).toBe(0n)
    const lower = backbillingWriteoff({ ...base, oldChargesMinor: 9000n, previouslyBilledOldMinor: 12_000n })
    expect(lower).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/same or lower/) })
  })

  it('writes off only the increase on a rebill with higher charges', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: 15_000n, previouslyBilledOldMinor: 12_000n })
    expect(result.writeoffMinor).toBe(3000n)
  })

  it('writes nothing off when the old energy was overestimated (a credit)', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: -4000n })
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/overestimated/) })
  })

  it('has nothing to do without old energy', () => {
    expect(backbillingWriteoff({ ...base, oldChargesMinor: 0n }).writeoffMinor).toBe(0n)
  })
})
