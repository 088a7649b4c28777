/**
 * The yearly payment adequacy review (PAY-5, seed 002): every morning, before the billing run, each
 * active Direct Debit whose last adequacy review is a year or more old (or never happened) is
 * reviewed and the date recorded on it, a bounded number a day (the rest wait for the next
 * morning). A Direct Debit without a review in over a year is a failing the backbilling rule states.
 */
import type { Database } from '../db/index.js'
import { systemActor } from '../shared/actor.js'
import { reviewDirectDebitAdequacy } from '../usecases/index.js'

export const adequacyReviewJob = 'direct-debit-adequacy-review'
/** Cron, in Europe/London: 05:30 every day, so that the 06:00 billing run sees the dates. */
export const adequacyReviewSchedule = '30 5 * * *'
/** Direct Debits reviewed at most in one morning. */
export const adequacyReviewsPerRun = 5000

/** Review the Direct Debits due an adequacy review on the local date `on`. */
export async function runAdequacyReview({ database, on, at }: { database: Database; on: string; at: Date }) {
  const summary = await reviewDirectDebitAdequacy({
    db: database.db,
    on,
    max: adequacyReviewsPerRun,
    actor: systemActor('adequacy-review'),
    at,
  })
  return { ...summary, problems: summary.problems.slice(0, 20) }
}
