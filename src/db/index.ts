export { type ConnectOptions, connect, type Database, defaultDataDir } from './connect.js'
export { listMigrations, type Migration, MigrationChanged, migrate } from './migrate.js'
export { inTransaction } from './transaction.js'
export { type Backend, type Db, type Tx, withTables } from './types.js'
