import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { findAccountSupply } from '../modules/accounts/index.js'
import { previewBill } from '../modules/billing/index.js'
import { systemActor } from '../shared/actor.js'
import { changeAccountTariff } from '../usecases/account-usage.js'
import { signInCustomer } from '../usecases/portal-session.js'
import { arriveDemoMeterData } from './meter-data.js'
import { demoAccountNumber } from './people.js'
import { demoPortalPassword, demoPortalUsers, seedPortalDemo } from './portal.js'
import { seedDemo } from './seed-demo.js'
import { chargingSessions, demoMpan, demoProducts, supplyShape } from './supply.js'
import { catalogueCodes } from './tariff-catalogue.js'
import { householdSeries } from './usage.js'

const at = new Date('2026-11-20T09:00:00Z')
const eleanorNumber = demoAccountNumber({ seed: 1, index: 0 })
let database: Database

interface AgreementRow {
  account_number: string
  identifier: string
  fuel: string
  direction: string
  tariff_code: string
  valid_from: Date
  valid_to: Date | null
}

async function agreements(): Promise<AgreementRow[]> {
  const { rows } = await sql<AgreementRow>`
    select ac.number as account_number, mp.identifier, mp.fuel, mp.direction, t.code as tariff_code,
           a.valid_from, a.valid_to
    from agreements a
    join tariffs t on t.id = a.tariff_id
    join meter_points mp on mp.id = a.meter_point_id
    join accounts ac on ac.id = a.account_id
    order by mp.identifier, a.valid_from`.execute(database.db)
  return rows
}

beforeAll(async () => {
  database = await openTestDatabase()
  await seedDemo({ db: database.db, accounts: 40, usageAccounts: 9, historyDays: 160, at })
}, 180_000)

afterAll(async () => {
  await database.close()
})

describe('the demo seed', () => {
  it('puts every meter point on a tariff today, of its own fuel, direction and region', async () => {
    const { rows: points } = await sql<{ identifier: string; gsp_region: string | null }>`
      select identifier, gsp_region from meter_points`.execute(database.db)
    expect(points.length).toBeGreaterThan(40)
    const rows = await agreements()
    for (const point of points) {
      const current = rows.filter(
        (row) => row.identifier === point.identifier && row.valid_from <= at && (!row.valid_to || row.valid_to > at),
      )
      expect(current, point.identifier).toHaveLength(1)
      const code = current[0]!.tariff_code
      expect(code.startsWith(current[0]!.fuel === 'gas' ? 'G-' : 'E-'), code).toBe(true)
      if (point.gsp_region) expect(code.endsWith(`-${point.gsp_region.slice(1)}`), code).toBe(true)
    }
  })

  it('gives each kind of home the product meant for it', async () => {
    const rows = await agreements()
    const importOf = (number: string) =>
      rows.filter((row) => row.account_number === number && row.fuel === 'electricity' && row.direction === 'import')
    const { rows: accounts } = await sql<{ number: string }>`select number from accounts order by number`.execute(
      database.db,
    )
    expect(accounts).toHaveLength(40)
    // Index 0 (Eleanor Ashworth) has an EV: Intelligent. Index 3 has Economy 7: the two-rate variable.
    const eleanor = importOf(eleanorNumber)
    expect(eleanor.at(-1)?.tariff_code).toContain(catalogueCodes.intelligent)
    expect(demoProducts(3, true).import).toBe(catalogueCodes.variable)
    expect(supplyShape(3).economy7).toBe(true)
    const e7 = rows.filter((row) => row.tariff_code.startsWith('E-2R-'))
    expect(e7.length).toBeGreaterThan(0)
    expect(rows.some((row) => row.tariff_code.includes(catalogueCodes.fluxExport) && row.direction === 'export')).toBe(
      true,
    )
  })

  it('switches a third of the variable homes to the fix, the old agreement ending as the new one starts', async () => {
    const rows = await agreements()
    const fixed = rows.filter((row) => row.tariff_code.includes(catalogueCodes.fixed))
    expect(fixed.length).toBeGreaterThan(0)
    for (const row of fixed) {
      const before = rows.filter((other) => other.identifier === row.identifier && other !== row)
      expect(before, row.identifier).toHaveLength(1)
      expect(before[0]?.tariff_code).toContain(catalogueCodes.variable)
      expect(before[0]?.valid_to?.getTime()).toBe(row.valid_from.getTime())
      expect(row.valid_to, 'a 12-month fix ends with its term').not.toBeNull()
    }
  })

  it('records the EV’s charging as dispatches that match the half-hourly data', async () => {
    const { rows } = await sql<{ start_at: Date; end_at: Date; source: string; kwh: string }>`
      select d.start_at, d.end_at, d.source,
             (select sum(i.kwh)::text from intervals i
              where i.meter_point_id = d.meter_point_id and i.interval_start >= d.start_at and i.interval_start < d.end_at) as kwh
      from dispatches d join accounts a on a.id = d.account_id
      where a.number = ${eleanorNumber}`.execute(database.db)
    expect(rows.length).toBeGreaterThan(50)
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set(['smart-charge', 'bump-charge']))
    for (const row of rows) {
      const halfHours = (row.end_at.getTime() - row.start_at.getTime()) / 1_800_000
      // The car draws 3.5 kWh every half hour it charges, on top of the house.
      expect(Number(row.kwh), row.start_at.toISOString()).toBeGreaterThanOrEqual(3.5 * halfHours)
    }
  })

  it('bills the half-hourly homes’ first months without a missing price: the smart homes’ bills would be issued', async () => {
    // About 4½ months (from 12 June): across the switches to the fix, the price-cap change on 1 July
    // and 1 October, and the clocks going back, on every product the homes are on (Economy 7 too).
    const usageHomes = Array.from({ length: 9 }, (_, index) => index)
    expect(usageHomes.some((index) => supplyShape(index).economy7)).toBe(true)
    for (const index of usageHomes) {
      const accountNumber = demoAccountNumber({ seed: 1, index })
      const { holdReasons } = await inTransaction(database.db, async (tx) => {
        const account = await findAccountSupply({ tx, accountNumber })
        return previewBill({ tx, accountId: account!.id, on: '2026-11-01', actor: systemActor('test'), at })
      })
      const unpriced = holdReasons.filter((reason) => reason.code === 'missing_rates' || reason.code === 'no_agreement')
      expect(unpriced, `${accountNumber} (home ${index})`).toEqual([])
      if (supplyShape(index).smart) expect(holdReasons, `${accountNumber} (home ${index})`).toEqual([])
    }
  })

  it('lets the smart homes report each day after the seed, the registers climbing with the half hours', async () => {
    const reads = async (identifier: string) =>
      (
        await sql<{ read_at: Date; value: string }>`select r.read_at, r.value::text from register_readings r
          join meter_points p on p.id = r.meter_point_id where p.identifier = ${identifier} order by r.read_at`.execute(
          database.db,
        )
      ).rows
    const mpan = demoMpan('_A', 1, 'import')
    const before = await reads(mpan)
    // The day's data arriving at 09:00 on `on`, as the daily job brings it.
    const arrive = (on: string) =>
      arriveDemoMeterData({
        db: database.db,
        seed: 1,
        on,
        usageAccounts: 9,
        actor: systemActor('test'),
        at: new Date(`${on}T09:00:00Z`),
      })
    // The seed's data ends on the 19th: the 20th arrives on the 21st; a day already reported is left.
    expect(await arrive('2026-11-21')).toBeGreaterThan(8 * 46)
    expect(await arrive('2026-11-21')).toBe(0)
    // On the 1st the register is read: the last read plus the kWh of the half hours since.
    await arrive('2026-12-01')
    const after = await reads(mpan)
    expect(after).toHaveLength(before.length + 1)
    const [previous, latest] = after.slice(-2)
    const { rows } = await sql<{ kwh: string }>`select coalesce(sum(i.kwh), 0)::text as kwh from intervals i
      join meter_points p on p.id = i.meter_point_id
      where p.identifier = ${mpan} and i.interval_start >= ${previous?.read_at} and i.interval_start < ${latest?.read_at}`.execute(
      database.db,
    )
    const tenths = (text: string) => Math.round(Number(text) * 10)
    expect(tenths(latest?.value ?? '0') - tenths(previous?.value ?? '0')).toBe(tenths(rows[0]?.kwh ?? '0'))
  })

  it('adds nothing when run again', async () => {
    const before = await agreements()
    const report = await seedDemo({ db: database.db, accounts: 40, usageAccounts: 9, historyDays: 160, at })
    expect(report).toMatchObject({
      accountsCreated: 0,
      meterPointsCreated: 0,
      intervalsCreated: 0,
    })
    expect(await agreements()).toEqual(before)
  })

  it('moves a fixed home to another tariff with the exit fee, and refuses a meter point of another account', async () => {
    const fixed = (await agreements()).find(
      (row) => row.tariff_code.startsWith('E-1R-') && row.tariff_code.includes(catalogueCodes.fixed),
    )!
    const region = fixed.tariff_code.slice(-1)
    const from = new Date('2026-12-01T00:00:00Z')
    const change = (accountNumber: string) =>
      inTransaction(database.db, (tx) =>
        changeAccountTariff({
          tx,
          accountNumber,
          meterPoint: fixed.identifier,
          tariffCode: `E-1R-${catalogueCodes.variable}-${region}`,
          from,
          actor: systemActor('test'),
          at,
        }),
      )
    await expect(
      change(eleanorNumber === fixed.account_number ? demoAccountNumber({ seed: 1, index: 1 }) : eleanorNumber),
    ).rejects.toMatchObject({
      code: 'METER_POINT_NOT_FOUND',
    })
    const { ended, started } = await change(fixed.account_number)
    expect(ended).toMatchObject({ validTo: from, exitFeeMinorApplied: 2500n })
    expect(started).toMatchObject({ validFrom: from, validTo: null })
    const { rows } = await sql<{ action: string }>`
      select action from audit_events where action like 'tariffs.agreement.%' and actor_id = 'test'`.execute(
      database.db,
    )
    expect(rows.map((row) => row.action).sort()).toEqual(['tariffs.agreement.ended', 'tariffs.agreement.started'])
  })
})

describe('seedPortalDemo', () => {
  it('gives Eleanor, a limited user and a property manager over three accounts their logins, once', async () => {
    expect(await seedPortalDemo({ db: database.db, seed: 1, actor: systemActor('test'), at })).toBe(0)
    const signIn = (email: string) => signInCustomer({ db: database.db, email, password: demoPortalPassword, at })
    const holder = await signIn(demoPortalUsers.holder)
    expect(holder.me.user.displayName).toBe('Eleanor Ashworth')
    expect(holder.me.accounts).toEqual([
      expect.objectContaining({ accountNumber: demoAccountNumber({ seed: 1, index: 0 }), kind: 'holder' }),
    ])
    const limited = await signIn(demoPortalUsers.limited)
    expect(limited.me.accounts.map((account) => account.allows)).toEqual([
      ['view_bills', 'view_usage', 'view_payments'],
    ])
    const manager = await signIn(demoPortalUsers.propertyManager)
    expect(manager.me.accounts.map((account) => account.kind)).toEqual([
      'property_manager',
      'property_manager',
      'property_manager',
    ])
  })
})

describe('charging sessions', () => {
  it('joins consecutive half hours with the same reason into one dispatch', () => {
    const series = householdSeries({ seed: 1, index: 0, ev: true, solar: false }, '2026-01-01', '2026-02-01')
    const sessions = chargingSessions(series, 'ev-1')
    const charging = series.filter((interval) => interval.charging !== null)
    const covered = sessions.reduce((sum, session) => sum + (session.endAt.getTime() - session.startAt.getTime()), 0)
    expect(covered).toBe(charging.length * 1_800_000)
    for (let i = 1; i < sessions.length; i++) {
      const [previous, session] = [sessions[i - 1]!, sessions[i]!]
      expect(session.startAt >= previous.endAt).toBe(true)
      if (session.startAt.getTime() === previous.endAt.getTime()) expect(session.source).not.toBe(previous.source)
    }
  })
})
