import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createPostgresTestTemplate, writeTestTemplate } from '../src/db/testing.js'

/**
 * The migrations run once here, into a template every test file's database is copied from: a PGlite
 * data-dir dump, or on PostgreSQL a migrated database (`CREATE DATABASE … TEMPLATE` per file). The
 * extensions are also created in the database `DATABASE_URL` names, for the few tests that work in a
 * schema of their own there.
 */
export default async function setup() {
  const databaseUrl = process.env['DATABASE_URL']
  if (!databaseUrl) return writePGliteTemplate()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('create extension if not exists pg_trgm with schema public')
    await client.query('create extension if not exists btree_gist with schema public')
  } finally {
    await client.end()
  }
  return createPostgresTestTemplate(databaseUrl)
}

/** Write the migrated template to a temporary folder, removed when the run ends. */
async function writePGliteTemplate() {
  const folder = await mkdtemp(join(tmpdir(), 'cuttle-test-template-'))
  await writeTestTemplate({ file: join(folder, 'migrated.tar') })
  return async () => {
    await rm(folder, { recursive: true, force: true })
  }
}
