export {
  type AnnualProjection,
  annualProjection,
  type ChargedPrices,
  economy7SplitPercent,
  type PublishedPrices,
  tariffComparisonRate,
  type UsageSpan,
  type WeightedUnitPrice,
  yearOnPrices,
} from './annual-projection.js'
export { holdReasons } from './anomalies.js'
export { backbillingCutoff, backbillingWriteoff } from './backbilling.js'
export { type BatchOutcome, billBatch, gatherBatchForRating } from './batch.js'
export { businessBilling, createDocument, issueDocument } from './business.js'
export { compare, usageSummaries } from './explain.js'
export type { TariffCache } from './gather.js'
export { addHistoricalBill } from './history.js'
export {
  billAccount,
  previewBill,
  rebill,
  rejectStatement,
  releaseStatement,
  setBillingProfile,
} from './operations.js'
export { gatherForRating } from './pricing.js'
export {
  accountsDue,
  billingRun,
  countStatementsWithoutCutoff,
  getStatement,
  heldStatements,
  historicalBills,
  listStatements,
  statementsBefore,
  statementsIssuedSince,
  statementsWithCutoff,
  toStatement as toStatementView,
} from './queries.js'
export { rate } from './rating.js'
export { halfHourCounts } from './rating-intervals.js'
export {
  fixedUnits,
  ratingRounding,
  roundByRatingRule,
  smallKwhUnits,
} from './rating-numbers.js'
export type {
  ChargeLine,
  HalfHourKwh,
  HalfHours,
  IntervalConsumption,
  RatedAgreement,
  RatedMeterPoint,
  RatingInput,
  RatingProblem,
  RatingResult,
  RatingUsage,
  RatingVat,
  RegisterConsumption,
  RegisterRead,
} from './rating-types.js'
export {
  finishRun,
  startRun,
} from './runs.js'
export {
  type MovementKind,
  movementKindOf,
  reconciliationProblems,
  type StatementBalance,
  statementBalance,
} from './statement-balance.js'
export {
  paymentTermDays,
  profileOf,
} from './statement-draft.js'
export * from './types.js'
