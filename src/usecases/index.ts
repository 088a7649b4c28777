export {
  accountBalance,
  accountBusinessBilling,
  accountHistoricalBills,
  accountStatement,
  accountStatementPdf,
  accountStatements,
  billAccountNow,
  changeBillingProfile,
  decideHeldStatement,
  finalBill,
  previewBillNow,
  rebillStatement,
} from './account-billing.js'
export { type FoundAccount, meterSearchOf, searchAccountsAsStaff } from './account-search.js'
export {
  accountMeterPoints,
  accountReadings,
  accountUsage,
  changeAccountTariff,
  submitAccountReading,
} from './account-usage.js'
export {
  accountUsersForStaff,
  grantAccessByStaff,
  pendingPowersOfAttorney,
  reviewPowerOfAttorney,
} from './account-users.js'
export {
  type AccountCall,
  type AccountView,
  type AccountViewSection,
  type Allows,
  accountIdOf,
  accountOverview,
  accountViewSectionPermission,
  accountViewSections,
  accountViewSectionsFor,
} from './account-view.js'
export { type RunSummary, runBilling } from './billing-run.js'
export {
  type CallerAnswers,
  type CallerKind,
  SenderEmailRequired,
  UnknownVerificationQuestion,
  VerificationAnswerRequired,
  verificationQuestions,
  verifyCaller,
} from './caller-verification.js'
export {
  accountCases,
  addCaseNote,
  assignAccountCase,
  caseAttachment,
  caseDetail,
  caseQueue,
  changeCasePriority,
  changeCaseStatus,
  disputeResponseDays,
  escalatedCaseDetail,
  escalatedCaseQueue,
  openAccountCase,
  type QueueAssignee,
  resolveAccountCase,
  type StaffMember,
  uploadCaseAttachment,
} from './cases.js'
export {
  type AccountStatus,
  accountCollections,
  accountStatus,
  arrangementLetter,
  type BatchRunSummary,
  collectDirectDebits,
  collectionsWorklist,
  createAccountArrangement,
  onAccount,
  reviewArrangements,
  reviewDirectDebitAdequacy,
  runCollections,
  type StatusColour,
  type StatusReason,
  syncPayments,
  viewAccountStatus,
} from './collections.js'
export {
  accountLetterPdf,
  accountMessage,
  accountMessages,
  accountSmsEnrolment,
  changeSmsEnrolment,
  commsTransports,
  type DeliveryOutcome,
  type DeliveryQueue,
  deliverMessage,
  enqueueDueMessages,
  inProcessDeliveryQueue,
  logAccountInboundEmail,
  logAccountPhoneCall,
  messageTemplates,
  previewAccountMessage,
  queuedMessagesOf,
  sendAccountMessage,
  TemplateNotAllowed,
  withQueuedMessages,
} from './communications.js'
export {
  type AgentReport,
  type AgentReportRow,
  type AgentVolumes,
  agentReport,
  agentReportCsv,
  InvalidReportRange,
  maxReportDays,
  staffDashboard,
} from './dashboard.js'
export { loadCalorificValues } from './load-calorific-values.js'
export {
  exportD0010,
  importReadingsFile,
  type ReadingFileFormat,
  readingFileFormat,
  UnknownMeterPoints,
} from './meter-reading-files.js'
export { InvalidMoveDate, type MoveResult, moveIn, moveOut, NotAnOccupierAccount } from './move.js'
export { octopusAccount, octopusConsumption, octopusGspGroups, octopusMeterPoint } from './octopus.js'
export { openAccount } from './open-account.js'
export {
  accountAdequacyReview,
  accountArrangements,
  accountNextCollection,
  accountPayments,
  addAccountPaymentMethod,
  defaultProcessor,
  type NewMethodInput,
  recordCheque,
  removeAccountPaymentMethod,
  requestAccountCredit,
  setAccountNextCollection,
  setupAccountDirectDebit,
  type TakePaymentInput,
  takeAccountPayment,
} from './payments.js'
export {
  NoMeterPoint,
  PortalChangeNotAllowed,
  portalAccount,
  portalContact,
  portalStatementPdf,
  portalStatements,
  portalUsage,
  updatePortalContact,
} from './portal-account.js'
export { portalPay, portalPayments } from './portal-payments.js'
export { portalPortfolio } from './portal-portfolio.js'
export { grantFor, PortalActionNotAllowed, portalMe, signInCustomer, signOutCustomer } from './portal-session.js'
export {
  acceptPortalInvitation,
  changePortalUserLevel,
  inviteAuthorizedUser,
  portalUsers,
  removePortalUser,
} from './portal-users.js'
export {
  type PriceNoticesSummary,
  penceText,
  priceLines,
  priceNoticeTemplate,
  queuePriceChangeNotices,
} from './price-notices.js'
export { approvePriceChange, importPriceChange, NotAPricingAnalyst, PricingAnalystNotFound } from './prices.js'
export { clearAccountReviewFlag, reviewFlagQueue } from './review-flags.js'
export { exportAccountSensitiveDetails, recordSensitiveDetails } from './sensitive-details.js'
export { accessPolicyOf, signInStaff } from './staff-session.js'
export { noticeFields, type StatementNoticesSummary, sendStatementNotices } from './statement-notices.js'
export {
  discardSuggestedReply,
  NotAnInboundEmail,
  replyFactsOf,
  replyModelFrom,
  reviewSuggestedReply,
  sendSuggestedReply,
  suggestedReply,
  suggestReply,
} from './suggested-replies.js'
export {
  endAccountSupply,
  exchangeAccountMeter,
  type MeterInput,
  type RegisterInput,
  registerAccountSupply,
  registerSuppliesOf,
  type SupplyInput,
} from './supplies.js'
export {
  importSupplies,
  SuppliesFileRejected,
  type SupplyFileProblem,
  suppliesCsvHeader,
} from './supplies-csv.js'
export {
  accountTimeline,
  changePermissions,
  type TimelineItem,
  type TimelineKind,
  timelineKindPermissions,
  timelineKinds,
  visibleTimelineKinds,
} from './timeline.js'
export { type StatementsReport, type UnreconciledStatement, verifyStatements } from './verify-statements.js'
