export { type AgeingEntry, ageEntries, oldestPastDueOn } from './ageing.js'
export { postJournal, postJournals, reverseJournal } from './operations.js'
export {
  accountsOwingPastDue,
  ageing,
  balanceOf,
  balancesOf,
  chargesSince,
  collectionsPosition,
  findByIdempotencyKey,
  getJournal,
  journalsOf,
  paymentsSince,
  paymentsSinceMany,
  trialBalance,
} from './queries.js'
export * from './types.js'
