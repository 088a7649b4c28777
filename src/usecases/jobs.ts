/**
 * Scheduled work (BIL-3): a pg-boss queue in the database Cuttle already uses (PGlite or
 * PostgreSQL). Every morning at 06:00 London time the billing run bills the accounts due that day
 * (domestic on their cycle day, business on the 1st); a run can also be asked for now. A run that
 * stops part way is finished by the next one for that day (it is resumable and idempotent).
 */
import PgBoss from 'pg-boss'
import { type Database, sqlExecutor } from '../db/index.js'
import { systemActor } from '../shared/actor.js'
import { localDateOf } from '../shared/time.js'
import { type RunSummary, runBilling } from './billing-run.js'

export const billingRunJob = 'billing-run'
/** Cron, in Europe/London: 06:00 every day. */
export const billingRunSchedule = '0 6 * * *'

export interface Jobs {
  /** Queue a billing run for a local date (default today) now; resolves with the job's id. */
  requestBillingRun(on?: string): Promise<string>
  /** A job's state and, when it has finished, its output. */
  job(id: string): Promise<{ state: string; output: unknown } | null>
  stop(): Promise<void>
}

export async function startJobs({
  database,
  clock = () => new Date(),
  schema = 'pgboss',
  pollingIntervalSeconds = 2,
  onError = (error: Error) => console.error(`jobs: ${error.message}`),
}: {
  database: Database
  clock?: () => Date
  /** pg-boss's own schema (tests give each database its own). */
  schema?: string
  pollingIntervalSeconds?: number
  onError?: (error: Error) => void
}): Promise<Jobs> {
  const boss = new PgBoss({ db: sqlExecutor(database), schema, supervise: true, schedule: true })
  boss.on('error', onError)
  await boss.start()
  await boss.createQueue(billingRunJob)
  await boss.schedule(billingRunJob, billingRunSchedule, {}, { tz: 'Europe/London' })
  await boss.work<{ on?: string }>(billingRunJob, { pollingIntervalSeconds }, async ([job]) => {
    const at = clock()
    const on = job?.data?.on ?? localDateOf(at)
    const summary: RunSummary = await runBilling({ db: database.db, on, actor: systemActor('billing-run-job'), at })
    return { ...summary, problems: summary.problems.slice(0, 20) }
  })
  return {
    async requestBillingRun(on) {
      const id = await boss.send(billingRunJob, on ? { on } : {})
      if (!id) throw new Error('the billing run could not be queued')
      return id
    },
    async job(id) {
      const found = await boss.getJobById(billingRunJob, id)
      return found ? { state: found.state, output: found.output } : null
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
