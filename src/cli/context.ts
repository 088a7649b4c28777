import { resolve } from 'node:path'
import { connect, type Database, migrate } from '../db/index.js'
import { type Config, loadConfig } from '../shared/config.js'

export interface DatabaseOptions {
  readonly dataDir?: string
}

let loaded: Config | undefined

/**
 * The configuration, read from the environment and checked once; `--data-dir` overrides
 * `CUTTLE_DATA_DIR`. @throws ConfigurationInvalid (a one-line reason naming the variable)
 */
export function cliConfig(options: DatabaseOptions = {}): Config {
  loaded ??= loadConfig()
  return options.dataDir ? { ...loaded, dataDir: resolve(options.dataDir) } : loaded
}

/**
 * Open the configured database (DATABASE_URL, else PGlite in the data folder, which this process then
 * holds: a second process on the same folder is refused) and migrate it.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const config = cliConfig(options)
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(database)
  } catch (error) {
    await database.close()
    throw error
  }
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
