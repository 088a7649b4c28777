/**
 * The billing crash test (BIL-3): bill the same accounts twice — once straight through, once in a
 * child process killed with SIGKILL at random moments and started again until it finishes — and
 * compare. Needs PostgreSQL (`DATABASE_URL`): a killed process's half-done transactions must roll
 * back, which is what the server guarantees.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { connect, type Database, migrate } from '../../src/db/index.js'
import { billingFixture } from '../../src/demo/billing-fixture.js'
import { systemActor } from '../../src/shared/actor.js'
import { runBilling } from '../../src/usecases/billing-run.js'

const child = fileURLToPath(new URL('./bill-child.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

export interface CrashReport {
  readonly accounts: number
  readonly kills: number
  readonly killedAtMs: number[]
  readonly reference: Map<string, string>
  readonly crashed: Map<string, string>
  readonly duplicates: number
  readonly missing: number
  readonly different: number
  readonly unbalancedJournals: number
  readonly statementsWithoutJournal: number
}

async function schemaDatabase(databaseUrl: string, schema: string): Promise<Database> {
  const database = await connect({ databaseUrl, schema, poolSize: 4 })
  await migrate(database)
  return database
}

/** account number → "period_from|total" of its statements, sorted and joined. */
async function statementsByAccount(database: Database): Promise<Map<string, string>> {
  const { rows } = await sql<{ number: string; period_from: Date; total_minor: string; status: string }>`
    select a.number, s.period_from, s.total_minor::text, s.status from statements s join accounts a on a.id = s.account_id
    order by a.number, s.period_from`.execute(database.db)
  const map = new Map<string, string>()
  for (const row of rows) {
    const entry = `${row.period_from.toISOString()}|${row.total_minor}|${row.status}`
    map.set(row.number, map.has(row.number) ? `${map.get(row.number)};${entry}` : entry)
  }
  return map
}

function runChild(env: NodeJS.ProcessEnv, killAfterMs: number | null): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx command: that runs the script in a second process,
    // which a SIGKILL to the first leaves running (the kill would then test nothing).
    const process_ = spawn(process.execPath, ['--import', 'tsx', child], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let timer: NodeJS.Timeout | null = null
    process_.stdout.on('data', (chunk) => {
      output += chunk
      // The clock starts when the child starts billing: a kill then lands inside the run, however fast.
      if (killAfterMs !== null && timer === null && output.includes('billing\n')) {
        timer = setTimeout(() => process_.kill('SIGKILL'), killAfterMs)
      }
    })
    process_.stderr.on('data', (chunk) => {
      output += chunk
    })
    process_.on('error', reject)
    process_.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === 'SIGKILL') resolve({ killed: true, output })
      else if (code === 0) resolve({ killed: false, output })
      else reject(new Error(`the billing process failed (${code}): ${output}`))
    })
  })
}

export async function crashTest({
  databaseUrl,
  accounts,
  kills,
  seed = 1,
}: {
  databaseUrl: string
  accounts: number
  kills: number
  seed?: number
}): Promise<CrashReport> {
  const suffix = randomBytes(4).toString('hex')
  const referenceSchema = `crash_ref_${suffix}`
  const crashSchema = `crash_run_${suffix}`
  const reference = await schemaDatabase(databaseUrl, referenceSchema)
  const crashed = await schemaDatabase(databaseUrl, crashSchema)
  try {
    const { on } = await billingFixture({ db: reference.db, count: accounts })
    await billingFixture({ db: crashed.db, count: accounts })
    const at = new Date('2026-11-20T09:00:00Z')
    const started = Date.now()
    await runBilling({
      db: reference.db,
      on,
      batchSize: 20,
      accountsPerTransaction: 10,
      concurrency: 4,
      actor: systemActor('crash-test'),
      at,
    })
    const straightMs = Date.now() - started
    // Kill points counted from when each child starts billing, within a third of a whole run's length:
    // each child resumes with less left to bill, and a kill after it finished would test nothing.
    let state = seed
    const nextRandom = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      return state / 2_147_483_648
    }
    const env = { ...process.env, DATABASE_URL: databaseUrl, CRASH_SCHEMA: crashSchema, CRASH_ON: on }
    const killedAtMs: number[] = []
    for (let i = 0; i < kills; i++) {
      const after = Math.round((nextRandom() * straightMs) / 3)
      const result = await runChild(env, after)
      if (result.killed) killedAtMs.push(after)
    }
    await runChild(env, null)
    const expected = await statementsByAccount(reference)
    const actual = await statementsByAccount(crashed)
    let missing = 0
    let different = 0
    for (const [number, statements] of expected) {
      const got = actual.get(number)
      if (got === undefined) missing++
      else if (got !== statements) different++
    }
    const duplicates = await sql<{ n: string }>`select count(*)::text as n from (
        select account_id, period_from from statements where status in ('issued', 'held')
        group by account_id, period_from having count(*) > 1) d`.execute(crashed.db)
    const unbalanced = await sql<{ n: string }>`select count(*)::text as n from (
        select journal_id from ledger_postings group by journal_id having sum(amount_minor) <> 0) j`.execute(crashed.db)
    const orphans = await sql<{ n: string }>`select count(*)::text as n from statements s
        where s.status = 'issued' and not exists (
          select 1 from ledger_journals j where j.idempotency_key = 'statement:' || s.id)`.execute(crashed.db)
    return {
      accounts,
      kills: killedAtMs.length,
      killedAtMs,
      reference: expected,
      crashed: actual,
      duplicates: Number(duplicates.rows[0]?.n),
      missing,
      different,
      unbalancedJournals: Number(unbalanced.rows[0]?.n),
      statementsWithoutJournal: Number(orphans.rows[0]?.n),
    }
  } finally {
    await reference.execScript(`drop schema if exists ${referenceSchema} cascade`)
    await crashed.execScript(`drop schema if exists ${crashSchema} cascade`)
    await reference.close()
    await crashed.close()
  }
}

// `npm run test:crash`: the longer version, printing its figures.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
  const accounts = Number(process.env['CRASH_ACCOUNTS'] ?? 400)
  const kills = Number(process.env['CRASH_KILLS'] ?? 8)
  const report = await crashTest({ databaseUrl, accounts, kills })
  console.log(`crash test: ${report.accounts} accounts, ${report.kills} kills at ${report.killedAtMs.join(', ')} ms`)
  console.log(
    `  statements: ${report.reference.size} accounts billed straight through, ${report.crashed.size} after the kills`,
  )
  console.log(
    `  duplicates ${report.duplicates}, missing ${report.missing}, different ${report.different}, unbalanced journals ${report.unbalancedJournals}, issued statements without a journal ${report.statementsWithoutJournal}`,
  )
  const ok =
    report.duplicates === 0 &&
    report.missing === 0 &&
    report.different === 0 &&
    report.unbalancedJournals === 0 &&
    report.statementsWithoutJournal === 0
  console.log(ok ? '  PASS' : '  FAIL')
  process.exitCode = ok ? 0 : 1
}
