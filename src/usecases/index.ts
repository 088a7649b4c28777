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
  rebillStatement,
} from './account-billing.js'
export {
  accountMeterPoints,
  accountReadings,
  accountUsage,
  changeAccountTariff,
  submitAccountReading,
} from './account-usage.js'
export {
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
  deliverQueuedMessages,
  logAccountInboundEmail,
  logAccountPhoneCall,
  messageTemplates,
  previewAccountMessage,
  sendAccountMessage,
  TemplateNotAllowed,
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
export { demoPortalUsers } from './demo/portal.js'
export { DemoDataRefused, DemoLoginsPresent, demoLoginsIn, refuseDemoLogins, refuseDemoSeed } from './demo-logins.js'
export {
  billingRunJob,
  billingRunSchedule,
  type Jobs,
  moneyDayJob,
  moneyDaySchedule,
  runMoneyDay,
  startJobs,
} from './jobs.js'
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
  accountPayments,
  addAccountPaymentMethod,
  defaultProcessor,
  type NewMethodInput,
  recordCheque,
  removeAccountPaymentMethod,
  requestAccountCredit,
  setupAccountDirectDebit,
  type TakePaymentInput,
  takeAccountPayment,
} from './payments.js'
export {
  acceptPortalInvitation,
  changePortalUserLevel,
  grantAccessByStaff,
  grantFor,
  inviteAuthorizedUser,
  NoMeterPoint,
  PortalActionNotAllowed,
  pendingPowersOfAttorney,
  portalAccount,
  portalContact,
  portalMe,
  portalPay,
  portalPayments,
  portalPortfolio,
  portalStatementPdf,
  portalStatements,
  portalUsage,
  portalUsers,
  recordSensitiveDetails,
  removePortalUser,
  reviewPowerOfAttorney,
  signInCustomer,
  signOutCustomer,
  UnknownVerificationQuestion,
  updatePortalContact,
  VerificationAnswerRequired,
  verificationQuestions,
  verifyCaller,
} from './portal.js'
export { clearAccountReviewFlag, reviewFlagQueue } from './review-flags.js'
export { demoPassword, demoStaff, demoSupplierName, type SeedReport, seedDemo } from './seed-demo.js'
export { exportAccountSensitiveDetails } from './sensitive-details.js'
export { accessPolicyOf, signInStaff } from './staff-session.js'
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
  accountTimeline,
  changePermissions,
  type TimelineItem,
  type TimelineKind,
  timelineKindPermissions,
  timelineKinds,
  visibleTimelineKinds,
} from './timeline.js'
