import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type Database, inTransaction } from '../../db/index.js'
import { listMigrations, migrate } from '../../db/migrate.js'
import { openTestDatabase } from '../../db/testing.js'
import { startOfLocalDay } from '../../shared/time.js'
import * as metering from './index.js'

// Half-hourly data is stored a row per meter point and UTC day (migration 0018): these tests hold
// the merge's rules and the view `intervals` to what a row per half hour gave.

const at = new Date('2026-11-22T10:00:00Z')
const halfHour = 1_800_000
let database: Database

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

const run = <T>(work: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
  inTransaction(database.db, work)

type Row = { meterPointId: string; intervalStart: Date; kwh: string; quality: 'actual' | 'estimated' }

/** Load rows as staged from a file, numbered from line 2 (under the header) unless they carry lines. */
function load(ingestionId: string, rows: readonly (Row | metering.IntervalToStage)[]) {
  const staged = rows.map((row, i) => ({ line: i + 2, ...row }))
  return run((tx) => metering.loadIntervals({ tx, ingestionId, at, rows: staged }))
}

async function stored(meterPointId: string) {
  const result = await sql<{ interval_start: Date; kwh: string; quality: string }>`
    select interval_start, kwh::text as kwh, quality from intervals where meter_point_id = ${meterPointId}
    order by interval_start`.execute(database.db)
  return result.rows.map((row) => [row.interval_start.toISOString(), row.kwh, row.quality])
}

describe('half hours stored by UTC day', () => {
  it('merges into a stored day: new, changed, equal, an estimate over an actual (kept) and an actual over an estimate', async () => {
    const id = 'mp_days_merge'
    const base = Date.parse('2026-03-29T00:00:00Z')
    await load('ing_first', [
      { meterPointId: id, intervalStart: new Date(base), kwh: '0.100', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + halfHour), kwh: '0.200', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + 2 * halfHour), kwh: '0.300', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + 3 * halfHour), kwh: '0.4', quality: 'estimated' },
    ])
    const second = await load('ing_second', [
      { meterPointId: id, intervalStart: new Date(base), kwh: '0.100', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + halfHour), kwh: '0.250', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + 2 * halfHour), kwh: '9', quality: 'estimated' },
      { meterPointId: id, intervalStart: new Date(base + 3 * halfHour), kwh: '0.450', quality: 'actual' },
      { meterPointId: id, intervalStart: new Date(base + 47 * halfHour), kwh: '999.999', quality: 'actual' },
    ])
    expect(second).toEqual({ staged: 5, distinct: 5, written: 3, revised: 2 })
    expect(await stored(id)).toEqual([
      ['2026-03-29T00:00:00.000Z', '0.100', 'actual'],
      ['2026-03-29T00:30:00.000Z', '0.250', 'actual'],
      ['2026-03-29T01:00:00.000Z', '0.300', 'actual'],
      ['2026-03-29T01:30:00.000Z', '0.450', 'actual'],
      ['2026-03-29T23:30:00.000Z', '999.999', 'actual'],
    ])
    const revisions = await sql<{ start: Date; old_kwh: string; new_kwh: string; old_quality: string }>`
      select interval_start as start, old_kwh::text, new_kwh::text, old_quality from interval_revisions
      where meter_point_id = ${id} order by interval_start`.execute(database.db)
    expect(revisions.rows).toEqual([
      { start: new Date(base + halfHour), old_kwh: '0.200', new_kwh: '0.250', old_quality: 'actual' },
      { start: new Date(base + 3 * halfHour), old_kwh: '0.400', new_kwh: '0.450', old_quality: 'estimated' },
    ])
  })

  it('lets the later line win when a day is met again after thousands of others, and when a file repeats a half hour', async () => {
    const start = Date.parse('2026-01-05T12:00:00Z')
    const rows: Row[] = [{ meterPointId: 'mp_days_0', intervalStart: new Date(start), kwh: '1.000', quality: 'actual' }]
    // 5,000 other meter points' days open in between: more than are gathered at once.
    for (let i = 1; i <= 5000; i++) {
      rows.push({ meterPointId: `mp_days_${i}`, intervalStart: new Date(start), kwh: '0.010', quality: 'actual' })
    }
    rows.push({ meterPointId: 'mp_days_0', intervalStart: new Date(start), kwh: '2.000', quality: 'estimated' })
    rows.push({ meterPointId: 'mp_days_1', intervalStart: new Date(start), kwh: '0.020', quality: 'actual' })
    rows.push({ meterPointId: 'mp_days_1', intervalStart: new Date(start), kwh: '0.030', quality: 'actual' })
    const result = await load('ing_repeats', rows)
    expect(result).toEqual({ staged: 5004, distinct: 5001, written: 5001, revised: 0 })
    expect(await stored('mp_days_0')).toEqual([['2026-01-05T12:00:00.000Z', '2.000', 'estimated']])
    expect(await stored('mp_days_1')).toEqual([['2026-01-05T12:00:00.000Z', '0.030', 'actual']])
    expect(await stored('mp_days_5000')).toEqual([['2026-01-05T12:00:00.000Z', '0.010', 'actual']])
  })

  it('refuses rows out of line order or off the half hour, and kWh it cannot store exactly', async () => {
    const row = {
      meterPointId: 'mp_days_bad',
      intervalStart: new Date('2026-02-01T00:00:00Z'),
      kwh: '1',
      quality: 'actual' as const,
    }
    await expect(
      load('ing_bad_1', [
        { ...row, line: 3 },
        { ...row, line: 2 },
      ]),
    ).rejects.toThrow(/out of line order/)
    await expect(
      load('ing_bad_2', [{ ...row, line: 2, intervalStart: new Date('2026-02-01T00:10:00Z') }]),
    ).rejects.toThrow(/not on a half hour/)
    await expect(load('ing_bad_3', [{ ...row, line: 2, kwh: '0.0001' }])).rejects.toThrow(/at most 3 decimal places/)
    expect(await stored('mp_days_bad')).toEqual([])
    expect(metering.kwhThousandths('0.1230')).toBe(123)
    expect(metering.kwhThousandths('12')).toBe(12_000)
  })

  it('reads a billing period by local days from the UTC days around it, and none where only the edges hold data', async () => {
    // October 2026 in London: 1 October 00:00 BST is 30 September 23:00 UTC.
    const from = startOfLocalDay('2026-10-01')
    const to = startOfLocalDay('2026-10-02')
    const inside = 'mp_days_edge_in'
    const outside = 'mp_days_edge_out'
    await load('ing_edges', [
      { meterPointId: inside, intervalStart: new Date('2026-09-30T22:30:00Z'), kwh: '5', quality: 'actual' },
      { meterPointId: inside, intervalStart: new Date('2026-09-30T23:00:00Z'), kwh: '1', quality: 'actual' },
      { meterPointId: inside, intervalStart: new Date('2026-10-01T22:30:00Z'), kwh: '2', quality: 'estimated' },
      { meterPointId: inside, intervalStart: new Date('2026-10-01T23:00:00Z'), kwh: '7', quality: 'actual' },
      { meterPointId: outside, intervalStart: new Date('2026-09-30T22:30:00Z'), kwh: '5', quality: 'actual' },
      { meterPointId: outside, intervalStart: new Date('2026-10-01T23:00:00Z'), kwh: '5', quality: 'actual' },
    ])
    const many = await run((tx) => metering.intervalsForBillingMany({ tx, meterPointIds: [inside, outside], from, to }))
    expect(many.has(outside)).toBe(false)
    const columns = metering.halfHourColumns(many.get(inside)!)
    expect(Array.from(columns.startsMs, (ms) => new Date(ms).toISOString())).toEqual([
      '2026-09-30T23:00:00.000Z',
      '2026-10-01T22:30:00.000Z',
    ])
    expect(Array.from(columns.thousandths)).toEqual([1000, 2000])
    expect(Array.from(columns.estimated)).toEqual([0, 1])
    const one = await run((tx) => metering.intervalsForBilling({ tx, meterPointId: inside, from, to }))
    expect(one.map((row) => [row.start.toISOString(), row.kwh, row.quality])).toEqual([
      ['2026-09-30T23:00:00.000Z', '1.000', 'actual'],
      ['2026-10-01T22:30:00.000Z', '2.000', 'estimated'],
    ])
  })

  it('reads every slot of a day, the estimate of slot 47 included (masks past 32 bits)', async () => {
    const id = 'mp_days_full'
    const day = Date.parse('2026-06-10T00:00:00Z')
    const rows: Row[] = Array.from({ length: 48 }, (_, slot) => ({
      meterPointId: id,
      intervalStart: new Date(day + slot * halfHour),
      kwh: `${slot}.${String(slot * 7).padStart(3, '0')}`,
      quality: slot % 3 === 2 || slot === 47 ? 'estimated' : 'actual',
    }))
    await load('ing_full', rows)
    const many = await run((tx) =>
      metering.intervalsForBillingMany({
        tx,
        meterPointIds: [id],
        from: new Date(day),
        to: new Date(day + 86_400_000),
      }),
    )
    const columns = metering.halfHourColumns(many.get(id)!)
    expect(Array.from(columns.thousandths)).toEqual(rows.map((row) => metering.kwhThousandths(row.kwh)))
    expect(Array.from(columns.estimated)).toEqual(rows.map((row) => (row.quality === 'estimated' ? 1 : 0)))
    expect(await stored(id)).toEqual(
      rows.map((row) => [
        row.intervalStart.toISOString(),
        (metering.kwhThousandths(row.kwh) / 1000).toFixed(3),
        row.quality,
      ]),
    )
  })
})

describe('migration 0018', () => {
  it('moves half hours stored a row each into day rows, unchanged as read through the view', async () => {
    const databaseUrl = process.env['DATABASE_URL']
    const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined
    const old = await connect({ databaseUrl, dataDir: 'memory', ...(schema ? { schema, poolSize: 2 } : {}) })
    try {
      const before = listMigrations().filter((migration) => migration.name < '0018')
      await old.execScript(`create table schema_migrations (name text primary key, checksum text not null,
        applied_at timestamptz not null default now())`)
      for (const migration of before) {
        await old.execScript(
          `${migration.sql}\n;insert into schema_migrations (name, checksum) values ('${migration.name}', '${migration.checksum}');`,
        )
      }
      await old.execScript(`
        create table intervals_2025_10 partition of intervals for values from ('2025-10-01 00:00+00') to ('2025-11-01 00:00+00');
        insert into intervals (meter_point_id, interval_start, kwh, quality, ingestion_id)
        select 'mp_old', t, ((extract(epoch from t)::bigint / 1800) % 997) / 1000.0,
          case when (extract(epoch from t)::bigint / 1800) % 5 = 0 then 'estimated' else 'actual' end, 'ing_old'
        from generate_series(timestamptz '2025-10-25 00:00+00', timestamptz '2025-10-27 23:30+00', interval '30 minutes') t
        where (extract(epoch from t)::bigint / 1800) % 7 <> 3;`)
      const read = async () =>
        (
          await sql<{ at: Date; kwh: string; quality: string }>`select interval_start as at, kwh::text as kwh, quality
            from intervals order by interval_start`.execute(old.db)
        ).rows
      const rows = await read()
      expect(rows.length).toBeGreaterThan(120)
      const applied = await migrate(old)
      expect(applied.applied).toEqual(
        listMigrations()
          .filter((migration) => migration.name >= '0018')
          .map((m) => m.name),
      )
      expect(await read()).toEqual(rows)
      const days = await sql<{ n: number }>`select count(*)::int as n from interval_days`.execute(old.db)
      expect(days.rows[0]?.n).toBe(3)
    } finally {
      if (schema) await old.execScript(`drop schema if exists ${schema} cascade`)
      await old.close()
    }
  })
})
