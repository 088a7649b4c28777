import type { Db, Tx } from './types.js'

/** Run `work` in one transaction: everything it writes lands together or not at all. */
export async function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db)
  return (db as Db).transaction().execute(work)
}
