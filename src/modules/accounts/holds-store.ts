import { type Db, type Tx, withTables } from '../../db/index.js'

export interface HoldRow {
  id: string
  account_id: string
  kind: 'seasonal'
  reason: string
  starts_on: string
  ends_on: string | null
  placed_by: string
  placed_at: Date
  lifted_by: string | null
  lifted_at: Date | null
}

const tables = withTables<{ account_holds: HoldRow }>()

export async function insertHold(tx: Tx, row: HoldRow): Promise<void> {
  await tables(tx).insertInto('account_holds').values(row).execute()
}

/** Lift a hold in place on the account; false when there is none with this id. */
export async function markHoldLifted(
  tx: Tx,
  { accountId, holdId, liftedBy, liftedAt }: { accountId: string; holdId: string; liftedBy: string; liftedAt: Date },
): Promise<boolean> {
  const lifted = await tables(tx)
    .updateTable('account_holds')
    .set({ lifted_by: liftedBy, lifted_at: liftedAt })
    .where('id', '=', holdId)
    .where('account_id', '=', accountId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst()
  return Number(lifted.numUpdatedRows) > 0
}

/** Holds in force on a local date (started, not ended, not lifted), earliest first. */
export async function holdsInForceOn(db: Db | Tx, accountId: string, on: string): Promise<HoldRow[]> {
  return tables(db)
    .selectFrom('account_holds')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('lifted_at', 'is', null)
    .where('starts_on', '<=', on)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', on)]))
    .orderBy('starts_on')
    .execute()
}
