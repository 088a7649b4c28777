import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvDocument, csvField } from './csv.js'

/** A plain RFC 4180 reader, to read back what the writer wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  return rows
}

const formulaStart = ['=', '+', '-', '@', '\t', '\r']
const hostile = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom(...formulaStart), fc.string()).map(([start, rest]) => start + rest),
  fc.constantFrom('=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', 'a,"b"\r\nc'),
)

describe('the shared CSV writer', () => {
  it('quotes commas, quotes and line breaks, and keeps formulas as text', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('Ashworth, Eleanor')).toBe('"Ashworth, Eleanor"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"')
    expect(csvField('\tTab')).toBe("'\tTab")
    expect(csvField('\rReturn')).toBe('"\'\rReturn"')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
  })

  it('writes numbers as numbers, a negative amount included, but text that looks like one as text', () => {
    expect(csvField(-1250n)).toBe('-1250')
    expect(csvField(-0.5)).toBe('-0.5')
    expect(csvField(12)).toBe('12')
    expect(csvField('-1250')).toBe("'-1250")
  })

  it('ends every line, the last included, with CRLF', () => {
    expect(csvDocument({ header: ['a', 'b'], rows: [['1', 2n]] })).toBe('a,b\r\n1,2\r\n')
  })

  it('reads back every text exactly, with a quote mark before each that a spreadsheet would run', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostile, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const back = readCsv(csvDocument({ header: ['h'], rows }))
        expect(back).toEqual([['h'], ...rows.map((row) => row.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)))])
        for (const row of back.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})
