import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { connect, type Database, dumpDataDir } from './connect.js'
import { migrate } from './migrate.js'

/** Names the migrated PGlite dump that vitest's global setup writes and the test workers start from. */
const templateVariable = 'CUTTLE_TEST_TEMPLATE'

/**
 * Migrate an in-memory PGlite once and write its data folder to `file`; this process and the test
 * workers it starts afterwards then open their test databases from it instead of migrating each.
 * @throws Error when the migrations or the write fail
 */
export async function writeTestTemplate({ file }: { file: string }): Promise<void> {
  const database = await connect({ dataDir: 'memory' })
  try {
    await migrate(database)
    const dump = await dumpDataDir(database)
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()))
  } finally {
    await database.close()
  }
  process.env[templateVariable] = file
}

/** The template, read once per worker process. */
let template: Promise<Blob> | undefined

function readTemplate(file: string): Promise<Blob> {
  template ??= readFile(file).then((bytes) => new Blob([bytes]))
  return template
}

/**
 * A migrated database for one test file: PGlite in memory by default, or — when `DATABASE_URL` is
 * set — a fresh schema of its own on that PostgreSQL server, dropped on close. PGlite starts from
 * the template `writeTestTemplate` wrote when there is one: loading it is cheaper than migrating.
 */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env['DATABASE_URL']
  if (!databaseUrl) {
    const file = process.env[templateVariable]
    const database = await connect({ dataDir: 'memory', ...(file ? { loadDataDir: await readTemplate(file) } : {}) })
    // On the template this only checks that every migration is applied and unchanged.
    await migrate(database)
    return database
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const database = await connect({ databaseUrl, dataDir: 'memory', schema, poolSize: 4 })
  await migrate(database)
  return {
    ...database,
    async close() {
      await database.execScript(`drop schema if exists ${schema} cascade`)
      await database.close()
    },
  }
}
