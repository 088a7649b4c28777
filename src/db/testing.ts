import { randomBytes } from 'node:crypto'
import { connect, type Database } from './connect.js'
import { migrate } from './migrate.js'

/**
 * A migrated database for one test file: PGlite in memory by default, or — when `DATABASE_URL` is
 * set — a fresh schema of its own on that PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env['DATABASE_URL']
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined
  const database = await connect({ databaseUrl, dataDir: 'memory', ...(schema ? { schema, poolSize: 4 } : {}) })
  await migrate(database)
  if (!schema) return database
  return {
    ...database,
    async close() {
      await database.execScript(`drop schema if exists ${schema} cascade`)
      await database.close()
    },
  }
}
