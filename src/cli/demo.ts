/**
 * The demo as a simulated history (issue 21 item 2): `cuttle seed` (and `npm start`'s first start)
 * seeds the supplier, its customers and their supplies, then runs the demo's days through the same
 * jobs a supplier runs each morning, with the demo's customers paying (or not) at noon: a year for
 * the half-hourly homes and, for the rest of the book, the weeks since it moved onto Cuttle. Every
 * statement, balance, Direct Debit, dunning step and message in the demo is the product's own work.
 * Resumable: an interrupted simulation carries on from the day after the last billing run it made.
 */
import type { Database } from '../db/index.js'
import {
  arriveDemoMeterData,
  demoCustomers,
  demoHistoryDays,
  demoLifeEvents,
  demoUsageAccounts,
  type SeedReport,
  seedDemo,
} from '../demo/index.js'
import { type SimulationReport, simulate } from '../jobs/index.js'
import { countAccounts } from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import type * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, daysBetween, localDateOf, startOfLocalDay } from '../shared/time.js'
import { type DeliveryQueue, defaultProcessor } from '../usecases/index.js'

/**
 * What the demo's days need besides the jobs: the smart homes' data arriving each day (only for days
 * the seed did not load) and, at noon, the customers paying, then writing in, calling, moving and
 * switching tariff, and the staff answering them (`demoLifeEvents`).
 */
export function demoDays({
  database,
  seed,
  accounts,
  usageAccounts = demoUsageAccounts,
  arrivals,
}: {
  database: Database
  seed: number
  accounts: number
  usageAccounts?: number
  /** Whether the smart homes report each day (days after the seed's data). */
  arrivals: boolean
}) {
  const customers = demoCustomers({
    db: database.db,
    seed,
    accounts,
    usageAccounts,
    processor: defaultProcessor(),
    actor: systemActor('demo-customers'),
  })
  const lifeEvents = demoLifeEvents({ db: database.db, seed, accounts, usageAccounts })
  return {
    beforeJobs: arrivals
      ? async (on: string, at: Date) => {
          await arriveDemoMeterData({
            db: database.db,
            seed,
            on,
            usageAccounts,
            actor: systemActor('demo-meters'),
            at,
          })
        }
      : undefined,
    duringDay: async (on: string, at: Date, queue: DeliveryQueue) =>
      (await customers.act(on, at)) + (await lifeEvents.act(on, at, queue)),
  }
}

/**
 * The first day of the demo's history still to simulate: the day after the latest day a billing run
 * was made, else the first. A restart on a simulated demo finds yesterday's run at once.
 */
async function resumeFrom(database: Database, first: string, end: string): Promise<string> {
  for (let on = addDays(end, -1); on >= first; on = addDays(on, -1)) {
    if (await billing.billingRun({ tx: database.db, on })) return addDays(on, 1)
  }
  return first
}

/**
 * Seed the demo (`seedDemo`), then simulate its history up to yesterday (today too once its noon has
 * passed). `onSeed` and `onDay` report progress.
 */
export async function seedSimulatedDemo({
  database,
  accounts,
  seed,
  usageAccounts = demoUsageAccounts,
  historyDays = demoHistoryDays,
  at,
  transports,
  onSeed,
  onDay,
}: {
  database: Database
  accounts: number
  seed: number
  /** How many of the first accounts are half-hourly homes with a year of data. */
  usageAccounts?: number
  /** How many days of history to simulate (a shorter history in tests). */
  historyDays?: number
  at: Date
  transports: comms.Transports
  onSeed?: (done: number, total: number) => void
  onDay?: (done: number, total: number) => void
}): Promise<{ seeded: SeedReport; simulated: SimulationReport }> {
  const today = localDateOf(at)
  const end = at.getTime() >= startOfLocalDay(today).getTime() + 13 * 3_600_000 ? addDays(today, 1) : today
  const existing = await countAccounts(database.db)
  // The simulation starts only once the seed is whole: a demo simulated up to the end is left as it is
  // (a restart), without walking the seed again. No billing run yet means a fresh or partial seed.
  const resume = await resumeFrom(database, addDays(today, -historyDays), end)
  const done = existing >= accounts && resume === end
  const seeded: SeedReport = done
    ? {
        supplierCreated: false,
        staffCreated: 0,
        accountsCreated: 0,
        accountsTotal: existing,
        meterPointsCreated: 0,
        intervalsCreated: 0,
      }
    : await seedDemo({ db: database.db, accounts, seed, usageAccounts, historyDays, at, onProgress: onSeed })
  // The seed makes no billing run: where the history resumes is what was found before it.
  const days = Math.max(0, daysBetween(resume, end))
  const simulated = await simulate({
    database,
    from: resume,
    days,
    transports,
    ...demoDays({ database, seed, accounts: seeded.accountsTotal, usageAccounts, arrivals: false }),
    onDay: (simulatedDays) => onDay?.(simulatedDays, days),
  })
  return { seeded, simulated }
}
