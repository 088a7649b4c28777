/**
 * A supplier's days, simulated (issue 21 item 2): a clock advanced one local day at a time through
 * the jobs the scheduler runs each morning, in their order and at their hours: the Direct Debit
 * adequacy review (05:30), the billing run (06:00), the money day (07:00: the processor's news, the
 * Direct Debits due, arrangements, collections) and the statement notices; the messages they queue
 * are then delivered, as the worker would. What happens outside the jobs (meter data arriving,
 * customers paying or calling) is the caller's `beforeJobs`, run first each day. Deterministic: the
 * same data and the same days give the same result. An end-to-end test of all the jobs together.
 */
import type { Database } from '../db/index.js'
import type * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, startOfLocalDay } from '../shared/time.js'
import { inProcessDeliveryQueue, runBilling } from '../usecases/index.js'
import { runAdequacyReview } from './adequacy-review.js'
import { runMoneyDay } from './money-day.js'
import { runStatementNotices } from './statement-notices.js'

/** What the simulated days did, added up. */
export interface SimulationReport {
  readonly days: number
  readonly statementsIssued: number
  readonly statementsHeld: number
  readonly billingFailures: number
  readonly directDebitsCollected: number
  readonly adequacyReviews: number
  readonly noticesEmailed: number
  readonly noticesPosted: number
  readonly messagesSent: number
  readonly messagesFailed: number
}

const hour = 3_600_000

/**
 * Run the days [from, from + days) through the morning jobs. `beforeJobs(on, at)` runs first each
 * day at 00:30 (meter data for the day before arriving, customers acting). `onDay` reports progress.
 * @throws what a job throws for a database failure
 */
export async function simulate({
  database,
  from,
  days,
  transports,
  beforeJobs,
  onDay,
}: {
  database: Database
  /** The first local day, YYYY-MM-DD. */
  from: string
  days: number
  transports: comms.Transports
  beforeJobs?: ((on: string, at: Date) => Promise<void>) | undefined
  onDay?: ((done: number, on: string) => void) | undefined
}): Promise<SimulationReport> {
  let clock = startOfLocalDay(from)
  const delivery = inProcessDeliveryQueue({ db: database.db, transports, clock: () => clock })
  const totals = {
    statementsIssued: 0,
    statementsHeld: 0,
    billingFailures: 0,
    directDebitsCollected: 0,
    adequacyReviews: 0,
    noticesEmailed: 0,
    noticesPosted: 0,
    messagesSent: 0,
    messagesFailed: 0,
  }
  for (let day = 0; day < days; day++) {
    const on = addDays(from, day)
    const midnight = startOfLocalDay(on).getTime()
    const at = (hours: number) => {
      clock = new Date(midnight + hours * hour)
      return clock
    }
    await beforeJobs?.(on, at(0.5))
    const reviews = await runAdequacyReview({ database, on, at: at(5.5) })
    totals.adequacyReviews += reviews.outcomes['reviewed'] ?? 0
    const run = await runBilling({ db: database.db, on, actor: systemActor('billing-run-job'), at: at(6) })
    totals.statementsIssued += run.issued
    totals.statementsHeld += run.held
    totals.billingFailures += run.failed
    const money = await runMoneyDay({ database, on, at: at(7), queue: delivery })
    totals.directDebitsCollected += money.directDebits.outcomes['collected'] ?? 0
    const notices = await runStatementNotices({ database, queue: delivery, at: at(7.5) })
    totals.noticesEmailed += notices.emailed
    totals.noticesPosted += notices.posted
    at(8)
    const sent = await delivery.runQueued()
    totals.messagesSent += sent.sent.length
    totals.messagesFailed += sent.failed.length
    onDay?.(day + 1, on)
  }
  return { days, ...totals }
}
