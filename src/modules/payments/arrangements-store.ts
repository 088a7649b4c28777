import type { Db, Tx } from '../../db/index.js'
import { rowsOfAccount, rowsWhere } from '../../db/query-rows.js'
import { type ArrangementRow, type InstalmentRow, tables } from './store.js'

export async function instalmentsOf(db: Db | Tx, arrangementId: string): Promise<InstalmentRow[]> {
  return rowsWhere(tables(db), 'arrangement_instalments', 'arrangement_id', arrangementId).orderBy('seq').execute()
}

/** The id of the account's active arrangement, if it has one. */
export async function activeArrangementId(tx: Tx, accountId: string): Promise<string | undefined> {
  const row = await tables(tx)
    .selectFrom('payment_arrangements')
    .select('id')
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return row?.id
}

/** Insert an arrangement with its schedule. */
export async function insertArrangement(
  tx: Tx,
  row: ArrangementRow,
  schedule: readonly InstalmentRow[],
): Promise<void> {
  await tables(tx).insertInto('payment_arrangements').values(row).execute()
  if (schedule.length > 0)
    await tables(tx)
      .insertInto('arrangement_instalments')
      .values([...schedule])
      .execute()
}

export async function arrangementsOf(db: Db | Tx, accountId: string): Promise<ArrangementRow[]> {
  return rowsOfAccount(tables(db), 'payment_arrangements', accountId).orderBy('created_at', 'desc').execute()
}

/** Of these accounts, the ones with an active arrangement, in one query. */
export async function accountsWithActiveArrangement(db: Db | Tx, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return []
  const rows = await tables(db)
    .selectFrom('payment_arrangements')
    .select('account_id')
    .where('account_id', 'in', [...accountIds])
    .where('status', '=', 'active')
    .execute()
  return rows.map((row) => row.account_id)
}

/** Active arrangements' ids, a page at a time by id. */
export async function activeArrangementIds(
  db: Db | Tx,
  { afterId, limit }: { afterId: string | null; limit: number },
): Promise<string[]> {
  const rows = await tables(db)
    .selectFrom('payment_arrangements')
    .select('id')
    .where('status', '=', 'active')
    .where('id', '>', afterId ?? '')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}

/** An arrangement by id, locked for a change. */
export async function lockArrangement(tx: Tx, id: string): Promise<ArrangementRow | undefined> {
  return rowsWhere(tables(tx), 'payment_arrangements', 'id', id).forUpdate().executeTakeFirst()
}

export async function endArrangement(
  tx: Tx,
  id: string,
  { status, endedAt, reason }: { status: ArrangementRow['status']; endedAt: Date; reason: string },
): Promise<void> {
  await tables(tx)
    .updateTable('payment_arrangements')
    .set({ status, ended_at: endedAt, end_reason: reason })
    .where('id', '=', id)
    .execute()
}

/** Cancel the account's active arrangement, if any; returns its id. */
export async function cancelActiveArrangement(
  tx: Tx,
  accountId: string,
  { endedAt, reason }: { endedAt: Date; reason: string },
): Promise<string | undefined> {
  const row = await tables(tx)
    .updateTable('payment_arrangements')
    .set({ status: 'cancelled', ended_at: endedAt, end_reason: reason })
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst()
  return row?.id
}
