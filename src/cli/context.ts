import { connect, type Database, defaultDataDir, migrate } from '../db/index.js'

export interface DatabaseOptions {
  readonly dataDir?: string
}

/** Open the database named by the environment (DATABASE_URL, else PGlite under CUTTLE_DATA_DIR) and migrate it. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = await connect({
    databaseUrl: process.env['DATABASE_URL'],
    dataDir: options.dataDir ?? defaultDataDir(),
  })
  await migrate(database)
  return database
}

/** Run a command with an open database, closing it however the command ends. */
export async function withDatabase<T>(options: DatabaseOptions, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(options)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}
