/**
 * Issue 19, hole 10: a reading's date outside the plausible range (2000-01-01 to a year after the
 * import) or outside the meter point's supply is a row error with its line, the other rows are kept,
 * and nothing of it reaches the database (no error from PostgreSQL, no partition for year 1).
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import * as metering from './index.js'
import { smartImportTestFile } from './testing.js'

const testPoint = smartImportTestFile()
const { agent, at, mpan, run } = testPoint

async function partitions(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'interval_days' order by 1`.execute(testPoint.db)
  return rows.map((row) => row.name)
}

describe('reading dates on import (issue 19, hole 10)', () => {
  it('gives each implausible or unsupplied interval a row error with its line, and keeps the others', async () => {
    const lines = [
      metering.intervalCsvHeader,
      `${mpan},2025-03-01T00:00:00Z,0.5,A`,
      `${mpan},0000-01-01T00:00:00Z,0.5,A`,
      `${mpan},0001-01-01T00:00:00Z,0.5,A`,
      `${mpan},2026-02-30T00:00:00Z,0.5,A`,
      `${mpan},9999-12-31T00:00:00Z,0.5,A`,
      `${mpan},1999-12-31T23:30:00Z,0.5,A`,
      `${mpan},2023-12-31T12:00:00Z,0.5,A`,
      `${mpan},2025-03-01T00:30:00Z,0.5,A`,
    ]
    const summary = await run((tx) =>
      metering.ingestIntervalCsv({ tx, lines, fileName: 'dates.csv', sha256: null, actor: agent, at }),
    )
    expect(summary).toMatchObject({ total: 8, inserted: 2, rejected: 6 })
    expect(summary.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(summary.problems[0]?.message).toContain('before 2000-01-01')
    expect(summary.problems[1]?.message).toContain('before 2000-01-01')
    expect(summary.problems[5]?.message).toContain('supply started on 2024-01-01')
    expect(await partitions()).toEqual(['interval_days_2025_03'])
  })

  it('gives each implausible or unsupplied D0010 reading a row error with its line, and keeps the others', async () => {
    const text = [
      'ZHV|0000000001|D0010002|D|UDMS|X|CUTL|20261122100000||||OPER|',
      `026|${mpan}|V|`,
      '028|21L0000001|C|',
      '030|S|20250301120000|01000.0|||T|N|',
      '030|S|00000101120000|01001.0|||T|N|',
      '030|S|00010101120000|01002.0|||T|N|',
      '030|S|20260230120000|01003.0|||T|N|',
      '030|S|99991231120000|01004.0|||T|N|',
      '030|S|20231201120000|00900.0|||T|N|',
      '030|S|20250401120000|01100.0|||T|N|',
      'ZPT|0000000001|9||1|20261122100000|',
    ].join('\n')
    const summary = await run((tx) =>
      metering.ingestD0010({ tx, text, fileName: 'dates.d0010', sha256: null, actor: agent, at }),
    )
    expect(summary.problems.map((problem) => problem.line)).toEqual([5, 6, 7, 8, 9])
    expect(summary).toMatchObject({ inserted: 2, rejected: 5 })
    expect(summary.problems.find((problem) => problem.line === 9)?.message).toContain('supply started on 2024-01-01')
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from register_readings`.execute(testPoint.db)
    expect(rows[0]?.n).toBe(2)
  })
})

describe('month partition names', () => {
  it('zero-pads the year and the month', () => {
    expect(metering.monthPartitionSuffix(2026, 3)).toBe('2026_03')
    expect(metering.monthPartitionSuffix(999, 12)).toBe('0999_12')
  })
})
