import { type Selectable, sql } from 'kysely'
import { type FeedPosition, strictlyBefore, type Tx, withTables } from '../../db/index.js'
import { rowsOfAccount, rowsWhere, rowsWhereIn } from '../../db/query-rows.js'
import type { ReadingStatus } from './types.js'

export * from './intervals-store.js'

export interface MeterPointRow {
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
export interface SupplyPeriodRow {
  id: string
  account_id: string
  meter_point_id: string
  valid_from: string
  valid_to: string | null
}
export interface MeterRow {
  id: string
  meter_point_id: string
  serial: string
  type: string
  installed_on: string
  removed_on: string | null
}
export interface RegisterRow {
  id: string
  meter_id: string
  identifier: string
  rate: string
  digits: number
  unit: string
}
export interface ReadingRow {
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
  meter_points: MeterPointRow
  supply_periods: SupplyPeriodRow
  meters: MeterRow
  registers: RegisterRow
  register_readings: ReadingRow
  ingestions: IngestionsTable
}>()

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
  return rowsWhere(tables(tx), 'meter_points', 'identifier', identifier).executeTakeFirst()
}

export async function meterPointById(tx: Tx, id: string): Promise<MeterPointRow | undefined> {
  return rowsWhere(tables(tx), 'meter_points', 'id', id).executeTakeFirst()
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
  return rowsWhere(tables(tx), 'meter_points', 'import_point_id', importId).executeTakeFirst()
}

export async function supplyPeriodsOfAccount(tx: Tx, accountId: string): Promise<SupplyPeriodRow[]> {
  return rowsOfAccount(tables(tx), 'supply_periods', accountId).orderBy('valid_from').orderBy('id').execute()
}

/** The supply periods of many accounts (billing runs), by account, start and id. */
export async function supplyPeriodsOfAccounts(tx: Tx, accountIds: readonly string[]): Promise<SupplyPeriodRow[]> {
  if (accountIds.length === 0) return []
  return rowsWhereIn(tables(tx), 'supply_periods', 'account_id', accountIds)
    .orderBy('account_id')
    .orderBy('valid_from')
    .orderBy('id')
    .execute()
}

/** An account's supply periods, by meter point and start, locked for a change of tenancy. */
export async function lockSupplyPeriodsOfAccount(tx: Tx, accountId: string): Promise<SupplyPeriodRow[]> {
  return rowsOfAccount(tables(tx), 'supply_periods', accountId)
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
  return rowsOfAccount(tables(tx), 'supply_periods', accountId)
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
  return rowsWhereIn(tables(tx), 'meter_points', 'id', ids).execute()
}

export async function metersOf(tx: Tx, meterPointIds: readonly string[]): Promise<MeterRow[]> {
  if (meterPointIds.length === 0) return []
  return rowsWhereIn(tables(tx), 'meters', 'meter_point_id', meterPointIds)
    .orderBy('installed_on')
    .orderBy('id')
    .execute()
}

export async function registersOf(tx: Tx, meterIds: readonly string[]): Promise<RegisterRow[]> {
  if (meterIds.length === 0) return []
  return rowsWhereIn(tables(tx), 'registers', 'meter_id', meterIds).orderBy('identifier').execute()
}

export async function endMeter(tx: Tx, meterId: string, removedOn: string): Promise<void> {
  await tables(tx).updateTable('meters').set({ removed_on: removedOn }).where('id', '=', meterId).execute()
}

/** Actual readings that count for validation: accepted or released, not estimates. */
const countingStatuses: ReadingStatus[] = ['accepted', 'released']

/** The register's actual readings that count for validation. */
function countingActuals(tx: Tx, registerId: string) {
  return rowsWhere(tables(tx), 'register_readings', 'register_id', registerId)
    .where('status', 'in', countingStatuses)
    .where('source', '<>', 'estimated')
}

export async function previousActual(tx: Tx, registerId: string, before: Date): Promise<ReadingRow | undefined> {
  return countingActuals(tx, registerId)
    .where('read_at', '<', before)
    .orderBy('read_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function nextActual(tx: Tx, registerId: string, after: Date): Promise<ReadingRow | undefined> {
  return countingActuals(tx, registerId).where('read_at', '>', after).orderBy('read_at').limit(1).executeTakeFirst()
}

/** The earliest and latest actual readings before `before`, for the register's usual daily rate. */
export async function actualsBefore(tx: Tx, registerId: string, before: Date, limit: number): Promise<ReadingRow[]> {
  return countingActuals(tx, registerId).where('read_at', '<', before).orderBy('read_at', 'desc').limit(limit).execute()
}

export async function sameReading(
  tx: Tx,
  registerId: string,
  readAt: Date,
  source: string,
  value: string,
): Promise<ReadingRow | undefined> {
  return rowsWhere(tables(tx), 'register_readings', 'register_id', registerId)
    .where('read_at', '=', readAt)
    .where('source', '=', source)
    .where(sql<boolean>`value = ${value}::numeric`)
    .where('status', 'in', ['accepted', 'held', 'superseded', 'released'])
    .executeTakeFirst()
}

export async function insertReading(tx: Tx, row: ReadingRow): Promise<void> {
  await tables(tx).insertInto('register_readings').values(row).execute()
}

/** Insert many readings, a few thousand to a statement (PostgreSQL takes at most 65,535 parameters). */
export async function insertReadings(tx: Tx, rows: readonly ReadingRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    await tables(tx)
      .insertInto('register_readings')
      .values(rows.slice(start, start + 2000))
      .execute()
  }
}

/** A register and an instant, for the bulk look-ups below (at most a few thousand a call). */
export interface RegisterInstant {
  readonly registerId: string
  readonly at: Date
}

function registerInstants(wanted: readonly RegisterInstant[]) {
  return sql.join(wanted.map((each) => sql`(${each.registerId}, ${each.at.toISOString()}::timestamptz)`))
}

/**
 * For each register, its counting actual readings before its instant, newest first, at most
 * `limit` (what `previousActual` and `actualsBefore` give one register), and the first one after
 * it (`nextActual`). One index walk per register; a register with none is absent from that map.
 */
export async function actualsAround(
  tx: Tx,
  wanted: readonly RegisterInstant[],
  limit: number,
): Promise<{ before: Map<string, ReadingRow[]>; after: Map<string, ReadingRow> }> {
  const before = new Map<string, ReadingRow[]>()
  const after = new Map<string, ReadingRow>()
  if (wanted.length === 0) return { before, after }
  const earlier = await sql<ReadingRow>`
    select r.* from (values ${registerInstants(wanted)}) as q (register_id, at)
    cross join lateral (
      select * from register_readings r
      where r.register_id = q.register_id and r.status in ('accepted', 'released') and r.source <> 'estimated'
        and r.read_at < q.at
      order by r.read_at desc limit ${limit}
    ) r`.execute(tx)
  for (const row of earlier.rows) before.set(row.register_id, [...(before.get(row.register_id) ?? []), row])
  const later = await sql<ReadingRow>`
    select r.* from (values ${registerInstants(wanted)}) as q (register_id, at)
    cross join lateral (
      select * from register_readings r
      where r.register_id = q.register_id and r.status in ('accepted', 'released') and r.source <> 'estimated'
        and r.read_at > q.at
      order by r.read_at limit 1
    ) r`.execute(tx)
  for (const row of later.rows) after.set(row.register_id, row)
  return { before, after }
}

/**
 * The readings already recorded with the same register, time, source and value (`sameReading` for
 * many at once), by register.
 */
export async function sameReadings(
  tx: Tx,
  wanted: readonly (RegisterInstant & { readonly source: string; readonly value: string })[],
): Promise<Map<string, ReadingRow>> {
  if (wanted.length === 0) return new Map()
  const values = sql.join(
    wanted.map(
      (each) =>
        sql`(${each.registerId}, ${each.at.toISOString()}::timestamptz, ${each.source}, ${each.value}::numeric)`,
    ),
  )
  const result = await sql<ReadingRow>`
    select r.* from (values ${values}) as q (register_id, at, source, value)
    join register_readings r on r.register_id = q.register_id and r.read_at = q.at and r.source = q.source
      and r.value = q.value and r.status in ('accepted', 'held', 'superseded', 'released')`.execute(tx)
  return new Map(result.rows.map((row) => [row.register_id, row]))
}

/**
 * `supersedeEstimates` for many registers at once: each register's accepted estimates after its
 * instant (all of them when it has none) become superseded. Returns their ids, by register.
 */
export async function supersedeEstimatesOf(
  tx: Tx,
  wanted: readonly { readonly registerId: string; readonly after: Date | null }[],
): Promise<Map<string, string[]>> {
  const superseded = new Map<string, string[]>()
  if (wanted.length === 0) return superseded
  const values = sql.join(
    wanted.map((each) => sql`(${each.registerId}, ${each.after?.toISOString() ?? null}::timestamptz)`),
  )
  const result = await sql<{ id: string; register_id: string }>`
    update register_readings r set status = 'superseded'
    from (values ${values}) as q (register_id, after)
    where r.register_id = q.register_id and r.source = 'estimated' and r.status = 'accepted'
      and (q.after is null or r.read_at > q.after)
    returning r.id, r.register_id`.execute(tx)
  for (const row of result.rows) superseded.set(row.register_id, [...(superseded.get(row.register_id) ?? []), row.id])
  return superseded
}

/** The account supplied by each meter point on its local date (`accountAt` for many), by meter point and date. */
export async function accountsAt(
  tx: Tx,
  wanted: readonly { readonly meterPointId: string; readonly day: string }[],
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map()
  const values = sql.join(wanted.map((each) => sql`(${each.meterPointId}, ${each.day}::date)`))
  const result = await sql<{ meter_point_id: string; day: string; account_id: string }>`
    select q.meter_point_id, q.day::text as day, s.account_id from (values ${values}) as q (meter_point_id, day)
    join supply_periods s on s.meter_point_id = q.meter_point_id and s.valid_from <= q.day
      and (s.valid_to is null or s.valid_to > q.day)`.execute(tx)
  return new Map(result.rows.map((row) => [`${row.meter_point_id}|${row.day}`, row.account_id]))
}

export async function readingById(tx: Tx, id: string): Promise<ReadingRow | undefined> {
  return rowsWhere(tables(tx), 'register_readings', 'id', id).executeTakeFirst()
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

/** Readings of the meter points joined to their register, meter and meter point, for the lists below. */
function readingsOfPoints(tx: Tx, meterPointIds: readonly string[]) {
  return tables(tx)
    .selectFrom('register_readings as r')
    .innerJoin('registers as g', 'g.id', 'r.register_id')
    .innerJoin('meters as m', 'm.id', 'g.meter_id')
    .innerJoin('meter_points as p', 'p.id', 'r.meter_point_id')
    .where('r.meter_point_id', 'in', [...meterPointIds])
}

/** What both a page of readings and a flow give of each: the meter, the register, when, the value and how it came. */
const readingColumns = ['m.serial', 'g.identifier as register', 'r.read_at', 'r.value', 'r.source', 'r.kind'] as const

export async function readingsPage(
  tx: Tx,
  {
    meterPointIds,
    limit,
    before,
  }: { meterPointIds: readonly string[]; limit: number; before?: FeedPosition | undefined },
) {
  let query = readingsOfPoints(tx, meterPointIds).select([
    'r.id',
    'p.identifier as meter_point',
    ...readingColumns,
    'r.status',
    'r.reason',
    'r.advance',
    'r.is_rollover',
  ])
  if (before) query = query.where(strictlyBefore('r.read_at', 'r.id', before))
  return query.orderBy('r.read_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()
}

/** Counting readings of the given meter points in [from, to), oldest first, for an outgoing flow. */
export async function readingsForFlow(
  tx: Tx,
  { meterPointIds, from, to }: { meterPointIds: readonly string[]; from: Date; to: Date },
) {
  if (meterPointIds.length === 0) return []
  return readingsOfPoints(tx, meterPointIds)
    .select(['p.identifier as mpan', ...readingColumns])
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

/** Readings billing may use: accepted or released, actual or estimated, oldest first. */
export async function billableReadings(
  tx: Tx,
  { registerIds, from, to }: { registerIds: readonly string[]; from: Date; to: Date },
): Promise<ReadingRow[]> {
  if (registerIds.length === 0) return []
  return rowsWhereIn(tables(tx), 'register_readings', 'register_id', registerIds)
    .where('status', 'in', countingStatuses)
    .where('read_at', '>=', from)
    .where('read_at', '<=', to)
    .orderBy('read_at')
    .orderBy('id')
    .execute()
}

export interface CalorificValueRow {
  id: string
  valid_from: string
  valid_to: string
  mj_per_m3: string
  ingestion_id: string | null
  created_at: Date
}
const calorificTables = withTables<{ calorific_values: CalorificValueRow }>()

export async function insertCalorificValues(tx: Tx, rows: CalorificValueRow[]): Promise<void> {
  if (rows.length > 0) await calorificTables(tx).insertInto('calorific_values').values(rows).execute()
}
/** Loaded calorific values overlapping the local dates [from, to), oldest first. */
export async function calorificValuesOverlapping(tx: Tx, from: string, to: string): Promise<CalorificValueRow[]> {
  return calorificTables(tx)
    .selectFrom('calorific_values')
    .selectAll()
    .where('valid_from', '<', to)
    .where('valid_to', '>', from)
    .orderBy('valid_from')
    .execute()
}

/**
 * Readings of the given meter points that count or wait for review (not superseded estimates nor
 * discarded ones), newest first by read time and then id by bytes, strictly before `before` and at
 * or after `from` when given, at most `limit`: the account timeline's readings. With what the
 * timeline says of each (the meter point's fuel and identifier, the meter's serial, the register's
 * rate and unit).
 */
export async function readingsForFeed(
  tx: Tx,
  {
    meterPointIds,
    before,
    from,
    limit,
  }: { meterPointIds: readonly string[]; before?: FeedPosition | undefined; from?: Date | undefined; limit: number },
) {
  if (meterPointIds.length === 0) return []
  let query = tables(tx)
    .selectFrom('register_readings as r')
    .innerJoin('registers as g', 'g.id', 'r.register_id')
    .innerJoin('meters as m', 'm.id', 'g.meter_id')
    .innerJoin('meter_points as p', 'p.id', 'r.meter_point_id')
    .select([
      'r.id',
      'r.meter_point_id',
      'p.fuel',
      'p.identifier as meter_point',
      'm.serial',
      'g.identifier as register',
      'g.rate',
      'g.unit',
      'r.read_at',
      'r.value',
      'r.source',
      'r.kind',
      'r.status',
    ])
    .where('r.meter_point_id', 'in', [...meterPointIds])
    .where('r.status', 'in', ['accepted', 'held', 'released'])
  if (before) query = query.where(strictlyBefore('r.read_at', sql<string>`r.id collate "C"`, before))
  if (from) query = query.where('r.read_at', '>=', from)
  return query.orderBy('r.read_at', 'desc').orderBy(sql`r.id collate "C"`, 'desc').limit(limit).execute()
}

/**
 * The accounts supplied through the meter point with this identifier (MPAN or MPRN) or through a
 * meter with this serial (any case), the latest supply first; `serial` is matched only when given.
 */
export async function accountsSuppliedThrough(
  tx: Tx,
  { identifier, serial, limit }: { identifier: string; serial: string | null; limit: number },
): Promise<{ account_id: string; by_serial: boolean }[]> {
  return tables(tx)
    .selectFrom('supply_periods as sp')
    .leftJoin('meter_points as mp', (join) =>
      join.onRef('mp.id', '=', 'sp.meter_point_id').on('mp.identifier', '=', identifier),
    )
    .select(['sp.account_id', sql<boolean>`bool_and(mp.id is null)`.as('by_serial')])
    .where((eb) =>
      eb.or([
        eb('mp.id', 'is not', null),
        ...(serial === null
          ? []
          : [
              eb(
                'sp.meter_point_id',
                'in',
                eb.selectFrom('meters').select('meter_point_id').where(sql`upper(serial)`, '=', serial.toUpperCase()),
              ),
            ]),
      ]),
    )
    .groupBy('sp.account_id')
    .orderBy(sql`max(sp.valid_from)`, 'desc')
    .orderBy('sp.account_id')
    .limit(limit)
    .execute()
}
