import { describe, expect, it } from 'vitest'
import { holdReasons } from './anomalies.js'

const normal = {
  problems: [],
  negativeRegisters: [],
  unreadRegisters: [],
  totalMinor: 6000n,
  days: 30,
  previous: [
    { totalMinor: 5800n, days: 31, estimated: false },
    { totalMinor: 6200n, days: 30, estimated: false },
  ],
  estimated: false,
}

describe('why a statement is held', () => {
  it('holds nothing usual', () => {
    expect(holdReasons(normal)).toEqual([])
  })

  it('holds a charge far above the account’s usual', () => {
    expect(holdReasons({ ...normal, totalMinor: 25_000n }).map((reason) => reason.code)).toEqual([
      'charge_far_above_usual',
    ])
  })

  it('does not hold a small account for a few pounds over three times its usual', () => {
    const small = {
      ...normal,
      previous: [
        { totalMinor: 500n, days: 30, estimated: false },
        { totalMinor: 500n, days: 30, estimated: false },
      ],
    }
    expect(holdReasons({ ...small, totalMinor: 2000n })).toEqual([])
  })

  it('needs two earlier statements to know what is usual', () => {
    expect(holdReasons({ ...normal, totalMinor: 90_000n, previous: normal.previous.slice(0, 1) })).toEqual([])
  })

  it('holds missing rates, half hours without an agreement, negative consumption and unread registers', () => {
    const reasons = holdReasons({
      ...normal,
      problems: [{ reason: 'no standing_charge rate for E-1R-VAR-A' }, { reason: 'no agreement at 2026-01-01T00:00Z' }],
      negativeRegisters: ['1010000000000/21E0000000/S'],
      unreadRegisters: ['3000000000/21G0000000/S'],
    })
    expect(reasons.map((reason) => reason.code)).toEqual([
      'missing_rates',
      'no_agreement',
      'negative_consumption',
      'no_reading',
    ])
    expect(reasons[2]?.message).toContain('1010000000000/21E0000000/S')
  })

  it('holds the third estimated statement in a row', () => {
    const twoEstimated = normal.previous.map((statement) => ({ ...statement, estimated: true }))
    expect(holdReasons({ ...normal, estimated: true, previous: twoEstimated }).map((reason) => reason.code)).toEqual([
      'estimated_too_long',
    ])
    expect(holdReasons({ ...normal, estimated: true, previous: [twoEstimated[0]!, normal.previous[1]!] })).toEqual([])
  })
})
