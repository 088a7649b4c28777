import type { ColumnType, Selectable } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

interface SupplierTable {
  id: string
  name: string
  market: string
  settings: ColumnType<Record<string, unknown>, string, string>
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
