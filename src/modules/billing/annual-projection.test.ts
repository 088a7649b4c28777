import { describe, expect, it } from 'vitest'
import { annualProjection, yearOnPrices } from './annual-projection.js'

describe('the year ahead on a bill', () => {
  it('scales the use billed to a year and prices it at today’s rates with VAT, worked by hand', () => {
    const projection = annualProjection({
      // 1,000 kWh over 146 days: 1000 × 365 / 146 = 2,500 kWh a year.
      history: [
        { kwh: '600.000', days: 90 },
        { kwh: '400.000', days: 56 },
      ],
      // 24.50p/kWh (£49.00 for 200 kWh) and 50.00p/day (£15.50 for 31 days), exc VAT.
      prices: { energyMinor: 4900n, kwh: '200.000', standingMinor: 1550n, standingDays: 31, vatPercent: '5' },
      typicalKwh: 2700,
    })
    // A year: 2,500 × 24.50 = 61,250p; 365 × 50.00 = 18,250p; 79,500p × 1.05 = 83,475p = £834.75.
    // The TCR at 2,700 kWh: (2,700 × 24.50 + 18,250) × 1.05 / 2,700 = (66,150 + 18,250) × 1.05 / 2,700
    //   = 88,620 / 2,700 = 32.8222…p → 32.82p/kWh.
    expect(projection).toEqual({ annualKwh: '2500', projectedAnnualCostMinor: 83_475n, tariffComparisonRate: '32.82' })
  })

  it('rounds the year’s kWh and its cost half-up, once, at the end', () => {
    // 100.5 kWh over 73 days = 502.5 kWh a year → 503 (half-up).
    const projection = annualProjection({
      history: [{ kwh: '100.500', days: 73 }],
      // 1 kWh at 0.5p (0.5 minor) is not a whole charge: 3p for 6 kWh, 1p a day.
      prices: { energyMinor: 3n, kwh: '6.000', standingMinor: 1n, standingDays: 1, vatPercent: '0' },
      typicalKwh: 1000,
    })
    // 503 × 0.5 = 251.5 plus 365 × 1 = 616.5p → 617 (half-up). TCR: (500 + 365) / 1000 = 0.865 → 0.87.
    expect(projection).toEqual({ annualKwh: '503', projectedAnnualCostMinor: 617n, tariffComparisonRate: '0.87' })
  })

  it('says nothing without use to go on or without a unit price', () => {
    const prices = { energyMinor: 4900n, kwh: '200.000', standingMinor: 1550n, standingDays: 31, vatPercent: '5' }
    expect(annualProjection({ history: [], prices, typicalKwh: 2700 })).toBeNull()
    expect(
      annualProjection({ history: [{ kwh: '10', days: 5 }], prices: { ...prices, kwh: '0' }, typicalKwh: 2700 }),
    ).toBeNull()
  })
})

describe('a year on another tariff’s published prices', () => {
  it('prices the year’s kWh and 365 days of standing charge, VAT included', () => {
    // 2,500 × 25.7250 = 64,312.5p; 365 × 52.5000 = 19,162.5p; 83,475p = £834.75 exactly.
    expect(yearOnPrices('2500', { unitIncVat: '25.7250', standingIncVat: '52.5000' })).toBe(83_475n)
    // 1 × 0.4999 + 365 × 0 = 0.4999p → 0 (half-up only from .5).
    expect(yearOnPrices('1', { unitIncVat: '0.4999', standingIncVat: '0' })).toBe(0n)
  })
})
