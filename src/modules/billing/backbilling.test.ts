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
    adequacyReviewOverdue: false,
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
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/stays in credit/), breaches: [] })
  })

  it('writes nothing off at exactly zero after the bill', () => {
    const result = backbillingWriteoff({ ...base, balanceBeforeMinor: -17_000n, oldChargesMinor: 12_000n })
    expect(result.writeoffMinor).toBe(0n)
  })

  it('writes nothing off when the customer prevented the reading', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: 12_000n, readingPrevented: true })
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/prevented/), breaches: [] })
  })

  it('writes nothing off on a rebill with the same or lower charges for the old energy', () => {
    expect(
      backbillingWriteoff({ ...base, oldChargesMinor: 12_000n, previouslyBilledOldMinor: 12_000n }).writeoffMinor,
    ).toBe(0n)
    const lower = backbillingWriteoff({ ...base, oldChargesMinor: 9000n, previouslyBilledOldMinor: 12_000n })
    expect(lower).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/same or lower/), breaches: [] })
  })

  it('writes off only the increase on a rebill with higher charges', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: 15_000n, previouslyBilledOldMinor: 12_000n })
    expect(result.writeoffMinor).toBe(3000n)
  })

  it('writes nothing off when the old energy was overestimated (a credit)', () => {
    const result = backbillingWriteoff({ ...base, oldChargesMinor: -4000n })
    expect(result).toEqual({ writeoffMinor: 0n, reason: expect.stringMatching(/overestimated/), breaches: [] })
  })

  it('has nothing to do without old energy', () => {
    expect(backbillingWriteoff({ ...base, oldChargesMinor: 0n }).writeoffMinor).toBe(0n)
  })

  describe("states the supplier's failings behind a write-off (seed 002)", () => {
    it('names a missed payment adequacy review beside the year without a bill', () => {
      // £120.00 of energy older than 12 months, first billed now; £50.00 of recent charges; the account
      // at £0.00 before: 0 + 5,000 + 12,000 = 17,000 owed after, more than the 12,000 increase, so all
      // 12,000 is written off. The Direct Debit was last reviewed for adequacy over a year ago.
      const result = backbillingWriteoff({ ...base, oldChargesMinor: 12_000n, adequacyReviewOverdue: true })
      expect(result.writeoffMinor).toBe(12_000n)
      expect(result.breaches).toEqual(['not_billed_for_over_a_year', 'adequacy_review_overdue'])
      expect(result.reason).toBe(
        "energy used more than 12 months ago is written off: charging it would put the account into debit (the supplier's failings: not billed for over a year; no payment adequacy review in over a year)",
      )
    })

    it('names it beside a higher rebill, on the part written off past the credit', () => {
      // Old energy rebilled from £120.00 to £150.00: an increase of 3,000. The account was £20.00 in
      // credit and the rest of the rebill adds £5.00: −2,000 + 500 + 3,000 = 1,500 owed after, so
      // 1,500 of the 3,000 is written off and 1,500 charged out of the credit.
      const result = backbillingWriteoff({
        ...base,
        oldChargesMinor: 15_000n,
        previouslyBilledOldMinor: 12_000n,
        otherChargesMinor: 500n,
        balanceBeforeMinor: -2_000n,
        adequacyReviewOverdue: true,
      })
      expect(result.writeoffMinor).toBe(1_500n)
      expect(result.breaches).toEqual(['rebilled_higher_for_over_a_year', 'adequacy_review_overdue'])
      expect(result.reason).toMatch(/up to the credit balance.*no payment adequacy review in over a year/)
    })

    it('leaves the exceptions standing: a customer in credit, or one who prevented the reading, keeps the old charges', () => {
      // £200.00 in credit: −20,000 + 5,000 + 12,000 = −3,000, still in credit; nothing written off.
      const inCredit = backbillingWriteoff({
        ...base,
        oldChargesMinor: 12_000n,
        balanceBeforeMinor: -20_000n,
        adequacyReviewOverdue: true,
      })
      expect(inCredit).toMatchObject({ writeoffMinor: 0n, breaches: [] })
      const prevented = backbillingWriteoff({
        ...base,
        oldChargesMinor: 12_000n,
        readingPrevented: true,
        adequacyReviewOverdue: true,
      })
      expect(prevented).toMatchObject({ writeoffMinor: 0n, breaches: [] })
    })

    it('does not name the review when the Direct Debit was reviewed within the year', () => {
      expect(backbillingWriteoff({ ...base, oldChargesMinor: 12_000n }).breaches).toEqual([
        'not_billed_for_over_a_year',
      ])
    })
  })
})
