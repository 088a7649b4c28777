import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { Db, Tx } from '../../db/index.js'
import { upsertRow } from '../../db/query-insert.js'
import { rowsOfAccount, rowsWhere } from '../../db/query-rows.js'
import { type CollectionRow, type InstructionRow, type OverrideRow, tables } from './store.js'

/** Cancel an account's active instruction, if it has one; returns it as it was before. */
export async function cancelActiveInstruction(tx: Tx, accountId: string, at: Date) {
  return tables(tx)
    .updateTable('direct_debit_instructions')
    .set({ status: 'cancelled', cancelled_at: at })
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst()
}

export async function insertInstruction(tx: Tx, row: InstructionRow): Promise<void> {
  await tables(tx).insertInto('direct_debit_instructions').values(row).execute()
}

export async function activeInstructionOf(db: Db | Tx, accountId: string): Promise<InstructionRow | undefined> {
  return rowsOfAccount(tables(db), 'direct_debit_instructions', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst()
}

type PaymentsTables = ReturnType<typeof tables> extends Kysely<infer Tables> ? Tables : never

/** The ids of active instructions that pass `where`, a page at a time by id. */
async function activeInstructionIds(
  db: Db | Tx,
  where: (eb: ExpressionBuilder<PaymentsTables, 'direct_debit_instructions'>) => Expression<SqlBool>,
  { afterId, limit }: { afterId: string | null; limit: number },
): Promise<string[]> {
  const rows = await tables(db)
    .selectFrom('direct_debit_instructions')
    .select('id')
    .where('status', '=', 'active')
    .where(where)
    .where('id', '>', afterId ?? '')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}

/** Active instructions paid on `paymentDay`, a page at a time by id. */
export async function instructionIdsDue(
  db: Db | Tx,
  { paymentDay, afterId, limit }: { paymentDay: number; afterId: string | null; limit: number },
): Promise<string[]> {
  return activeInstructionIds(db, (eb) => eb('payment_day', '=', paymentDay), { afterId, limit })
}

/**
 * Active instructions last reviewed for adequacy on or before `reviewedBy`, or never, a page at a
 * time by id.
 */
export async function instructionIdsDueAdequacyReview(
  db: Db | Tx,
  { reviewedBy, afterId, limit }: { reviewedBy: string; afterId: string | null; limit: number },
): Promise<string[]> {
  return activeInstructionIds(
    db,
    (eb) => eb.or([eb('adequacy_reviewed_on', 'is', null), eb('adequacy_reviewed_on', '<=', reviewedBy)]),
    { afterId, limit },
  )
}

/** Record an adequacy review on an instruction. */
export async function recordAdequacyReview(
  tx: Tx,
  id: string,
  review: Pick<InstructionRow, 'adequacy_reviewed_on' | 'adequacy_recommended_minor'>,
): Promise<void> {
  await tables(tx).updateTable('direct_debit_instructions').set(review).where('id', '=', id).execute()
}

/**
 * Of these accounts, those with an active instruction reviewed for adequacy before `reviewedBefore`,
 * or never reviewed and set up before the instant `setUpBefore`.
 */
export async function accountsWithoutAdequacyReviewSince(
  db: Db | Tx,
  {
    accountIds,
    reviewedBefore,
    setUpBefore,
  }: { accountIds: readonly string[]; reviewedBefore: string; setUpBefore: Date },
): Promise<string[]> {
  if (accountIds.length === 0) return []
  const rows = await tables(db)
    .selectFrom('direct_debit_instructions')
    .select('account_id')
    .where('status', '=', 'active')
    .where('account_id', 'in', [...new Set(accountIds)])
    .where((eb) =>
      eb.or([
        eb('adequacy_reviewed_on', '<', reviewedBefore),
        eb.and([eb('adequacy_reviewed_on', 'is', null), eb('created_at', '<', setUpBefore)]),
      ]),
    )
    .execute()
  return rows.map((row) => row.account_id)
}

/** An instruction by id; locked for update when `lock`. */
export async function instructionById(tx: Tx, id: string, lock: boolean): Promise<InstructionRow | undefined> {
  const query = rowsWhere(tables(tx), 'direct_debit_instructions', 'id', id)
  return (lock ? query.forUpdate() : query).executeTakeFirst()
}

/** Whether the instruction was collected (or tried) for the date `on` already. */
export async function collectedOn(tx: Tx, instructionId: string, on: string): Promise<boolean> {
  const row = await tables(tx)
    .selectFrom('direct_debit_collections')
    .select('id')
    .where('instruction_id', '=', instructionId)
    .where('collect_on', '=', on)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertCollection(tx: Tx, row: CollectionRow): Promise<void> {
  await tables(tx).insertInto('direct_debit_collections').values(row).execute()
}

/** A collection by id, locked for a decision. */
export async function lockCollection(tx: Tx, id: string): Promise<CollectionRow | undefined> {
  return rowsWhere(tables(tx), 'direct_debit_collections', 'id', id).forUpdate().executeTakeFirst()
}

export async function decideCollection(
  tx: Tx,
  id: string,
  changes: Pick<CollectionRow, 'outcome' | 'payment_id' | 'decided_by' | 'decided_at'>,
): Promise<void> {
  await tables(tx).updateTable('direct_debit_collections').set(changes).where('id', '=', id).execute()
}

/** Collections awaiting approval, by date, with the account each instruction belongs to. */
export async function collectionsAwaitingApproval(db: Db | Tx) {
  return tables(db)
    .selectFrom('direct_debit_collections')
    .innerJoin('direct_debit_instructions', 'direct_debit_instructions.id', 'direct_debit_collections.instruction_id')
    .select([
      'direct_debit_collections.id',
      'direct_debit_collections.collect_on',
      'direct_debit_collections.amount_minor',
      'direct_debit_instructions.account_id',
    ])
    .where('direct_debit_collections.outcome', '=', 'awaiting_approval')
    .orderBy('direct_debit_collections.collect_on')
    .execute()
}

/** The amount set for the instruction's collection on `on`, if one was. */
export async function overrideFor(db: Db | Tx, instructionId: string, on: string): Promise<OverrideRow | undefined> {
  return rowsWhere(tables(db), 'direct_debit_overrides', 'instruction_id', instructionId)
    .where('collect_on', '=', on)
    .executeTakeFirst()
}

/** Set (or replace) the amount of the instruction's collection on a day. */
export async function upsertOverride(tx: Tx, row: OverrideRow): Promise<void> {
  await upsertRow(tables(tx), 'direct_debit_overrides', row, ['instruction_id', 'collect_on'])
}
