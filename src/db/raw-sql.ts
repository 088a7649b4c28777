import { CompiledQuery } from 'kysely'
import type { Database } from './connect.js'

/**
 * A plain "run this SQL with these parameters" on the database's own handle, for libraries that
 * bring their own SQL (the job queue, pg-boss, through its `db.executeSql` option) — on PGlite as on
 * PostgreSQL. A script of several statements without parameters (pg-boss's own migrations) goes
 * through `execScript`, as PGlite's prepared statements take one command. Nothing in Cuttle's own
 * code uses it.
 */
export function sqlExecutor(database: Database): {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>
} {
  return {
    async executeSql(text, values) {
      try {
        const result = await database.db.executeQuery(CompiledQuery.raw(text, values ?? []))
        return { rows: [...result.rows] }
      } catch (error) {
        const several = error instanceof Error && /multiple commands/.test(error.message)
        if (!several || (values ?? []).length > 0) throw error
        await database.execScript(text)
        return { rows: [] }
      }
    },
  }
}
