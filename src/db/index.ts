export { lockIdsForTransaction } from './advisory.js'
export type {
  AccountChange,
  AccountsQuery,
  Change,
  DueBatchQuery,
  IdBatchQuery,
  StaffTotalsQuery,
} from './arguments.js'
export { type ConnectOptions, connect, type Database } from './connect.js'
export { copyRows } from './copy.js'
export { DataFolderInUse, type FolderLock, lockDataFolder } from './lock.js'
export { listMigrations, type Migration, MigrationChanged, migrate } from './migrate.js'
export { type AccountFeedQuery, type AccountPageQuery, type FeedPosition, strictlyBefore } from './paging.js'
export { analyze, ping } from './ping.js'
export { sqlExecutor } from './raw-sql.js'
export { inTransaction, isTransaction, NotInTransaction, requireTransaction } from './transaction.js'
export { type Backend, type Db, type Tx, withTables } from './types.js'
