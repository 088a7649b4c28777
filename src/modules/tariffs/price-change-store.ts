/**
 * The SQL of price changes (issue 22): the `price_changes` table, owned by tariffs.
 */
import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

/** One price of a change as stored: the new price and the one in force before it (null: none). */
export interface StoredPrice {
  line: number
  tariffCode: string
  productCode: string
  region: string
  fuel: string
  registerKind: string
  kind: string
  paymentMethod: string | null
  valueExcVat: string
  valueIncVat: string
  oldExcVat: string | null
  oldIncVat: string | null
}

export interface PriceChangeRow {
  id: string
  number: string
  status: string
  effective_date: string
  effective_from: Date
  note: string
  rates: StoredPrice[]
  rate_count: number
  created_by_kind: string
  created_by: string
  created_at: Date
  submitted_at: Date | null
  decided_by_kind: string | null
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
}

const tables = withTables<{ price_changes: PriceChangeRow }>()

/** The next reference, PC-000001 upwards. */
export async function nextPriceChangeNumber(db: Db | Tx): Promise<string> {
  const row = await tables(db)
    .selectFrom('price_changes')
    .select((eb) => eb.fn.max('number').as('last'))
    .executeTakeFirst()
  const last = row?.last ? Number(row.last.slice(3)) : 0
  return `PC-${String(last + 1).padStart(6, '0')}`
}

export async function insertPriceChange(tx: Tx, row: PriceChangeRow): Promise<void> {
  await tables(tx)
    .insertInto('price_changes')
    .values({ ...row, rates: sql`${JSON.stringify(row.rates)}::jsonb` as unknown as StoredPrice[] })
    .execute()
}

export async function priceChangeById(db: Db | Tx, id: string, forUpdate = false): Promise<PriceChangeRow | undefined> {
  let q = tables(db).selectFrom('price_changes').selectAll().where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updatePriceChange(
  tx: Tx,
  id: string,
  change: Partial<
    Pick<PriceChangeRow, 'status' | 'submitted_at' | 'decided_by_kind' | 'decided_by' | 'decided_at' | 'decision_note'>
  >,
): Promise<void> {
  await tables(tx).updateTable('price_changes').set(change).where('id', '=', id).execute()
}

/** The newest changes first, optionally of some statuses. */
export async function priceChangesList(
  db: Db | Tx,
  { statuses, limit }: { statuses?: readonly string[] | undefined; limit: number },
): Promise<PriceChangeRow[]> {
  let q = tables(db).selectFrom('price_changes').selectAll()
  if (statuses && statuses.length > 0) q = q.where('status', 'in', [...statuses])
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** What the pricing console reads of a product. */
interface CatalogueProductRow {
  id: string
  code: string
  display_name: string
  direction: string
  structure: string
  is_variable: boolean
  term: number | null
  available_from: Date
  available_to: Date | null
}

/** Every product, by code, with how many tariffs it has (the pricing console's list, future products included). */
export async function catalogueRows(
  db: Db | Tx,
): Promise<(Omit<CatalogueProductRow, 'id'> & { tariff_count: number })[]> {
  const rows = await catalogueTables(db)
    .selectFrom('products as p')
    .leftJoin('tariffs as t', 't.product_id', 'p.id')
    .select([
      'p.code',
      'p.display_name',
      'p.direction',
      'p.structure',
      'p.is_variable',
      'p.term',
      'p.available_from',
      'p.available_to',
    ])
    .select((eb) => eb.fn.count<string>('t.id').as('tariff_count'))
    .groupBy(['p.id'])
    .orderBy('p.code')
    .execute()
  return rows.map((row) => ({ ...row, tariff_count: Number(row.tariff_count) }))
}

const catalogueTables = withTables<{
  products: CatalogueProductRow
  tariffs: { id: string; product_id: string }
}>()
