import { describe, expect, it } from 'vitest'
import { holdReasons, plainProblem } from './anomalies.js'

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

  it('says in plain words what rate is missing, for whom and from when, with the technical cause as the detail', () => {
    const technical =
      '1200023305967: tariff E-1R-VAR-22-11-01-C has no standard_unit rate for DIRECT_DEBIT from 2025-12-06T00:00:00.000Z to 2026-01-01T00:00:00.000Z'
    // 00:00 UTC on 6 December is 00:00 in London (GMT): the local day is the 6th.
    const [reason] = holdReasons({
      ...normal,
      problems: [{ reason: technical, from: new Date('2025-12-06T00:00:00Z') }],
    })
    expect(reason).toEqual({
      code: 'missing_rates',
      message:
        'No unit rate for Direct Debit from 6 December 2025 on tariff E-1R-VAR-22-11-01-C (meter point 1200023305967)',
      detail: technical,
    })
    // 23:00 UTC on 31 May is midnight of 1 June in London (BST): the day named is the local one.
    expect(
      plainProblem({
        reason:
          '1000000000001: tariff E-2R-ECO7-A has no night_unit rate for NON_DIRECT_DEBIT from 2026-05-31T23:00:00.000Z to 2026-06-01T23:00:00.000Z',
        from: new Date('2026-05-31T23:00:00.000Z'),
      }),
    ).toBe(
      'No night unit rate for customers who pay on receipt of a bill from 1 June 2026 on tariff E-2R-ECO7-A (meter point 1000000000001)',
    )
    expect(
      plainProblem({
        reason: '1000000000001: no agreement from 2026-06-01T11:00:00.000Z to 2026-06-01T23:00:00.000Z',
        from: new Date('2026-06-01T11:00:00.000Z'),
      }),
    ).toBe('No tariff agreement covers the supply from 1 June 2026 (meter point 1000000000001)')
    // A cause rating words differently is kept as written.
    expect(plainProblem({ reason: 'more than one reading of a half hour' })).toBe(
      'More than one reading of a half hour',
    )
  })

  it('holds the third estimated statement in a row', () => {
    const twoEstimated = normal.previous.map((statement) => ({ ...statement, estimated: true }))
    expect(holdReasons({ ...normal, estimated: true, previous: twoEstimated }).map((reason) => reason.code)).toEqual([
      'estimated_too_long',
    ])
    expect(holdReasons({ ...normal, estimated: true, previous: [twoEstimated[0]!, normal.previous[1]!] })).toEqual([])
  })
})
