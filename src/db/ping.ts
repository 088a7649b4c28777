import { sql } from 'kysely'
import type { Db } from './types.js'

/** `SELECT 1`: the health check, and the bare baseline the API benchmark compares against. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}
