import { sql } from 'kysely'
import type { Db } from './types.js'

/** `SELECT 1`: the health check, and the bare baseline the API benchmark compares against. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/** Refresh the planner's statistics after a bulk load (the demo seed, imports). */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db)
}
