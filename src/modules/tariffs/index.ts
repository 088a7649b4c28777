export {
  AgreementNotFound,
  AgreementOverlap,
  AlreadyOnTariff,
  addLocalMonths,
  changeTariff,
  exitFeeDue,
  exitFeeFreeDays,
  InvalidAgreement,
  startAgreement,
  UnknownMeterPoint,
} from './agreements.js'
export {
  type BandWindow,
  bandedRateWindows,
  checkBands,
  type DispatchSpan,
  halfHourMs,
  halfHourStart,
  type KindWindow,
  kindWindows,
  minuteOfDay,
  type PricedSpan,
  rateKindAt,
} from './bands.js'
export { type DayAheadDay, dayAheadColumns, loadDayAheadPrices, maxDayAheadRows } from './day-ahead-prices.js'
export { InvalidDispatches, recordDispatches } from './dispatches.js'
export {
  completeVat,
  earliestNoticedDate,
  isRise,
  maxPriceChangeRows,
  type PriceRow,
  priceChangeColumns,
  priceChangeKinds,
  readPriceChangeCsv,
  risingTariffCodes,
} from './price-change-rules.js'
export {
  approvePriceChange,
  CannotApproveOwnPriceChange,
  type CatalogueProduct,
  catalogue,
  getPriceChange,
  InvalidPriceChange,
  listPriceChanges,
  type NoticeOverride,
  NotYourPriceChange,
  type PriceChange,
  PriceChangeNotFound,
  type PriceChangeNotice,
  PriceChangeNoticeTooShort,
  PriceChangeNotPending,
  type PriceChangeStatus,
  PriceChangeTooLate,
  type PriceDiff,
  previewPriceChange,
  priceChangeNotice,
  priceChangeStatuses,
  priceRiseNoticeRule,
  rejectPriceChange,
  submitPriceChange,
  uploadPriceChange,
} from './price-changes.js'
export { type LaunchRate, launchProduct, type ProductLaunch } from './product-launch.js'
export { tariffCodeOf, unitKindsOf } from './product-rules.js'
export { createProduct, InvalidProduct, ProductCodeTaken, ProductNotFound, TariffNotFound } from './products.js'
export {
  agreementsOf,
  agreementsOfAccount,
  agreementsOfAccounts,
  agreementsOnTariffsAt,
  bandsFor,
  dispatchesFor,
  dispatchesOfAccounts,
  getProduct,
  getTariff,
  listProducts,
  listRates,
  ratesFor,
} from './queries.js'
export { InvalidRates, RatesOverlap, setRates } from './rates.js'
export * from './tenancy.js'
export * from './types.js'
