/**
 * Gather what the rating engine needs for one account and period: its meter points, the agreements
 * with their prices and bands, the half-hourly data (gaps filled with flagged estimates) or the
 * register readings to bill from and to (an estimate at the period's end when no recent actual),
 * and the EV dispatches of intelligent tariffs. Writes only estimates (through metering).
 */
import type { Change, Tx } from '../../db/index.js'
import { localDateOf } from '../../shared/time.js'
import * as metering from '../metering/index.js'
import type { DispatchSpan } from '../tariffs/index.js'
import * as tariffs from '../tariffs/index.js'
import { halfHourCounts } from './rating-intervals.js'
import type {
  HalfHours,
  IntervalConsumption,
  RatedAgreement,
  RatedMeterPoint,
  RatingInput,
  RegisterConsumption,
} from './rating-types.js'
import type { ClosingReading } from './types.js'

const halfHourMs = 30 * 60_000
const dayMs = 86_400_000
/** A closing reading older than this before the period's end is replaced by an estimate at the end. */
const freshReadingMs = 7 * dayMs
/** A first bill starts from the first reading at most this long before the period's start. */
const openingWindow = 7 * dayMs

export interface Gathered {
  readonly input: RatingInput
  readonly openingReadings: ClosingReading[]
  readonly closingReadings: ClosingReading[]
  readonly negativeRegisters: string[]
  readonly unreadRegisters: string[]
  /** Estimated consumption: an estimated closing reading, or mostly estimated half hours. */
  readonly estimated: boolean
}

/**
 * Where `gather` reads from: the database one account at a time (`directReads`), or what a billing
 * run read ahead for a batch of accounts (`readAhead`). Both give the same rows in the same order.
 */
export interface GatherReads {
  meterPoints(accountId: string): Promise<metering.MeterPointView[]>
  /** Every agreement of the meter point (any account), by start. */
  agreements(meterPointId: string): Promise<tariffs.Agreement[]>
  /** Half hours starting in [from, to): a list oldest first, or columns as read for a batch. */
  intervals(meterPointId: string, from: Date, to: Date): Promise<HalfHours>
  /** Billable readings of the register in [from, to], oldest first. */
  readings(registerId: string, from: Date, to: Date): Promise<metering.BillableReading[]>
  /** The account's dispatches on the meter point overlapping [from, to), by start and device. */
  dispatches(accountId: string, meterPointId: string, from: Date, to: Date): Promise<DispatchSpan[]>
}

function span(dispatch: tariffs.Dispatch): DispatchSpan {
  return { startAt: dispatch.startAt, endAt: dispatch.endAt, source: dispatch.source }
}

/** Reads straight from the database, one account at a time. */
export function directReads(tx: Tx): GatherReads {
  return {
    meterPoints: (accountId) => metering.meterPointsOfAccountId({ tx, accountId }),
    agreements: (meterPointId) => tariffs.agreementsOf({ tx, meterPointIds: [meterPointId] }),
    intervals: (meterPointId, from, to) => metering.intervalsForBilling({ tx, meterPointId, from, to }),
    readings: (registerId, from, to) => metering.readingsForBilling({ tx, registerIds: [registerId], from, to }),
    dispatches: async (accountId, meterPointId, from, to) =>
      (await tariffs.dispatchesFor({ tx, accountId, meterPointId, range: { from, to } })).map(span),
  }
}

/** An account of a batch to read ahead for: its period and the readings its last statement ended on. */
export interface AccountToGather {
  readonly accountId: string
  readonly from: Date
  readonly to: Date
  readonly openingReadings: readonly ClosingReading[]
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

function supplied(point: metering.MeterPointView, from: Date, to: Date): boolean {
  return !(
    point.suppliedFrom >= localDateOf(to) ||
    (point.suppliedTo !== null && point.suppliedTo <= localDateOf(from))
  )
}

function isSmart(point: metering.MeterPointView): boolean {
  return point.meters.some((meter) => meter.type === 'smart' && meter.removedOn === null)
}

/**
 * Read what `gather` needs for a batch of accounts in a few queries (meter points, agreements, half
 * hours, readings, dispatches), and serve `gather` from it. Anything asked for outside what was read
 * ahead (an unusual window) is read from the database, so the answers are always the same as
 * `directReads`.
 */
export async function readAhead(tx: Tx, accounts: readonly AccountToGather[]): Promise<GatherReads> {
  const direct = directReads(tx)
  const accountIds = accounts.map((account) => account.accountId)
  if (accounts.length === 0) return direct
  const minFrom = new Date(Math.min(...accounts.map((account) => account.from.getTime())))
  const maxTo = new Date(Math.max(...accounts.map((account) => account.to.getTime())))
  const [pointsByAccount, dispatches] = await Promise.all([
    metering.meterPointsOfAccountIds({ tx, accountIds }),
    tariffs.dispatchesOfAccounts({ tx, accountIds, range: { from: minFrom, to: maxTo } }),
  ])
  const billed = accounts.flatMap((account) =>
    (pointsByAccount.get(account.accountId) ?? [])
      .filter((point) => supplied(point, account.from, account.to))
      .map((point) => ({ account, point })),
  )
  const pointIds = [...new Set(billed.map(({ point }) => point.id))]
  // Half hours of smart meter points, one query per distinct period (in a run, nearly always one).
  const smart = billed.filter(({ point }) => isSmart(point))
  const byPeriod = groupBy(smart, ({ account }) => `${account.from.toISOString()}|${account.to.toISOString()}`)
  const [agreements, ...intervalGroups] = await Promise.all([
    tariffs.agreementsOf({ tx, meterPointIds: pointIds }),
    ...[...byPeriod.values()].map(async (group) => {
      const { from, to } = (group[0] as (typeof group)[number]).account
      const found = await metering.intervalsForBillingMany({
        tx,
        meterPointIds: [...new Set(group.map(({ point }) => point.id))],
        from,
        to,
      })
      return { from, to, meterPointIds: group.map(({ point }) => point.id), found }
    }),
  ])
  // Packed, unpacked only when an account is gathered: each account's half hours then live briefly.
  const intervals = new Map<string, metering.PackedIntervals | null>()
  for (const group of intervalGroups) {
    for (const id of group.meterPointIds) {
      intervals.set(`${id}|${group.from.toISOString()}|${group.to.toISOString()}`, group.found.get(id) ?? null)
    }
  }
  // Register readings of the meter points billed from readings (not smart, or smart with no half hours).
  const readFrom = billed.filter(
    ({ account, point }) =>
      !isSmart(point) || !intervals.get(`${point.id}|${account.from.toISOString()}|${account.to.toISOString()}`),
  )
  const registerIds = [
    ...new Set(readFrom.flatMap(({ point }) => point.meters.flatMap((meter) => meter.registers.map((r) => r.id)))),
  ]
  const earliestKnown = accounts.flatMap((account) =>
    account.openingReadings.map((reading) => Date.parse(reading.readAt)),
  )
  const readingsFrom = new Date(Math.min(minFrom.getTime() - openingWindow, ...earliestKnown))
  const readings =
    registerIds.length > 0
      ? groupBy(
          await metering.readingsForBilling({ tx, registerIds, from: readingsFrom, to: maxTo }),
          (reading) => reading.registerId,
        )
      : new Map<string, metering.BillableReading[]>()
  const agreementsByPoint = groupBy(agreements, (agreement) => agreement.meterPointId)
  const dispatchesByAccount = groupBy(dispatches, (dispatch) => dispatch.accountId)
  const readRegisters = new Set(registerIds)
  const readPoints = new Set(pointIds)
  return {
    meterPoints: async (accountId) => pointsByAccount.get(accountId) ?? direct.meterPoints(accountId),
    agreements: async (meterPointId) =>
      readPoints.has(meterPointId) ? (agreementsByPoint.get(meterPointId) ?? []) : direct.agreements(meterPointId),
    intervals: async (meterPointId, from, to) => {
      const key = `${meterPointId}|${from.toISOString()}|${to.toISOString()}`
      if (!intervals.has(key)) return direct.intervals(meterPointId, from, to)
      const packed = intervals.get(key)
      return packed ? metering.halfHourColumns(packed) : []
    },
    readings: async (registerId, from, to) =>
      readRegisters.has(registerId) && from >= readingsFrom && to <= maxTo
        ? (readings.get(registerId) ?? []).filter((reading) => reading.readAt >= from && reading.readAt <= to)
        : direct.readings(registerId, from, to),
    dispatches: async (accountId, meterPointId, from, to) =>
      from >= minFrom && to <= maxTo
        ? (dispatchesByAccount.get(accountId) ?? [])
            .filter(
              (dispatch) => dispatch.meterPointId === meterPointId && dispatch.startAt < to && dispatch.endAt > from,
            )
            .map(span)
        : direct.dispatches(accountId, meterPointId, from, to),
  }
}

function tenths(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.')
  return BigInt(whole) * 10n + BigInt((fraction + '0').slice(0, 1))
}

function tenthsText(value: bigint): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  return `${negative ? '-' : ''}${abs / 10n}.${abs % 10n}`
}

function overlaps(a: { from: Date; to: Date | null }, from: Date, to: Date): boolean {
  return a.from < to && (a.to === null || a.to > from)
}

/**
 * Prices and bands of tariffs over a range, kept for a billing run: every account on the same tariff
 * and period reads them once. Prices do not change under a run (new prices are new rows).
 */
export type TariffCache = Map<
  string,
  Promise<Omit<RatedAgreement, 'agreementId' | 'validFrom' | 'validTo' | 'productName'>>
>

function tariffData(tx: Tx, tariffCode: string, range: { from: Date; to: Date }) {
  return (async () => {
    const { product } = await tariffs.getTariff({ tx, tariffCode })
    return {
      tariffCode,
      productCode: product.code,
      structure: product.structure,
      vatPercent: product.vatPercent,
      rates: await tariffs.ratesFor({ tx, tariffCode, range }),
      bands: await tariffs.bandsFor({ tx, tariffCode, range }),
    }
  })()
}

async function ratedAgreements({
  tx,
  reads,
  accountId,
  meterPointId,
  from,
  to,
  cache,
}: {
  tx: Tx
  reads: GatherReads
  accountId: string
  meterPointId: string
  from: Date
  to: Date
  cache?: TariffCache | undefined
}): Promise<RatedAgreement[]> {
  const agreements = (await reads.agreements(meterPointId)).filter(
    (agreement) =>
      agreement.accountId === accountId && overlaps({ from: agreement.validFrom, to: agreement.validTo }, from, to),
  )
  const rated: RatedAgreement[] = []
  for (const agreement of agreements) {
    const range = {
      from: agreement.validFrom > from ? agreement.validFrom : from,
      to: agreement.validTo && agreement.validTo < to ? agreement.validTo : to,
    }
    const key = `${agreement.tariffCode}|${range.from.toISOString()}|${range.to.toISOString()}`
    let data = cache?.get(key)
    if (!data) {
      data = tariffData(tx, agreement.tariffCode, range)
      cache?.set(key, data)
      // A failed read is not kept: the next account tries again (and reports the error itself).
      data.catch(() => cache?.delete(key))
    }
    rated.push({
      ...(await data),
      agreementId: agreement.id,
      productName: agreement.productName,
      validFrom: agreement.validFrom,
      validTo: agreement.validTo,
    })
  }
  return rated
}

/** How a period is gathered; each has a default, and a batch passes what it has read ahead. */
export interface GatherOptions {
  /** A closing reading older than this before `to` is replaced by an estimate at `to` (a final bill: 1 day). */
  freshWithinMs?: number
  /** A first bill starts from the first reading at most this long before `from` (a migrated account: 0, its transfer reading). */
  openingWindowMs?: number
  /** Estimate a closing reading when none is recent enough (false: the register counts as unread). */
  estimateClosing?: boolean
  /** Tariff data shared across a billing run. */
  cache?: TariffCache | undefined
  /** Where to read from: the database (the default) or a batch read ahead. Writes always go to `tx`. */
  reads?: GatherReads | undefined
}

export async function gather({
  tx,
  accountId,
  paymentMethod,
  from,
  to,
  openingReadings,
  freshWithinMs = freshReadingMs,
  openingWindowMs = openingWindow,
  estimateClosing = true,
  cache,
  reads = directReads(tx),
  actor,
  at,
}: Change &
  GatherOptions & {
    accountId: string
    paymentMethod: 'DIRECT_DEBIT' | 'NON_DIRECT_DEBIT'
    from: Date
    to: Date
    /** The readings the previous statement billed to, or (first bill) readings to start from. */
    openingReadings: readonly ClosingReading[]
  }): Promise<Gathered> {
  const points = await reads.meterPoints(accountId)
  const meterPoints: RatedMeterPoint[] = []
  const closingReadings: ClosingReading[] = []
  const opened: ClosingReading[] = []
  const negativeRegisters: string[] = []
  const unreadRegisters: string[] = []
  let estimated = false
  const fromDate = localDateOf(from)
  const toDate = localDateOf(to)
  for (const point of points) {
    if (point.suppliedFrom >= toDate || (point.suppliedTo !== null && point.suppliedTo <= fromDate)) continue
    const agreements = await ratedAgreements({ tx, reads, accountId, meterPointId: point.id, from, to, cache })
    const intelligent = agreements.some((agreement) => agreement.structure === 'intelligent')
    const dispatches = intelligent ? await reads.dispatches(accountId, point.id, from, to) : []
    const smart = isSmart(point)
    let consumption: IntervalConsumption | RegisterConsumption
    let intervals: HalfHours = smart ? await reads.intervals(point.id, from, to) : []
    let counts = halfHourCounts(intervals)
    if (counts.count > 0) {
      const expected = Math.round((to.getTime() - from.getTime()) / halfHourMs)
      if (counts.count < expected && to <= at) {
        await metering.fillIntervalGaps({ tx, meterPointId: point.id, from: fromDate, to: toDate, actor, at })
        // Read again from the database itself: what was read ahead is from before the estimates.
        intervals = await metering.intervalsForBilling({ tx, meterPointId: point.id, from, to })
        counts = halfHourCounts(intervals)
      }
      if (counts.estimated * 2 > counts.count) estimated = true
      // Billable intervals are the rating engine's shape already: passed on as they are, not copied.
      consumption = { kind: 'intervals', intervals }
    } else {
      const registers: RegisterConsumption['registers'][number][] = []
      for (const meter of point.meters) {
        if (meter.removedOn !== null && meter.removedOn <= fromDate) continue
        if (meter.installedOn >= toDate) continue
        for (const register of meter.registers) {
          const label = `${point.identifier}/${meter.serial}/${register.identifier}`
          const known = openingReadings.find((reading) => reading.registerId === register.id)
          const window = await reads.readings(
            register.id,
            known ? new Date(known.readAt) : new Date(from.getTime() - openingWindowMs),
            to,
          )
          // A first bill opens from the latest reading at or before the start (a move-in reading, not
          // the previous occupant's older one), else the first reading after it.
          const first = window.filter((reading) => reading.readAt <= from).at(-1) ?? window[0]
          const opening = known
            ? {
                readingId: known.readingId,
                readAt: new Date(known.readAt),
                value: known.value,
                estimated: known.estimated,
              }
            : first
              ? {
                  readingId: first.id,
                  readAt: first.readAt,
                  value: first.value,
                  estimated: first.estimated,
                }
              : undefined
          if (!opening) {
            unreadRegisters.push(label)
            continue
          }
          const later = window.filter((reading) => reading.readAt > opening.readAt)
          let closing = later.at(-1)
          const stale = (reading: { readAt: Date }) => reading.readAt.getTime() < to.getTime() - freshWithinMs
          if (closing && stale(closing) && !estimateClosing) closing = undefined
          if (estimateClosing && (!closing || stale(closing))) {
            try {
              const { reading } = await metering.estimateReading({
                tx,
                meterPointId: point.id,
                meterSerial: meter.serial,
                register: register.identifier,
                readAt: to,
                actor,
                at,
              })
              closing = {
                id: reading.id,
                registerId: register.id,
                readAt: reading.readAt,
                value: reading.value,
                source: reading.source,
                estimated: true,
                isRollover: reading.isRollover,
                advance: reading.advance,
              }
            } catch (error) {
              if (!(error instanceof metering.ReadingRejected)) throw error
            }
          }
          if (!closing) {
            unreadRegisters.push(label)
            continue
          }
          let units = tenths(closing.value) - tenths(opening.value)
          if (units < 0n && closing.isRollover) units += 10n ** BigInt(register.digits) * 10n
          if (units < 0n) {
            negativeRegisters.push(label)
            continue
          }
          if (closing.estimated) estimated = true
          // A gas register reading volume: its advance in kWh, with the calorific value of the last
          // day of use (the local day before the closing read's instant; a read at midnight closes the
          // day before). One value for the read span: a span crossing a change takes the later one.
          const gas =
            register.unit === 'kWh'
              ? undefined
              : metering.kwhFromVolume({
                  volume: tenthsText(units),
                  unit: register.unit,
                  calorificValueMjPerM3: await metering.calorificValueOn({
                    tx,
                    date: localDateOf(new Date(closing.readAt.getTime() - 1)),
                  }),
                })
          const rate =
            register.rate === 'day' || register.rate === 'night' || register.rate === 'export'
              ? register.rate
              : 'standard'
          registers.push({
            register: register.identifier,
            rate,
            from: opening,
            to: { readingId: closing.id, readAt: closing.readAt, value: closing.value, estimated: closing.estimated },
            units: gas ? gas.kwh : `${tenthsText(units)}00`,
            ...(gas ? { gas } : {}),
          })
          opened.push({
            meterPointId: point.id,
            registerId: register.id,
            readingId: opening.readingId,
            readAt: opening.readAt.toISOString(),
            value: opening.value,
            estimated: opening.estimated,
          })
          closingReadings.push({
            meterPointId: point.id,
            registerId: register.id,
            readingId: closing.id,
            readAt: closing.readAt.toISOString(),
            value: closing.value,
            estimated: closing.estimated,
          })
        }
      }
      consumption = { kind: 'registers', registers }
    }
    meterPoints.push({
      meterPointId: point.id,
      identifier: point.identifier,
      fuel: point.fuel,
      direction: point.direction,
      agreements,
      consumption,
      dispatches,
    })
  }
  return {
    input: { period: { from, to }, paymentMethod, meterPoints },
    openingReadings: opened,
    closingReadings,
    negativeRegisters,
    unreadRegisters,
    estimated,
  }
}
