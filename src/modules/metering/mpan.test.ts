import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidMpanDigits, mpanCheckDigit, parseMpanCore, parseMprn, withCheckDigit } from './mpan.js'

const digit = fc.integer({ min: 0, max: 9 })
/** The first 12 digits of a core at a regional (10–23) or independent (24–38) distributor. */
const anyFirst12 = fc
  .tuple(fc.integer({ min: 10, max: 38 }), fc.array(digit, { minLength: 10, maxLength: 10 }))
  .map(([distributor, rest]) => `${distributor}${rest.join('')}`)

describe('the MPAN check digit', () => {
  it('matches cores worked out by hand', () => {
    // 1 0 0 0 0 0 0 0 0 0 0 1 → 1×3 + 1×43 = 46; 46 % 11 = 2; 2 % 10 = 2
    expect(mpanCheckDigit('100000000001')).toBe(2)
    // 1 2 0 0 0 2 3 3 0 5 9 6 → 1×3 + 2×5 + 2×19 + 3×23 + 3×29 + 5×37 + 9×41 + 6×43
    //   = 3 + 10 + 38 + 69 + 87 + 185 + 369 + 258 = 1019; 1019 % 11 = 7; 7 % 10 = 7
    expect(mpanCheckDigit('120002330596')).toBe(7)
    // 1 9 0 0 0 0 1 0 5 9 8 1 → 3 + 45 + 23 + 155 + 333 + 328 + 43 = 930; 930 % 11 = 6
    expect(mpanCheckDigit('190000105981')).toBe(6)
  })

  it('turns a remainder of 10 into a check digit of 0', () => {
    // 3×2 + 5×1 = 11 → 0; 3×1 + 7×1 = 10 → 10 % 10 = 0
    expect(mpanCheckDigit('210000000000')).toBe(0)
    expect(mpanCheckDigit('101000000000')).toBe(0)
  })

  it('is appended by withCheckDigit', () => {
    expect(withCheckDigit('100000000001')).toBe('1000000000012')
    expect(withCheckDigit('120002330596')).toBe('1200023305967')
  })

  it('refuses anything but 12 digits, as a validation error', () => {
    expect(() => mpanCheckDigit('10000000001')).toThrow(InvalidMpanDigits)
    expect(() => withCheckDigit('10000000000a')).toThrow(InvalidMpanDigits)
    expect(() => withCheckDigit('1000000000012')).toThrow(expect.objectContaining({ code: 'INVALID_MPAN_DIGITS' }))
  })
})

describe('parsing an MPAN core', () => {
  it('accepts a valid core and derives its distributor and GSP region', () => {
    expect(parseMpanCore('1200023305967')).toEqual({
      ok: true,
      core: '1200023305967',
      distributorId: '12',
      gspRegion: '_C',
    })
    expect(parseMpanCore('1000000000012')).toMatchObject({ ok: true, distributorId: '10', gspRegion: '_A' })
  })

  // The regional distributors and their GSP groups as DOMAIN.md lists them.
  it.each([
    ['10', '_A'],
    ['11', '_B'],
    ['12', '_C'],
    ['13', '_D'],
    ['14', '_E'],
    ['15', '_F'],
    ['16', '_G'],
    ['17', '_P'],
    ['18', '_N'],
    ['19', '_J'],
    ['20', '_H'],
    ['21', '_K'],
    ['22', '_L'],
    ['23', '_M'],
  ])('maps the regional distributor %s to the GSP group %s', (distributor, gsp) => {
    expect(parseMpanCore(withCheckDigit(`${distributor}0000000042`))).toMatchObject({ ok: true, gspRegion: gsp })
  })

  it('removes spaces', () => {
    expect(parseMpanCore(' 12 0002 3305 967 ')).toMatchObject({ ok: true, core: '1200023305967' })
  })

  it('refuses a wrong check digit, saying which digit it should be', () => {
    expect(parseMpanCore('1200023305964')).toEqual({ ok: false, reason: 'check digit should be 7, not 4' })
  })

  it('refuses the wrong number of digits', () => {
    expect(parseMpanCore('120002330596')).toEqual({
      ok: false,
      reason: 'an MPAN core has 13 digits (a full MPAN 21), not 12',
    })
    expect(parseMpanCore('12000233059670')).toMatchObject({ ok: false, reason: expect.stringMatching(/13 digits/) })
    expect(parseMpanCore('')).toMatchObject({ ok: false, reason: expect.stringMatching(/13 digits/) })
  })

  it('refuses letters', () => {
    expect(parseMpanCore('12000233O5967')).toEqual({
      ok: false,
      reason: 'an MPAN has only digits, not "12000233O5967"',
    })
  })

  it('gives an independent network no region: it comes from the property', () => {
    // 2×3 + 4×5 + 1×43 = 69; 69 % 11 = 3
    expect(parseMpanCore('2400000000013')).toEqual({
      ok: true,
      core: '2400000000013',
      distributorId: '24',
      gspRegion: null,
    })
    expect(parseMpanCore(withCheckDigit('380000000001'))).toMatchObject({ ok: true, gspRegion: null })
  })

  it('refuses a distributor that is not a GB distributor', () => {
    expect(parseMpanCore(withCheckDigit('990000000001'))).toEqual({
      ok: false,
      reason: 'distributor id 99 is not a GB distributor',
    })
    expect(parseMpanCore(withCheckDigit('090000000001'))).toMatchObject({ ok: false, reason: /distributor id 09/ })
    expect(parseMpanCore(withCheckDigit('390000000001'))).toMatchObject({ ok: false, reason: /distributor id 39/ })
  })

  it('takes the core and the profile class from a 21-digit full MPAN', () => {
    expect(parseMpanCore('01 801 100 1200023305967')).toEqual({
      ok: true,
      core: '1200023305967',
      distributorId: '12',
      gspRegion: '_C',
      profileClass: '01',
    })
    expect(parseMpanCore('028011001200023305964')).toEqual({ ok: false, reason: 'check digit should be 7, not 4' })
    expect(parseMpanCore('098011001200023305967')).toEqual({
      ok: false,
      reason: 'profile class 09 is not one of 00 to 08',
    })
  })

  it('parses every core made by withCheckDigit', () => {
    fc.assert(
      fc.property(anyFirst12, (first12) => {
        const core = withCheckDigit(first12)
        const parsed = parseMpanCore(core)
        expect(parsed).toMatchObject({ ok: true, core, distributorId: first12.slice(0, 2) })
      }),
    )
  })

  it('refuses a valid core whose check digit is changed, always', () => {
    fc.assert(
      fc.property(anyFirst12, fc.integer({ min: 1, max: 9 }), (first12, shift) => {
        const core = withCheckDigit(first12)
        const changed = `${first12}${(Number(core[12]) + shift) % 10}`
        expect(parseMpanCore(changed)).toMatchObject({ ok: false, reason: /^check digit should be/ })
      }),
    )
  })

  it('refuses a valid core with any one digit changed, unless the check digit happens to agree', () => {
    fc.assert(
      fc.property(
        anyFirst12,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (first12, position, shift) => {
          const core = withCheckDigit(first12)
          const changedDigit = (Number(core[position]) + shift) % 10
          const changed = `${core.slice(0, position)}${changedDigit}${core.slice(position + 1)}`
          const coincides = mpanCheckDigit(changed.slice(0, 12)) === Number(changed[12])
          const distributor = Number(changed.slice(0, 2))
          const known = distributor >= 10 && distributor <= 38
          expect(parseMpanCore(changed).ok).toBe(coincides && known)
        },
      ),
    )
  })
})

describe('parsing an MPRN', () => {
  it('accepts 6 to 10 digits, spaces removed, keeping leading zeros', () => {
    expect(parseMprn('123456')).toEqual({ ok: true, mprn: '123456' })
    expect(parseMprn('01234 56789')).toEqual({ ok: true, mprn: '0123456789' })
  })

  it('refuses too few or too many digits', () => {
    expect(parseMprn('12345')).toEqual({ ok: false, reason: 'an MPRN has 6 to 10 digits, not 5' })
    expect(parseMprn('12345678901')).toEqual({ ok: false, reason: 'an MPRN has 6 to 10 digits, not 11' })
    expect(parseMprn('')).toEqual({ ok: false, reason: 'an MPRN has 6 to 10 digits, not 0' })
  })

  it('refuses letters', () => {
    expect(parseMprn('12345A')).toEqual({ ok: false, reason: 'an MPRN has only digits, not "12345A"' })
  })
})
