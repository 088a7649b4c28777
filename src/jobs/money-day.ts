/**
 * The money day (PAY-3, PAY-5, PAY-6, COL-1), after the billing run: the processor's news of open
 * payments, the Direct Debits due, the arrangement review, then the collections run, in that order
 * so that money received is counted before anyone is chased; then the messages it queued are handed
 * to the delivery worker, and third-party access whose days are up is ended.
 */
import { type Database, inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import {
  collectDirectDebits,
  type DeliveryQueue,
  defaultProcessor,
  enqueueDueMessages,
  reviewArrangements,
  runCollections,
  syncPayments,
} from '../usecases/index.js'

export const moneyDayJob = 'money-day'
/** Cron, in Europe/London: 07:00 every day. */
export const moneyDaySchedule = '0 7 * * *'

/** Run the money day for the local date `on`; the reminders and notices go to `queue`, not out. */
export async function runMoneyDay({
  database,
  on,
  at,
  queue,
}: {
  database: Database
  on: string
  at: Date
  /** Where the messages the run queued are handed for delivery. */
  queue: DeliveryQueue
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
  // The reminders and notices the run queued are now committed: each becomes a delivery job.
  const enqueued = await enqueueDueMessages({ db, queue, at })
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
    messages: { enqueued },
    expiredGrants: expiredGrants.length,
  }
}
