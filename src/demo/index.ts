/**
 * The demo supplier: generated customers, supply, bills, payments and portal logins for trying
 * Cuttle out, and the guards that keep them out of production. Not a journey: it sits above the use
 * cases it drives and only the command line (and tests, benchmarks) import it.
 */
export { type BillingFixture, billingFixture } from './billing-fixture.js'
export { type DemoCustomers, demoCustomers } from './customers.js'
export { DemoDataRefused, DemoLoginsPresent, demoLoginsIn, refuseDemoLogins, refuseDemoSeed } from './demo-logins.js'
export { type DemoLifeEvents, demoLifeEvents } from './life-events.js'
export { arriveDemoMeterData } from './meter-data.js'
export { type DemoCustomer, demoAccountNumber, generateCustomer, generateCustomers } from './people.js'
export { demoPortalPassword, demoPortalUsers } from './portal.js'
export {
  demoHistoryDays,
  demoMigratedDays,
  demoPassword,
  demoStaff,
  demoSupplierName,
  demoUsageAccounts,
  type SeedReport,
  seedDemo,
} from './seed-demo.js'
export { catalogueCodes, seedTariffCatalogue } from './tariff-catalogue.js'
