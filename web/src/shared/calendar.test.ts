import { describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, mondayOf, monthsBetween } from './calendar.js'

describe('calendar arithmetic on dates', () => {
  it('adds days across months, years and the clock changes, which dates do not have', () => {
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25')
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2)
  })

  it('adds months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-01', 2)).toBe('2027-01-01')
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01')
    expect(monthsBetween('2025-11-15', '2026-02-01')).toBe(3)
  })

  it('finds the Monday a week starts on', () => {
    // 7 December 2026 is a Monday; the 13th a Sunday.
    expect(mondayOf('2026-12-07')).toBe('2026-12-07')
    expect(mondayOf('2026-12-13')).toBe('2026-12-07')
  })
})
