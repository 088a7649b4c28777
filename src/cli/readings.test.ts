import { InvalidArgumentError } from 'commander'
import { describe, expect, it } from 'vitest'
import { dateOrInstant } from './readings.js'

describe('a bound given to `cuttle export d0010`', () => {
  it('keeps a date a local date, for the export to start at the supplier’s midnight, not 01:00 in summer', () => {
    // 2026-07-02 in London starts at 2026-07-01T23:00:00Z; the UTC midnight would be 01:00 BST
    expect(dateOrInstant('2026-07-02')).toBe('2026-07-02')
  })

  it('takes anything with a time as an instant and refuses the rest', () => {
    expect(dateOrInstant('2026-07-02T06:30:00+01:00')).toEqual(new Date(Date.UTC(2026, 6, 2, 5, 30)))
    expect(() => dateOrInstant('2026-02-30')).toThrow(InvalidArgumentError)
    expect(() => dateOrInstant('yesterday')).toThrow(InvalidArgumentError)
  })
})
