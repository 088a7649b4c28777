import { describe, expect, it } from 'vitest'
import {
  domesticShapeTotal,
  domesticShapeWeight,
  historyAdvanceTenths,
  profileHalfHourThousandths,
  typicalAdvanceTenths,
} from './estimated-use.js'

const dayMs = 86_400_000

describe('the typical home’s half hours', () => {
  it('weighs the 48 half hours to their stated total', () => {
    const weights = Array.from({ length: 48 }, (_, slot) => domesticShapeWeight(slot))
    // 12×9 + 6×22 + 14×18 + 8×36 + 8×20 = 108 + 132 + 252 + 288 + 160 = 940
    expect(weights.reduce((sum, weight) => sum + weight, 0n)).toBe(domesticShapeTotal)
    expect([weights[0], weights[12], weights[18], weights[32], weights[40]]).toEqual([9n, 22n, 18n, 36n, 20n])
  })

  it('gives each half hour its exact share of a year’s use, rounded half-up to the thousandth', () => {
    // 2,500 kWh × 9 / (365 × 940) = 22,500 / 343,100 = 0.06557… → 0.066 kWh at 00:00
    expect(profileHalfHourThousandths({ annualKwh: 2500, slot: 0 })).toBe(66n)
    // 2,500 × 36 / 343,100 = 90,000 / 343,100 = 0.26231… → 0.262 kWh at 17:00 (slot 34)
    expect(profileHalfHourThousandths({ annualKwh: 2500, slot: 34 })).toBe(262n)
    // gas: 9,500 × 18 / 343,100 = 171,000 / 343,100 = 0.49839… → 0.498 kWh at 10:00 (slot 20)
    expect(profileHalfHourThousandths({ annualKwh: 9500, slot: 20 })).toBe(498n)
  })
})

describe('a register’s advance', () => {
  it('follows its own pace exactly, rounding a half tenth up where floating point rounded it down', () => {
    // 200.2 units (2,002 tenths) over 28 days, estimated 11 days on:
    // 2,002 × 11 / 28 = 22,022 / 28 = 786.5 tenths → half-up 787 (78.7 units).
    // In floating point (200.2 / 28) × 11 × 10 = 786.4999999999999, which Math.round made 786.
    expect(historyAdvanceTenths({ advanceTenths: 2002n, spanMs: 28 * dayMs, days: 11 })).toBe(787n)
    // 250.5 units over 31 days, 30 days on: 2,505 × 30 / 31 = 75,150 / 31 = 2,424.19… → 2,424 tenths
    expect(historyAdvanceTenths({ advanceTenths: 2505n, spanMs: 31 * dayMs, days: 30 })).toBe(2424n)
  })

  it('keeps the hour a clock change takes out of the history’s span', () => {
    // 100.0 units between 09:00 on 28 March and 09:00 on 4 April 2026 across the spring change:
    // 7 days less an hour = 167 hours. 1,000 tenths × 7 days × 24 h / 167 h = 168,000 / 167 = 1,005.98… → 1,006
    expect(historyAdvanceTenths({ advanceTenths: 1000n, spanMs: 167 * 3_600_000, days: 7 })).toBe(1006n)
  })

  it('follows the typical home where the register has no history', () => {
    // 2,500 kWh × 30 days × 10 / 365 = 750,000 / 365 = 2,054.79… → 2,055 tenths (205.5 kWh)
    expect(typicalAdvanceTenths({ annualKwh: 2500, days: 30 })).toBe(2055n)
    // 9,500 × 73 × 10 / 365 = 6,935,000 / 365 = 19,000 exactly
    expect(typicalAdvanceTenths({ annualKwh: 9500, days: 73 })).toBe(19000n)
  })
})

describe('a gas register reading volume with no history', () => {
  it('advances by the typical home’s kWh turned back into cubic metres', () => {
    // 9,500 kWh × 73 days ÷ 365 = 1,900 kWh exactly.
    // 1 m³ is 1.02264 × 39.5 MJ = 40.39428 MJ; 1,900 kWh is 1,900 × 3.6 = 6,840 MJ.
    // 6,840 ÷ 40.39428 = 169.3309… m³ → 1,693 tenths (169.3 m³), not 19,000 tenths (1,900.0)
    expect(typicalAdvanceTenths({ annualKwh: 9500, days: 73, unit: 'm3', calorificValueMjPerM3: '39.5' })).toBe(1693n)
  })

  it('advances by that volume in hundreds of cubic feet on an imperial meter, at the calorific value given', () => {
    // 1,900 kWh = 6,840 MJ; one hcf is 2.83 m³ × 1.02264 × 39.2 MJ = 113.44759104 MJ;
    // 6,840 ÷ 113.44759104 = 60.2921… hcf → 603 tenths (60.3 hcf), rounded once
    expect(typicalAdvanceTenths({ annualKwh: 9500, days: 73, unit: 'hcf', calorificValueMjPerM3: '39.2' })).toBe(603n)
  })
})
