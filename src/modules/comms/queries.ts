/**
 * Reads: previews, an account's messages newest first, one message with its status history, a
 * letter's PDF, SMS enrolment and the channel the account prefers. Unaudited: the use cases record
 * the account views they make of them.
 */
import type { AccountFeedQuery, Db, StaffTotalsQuery, Tx } from '../../db/index.js'
import { decodeJsonCursor, encodeJsonCursor, pageOf } from '../../shared/cursor.js'
import { accountCard, compose } from './compose.js'
import { MessageNotFound } from './operations.js'
import { toMessage, toSmsEnrolment, toStatusEvent } from './rows.js'
import * as store from './store.js'
import type { FieldValue, TemplateKey } from './templates.js'
import type {
  Channel,
  ComposedMessage,
  Message,
  MessageDetail,
  RelatedRecord,
  SendChannel,
  SmsEnrolment,
} from './types.js'

/**
 * What `send` would store, without storing it: the merged subject and body and who it goes to, with
 * the same refusals.
 * @throws AccountNotFound, SupplierNotConfigured, UnknownTemplate, ChannelNotOffered, UnknownMergeField,
 *   MissingMergeField, InvalidMergeField, SmsNotEnrolled, NoRecipient, RecipientNotOnFile
 */
export async function preview({
  tx,
  accountId,
  channel,
  template,
  fields = {},
  recipient,
  at,
}: {
  tx: Tx
  accountId: string
  channel: SendChannel
  template: TemplateKey | string
  fields?: Readonly<Record<string, FieldValue | undefined>>
  recipient?: string | undefined
  at: Date
}): Promise<ComposedMessage> {
  const composed = await compose(tx, { accountId, channel, template, fields, recipient, at })
  return {
    channel: composed.channel,
    templateKey: composed.templateKey,
    subject: composed.subject,
    body: composed.body,
    recipient: composed.recipient,
    address: composed.address,
  }
}

const encodeCursor = (id: string) => encodeJsonCursor({ m: id })

function decodeCursor(cursor: string | undefined): string | undefined {
  const isMessageCursor = (value: unknown): value is { m: string } =>
    typeof (value as { m?: unknown } | null)?.m === 'string'
  return decodeJsonCursor(cursor, isMessageCursor)?.m
}

/**
 * An account's messages, outbound and inbound, newest first, a page at a time; optionally of one
 * channel or about one record.
 * @throws InvalidCursor
 */
export async function listMessages({
  tx,
  accountId,
  limit,
  cursor,
  channel,
  related,
}: {
  tx: Db | Tx
  accountId: string
  limit: number
  cursor?: string | undefined
  channel?: Channel | undefined
  related?: RelatedRecord | undefined
}): Promise<{ items: Message[]; nextCursor: string | null }> {
  const beforeId = decodeCursor(cursor)
  const rows = await store.messagesOf(tx, { accountId, beforeId, limit: limit + 1, channel, related })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeCursor(last.id))
  return { items: page.map(toMessage), nextCursor }
}

/** One message by id; with `accountId`, only if it is that account's. */
interface MessageLookup {
  tx: Db | Tx
  messageId: string
  accountId?: string | undefined
}

/**
 * The row looked up, when there is one and it belongs to the account asked about (if any).
 * @throws MessageNotFound naming what was looked for ('message', 'letter')
 */
function found<Row extends { account_id: string }>(
  row: Row | undefined,
  { messageId, accountId }: { messageId: string; accountId?: string | undefined },
  what: string,
): Row {
  if (!row || (accountId !== undefined && row.account_id !== accountId)) {
    throw new MessageNotFound(`There is no ${what} ${messageId}${accountId ? ' on this account' : ''}`)
  }
  return row
}

/**
 * One message with every status it has had. With `accountId`, a message of another account is not found.
 * @throws MessageNotFound
 */
export async function getMessage({ tx, messageId, accountId }: MessageLookup): Promise<MessageDetail> {
  const row = found(await store.messageById(tx, messageId), { messageId, accountId }, 'message')
  const [events, hasPdf] = await Promise.all([store.eventsOf(tx, messageId), store.hasLetter(tx, messageId)])
  return { ...toMessage(row), history: events.map(toStatusEvent), hasPdf }
}

/**
 * A letter's PDF, as made when it was sent. With `accountId`, a letter of another account is not found.
 * @throws MessageNotFound (also for a message that is not a letter)
 */
export async function letterPdf({ tx, messageId, accountId }: MessageLookup): Promise<Buffer> {
  const letter = found(await store.letterOf(tx, messageId), { messageId, accountId }, 'letter')
  return Buffer.from(letter.pdf)
}

/** Whether the customer is enrolled for SMS, and at which number. @throws AccountNotFound */
export async function smsEnrolmentOf({ tx, accountId }: { tx: Tx; accountId: string }): Promise<SmsEnrolment> {
  await accountCard(tx, accountId)
  return toSmsEnrolment(accountId, await store.smsEnrolmentOf(tx, accountId))
}

/**
 * The channel for a notice to this account: email for a paperless customer with an email address,
 * a letter otherwise.
 * @throws AccountNotFound
 */
export async function preferredChannel({ tx, accountId }: { tx: Tx; accountId: string }): Promise<'email' | 'letter'> {
  const card = await accountCard(tx, accountId)
  return card.billingMode === 'paperless' && card.emails.length > 0 ? 'email' : 'letter'
}

/** Of the records of `type` with these ids, those already sent a message with the template. Throws nothing. */
export async function alreadySentAbout({
  tx,
  type,
  ids,
  template,
}: {
  tx: Db | Tx
  type: string
  ids: readonly string[]
  template: TemplateKey
}): Promise<Set<string>> {
  return new Set(await store.relatedWithTemplate(tx, { type, ids, templateKey: template }))
}

/**
 * An account's messages, outbound and inbound, strictly before `(at, id)`, newest first by when
 * they were written, received or the call started (then id), at most `limit`; unaudited, for a use
 * case that records its own view (the account timeline). Throws nothing.
 */
export async function messagesBefore({ tx, accountId, before, limit }: AccountFeedQuery): Promise<Message[]> {
  return (await store.messagesBefore(tx, { accountId, before, limit })).map(toMessage)
}

/**
 * Per staff user over [from, to) (when logged or written): phone calls logged and their total handle
 * seconds, and outbound emails, texts and letters written (REP-1, the dashboard). Users with none
 * are left out. Throws nothing.
 */
export async function staffMessageTotals({
  tx,
  from,
  to,
  staffIds,
}: StaffTotalsQuery): Promise<{ userId: string; calls: number; handleSecondsTotal: number; messagesSent: number }[]> {
  const rows = await store.staffMessageTotals(tx, { from, to, staffIds })
  return rows.map((row) => ({
    userId: row.user_id,
    calls: Number(row.calls),
    handleSecondsTotal: Number(row.handle_seconds),
    messagesSent: Number(row.messages),
  }))
}

/**
 * The ids of queued outbound messages due for a delivery attempt at `at` (never tried, or their
 * retry time has come), in id order after `afterId`: what a sweep hands to the delivery worker.
 * Claims nothing. Throws nothing.
 */
export async function dueMessageIds({
  tx,
  at,
  afterId = null,
  limit,
}: {
  tx: Db | Tx
  at: Date
  afterId?: string | null
  limit: number
}): Promise<string[]> {
  return (await store.dueMessageIds(tx, { at, afterId, limit })).map((row) => row.id)
}
