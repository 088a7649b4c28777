import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'
import { camelFields } from '../../shared/row-mapping.js'
import type { DraftSources, DraftStatus, Intent, SuggestedReply } from './types.js'

export interface DraftRow {
  id: string
  account_id: string
  inbound_message_id: string
  intent: string
  /** numeric(4,3): read back as an exact string. */
  confidence: string
  template_key: string
  subject: string
  body: string
  /** jsonb: written as JSON text, read back parsed. */
  sources: unknown
  status: string
  reviewed_by: string | null
  reviewed_at: Date | null
  edited_body: string | null
  sent_message_id: string | null
  created_at: Date
  created_by: string
  updated_at: Date
}

const tables = withTables<{ assist_drafts: DraftRow }>()

export function toSuggestedReply(row: DraftRow): SuggestedReply {
  return {
    ...camelFields(row, [
      'id',
      'account_id',
      'inbound_message_id',
      'subject',
      'body',
      'reviewed_by',
      'reviewed_at',
      'edited_body',
      'sent_message_id',
      'created_at',
      'created_by',
      'updated_at',
    ]),
    intent: row.intent as Intent,
    confidence: Number(row.confidence),
    sources: row.sources as DraftSources,
    status: row.status as DraftStatus,
  }
}

/** Insert a draft unless the message already has one; the row that stands is returned. */
export async function insertDraft(tx: Tx, row: DraftRow): Promise<DraftRow> {
  const inserted = await tables(tx)
    .insertInto('assist_drafts')
    .values({ ...row, sources: sql`${JSON.stringify(row.sources)}::jsonb` })
    .onConflict((conflict) => conflict.columns(['account_id', 'inbound_message_id']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (inserted) return inserted
  const existing = await draftForMessage(tx, row.account_id, row.inbound_message_id, true)
  if (!existing) throw new Error(`The draft for ${row.inbound_message_id} vanished`)
  return existing
}

export async function draftForMessage(
  db: Db | Tx,
  accountId: string,
  inboundMessageId: string,
  lock = false,
): Promise<DraftRow | undefined> {
  const query = tables(db)
    .selectFrom('assist_drafts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('inbound_message_id', '=', inboundMessageId)
  return (lock ? query.forUpdate() : query).executeTakeFirst()
}

export async function updateDraft(
  tx: Tx,
  id: string,
  changes: Partial<
    Pick<DraftRow, 'status' | 'reviewed_by' | 'reviewed_at' | 'edited_body' | 'sent_message_id' | 'updated_at'>
  >,
): Promise<DraftRow> {
  return tables(tx)
    .updateTable('assist_drafts')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
