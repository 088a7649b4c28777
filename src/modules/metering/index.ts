export {
  type BillableInterval,
  type BillableReading,
  type HalfHourColumns,
  halfHourColumns,
  hasIntervalData,
  intervalsForBilling,
  intervalsForBillingMany,
  type PackedIntervals,
  readingsForBilling,
} from './billing-data.js'
export {
  CalorificValuesRejected,
  calorificValueOn,
  calorificValuesHeader,
  loadCalorificValues,
} from './calorific-values.js'
export { type D0010Result, d0010HoldReason, parseD0010, writeD0010 } from './d0010.js'
export { estimateReading, fillIntervalGaps, typicalAnnualKwh } from './estimation.js'
export { type ExchangeReading, exchangeMeter } from './exchange.js'
export {
  cubicMetresPerHundredCubicFeet,
  defaultCalorificValueMjPerM3,
  type GasConversion,
  gasConversionText,
  kwhFromVolume,
  unitsFromKwh,
  volumeCorrectionFactor,
} from './gas-volume.js'
export {
  earliestReadingDate,
  FileRejected,
  type IntervalToStage,
  ingestD0010,
  ingestIntervalCsv,
  kwhThousandths,
  loadIntervals,
  problemsKept,
  readingWindow,
} from './ingest.js'
export { checkIntervalHeader, intervalCsvHeader, intervalCsvLine, parseIntervalLine } from './interval-csv.js'
export { mpanCheckDigit, parseMpanCore, parseMprn, withCheckDigit } from './mpan.js'
export {
  configureExport,
  ExportNotConfigurable,
  InvalidMeter,
  InvalidMeterPoint,
  MeterPointNotFound,
  MeterPointTaken,
  ReadingNotFound,
  ReadingNotHeld,
  ReadingRejected,
  recordReading,
  registerMeterPoints,
  reviewReading,
  submitReading,
} from './operations.js'
// The account timeline's readings.
export {
  AccountNotKnown,
  accountIdOf,
  accountSuppliedBy,
  accountsSuppliedThrough,
  consumptionPage,
  type FeedReading,
  findMeterPoint,
  InvalidUsageRange,
  listReadings,
  MeterPointNotOnAccount,
  meterPointOfAccount,
  meterPointsOfAccount,
  meterPointsOfAccountId,
  meterPointsOfAccountIds,
  readingsBefore,
  readingsForD0010,
  usageSeries,
} from './queries.js'
// The partition naming rule, for the test that pins it (zero-padded, `interval_days_2026_03`).
export { monthPartitionSuffix } from './store.js'
export { endSupply, InvalidSupplyEnd, SupplyAlreadyEnded } from './supply.js'
export * from './tenancy.js'
export {
  recordTransferReadings,
  type TransferReading,
  type TransferReadingsResult,
} from './transfer-readings.js'
export * from './types.js'
