export { noDetails, type SupplierDetails, supplierDetailsSchema } from './details.js'
export { configureSupplier, InvalidSettings, updateSettings, updateSupplierDetails } from './operations.js'
export {
  type CallerKind,
  type CallerQuestions,
  callerKinds,
  type Market,
  type MarketProfile,
  marketProfiles,
  markets,
  profileOf,
} from './profiles.js'
export { getSupplier, type Supplier, SupplierNotConfigured } from './queries.js'
export {
  defaultSettings,
  type SupplierSettings,
  settingBounds,
  settingsToJson,
  supplierSettingsSchema,
} from './settings.js'
