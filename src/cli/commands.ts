import type { Command } from 'commander'
import { connect, defaultDataDir, migrate } from '../db/index.js'

export function registerCommands(program: Command) {
  program
    .command('migrate')
    .description('apply the database migrations not yet applied')
    .action(async () => {
      const database = await connect({ databaseUrl: process.env['DATABASE_URL'], dataDir: defaultDataDir() })
      try {
        const { applied } = await migrate(database)
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date')
      } finally {
        await database.close()
      }
    })
}
