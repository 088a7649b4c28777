import type { ColumnType, Selectable } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

interface SupplierTable {
  id: string
  name: string
  market: string
  settings: ColumnType<Record<string, unknown>, string, string>
  details: ColumnType<Record<string, unknown>, string | undefined, string>
  updated_at: Date
}

const tables = withTables<{ supplier: SupplierTable }>()

export async function findSupplier(db: Db | Tx): Promise<Selectable<SupplierTable> | undefined> {
  return tables(db).selectFrom('supplier').selectAll().where('id', '=', 'supplier').executeTakeFirst()
}

export async function upsertSupplier(
  tx: Tx,
  row: { name: string; market: string; settings: Record<string, unknown>; updatedAt: Date },
): Promise<void> {
  const settings = JSON.stringify(row.settings)
  await tables(tx)
    .insertInto('supplier')
    .values({ id: 'supplier', name: row.name, market: row.market, settings, updated_at: row.updatedAt })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ name: row.name, market: row.market, settings, updated_at: row.updatedAt }),
    )
    .execute()
}

/** Replace the supplier's details (the caller validated them). */
export async function setSupplierDetails(tx: Tx, details: Record<string, unknown>, at: Date): Promise<void> {
  await tables(tx)
    .updateTable('supplier')
    .set({ details: JSON.stringify(details), updated_at: at })
    .where('id', '=', 'supplier')
    .execute()
}
