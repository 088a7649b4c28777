import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { writeTestTemplate } from '../src/db/testing.js'

/**
 * On PGlite the migrations run once here, into a template every test file's database is loaded
 * from. On a shared PostgreSQL server every test file works in a schema of its own; the extensions
 * are database-wide, so they are created once here, before the files start in parallel.
 */
export default async function setup() {
  const databaseUrl = process.env['DATABASE_URL']
  if (!databaseUrl) return writePGliteTemplate()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('create extension if not exists pg_trgm with schema public')
    await client.query('create extension if not exists btree_gist with schema public')
    const stale = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname ~ '^t_[0-9a-f]{12}$'",
    )
    for (const row of stale.rows) await client.query(`drop schema if exists ${row.nspname} cascade`)
  } finally {
    await client.end()
  }
}

/** Write the migrated template to a temporary folder, removed when the run ends. */
async function writePGliteTemplate() {
  const folder = await mkdtemp(join(tmpdir(), 'cuttle-test-template-'))
  await writeTestTemplate({ file: join(folder, 'migrated.tar') })
  return async () => {
    await rm(folder, { recursive: true, force: true })
  }
}
