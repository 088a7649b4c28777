import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkIntervalHeader,
  type IntervalCsvItem,
  intervalCsvHeader,
  intervalCsvLine,
  parseIntervalLine,
  readIntervalCsv,
} from './interval-csv.js'
import { withCheckDigit } from './mpan.js'

const mpan = withCheckDigit('100000000001') // 1000000000012
const mprn = '0012345678'

const messageOf = (line: string, lineNumber = 7): string => {
  const parsed = parseIntervalLine(line, lineNumber)
  if (parsed.ok) throw new Error(`expected ${line} to be refused`)
  expect(parsed.line).toBe(lineNumber)
  return parsed.message
}

async function collect(lines: string[]): Promise<IntervalCsvItem[]> {
  const items: IntervalCsvItem[] = []
  async function* source() {
    yield* lines
  }
  for await (const item of readIntervalCsv(source())) items.push(item)
  return items
}

describe('the interval CSV header', () => {
  it('is exactly meter_point,interval_start,kwh,quality', () => {
    expect(intervalCsvHeader).toBe('meter_point,interval_start,kwh,quality')
    expect(checkIntervalHeader(intervalCsvHeader)).toEqual({ ok: true })
  })

  it('is compared per column, trimmed and in any case, with a BOM, quotes or CRLF', () => {
    expect(checkIntervalHeader('  Meter_Point, INTERVAL_START ,kWh,Quality \r')).toEqual({ ok: true })
    expect(checkIntervalHeader('\uFEFFmeter_point,interval_start,kwh,quality')).toEqual({ ok: true })
    expect(checkIntervalHeader('"meter_point","interval_start","kwh","quality"')).toEqual({ ok: true })
  })

  it('refuses other columns, another order or an empty line, saying what it must be', () => {
    expect(checkIntervalHeader('mpan,start,value')).toEqual({
      ok: false,
      message: 'the header must be meter_point,interval_start,kwh,quality, not "mpan,start,value"',
    })
    expect(checkIntervalHeader('interval_start,meter_point,kwh,quality')).toMatchObject({ ok: false })
    expect(checkIntervalHeader('meter_point,interval_start,kwh,quality,extra')).toMatchObject({ ok: false })
    expect(checkIntervalHeader('')).toMatchObject({ ok: false, message: /empty/ })
  })
})

describe('parsing an interval line', () => {
  it('reads a good row: meter point as text, the instant, exact kwh and quality', () => {
    expect(parseIntervalLine(`${mpan},2025-01-15T10:30:00Z,0.25,A`, 2)).toEqual({
      ok: true,
      line: 2,
      row: { meterPoint: mpan, intervalStart: new Date('2025-01-15T10:30:00Z'), kwh: '0.25', quality: 'actual' },
    })
  })

  it('keeps identifiers with leading zeros as strings', () => {
    const parsed = parseIntervalLine(`${mprn},2025-01-15T10:30:00Z,1,E`, 2)
    expect(parsed).toMatchObject({ ok: true, row: { meterPoint: '0012345678', quality: 'estimated' } })
    expect(parseIntervalLine('012345,2025-01-15T10:30:00Z,1,E', 2)).toMatchObject({ row: { meterPoint: '012345' } })
  })

  it('accepts milliseconds of zero and no seconds, as toISOString and others write them', () => {
    expect(parseIntervalLine(`${mpan},2025-01-15T10:30:00.000Z,1,A`, 2)).toMatchObject({ ok: true })
    expect(parseIntervalLine(`${mpan},2025-01-15T10:30Z,1,A`, 2)).toMatchObject({ ok: true })
  })

  it('accepts both offsets of the repeated hour on the day the clocks go back, as different instants', () => {
    const summer = parseIntervalLine(`${mpan},2025-10-26T01:30:00+01:00,0.1,A`, 2)
    const winter = parseIntervalLine(`${mpan},2025-10-26T01:30:00+00:00,0.2,A`, 3)
    expect(summer).toMatchObject({ ok: true, row: { intervalStart: new Date('2025-10-26T00:30:00Z') } })
    expect(winter).toMatchObject({ ok: true, row: { intervalStart: new Date('2025-10-26T01:30:00Z') } })
  })

  it('accepts the quality as A, E, actual or estimated in any case', () => {
    const quality = (text: string) => {
      const parsed = parseIntervalLine(`${mpan},2025-01-15T10:30:00Z,1,${text}`, 2)
      return parsed.ok ? parsed.row.quality : parsed.message
    }
    expect(['A', 'a', 'actual', 'ACTUAL', 'E', 'e', 'estimated', 'Estimated'].map(quality)).toEqual([
      'actual',
      'actual',
      'actual',
      'actual',
      'estimated',
      'estimated',
      'estimated',
      'estimated',
    ])
  })

  it('keeps kwh exact in a canonical form without needless zeros', () => {
    const kwh = (text: string) => {
      const parsed = parseIntervalLine(`${mpan},2025-01-15T10:30:00Z,${text},A`, 2)
      return parsed.ok ? parsed.row.kwh : parsed.message
    }
    expect(['0.250', '0.25', '007.000', '0', '0.0', '999.999', '12.3450', '0.2500', '100'].map(kwh)).toEqual([
      '0.25',
      '0.25',
      '7',
      '0',
      '0',
      '999.999',
      '12.345',
      '0.25',
      '100',
    ])
  })

  it('ignores the carriage return of a CRLF line', () => {
    expect(parseIntervalLine(`${mpan},2025-01-15T10:30:00Z,0.5,E\r`, 2)).toMatchObject({
      ok: true,
      row: { quality: 'estimated', kwh: '0.5' },
    })
  })

  it('reads fields wrapped in double quotes', () => {
    expect(parseIntervalLine(`"${mpan}","2025-01-15T10:30:00Z","0.500","A"`, 2)).toMatchObject({
      ok: true,
      row: { meterPoint: mpan, kwh: '0.5', quality: 'actual' },
    })
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,"1,5",A`)).toBe('kwh "1,5" is not a number')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,"say ""hi""",A`)).toBe('kwh "say \\"hi\\"" is not a number')
    expect(messageOf(`${mpan},"2025-01-15T10:30:00Z,0.5,A`)).toBe('field 2 has an opening quote but no closing one')
    expect(messageOf(`${mpan},"2025-01-15T10:30:00Z"x,0.5,A`)).toBe('field 2 has text after its closing quote')
  })

  it('refuses a line with the wrong number of fields', () => {
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.5`)).toBe(
      'the line has 3 fields, not 4 (meter_point,interval_start,kwh,quality)',
    )
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.5,A,extra`)).toMatch(/^the line has 5 fields, not 4/)
    expect(messageOf('just text')).toMatch(/^the line has 1 field, not 4/)
    expect(messageOf('')).toBe('the line is blank')
  })

  it('refuses a bad meter point, naming the field', () => {
    expect(messageOf(',2025-01-15T10:30:00Z,0.5,A')).toBe('meter_point is empty')
    expect(messageOf('10000000000I2,2025-01-15T10:30:00Z,0.5,A')).toBe(
      'meter_point "10000000000I2" is not an MPAN core or MPRN: it must be digits only',
    )
    expect(messageOf('100000000001,2025-01-15T10:30:00Z,0.5,A')).toBe(
      'meter_point "100000000001" is neither an MPAN core (13 digits) nor an MPRN (6 to 10 digits)',
    )
    expect(messageOf('1000000000013,2025-01-15T10:30:00Z,0.5,A')).toBe(
      'meter_point 1000000000013 is not a valid MPAN core: check digit should be 2, not 3',
    )
    expect(messageOf(`${withCheckDigit('990000000001')},2025-01-15T10:30:00Z,0.5,A`)).toMatch(
      /distributor id 99 is not a GB distributor/,
    )
  })

  it('refuses an interval start that is not an ISO time with an offset', () => {
    expect(messageOf(`${mpan},not-a-time,0.5,A`)).toBe(
      'interval_start "not-a-time" is not an ISO 8601 time with an offset, like 2025-10-26T01:30:00+01:00',
    )
    expect(messageOf(`${mpan},2025-01-15T10:30:00,0.5,A`)).toBe(
      'interval_start "2025-01-15T10:30:00" has no offset: add Z or one like +01:00',
    )
    expect(messageOf(`${mpan},2025-01-15 10:30:00Z,0.5,A`)).toMatch(/^interval_start .* is not an ISO 8601 time/)
    expect(messageOf(`${mpan},2025-01-15T10:30:00+0100,0.5,A`)).toMatch(/^interval_start .* is not an ISO 8601 time/)
    expect(messageOf(`${mpan},,0.5,A`)).toBe('interval_start is empty')
  })

  it('refuses a date or time that does not exist', () => {
    expect(messageOf(`${mpan},2025-02-29T00:00:00Z,0.5,A`)).toBe(
      'interval_start "2025-02-29T00:00:00Z" is not a real date and time',
    )
    expect(parseIntervalLine(`${mpan},2024-02-29T00:00:00Z,0.5,A`, 2)).toMatchObject({ ok: true })
    expect(messageOf(`${mpan},2025-01-15T24:00:00Z,0.5,A`)).toMatch(/not a real date and time/)
    expect(messageOf(`${mpan},2025-13-01T00:00:00Z,0.5,A`)).toMatch(/not a real date and time/)
  })

  it('finds the same instant as Date.parse for any half hour, offset and calendar date', () => {
    const anyWritten = fc.record({
      halfHours: fc.integer({ min: -2_000_000, max: 2_000_000 }), // about 1856 to 2084
      offsetMinutes: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }).filter((minutes) => minutes % 30 === 0),
      seconds: fc.boolean(),
    })
    fc.assert(
      fc.property(anyWritten, ({ halfHours, offsetMinutes, seconds }) => {
        const instant = new Date(halfHours * 30 * 60 * 1000)
        const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, seconds ? 19 : 16)
        const sign = offsetMinutes < 0 ? '-' : '+'
        const size = Math.abs(offsetMinutes)
        const offset = `${sign}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`
        const text = `${local}${offset}`
        expect(Date.parse(text)).toBe(instant.getTime())
        expect(parseIntervalLine(`${mpan},${text},1,A`, 2)).toMatchObject({ ok: true, row: { intervalStart: instant } })
      }),
    )
  })

  it('refuses an interval that does not start on a half hour', () => {
    const message = 'is not on a half-hour boundary (:00 or :30, no seconds)'
    expect(messageOf(`${mpan},2025-01-15T10:15:00Z,0.5,A`)).toBe(`interval_start "2025-01-15T10:15:00Z" ${message}`)
    expect(messageOf(`${mpan},2025-01-15T10:30:01Z,0.5,A`)).toMatch(/half-hour boundary/)
    expect(messageOf(`${mpan},2025-01-15T10:30:00.5Z,0.5,A`)).toMatch(/half-hour boundary/)
    // half past in a zone whose offset is not whole half hours is not a half-hour instant
    expect(messageOf(`${mpan},2025-01-15T10:30:00+05:45,0.5,A`)).toMatch(/half-hour boundary/)
  })

  it('refuses a kwh that is not a plain non-negative number below 1000 with at most 3 decimals', () => {
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,abc,A`)).toBe('kwh "abc" is not a number')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,,A`)).toBe('kwh is empty')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,-0.1,A`)).toBe('kwh "-0.1" is negative: it must be 0 or more')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,1000,A`)).toBe('kwh "1000" is too large: it must be below 1000')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.1234,A`)).toBe('kwh "0.1234" has more than 3 decimal places')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.30000000000000004,A`)).toMatch(/more than 3 decimal places/)
    for (const text of ['1e3', '+1', '.5', '5.', '1.2.3', ' 1', '1 ', 'NaN', 'Infinity', '0x10']) {
      expect(messageOf(`${mpan},2025-01-15T10:30:00Z,${text},A`)).toBe(`kwh ${JSON.stringify(text)} is not a number`)
    }
  })

  it('refuses an unknown quality', () => {
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.5,X`)).toBe('quality "X" is not A, E, actual or estimated')
    expect(messageOf(`${mpan},2025-01-15T10:30:00Z,0.5,`)).toBe('quality "" is not A, E, actual or estimated')
  })

  it('reports the first bad field of a row', () => {
    expect(messageOf('12,not-a-time,abc,X')).toMatch(/^meter_point/)
    expect(messageOf(`${mpan},not-a-time,abc,X`)).toMatch(/^interval_start/)
  })
})

describe('writing an interval line', () => {
  it('writes the instant in UTC and the quality as A or E', () => {
    const row = { meterPoint: mpan, intervalStart: new Date('2025-10-26T00:30:00Z'), kwh: '0.25', quality: 'estimated' }
    expect(intervalCsvLine({ ...row, quality: 'estimated' })).toBe(`${mpan},2025-10-26T00:30:00Z,0.25,E`)
    expect(intervalCsvLine({ ...row, quality: 'actual' })).toBe(`${mpan},2025-10-26T00:30:00Z,0.25,A`)
  })

  it('is read back as the same row', () => {
    const anyRow = fc.record({
      meterPoint: fc.oneof(
        fc
          .stringMatching(/^[1-2][0-9]{11}$/)
          .filter((text) => Number(text.slice(0, 2)) <= 23)
          .map(withCheckDigit),
        fc.stringMatching(/^[0-9]{6,10}$/),
      ),
      intervalStart: fc
        .integer({ min: 0, max: 200_000 })
        .map((halfHours) => new Date(Date.UTC(2020, 0, 1) + halfHours * 30 * 60 * 1000)),
      kwh: fc.integer({ min: 0, max: 999_999 }).map((thousandths) => {
        const text = (thousandths / 1000).toFixed(3).replace(/0+$/, '')
        return text.endsWith('.') ? text.slice(0, -1) : text
      }),
      quality: fc.constantFrom('actual' as const, 'estimated' as const),
    })
    fc.assert(
      fc.property(anyRow, (row) => {
        expect(parseIntervalLine(intervalCsvLine(row), 2)).toEqual({ ok: true, line: 2, row })
      }),
    )
  })
})

describe('reading an interval CSV', () => {
  it('yields each row in order with its line number, the header being line 1', async () => {
    const items = await collect([
      intervalCsvHeader,
      `${mpan},2025-01-15T10:00:00Z,0.5,A`,
      `${mpan},2025-01-15T10:30:00Z,abc,A`,
      `${mprn},2025-01-15T10:00:00Z,1.25,E`,
    ])
    expect(items).toEqual([
      { ok: true, line: 2, row: expect.objectContaining({ meterPoint: mpan, kwh: '0.5' }) },
      { ok: false, line: 3, message: 'kwh "abc" is not a number' },
      { ok: true, line: 4, row: expect.objectContaining({ meterPoint: mprn, kwh: '1.25' }) },
    ])
  })

  it('ignores blank lines, the trailing ones included', async () => {
    const items = await collect([intervalCsvHeader, `${mpan},2025-01-15T10:00:00Z,0.5,A`, '', '\r', '  '])
    expect(items).toEqual([{ ok: true, line: 2, row: expect.objectContaining({ kwh: '0.5' }) }])
  })

  it('stops at a wrong header with one fatal problem for line 1', async () => {
    const items = await collect(['mpan,start,value', `${mpan},2025-01-15T10:00:00Z,0.5,A`])
    expect(items).toEqual([{ ok: false, line: 1, message: expect.stringMatching(/^the header must be/), fatal: true }])
  })

  it('reports an empty file as fatal', async () => {
    expect(await collect([])).toEqual([{ ok: false, line: 1, message: expect.stringMatching(/empty/), fatal: true }])
  })

  it('reads plain iterables too', async () => {
    const items: IntervalCsvItem[] = []
    for await (const item of readIntervalCsv([intervalCsvHeader, `${mpan},2025-01-15T10:00:00Z,0.5,A`]))
      items.push(item)
    expect(items).toHaveLength(1)
  })
})
