/**
 * The collections tables and every query on them: dunning actions, disconnection orders and notes.
 * The only file of the module with SQL; the rest of the module works on the rows it returns.
 */
import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'
import { insertUnlessTaken } from '../../db/query-insert.js'
import { rowsOfAccount } from '../../db/query-rows.js'

export type DunningAction = 'payment_reminder' | 'final_notice' | 'disconnection_notice' | 'debt_collection_referral'

export interface ActionRow {
  id: string
  account_id: string
  episode_due_on: string
  action: DunningAction | 'late_fee' | 'escalation_withheld'
  amount_minor: bigint | null
  message_id: string | null
  journal_id: string | null
  detail: string | null
  taken_by: string
  taken_at: Date
}

export interface OrderRow {
  id: string
  account_id: string
  status: 'pending' | 'cancelled' | 'completed'
  reason: string
  requested_by: string
  requested_at: Date
  ended_by: string | null
  ended_at: Date | null
}

export interface NoteRow {
  id: string
  account_id: string
  kind: 'affordability' | 'debt_advice'
  body: string
  details: unknown
  created_by: string
  created_at: Date
}

const tables = withTables<{
  collection_actions: ActionRow
  disconnection_orders: OrderRow
  collection_notes: NoteRow
}>()

// Dunning actions

/** The steps taken on an account in one debt episode (the due date of its oldest unpaid charge), oldest first. */
export async function actionsInEpisode(db: Db | Tx, accountId: string, episodeDueOn: string): Promise<ActionRow[]> {
  return rowsOfAccount(tables(db), 'collection_actions', accountId)
    .where('episode_due_on', '=', episodeDueOn)
    .orderBy('taken_at')
    .execute()
}

/** Record a step unless the same step was taken in the episode already; false when it was. */
export async function insertActionOnce(tx: Tx, row: ActionRow): Promise<boolean> {
  return insertUnlessTaken(tables(tx), 'collection_actions', row, ['account_id', 'episode_due_on', 'action'])
}

/** The latest 100 steps taken on an account, newest first. */
export async function recentActionsOf(db: Db | Tx, accountId: string): Promise<ActionRow[]> {
  return rowsOfAccount(tables(db), 'collection_actions', accountId).orderBy('taken_at', 'desc').limit(100).execute()
}

/** The last step taken on an account, in any episode, if any. */
export async function lastActionOf(
  db: Db | Tx,
  accountId: string,
): Promise<Pick<ActionRow, 'action' | 'taken_at'> | undefined> {
  return tables(db)
    .selectFrom('collection_actions')
    .select(['action', 'taken_at'])
    .where('account_id', '=', accountId)
    .orderBy('taken_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

// Disconnection orders

/** Insert a pending order unless one is pending on the account already; false when one is. */
export async function insertPendingOrder(tx: Tx, row: OrderRow): Promise<boolean> {
  const inserted = await tables(tx)
    .insertInto('disconnection_orders')
    .values(row)
    .onConflict((oc) => oc.column('account_id').where('status', '=', 'pending').doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0
}

/** Cancel the account's pending order; its id, or undefined when none is pending. */
export async function markPendingOrderCancelled(
  tx: Tx,
  { accountId, endedBy, endedAt }: { accountId: string; endedBy: string; endedAt: Date },
): Promise<string | undefined> {
  const row = await tables(tx)
    .updateTable('disconnection_orders')
    .set({ status: 'cancelled', ended_by: endedBy, ended_at: endedAt })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

/** Complete the account's pending order; the order, or undefined when none is pending. */
export async function markPendingOrderCompleted(
  tx: Tx,
  { accountId, endedBy, endedAt }: { accountId: string; endedBy: string; endedAt: Date },
): Promise<OrderRow | undefined> {
  return tables(tx)
    .updateTable('disconnection_orders')
    .set({ status: 'completed', ended_by: endedBy, ended_at: endedAt })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
}

/** Which of the accounts have an order in the status (an account once per order). */
export async function accountsWithOrderIn(
  db: Db | Tx,
  { accountIds, status }: { accountIds: readonly string[]; status: OrderRow['status'] },
): Promise<string[]> {
  if (accountIds.length === 0) return []
  const rows = await tables(db)
    .selectFrom('disconnection_orders')
    .select('account_id')
    .where('account_id', 'in', accountIds)
    .where('status', '=', status)
    .execute()
  return rows.map((row) => row.account_id)
}

/** Every order on an account, newest first. */
export async function ordersOf(db: Db | Tx, accountId: string): Promise<OrderRow[]> {
  return rowsOfAccount(tables(db), 'disconnection_orders', accountId).orderBy('requested_at', 'desc').execute()
}

// Notes

/** Append a note; its details are stored as jsonb. */
export async function insertNote(tx: Tx, row: NoteRow): Promise<void> {
  await tables(tx)
    .insertInto('collection_notes')
    .values({ ...row, details: sql`${JSON.stringify(row.details)}::jsonb` })
    .execute()
}

/** Every note on an account, newest first. */
export async function notesOf(db: Db | Tx, accountId: string): Promise<NoteRow[]> {
  return rowsOfAccount(tables(db), 'collection_notes', accountId).orderBy('created_at', 'desc').execute()
}
