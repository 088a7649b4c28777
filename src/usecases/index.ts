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
export { type RunSummary, runBilling } from './billing-run.js'
export { billingRunJob, billingRunSchedule, type Jobs, startJobs } from './jobs.js'
export {
  exportD0010,
  importReadingsFile,
  type ReadingFileFormat,
  readingFileFormat,
  UnknownMeterPoints,
} from './meter-reading-files.js'
export { octopusAccount, octopusConsumption, octopusGspGroups, octopusMeterPoint } from './octopus.js'
export { openAccount } from './open-account.js'
export { demoPassword, demoStaff, demoSupplierName, type SeedReport, seedDemo } from './seed-demo.js'
export { accessPolicyOf, signInStaff } from './staff-session.js'
