import { describe, expect, it } from 'vitest'
import { findCardNumbers, luhnValid, maskCardNumbers, pathsHoldingCardNumbers } from './cards.js'

const visa = '4242424242424242'
const grouped = (separator: string) => visa.replace(/(\d{4})(?=\d)/g, `$1${separator}`)

describe('finding card numbers (PAY-1)', () => {
  it('finds a card number whatever separates its digits', () => {
    for (const separator of [
      ' ',
      '-',
      '.',
      '/',
      '_',
      '\n',
      '\r\n',
      '\t',
      '\u00a0',
      '\u2007',
      '\u200b',
      '\u2060',
      '\u00ad',
      ' \u2013 ',
      '\u2014',
      '|',
      '*',
    ])
      expect(findCardNumbers(`paid with ${grouped(separator)} today`), JSON.stringify(separator)).toEqual([visa])
    expect(findCardNumbers(visa.split('').join('\u200b'))).toEqual([visa])
  })

  it('finds full-width and other compatibility digits after NFKC', () => {
    const fullWidth = visa.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    expect(findCardNumbers(fullWidth)).toEqual([visa])
    expect(findCardNumbers(`４２４２　４２４２　４２４２　４２４２`)).toEqual([visa])
  })

  it('finds a card number with a digit glued on by punctuation, and Amex grouped 4-6-5', () => {
    expect(findCardNumbers(`${visa}.5`)).toEqual([visa])
    expect(findCardNumbers('1 4242 4242 4242 4242')).toEqual([visa])
    expect(findCardNumbers('3782 822463 10005')).toEqual(['378282246310005'])
  })

  it('does not mistake supply numbers, phone numbers, bank details, dates or amounts for cards', () => {
    for (const text of [
      '1200023305963', // an MPAN core: 13 digits
      'S 01 801 101 1200023305963', // a full MPAN
      '7418202 and 1234567890', // MPRNs
      '+44 20 7946 0958, 020 7946 0958',
      '20-00-00 55779911',
      '2026-11-20 09:30:00.000, 2026-02-30',
      '£1,234.56, £12,345,678.90',
      'meter serial 19K0123456, 21E5012345',
      'A-1F2E3D4C, S-00000012, C-00000042',
      '4242424242424241', // fails the Luhn check
      '1234567812345670', // passes Luhn, but 1 is no card range
    ])
      expect(findCardNumbers(text), text).toEqual([])
  })

  it('names every path holding one, object keys included', () => {
    expect(pathsHoldingCardNumbers({ note: grouped('.'), list: ['x', grouped('/')], [visa]: 1 })).toEqual([
      'note',
      'list.1',
      '(key)',
    ])
  })

  it('masks card numbers in log text down to the last four digits, leaving other text alone', () => {
    expect(maskCardNumbers(`card ${grouped('\u00a0')} ok`)).toBe('card [card ••••4242] ok')
    expect(maskCardNumbers('MPAN 1200023305963')).toBe('MPAN 1200023305963')
    expect(luhnValid(visa)).toBe(true)
  })
})
