import type { Db } from '../db/index.js'
import { analyze, inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, localDateOf } from '../shared/time.js'
import { type DemoCustomer, demoAccountNumber, generateCustomer } from './people.js'
import { seedPortalDemo } from './portal.js'
import { seedDemoSupply } from './supply.js'
import { catalogueCodes, seedTariffCatalogue } from './tariff-catalogue.js'

/** The demo staff: one per role, all with the same password (printed by `npm start`). */
export const demoPassword = 'GoodEgg-demo-2026'
export const demoStaff: readonly { email: string; displayName: string; role: access.Role }[] = [
  { email: 'agent@goodeggenergy.example', displayName: 'Amira Agent', role: 'agent' },
  { email: 'supervisor@goodeggenergy.example', displayName: 'Sofia Supervisor', role: 'supervisor' },
  { email: 'billing@goodeggenergy.example', displayName: 'Ben Billing', role: 'billing_specialist' },
  { email: 'field@goodeggenergy.example', displayName: 'Femi Field', role: 'field_technician' },
  { email: 'collections@goodeggenergy.example', displayName: 'Cara Collections', role: 'collections_specialist' },
  { email: 'admin@goodeggenergy.example', displayName: 'Ivan Admin', role: 'it_administrator' },
  { email: 'executive@goodeggenergy.example', displayName: 'Eve Executive', role: 'executive' },
  { email: 'legal@goodeggenergy.example', displayName: 'Lena Legal', role: 'legal_reviewer' },
  { email: 'pricing@goodeggenergy.example', displayName: 'Priya Pricing', role: 'pricing_analyst' },
  { email: 'pricing2@goodeggenergy.example', displayName: 'Pete Pricing', role: 'pricing_analyst' },
]

export const demoSupplierName = 'Good Egg Energy'
const batchSize = 1000

function toNewAccount(customer: DemoCustomer, number: string): accounts.NewAccount {
  return {
    number,
    customer: {
      kind: customer.kind,
      title: customer.title ?? null,
      givenName: customer.givenName ?? null,
      familyName: customer.familyName ?? null,
      businessName: customer.businessName ?? null,
    },
    property: {
      line1: customer.property.line1,
      line2: customer.property.line2 ?? null,
      town: customer.property.town,
      postcode: customer.property.postcode,
      gspRegion: customer.property.gspRegion as accounts.GspCode,
    },
    billingAddress: customer.billingAddress
      ? {
          line1: customer.billingAddress.line1,
          line2: customer.billingAddress.line2 ?? null,
          town: customer.billingAddress.town,
          postcode: customer.billingAddress.postcode,
        }
      : null,
    emails: customer.emails,
    phones: customer.phones,
    billingMode: customer.billingMode,
    market: 'gb',
    // Spread over the seven years before the demo's reference day, the same for every run.
    openedOn: addDays('2026-01-01', -((customer.index * 7919) % 2557)),
  }
}

export interface SeedReport {
  readonly supplierCreated: boolean
  readonly staffCreated: number
  readonly accountsCreated: number
  readonly accountsTotal: number
  readonly meterPointsCreated: number
  readonly intervalsCreated: number
}

/** How many of the first demo accounts have smart meters reporting half-hourly data. */
export const demoUsageAccounts = 12
/** The demo's history: a year for the half-hourly homes, simulated day by day. */
export const demoHistoryDays = 365
/** The rest of the book moved onto Cuttle this many days ago: a shorter history, from transfer readings. */
export const demoMigratedDays = 10

/**
 * Seed the demo supplier, Good Egg Energy on the gb profile: a staff user for every role and `accounts`
 * generated customers with their supplies, deterministic from `seed`: the first `usageAccounts` with
 * a year of half-hourly data, the rest migrated onto Cuttle `demoMigratedDays` ago. Their bills and
 * payments are made afterwards by simulating the days (`cuttle seed` does, through the jobs). Safe to
 * run again: it adds only what is missing, so an interrupted seed resumes where it stopped.
 */
export async function seedDemo({
  db,
  accounts: wanted,
  seed = 1,
  usageAccounts = demoUsageAccounts,
  historyDays = demoHistoryDays,
  at,
  onProgress,
}: {
  db: Db
  accounts: number
  seed?: number
  /** How many of the first accounts get half-hourly data for the whole history. */
  usageAccounts?: number
  /** How long a history the demo has (its catalogue and half hours start then): a year. */
  historyDays?: number
  at: Date
  onProgress?: (done: number, total: number) => void
}): Promise<SeedReport> {
  const actor = systemActor('demo-seed')
  const supplierCreated = await inTransaction(db, async (tx) => {
    try {
      await market.getSupplier(tx)
      return false
    } catch (error) {
      if (!(error instanceof market.SupplierNotConfigured)) throw error
      await market.configureSupplier({ tx, name: demoSupplierName, market: 'gb', actor, at })
      // Made up: a drama-reserved freephone number, an example domain, no real company or VAT number.
      await market.updateSupplierDetails({
        tx,
        changes: {
          legalName: `${demoSupplierName} Ltd`,
          address: '1 Albumen Yard, Cambridge, CB1 1AA',
          phone: '0808 157 0192',
          email: 'hello@goodegg.example',
          website: 'www.goodegg.example',
          companyNumber: '12345678',
          vatNumber: 'GB 123 4567 89',
        },
        actor,
        at,
      })
      return true
    }
  })
  let staffCreated = 0
  for (const person of demoStaff) {
    if (await access.findStaffUser(db, person.email)) continue
    await inTransaction(db, (tx) => access.createStaffUser({ tx, ...person, password: demoPassword, actor, at }))
    staffCreated += 1
  }
  const existing = await accounts.countAccounts(db)
  let done = existing
  onProgress?.(done, Math.max(wanted, existing))
  while (done < wanted) {
    const count = Math.min(batchSize, wanted - done)
    const batch: accounts.NewAccount[] = []
    for (let index = done; index < done + count; index++) {
      batch.push(toNewAccount(generateCustomer({ seed, index }), demoAccountNumber({ seed, index })))
    }
    await inTransaction(db, (tx) => accounts.createAccounts({ tx, accounts: batch, actor, at }))
    done += count
    onProgress?.(done, wanted)
  }
  const tariffsFrom = await seedCatalogueOnce({ db, historyDays, actor, at })
  const supply = await seedDemoSupply({
    db,
    seed,
    from: 0,
    to: Math.max(done, existing),
    usageAccounts,
    tariffsFrom,
    goLive: addDays(localDateOf(at), -demoMigratedDays),
    actor,
    at,
  })
  if (done > existing || supply.meterPoints > 0) await analyze(db)
  await seedPortalDemo({ db, seed, actor, at })
  return {
    supplierCreated,
    staffCreated,
    accountsCreated: done - existing,
    accountsTotal: Math.max(done, existing),
    meterPointsCreated: supply.meterPoints,
    intervalsCreated: supply.intervals,
  }
}

/**
 * The demo tariff catalogue, from `historyDays` and a day before `at` with Agile prices published up to
 * tomorrow; kept as it is when already there. Returns the local date it starts.
 */
async function seedCatalogueOnce({
  db,
  historyDays,
  actor,
  at,
}: {
  db: Db
  historyDays: number
  actor: ReturnType<typeof systemActor>
  at: Date
}) {
  return inTransaction(db, async (tx) => {
    try {
      const { product } = await tariffs.getProduct({ tx, code: catalogueCodes.variable, tariffsActiveAt: at })
      return localDateOf(product.availableFrom)
    } catch (error) {
      if (!(error instanceof tariffs.ProductNotFound)) throw error
      const today = localDateOf(at)
      const from = addDays(today, -historyDays - 1)
      await seedTariffCatalogue({ tx, from, to: addDays(today, 2), at, actor })
      return from
    }
  })
}
