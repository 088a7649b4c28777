/**
 * Delivery is work for a worker (COM-1): each queued message is a pg-boss job carrying its id, and
 * the worker sends exactly that message (`deliverMessage`, safe to run twice). A sweep every minute
 * enqueues what is due again (deferred messages whose backoff has passed, and any whose enqueue was
 * lost between a commit and the enqueue), so the outbox table stays the record of what is owed.
 */
import type PgBoss from 'pg-boss'
import type { Database } from '../db/index.js'
import type * as comms from '../modules/comms/index.js'
import { type DeliveryQueue, deliverMessage, enqueueDueMessages } from '../usecases/index.js'

export const deliverMessageJob = 'deliver-message'
/** The sweep that enqueues due messages again. */
export const deliverDueJob = 'deliver-due'
/** Cron: every minute. */
export const deliverDueSchedule = '* * * * *'

/**
 * The delivery queues: one job per message, at most one waiting per message (`short` policy keyed by
 * the message id); a job whose database work failed is retried by pg-boss with a backoff (the
 * transport's own failures are recorded on the message and retried by the sweep).
 */
export async function createDeliveryQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(deliverMessageJob, {
    name: deliverMessageJob,
    policy: 'short',
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
  })
  await boss.createQueue(deliverDueJob, { name: deliverDueJob, policy: 'short' })
}

/** A delivery queue over pg-boss: one job per message id. Throws when pg-boss cannot write the jobs. */
export function pgBossDeliveryQueue(boss: PgBoss): DeliveryQueue {
  return {
    async enqueue(messageIds) {
      if (messageIds.length === 0) return
      await boss.insert(
        messageIds.map((messageId) => ({ name: deliverMessageJob, data: { messageId }, singletonKey: messageId })),
      )
    },
  }
}

/** Start the delivery worker and the sweep on a started pg-boss. */
export async function workDelivery({
  boss,
  database,
  transports,
  clock,
  pollingIntervalSeconds,
}: {
  boss: PgBoss
  database: Database
  transports: comms.Transports
  clock: () => Date
  pollingIntervalSeconds: number
}): Promise<void> {
  const queue = pgBossDeliveryQueue(boss)
  await boss.schedule(deliverDueJob, deliverDueSchedule, {})
  await boss.work<{ messageId?: string }>(
    deliverMessageJob,
    { pollingIntervalSeconds, batchSize: 20 },
    async (jobs) => {
      const outcomes: Record<string, string> = {}
      let problem: unknown = null
      for (const job of jobs) {
        const messageId = job.data?.messageId
        if (typeof messageId !== 'string') continue
        try {
          outcomes[messageId] = await deliverMessage({ db: database.db, transports, messageId, at: clock() })
        } catch (error) {
          // The database failed us: the batch is retried (each message is skipped once done).
          problem ??= error
        }
      }
      if (problem) throw problem
      return outcomes
    },
  )
  await boss.work(deliverDueJob, { pollingIntervalSeconds }, async () => ({
    enqueued: await enqueueDueMessages({ db: database.db, queue, at: clock() }),
  }))
}
