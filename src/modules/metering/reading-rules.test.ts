/**
 * How much a register may advance in a day before a reading is held (MET-3), in the register's own
 * unit and exact.
 */
import { describe, expect, it } from 'vitest'
import { decimalToString, roundDecimal } from '../../shared/money.js'
import { expectedDailyUse, limitTenthsOver } from './reading-rules.js'

const dayMs = 86_400_000
const threeDp = (value: Parameters<typeof roundDecimal>[0]) => decimalToString(roundDecimal(value, 'half-up', 3))

describe('the daily ceiling without history', () => {
  it('is 250 kWh of gas, in the register’s unit at the default calorific value', () => {
    const kwh = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'kWh', history: [] })
    expect(threeDp(kwh.limitPerDay)).toBe('250.000')
    // 250 kWh × 3.6 = 900 MJ; ÷ (1.02264 × 39.5 = 40.39428 MJ a m³) = 22.2803… m³
    const m3 = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'm3', history: [] })
    expect(threeDp(m3.limitPerDay)).toBe('22.280')
    // 22.2803… m³ ÷ 2.83 = 7.8729… hundreds of ft³
    const hcf = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'hcf', history: [] })
    expect(threeDp(hcf.limitPerDay)).toBe('7.873')
    expect(
      threeDp(expectedDailyUse({ fuel: 'electricity', rate: 'night', unit: 'kWh', history: [] }).limitPerDay),
    ).toBe('80.000')
  })

  it('allows 222.9 m³ over ten days and holds a tenth more', () => {
    // 22.280382… m³ a day × 10 days = 222.80382… m³ → 2,229 tenths, rounded up
    const { limitPerDay } = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'm3', history: [] })
    expect(limitTenthsOver({ limitPerDay, spanMs: 10 * dayMs })).toBe(2229n)
  })
})

describe('the limit from the register’s own pace', () => {
  it('is five times the exact daily average, never below the floor in the register’s unit', () => {
    const history = (advance: string) => [
      { read_at: new Date('2026-01-29T00:00:00Z'), value: advance },
      { read_at: new Date('2026-01-01T00:00:00Z'), value: '0.0' },
    ]
    // 28.0 m³ over 28 days: 1 m³ a day exactly, five times that is 5 m³, but the floor is
    // 60 kWh = 216 MJ ÷ 40.39428 = 5.3472… m³ a day
    const slow = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'm3', history: history('28.0') })
    expect(slow.usualPerDay).toEqual({ numerator: 280n * 86_400_000n, denominator: 10n * 28n * 86_400_000n })
    expect(threeDp(slow.limitPerDay)).toBe('5.347')
    // 100.0 m³ over 28 days = 3.5714… m³ a day; × 5 = 17.857… m³ a day (no floating point: 1000 × 5 ÷ 280)
    const brisk = expectedDailyUse({ fuel: 'gas', rate: 'standard', unit: 'm3', history: history('100.0') })
    expect(threeDp(brisk.limitPerDay)).toBe('17.857')
  })
})
