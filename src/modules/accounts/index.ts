export { type GspCode, gspRegionOf, gspRegions } from './gsp-regions.js'
export { type AccountHold, HoldNotFound, holdsInForce, InvalidHold, liftHold, placeHold } from './holds.js'
export { displayName, formatPostcode, isUkPostcode, phoneDigits, postcodeKey } from './normalise.js'
export {
  AccountNotFound,
  AccountNumberTaken,
  addNote,
  createAccounts,
  InvalidAccountDetails,
  lockAccount,
  updateBillingAddress,
  updateContacts,
  updatePreferences,
} from './operations.js'
export { gspGroupsForPostcode } from './postcode-regions.js'
export {
  type AccountFacts,
  accountFacts,
  accountFactsOf,
  accountFactsPage,
  accountNumbersOf,
  classifySearch,
  countAccounts,
  findAccountContacts,
  findAccountSupply,
  InvalidCursor,
  listNotes,
  notesBefore,
  readAccountSections,
  type SearchKind,
  searchAccounts,
  searchFoundAccounts,
  viewAccountOverview,
  withAccountNumbers,
} from './queries.js'
export * from './tenancy.js'
export { eleanorTestAccount, openTestAccount, testAccount } from './testing.js'
export {
  type AccountOverview,
  type AccountSectionsView,
  type AccountSummary,
  type Address,
  type EmailContact,
  type NewAccount,
  type NewCustomer,
  type Note,
  type NoteType,
  noteTypes,
  type OverviewSection,
  overviewSections,
  type PhoneContact,
} from './types.js'
export {
  InvalidVulnerability,
  protectedAccounts,
  psrCategories,
  registerVulnerability,
  removeVulnerability,
  type Vulnerability,
  VulnerabilityNotFound,
  type VulnerabilityRegister,
  vulnerabilitiesOf,
  vulnerabilityCategories,
} from './vulnerability.js'
