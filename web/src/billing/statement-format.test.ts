import { describe, expect, it } from 'vitest'
import { closingByIdentity } from './statement-format.js'

describe('a statement’s balance by its ledger identity', () => {
  it('adds charges and adjustments to the opening balance and takes off payments and credits, exactly', () => {
    // £120.00 owed + £85.43 charged − £100.00 paid − £5.00 credited + £12.50 returned payment
    //   = 12,000 + 8,543 − 10,000 − 500 + 1,250 = 11,293p = £112.93 owed.
    const figures = {
      openingBalanceMinor: '12000',
      chargesMinor: '8543',
      paymentsMinor: '10000',
      creditsMinor: '500',
      adjustmentsMinor: '1250',
      closingBalanceMinor: '11293',
    }
    expect(closingByIdentity(figures)).toBe('11293')
    // In credit: −2,000 + 1,000 − 0 − 0 + 0 = −1,000p, £10.00 in credit; beyond floating point too.
    expect(
      closingByIdentity({
        ...figures,
        openingBalanceMinor: '-2000',
        chargesMinor: '1000',
        paymentsMinor: '0',
        creditsMinor: '0',
        adjustmentsMinor: '0',
      }),
    ).toBe('-1000')
    expect(
      closingByIdentity({
        ...figures,
        openingBalanceMinor: '9007199254740993',
        chargesMinor: '0',
        paymentsMinor: '0',
        creditsMinor: '0',
        adjustmentsMinor: '0',
      }),
    ).toBe('9007199254740993')
  })

  it('has nothing to check before the statement is issued, or for one issued before adjustments were kept apart', () => {
    const unissued = {
      openingBalanceMinor: null,
      chargesMinor: null,
      paymentsMinor: null,
      creditsMinor: null,
      adjustmentsMinor: null,
      closingBalanceMinor: null,
    }
    expect(closingByIdentity(unissued)).toBeNull()
    expect(
      closingByIdentity({
        ...unissued,
        openingBalanceMinor: '0',
        chargesMinor: '100',
        paymentsMinor: '0',
        creditsMinor: '0',
      }),
    ).toBeNull()
  })
})
