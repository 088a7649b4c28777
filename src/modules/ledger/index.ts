export { type AgeingEntry, ageEntries, oldestPastDueOn } from './ageing.js'
export { postJournal, postJournals, reverseJournal } from './operations.js'
export {
  accountsOwingPastDue,
  ageing,
  balanceAtPosting,
  balanceOf,
  balancesOf,
  chargesSince,
  collectionsPosition,
  findByIdempotencyKey,
  getJournal,
  journalsOf,
  movementsAfter,
  movementsBetween,
  paymentsSince,
  paymentsSinceMany,
  trialBalance,
} from './queries.js'
export * from './types.js'
