import { describe, expect, it } from 'vitest'
import { unpaidOfStatements } from './portal-account.js'

// newest first, as the portal lists them
const statements = [
  { number: 'S-00000003', totalMinor: 4000n },
  { number: 'S-00000002', totalMinor: 5000n },
  { number: 'S-00000001', totalMinor: 6000n },
]

describe('what is left to pay of each statement', () => {
  it('lays the balance owed on the newest statements first, as payments pay the oldest first', () => {
    const unpaid = unpaidOfStatements(statements, 6500n)
    expect([...unpaid.values()]).toEqual([4000n, 2500n, 0n])
  })

  it('leaves every statement paid when the account is square or in credit', () => {
    for (const balance of [0n, -1200n]) {
      expect([...unpaidOfStatements(statements, balance).values()]).toEqual([0n, 0n, 0n])
    }
  })

  it('never owes more on a statement than its total, nor anything on a credit note', () => {
    const unpaid = unpaidOfStatements([{ number: 'S-00000004', totalMinor: -500n }, ...statements], 99_000n)
    expect([...unpaid.values()]).toEqual([0n, 4000n, 5000n, 6000n])
  })
})
