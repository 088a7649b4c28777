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

describe('usage summaries', () => {
  it('adds energy and standing charge per meter point', () => {
    const summaries = usageSummaries([
      line({ quantity: '60.500', amountMinor: 1513n }),
      line({ quantity: '39.500', amountMinor: 987n, rateKind: 'off_peak_unit' }),
      line({ kind: 'standing_charge', quantity: '31', unit: 'day', amountMinor: 1550n }),
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
  const previous = usageSummaries([
    line({ quantity: '100.000', amountMinor: 2500n }),
    line({ kind: 'standing_charge', quantity: '30', unit: 'day', amountMinor: 1500n }),
  ])

  it('puts a change in use at the old price down to usage', () => {
    const current = usageSummaries([
      line({ quantity: '120.000', amountMinor: 3000n }),
      line({ kind: 'standing_charge', quantity: '30', unit: 'day', amountMinor: 1500n }),
    ])
    const result = compare({
      current,
      currentNetMinor: 4500n,
      previous,
      previousNetMinor: 4000n,
      previousNumber: 'S-00000001',
      previousDays: 30,
    })
    expect(result).toMatchObject({
      changeMinor: '500',
      usageEffectMinor: '500',
      priceEffectMinor: '0',
      otherEffectMinor: '0',
    })
    expect(result.summary).toMatch(/£5.00 more .* £5.00 more from the energy used/)
  })

  it('puts a change in price on the same use down to prices', () => {
    const current = usageSummaries([
      line({ quantity: '100.000', amountMinor: 2800n, ratePence: '28.0000' }),
      line({ kind: 'standing_charge', quantity: '30', unit: 'day', amountMinor: 1650n }),
    ])
    const result = compare({
      current,
      currentNetMinor: 4450n,
      previous,
      previousNetMinor: 4000n,
      previousNumber: 'S-1',
      previousDays: 30,
    })
    expect(result).toMatchObject({
      changeMinor: '450',
      usageEffectMinor: '0',
      priceEffectMinor: '450',
      otherEffectMinor: '0',
    })
  })

  it('always splits the change exactly, whatever the mix', () => {
    const current = usageSummaries([
      line({ quantity: '87.333', amountMinor: 2301n }),
      line({ kind: 'standing_charge', quantity: '31', unit: 'day', amountMinor: 1612n }),
    ])
    const result = compare({
      current,
      currentNetMinor: 3913n,
      previous,
      previousNetMinor: 4000n,
      previousNumber: 'S-1',
      previousDays: 30,
    })
    const parts = BigInt(result.usageEffectMinor) + BigInt(result.priceEffectMinor) + BigInt(result.otherEffectMinor)
    expect(parts).toBe(BigInt(result.changeMinor))
    expect(result.changeMinor).toBe('-87')
  })
})
