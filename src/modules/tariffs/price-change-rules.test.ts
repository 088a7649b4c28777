import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  completeVat,
  earliestNoticedDate,
  isRise,
  readPriceChangeCsv,
  risingTariffCodes,
  splitCsv,
} from './price-change-rules.js'
import { vatConsistent } from './product-rules.js'

const header = 'product,region,fuel,payment_method,kind,value_exc_vat,value_inc_vat'

describe('splitCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a byte-order mark', () => {
    const { records, problems } = splitCsv('\uFEFFa,"b,c","say ""hi"""\r\n"two\nlines",x,\n\nlast,row,')
    expect(problems).toEqual([])
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: ['two\nlines', 'x', ''] },
      { line: 5, cells: ['last', 'row', ''] },
    ])
  })

  it('names the line and column of a NUL byte and of a quote never closed', () => {
    expect(splitCsv('a,b\nc,d\u0000').problems).toEqual([
      { path: 'csv.2.2', message: 'line 2, column 2: a control character (code 0, NUL)' },
    ])
    expect(splitCsv('a,b\nc,"d').problems).toEqual([
      { path: 'csv.2.2', message: 'line 2, column 2: a quoted field is never closed' },
    ])
  })
})

describe('readPriceChangeCsv', () => {
  it('reads columns in any order, a region with or without its underscore, and the register from the kind', () => {
    const { rows, problems } = readPriceChangeCsv(
      'kind,value_inc_vat,product,region,fuel,payment_method\nnight_unit,12.5,e7-1,c,Electricity,direct_debit\n',
    )
    expect(problems).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        productCode: 'E7-1',
        region: '_C',
        fuel: 'electricity',
        registerKind: '2R',
        paymentMethod: 'DIRECT_DEBIT',
        kind: 'night_unit',
        valueExcVat: null,
        valueIncVat: '12.5',
      },
    ])
  })

  it('refuses a header without a price column or with an unknown column', () => {
    expect(readPriceChangeCsv('product,region,fuel,payment_method,kind,colour\n').problems).toEqual([
      {
        path: 'csv.1.colour',
        message:
          'line 1, column colour: unknown column; the columns are product, region, fuel, register, payment_method, kind, value_exc_vat, value_inc_vat',
      },
      {
        path: 'csv.1.value_exc_vat',
        message: 'line 1, column value_exc_vat: the file needs value_exc_vat, value_inc_vat or both',
      },
    ])
  })

  it('refuses an empty file and one with no prices', () => {
    expect(readPriceChangeCsv('').problems).toEqual([
      { path: 'csv', message: 'the file is empty: it needs a header row' },
    ])
    expect(readPriceChangeCsv(`${header}\n`).problems).toEqual([{ path: 'csv', message: 'the file has no prices' }])
  })

  it('refuses dynamic prices, a negative standing charge and a row without a price, naming each cell', () => {
    const { problems } = readPriceChangeCsv(
      [
        header,
        'AGILE-1,_A,electricity,,dynamic_unit,20,',
        'VAR-1,_A,gas,DIRECT_DEBIT,standing_charge,-1,',
        'VAR-1,_A,gas,DIRECT_DEBIT,standard_unit,,',
      ].join('\n'),
    )
    expect(problems.map((problem) => problem.path)).toEqual([
      'csv.2.kind',
      'csv.3.value_exc_vat',
      'csv.4.value_exc_vat',
    ])
  })
})

describe('completeVat', () => {
  it('works out inc VAT from exc at 5% and exc from inc, to 4 decimals', () => {
    expect(completeVat({ valueExcVat: '25', valueIncVat: null, vatPercent: '5' })).toEqual({
      valueExcVat: '25.0000',
      valueIncVat: '26.2500',
    })
    expect(completeVat({ valueExcVat: null, valueIncVat: '7', vatPercent: '5.00' })).toEqual({
      valueExcVat: '6.6667',
      valueIncVat: '7.0000',
    })
  })

  it('always gives a pair setRates accepts, for any price and VAT rate', () => {
    const pence = fc
      .integer({ min: 0, max: 99_999_999 })
      .map((n) => `${Math.trunc(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`)
    fc.assert(
      fc.property(pence, fc.constantFrom('0', '5', '20'), fc.boolean(), (price, vat, fromExc) => {
        const pair = completeVat({
          valueExcVat: fromExc ? price : null,
          valueIncVat: fromExc ? null : price,
          vatPercent: vat,
        })
        expect(vatConsistent(pair.valueExcVat, pair.valueIncVat, vat)).toBe(true)
      }),
    )
  })
})

describe('which prices rise, and the notice a rise needs', () => {
  it('compares exactly exc VAT, and a new price is no rise', () => {
    expect(isRise({ oldExcVat: '24.0000', valueExcVat: '24.0001' })).toBe(true)
    expect(isRise({ oldExcVat: '24.0001', valueExcVat: '24' })).toBe(false)
    expect(isRise({ oldExcVat: '24', valueExcVat: '24.0000' })).toBe(false)
    expect(isRise({ oldExcVat: null, valueExcVat: '99' })).toBe(false)
    expect(
      risingTariffCodes([
        { tariffCode: 'E-1R-X-A', oldExcVat: '50', valueExcVat: '49' },
        { tariffCode: 'E-1R-X-B', oldExcVat: '24', valueExcVat: '25' },
        { tariffCode: 'E-1R-X-B', oldExcVat: '50', valueExcVat: '51' },
        { tariffCode: 'E-1R-X-C', oldExcVat: null, valueExcVat: '25' },
      ]),
    ).toEqual(['E-1R-X-B'])
  })

  it('counts the notice in days from the day of the decision', () => {
    // 20 November + 30 days: 10 days left of November, then 20 of December
    expect(earliestNoticedDate('2026-11-20', 30)).toBe('2026-12-20')
    // 31 January 2027 + 30 days: 28 of February, then 2 March
    expect(earliestNoticedDate('2027-01-31', 30)).toBe('2027-03-02')
  })
})
