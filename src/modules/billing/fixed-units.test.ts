import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDecimal } from '../../shared/money.js'
import { fixedUnits } from './rating.js'

/** The plain definition: exact value × 10^places when that is a whole number, else null. */
function reference(text: string, places: number): bigint | null {
  let value: { numerator: bigint; denominator: bigint }
  try {
    value = parseDecimal(text)
  } catch {
    return null
  }
  const scaled = value.numerator * 10n ** BigInt(places)
  return scaled % value.denominator === 0n ? scaled / value.denominator : null
}

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
        expect(fixedUnits(value, places)).toBe(reference(value, places))
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
})
