import { describe, expect, it } from 'vitest'
import { ageEntries, nextDueOn, oldestPastDueOn } from './ageing.js'

describe('ageing after a payment is reversed', () => {
  const charge = { amountMinor: 10_000n, effectiveOn: '2026-01-01', dueOn: '2026-01-15' }
  const payment = { amountMinor: -10_000n, effectiveOn: '2026-01-10', dueOn: null }
  const returned = { amountMinor: 10_000n, effectiveOn: '2026-03-01', dueOn: null, reversal: true }

  it('makes the charge the payment had paid past due again, as old as it was', () => {
    const ageing = ageEntries([charge, payment, returned], '2026-03-20')
    expect(ageing).toMatchObject({
      balanceMinor: 10_000n,
      pastDueMinor: 10_000n,
      buckets: { over90: 0n, days61to90: 10_000n },
    })
    expect(oldestPastDueOn([charge, payment, returned], '2026-03-20')).toBe('2026-01-15')
  })

  it('without the reversal, nothing is owed', () => {
    expect(ageEntries([charge, payment], '2026-03-20')).toMatchObject({ balanceMinor: 0n, pastDueMinor: 0n })
    expect(oldestPastDueOn([charge, payment], '2026-03-20')).toBeNull()
  })

  it('tells the next due date of what is unpaid and not yet due', () => {
    const later = { amountMinor: 5_000n, effectiveOn: '2026-03-01', dueOn: '2026-03-25' }
    expect(nextDueOn([charge, payment, later], '2026-03-20')).toBe('2026-03-25')
    expect(nextDueOn([charge, payment], '2026-03-20')).toBeNull()
  })
})
