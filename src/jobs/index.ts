export { adequacyReviewJob, adequacyReviewSchedule, runAdequacyReview } from './adequacy-review.js'
export {
  createDeliveryQueues,
  deliverDueJob,
  deliverDueSchedule,
  deliverMessageJob,
  pgBossDeliveryQueue,
  workDelivery,
} from './delivery.js'
export { moneyDayJob, moneyDaySchedule, runMoneyDay } from './money-day.js'
export { billingRunJob, billingRunSchedule, type Jobs, startJobs } from './scheduler.js'
export { type SimulationPart, type SimulationReport, simulate, simulationParts } from './simulate.js'
export { runStatementNotices, statementNoticesJob, statementNoticesSchedule } from './statement-notices.js'
