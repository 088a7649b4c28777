import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exactUnits, fixedUnits, smallKwhUnits } from './rating-numbers.js'

describe('reading decimal text as whole units (the rating engine’s hot path)', () => {
  it('agrees with the exact definition on any decimal text, any places', () => {
    const text = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
      )
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      )
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 8 }), (value, places) => {
        expect(fixedUnits(value, places)).toBe(exactUnits(value, places))
      }),
      { numRuns: 5000 },
    )
  })

  it('refuses what is not a decimal', () => {
    for (const bad of ['', '.5', '1.', '1e3', ' 1', '1,5', 'abc', '--1']) expect(fixedUnits(bad, 3)).toBeNull()
    expect(fixedUnits('0.1230', 3)).toBe(123n)
    expect(fixedUnits('0.1235', 3)).toBeNull()
    expect(fixedUnits('-2.5', 3)).toBe(-2500n)
  })

  it('reads small plain kWh as a number equal to the exact units, and leaves everything else to them', () => {
    // Any text at all, and texts near the small form's edges (7 digits, 3 places, signs, stray characters).
    const nearSmall = fc
      .tuple(
        fc.constantFrom('', '-', '+', ' '),
        fc.stringMatching(/^\d{0,9}$/),
        fc.constantFrom('', '.', ','),
        fc.stringMatching(/^\d{0,5}$/),
        fc.constantFrom('', ' ', 'e3', '0'),
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(nearSmall, fc.string()), (text) => {
        const small = smallKwhUnits(text)
        if (small !== null) {
          // Whenever it answers, it answers what the exact reading does, as a safe integer.
          expect(Number.isSafeInteger(small)).toBe(true)
          expect(BigInt(small)).toBe(fixedUnits(text, 3))
          expect(small).toBeLessThan(10 ** 10)
        } else if (/^\d{1,7}(\.\d{1,3})?$/.test(text)) {
          throw new Error(`'${text}' is small and plain but was not read`)
        }
      }),
      { numRuns: 20000 },
    )
    expect(smallKwhUnits('0.123')).toBe(123)
    expect(smallKwhUnits('9999999.999')).toBe(9_999_999_999)
    expect(smallKwhUnits('12.5')).toBe(12_500)
    for (const other of ['-0.5', '10000000', '0.1234', '1.', '.5', '', '0x1', '1 '])
      expect(smallKwhUnits(other)).toBeNull()
  })
})
