export { type AgeingEntry, ageEntries } from './ageing.js'
export { postJournal, reverseJournal } from './operations.js'
export {
  ageing,
  balanceOf,
  balancesOf,
  findByIdempotencyKey,
  getJournal,
  journalsOf,
  paymentsSince,
  trialBalance,
} from './queries.js'
export * from './types.js'
