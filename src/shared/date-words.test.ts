import { describe, expect, it } from 'vitest'
import { dateSpanWords, dateWords, instantDateWords, periodWords } from './date-words.js'

describe('dates in sentences', () => {
  it('writes a local date as the console shows it, in the locale', () => {
    expect(dateWords('2026-03-04', 'en-GB')).toBe('4 Mar 2026')
    expect(dateWords('2026-03-04', 'en-US')).toBe('Mar 4, 2026')
  })

  it("writes an instant's local date in the supplier's zone", () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London's summer time, and still 31 May in New York.
    const late = new Date('2026-05-31T23:30:00Z')
    expect(instantDateWords(late, 'en-GB', 'Europe/London')).toBe('1 Jun 2026')
    expect(instantDateWords(late, 'en-US', 'America/New_York')).toBe('May 31, 2026')
  })

  it('writes a span of dates with the year once when both dates share it', () => {
    expect(dateSpanWords('2026-10-01', '2026-10-31', 'en-GB')).toBe('1 Oct – 31 Oct 2026')
    expect(dateSpanWords('2025-12-01', '2026-01-31', 'en-GB')).toBe('1 Dec 2025 – 31 Jan 2026')
    expect(dateSpanWords('2026-10-01', '2026-10-01', 'en-GB')).toBe('1 Oct 2026')
    expect(dateSpanWords('2026-10-01', '2026-10-31', 'en-US')).toBe('Oct 1 – Oct 31, 2026')
  })

  it('writes a half-open period of instants by its local days', () => {
    // A British October: from local midnight on 1 Oct (summer time) to local midnight on 1 Nov.
    const from = new Date('2026-09-30T23:00:00Z')
    const to = new Date('2026-11-01T00:00:00Z')
    expect(periodWords(from, to, 'en-GB', 'Europe/London')).toBe('1 Oct – 31 Oct 2026')
  })
})
