export { holdReasons } from './anomalies.js'
export { backbillingCutoff, backbillingWriteoff } from './backbilling.js'
export { type BatchOutcome, billBatch, gatherBatchForRating } from './batch.js'
export { businessBilling, createDocument, issueDocument } from './business.js'
export { compare, usageSummaries } from './explain.js'
export type { TariffCache } from './gather.js'
export {
  addHistoricalBill,
  billAccount,
  finishRun,
  gatherForRating,
  paymentTermDays,
  profileOf,
  rebill,
  rejectStatement,
  releaseStatement,
  setBillingProfile,
  startRun,
} from './operations.js'
export {
  accountsDue,
  billingRun,
  getStatement,
  heldStatements,
  historicalBills,
  listStatements,
  statementsBefore,
  toStatement as toStatementView,
} from './queries.js'
export * from './rating.js'
export * from './types.js'
