/**
 * Scheduled work (BIL-3): a pg-boss queue in the database Cuttle already uses (PGlite or
 * PostgreSQL). Every morning at 06:00 London time the billing run bills the accounts due that day
 * (domestic on their cycle day, business on the 1st); a run can also be asked for now. A run that
 * stops part way is finished by the next one for that day (it is resumable and idempotent).
 */
import PgBoss from 'pg-boss'
import { type Database, inTransaction, sqlExecutor } from '../db/index.js'
import * as access from '../modules/access/index.js'
import type * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { localDateOf } from '../shared/time.js'
import { type RunSummary, runBilling } from './billing-run.js'
import { collectDirectDebits, reviewArrangements, runCollections, syncPayments } from './collections.js'
import { commsTransports, deliverQueuedMessages } from './communications.js'
import { defaultProcessor } from './payments.js'

export const billingRunJob = 'billing-run'
/** Cron, in Europe/London: 06:00 every day. */
export const billingRunSchedule = '0 6 * * *'

/**
 * The money day (PAY-3, PAY-5, PAY-6, COL-1), after the billing run: the processor's news of open
 * payments, the Direct Debits due, the arrangement review, then the collections run, in that order
 * so that money received is counted before anyone is chased; then the messages it queued are sent,
 * and third-party access whose days are up is ended.
 */
export const moneyDayJob = 'money-day'
export const moneyDaySchedule = '0 7 * * *'

export async function runMoneyDay({
  database,
  on,
  at,
  transports = commsTransports(undefined),
}: {
  database: Database
  on: string
  at: Date
  /** How the queued messages go out (the configured SMTP relay, or the built-in outbox). */
  transports?: comms.Transports
}) {
  const processor = defaultProcessor()
  const db = database.db
  const synced = await syncPayments({ db, processor, actor: systemActor('payment-processor'), at })
  const directDebits = await collectDirectDebits({ db, processor, on, actor: systemActor('direct-debit-run'), at })
  const arrangements = await reviewArrangements({ db, actor: systemActor('arrangement-review'), at })
  const collections = await runCollections({ db, on, actor: systemActor('collections-run'), at })
  // Third-party access ends by itself when its days are up (USR-2).
  const expiredGrants = await inTransaction(db, (tx) =>
    access.expireLapsedGrants({ tx, actor: systemActor('access-expiry'), at }),
  )
  // The reminders and notices the run queued go out now, after their transactions committed.
  const delivered = await deliverQueuedMessages({ db, transports, at })
  const brief = (summary: { looked: number; outcomes: Record<string, number>; failed: number }) => ({
    looked: summary.looked,
    outcomes: summary.outcomes,
    failed: summary.failed,
  })
  return {
    on,
    processorEvents: synced,
    directDebits: brief(directDebits),
    arrangements: brief(arrangements),
    collections: brief(collections),
    messages: { sent: delivered.sent.length, failed: delivered.failed.length, deferred: delivered.deferred.length },
    expiredGrants: expiredGrants.length,
  }
}

export interface Jobs {
  /** Queue a billing run for a local date (default today) now; resolves with the job's id. */
  requestBillingRun(on?: string): Promise<string>
  /** Queue the money day (processor news, Direct Debits, arrangements, collections) for a local date now. */
  requestMoneyDay(on?: string): Promise<string>
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
  transports,
}: {
  database: Database
  /** How messages the jobs queue go out (defaults to the built-in outbox). */
  transports?: comms.Transports
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
  await boss.createQueue(moneyDayJob)
  await boss.schedule(moneyDayJob, moneyDaySchedule, {}, { tz: 'Europe/London' })
  await boss.work<{ on?: string }>(moneyDayJob, { pollingIntervalSeconds }, async ([job]) => {
    const at = clock()
    return runMoneyDay({ database, on: job?.data?.on ?? localDateOf(at), at, ...(transports ? { transports } : {}) })
  })
  return {
    async requestMoneyDay(on) {
      const id = await boss.send(moneyDayJob, on ? { on } : {})
      if (!id) throw new Error('the money day could not be queued')
      return id
    },
    async requestBillingRun(on) {
      const id = await boss.send(billingRunJob, on ? { on } : {})
      if (!id) throw new Error('the billing run could not be queued')
      return id
    },
    async job(id) {
      const found = (await boss.getJobById(billingRunJob, id)) ?? (await boss.getJobById(moneyDayJob, id))
      return found ? { state: found.state, output: found.output } : null
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
