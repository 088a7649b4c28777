/**
 * A supplier's days, simulated (issue 21 item 2): a clock advanced one local day at a time through
 * the jobs the scheduler runs each morning, in their order and at their hours: the Direct Debit
 * adequacy review (05:30), the billing run (06:00), the money day (07:00: the processor's news, the
 * Direct Debits due, arrangements, collections) and the statement notices; the messages they queue
 * are then delivered, as the worker would. What happens outside the jobs is the caller's: meter data
 * arriving (`beforeJobs`, run first each day) and customers acting on what the morning brought
 * (`duringDay`, at noon, its messages delivered after). Deterministic: the
 * same data and the same days give the same result. An end-to-end test of all the jobs together.
 */
import type { Database } from '../db/index.js'
import type * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, startOfLocalDay } from '../shared/time.js'
import { type DeliveryQueue, inProcessDeliveryQueue, runBilling } from '../usecases/index.js'
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
  /** What `duringDay` answered, added up (the demo's customers: payments, messages, calls, moves, switches). */
  readonly customerActions: number
  /** Where the time went: milliseconds in each part of the days, added up. */
  readonly milliseconds: Readonly<Record<SimulationPart, number>>
}

export const simulationParts = ['arrivals', 'adequacy', 'billing', 'money', 'notices', 'delivery', 'customers'] as const
export type SimulationPart = (typeof simulationParts)[number]

const hour = 3_600_000

/**
 * Run the days [from, from + days) through the morning jobs. `beforeJobs(on, at)` runs first each
 * day at 00:30 (meter data for the day before arriving); `duringDay(on, at, queue)` at 12:00 (customers
 * acting, and staff answering them), answering how many things it did; the messages it hands to
 * `queue` are delivered after it. `onDay` reports progress.
 * @throws what a job throws for a database failure
 */
export async function simulate({
  database,
  from,
  days,
  transports,
  beforeJobs,
  duringDay,
  onDay,
}: {
  database: Database
  /** The first local day, YYYY-MM-DD. */
  from: string
  days: number
  transports: comms.Transports
  beforeJobs?: ((on: string, at: Date) => Promise<void>) | undefined
  duringDay?: ((on: string, at: Date, queue: DeliveryQueue) => Promise<number>) | undefined
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
    customerActions: 0,
  }
  const milliseconds = Object.fromEntries(simulationParts.map((part) => [part, 0])) as Record<SimulationPart, number>
  /** Run one part of the day, adding up its time. */
  const timed = async <T>(part: SimulationPart, work: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await work()
    } finally {
      milliseconds[part] += performance.now() - started
    }
  }
  for (let day = 0; day < days; day++) {
    const on = addDays(from, day)
    const midnight = startOfLocalDay(on).getTime()
    const at = (hours: number) => {
      clock = new Date(midnight + hours * hour)
      return clock
    }
    if (beforeJobs) await timed('arrivals', () => beforeJobs(on, at(0.5)))
    const reviews = await timed('adequacy', () => runAdequacyReview({ database, on, at: at(5.5) }))
    totals.adequacyReviews += reviews.outcomes['reviewed'] ?? 0
    const run = await timed('billing', () =>
      runBilling({ db: database.db, on, actor: systemActor('billing-run-job'), at: at(6) }),
    )
    totals.statementsIssued += run.issued
    totals.statementsHeld += run.held
    totals.billingFailures += run.failed
    const money = await timed('money', () => runMoneyDay({ database, on, at: at(7), queue: delivery }))
    totals.directDebitsCollected += money.directDebits.outcomes['collected'] ?? 0
    const notices = await timed('notices', () => runStatementNotices({ database, queue: delivery, at: at(7.5) }))
    totals.noticesEmailed += notices.emailed
    totals.noticesPosted += notices.posted
    const deliver = async (hours: number) => {
      at(hours)
      const sent = await timed('delivery', () => delivery.runQueued())
      totals.messagesSent += sent.sent.length
      totals.messagesFailed += sent.failed.length
    }
    await deliver(8)
    if (duringDay) {
      totals.customerActions += await timed('customers', () => duringDay(on, at(12), delivery))
      await deliver(12.5)
    }
    onDay?.(day + 1, on)
  }
  for (const part of simulationParts) milliseconds[part] = Math.round(milliseconds[part])
  return { days, ...totals, milliseconds }
}
