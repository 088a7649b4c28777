import type { Db, Tx } from './types.js'

/** Run `work` in one transaction: everything it writes lands together or not at all. */
export async function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db)
  return db.transaction().execute(work)
}

/** Whether a handle is a transaction (the type says so; this checks it at run time). */
export function isTransaction(db: Db | Tx): db is Tx {
  return db.isTransaction
}

export class NotInTransaction extends Error {}

/**
 * Assert that `tx` really is a transaction, for code whose guarantee depends on one (a lock held
 * until commit, writes that land together): a pool handle cast to `Tx` would let the lock end after
 * one statement.
 * @throws NotInTransaction naming `what` when it is not
 */
export function requireTransaction(tx: Db | Tx, what: string): asserts tx is Tx {
  if (!tx.isTransaction) throw new NotInTransaction(`${what} must run inside a transaction`)
}
