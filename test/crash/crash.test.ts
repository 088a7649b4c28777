import { describe, expect, it } from 'vitest'
import { crashTest } from './crash.js'

const databaseUrl = process.env['DATABASE_URL']

// A killed process's half-done work must roll back: that is PostgreSQL's guarantee, so this runs on
// the server only (CI sets DATABASE_URL). The longer version is `npm run test:crash`.
describe.skipIf(!databaseUrl)('billing when the process is killed (SIGKILL) part way', () => {
  it('ends with every statement once, none missing, and the ledger balanced', async () => {
    const report = await crashTest({ databaseUrl: databaseUrl ?? '', accounts: 60, kills: 3 })
    expect(report.kills).toBeGreaterThan(0)
    expect(report.reference.size).toBe(60)
    expect(report).toMatchObject({
      duplicates: 0,
      missing: 0,
      different: 0,
      unbalancedJournals: 0,
      statementsWithoutJournal: 0,
    })
  }, 240_000)
})
