import { type Selectable, sql } from 'kysely'
import { copyRows, type Tx, withTables } from '../../db/index.js'
import type { Granularity, IntervalQuality, ReadingStatus } from './types.js'

interface MeterPointsTable {
  id: string
  fuel: string
  identifier: string
  direction: string
  profile_class: string | null
  distributor_id: string | null
  gsp_region: string | null
  property_id: string
  import_point_id: string | null
  created_at: Date
}
interface SupplyPeriodsTable {
  id: string
  account_id: string
  meter_point_id: string
  valid_from: string
  valid_to: string | null
}
interface MetersTable {
  id: string
  meter_point_id: string
  serial: string
  type: string
  installed_on: string
  removed_on: string | null
}
interface RegistersTable {
  id: string
  meter_id: string
  identifier: string
  rate: string
  digits: number
}
interface ReadingsTable {
  id: string
  meter_point_id: string
  register_id: string
  read_at: Date
  value: string
  source: string
  kind: string
  status: string
  reason: string | null
  advance: string | null
  is_rollover: boolean
  ingestion_id: string | null
  actor_kind: string
  actor_id: string | null
  created_at: Date
}
interface IngestionsTable {
  id: string
  kind: string
  file_name: string | null
  sha256: string | null
  rows_total: number
  rows_inserted: number
  rows_revised: number
  rows_unchanged: number
  rows_rejected: number
  rejected: string
  actor_kind: string
  actor_id: string | null
  created_at: Date
}

const tables = withTables<{
  meter_points: MeterPointsTable
  supply_periods: SupplyPeriodsTable
  meters: MetersTable
  registers: RegistersTable
  register_readings: ReadingsTable
  ingestions: IngestionsTable
}>()

export type MeterPointRow = Selectable<MeterPointsTable>
export type SupplyPeriodRow = Selectable<SupplyPeriodsTable>
export type MeterRow = Selectable<MetersTable>
export type RegisterRow = Selectable<RegistersTable>
export type ReadingRow = Selectable<ReadingsTable>

export async function insertMeterPoints(tx: Tx, rows: MeterPointRow[]): Promise<void> {
  if (rows.length > 0) await tables(tx).insertInto('meter_points').values(rows).execute()
}
export async function insertSupplyPeriods(tx: Tx, rows: SupplyPeriodRow[]): Promise<void> {
  if (rows.length > 0) await tables(tx).insertInto('supply_periods').values(rows).execute()
}
export async function insertMeters(tx: Tx, rows: MeterRow[]): Promise<void> {
  if (rows.length > 0) await tables(tx).insertInto('meters').values(rows).execute()
}
export async function insertRegisters(tx: Tx, rows: RegisterRow[]): Promise<void> {
  if (rows.length > 0) await tables(tx).insertInto('registers').values(rows).execute()
}

export async function existingIdentifiers(tx: Tx, identifiers: readonly string[]): Promise<string[]> {
  if (identifiers.length === 0) return []
  const rows = await tables(tx)
    .selectFrom('meter_points')
    .select('identifier')
    .where('identifier', 'in', [...identifiers])
    .execute()
  return rows.map((row) => row.identifier)
}

export async function meterPointByIdentifier(tx: Tx, identifier: string): Promise<MeterPointRow | undefined> {
  return tables(tx).selectFrom('meter_points').selectAll().where('identifier', '=', identifier).executeTakeFirst()
}

export async function meterPointById(tx: Tx, id: string): Promise<MeterPointRow | undefined> {
  return tables(tx).selectFrom('meter_points').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Identifier → id for the given identifiers (unknown ones are absent). */
export async function meterPointIds(tx: Tx, identifiers: readonly string[]): Promise<Map<string, string>> {
  if (identifiers.length === 0) return new Map()
  const rows = await tables(tx)
    .selectFrom('meter_points')
    .select(['id', 'identifier'])
    .where('identifier', 'in', [...identifiers])
    .execute()
  return new Map(rows.map((row) => [row.identifier, row.id]))
}

export async function linkExport(tx: Tx, exportId: string, importId: string): Promise<void> {
  await tables(tx).updateTable('meter_points').set({ import_point_id: importId }).where('id', '=', exportId).execute()
}

export async function exportLinkedTo(tx: Tx, importId: string): Promise<MeterPointRow | undefined> {
  return tables(tx).selectFrom('meter_points').selectAll().where('import_point_id', '=', importId).executeTakeFirst()
}

export async function supplyPeriodsOfAccount(tx: Tx, accountId: string): Promise<SupplyPeriodRow[]> {
  return tables(tx)
    .selectFrom('supply_periods')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute()
}

/** The supply periods of many accounts (billing runs), by account, start and id. */
export async function supplyPeriodsOfAccounts(tx: Tx, accountIds: readonly string[]): Promise<SupplyPeriodRow[]> {
  if (accountIds.length === 0) return []
  return tables(tx)
    .selectFrom('supply_periods')
    .selectAll()
    .where('account_id', 'in', [...accountIds])
    .orderBy('account_id')
    .orderBy('valid_from')
    .orderBy('id')
    .execute()
}

/** An account's supply periods, by meter point and start, locked for a change of tenancy. */
export async function lockSupplyPeriodsOfAccount(tx: Tx, accountId: string): Promise<SupplyPeriodRow[]> {
  return tables(tx)
    .selectFrom('supply_periods')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('meter_point_id')
    .orderBy('valid_from')
    .forUpdate()
    .execute()
}

/** End a supply period at the local date `on`. */
export async function endSupplyPeriod(tx: Tx, id: string, on: string): Promise<void> {
  await tables(tx).updateTable('supply_periods').set({ valid_to: on }).where('id', '=', id).execute()
}

export async function supplyPeriodOf(tx: Tx, accountId: string, meterPointId: string) {
  return tables(tx)
    .selectFrom('supply_periods')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('meter_point_id', '=', meterPointId)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst()
}

/** The account supplied by a meter point on a local date, if any. */
export async function accountAt(tx: Tx, meterPointId: string, day: string): Promise<string | undefined> {
  const row = await tables(tx)
    .selectFrom('supply_periods')
    .select('account_id')
    .where('meter_point_id', '=', meterPointId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirst()
  return row?.account_id
}

export async function meterPointsByIds(tx: Tx, ids: readonly string[]): Promise<MeterPointRow[]> {
  if (ids.length === 0) return []
  return tables(tx)
    .selectFrom('meter_points')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()
}

export async function metersOf(tx: Tx, meterPointIds: readonly string[]): Promise<MeterRow[]> {
  if (meterPointIds.length === 0) return []
  return tables(tx)
    .selectFrom('meters')
    .selectAll()
    .where('meter_point_id', 'in', [...meterPointIds])
    .orderBy('installed_on')
    .orderBy('id')
    .execute()
}

export async function registersOf(tx: Tx, meterIds: readonly string[]): Promise<RegisterRow[]> {
  if (meterIds.length === 0) return []
  return tables(tx)
    .selectFrom('registers')
    .selectAll()
    .where('meter_id', 'in', [...meterIds])
    .orderBy('identifier')
    .execute()
}

export async function endMeter(tx: Tx, meterId: string, removedOn: string): Promise<void> {
  await tables(tx).updateTable('meters').set({ removed_on: removedOn }).where('id', '=', meterId).execute()
}

/** Actual readings that count for validation: accepted or released, not estimates. */
const countingStatuses: ReadingStatus[] = ['accepted', 'released']

export async function previousActual(tx: Tx, registerId: string, before: Date): Promise<ReadingRow | undefined> {
  return tables(tx)
    .selectFrom('register_readings')
    .selectAll()
    .where('register_id', '=', registerId)
    .where('status', 'in', countingStatuses)
    .where('source', '<>', 'estimated')
    .where('read_at', '<', before)
    .orderBy('read_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function nextActual(tx: Tx, registerId: string, after: Date): Promise<ReadingRow | undefined> {
  return tables(tx)
    .selectFrom('register_readings')
    .selectAll()
    .where('register_id', '=', registerId)
    .where('status', 'in', countingStatuses)
    .where('source', '<>', 'estimated')
    .where('read_at', '>', after)
    .orderBy('read_at')
    .limit(1)
    .executeTakeFirst()
}

/** The earliest and latest actual readings before `before`, for the register's usual daily rate. */
export async function actualsBefore(tx: Tx, registerId: string, before: Date, limit: number): Promise<ReadingRow[]> {
  return tables(tx)
    .selectFrom('register_readings')
    .selectAll()
    .where('register_id', '=', registerId)
    .where('status', 'in', countingStatuses)
    .where('source', '<>', 'estimated')
    .where('read_at', '<', before)
    .orderBy('read_at', 'desc')
    .limit(limit)
    .execute()
}

export async function sameReading(
  tx: Tx,
  registerId: string,
  readAt: Date,
  source: string,
  value: string,
): Promise<ReadingRow | undefined> {
  return tables(tx)
    .selectFrom('register_readings')
    .selectAll()
    .where('register_id', '=', registerId)
    .where('read_at', '=', readAt)
    .where('source', '=', source)
    .where(sql<boolean>`value = ${value}::numeric`)
    .where('status', 'in', ['accepted', 'held', 'superseded', 'released'])
    .executeTakeFirst()
}

export async function insertReading(tx: Tx, row: ReadingRow): Promise<void> {
  await tables(tx).insertInto('register_readings').values(row).execute()
}

export async function readingById(tx: Tx, id: string): Promise<ReadingRow | undefined> {
  return tables(tx).selectFrom('register_readings').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function setReadingStatus(tx: Tx, id: string, status: ReadingStatus, reason: string | null) {
  await tables(tx).updateTable('register_readings').set({ status, reason }).where('id', '=', id).execute()
}

/** Mark the register's estimates after `after` as superseded by an actual; returns their ids. */
export async function supersedeEstimates(tx: Tx, registerId: string, after: Date | null): Promise<string[]> {
  let query = tables(tx)
    .updateTable('register_readings')
    .set({ status: 'superseded' })
    .where('register_id', '=', registerId)
    .where('source', '=', 'estimated')
    .where('status', '=', 'accepted')
  if (after) query = query.where('read_at', '>', after)
  const rows = await query.returning('id').execute()
  return rows.map((row) => row.id)
}

export async function readingsPage(
  tx: Tx,
  {
    meterPointIds,
    limit,
    before,
  }: { meterPointIds: readonly string[]; limit: number; before?: { readAt: Date; id: string } },
) {
  let query = tables(tx)
    .selectFrom('register_readings as r')
    .innerJoin('registers as g', 'g.id', 'r.register_id')
    .innerJoin('meters as m', 'm.id', 'g.meter_id')
    .innerJoin('meter_points as p', 'p.id', 'r.meter_point_id')
    .select([
      'r.id',
      'p.identifier as meter_point',
      'm.serial',
      'g.identifier as register',
      'r.read_at',
      'r.value',
      'r.source',
      'r.kind',
      'r.status',
      'r.reason',
      'r.advance',
      'r.is_rollover',
    ])
    .where('r.meter_point_id', 'in', [...meterPointIds])
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('r.read_at', '<', before.readAt),
        eb.and([eb('r.read_at', '=', before.readAt), eb('r.id', '<', before.id)]),
      ]),
    )
  }
  return query.orderBy('r.read_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()
}

/** Counting readings of the given meter points in [from, to), oldest first, for an outgoing flow. */
export async function readingsForFlow(
  tx: Tx,
  { meterPointIds, from, to }: { meterPointIds: readonly string[]; from: Date; to: Date },
) {
  if (meterPointIds.length === 0) return []
  return tables(tx)
    .selectFrom('register_readings as r')
    .innerJoin('registers as g', 'g.id', 'r.register_id')
    .innerJoin('meters as m', 'm.id', 'g.meter_id')
    .innerJoin('meter_points as p', 'p.id', 'r.meter_point_id')
    .select([
      'p.identifier as mpan',
      'm.serial',
      'g.identifier as register',
      'r.read_at',
      'r.value',
      'r.source',
      'r.kind',
    ])
    .where('r.meter_point_id', 'in', [...meterPointIds])
    .where('r.status', 'in', ['accepted', 'released'])
    .where('r.read_at', '>=', from)
    .where('r.read_at', '<', to)
    .orderBy('p.identifier')
    .orderBy('m.serial')
    .orderBy('r.read_at')
    .orderBy('g.identifier')
    .execute()
}

export async function insertIngestion(tx: Tx, row: Selectable<IngestionsTable>): Promise<void> {
  await tables(tx).insertInto('ingestions').values(row).execute()
}

// ---- half-hourly intervals ----
//
// Stored a row per meter point and UTC day (`interval_days`, 48 slots of Wh); the view `intervals`
// gives a row a half hour. Readers bound the days they touch (`day` is the partition key and the
// second column of the key), then the half hours.

/** The UTC day of an instant, 'YYYY-MM-DD'. */
function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/** The rows of `intervals` (the view) of a meter point starting in [from, to), the days bounded too. */
function intervalsWithin(meterPointId: string, from: Date, to: Date) {
  return sql`meter_point_id = ${meterPointId} and day >= ${utcDay(from)}::date and day <= ${utcDay(new Date(to.getTime() - 1))}::date
    and interval_start >= ${from} and interval_start < ${to}`
}

/** Month partitions of `interval_days`, created on demand (UTC months, 'YYYY-MM'). */
export async function ensureMonthPartitions(tx: Tx, months: Iterable<string>): Promise<void> {
  for (const month of [...new Set(months)].sort()) {
    const match = /^(\d{4})-(\d{2})$/.exec(month)
    const year = Number(match?.[1])
    const monthNumber = Number(match?.[2])
    // Rows reach here inside the importers' plausible range (2000 onwards); this refuses what could
    // never be a partition (year 0 does not exist in PostgreSQL) rather than send it to the database.
    if (!match || year < 1 || monthNumber < 1 || monthNumber > 12) throw new Error(`invalid month ${month}`)
    const name = `interval_days_${monthPartitionSuffix(year, monthNumber)}`
    const [nextYear, nextMonth] = monthNumber === 12 ? [year + 1, 1] : [year, monthNumber + 1]
    await sql
      .raw(
        `create table if not exists ${name} partition of interval_days for values from ('${monthText(year, monthNumber)}-01') to ('${monthText(nextYear, nextMonth)}-01')`,
      )
      .execute(tx)
  }
}

/** 'YYYY-MM', the year zero-padded to four digits (PostgreSQL reads '0999-01-01' but not '999-01-01'). */
function monthText(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

/** A month partition's name suffix, `YYYY_MM` zero-padded, so names sort and never collide (`2026_03`). */
export function monthPartitionSuffix(year: number, month: number): string {
  return monthText(year, month).replace('-', '_')
}

/**
 * Each meter point's supply span: the first day it was supplied and the day after its last supply
 * ended (null while supplied), local dates; a meter point never supplied is absent.
 */
export async function supplySpans(
  tx: Tx,
  meterPointIds: readonly string[],
): Promise<Map<string, { from: string; to: string | null }>> {
  if (meterPointIds.length === 0) return new Map()
  const rows = await tables(tx)
    .selectFrom('supply_periods')
    .select((eb) => [
      'meter_point_id',
      eb.fn.min('valid_from').as('from'),
      sql<string | null>`case when bool_or(valid_to is null) then null else max(valid_to) end`.as('to'),
    ])
    .where('meter_point_id', 'in', [...meterPointIds])
    .groupBy('meter_point_id')
    .execute()
  return new Map(
    rows.map((row) => [row.meter_point_id, { from: String(row.from), to: row.to === null ? null : String(row.to) }]),
  )
}

export const stagingColumns = ['ingestion_id', 'line', 'meter_point_id', 'day', 'wh', 'estimated'] as const

/** Stage day rows (CSV lines of `stagingColumns`, the array quoted). */
export async function stageIntervalDays(tx: Tx, lines: AsyncIterable<string> | Iterable<string>): Promise<number> {
  return copyRows(tx, { table: 'interval_staging', columns: stagingColumns, lines })
}

/**
 * Merge an ingestion's staged day rows into `interval_days`: new half hours are stored, changed ones
 * replace the old value (recorded in `interval_revisions`), equal ones are left alone, and an
 * estimate never replaces an actual. Where a day is staged more than once, the later line wins
 * half hour by half hour. Counts are of half hours.
 *
 * Days staged once and not stored yet (a new month of data: nearly every row of a bulk load) are
 * inserted as they are, days staged once and stored exactly so (a file sent again) are left alone,
 * and the rest are compared half hour by half hour.
 */
export async function mergeStaged(
  tx: Tx,
  { ingestionId, at }: { ingestionId: string; at: Date },
): Promise<{ distinct: number; written: number; revised: number }> {
  const fresh = await sql<{ days: number; slots: string }>`
    with candidates as (
      select s.meter_point_id, s.day, s.wh, s.estimated from interval_staging s
      where s.ingestion_id = ${ingestionId}
        and not exists (select 1 from interval_staging o where o.ingestion_id = ${ingestionId}
          and o.meter_point_id = s.meter_point_id and o.day = s.day and o.line <> s.line)
        and not exists (select 1 from interval_days d where d.meter_point_id = s.meter_point_id and d.day = s.day)
    ), inserted as (
      insert into interval_days (meter_point_id, day, wh, estimated, ingestion_id)
      select meter_point_id, day, wh, estimated, ${ingestionId} from candidates
      on conflict (meter_point_id, day) do nothing
      returning meter_point_id, day, cardinality(array_remove(wh, null)) as slots
    ), taken as (
      delete from interval_staging s using inserted i
      where s.ingestion_id = ${ingestionId} and s.meter_point_id = i.meter_point_id and s.day = i.day
    )
    select count(*)::int as days, coalesce(sum(slots), 0)::text as slots from inserted`.execute(tx)
  const freshSlots = Number(fresh.rows[0]?.slots ?? 0)
  // Days staged once and stored already exactly so (a file sent again): nothing to compare.
  const same = await sql<{ slots: string }>`
    with unchanged as (
      delete from interval_staging s using interval_days d
      where s.ingestion_id = ${ingestionId} and d.meter_point_id = s.meter_point_id and d.day = s.day
        and d.wh = s.wh and d.estimated = s.estimated
        and not exists (select 1 from interval_staging o where o.ingestion_id = ${ingestionId}
          and o.meter_point_id = s.meter_point_id and o.day = s.day and o.line <> s.line)
      returning cardinality(array_remove(s.wh, null)) as slots
    )
    select coalesce(sum(slots), 0)::text as slots from unchanged`.execute(tx)
  const sameSlots = Number(same.rows[0]?.slots ?? 0)
  const compared = await sql<{ distinct_slots: string; written: string; revised: string }>`
    with staged as (
      select s.meter_point_id, s.day, (u.slot - 1)::int as slot, u.wh, (s.estimated >> (u.slot - 1)::int) & 1 = 1 as est, s.line
      from interval_staging s cross join lateral unnest(s.wh) with ordinality as u (wh, slot)
      where s.ingestion_id = ${ingestionId} and u.wh is not null
    ), latest as (
      select distinct on (meter_point_id, day, slot) meter_point_id, day, slot, wh, est
      from staged order by meter_point_id, day, slot, line desc
    ), changes as materialized (
      select l.*, d.wh[l.slot + 1] as old_wh, (d.estimated >> l.slot) & 1 = 1 as old_est
      from latest l left join interval_days d using (meter_point_id, day)
      where d.wh[l.slot + 1] is null
        or ((d.wh[l.slot + 1] <> l.wh or ((d.estimated >> l.slot) & 1 = 1) <> l.est)
          and not (l.est and (d.estimated >> l.slot) & 1 = 0))
    ), revised as (
      insert into interval_revisions
        (meter_point_id, interval_start, old_kwh, old_quality, new_kwh, new_quality, ingestion_id, revised_at)
      select meter_point_id, (day::timestamp at time zone 'UTC') + slot * interval '30 minutes',
        old_wh / 1000.0, case when old_est then 'estimated' else 'actual' end,
        wh / 1000.0, case when est then 'estimated' else 'actual' end, ${ingestionId}, ${at}
      from changes where old_wh is not null
      returning 1
    ), days as (
      select meter_point_id, day, jsonb_object_agg(slot::text, wh) as slots,
        coalesce(bit_or(1::bigint << slot) filter (where est), 0) as estimated,
        bit_or(1::bigint << slot) as touched
      from changes group by meter_point_id, day
    ), written as (
      insert into interval_days as d (meter_point_id, day, wh, estimated, ingestion_id)
      select meter_point_id, day, array(select (slots ->> g::text)::integer from generate_series(0, 47) g order by g),
        estimated, ${ingestionId}
      from days
      on conflict (meter_point_id, day) do update set
        wh = array(select coalesce(u.new, u.old) from unnest(excluded.wh, d.wh) with ordinality as u (new, old, i) order by u.i),
        estimated = (d.estimated & ~(select coalesce(bit_or(1::bigint << (u.i - 1)::int), 0)
            from unnest(excluded.wh) with ordinality as u (v, i) where u.v is not null)) | excluded.estimated,
        ingestion_id = excluded.ingestion_id
      returning 1
    ), cleared as (
      delete from interval_staging where ingestion_id = ${ingestionId}
    )
    select (select count(*) from latest)::text as distinct_slots,
      (select count(*) from changes)::text as written,
      (select count(*) from revised)::text as revised`.execute(tx)
  const row = compared.rows[0]
  return {
    distinct: freshSlots + sameSlots + Number(row?.distinct_slots ?? 0),
    written: freshSlots + Number(row?.written ?? 0),
    revised: Number(row?.revised ?? 0),
  }
}

export interface IntervalRow {
  interval_start: Date
  kwh: string
  quality: IntervalQuality
}

export async function intervalsBetween(tx: Tx, meterPointId: string, from: Date, to: Date): Promise<IntervalRow[]> {
  const result = await sql<IntervalRow>`select interval_start, kwh::text as kwh, quality from intervals
    where ${intervalsWithin(meterPointId, from, to)}
    order by interval_start`.execute(tx)
  return result.rows
}

/**
 * The stored days of many meter points covering [from, to), one row per meter point with its data
 * packed as text: the days (counted from `from`'s UTC day), each day's 48 Wh (empty where none) and
 * each day's estimated-slot mask. A billing run reads a month for hundreds of meter points at once,
 * and a row per half hour costs far more to send and parse than the data.
 */
export async function packedIntervalDays(
  tx: Tx,
  meterPointIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ meter_point_id: string; days: string; wh: string; estimated: string }[]> {
  if (meterPointIds.length === 0) return []
  const first = utcDay(from)
  const result = await sql<{ meter_point_id: string; days: string; wh: string; estimated: string }>`
    select meter_point_id,
      string_agg((day - ${first}::date)::text, ',' order by day) as days,
      string_agg(array_to_string(wh, ',', ''), ',' order by day) as wh,
      string_agg(estimated::text, ',' order by day) as estimated
    from interval_days
    where meter_point_id in (${sql.join([...meterPointIds])})
      and day >= ${first}::date and day <= ${utcDay(new Date(to.getTime() - 1))}::date
    group by meter_point_id`.execute(tx)
  return result.rows
}

export async function sumIntervals(tx: Tx, meterPointId: string, from: Date, to: Date) {
  const result = await sql<{ kwh: string | null; n: string }>`select sum(kwh)::text as kwh, count(*)::text as n
    from intervals where ${intervalsWithin(meterPointId, from, to)}`.execute(tx)
  const row = result.rows[0]
  return { kwh: row?.kwh ?? '0', count: Number(row?.n ?? 0) }
}

const localBucket: Record<Exclude<Granularity, 'halfhour' | 'hour'>, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
}
const bucketStep: Record<Exclude<Granularity, 'halfhour' | 'hour'>, string> = {
  day: '1 day',
  week: '7 days',
  month: '1 month',
  quarter: '3 months',
}

export interface BucketRow {
  start: Date
  end: Date
  local_start: string
  kwh: string
  intervals: number
  estimated: number
}

/**
 * Interval data summed into buckets: hours are UTC-aligned (London's offsets are whole hours, so
 * they are local hours too, and the repeated autumn hour stays two buckets); days, weeks (from
 * Monday), months and quarters are local calendar buckets with their real, DST-aware bounds.
 */
export async function bucketedUsage(
  tx: Tx,
  {
    meterPointId,
    from,
    to,
    granularity,
    order,
    offset,
    limit,
    timeZone,
  }: {
    meterPointId: string
    from: Date
    to: Date
    granularity: Granularity
    order: 'asc' | 'desc'
    offset: number
    limit: number
    timeZone: string
  },
): Promise<{ count: number; rows: BucketRow[] }> {
  const direction = sql.raw(order === 'asc' ? 'asc' : 'desc')
  const where = intervalsWithin(meterPointId, from, to)
  let grouped: ReturnType<typeof sql>
  if (granularity === 'halfhour') {
    grouped = sql`select interval_start as start, interval_start + interval '30 minutes' as "end",
        to_char(interval_start at time zone ${timeZone}, 'YYYY-MM-DD') as local_start,
        kwh::text as kwh, 1 as intervals, (quality = 'estimated')::int as estimated
      from intervals where ${where}`
  } else if (granularity === 'hour') {
    grouped = sql`select date_trunc('hour', interval_start) as start, date_trunc('hour', interval_start) + interval '1 hour' as "end",
        to_char(date_trunc('hour', interval_start) at time zone ${timeZone}, 'YYYY-MM-DD') as local_start,
        sum(kwh)::text as kwh, count(*)::int as intervals, count(*) filter (where quality = 'estimated')::int as estimated
      from intervals where ${where} group by 1`
  } else {
    const unit = localBucket[granularity]
    const step = sql.raw(`interval '${bucketStep[granularity]}'`)
    grouped = sql`select b as local_bucket, (b at time zone ${timeZone}) as start, ((b + ${step}) at time zone ${timeZone}) as "end",
        to_char(b, 'YYYY-MM-DD') as local_start,
        kwh::text as kwh, intervals, estimated
      from (select date_trunc(${unit}, interval_start at time zone ${timeZone}) as b, sum(kwh) as kwh,
          count(*)::int as intervals, count(*) filter (where quality = 'estimated')::int as estimated
        from intervals where ${where} group by 1) g`
  }
  const count = await sql<{ n: number }>`select count(*)::int as n from (${grouped}) q`.execute(tx)
  const rows = await sql<BucketRow>`select start, "end", local_start, kwh, intervals, estimated from (${grouped}) q
    order by start ${direction} offset ${offset} limit ${limit}`.execute(tx)
  return { count: count.rows[0]?.n ?? 0, rows: rows.rows }
}

/** Readings billing may use: accepted or released, actual or estimated, oldest first. */
export async function billableReadings(
  tx: Tx,
  { registerIds, from, to }: { registerIds: readonly string[]; from: Date; to: Date },
): Promise<ReadingRow[]> {
  if (registerIds.length === 0) return []
  return tables(tx)
    .selectFrom('register_readings')
    .selectAll()
    .where('register_id', 'in', [...registerIds])
    .where('status', 'in', countingStatuses)
    .where('read_at', '>=', from)
    .where('read_at', '<=', to)
    .orderBy('read_at')
    .orderBy('id')
    .execute()
}

/** Whether any interval of the meter point starts in [from, to). */
export async function hasIntervals(tx: Tx, meterPointId: string, from: Date, to: Date): Promise<boolean> {
  const result = await sql<{ found: boolean }>`select exists (select 1 from intervals
    where ${intervalsWithin(meterPointId, from, to)}) as found`.execute(tx)
  return result.rows[0]?.found === true
}
