import { describe, expect, it } from 'vitest'
import { compare, usageSummaries } from './explain.js'
import type { StatementLine } from './types.js'

function line(partial: Partial<StatementLine>): StatementLine {
  return {
    position: 1,
    meterPointId: 'mp1',
    identifier: '1010000000000',
    agreementId: 'agr1',
    tariffCode: 'E-1R-VAR-22-11-01-A',
    kind: 'energy',
    rateKind: 'standard_unit',
    from: new Date('2026-10-01T00:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
    quantity: '100.000',
    unit: 'kWh',
    ratePence: '25.0000',
    vatPercent: '5',
    amountMinor: 2500n,
    source: {},
    description: '',
    ...partial,
  }
}

/** A standing charge line of `days` days. */
function standing(days: string, amountMinor: bigint): StatementLine {
  return line({ kind: 'standing_charge', quantity: days, unit: 'day', amountMinor })
}

describe('usage summaries', () => {
  it('adds energy and standing charge per meter point', () => {
    const summaries = usageSummaries([
      line({ quantity: '60.500', amountMinor: 1513n }),
      line({ quantity: '39.500', amountMinor: 987n, rateKind: 'off_peak_unit' }),
      standing('31', 1550n),
    ])
    expect(summaries).toEqual([
      {
        meterPointId: 'mp1',
        identifier: '1010000000000',
        direction: 'import',
        kwh: '100.000',
        energyMinor: '2500',
        standingMinor: '1550',
        standingDays: 31,
      },
    ])
  })
})

describe('the comparison with the previous statement', () => {
  const previous = usageSummaries([line({ quantity: '100.000', amountMinor: 2500n }), standing('30', 1500n)])

  /** Compare a statement of `lines` with the previous one: 100 kWh and 30 days, £40.00 net. */
  const compareWithPrevious = (lines: StatementLine[], currentNetMinor: bigint, previousNumber = 'S-1') =>
    compare({
      current: usageSummaries(lines),
      currentNetMinor,
      previous,
      previousNetMinor: 4000n,
      previousNumber,
      previousDays: 30,
    })

  it('puts a change in use at the old price down to usage', () => {
    const result = compareWithPrevious(
      [line({ quantity: '120.000', amountMinor: 3000n }), standing('30', 1500n)],
      4500n,
      'S-00000001',
    )
    expect(result).toMatchObject({
      changeMinor: '500',
      usageEffectMinor: '500',
      priceEffectMinor: '0',
      otherEffectMinor: '0',
    })
    expect(result.summary).toMatch(/£5.00 more .* £5.00 more from the energy used/)
  })

  it('puts a change in price on the same use down to prices', () => {
    const result = compareWithPrevious(
      [line({ quantity: '100.000', amountMinor: 2800n, ratePence: '28.0000' }), standing('30', 1650n)],
      4450n,
    )
    expect(result).toMatchObject({
      changeMinor: '450',
      usageEffectMinor: '0',
      priceEffectMinor: '450',
      otherEffectMinor: '0',
    })
  })

  it('always splits the change exactly, whatever the mix', () => {
    const result = compareWithPrevious([line({ quantity: '87.333', amountMinor: 2301n }), standing('31', 1612n)], 3913n)
    const parts = BigInt(result.usageEffectMinor) + BigInt(result.priceEffectMinor) + BigInt(result.otherEffectMinor)
    expect(parts).toBe(BigInt(result.changeMinor))
    expect(result.changeMinor).toBe('-87')
  })
})
