import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openTestDatabase, tarWithout, testDatabasesBooted } from './testing.js'

/** The names in a tar archive, read the way tarWithout reads them. */
function names(tar: Uint8Array): string[] {
  const found: string[] = []
  tarWithout(tar, (name) => {
    found.push(name)
    return false
  })
  return found
}

/** A one-file ustar entry: a header naming it with its size, then its contents padded to 512 bytes. */
function entry(name: string, contents: string): Uint8Array {
  const body = new TextEncoder().encode(contents)
  const header = new Uint8Array(512)
  header.set(new TextEncoder().encode(name), 0)
  header.set(new TextEncoder().encode(`${body.length.toString(8).padStart(11, '0')}\0`), 124)
  const padded = new Uint8Array(Math.ceil(body.length / 512) * 512)
  padded.set(body)
  return new Uint8Array([...header, ...padded])
}

describe('the test template', () => {
  it('drops the entries asked for and keeps the rest whole', () => {
    const tar = new Uint8Array([
      ...entry('a.txt', 'first'),
      ...entry('b.txt', 'x'.repeat(700)),
      ...new Uint8Array(1024),
    ])
    const trimmed = tarWithout(tar, (name) => name === 'a.txt')
    expect(names(trimmed)).toEqual(['b.txt'])
    expect(trimmed.length).toBe(512 + 1024 + 1024)
    expect(new TextDecoder().decode(trimmed.subarray(512, 512 + 700))).toBe('x'.repeat(700))
  })

  it.skipIf(Boolean(process.env['DATABASE_URL']))(
    'keeps one write-ahead log segment and no template databases on PGlite',
    () => {
      const file = process.env['CUTTLE_TEST_TEMPLATE']
      expect(file, 'the global setup names the template').toBeTruthy()
      const inside = names(new Uint8Array(readFileSync(file as string)))
      expect(inside.filter((name) => /pg_wal\/[0-9A-F]{24}$/.test(name))).toHaveLength(1)
      // base/5 is the postgres database the tests use; base/1 and base/4 were template1 and template0.
      expect(inside.some((name) => /(^|\/)base\/5\//.test(name))).toBe(true)
      expect(inside.some((name) => /(^|\/)base\/[14]\//.test(name))).toBe(false)
    },
  )
})

describe.skipIf(Boolean(process.env['DATABASE_URL']))('a PGlite test database given back', () => {
  const auditEvent = (id: string) => sql`insert into audit_events (id, occurred_at, actor_kind, action,
      subject_type, subject_id, prev_hash, hash)
    values (${id}, now(), 'system', 'test.probe.written', 'probe', ${id}, '', ${id})`

  it('is reused by the next file emptied back to the template, append-only tables and identities too', async () => {
    const first = await openTestDatabase()
    const migrations = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(first.db)
    await auditEvent('evt_probe_1').execute(first.db)
    await sql`insert into schema_migrations (name, checksum) values ('9999_probe', 'x')`.execute(first.db)
    await sql`begin`.execute(first.db)
    await first.close()
    const boots = testDatabasesBooted()

    const second = await openTestDatabase()
    expect(testDatabasesBooted(), 'the database given back is reused').toBe(boots)
    const counts = await sql<{ audit: number; migrations: number }>`select
        (select count(*)::int from audit_events) as audit, (select count(*)::int from schema_migrations) as migrations`.execute(
      second.db,
    )
    expect(counts.rows[0]).toEqual({ audit: 0, migrations: migrations.rows[0]?.n })
    // The identity starts again where the template's did: the first event is number 1.
    await auditEvent('evt_probe_2').execute(second.db)
    const seq = await sql<{ seq: string }>`select seq::text from audit_events`.execute(second.db)
    expect(seq.rows).toEqual([{ seq: '1' }])
    // The append-only triggers are on again in the reused session.
    await expect(sql`delete from audit_events`.execute(second.db)).rejects.toThrow()
    await second.close()
  })

  /**
   * Open a test database, run `script` on it and give it back, then open the next: answers it and how
   * many databases were booted for it (0 when the one given back was reused).
   */
  async function reopenAfter(script: string) {
    const first = await openTestDatabase()
    await first.execScript(script)
    await first.close()
    const boots = testDatabasesBooted()
    const next = await openTestDatabase()
    return { next, booted: testDatabasesBooted() - boots }
  }

  it('drops the tables a file made (a month of half-hourly data) and is reused', async () => {
    const { next, booted } = await reopenAfter('create table probe_made (id int)')
    expect(booted).toBe(0)
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from pg_class where relname = 'probe_made'`.execute(next.db)
    expect(rows[0]?.n).toBe(0)
    await next.close()
  })

  it('is closed, not reused, when the file changed the template’s own schema', async () => {
    // The next database is a new one, or another file's given back to this worker: never the changed one.
    const { next, booted } = await reopenAfter('alter table schema_migrations add column probe int')
    expect(booted).toBeLessThanOrEqual(1)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
      where table_name = 'schema_migrations' and column_name = 'probe'`.execute(next.db)
    expect(rows[0]?.n).toBe(0)
    await next.close()
  })
})
