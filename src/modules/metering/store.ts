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

/** Month partitions of `intervals`, created on demand (UTC month boundaries). */
export async function ensureMonthPartitions(tx: Tx, months: Iterable<string>): Promise<void> {
  for (const month of [...new Set(months)].sort()) {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`invalid month ${month}`)
    const [year, monthNumber] = month.split('-').map(Number) as [number, number]
    const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`
    const name = `intervals_${month.replace('-', '_')}`
    await sql
      .raw(
        `create table if not exists ${name} partition of intervals for values from ('${month}-01 00:00+00') to ('${next}-01 00:00+00')`,
      )
      .execute(tx)
  }
}

export const stagingColumns = ['ingestion_id', 'line', 'meter_point_id', 'interval_start', 'kwh', 'quality'] as const

export async function stageIntervals(tx: Tx, lines: AsyncIterable<string> | Iterable<string>): Promise<number> {
  return copyRows(tx, { table: 'interval_staging', columns: stagingColumns, lines })
}

/**
 * Merge an ingestion's staged rows into `intervals`: new intervals are inserted, changed ones
 * replace the old value (recorded in `interval_revisions`), equal ones are left alone, and an
 * estimate never replaces an actual. When a file repeats an interval its last line wins.
 */
export async function mergeStaged(
  tx: Tx,
  { ingestionId, at, window }: { ingestionId: string; at: Date; window: { from: Date; to: Date } | null },
): Promise<{ distinct: number; written: number; revised: number }> {
  const distinct = sql`(select distinct on (meter_point_id, interval_start) meter_point_id, interval_start, kwh, quality
    from interval_staging where ingestion_id = ${ingestionId}
    order by meter_point_id, interval_start, line desc)`
  const countRow = await sql<{ n: string }>`select count(*)::text as n from ${distinct} s`.execute(tx)
  const distinctCount = Number(countRow.rows[0]?.n ?? 0)
  let revised = 0
  if (window) {
    const existing = await sql<{ n: string }>`select count(*)::text as n from intervals i
      where i.interval_start >= ${window.from} and i.interval_start < ${window.to}
        and i.meter_point_id in (select distinct meter_point_id from interval_staging where ingestion_id = ${ingestionId})`.execute(
      tx,
    )
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      const result = await sql`insert into interval_revisions
        (meter_point_id, interval_start, old_kwh, old_quality, new_kwh, new_quality, ingestion_id, revised_at)
        select i.meter_point_id, i.interval_start, i.kwh, i.quality, s.kwh, s.quality, ${ingestionId}, ${at}
        from ${distinct} s join intervals i using (meter_point_id, interval_start)
        where (i.kwh <> s.kwh or i.quality <> s.quality) and not (i.quality = 'actual' and s.quality = 'estimated')`.execute(
        tx,
      )
      revised = Number(result.numAffectedRows ?? 0n)
    }
  }
  const merged = await sql`insert into intervals (meter_point_id, interval_start, kwh, quality, ingestion_id)
    select meter_point_id, interval_start, kwh, quality, ${ingestionId} from ${distinct} s
    on conflict (meter_point_id, interval_start) do update
      set kwh = excluded.kwh, quality = excluded.quality, ingestion_id = excluded.ingestion_id
      where (intervals.kwh <> excluded.kwh or intervals.quality <> excluded.quality)
        and not (intervals.quality = 'actual' and excluded.quality = 'estimated')`.execute(tx)
  await sql`delete from interval_staging where ingestion_id = ${ingestionId}`.execute(tx)
  return { distinct: distinctCount, written: Number(merged.numAffectedRows ?? 0n), revised }
}

export interface IntervalRow {
  interval_start: Date
  kwh: string
  quality: IntervalQuality
}

export async function intervalsBetween(tx: Tx, meterPointId: string, from: Date, to: Date): Promise<IntervalRow[]> {
  const result = await sql<IntervalRow>`select interval_start, kwh, quality from intervals
    where meter_point_id = ${meterPointId} and interval_start >= ${from} and interval_start < ${to}
    order by interval_start`.execute(tx)
  return result.rows
}

/**
 * The half hours of many meter points starting in [from, to), one row per meter point with its data
 * packed as text (ms after `from`, kWh, quality initials): a billing run reads a month for hundreds
 * of meter points at once, and one row per half hour costs far more to send and parse than the data.
 */
export async function packedIntervalsBetween(
  tx: Tx,
  meterPointIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ meter_point_id: string; offsets: string; kwhs: string; estimated: string | null }[]> {
  if (meterPointIds.length === 0) return []
  // Whole seconds after `from` through date_part's float (exact for these), not extract's slower numeric;
  // qualities as the offsets of the estimated half hours only, the few there are.
  const fromSeconds = Math.floor(from.getTime() / 1000)
  const result = await sql<{ meter_point_id: string; offsets: string; kwhs: string; estimated: string | null }>`
    select meter_point_id,
      string_agg((date_part('epoch', interval_start) - ${fromSeconds}::int8)::int8::text, ',') as offsets,
      string_agg(kwh::text, ',') as kwhs,
      string_agg((date_part('epoch', interval_start) - ${fromSeconds}::int8)::int8::text, ',')
        filter (where quality <> 'actual') as estimated
    from intervals
    where meter_point_id in (${sql.join([...meterPointIds])}) and interval_start >= ${from} and interval_start < ${to}
    group by meter_point_id`.execute(tx)
  return result.rows
}

export async function sumIntervals(tx: Tx, meterPointId: string, from: Date, to: Date) {
  const result = await sql<{ kwh: string | null; n: string }>`select sum(kwh)::text as kwh, count(*)::text as n
    from intervals where meter_point_id = ${meterPointId} and interval_start >= ${from} and interval_start < ${to}`.execute(
    tx,
  )
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
  const where = sql`meter_point_id = ${meterPointId} and interval_start >= ${from} and interval_start < ${to}`
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
    where meter_point_id = ${meterPointId} and interval_start >= ${from} and interval_start < ${to}) as found`.execute(
    tx,
  )
  return result.rows[0]?.found === true
}
