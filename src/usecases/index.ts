export { openAccount } from './open-account.js'
export { demoPassword, demoStaff, demoSupplierName, type SeedReport, seedDemo } from './seed-demo.js'
export { accessPolicyOf, signInStaff } from './staff-session.js'
