import { sql } from 'kysely'
import type { Tx } from './types.js'

/**
 * Hold PostgreSQL's transaction-level advisory lock on each of `ids` in the namespace `space` until
 * the transaction ends (a module's serialisation of work on one account, say). Taken in one order (by
 * key) so two transactions locking overlapping sets never wait on each other in a circle. On PGlite,
 * one session, it is taken at once.
 */
export async function lockIdsForTransaction(tx: Tx, space: number, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await sql`select pg_advisory_xact_lock(${space}, key) from (
      select distinct hashtext(id) as key from (values ${sql.join(ids.map((id) => sql`(${id})`))}) as a (id)
      order by key
    ) keys`.execute(tx)
}
