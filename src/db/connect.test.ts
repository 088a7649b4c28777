import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './connect.js'
import { listMigrations, migrate } from './migrate.js'
import { openTestDatabase } from './testing.js'

let database: Database

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

describe('the database layer', () => {
  it('returns bigint, exact numeric, date strings, instants and parsed json the same way on both backends', async () => {
    const result = await sql<{
      big: bigint
      exact: string
      day: string
      at: Date
      doc: { a: number }
    }>`select 9007199254740993::int8 as big, 24.56712::numeric(10,5) as exact, date '2026-03-29' as day,
      timestamptz '2026-03-29T01:30:00Z' as at, '{"a":1}'::jsonb as doc`.execute(database.db)
    const row = result.rows[0]
    expect(row).toEqual({
      big: 9007199254740993n,
      exact: '24.56712',
      day: '2026-03-29',
      at: new Date('2026-03-29T01:30:00Z'),
      doc: { a: 1 },
    })
  })

  it('has pg_trgm and btree_gist available', async () => {
    const result = await sql<{ score: number }>`select similarity('ashworth', 'ashwroth') as score`.execute(database.db)
    expect(result.rows[0]?.score).toBeGreaterThan(0.2)
    await sql`select 'x'::text = 'x' and gbt_text_consistent is not null from (select 'gbt_text_consistent'::regproc) p(gbt_text_consistent)`.execute(
      database.db,
    )
  })

  it('applies each migration once and records it', async () => {
    const again = await migrate(database)
    expect(again.applied).toEqual([])
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(database.db)
    expect(rows.rows.map((row) => row.name)).toEqual(listMigrations().map((m) => m.name))
  })

  it('refuses to update or delete an append-only row', async () => {
    await sql`insert into audit_events (id, occurred_at, actor_kind, action, subject_type, subject_id, prev_hash, hash)
      values ('evt_1', now(), 'system', 'test.thing.done', 'thing', 'x', '', 'h1')`.execute(database.db)
    await expect(sql`update audit_events set action = 'test.thing.undone'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/)
  })
})
