import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvariantBroken, ValidationFailed } from './errors.js'
import {
  add,
  addDecimals,
  allocate,
  allocateEvenly,
  type Currency,
  CurrencyMismatch,
  compare,
  compareDecimals,
  decimal,
  decimalToString,
  formatMoney,
  InvalidAllocation,
  InvalidAmount,
  InvalidDecimal,
  isZero,
  type Money,
  minorUnitsOf,
  money,
  multiply,
  multiplyByDecimal,
  multiplyDecimals,
  negate,
  parseDecimal,
  parseMoneyInput,
  percentOf,
  type RoundingMode,
  roundDecimal,
  roundToMinor,
  subtract,
  sum,
  UnsupportedCurrency,
  zero,
} from './money.js'

const gbp = (amountMinor: bigint): Money => money(amountMinor, 'GBP')
const usd = (amountMinor: bigint): Money => money(amountMinor, 'USD')

const anyMinor = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })
const anyGbp = anyMinor.map(gbp)
const anyMode = fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up', 'floor', 'ceiling')

describe('money', () => {
  it('keeps minor units and currency', () => {
    expect(money(1234n, 'GBP')).toEqual({ amountMinor: 1234n, currency: 'GBP' })
    expect(minorUnitsOf).toEqual({ GBP: 2, USD: 2 })
  })

  it('refuses a currency it does not know', () => {
    expect(() => money(1n, 'EUR' as Currency)).toThrow(UnsupportedCurrency)
  })

  it('adds, subtracts and negates within one currency', () => {
    expect(add(gbp(150n), gbp(-50n))).toEqual(gbp(100n))
    expect(subtract(gbp(150n), gbp(200n))).toEqual(gbp(-50n))
    expect(negate(gbp(310n))).toEqual(gbp(-310n))
    expect(multiply(gbp(27n), 31n)).toEqual(gbp(837n))
    expect(isZero(zero('USD'))).toBe(true)
    expect(isZero(usd(1n))).toBe(false)
  })

  it('compares amounts', () => {
    expect(compare(gbp(1n), gbp(2n))).toBe(-1)
    expect(compare(gbp(2n), gbp(2n))).toBe(0)
    expect(compare(gbp(3n), gbp(2n))).toBe(1)
  })

  it('sums a list and gives zero for an empty one', () => {
    expect(sum([gbp(1n), gbp(2n), gbp(3n)], 'GBP')).toEqual(gbp(6n))
    expect(sum([], 'USD')).toEqual(usd(0n))
  })

  it('refuses to mix currencies with a named invariant error', () => {
    const attempts = [
      () => add(gbp(1n), usd(1n)),
      () => subtract(gbp(1n), usd(1n)),
      () => compare(gbp(1n), usd(1n)),
      () => sum([gbp(1n), usd(1n)], 'GBP'),
      () => sum([usd(1n)], 'GBP'),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(CurrencyMismatch)
      try {
        attempt()
      } catch (error) {
        expect(error).toBeInstanceOf(InvariantBroken)
        expect((error as CurrencyMismatch).code).toBe('CURRENCY_MISMATCH')
      }
    }
  })

  it('adds associatively and subtracting undoes adding', () => {
    fc.assert(
      fc.property(anyGbp, anyGbp, anyGbp, (a, b, c) => {
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)))
        expect(subtract(add(a, b), b)).toEqual(a)
        expect(add(a, negate(a))).toEqual(gbp(0n))
      }),
    )
  })
})

describe('exact decimals', () => {
  it('parses decimal text exactly, keeping its scale', () => {
    expect(parseDecimal('24.5671')).toEqual({ numerator: 245671n, denominator: 10000n })
    expect(parseDecimal('-3.10')).toEqual({ numerator: -310n, denominator: 100n })
    expect(parseDecimal('7')).toEqual({ numerator: 7n, denominator: 1n })
    expect(decimalToString(parseDecimal('24.50'))).toBe('24.50')
    expect(decimalToString(parseDecimal('-0.05'))).toBe('-0.05')
  })

  it('refuses text that is not a plain decimal', () => {
    for (const text of ['', '.5', '5.', '1e3', '1,000', ' 1', 'abc', '--1', '0x10', 'NaN']) {
      expect(() => parseDecimal(text), text).toThrow(InvalidDecimal)
    }
  })

  it('multiplies a unit rate by consumption exactly', () => {
    const cost = multiplyDecimals('24.5671', '312.456')
    expect(decimalToString(cost)).toBe('7676.1377976')
    expect(roundToMinor({ value: cost, mode: 'half-up' })).toBe(7676n)
  })

  it('adds and compares decimals of different scales', () => {
    expect(decimalToString(addDecimals('0.1', '0.25'))).toBe('0.35')
    expect(compareDecimals('0.10', '0.1')).toBe(0)
    expect(compareDecimals(decimal(1n, 3n), '0.3333')).toBe(1)
    expect(compareDecimals('-2', 1n)).toBe(-1)
  })

  it('writes fractions with a finite expansion and refuses the rest', () => {
    expect(decimalToString(decimal(1n, 8n))).toBe('0.125')
    expect(decimalToString(decimal(3n, -4n))).toBe('-0.75')
    expect(decimalToString(decimal(10n, 5n))).toBe('2')
    expect(() => decimalToString(decimal(1n, 3n))).toThrow(InvalidDecimal)
    expect(() => decimal(1n, 0n)).toThrow(InvalidDecimal)
  })

  it('prints back exactly the text it parsed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat({ max: 8 }), (units, scale) => {
        const text = decimalToString({ numerator: units, denominator: 10n ** BigInt(scale) })
        expect(parseDecimal(text)).toEqual({ numerator: units, denominator: 10n ** BigInt(scale) })
      }),
    )
  })
})

describe('roundDecimal', () => {
  const cases: Array<[string, Record<RoundingMode, bigint>]> = [
    ['2.5', { 'half-up': 3n, 'half-even': 2n, down: 2n, up: 3n, floor: 2n, ceiling: 3n }],
    ['3.5', { 'half-up': 4n, 'half-even': 4n, down: 3n, up: 4n, floor: 3n, ceiling: 4n }],
    ['-2.5', { 'half-up': -3n, 'half-even': -2n, down: -2n, up: -3n, floor: -3n, ceiling: -2n }],
    ['2.4', { 'half-up': 2n, 'half-even': 2n, down: 2n, up: 3n, floor: 2n, ceiling: 3n }],
    ['2.6', { 'half-up': 3n, 'half-even': 3n, down: 2n, up: 3n, floor: 2n, ceiling: 3n }],
    ['-2.6', { 'half-up': -3n, 'half-even': -3n, down: -2n, up: -3n, floor: -3n, ceiling: -2n }],
    ['-0.4', { 'half-up': 0n, 'half-even': 0n, down: 0n, up: -1n, floor: -1n, ceiling: 0n }],
    ['7', { 'half-up': 7n, 'half-even': 7n, down: 7n, up: 7n, floor: 7n, ceiling: 7n }],
  ]

  for (const [text, expected] of cases) {
    it(`rounds ${text} in every mode as documented`, () => {
      for (const [mode, value] of Object.entries(expected) as Array<[RoundingMode, bigint]>) {
        expect(roundDecimal(text, mode), mode).toEqual({ numerator: value, denominator: 1n })
      }
    })
  }

  it('rounds to a stated scale', () => {
    expect(decimalToString(roundDecimal('24.56715', 'half-even', 4))).toBe('24.5672')
    expect(decimalToString(roundDecimal('24.56725', 'half-even', 4))).toBe('24.5672')
    expect(decimalToString(roundDecimal(decimal(2n, 3n), 'half-up', 3))).toBe('0.667')
    expect(() => roundDecimal('1', 'down', -1)).toThrow(InvalidDecimal)
  })

  it('lands within one unit of the exact value and on the side the mode says', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        anyMode,
        (numerator, denominator, mode) => {
          const exact = { numerator, denominator }
          const rounded = roundDecimal(exact, mode)
          const difference = addDecimals(rounded, { numerator: -numerator, denominator })
          expect(compareDecimals(difference, -1n)).toBe(1)
          expect(compareDecimals(difference, 1n)).toBe(-1)
          if (mode === 'floor') expect(compareDecimals(difference, 0n)).toBeLessThanOrEqual(0)
          if (mode === 'ceiling') expect(compareDecimals(difference, 0n)).toBeGreaterThanOrEqual(0)
          if (mode.startsWith('half')) {
            // within half a unit: -1 ≤ 2 × difference ≤ 1
            const twice = multiplyDecimals(difference, 2n)
            expect(compareDecimals(twice, -1n)).toBeGreaterThanOrEqual(0)
            expect(compareDecimals(twice, 1n)).toBeLessThanOrEqual(0)
          }
        },
      ),
    )
  })

  it('rounds the negation to the negation for symmetric modes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up'),
        (numerator, denominator, mode) => {
          const positive = roundDecimal({ numerator, denominator }, mode).numerator
          const negative = roundDecimal({ numerator: -numerator, denominator }, mode).numerator
          expect(negative).toBe(-positive)
        },
      ),
    )
  })
})

describe('multiplyByDecimal and percentOf', () => {
  it('scales an amount by an exact factor, rounding at the call site', () => {
    expect(multiplyByDecimal({ amount: gbp(4599n), factor: '0.5', mode: 'half-up' })).toEqual(gbp(2300n))
    expect(multiplyByDecimal({ amount: gbp(4599n), factor: '0.5', mode: 'half-even' })).toEqual(gbp(2300n))
    expect(multiplyByDecimal({ amount: gbp(4597n), factor: '0.5', mode: 'half-even' })).toEqual(gbp(2298n))
    expect(multiplyByDecimal({ amount: gbp(1000n), factor: '0.3333', mode: 'down' })).toEqual(gbp(333n))
    expect(multiplyByDecimal({ amount: gbp(-1000n), factor: '0.3335', mode: 'half-even' })).toEqual(gbp(-334n))
  })

  it('takes VAT at 5% and a 25% down payment', () => {
    expect(percentOf({ amount: gbp(12345n), percent: '5', mode: 'half-up' })).toEqual(gbp(617n))
    expect(percentOf({ amount: gbp(12350n), percent: '5', mode: 'half-up' })).toEqual(gbp(618n))
    expect(percentOf({ amount: gbp(12350n), percent: '5', mode: 'half-even' })).toEqual(gbp(618n))
    expect(percentOf({ amount: gbp(12330n), percent: '5', mode: 'half-even' })).toEqual(gbp(616n))
    expect(percentOf({ amount: usd(99999n), percent: '25', mode: 'down' })).toEqual(usd(24999n))
    expect(percentOf({ amount: gbp(10000n), percent: '12.5', mode: 'half-up' })).toEqual(gbp(1250n))
  })

  it('refuses a percent that is not a decimal', () => {
    expect(() => percentOf({ amount: gbp(100n), percent: '5%', mode: 'half-up' })).toThrow(InvalidDecimal)
  })
})

describe('allocate', () => {
  it('splits by ratios without losing a penny, largest remainders first', () => {
    expect(allocate(gbp(100n), [1n, 1n, 1n]).map((m) => m.amountMinor)).toEqual([34n, 33n, 33n])
    expect(allocate(gbp(5n), [2, 7]).map((m) => m.amountMinor)).toEqual([1n, 4n])
    expect(allocate(gbp(5n), [3, 7]).map((m) => m.amountMinor)).toEqual([2n, 3n])
    expect(allocate(gbp(1000n), [0, 1]).map((m) => m.amountMinor)).toEqual([0n, 1000n])
    expect(allocate(gbp(-100n), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([-34n, -33n, -33n])
  })

  it('splits evenly with the earlier parts one penny larger', () => {
    expect(allocateEvenly(usd(1000n), 3).map((m) => m.amountMinor)).toEqual([334n, 333n, 333n])
    expect(allocateEvenly(gbp(2n), 4).map((m) => m.amountMinor)).toEqual([1n, 1n, 0n, 0n])
    expect(allocateEvenly(gbp(2n), 4).every((m) => m.currency === 'GBP')).toBe(true)
  })

  it('refuses ratios it cannot split by', () => {
    expect(() => allocate(gbp(1n), [])).toThrow(InvalidAllocation)
    expect(() => allocate(gbp(1n), [0, 0])).toThrow(InvalidAllocation)
    expect(() => allocate(gbp(1n), [1, -1])).toThrow(InvalidAllocation)
    expect(() => allocate(gbp(1n), [0.5, 0.5])).toThrow(InvalidAllocation)
    expect(() => allocateEvenly(gbp(1n), 0)).toThrow(InvalidAllocation)
    expect(() => allocateEvenly(gbp(1n), 1.5)).toThrow(InvalidAllocation)
  })

  it('always sums back to the amount, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        anyGbp,
        fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 12 }),
        (amount, ratios) => {
          fc.pre(ratios.some((ratio) => ratio > 0n))
          const parts = allocate(amount, ratios)
          const total = ratios.reduce((a, b) => a + b, 0n)
          expect(parts).toHaveLength(ratios.length)
          expect(sum(parts, 'GBP')).toEqual(amount)
          parts.forEach((part, index) => {
            const exactShare = { numerator: amount.amountMinor * ratios[index]!, denominator: total }
            const difference = addDecimals(part.amountMinor, multiplyDecimals(exactShare, -1n))
            expect(compareDecimals(difference, -1n)).toBe(1)
            expect(compareDecimals(difference, 1n)).toBe(-1)
          })
        },
      ),
    )
  })

  it('gives the same split every time', () => {
    fc.assert(
      fc.property(anyGbp, fc.integer({ min: 1, max: 20 }), (amount, parts) => {
        expect(allocateEvenly(amount, parts)).toEqual(allocateEvenly(amount, parts))
      }),
    )
  })
})

describe('formatMoney', () => {
  it('writes amounts the way customers read them', () => {
    expect(formatMoney(gbp(123456n))).toBe('£1,234.56')
    expect(formatMoney(gbp(-310n))).toBe('-£3.10')
    expect(formatMoney(usd(1200n))).toBe('$12.00')
    expect(formatMoney(gbp(5n))).toBe('£0.05')
    expect(formatMoney(gbp(0n))).toBe('£0.00')
  })

  it('keeps every digit of amounts beyond floating-point precision', () => {
    expect(formatMoney(gbp(123456789012345678901n))).toBe('£1,234,567,890,123,456,789.01')
  })

  it('formats in another locale when asked', () => {
    expect(formatMoney(usd(-1999n), 'en-US')).toBe('-$19.99')
  })
})

describe('parseMoneyInput', () => {
  it('reads what people type into minor units', () => {
    expect(parseMoneyInput('12.34', 'GBP')).toBe(1234n)
    expect(parseMoneyInput('12.3', 'GBP')).toBe(1230n)
    expect(parseMoneyInput('12', 'USD')).toBe(1200n)
    expect(parseMoneyInput(' -0.05 ', 'GBP')).toBe(-5n)
    expect(parseMoneyInput('£1,234.56', 'GBP')).toBe(123456n)
    expect(parseMoneyInput('$1,000', 'USD')).toBe(100000n)
  })

  it('refuses more decimals than the currency has, and garbage', () => {
    const refused = [
      '12.345',
      '',
      ' ',
      'abc',
      '12.',
      '.5',
      '1e3',
      '1,23',
      '12,34.5',
      '$5',
      '£-5',
      '--1',
      '0x10',
      '1 000',
    ]
    for (const text of refused) {
      expect(() => parseMoneyInput(text, 'GBP'), text).toThrow(InvalidAmount)
    }
    try {
      parseMoneyInput('12.345', 'GBP')
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed)
      expect((error as InvalidAmount).code).toBe('INVALID_AMOUNT')
    }
  })

  it('reads back what formatMoney writes', () => {
    fc.assert(
      fc.property(anyGbp, (amount) => {
        expect(parseMoneyInput(formatMoney(amount).replace('-£', '-'), 'GBP')).toBe(amount.amountMinor)
      }),
    )
  })
})
