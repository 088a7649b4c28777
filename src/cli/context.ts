import { resolve } from 'node:path'
import { type Command, InvalidArgumentError, type Option } from 'commander'
import { connect, type Database, migrate } from '../db/index.js'
import { type Config, loadConfig } from '../shared/config.js'
import { DomainError } from '../shared/errors.js'
import { isLocalDate } from '../shared/time.js'

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

/**
 * Add the subcommand `name` that takes only `--data-dir` and runs `work` with the database open,
 * closed however the work ends.
 */
export function addDatabaseCommand(
  parent: Command,
  { name, description, dataDirOption }: { name: string; description: string; dataDirOption: Option },
  work: (database: Database) => Promise<void>,
): Command {
  return parent
    .command(name)
    .description(description)
    .addOption(dataDirOption)
    .action(async (options: DatabaseOptions) => {
      await withDatabase(options, work)
    })
}

/**
 * Add the subcommand `name` that takes `--date` (a local date; the command's default is today) and
 * `--data-dir`, and runs `work` with the database open and the options, closed however the work ends.
 */
export function addDatedDatabaseCommand(
  parent: Command,
  { name, description, dataDirOption }: { name: string; description: string; dataDirOption: Option },
  work: (database: Database, options: DatabaseOptions & { date?: string }) => Promise<void>,
): Command {
  return parent
    .command(name)
    .description(description)
    .option('--date <date>', 'the local date (default today)', localDateArgument)
    .addOption(dataDirOption)
    .action(async (options: DatabaseOptions & { date?: string }) => {
      await withDatabase(options, (database) => work(database, options))
    })
}

/**
 * A date argument or option: a real calendar date, YYYY-MM-DD.
 * @throws InvalidArgumentError for anything else
 */
export function localDateArgument(value: string): string {
  if (!isLocalDate(value)) throw new InvalidArgumentError('a date YYYY-MM-DD')
  return value
}

/**
 * Report a refusal on stderr, its first line (by default `CODE: message`) and then each detail, and
 * make the command exit 1.
 * @throws the error itself when it is not a DomainError (a refusal): a bug is not reported as one
 */
export function reportRefusal(
  error: unknown,
  firstLine: (refusal: DomainError) => string = (refusal) => `${refusal.code}: ${refusal.message}`,
): void {
  if (!(error instanceof DomainError)) throw error
  console.error(firstLine(error))
  for (const detail of (error.details ?? []) as { path: string; message: string }[]) {
    console.error(`  ${detail.path}: ${detail.message}`)
  }
  process.exitCode = 1
}
