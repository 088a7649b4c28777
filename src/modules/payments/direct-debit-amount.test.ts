import { describe, expect, it } from 'vitest'
import { directDebitAmount } from './direct-debit-amount.js'

describe('directDebitAmount', () => {
  it('takes a fixed amount plus the debt repayment element while money is owed', () => {
    // £80.00 fixed + £20.00 element = 8,000 + 2,000 = 10,000
    expect(
      directDebitAmount({ kind: 'fixed', amountMinor: 8_000n, debtRepaymentMinor: 2_000n, balanceMinor: 20_000n }),
    ).toBe(10_000n)
    // In credit (−£5.00): the fixed £80.00 only, no element.
    expect(
      directDebitAmount({ kind: 'fixed', amountMinor: 8_000n, debtRepaymentMinor: 2_000n, balanceMinor: -500n }),
    ).toBe(8_000n)
  })

  it('takes what is owed on a variable Direct Debit without an element', () => {
    expect(
      directDebitAmount({ kind: 'variable', amountMinor: null, debtRepaymentMinor: 0n, balanceMinor: 20_000n }),
    ).toBe(20_000n)
    expect(
      directDebitAmount({ kind: 'variable', amountMinor: null, debtRepaymentMinor: 0n, balanceMinor: -100n }),
    ).toBe(0n)
  })

  it('takes only the element on a variable payment plan, and never more than is owed', () => {
    // £20.00 element on £200.00 owed: 2,000, not 20,000 + 2,000 = 22,000.
    expect(
      directDebitAmount({ kind: 'variable', amountMinor: null, debtRepaymentMinor: 2_000n, balanceMinor: 20_000n }),
    ).toBe(2_000n)
    // £20.00 element on £15.00 owed: min(2,000, 1,500) = 1,500.
    expect(
      directDebitAmount({ kind: 'variable', amountMinor: null, debtRepaymentMinor: 2_000n, balanceMinor: 1_500n }),
    ).toBe(1_500n)
    // Nothing owed: nothing taken.
    expect(
      directDebitAmount({ kind: 'variable', amountMinor: null, debtRepaymentMinor: 2_000n, balanceMinor: 0n }),
    ).toBe(0n)
  })
})
