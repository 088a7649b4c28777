import { sql } from 'kysely'
import { copyRows, type Tx } from '../../db/index.js'
import type { Granularity, IntervalQuality } from './types.js'

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

/** Which page of a meter point's usage buckets, over the instants [from, to), in the time zone's calendar. */
export interface UsageBuckets {
  meterPointId: string
  from: Date
  to: Date
  granularity: Granularity
  order: 'asc' | 'desc'
  offset: number
  limit: number
  timeZone: string
}

/**
 * Interval data summed into buckets: hours are UTC-aligned (London's offsets are whole hours, so
 * they are local hours too, and the repeated autumn hour stays two buckets); days, weeks (from
 * Monday), months and quarters are local calendar buckets with their real, DST-aware bounds.
 */
export async function bucketedUsage(
  tx: Tx,
  { meterPointId, from, to, granularity, order, offset, limit, timeZone }: UsageBuckets,
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

/** Whether any interval of the meter point starts in [from, to). */
export async function hasIntervals(tx: Tx, meterPointId: string, from: Date, to: Date): Promise<boolean> {
  const result = await sql<{ found: boolean }>`select exists (select 1 from intervals
    where ${intervalsWithin(meterPointId, from, to)}) as found`.execute(tx)
  return result.rows[0]?.found === true
}
