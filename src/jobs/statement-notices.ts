/**
 * Statement notices (BIL-2, COM-1): every quarter of an hour, each statement issued in the last week
 * that has no notice gets one (email for paperless customers, the statement by post for paper ones),
 * so a statement made by the morning's billing run, by "Bill now" or released from review reaches
 * the customer within minutes. Safe to run twice: a statement with its notice is passed over.
 */
import type { Database } from '../db/index.js'
import { type DeliveryQueue, sendStatementNotices } from '../usecases/index.js'

export const statementNoticesJob = 'statement-notices'
/** Cron: every 15 minutes. */
export const statementNoticesSchedule = '*/15 * * * *'

/** Notice the statements issued lately that have none; the messages go to `queue`. */
export async function runStatementNotices({
  database,
  queue,
  at,
}: {
  database: Database
  queue: DeliveryQueue
  at: Date
}) {
  const summary = await sendStatementNotices({ db: database.db, queue, at })
  return { ...summary, failed: summary.failed.slice(0, 20) }
}
