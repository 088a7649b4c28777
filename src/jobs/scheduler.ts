/**
 * Scheduled work (BIL-3): a pg-boss queue in the database Cuttle already uses (PGlite or
 * PostgreSQL). Every morning at 06:00 London time the billing run bills the accounts due that day
 * (domestic on their cycle day, business on the 1st), after the 05:30 Direct Debit adequacy
 * review; at 07:00 the money day; every 15 minutes the notices of statements issued; a run can also
 * be asked for now. A run that stops part way is finished by the next one for that day (it is resumable and
 * idempotent). Message delivery is a job per message (`delivery.ts`).
 */
import PgBoss from 'pg-boss'
import { type Database, sqlExecutor } from '../db/index.js'
import type * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { localDateOf } from '../shared/time.js'
import { type DeliveryQueue, type RunSummary, runBilling } from '../usecases/index.js'
import { adequacyReviewJob, adequacyReviewSchedule, runAdequacyReview } from './adequacy-review.js'
import { createDeliveryQueues, pgBossDeliveryQueue, workDelivery } from './delivery.js'
import { moneyDayJob, moneyDaySchedule, runMoneyDay } from './money-day.js'
import { runStatementNotices, statementNoticesJob, statementNoticesSchedule } from './statement-notices.js'

export const billingRunJob = 'billing-run'
/** Cron, in Europe/London: 06:00 every day. */
export const billingRunSchedule = '0 6 * * *'

export interface Jobs {
  /** Where routes and commands hand the messages they queued (a job per message). */
  readonly deliveryQueue: DeliveryQueue
  /** Queue a billing run for a local date (default today) now; resolves with the job's id. */
  requestBillingRun(on?: string): Promise<string>
  /** Queue the money day (processor news, Direct Debits, arrangements, collections) for a local date now. */
  requestMoneyDay(on?: string): Promise<string>
  /** Queue the Direct Debit adequacy review for a local date now. */
  requestAdequacyReview(on?: string): Promise<string>
  /** Queue the notices of the statements issued lately that have none, now. */
  requestStatementNotices(): Promise<string>
  /** A job's state and, when it has finished, its output. */
  job(id: string): Promise<{ state: string; output: unknown } | null>
  stop(): Promise<void>
}

/**
 * Start pg-boss on the database. With `work` (the default) this process runs the schedules, the
 * scheduled jobs and the delivery worker; without it, it only enqueues (a command, or a server with
 * `CUTTLE_JOBS=0` whose jobs run in another process). Throws when pg-boss cannot start.
 */
export async function startJobs({
  database,
  transports,
  clock = () => new Date(),
  schema = 'pgboss',
  pollingIntervalSeconds = 2,
  work = true,
  onError = (error: Error) => console.error(`jobs: ${error.message}`),
}: {
  database: Database
  /** How the delivery worker sends (the process's one set of transports, built from configuration). */
  transports: comms.Transports
  clock?: () => Date
  /** pg-boss's own schema (tests give each database its own). */
  schema?: string
  pollingIntervalSeconds?: number
  /** Run the schedules and workers here (false: only enqueue). */
  work?: boolean
  onError?: (error: Error) => void
}): Promise<Jobs> {
  const boss = new PgBoss({ db: sqlExecutor(database), schema, supervise: work, schedule: work })
  boss.on('error', onError)
  await boss.start()
  await boss.createQueue(billingRunJob)
  await boss.createQueue(moneyDayJob)
  await boss.createQueue(adequacyReviewJob)
  await boss.createQueue(statementNoticesJob, { name: statementNoticesJob, policy: 'short' })
  await createDeliveryQueues(boss)
  const deliveryQueue = pgBossDeliveryQueue(boss)
  /** Queue one run of the job `name` (a day's, when `data` names one); answers its id. */
  const queue = async (name: string, data: { on?: string }, what: string) => {
    const id = await boss.send(name, data)
    if (!id) throw new Error(`${what} could not be queued`)
    return id
  }
  if (work) {
    await boss.schedule(billingRunJob, billingRunSchedule, {}, { tz: 'Europe/London' })
    await boss.work<{ on?: string }>(billingRunJob, { pollingIntervalSeconds }, async ([job]) => {
      const at = clock()
      const on = job?.data?.on ?? localDateOf(at)
      const summary: RunSummary = await runBilling({ db: database.db, on, actor: systemActor('billing-run-job'), at })
      return { ...summary, problems: summary.problems.slice(0, 20) }
    })
    await boss.schedule(moneyDayJob, moneyDaySchedule, {}, { tz: 'Europe/London' })
    await boss.work<{ on?: string }>(moneyDayJob, { pollingIntervalSeconds }, async ([job]) => {
      const at = clock()
      return runMoneyDay({ database, on: job?.data?.on ?? localDateOf(at), at, queue: deliveryQueue })
    })
    await boss.schedule(adequacyReviewJob, adequacyReviewSchedule, {}, { tz: 'Europe/London' })
    await boss.work<{ on?: string }>(adequacyReviewJob, { pollingIntervalSeconds }, async ([job]) => {
      const at = clock()
      return runAdequacyReview({ database, on: job?.data?.on ?? localDateOf(at), at })
    })
    await boss.schedule(statementNoticesJob, statementNoticesSchedule, {})
    await boss.work(statementNoticesJob, { pollingIntervalSeconds }, async () =>
      runStatementNotices({ database, queue: deliveryQueue, at: clock() }),
    )
    await workDelivery({ boss, database, transports, clock, pollingIntervalSeconds })
  }
  return {
    deliveryQueue,
    requestMoneyDay: (on) => queue(moneyDayJob, on ? { on } : {}, 'the money day'),
    requestAdequacyReview: (on) => queue(adequacyReviewJob, on ? { on } : {}, 'the adequacy review'),
    requestStatementNotices: () => queue(statementNoticesJob, {}, 'the statement notices'),
    requestBillingRun: (on) => queue(billingRunJob, on ? { on } : {}, 'the billing run'),
    async job(id) {
      const found =
        (await boss.getJobById(billingRunJob, id)) ??
        (await boss.getJobById(moneyDayJob, id)) ??
        (await boss.getJobById(adequacyReviewJob, id)) ??
        (await boss.getJobById(statementNoticesJob, id))
      return found ? { state: found.state, output: found.output } : null
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
