import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localDateOf } from '../../shared/time.js'
import { type D0010FileToWrite, type D0010Result, parseD0010, UnwritableD0010, writeD0010 } from './d0010.js'
import { withCheckDigit } from './mpan.js'

// 1200023305967 (London, _C): check digit worked out by hand in mpan.test.ts
const london = '1200023305967'
const merseyside = withCheckDigit('130000000001')

/** Lines joined into a file with '\n' and a final newline. */
const file = (...lines: string[]): string => `${lines.join('\n')}\n`

const header = 'ZHV|0000475656|D0010002|D|UDMS|X|CUTL|20250302153151||||OPER|'

// two meter points: the first Economy 7 (DY/NT), the second a single register read in summer time
const sample = file(
  header,
  `026|${london}|V|`,
  '028|F75A 00802|D|',
  '030|DY|20250222000000|56311.0|||T|N|',
  '030|NT|20250222000000|12345|||T|N|',
  `026|${merseyside}|U|`,
  '028|S95105287|C|',
  '030|S|20250715093000|81641.5|||F|P|',
  'ZPT|0000475656|7||2|20250302153151|',
)

function accepted(result: D0010Result) {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${JSON.stringify(result.errors)}`)
  return result
}

function errorsOf(text: string) {
  const result = parseD0010(text)
  if (result.ok) throw new Error('expected the file to be rejected')
  return result.errors
}

/** The sample with line `line` (1-based) replaced. */
function sampleWith(line: number, replacement: string): string {
  const lines = sample.split('\n')
  lines[line - 1] = replacement
  return lines.join('\n')
}

describe('parsing a D0010 file', () => {
  it('reads the header and every reading of a valid file, with its line', () => {
    const result = accepted(parseD0010(sample))
    expect(result.header).toEqual({
      fileId: '0000475656',
      flowVersion: 'D0010002',
      fromRole: 'D',
      fromParticipant: 'UDMS',
      toRole: 'X',
      toParticipant: 'CUTL',
      createdAt: new Date('2025-03-02T15:31:51Z'),
    })
    expect(result.rejected).toEqual([])
    expect(result.readings).toEqual([
      {
        line: 4,
        mpan: london,
        validationStatus: 'V',
        meterSerial: 'F75A 00802',
        readingType: 'D',
        registerId: 'DY',
        readAt: new Date('2025-02-22T00:00:00Z'),
        value: '56311.0',
        readingFlag: true,
        readingMethod: 'N',
      },
      {
        line: 5,
        mpan: london,
        validationStatus: 'V',
        meterSerial: 'F75A 00802',
        readingType: 'D',
        registerId: 'NT',
        readAt: new Date('2025-02-22T00:00:00Z'),
        value: '12345',
        readingFlag: true,
        readingMethod: 'N',
      },
      {
        line: 8,
        mpan: merseyside,
        validationStatus: 'U',
        meterSerial: 'S95105287',
        readingType: 'C',
        registerId: 'S',
        // 09:30 British Summer Time
        readAt: new Date('2025-07-15T08:30:00Z'),
        value: '81641.5',
        readingFlag: false,
        readingMethod: 'P',
      },
    ])
  })

  it('reads CRLF line endings, a BOM and lines without the final pipe the same way', () => {
    expect(parseD0010(sample.replaceAll('\n', '\r\n'))).toEqual(parseD0010(sample))
    expect(parseD0010(`\uFEFF${sample}`)).toEqual(parseD0010(sample))
    expect(parseD0010(sample.replaceAll('|\n', '\n'))).toEqual(parseD0010(sample))
  })

  it('ignores blank lines after the trailer and a missing final newline', () => {
    expect(parseD0010(`${sample}\n\r\n  \n`)).toEqual(parseD0010(sample))
    expect(parseD0010(sample.trimEnd())).toEqual(parseD0010(sample))
  })

  it('takes the earlier instant for a reading in the repeated hour when the clocks go back', () => {
    const result = accepted(parseD0010(sampleWith(8, '030|S|20251026013000|81641.5|||T|N|')))
    // 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT): the first is taken
    expect(result.readings[2]?.readAt).toEqual(new Date('2025-10-26T00:30:00Z'))
  })

  it('rejects a reading in the hour that does not exist when the clocks go forward, keeping the rest', () => {
    const result = accepted(parseD0010(sampleWith(8, '030|S|20250330013000|81641.5|||T|N|')))
    expect(result.readings.map((reading) => reading.line)).toEqual([4, 5])
    expect(result.rejected).toEqual([
      {
        line: 8,
        message: 'read date-time 20250330013000 does not exist in UK time: the clocks went forward over that hour',
      },
    ])
    // the minutes either side exist
    expect(accepted(parseD0010(sampleWith(8, '030|S|20250330005959|1|||T|N|'))).rejected).toEqual([])
    expect(accepted(parseD0010(sampleWith(8, '030|S|20250330020000|1|||T|N|'))).readings[2]?.readAt).toEqual(
      new Date('2025-03-30T01:00:00Z'),
    )
  })
})

describe('row-level problems in a D0010 file', () => {
  it('rejects every reading of a meter point whose MPAN is invalid, each on its own line, naming the MPAN', () => {
    const result = accepted(parseD0010(sampleWith(2, '026|1200023305964|V|')))
    expect(result.readings.map((reading) => reading.line)).toEqual([8])
    expect(result.rejected).toEqual([
      { line: 4, message: 'MPAN 1200023305964 (line 2): check digit should be 7, not 4' },
      { line: 5, message: 'MPAN 1200023305964 (line 2): check digit should be 7, not 4' },
    ])
  })

  it('rejects the readings of a meter point with an unknown validation status', () => {
    const result = accepted(parseD0010(sampleWith(6, `026|${merseyside}|X|`)))
    expect(result.rejected).toEqual([
      { line: 8, message: `MPAN ${merseyside} (line 6): validation status "X" is not V, U or F` },
    ])
    expect(result.readings).toHaveLength(2)
  })

  it('rejects the readings of a meter without a serial', () => {
    const result = accepted(parseD0010(sampleWith(7, '028||C|')))
    expect(result.rejected).toEqual([{ line: 8, message: 'meter "": the meter serial is empty' }])
  })

  it('rejects only the bad reading, saying why, and keeps the others', () => {
    const bad = (line: string) => accepted(parseD0010(sampleWith(5, line)))
    const cases: [string, string][] = [
      ['030|NT|2025022200000|12345|||T|N|', 'read date-time "2025022200000" is not a date-time written YYYYMMDDHHMMSS'],
      ['030|NT|20250230000000|12345|||T|N|', 'read date-time 20250230000000 is not a real date and time'],
      ['030|NT|20250222240000|12345|||T|N|', 'read date-time 20250222240000 is not a real date and time'],
      ['030|NT|20250222000000|-5|||T|N|', 'reading "-5" is not a non-negative decimal'],
      ['030|NT|20250222000000|12,345|||T|N|', 'reading "12,345" is not a non-negative decimal'],
      ['030|NT|20250222000000||||T|N|', 'reading "" is not a non-negative decimal'],
      ['030||20250222000000|12345|||T|N|', 'the register id is empty'],
      ['030|NT|20250222000000|12345|||Y|N|', 'reading flag "Y" is not T or F'],
      ['030||20250222000000|abc|||T|N|', 'the register id is empty; reading "abc" is not a non-negative decimal'],
    ]
    for (const [line, message] of cases) {
      const result = bad(line)
      expect(result.rejected).toEqual([{ line: 5, message }])
      expect(result.readings.map((reading) => reading.line)).toEqual([4, 8])
    }
  })
})

describe('structural problems reject a D0010 file whole', () => {
  it('refuses a file that does not start with a ZHV header', () => {
    expect(errorsOf(sampleWith(1, `026|${london}|V|`))).toContainEqual({
      line: 1,
      message: 'the file must start with a ZHV header, not "026"',
    })
    expect(errorsOf('')).toEqual([{ line: 1, message: 'the file is empty: it must start with a ZHV header' }])
  })

  it('refuses a malformed header, naming each problem', () => {
    expect(errorsOf(sampleWith(1, 'ZHV|0000475656|D0086001|D|UDMS|X|CUTL|20250302153151||||OPER|'))).toEqual([
      { line: 1, message: 'flow "D0086001" is not a D0010 flow' },
    ])
    expect(errorsOf(sampleWith(1, 'ZHV|0000475656|D0010002|D||X|CUTL|2025-03-02||||OPER|'))).toEqual([
      { line: 1, message: 'the ZHV header has no from participant' },
      { line: 1, message: 'the ZHV creation time "2025-03-02" is not a date-time written YYYYMMDDHHMMSS' },
    ])
  })

  it('refuses a file without a trailer', () => {
    const lines = sample.trimEnd().split('\n').slice(0, -1)
    expect(errorsOf(file(...lines))).toEqual([{ line: 8, message: 'the file ends without a ZPT trailer' }])
  })

  it('refuses a file that goes on after its trailer', () => {
    expect(errorsOf(`${sample}\n${`026|${london}|V|`}\n`)).toEqual([
      { line: 11, message: 'the file goes on after its ZPT trailer' },
    ])
  })

  it('refuses a wrong record count', () => {
    expect(errorsOf(sampleWith(9, 'ZPT|0000475656|9||2|20250302153151|'))).toEqual([
      { line: 9, message: 'the ZPT trailer counts 9 records but the file has 7 between its header and trailer' },
    ])
    expect(errorsOf(sampleWith(9, 'ZPT|0000475656|seven||2|20250302153151|'))).toEqual([
      { line: 9, message: 'the ZPT trailer\'s record count "seven" is not a number' },
    ])
  })

  it('refuses a wrong group count', () => {
    expect(errorsOf(sampleWith(9, 'ZPT|0000475656|7||3|20250302153151|'))).toEqual([
      { line: 9, message: 'the ZPT trailer counts 3 groups but the file has 2 026 meter point records' },
    ])
    expect(errorsOf(sampleWith(9, 'ZPT|0000475656|7|||20250302153151|'))).toEqual([
      { line: 9, message: 'the ZPT trailer\'s group count "" is not a number' },
    ])
  })

  it('refuses a trailer whose file id differs from the header’s', () => {
    expect(errorsOf(sampleWith(9, 'ZPT|0000475657|7||2|20250302153151|'))).toEqual([
      { line: 9, message: 'the ZPT trailer\'s file id "0000475657" differs from the header\'s "0000475656"' },
    ])
  })

  it('refuses a 030 reading before any 028 meter in its group', () => {
    expect(errorsOf(sampleWith(7, '030|S|20250715093000|81641.5|||F|P|'))).toEqual([
      { line: 7, message: 'a 030 register reading comes before any 028 meter record in its meter point' },
      { line: 8, message: 'a 030 register reading comes before any 028 meter record in its meter point' },
    ])
  })

  it('refuses a 028 meter or 030 reading before any 026 meter point', () => {
    expect(errorsOf(sampleWith(2, '028|F75A 00802|D|'))).toEqual([
      { line: 2, message: 'a 028 meter record comes before any 026 meter point record' },
      { line: 3, message: 'a 028 meter record comes before any 026 meter point record' },
      { line: 4, message: 'a 030 register reading comes before any 026 meter point record' },
      { line: 5, message: 'a 030 register reading comes before any 026 meter point record' },
      { line: 9, message: 'the ZPT trailer counts 2 groups but the file has 1 026 meter point records' },
    ])
  })

  it('refuses an unknown record type, a second header and a blank line inside the file', () => {
    expect(errorsOf(sampleWith(7, '029|S95105287|C|'))).toContainEqual({
      line: 7,
      message: 'unknown record type "029" in a D0010 file',
    })
    expect(errorsOf(sampleWith(6, header))).toContainEqual({
      line: 6,
      message: 'a second ZHV header: a file has one, on its first line',
    })
    expect(errorsOf(sampleWith(6, ''))).toContainEqual({
      line: 6,
      message: 'a blank line inside the file: every line must be a record',
    })
  })

  it('reports every structural error, not just the first', () => {
    const errors = errorsOf(
      file(
        header,
        '030|S|20250715093000|1|||T|N|',
        `026|${london}|V|`,
        '999|x|',
        'ZPT|0000475657|1||2|20250302153151|',
      ),
    )
    expect(errors.map((error) => error.line)).toEqual([2, 4, 5, 5, 5])
  })
})

describe('writing a D0010 file', () => {
  const toWrite: D0010FileToWrite = {
    fileId: 'CUT0000001',
    fromRole: 'X',
    fromParticipant: 'CUTL',
    toRole: 'D',
    toParticipant: 'UDMS',
    createdAt: new Date('2025-07-01T11:00:00Z'),
    groups: [
      {
        mpan: london,
        validationStatus: 'V',
        meters: [
          {
            serial: 'F75A 00802',
            readingType: 'N',
            registers: [
              {
                registerId: 'DY',
                readAt: new Date('2025-01-31T23:00:00Z'),
                value: '56311',
                readingFlag: true,
                readingMethod: 'N',
              },
              {
                registerId: 'NT',
                readAt: new Date('2025-01-31T23:00:00Z'),
                value: '12345.6',
                readingFlag: true,
                readingMethod: 'N',
              },
            ],
          },
        ],
      },
      {
        mpan: merseyside,
        validationStatus: 'V',
        meters: [
          {
            serial: 'S95105287',
            readingType: 'F',
            registers: [
              {
                registerId: 'S',
                readAt: new Date('2025-06-30T23:00:00Z'),
                value: '81641',
                readingFlag: false,
                readingMethod: 'P',
              },
            ],
          },
        ],
      },
    ],
  }

  it('writes header, groups and trailer with the counts, in UK local time, one record a line', () => {
    expect(writeD0010(toWrite)).toBe(
      file(
        'ZHV|CUT0000001|D0010002|X|CUTL|D|UDMS|20250701120000||||OPER|',
        `026|${london}|V|`,
        '028|F75A 00802|N|',
        '030|DY|20250131230000|56311|||T|N|',
        '030|NT|20250131230000|12345.6|||T|N|',
        `026|${merseyside}|V|`,
        '028|S95105287|F|',
        '030|S|20250701000000|81641|||F|P|',
        'ZPT|CUT0000001|7||2|20250701120000|',
      ),
    )
  })

  it('is read back as the same readings', () => {
    const result = accepted(parseD0010(writeD0010(toWrite)))
    expect(result.header).toMatchObject({ fileId: 'CUT0000001', createdAt: toWrite.createdAt, toParticipant: 'UDMS' })
    expect(result.rejected).toEqual([])
    expect(
      result.readings.map(
        ({ mpan, meterSerial, readingType, registerId, readAt, value, readingFlag, readingMethod }) => ({
          mpan,
          meterSerial,
          readingType,
          registerId,
          readAt,
          value,
          readingFlag,
          readingMethod,
        }),
      ),
    ).toEqual(
      toWrite.groups.flatMap((group) =>
        group.meters.flatMap((meter) =>
          meter.registers.map((register) => ({
            mpan: group.mpan,
            meterSerial: meter.serial,
            readingType: meter.readingType,
            ...register,
          })),
        ),
      ),
    )
  })

  it('writes an empty file that is still valid', () => {
    const text = writeD0010({ ...toWrite, groups: [] })
    expect(text).toBe(
      file('ZHV|CUT0000001|D0010002|X|CUTL|D|UDMS|20250701120000||||OPER|', 'ZPT|CUT0000001|0||0|20250701120000|'),
    )
    expect(accepted(parseD0010(text)).readings).toEqual([])
  })

  it('reads back every instant to the second, except the repeated autumn hour, which comes back an hour earlier', () => {
    const anyInstant = fc
      .integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 11, 31) / 1000 })
      .map((seconds) => new Date(seconds * 1000))
    fc.assert(
      fc.property(anyInstant, (readAt) => {
        const group = toWrite.groups[0]!
        const meter = group.meters[0]!
        const text = writeD0010({
          ...toWrite,
          groups: [{ ...group, meters: [{ ...meter, registers: [{ ...meter.registers[0]!, readAt }] }] }],
        })
        const back = accepted(parseD0010(text)).readings[0]!.readAt.getTime()
        if (back !== readAt.getTime()) {
          expect(back).toBe(readAt.getTime() - 3_600_000)
          expect(localDateOf(readAt).slice(5, 7)).toBe('10')
        }
      }),
    )
    // 01:30 GMT on 2025-10-26, the second 01:30 that day
    const second = new Date('2025-10-26T01:30:00Z')
    const group = toWrite.groups[0]!
    const meter = group.meters[0]!
    const text = writeD0010({
      ...toWrite,
      groups: [{ ...group, meters: [{ ...meter, registers: [{ ...meter.registers[0]!, readAt: second }] }] }],
    })
    expect(text).toContain('030|DY|20251026013000|')
    expect(accepted(parseD0010(text)).readings[0]?.readAt).toEqual(new Date('2025-10-26T00:30:00Z'))
  })

  it('refuses fields that would break the file, naming each', () => {
    const group = toWrite.groups[0]!
    const meter = group.meters[0]!
    const broken: D0010FileToWrite = {
      ...toWrite,
      fileId: '',
      groups: [
        {
          ...group,
          meters: [
            {
              ...meter,
              serial: 'F75A|00802',
              registers: [{ ...meter.registers[0]!, value: '-1', readAt: new Date(Number.NaN) }],
            },
          ],
        },
      ],
    }
    expect(() => writeD0010(broken)).toThrow(UnwritableD0010)
    try {
      writeD0010(broken)
    } catch (error) {
      expect(error).toMatchObject({
        code: 'UNWRITABLE_D0010',
        details: [
          { path: 'fileId', message: 'must not be empty' },
          { path: 'groups.0.meters.0.serial', message: 'must not contain | or a line break' },
          { path: 'groups.0.meters.0.registers.0.value', message: 'must be a non-negative decimal' },
          { path: 'groups.0.meters.0.registers.0.readAt', message: 'is not a valid instant' },
        ],
      })
    }
  })
})
