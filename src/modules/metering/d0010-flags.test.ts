/**
 * Issue 21, item 4 (MET-3, MET-5): a D0010 reading whose meter point failed validation (status F)
 * or whose Meter Reading Flag is F is stored, held for review with the reason, and never reaches
 * billing as an actual.
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import * as metering from './index.js'
import { smartImportTestFile } from './testing.js'

const testPoint = smartImportTestFile()
const { agent, at, mpan, run } = testPoint

describe('D0010 readings flagged failed or invalid (issue 21, item 4)', () => {
  it('names the flag that holds a reading, and holds none that is valid or only unvalidated', () => {
    expect(metering.d0010HoldReason({ validationStatus: 'V', readingFlag: true })).toBeNull()
    expect(metering.d0010HoldReason({ validationStatus: 'U', readingFlag: true })).toBeNull()
    expect(metering.d0010HoldReason({ validationStatus: 'F', readingFlag: true })).toContain('validation status F')
    expect(metering.d0010HoldReason({ validationStatus: 'V', readingFlag: false })).toContain('Meter Reading Flag F')
  })

  it('stores a failed-validation read and an invalid-flag read as held with the reason, and bills neither', async () => {
    const text = [
      'ZHV|0000000002|D0010002|D|UDMS|X|CUTL|20261122100000||||OPER|',
      `026|${mpan}|V|`,
      '028|21L0000001|C|',
      '030|S|20250301120000|01000.0|||T|N|',
      `026|${mpan}|F|`,
      '028|21L0000001|C|',
      // 1,000.0 → 9,999.0 in a month would itself be held as implausible; here the F status holds it
      '030|S|20250401120000|09999.0|||T|N|',
      `026|${mpan}|V|`,
      '028|21L0000001|C|',
      // lower than the read before it: refused if it were an actual; flagged invalid, it is held
      '030|S|20250501120000|00500.0|||F|N|',
      'ZPT|0000000002|9||3|20261122100000|',
    ].join('\n')
    const summary = await run((tx) =>
      metering.ingestD0010({ tx, text, fileName: 'flags.d0010', sha256: null, actor: agent, at }),
    )
    expect(summary).toMatchObject({ total: 3, inserted: 1, held: 2, rejected: 0 })

    const { rows } = await sql<{ value: string; status: string; reason: string | null }>`
      select value, status, reason from register_readings order by read_at`.execute(testPoint.db)
    expect(rows).toEqual([
      { value: '1000.0', status: 'accepted', reason: null },
      { value: '9999.0', status: 'held', reason: expect.stringContaining('validation status F (failed validation)') },
      { value: '500.0', status: 'held', reason: expect.stringContaining('Meter Reading Flag F') },
    ])

    // What billing reads: only the valid read of 1 March, not the held ones of April and May.
    const billable = await run(async (tx) => {
      const [register] = await sql<{ id: string }>`select id from registers`.execute(tx).then((r) => r.rows)
      return metering.readingsForBilling({
        tx,
        registerIds: [register?.id ?? ''],
        from: new Date('2025-01-01T00:00:00Z'),
        to: new Date('2025-06-01T00:00:00Z'),
      })
    })
    expect(billable.map((reading) => reading.value)).toEqual(['1000.0'])
  })
})
