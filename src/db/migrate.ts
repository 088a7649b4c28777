import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Database } from './connect.js'

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface Migration {
  readonly name: string
  readonly sql: string
  readonly checksum: string
}

/** The migrations shipped with this version, in the order they apply. */
export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(migrationsDir, file), 'utf8')
      return { name: file.replace(/\.sql$/, ''), sql: text, checksum: createHash('sha256').update(text).digest('hex') }
    })
}

export class MigrationChanged extends Error {
  readonly code = 'MIGRATION_CHANGED'
}

/**
 * Apply every migration not yet applied, each in its own transaction. Forward-only: an applied
 * migration whose file has since changed is refused rather than silently skipped.
 * @throws MigrationChanged
 */
export async function migrate(database: Database): Promise<{ applied: string[] }> {
  await database.execScript(`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`)
  const done = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migrations`.execute(
    database.db,
  )
  const appliedChecksums = new Map(done.rows.map((row) => [row.name, row.checksum]))
  const applied: string[] = []
  for (const migration of listMigrations()) {
    const previous = appliedChecksums.get(migration.name)
    if (previous !== undefined) {
      if (previous !== migration.checksum) {
        throw new MigrationChanged(
          `migration ${migration.name} was changed after it was applied; add a new one instead`,
        )
      }
      continue
    }
    await database.execScript(
      `begin;\n${migration.sql}\n;insert into schema_migrations (name, checksum) values ('${migration.name}', '${migration.checksum}');\ncommit;`,
    )
    applied.push(migration.name)
  }
  return { applied }
}
