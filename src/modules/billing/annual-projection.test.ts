import { describe, expect, it } from 'vitest'
import { annualProjection, economy7SplitPercent, tariffComparisonRate, yearOnPrices } from './annual-projection.js'

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
    })
    // A year: 2,500 × 24.50 = 61,250p; 365 × 50.00 = 18,250p; 79,500p × 1.05 = 83,475p = £834.75.
    expect(projection).toEqual({ annualKwh: '2500', projectedAnnualCostMinor: 83_475n })
  })

  it('rounds the year’s kWh and its cost half-up, once, at the end', () => {
    // 100.5 kWh over 73 days = 502.5 kWh a year → 503 (half-up).
    const projection = annualProjection({
      history: [{ kwh: '100.500', days: 73 }],
      // 1 kWh at 0.5p (0.5 minor) is not a whole charge: 3p for 6 kWh, 1p a day.
      prices: { energyMinor: 3n, kwh: '6.000', standingMinor: 1n, standingDays: 1, vatPercent: '0' },
    })
    // 503 × 0.5 = 251.5 plus 365 × 1 = 616.5p → 617 (half-up).
    expect(projection).toEqual({ annualKwh: '503', projectedAnnualCostMinor: 617n })
  })

  it('says nothing without use to go on or without a unit price', () => {
    const prices = { energyMinor: 4900n, kwh: '200.000', standingMinor: 1550n, standingDays: 31, vatPercent: '5' }
    expect(annualProjection({ history: [], prices })).toBeNull()
    expect(annualProjection({ history: [{ kwh: '10', days: 5 }], prices: { ...prices, kwh: '0' } })).toBeNull()
  })
})

describe('the Tariff Comparison Rate', () => {
  it('is a single-rate tariff’s year at a typical consumption per kWh, VAT included, worked by hand', () => {
    // 2,500 × 25.725 = 64,312.5p; 365 × 52.50 = 19,162.5p; 83,475p ÷ 2,500 = 33.39p/kWh.
    expect(
      tariffComparisonRate({
        units: [{ unitIncVat: '25.7250', weight: 1n }],
        standingIncVat: '52.5000',
        typicalKwh: 2500,
      }),
    ).toBe('33.39')
    // 1,000 × 0.5 + 365 × 1 = 865p ÷ 1,000 = 0.865 → 0.87 (half-up, once, at the end).
    expect(
      tariffComparisonRate({ units: [{ unitIncVat: '0.5', weight: 1n }], standingIncVat: '1', typicalKwh: 1000 }),
    ).toBe('0.87')
  })

  it('splits an Economy 7 year 58% day and 42% night (Ofgem’s typical split), whatever the customer used', () => {
    const rate = tariffComparisonRate({
      units: [
        { unitIncVat: '26.2500', weight: economy7SplitPercent.day },
        { unitIncVat: '13.4400', weight: economy7SplitPercent.night },
      ],
      standingIncVat: '49.3500',
      typicalKwh: 3400,
    })
    // Mean unit: 0.58 × 26.25 + 0.42 × 13.44 = 15.225 + 5.6448 = 20.8698p.
    // A year: 3,400 × 20.8698 = 70,957.32p; 365 × 49.35 = 18,012.75p; 88,970.07p ÷ 3,400 = 26.1677…p → 26.17.
    expect(rate).toBe('26.17')
  })

  it('weights each price by how long it is in force for a flat profile (a time-of-use day)', () => {
    // Go: off-peak 8.505p for 5 hours, peak 26.25p for 19 hours, weights in half hours (10 and 38).
    const rate = tariffComparisonRate({
      units: [
        { unitIncVat: '8.5050', weight: 10n },
        { unitIncVat: '26.2500', weight: 38n },
      ],
      standingIncVat: '49.3500',
      typicalKwh: 2500,
    })
    // Mean unit: (10 × 8.505 + 38 × 26.25) ÷ 48 = (85.05 + 997.5) ÷ 48 = 1,082.55 ÷ 48 = 22.553125p.
    // A year: 2,500 × 22.553125 = 56,382.8125p; + 18,012.75p = 74,395.5625p ÷ 2,500 = 29.758225 → 29.76.
    expect(rate).toBe('29.76')
  })

  it('says nothing without a unit price', () => {
    expect(tariffComparisonRate({ units: [], standingIncVat: '49.35', typicalKwh: 2500 })).toBeNull()
    expect(
      tariffComparisonRate({ units: [{ unitIncVat: '20', weight: 0n }], standingIncVat: '49.35', typicalKwh: 2500 }),
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
