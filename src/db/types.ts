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

/**
 * Give a store typed access to its own tables over the shared handle. A table whose columns read
 * and write as the same types is named by its row interface (`{ tariffs: TariffRow }`): Kysely's
 * `Selectable` of such an interface is the interface itself, so a second "table" type would only
 * repeat it. Only tables with generated or converted columns (`Generated`, `ColumnType`) keep a
 * separate table interface and a `Selectable<…>` row type.
 */
export function withTables<Tables>(): (db: Db | Tx) => Kysely<Tables> {
  return (db) => db as unknown as Kysely<Tables>
}
