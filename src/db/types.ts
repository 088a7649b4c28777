import type { Kysely, Transaction } from 'kysely'

/**
 * The query handle every store receives. Tables are typed per module with `withTables<…>()`, so this
 * layer knows nothing about the modules above it.
 */
// biome-ignore lint/complexity/noBannedTypes: the schema is added by each module's store with withTables
export type Db = Kysely<{}>
/**
 * A transaction, and only a transaction: code that must run atomically (the audit chain, the ledger)
 * takes a `Tx`; code that may run on the pool as well takes `Db | Tx`.
 */
// biome-ignore lint/complexity/noBannedTypes: as above
export type Tx = Transaction<{}>

export type Backend = 'pglite' | 'postgres'

/** Give a store typed access to its own tables over the shared handle. */
export function withTables<Tables>(): (db: Db | Tx) => Kysely<Tables> {
  return (db) => db as unknown as Kysely<Tables>
}
