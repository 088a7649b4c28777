import { type ColumnType, sql } from 'kysely'
import { newestFirstBefore } from '../../db/feed.js'
import { type AccountFeedQuery, type Db, type StaffTotalsQuery, type Tx, withTables } from '../../db/index.js'
import { besidesKey } from '../../db/upsert.js'

export interface MessageRow {
  id: string
  account_id: string
  channel: string
  direction: string
  template_key: string | null
  subject: string | null
  body: string
  recipient: string | null
  sender: string | null
  status: string
  status_at: Date
  related_type: string | null
  related_id: string | null
  handle_seconds: number | null
  occurred_at: Date
  created_at: Date
  created_by_kind: string
  created_by_id: string | null
  provider: string | null
  provider_message_id: string | null
  delivery_attempts: number
  next_attempt_at: Date | null
  failure_reason: string | null
}
export interface EventRow {
  id: string
  account_id: string
  message_id: string
  status: string
  occurred_at: Date
  recorded_at: Date
  detail: string | null
  recorded_by_kind: string
  recorded_by_id: string | null
}
interface LettersTable {
  message_id: string
  account_id: string
  /** jsonb: the address lines; written as JSON text, read back parsed. */
  address: ColumnType<string[], string, never>
  pdf: Uint8Array
  sha256: string
  created_at: Date
}
export interface SmsEnrolmentRow {
  account_id: string
  enrolled: boolean
  phone_number: string | null
  updated_at: Date
}

const tables = withTables<{
  comms_messages: MessageRow
  comms_message_events: EventRow
  comms_letters: LettersTable
  comms_sms_enrolments: SmsEnrolmentRow
}>()

export async function insertMessage(tx: Tx, row: MessageRow): Promise<void> {
  await tables(tx).insertInto('comms_messages').values(row).execute()
}

export async function insertEvent(tx: Tx, row: EventRow): Promise<void> {
  await tables(tx).insertInto('comms_message_events').values(row).execute()
}

export async function insertLetter(
  tx: Tx,
  row: { message_id: string; account_id: string; address: string; pdf: Buffer; sha256: string; created_at: Date },
): Promise<void> {
  await tables(tx).insertInto('comms_letters').values(row).execute()
}

export async function messageById(db: Db | Tx, id: string): Promise<MessageRow | undefined> {
  return tables(db).selectFrom('comms_messages').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The message, locked for this transaction, so two reports about it apply one after the other. */
export async function lockMessage(tx: Tx, id: string): Promise<MessageRow | undefined> {
  return tables(tx).selectFrom('comms_messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function messageIdByProviderId(
  db: Db | Tx,
  provider: string,
  providerMessageId: string,
): Promise<string | undefined> {
  const row = await tables(db)
    .selectFrom('comms_messages')
    .select('id')
    .where('provider', '=', provider)
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst()
  return row?.id
}

export async function inboundByProviderId(db: Db | Tx, accountId: string, providerMessageId: string) {
  return tables(db)
    .selectFrom('comms_messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('direction', '=', 'inbound')
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst()
}

/** An account's messages, newest first (ids sort by time), before a cursor id. */
export async function messagesOf(
  db: Db | Tx,
  {
    accountId,
    beforeId,
    limit,
    channel,
    related,
  }: {
    accountId: string
    beforeId?: string | undefined
    limit: number
    channel?: string | undefined
    related?: { type: string; id: string } | undefined
  },
): Promise<MessageRow[]> {
  let query = tables(db).selectFrom('comms_messages').selectAll().where('account_id', '=', accountId)
  if (beforeId) query = query.where('id', '<', beforeId)
  if (channel) query = query.where('channel', '=', channel)
  if (related) query = query.where('related_type', '=', related.type).where('related_id', '=', related.id)
  return query.orderBy('id', 'desc').limit(limit).execute()
}

/** Of these records of one type, those an outbound message with the template is about. */
export async function relatedWithTemplate(
  db: Db | Tx,
  { type, ids, templateKey }: { type: string; ids: readonly string[]; templateKey: string },
): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tables(db)
    .selectFrom('comms_messages')
    .select('related_id')
    .distinct()
    .where('related_type', '=', type)
    .where('related_id', 'in', [...ids])
    .where('template_key', '=', templateKey)
    .execute()
  return rows.map((row) => row.related_id).filter((id): id is string => id !== null)
}

export async function eventsOf(db: Db | Tx, messageId: string): Promise<EventRow[]> {
  return tables(db)
    .selectFrom('comms_message_events')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute()
}

export async function letterOf(db: Db | Tx, messageId: string) {
  return tables(db).selectFrom('comms_letters').selectAll().where('message_id', '=', messageId).executeTakeFirst()
}

export async function hasLetter(db: Db | Tx, messageId: string): Promise<boolean> {
  const row = await tables(db)
    .selectFrom('comms_letters')
    .select('message_id')
    .where('message_id', '=', messageId)
    .executeTakeFirst()
  return row !== undefined
}

/** Move a message's status (the caller has checked the move and writes its event). */
export async function updateStatus(
  tx: Tx,
  id: string,
  changes: {
    status: string
    status_at: Date
    provider?: string | null
    provider_message_id?: string | null
    failure_reason?: string | null
    next_attempt_at?: Date | null
  },
): Promise<void> {
  await tables(tx).updateTable('comms_messages').set(changes).where('id', '=', id).execute()
}

/** After a failed attempt that will be tried again: why, and when next. */
export async function deferDelivery(tx: Tx, id: string, changes: { failure_reason: string; next_attempt_at: Date }) {
  await tables(tx)
    .updateTable('comms_messages')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute()
}

/**
 * Claim queued messages that are due for a delivery attempt: each is taken by one caller only
 * (rows locked by another are skipped) and not offered again until `claimUntil`.
 */
export async function claimDue(
  tx: Tx,
  { at, claimUntil, limit, ids }: { at: Date; claimUntil: Date; limit: number; ids?: readonly string[] | undefined },
): Promise<MessageRow[]> {
  const idFilter = ids ? sql`and id in (${sql.join(ids.length > 0 ? ids : [''])})` : sql``
  const result = await sql<MessageRow>`
    update comms_messages set next_attempt_at = ${claimUntil}, delivery_attempts = delivery_attempts + 1
    where id in (
      select id from comms_messages
      where status = 'queued' and channel in ('email', 'sms', 'letter')
        and (next_attempt_at is null or next_attempt_at <= ${at}) ${idFilter}
      order by id
      limit ${limit}
      for update skip locked)
    returning *`.execute(tx)
  return result.rows.sort((a, b) => (a.id < b.id ? -1 : 1))
}

/**
 * Queued outbound messages due for a delivery attempt (never tried, or their retry time has come),
 * in id order after `afterId`: what a sweep hands to the delivery worker. Reads only; claims nothing.
 */
export async function dueMessageIds(
  db: Db | Tx,
  { at, afterId, limit }: { at: Date; afterId: string | null; limit: number },
): Promise<{ id: string; next_attempt_at: Date | null }[]> {
  let query = tables(db)
    .selectFrom('comms_messages')
    .select(['id', 'next_attempt_at'])
    .where('status', '=', 'queued')
    .where('channel', 'in', ['email', 'sms', 'letter'])
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
  if (afterId) query = query.where('id', '>', afterId)
  return query.orderBy('id').limit(limit).execute()
}

export async function smsEnrolmentOf(db: Db | Tx, accountId: string): Promise<SmsEnrolmentRow | undefined> {
  return tables(db)
    .selectFrom('comms_sms_enrolments')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst()
}

export async function upsertSmsEnrolment(tx: Tx, row: SmsEnrolmentRow): Promise<void> {
  await tables(tx)
    .insertInto('comms_sms_enrolments')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet(besidesKey(row, ['account_id'])))
    .execute()
}

/**
 * Messages strictly before `(at, id)` in the order newest first (occurred_at, then id by bytes): for
 * a feed that merges several kinds of record by time (the account timeline).
 */
export async function messagesBefore(
  db: Db | Tx,
  { accountId, before, limit }: Omit<AccountFeedQuery, 'tx'>,
): Promise<MessageRow[]> {
  const query = tables(db).selectFrom('comms_messages').selectAll().where('account_id', '=', accountId)
  return newestFirstBefore(query, { at: 'occurred_at', before, limit }).execute()
}

/** Per staff user over [from, to) of `created_at`: phone calls logged with their handle seconds, and outbound messages written. */
export async function staffMessageTotals(
  db: Db | Tx,
  { from, to, staffIds }: Omit<StaffTotalsQuery, 'tx'>,
): Promise<{ user_id: string; calls: string; handle_seconds: string; messages: string }[]> {
  const idFilter = staffIds ? sql`and created_by_id in (${sql.join(staffIds.length > 0 ? staffIds : [''])})` : sql``
  const result = await sql<{ user_id: string; calls: string; handle_seconds: string; messages: string }>`
    select created_by_id as user_id,
      count(*) filter (where channel = 'phone_call')::text as calls,
      coalesce(sum(handle_seconds) filter (where channel = 'phone_call'), 0)::text as handle_seconds,
      count(*) filter (where channel <> 'phone_call' and direction = 'outbound')::text as messages
    from comms_messages
    where created_by_kind = 'staff' and created_by_id is not null
      and created_at >= ${from} and created_at < ${to} ${idFilter}
    group by created_by_id`.execute(db)
  return result.rows
}
