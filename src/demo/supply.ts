/**
 * Demo supply for the seeded accounts: electricity meter points (smart, traditional, some Economy 7),
 * gas for most homes, export MPANs for solar homes, and — for the first accounts — a year of
 * half-hourly data up to yesterday, with a few gaps filled by estimates, and monthly readings.
 * Deterministic from the seed; resumable (accounts that already have meter points are skipped).
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { newId } from '../shared/ids.js'
import { addDays, localDateOf, startOfLocalDay } from '../shared/time.js'
import { demoAccountNumber, generateCustomer } from './people.js'
import { catalogueCodes } from './tariff-catalogue.js'
import { type DemoInterval, householdSeries, random } from './usage.js'

const distributorOf: Record<string, string> = {
  _A: '10',
  _B: '11',
  _C: '12',
  _D: '13',
  _E: '14',
  _F: '15',
  _G: '16',
  _P: '17',
  _N: '18',
  _J: '19',
  _H: '20',
  _K: '21',
  _L: '22',
  _M: '23',
}

export interface DemoSupplyShape {
  readonly smart: boolean
  readonly economy7: boolean
  readonly gas: boolean
  readonly solar: boolean
  readonly ev: boolean
}

/** Which kind of home account `index` is: mostly smart, a fifth traditional, some E7, EV and solar. */
export function supplyShape(index: number): DemoSupplyShape {
  const smart = index % 5 !== 4
  return {
    smart,
    economy7: index % 7 === 3,
    gas: index % 10 < 7,
    solar: smart && index % 10 === 5,
    ev: smart && index % 8 === 0,
  }
}

/** A planned agreement: a product from the start, and perhaps a switch to another later. */
interface TariffPlan {
  readonly identifier: string
  readonly accountId: string
  readonly tariffCode: string
  readonly from: Date
  readonly switchTo?: { readonly tariffCode: string; readonly from: Date } | undefined
}

/**
 * Which demo products the account's meter points are on: Intelligent for EV homes, Flux for some
 * solar homes (with Flux export; the others export on the fixed Outgoing), Agile for a few smart
 * homes, Economy 7 homes (whatever else they have) on the two-rate variable, and a third of the rest switched from variable to
 * the 12-month fix a few months ago, so their bills split mid-period. Tariffs priced by the half
 * hour or the time of day (Intelligent, Flux, Agile) only for homes whose half-hourly data the
 * demo has (`halfHourly`): a migrated home billed from register reads stays on the variable.
 */
export function demoProducts(
  index: number,
  halfHourly: boolean,
): {
  import: string
  gas: string
  export: string | null
  fixedSwitch: boolean
} {
  const shape = supplyShape(index)
  // Economy 7 meters have two registers: those homes stay on the two-rate variable.
  const flux = halfHourly && shape.solar && !shape.economy7 && index % 20 === 5
  let importProduct: string = catalogueCodes.variable
  if (shape.economy7 || !halfHourly) importProduct = catalogueCodes.variable
  else if (shape.ev) importProduct = catalogueCodes.intelligent
  else if (flux) importProduct = catalogueCodes.fluxImport
  else if (shape.smart && index % 11 === 2) importProduct = catalogueCodes.agile
  const fixedSwitch = importProduct === catalogueCodes.variable && index % 3 === 1
  return {
    import: importProduct,
    gas: catalogueCodes.variable,
    export: shape.solar ? (flux ? catalogueCodes.fluxExport : catalogueCodes.outgoing) : null,
    fixedSwitch,
  }
}

export function demoMpan(region: string, index: number, kind: 'import' | 'export'): string {
  const distributor = distributorOf[region] ?? '10'
  return metering.withCheckDigit(`${distributor}${kind === 'import' ? '1' : '9'}${String(index).padStart(9, '0')}`)
}

export function demoMprn(index: number): string {
  return String(3_000_000_000 + index)
}

export function demoSerial(index: number, fuel: 'E' | 'G' | 'X'): string {
  return `${index % 5 === 4 ? 'K' : '21'}${fuel}${String(index).padStart(7, '0')}`
}

/**
 * Register meter points for accounts [from, to) that have none yet, and give the first
 * `usageAccounts` accounts half-hourly data from the day after `tariffsFrom` to yesterday (local). The rest of the book
 * came over from the supplier's old system on `goLive`: each is a migrated account (BIL-8) billed
 * from a transfer reading of every register that day.
 */
export async function seedDemoSupply({
  db,
  seed,
  from,
  to,
  usageAccounts,
  tariffsFrom,
  goLive,
  actor,
  at,
}: {
  db: Db
  seed: number
  from: number
  to: number
  usageAccounts: number
  /** The local date the demo catalogue starts: agreements start then or when the account opened. */
  tariffsFrom: string
  /** The local date the accounts after the first `usageAccounts` moved onto Cuttle. */
  goLive: string
  actor: Actor
  at: Date
}): Promise<{ meterPoints: number; intervals: number }> {
  const switchDay = startOfLocalDay(addDays(localDateOf(at), -150))
  let meterPoints = 0
  let intervals = 0
  for (let start = from; start < to; start += 250) {
    const end = Math.min(start + 250, to)
    const batch = await inTransaction(db, async (tx) => {
      const points: metering.NewMeterPoint[] = []
      const migrated: { index: number; accountId: string; points: metering.NewMeterPoint[] }[] = []
      const exports: { exportMpan: string; importMpan: string }[] = []
      const plans: TariffPlan[] = []
      for (let index = start; index < end; index++) {
        const number = demoAccountNumber({ seed, index })
        const account = await accounts.findAccountSupply({ tx, accountNumber: number })
        if (!account) continue
        const region = account.property.gspRegion ?? '_A'
        const importMpan = demoMpan(region, index, 'import')
        if (await metering.findMeterPoint({ tx, identifier: importMpan })) continue
        const shape = supplyShape(index)
        const firstPoint = points.length
        const installedOn = account.openedOn < '2023-01-01' ? account.openedOn : '2023-01-01'
        const base = { propertyId: account.property.id, accountId: account.id, suppliedFrom: account.openedOn }
        const products = demoProducts(index, index < usageAccounts)
        const agreedFrom = startOfLocalDay(account.openedOn > tariffsFrom ? account.openedOn : tariffsFrom)
        const plan = (identifier: string, product: string, fuel: 'electricity' | 'gas', registerKind: '1R' | '2R') => {
          const code = (productCode: string) => tariffs.tariffCodeOf({ productCode, fuel, registerKind, region })
          const switches = products.fixedSwitch && product === catalogueCodes.variable && switchDay > agreedFrom
          plans.push({
            identifier,
            accountId: account.id,
            tariffCode: code(product),
            from: agreedFrom,
            switchTo: switches ? { tariffCode: code(catalogueCodes.fixed), from: switchDay } : undefined,
          })
        }
        plan(importMpan, products.import, 'electricity', shape.economy7 ? '2R' : '1R')
        if (shape.gas) plan(demoMprn(index), products.gas, 'gas', '1R')
        points.push({
          ...base,
          fuel: 'electricity',
          identifier: importMpan,
          profileClass: shape.economy7 ? '02' : '01',
          meters: [
            {
              serial: demoSerial(index, 'E'),
              type: shape.smart ? 'smart' : 'traditional',
              installedOn,
              registers: shape.economy7
                ? [
                    { identifier: shape.smart ? '01' : 'DY', rate: 'day', digits: 5 },
                    { identifier: shape.smart ? '02' : 'NT', rate: 'night', digits: 5 },
                  ]
                : [{ identifier: 'S', rate: 'standard', digits: 5 }],
            },
          ],
        })
        if (shape.gas) {
          points.push({
            ...base,
            fuel: 'gas',
            identifier: demoMprn(index),
            meters: [
              {
                serial: demoSerial(index, 'G'),
                type: shape.smart ? 'smart' : 'traditional',
                installedOn,
                registers: [{ identifier: 'S', rate: 'standard', digits: 5, unit: 'm3' }],
              },
            ],
          })
        }
        if (shape.solar) {
          const exportMpan = demoMpan(region, index, 'export')
          points.push({
            ...base,
            fuel: 'electricity',
            identifier: exportMpan,
            direction: 'export',
            profileClass: '08',
            meters: [
              {
                serial: demoSerial(index, 'X'),
                type: 'smart',
                installedOn,
                registers: [{ identifier: 'E', rate: 'export', digits: 5 }],
              },
            ],
          })
          exports.push({ exportMpan, importMpan })
          if (products.export) plan(exportMpan, products.export, 'electricity', '1R')
        }
        if (index >= usageAccounts) migrated.push({ index, accountId: account.id, points: points.slice(firstPoint) })
      }
      const registered = await metering.registerMeterPoints({ tx, meterPoints: points, actor, at })
      const idOf = new Map(registered.map((point) => [point.identifier, point.id]))
      await migrate({ tx, migrated, idOf, goLive, actor, at })
      for (const link of exports) {
        await metering.configureExport({
          tx,
          exportIdentifier: link.exportMpan,
          importIdentifier: link.importMpan,
          actor,
          at,
        })
      }
      for (const agreement of plans) {
        const meterPointId = idOf.get(agreement.identifier)
        if (!meterPointId) continue
        const { accountId, tariffCode } = agreement
        await tariffs.startAgreement({
          tx,
          accountId,
          meterPointId,
          tariffCode,
          from: agreement.from,
          to: null,
          actor,
          at,
        })
        if (agreement.switchTo) {
          await tariffs.changeTariff({ tx, accountId, meterPointId, ...agreement.switchTo, actor, at })
        }
      }
      return registered.length
    })
    meterPoints += batch
  }
  const today = localDateOf(at)
  // The half hours and readings start with the catalogue and the agreements.
  const historyFrom = tariffsFrom
  for (let index = from; index < Math.min(to, usageAccounts); index++) {
    intervals += await seedHalfHourly({ db, seed, index, from: historyFrom, to: today, actor, at })
  }
  return { meterPoints, intervals }
}

/**
 * Accounts of the book that moved onto Cuttle on `goLive`: every register read that day (the
 * transfer reading the old supplier's last bill closed on), recorded together, and a migrated
 * billing profile each, so its first bill starts there. Readings are made up but steady: a
 * register's value follows its account.
 */
async function migrate({
  tx,
  migrated,
  idOf,
  goLive,
  actor,
  at,
}: {
  tx: Tx
  migrated: readonly { index: number; accountId: string; points: readonly metering.NewMeterPoint[] }[]
  idOf: ReadonlyMap<string, string>
  goLive: string
  actor: Actor
  at: Date
}) {
  const transferAt = startOfLocalDay(goLive)
  const readings: metering.TransferReading[] = []
  for (const { index, points } of migrated) {
    for (const point of points) {
      const meterPointId = idOf.get(point.identifier)
      if (!meterPointId) continue
      for (const meter of point.meters) {
        for (const [position, register] of meter.registers.entries()) {
          const start = point.fuel === 'gas' ? 2_000 : register.rate === 'export' ? 500 : 10_000
          readings.push({
            meterPointId,
            meterSerial: meter.serial,
            register: register.identifier,
            readAt: transferAt,
            value: `${start + ((index * 7_919 + position * 1_231) % 20_000)}.0`,
          })
        }
      }
    }
  }
  await metering.recordTransferReadings({ tx, readings, actor, at })
  for (const { accountId } of migrated) {
    await billing.setBillingProfile({ tx, accountId, changes: { origin: 'migrated', transferAt }, actor, at })
  }
}

/**
 * The demo smart home's account, its region and its import meter point, while the half hours of the
 * day before `on` have not arrived; undefined once they have (or when the home is not there).
 */
export async function smartHomeAwaitingData(tx: Tx, { seed, index, on }: { seed: number; index: number; on: string }) {
  const account = await accounts.findAccountSupply({ tx, accountNumber: demoAccountNumber({ seed, index }) })
  if (!account) return undefined
  const region = account.property.gspRegion ?? '_A'
  const importPoint = await metering.findMeterPoint({ tx, identifier: demoMpan(region, index, 'import') })
  if (!importPoint) return undefined
  const known = await metering.usageSeries({
    tx,
    meterPointId: importPoint.id,
    from: addDays(on, -1),
    to: on,
    granularity: 'day',
  })
  return known.items.length > 0 ? undefined : { account, region, importPoint }
}

/** What seeding one demo home's data over the local dates [from, to) takes: which home, and who writes it when. */
interface DemoHomeSpan {
  seed: number
  index: number
  from: string
  to: string
  actor: Actor
  at: Date
}

async function seedHalfHourly({ db, seed, index, from, to, actor, at }: DemoHomeSpan & { db: Db }): Promise<number> {
  const shape = supplyShape(index)
  if (!shape.smart) return seedCustomerReadings({ db, seed, index, from, to, actor, at })
  return inTransaction(db, async (tx) => {
    const home = await smartHomeAwaitingData(tx, { seed, index, on: to })
    if (!home) return 0
    const { account, region, importPoint } = home
    const exportPoint = shape.solar
      ? await metering.findMeterPoint({ tx, identifier: demoMpan(region, index, 'export') })
      : undefined
    const series = householdSeries({ seed, index, ev: shape.ev, solar: shape.solar }, from, to)
    // A few homes lose some days of data (late or missing smart data), filled below by estimates.
    const gapStart = index % 6 === 1 ? startOfLocalDay(addDays(to, -20)).getTime() : 0
    const gapEnd = gapStart ? startOfLocalDay(addDays(to, -17)).getTime() : 0
    const kept = series.filter((interval) => {
      const time = interval.startAt.getTime()
      return time < gapStart || time >= gapEnd
    })
    const loaded = await loadDemoHalfHours({
      tx,
      accountId: account.id,
      accountNumber: demoAccountNumber({ seed, index }),
      importPointId: importPoint.id,
      exportPointId: exportPoint?.id ?? null,
      series: kept,
      ev: shape.ev,
      actor,
      at,
    })
    if (!shape.economy7) {
      // Monthly smart register reads that agree with the half-hourly data.
      let cumulative = 0
      let month = ''
      for (const interval of series) {
        const date = localDateOf(interval.startAt)
        if (date.slice(0, 7) !== month) {
          month = date.slice(0, 7)
          await metering.submitReading({
            tx,
            meterPointId: importPoint.id,
            meterSerial: demoSerial(index, 'E'),
            register: 'S',
            readAt: interval.startAt,
            value: (10_000 + cumulative).toFixed(1),
            source: 'smart',
            actor,
            at,
          })
        }
        cumulative += Number(interval.importKwh)
      }
    }
    if (shape.gas) {
      const billDay = demoBillDay({ seed, index, openedOn: account.openedOn })
      await seedGasReadings({ tx, seed, index, from, to, billDay, actor, at })
    }
    if (gapStart) {
      await metering.fillIntervalGaps({
        tx,
        meterPointId: importPoint.id,
        from: addDays(to, -20),
        to: addDays(to, -17),
        actor,
        at,
      })
    }
    return loaded
  })
}

/**
 * Load a home's half hours (import, and export where it has a point) as actual data, and the car's
 * charging in them as dispatches; answers how many half hours went in. The demo seed and the daily
 * arrival (`meter-data.ts`) both load through this.
 */
export async function loadDemoHalfHours({
  tx,
  accountId,
  accountNumber,
  importPointId,
  exportPointId,
  series,
  ev,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  accountNumber: string
  importPointId: string
  exportPointId: string | null
  series: readonly DemoInterval[]
  ev: boolean
  actor: Actor
  at: Date
}): Promise<number> {
  const rows: metering.IntervalToStage[] = []
  for (const interval of series) {
    const base = { intervalStart: interval.startAt, quality: 'actual' as const }
    rows.push({ ...base, line: rows.length + 1, meterPointId: importPointId, kwh: interval.importKwh })
    if (exportPointId && interval.exportKwh !== null) {
      rows.push({ ...base, line: rows.length + 1, meterPointId: exportPointId, kwh: interval.exportKwh })
    }
  }
  await metering.loadIntervals({ tx, ingestionId: newId('ing'), rows, at })
  if (ev) {
    await tariffs.recordDispatches({
      tx,
      accountId,
      meterPointId: importPointId,
      dispatches: chargingSessions(series, `ev-${accountNumber}`),
      actor,
      at,
    })
  }
  return rows.length
}

/** The car's charging sessions in a series: each run of half hours with the same reason, as a dispatch. */
export function chargingSessions(series: readonly DemoInterval[], deviceId: string): tariffs.NewDispatch[] {
  const sessions: tariffs.NewDispatch[] = []
  let open: { startAt: Date; endAt: Date; source: 'smart-charge' | 'bump-charge' } | null = null
  const halfHour = 30 * 60_000
  for (const interval of series) {
    const endAt = new Date(interval.startAt.getTime() + halfHour)
    if (open && interval.charging === open.source && interval.startAt.getTime() === open.endAt.getTime()) {
      open.endAt = endAt
      continue
    }
    if (open) sessions.push({ deviceId, ...open })
    open = interval.charging ? { startAt: interval.startAt, endAt, source: interval.charging } : null
  }
  if (open) sessions.push({ deviceId, ...open })
  return sessions
}

/**
 * The day of the month a demo home is billed (BIL-1: a business on the 1st, a household on the day it
 * opened, at most the 28th): its meters are read that day, so each statement closes on an actual read.
 */
export function demoBillDay({ seed, index, openedOn }: { seed: number; index: number; openedOn: string }): number {
  return generateCustomer({ seed, index }).kind === 'business' ? 1 : Math.min(Number(openedOn.slice(8, 10)), 28)
}

/** Whether the demo reads a home's registers on the local date: the 1st, and its bill day. */
export function isReadingDay(date: string, billDay: number): boolean {
  return date.endsWith('-01') || Number(date.slice(8, 10)) === billDay
}

/**
 * Smart gas readings for a year on an m³ register, on the 1st and the bill day of each month: more in winter, from 8,000.0 m³. A day
 * uses about 4.0 m³ in winter, 2.5 in spring and autumn and 1.1 in summer: about 45, 28 and 12 kWh
 * (one m³ is 1.02264 × 39.5 ÷ 3.6 = 11.22 kWh).
 */
async function seedGasReadings({
  tx,
  seed,
  index,
  from,
  to,
  billDay,
  actor,
  at,
}: DemoHomeSpan & { tx: Tx; billDay: number }) {
  const gasPoint = await metering.findMeterPoint({ tx, identifier: demoMprn(index) })
  if (!gasPoint) return
  const next = random(seed * 7_000_003 + index)
  let tenths = 80_000n
  for (let date = from; date < to; date = addDays(date, 1)) {
    if (date === from || isReadingDay(date, billDay)) {
      await metering.submitReading({
        tx,
        meterPointId: gasPoint.id,
        meterSerial: demoSerial(index, 'G'),
        register: 'S',
        readAt: startOfLocalDay(date),
        value: `${tenths / 10n}.${tenths % 10n}`,
        source: 'smart',
        actor,
        at,
      })
    }
    const month = Number(date.slice(5, 7))
    const winter = month <= 3 || month >= 11 ? 4.0 : month === 4 || month === 10 ? 2.5 : 1.1
    tenths += BigInt(Math.round(winter * (0.7 + next() * 0.6) * 10))
  }
}

/**
 * A traditional meter in a half-hourly home's place: the household reads its meters when it moves
 * onto the catalogue and then two days before each monthly bill, as the supplier's reminder asks, so
 * its bills close on a recent actual read. Kept only once: a home with readings is left as it is.
 */
async function seedCustomerReadings({ db, seed, index, from, to, actor, at }: DemoHomeSpan & { db: Db }) {
  return inTransaction(db, async (tx) => {
    const account = await accounts.findAccountSupply({ tx, accountNumber: demoAccountNumber({ seed, index }) })
    if (!account) return 0
    const region = account.property.gspRegion ?? '_A'
    const shape = supplyShape(index)
    const electricity = await metering.findMeterPoint({ tx, identifier: demoMpan(region, index, 'import') })
    const gas = shape.gas ? await metering.findMeterPoint({ tx, identifier: demoMprn(index) }) : undefined
    if (!electricity) return 0
    const billDay = demoBillDay({ seed, index, openedOn: account.openedOn })
    const readDay = billDay > 2 ? billDay - 2 : billDay
    const series = householdSeries({ seed, index, ev: false, solar: false }, from, to)
    const next = random(seed * 7_000_003 + index)
    let kwh = 0
    let gasTenths = 80_000n
    let half = 0
    for (let date = from; date < to; date = addDays(date, 1)) {
      if (date === from || Number(date.slice(8, 10)) === readDay) {
        const readAt = startOfLocalDay(date)
        const read = (meterPointId: string, meterSerial: string, value: string) =>
          metering.submitReading({
            tx,
            meterPointId,
            meterSerial,
            register: 'S',
            readAt,
            value,
            source: 'customer',
            actor,
            at,
          })
        await read(electricity.id, demoSerial(index, 'E'), (10_000 + kwh).toFixed(1))
        if (gas) await read(gas.id, demoSerial(index, 'G'), `${gasTenths / 10n}.${gasTenths % 10n}`)
      }
      const dayEnd = startOfLocalDay(addDays(date, 1)).getTime()
      for (; half < series.length && (series[half]?.startAt.getTime() ?? dayEnd) < dayEnd; half++) {
        kwh += Number(series[half]?.importKwh ?? 0)
      }
      const month = Number(date.slice(5, 7))
      const winter = month <= 3 || month >= 11 ? 4.0 : month === 4 || month === 10 ? 2.5 : 1.1
      gasTenths += BigInt(Math.round(winter * (0.7 + next() * 0.6) * 10))
    }
    return 0
  })
}
