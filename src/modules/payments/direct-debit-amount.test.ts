import { describe, expect, it } from 'vitest'
import { directDebitAmount } from './direct-debit-amount.js'

type Plan = Omit<Parameters<typeof directDebitAmount>[0], 'balanceMinor'>

/** What the Direct Debit on `plan` takes at each of these balances, in order. */
const takenAt = (plan: Plan, balancesMinor: readonly bigint[]) =>
  balancesMinor.map((balanceMinor) => directDebitAmount({ ...plan, balanceMinor }))

describe('directDebitAmount', () => {
  it('takes a fixed amount plus the debt repayment element while money is owed', () => {
    const fixed: Plan = { kind: 'fixed', amountMinor: 8_000n, debtRepaymentMinor: 2_000n }
    // Owing £200.00: £80.00 fixed + £20.00 element = 8,000 + 2,000 = 10,000.
    // In credit (−£5.00): the fixed £80.00 only, no element.
    expect(takenAt(fixed, [20_000n, -500n])).toEqual([10_000n, 8_000n])
  })

  it('takes what is owed on a variable Direct Debit without an element', () => {
    const variable: Plan = { kind: 'variable', amountMinor: null, debtRepaymentMinor: 0n }
    expect(takenAt(variable, [20_000n, -100n])).toEqual([20_000n, 0n])
  })

  it('takes only the element on a variable payment plan, and never more than is owed', () => {
    const plan: Plan = { kind: 'variable', amountMinor: null, debtRepaymentMinor: 2_000n }
    // £20.00 element on £200.00 owed: 2,000, not 20,000 + 2,000 = 22,000.
    // £20.00 element on £15.00 owed: min(2,000, 1,500) = 1,500.
    // Nothing owed: nothing taken.
    expect(takenAt(plan, [20_000n, 1_500n, 0n])).toEqual([2_000n, 1_500n, 0n])
  })
})
