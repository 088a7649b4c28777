export {
  type Arrangement,
  activeArrangementAccounts,
  activeArrangementIds,
  arrangementsOf,
  cancelArrangement,
  createArrangement,
  type Frequency,
  type Instalment,
  instalmentStates,
  planSchedule,
  reviewArrangement,
} from './arrangements.js'
export {
  cardBrand,
  findCardNumbers,
  holdsCardNumber,
  luhnValid,
  maskCardNumbers,
  maskCardNumbersDeep,
  pathsHoldingCardNumbers,
} from './cards.js'
export { creditRequestsOf, decideCreditRequest, pendingApprovals, requestCredit } from './credits.js'
export {
  type AdequacyReview,
  accountsWithAdequacyReviewOverdue,
  adequacyReview,
  type CollectionAwaitingApproval,
  cancelDirectDebit,
  collectDirectDebit,
  collectionsAwaitingApproval,
  type DirectDebit,
  decideDirectDebitCollection,
  directDebitOf,
  instructionsDue,
  instructionsDueAdequacyReview,
  type NextCollection,
  nextCollection,
  nextCollectionDate,
  reviewInstructionAdequacy,
  setNextCollectionAmount,
  setupDirectDebit,
} from './direct-debit.js'
export {
  addPaymentMethod,
  applyPaymentStatus,
  applyProcessorEvent,
  fingerprintOf,
  maxPaymentMinor,
  type PaymentRequest,
  paymentMethodsOf,
  recordChequeOutcome,
  removePaymentMethod,
  takePayment,
} from './operations.js'
export {
  type BankAccountDetails,
  type CardDetails,
  PaymentMethodRejected,
  type PaymentProcessor,
  type ProcessorEvent,
  TestProcessor,
  type TokenizedMethod,
  testCards,
} from './processor.js'
export {
  paymentByConfirmation,
  paymentIdByConfirmation,
  paymentsOf,
  recentReturnedPayment,
  staffPaymentTotals,
  syncProcessorEvents,
} from './queries.js'
export * from './types.js'
