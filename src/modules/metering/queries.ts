import type { Tx } from '../../db/index.js'
import { decodeInstantCursor, encodeInstantCursor, pageOf } from '../../shared/cursor.js'
import { NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { camelFields } from '../../shared/row-mapping.js'
import { daysBetween, isLocalDate, LONDON, settlementPeriodOf, startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as store from './store.js'
import type {
  Direction,
  Fuel,
  Granularity,
  MeterPointView,
  MeterType,
  Reading,
  ReadingKind,
  ReadingSource,
  ReadingStatus,
  RegisterRate,
  RegisterUnit,
  UsageBucket,
} from './types.js'

export class AccountNotKnown extends withCode(NotFound, 'ACCOUNT_NOT_FOUND') {}
export class MeterPointNotOnAccount extends withCode(NotFound, 'METER_POINT_NOT_FOUND') {}
export class InvalidUsageRange extends withCode(ValidationFailed, 'INVALID_USAGE_RANGE') {}
export class InvalidReadingCursor extends withCode(ValidationFailed, 'INVALID_CURSOR') {}

/** How a stored reading is shown. */
export function readingView(
  row: Pick<
    store.ReadingRow,
    'id' | 'read_at' | 'value' | 'source' | 'kind' | 'status' | 'reason' | 'advance' | 'is_rollover'
  >,
  meterPoint: string,
  meterSerial: string,
  register: string,
): Reading {
  return {
    id: row.id,
    meterPoint,
    meterSerial,
    register,
    ...camelFields(row, ['read_at', 'value', 'source', 'kind', 'status', 'reason', 'advance', 'is_rollover']),
    source: row.source as ReadingSource,
    kind: row.kind as ReadingKind,
    status: row.status as ReadingStatus,
  }
}

/** The account's id from its number. @throws AccountNotKnown */
export async function accountIdOf(tx: Tx, accountNumber: string): Promise<string> {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw new AccountNotKnown(`No account ${accountNumber}`)
  return account.id
}

/**
 * The meter points an account is or was supplied through, with their meters and registers, newest
 * supply first. @throws AccountNotKnown
 */
export async function meterPointsOfAccount({
  tx,
  accountNumber,
}: {
  tx: Tx
  accountNumber: string
}): Promise<MeterPointView[]> {
  return meterPointsOfAccountId({ tx, accountId: await accountIdOf(tx, accountNumber) })
}

/** The same, by the account's id (for billing, which knows it). Throws nothing. */
export async function meterPointsOfAccountId({
  tx,
  accountId,
}: {
  tx: Tx
  accountId: string
}): Promise<MeterPointView[]> {
  return (await meterPointsOfAccountIds({ tx, accountIds: [accountId] })).get(accountId) ?? []
}

/**
 * The same for many accounts in a few queries (a billing run's batch), by account id; an account
 * with no supply maps to an empty list. Throws nothing.
 */
export async function meterPointsOfAccountIds({
  tx,
  accountIds,
}: {
  tx: Tx
  accountIds: readonly string[]
}): Promise<Map<string, MeterPointView[]>> {
  const supplies = await store.supplyPeriodsOfAccounts(tx, accountIds)
  const ids = [...new Set(supplies.map((supply) => supply.meter_point_id))]
  const [points, meters] = await Promise.all([store.meterPointsByIds(tx, ids), store.metersOf(tx, ids)])
  const registers = await store.registersOf(
    tx,
    meters.map((meter) => meter.id),
  )
  const importIds = points.flatMap((point) => (point.import_point_id ? [point.import_point_id] : []))
  const imports = new Map(
    (await store.meterPointsByIds(tx, importIds)).map((point) => [point.id, point.identifier] as const),
  )
  const byId = new Map(points.map((point) => [point.id, point]))
  const metersByPoint = new Map<string, typeof meters>()
  for (const meter of meters) {
    const list = metersByPoint.get(meter.meter_point_id)
    if (list) list.push(meter)
    else metersByPoint.set(meter.meter_point_id, [meter])
  }
  const registersByMeter = new Map<string, typeof registers>()
  for (const register of registers) {
    const list = registersByMeter.get(register.meter_id)
    if (list) list.push(register)
    else registersByMeter.set(register.meter_id, [register])
  }
  const views = new Map<string, MeterPointView[]>(accountIds.map((id) => [id, []]))
  for (const supply of supplies) {
    const point = byId.get(supply.meter_point_id)
    if (!point) continue
    views.get(supply.account_id)?.push({
      ...camelFields(point, ['id', 'fuel', 'identifier', 'direction', 'profile_class', 'gsp_region', 'distributor_id']),
      fuel: point.fuel as Fuel,
      direction: point.direction as Direction,
      linkedImport: point.import_point_id ? (imports.get(point.import_point_id) ?? null) : null,
      suppliedFrom: supply.valid_from,
      suppliedTo: supply.valid_to,
      meters: (metersByPoint.get(point.id) ?? []).map((meter) => ({
        ...camelFields(meter, ['id', 'serial', 'type', 'installed_on', 'removed_on']),
        type: meter.type as MeterType,
        registers: (registersByMeter.get(meter.id) ?? []).map((register) => ({
          ...camelFields(register, ['id', 'identifier', 'rate', 'digits', 'unit']),
          rate: register.rate as RegisterRate,
          unit: register.unit as RegisterUnit,
        })),
      })),
    })
  }
  return views
}

/** A meter point of the account by its MPAN/MPRN. @throws AccountNotKnown, MeterPointNotOnAccount */
export async function meterPointOfAccount({
  tx,
  accountNumber,
  identifier,
}: {
  tx: Tx
  accountNumber: string
  identifier: string
}): Promise<{ accountId: string; meterPointId: string; direction: Direction; fuel: Fuel }> {
  const accountId = await accountIdOf(tx, accountNumber)
  const point = await store.meterPointByIdentifier(tx, identifier)
  const supply = point ? await store.supplyPeriodOf(tx, accountId, point.id) : undefined
  if (!point || !supply) throw new MeterPointNotOnAccount(`Account ${accountNumber} has no meter point ${identifier}`)
  return { accountId, meterPointId: point.id, direction: point.direction as Direction, fuel: point.fuel as Fuel }
}

/** A page of register readings, newest first. @throws AccountNotKnown, MeterPointNotOnAccount, InvalidReadingCursor */
export async function listReadings({
  tx,
  accountNumber,
  meterPoint,
  limit,
  cursor,
}: {
  tx: Tx
  accountNumber: string
  meterPoint?: string | undefined
  limit: number
  cursor?: string | undefined
}): Promise<{ items: Reading[]; nextCursor: string | null }> {
  let ids: string[]
  if (meterPoint) {
    ids = [(await meterPointOfAccount({ tx, accountNumber, identifier: meterPoint })).meterPointId]
  } else {
    const accountId = await accountIdOf(tx, accountNumber)
    ids = (await store.supplyPeriodsOfAccount(tx, accountId)).map((supply) => supply.meter_point_id)
  }
  if (ids.length === 0) return { items: [], nextCursor: null }
  const before = decodeInstantCursor(cursor)
  const rows = await store.readingsPage(tx, { meterPointIds: ids, limit: limit + 1, before })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeInstantCursor(last.read_at, last.id))
  return { items: page.map((row) => readingView(row, row.meter_point, row.serial, row.register)), nextCursor }
}

const maxDays: Record<Granularity, number> = {
  halfhour: 31,
  hour: 93,
  day: 800,
  week: 800,
  month: 800,
  quarter: 1600,
}

/**
 * Usage of a meter point between two local dates [from, to), summed per half hour (with its
 * settlement period), hour, local day, week (from Monday), month or quarter. Buckets without data
 * are left out. @throws InvalidUsageRange
 */
export async function usageSeries({
  tx,
  meterPointId,
  from,
  to,
  granularity,
  timeZone = LONDON,
}: {
  tx: Tx
  meterPointId: string
  from: string
  to: string
  granularity: Granularity
  timeZone?: string
}): Promise<{ totalKwh: string; items: UsageBucket[] }> {
  if (!isLocalDate(from) || !isLocalDate(to) || to <= from) {
    throw new InvalidUsageRange('Give a range of local dates with from before to', [
      { path: 'to', message: 'must be after from' },
    ])
  }
  if (daysBetween(from, to) > maxDays[granularity]) {
    throw new InvalidUsageRange(`At most ${maxDays[granularity]} days at a time for ${granularity} usage`, [
      { path: 'to', message: `at most ${maxDays[granularity]} days after from` },
    ])
  }
  const { rows } = await store.bucketedUsage(tx, {
    meterPointId,
    from: startOfLocalDay(from, timeZone),
    to: startOfLocalDay(to, timeZone),
    granularity,
    order: 'asc',
    offset: 0,
    limit: 50_000,
    timeZone,
  })
  let totalThousandths = 0n
  const items = rows.map((row) => {
    totalThousandths += thousandths(row.kwh)
    const label =
      granularity === 'halfhour'
        ? `${row.local_start} P${settlementPeriodOf(row.start, timeZone).period}`
        : row.local_start
    return {
      start: row.start,
      end: row.end,
      label,
      kwh: trimDecimal(row.kwh),
      intervals: row.intervals,
      estimated: row.estimated,
    }
  })
  return { totalKwh: formatThousandths(totalThousandths), items }
}

/** '1.250' → 1250n thousandths. */
export function thousandths(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.')
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3))
}

export function formatThousandths(value: bigint): string {
  return trimDecimal(`${value / 1000n}.${String(value % 1000n).padStart(3, '0')}`)
}

/** An exact decimal without trailing zeros after the point ('1.250' → '1.25', '2.000' → '2'). */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text
  return text.replace(/0+$/, '').replace(/\.$/, '')
}

/** A meter point by its MPAN/MPRN with the serials of its meters, or undefined. */
export async function findMeterPoint({ tx, identifier }: { tx: Tx; identifier: string }) {
  const point = await store.meterPointByIdentifier(tx, identifier)
  if (!point) return undefined
  const meters = await store.metersOf(tx, [point.id])
  return {
    ...camelFields(point, ['id', 'fuel', 'direction', 'identifier', 'profile_class', 'gsp_region']),
    fuel: point.fuel as Fuel,
    direction: point.direction as Direction,
    serials: meters.map((meter) => meter.serial),
  }
}

/** The account a meter point supplies on a local date, if any. */
export async function accountSuppliedBy({ tx, meterPointId, date }: { tx: Tx; meterPointId: string; date: string }) {
  return store.accountAt(tx, meterPointId, date)
}

/**
 * One page of a meter point's consumption between instants [from, to): half hours, or summed by
 * hour or local day/week/month/quarter, with the total number of rows for paging.
 */
export async function consumptionPage({
  tx,
  timeZone = LONDON,
  ...page
}: { tx: Tx; timeZone?: string } & Omit<store.UsageBuckets, 'timeZone'>) {
  return store.bucketedUsage(tx, { ...page, timeZone })
}

/**
 * The counting readings of electricity meter points between instants, grouped for a D0010 flow:
 * per MPAN, per meter, per register reading. Unknown MPANs are reported, not skipped silently.
 */
export async function readingsForD0010({
  tx,
  mpans,
  from,
  to,
}: {
  tx: Tx
  mpans: readonly string[]
  from: Date
  to: Date
}): Promise<{ rows: Awaited<ReturnType<typeof store.readingsForFlow>>; unknown: string[] }> {
  const ids = await store.meterPointIds(tx, mpans)
  const unknown = mpans.filter((mpan) => !ids.has(mpan))
  const rows = await store.readingsForFlow(tx, { meterPointIds: [...ids.values()], from, to })
  return { rows, unknown }
}

/** A register reading as the account timeline tells it: with its meter point, meter and register. */
export interface FeedReading {
  readonly id: string
  readonly meterPointId: string
  readonly fuel: Fuel
  /** The MPAN core or MPRN. */
  readonly meterPoint: string
  readonly meterSerial: string
  readonly register: string
  readonly rate: RegisterRate
  readonly unit: RegisterUnit
  readonly readAt: Date
  readonly value: string
  readonly source: ReadingSource
  readonly kind: ReadingKind
  readonly status: ReadingStatus
}

/**
 * The readings of the meter points that count or wait for review (accepted, held, released),
 * newest first by read time and then id by bytes, strictly before `before` and at or after `from`
 * when given, at most `limit`: for a feed that merges several kinds of record by time (the account
 * timeline). Throws nothing.
 */
export async function readingsBefore({
  tx,
  meterPointIds,
  before,
  from,
  limit,
}: {
  tx: Tx
  meterPointIds: readonly string[]
  before?: { at: Date; id: string } | undefined
  from?: Date | undefined
  limit: number
}): Promise<FeedReading[]> {
  const rows = await store.readingsForFeed(tx, { meterPointIds, before, from, limit })
  return rows.map((row) => ({
    id: row.id,
    meterPointId: row.meter_point_id,
    fuel: row.fuel as Fuel,
    meterPoint: row.meter_point,
    meterSerial: row.serial,
    register: row.register,
    rate: row.rate as RegisterRate,
    unit: row.unit as RegisterUnit,
    readAt: row.read_at,
    value: row.value,
    source: row.source as ReadingSource,
    kind: row.kind as ReadingKind,
    status: row.status as ReadingStatus,
  }))
}

/**
 * The accounts supplied through a meter point (by its MPAN or MPRN) or a meter (by its serial, any
 * case, when `serial` is true), latest supply first, at most `limit`; and whether they were found by
 * the serial. Throws nothing but database failures.
 */
export async function accountsSuppliedThrough({
  tx,
  identifier,
  serial,
  limit,
}: {
  tx: Tx
  identifier: string
  serial: boolean
  limit: number
}): Promise<{ accountIds: string[]; bySerial: boolean }> {
  const rows = await store.accountsSuppliedThrough(tx, { identifier, serial: serial ? identifier : null, limit })
  return {
    accountIds: rows.map((row) => row.account_id),
    bySerial: rows.length > 0 && rows.every((row) => row.by_serial),
  }
}
