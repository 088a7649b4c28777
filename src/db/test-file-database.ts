/**
 * The database of one test file: migrated (from the template) before the file's tests and closed
 * after them. Only tests import it (it registers vitest hooks); a file's own seeding goes in a
 * `beforeAll` of its own, which runs after this one.
 */
import { afterAll, beforeAll } from 'vitest'
import type { Database } from './connect.js'
import { openTestDatabase } from './testing.js'

/**
 * A migrated database opened before the calling file's tests and closed after them: its query handle,
 * and `execScript` for a file that resets a table between tests.
 */
export function openDatabaseForFile(): Pick<Database, 'db' | 'execScript'> {
  let database: Database | undefined
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(async () => {
    await database?.close()
  })
  const open = (): Database => {
    if (!database) throw new Error('The test database opens in beforeAll: use it inside a test')
    return database
  }
  return {
    get db() {
      return open().db
    },
    execScript: (script) => open().execScript(script),
  }
}
