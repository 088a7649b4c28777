/**
 * COM-1..3 for staff: send a templated message to an account (queued in its transaction, delivered
 * after it commits), preview it, log inbound email and phone calls, read the message log and a
 * letter's PDF, and change SMS enrolment. Reads of the log are recorded as account views.
 */
import { type Db, inTransaction, type Tx } from '../db/index.js'
import type * as access from '../modules/access/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden } from '../shared/errors.js'
import { accountIdOf, recordAccountView } from './account-view.js'

export class TemplateNotAllowed extends Forbidden {
  override readonly code = 'TEMPLATE_NOT_ALLOWED'
}

/**
 * The transports this process delivers with: email through SMTP when the configuration names a relay
 * (`CUTTLE_SMTP_URL`, from `CUTTLE_SMTP_FROM`), otherwise the built-in outbox that takes it as sent;
 * the built-in SMS provider and post room. Throws nothing.
 */
export function commsTransports(smtp: { readonly url: string; readonly from: string } | undefined): comms.Transports {
  const builtIn = comms.builtInTransports()
  if (!smtp) return builtIn
  return { ...builtIn, email: comms.smtpEmailTransport({ url: smtp.url, from: smtp.from }) }
}

/** The template's fields with `balance` filled from the ledger when the template takes it and none was given. */
async function withBalance(
  tx: Tx,
  accountId: string,
  template: string,
  fields: Readonly<Record<string, comms.FieldValue | undefined>>,
): Promise<Readonly<Record<string, comms.FieldValue | undefined>>> {
  const spec = comms.templateOf(template)
  if (!Object.hasOwn(spec.fields, 'balance') || fields['balance'] !== undefined) return fields
  return { ...fields, balance: await ledger.balanceOf({ tx, accountId }) }
}

/** The templates, their channels and fields, and the permissions they are sent under. Throws nothing. */
export function messageTemplates() {
  return comms.listTemplates().map((template) => ({
    key: template.key,
    title: template.title,
    category: template.category,
    channels: template.channels.filter((channel) => channel !== 'sms' || template.sms !== null),
    sentUnder: template.sentUnder,
    recipientGiven: template.recipientGiven,
    subject: template.subject,
    body: template.body,
    sms: template.sms,
    fields: Object.entries(template.fields).map(([name, spec]) => ({ name, ...spec })),
    accountFields: Object.keys(comms.accountFields),
  }))
}

/**
 * Send a templated message to an account as a member of staff. `permission` is the one the caller
 * was let in with: the template must be one sent under it (collections notices under
 * `collections.notice.send`, service messages under `comms.message.send`). `balance` is filled from
 * the ledger when not given. The message is queued in one transaction and handed to its transport
 * after it commits; a delivery failure leaves it queued or failed, never undone.
 * @throws TemplateNotAllowed, AccountNotFound, and what `comms.send` throws
 */
export async function sendAccountMessage({
  db,
  accountNumber,
  channel,
  template,
  fields = {},
  related,
  recipient,
  permission,
  transports,
  actor,
  at,
}: {
  db: Db
  accountNumber: string
  channel: comms.SendChannel
  template: string
  fields?: Readonly<Record<string, comms.FieldValue | undefined>>
  related?: comms.RelatedRecord | undefined
  recipient?: string | undefined
  permission: access.Permission
  transports: comms.Transports
  actor: Actor
  at: Date
}): Promise<comms.MessageDetail> {
  const spec = comms.templateOf(template)
  if (!spec.sentUnder.includes(permission)) {
    throw new TemplateNotAllowed(`The template ${spec.key} is not sent under ${permission}`, {
      template: spec.key,
      permission,
      sentUnder: spec.sentUnder,
    })
  }
  const queued = await inTransaction(db, async (tx) => {
    const accountId = await accountIdOf(tx, accountNumber)
    return comms.send({
      tx,
      accountId,
      channel,
      template,
      fields: await withBalance(tx, accountId, template, fields),
      related: related ?? null,
      recipient,
      actor,
      at,
    })
  })
  await comms.deliverQueued({ db, transports, at, messageIds: [queued.id] })
  return comms.getMessage({ tx: db, messageId: queued.id })
}

/**
 * What `sendAccountMessage` would send, merged with the account's fields, stored nowhere; recorded
 * as a view of the account.
 * @throws AccountNotFound, and what `comms.preview` throws
 */
export async function previewAccountMessage({
  tx,
  accountNumber,
  channel,
  template,
  fields = {},
  recipient,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  channel: comms.SendChannel
  template: string
  fields?: Readonly<Record<string, comms.FieldValue | undefined>>
  recipient?: string | undefined
  actor: Actor
  at: Date
}): Promise<comms.ComposedMessage> {
  const accountId = await accountIdOf(tx, accountNumber)
  const composed = await comms.preview({
    tx,
    accountId,
    channel,
    template,
    fields: await withBalance(tx, accountId, template, fields),
    recipient,
    at,
  })
  await recordAccountView(tx, { accountId, what: 'message_preview', context: { template, channel }, actor, at })
  return composed
}

/** Attach an email the customer sent to their account. @throws AccountNotFound, InvalidMessage */
export async function logAccountInboundEmail({
  tx,
  accountNumber,
  ...email
}: Omit<Parameters<typeof comms.logInboundEmail>[0], 'accountId'> & { accountNumber: string }): Promise<comms.Message> {
  return comms.logInboundEmail({ ...email, tx, accountId: await accountIdOf(tx, accountNumber) })
}

/** Log a phone call with the customer on their account. @throws AccountNotFound, InvalidMessage */
export async function logAccountPhoneCall({
  tx,
  accountNumber,
  ...call
}: Omit<Parameters<typeof comms.logPhoneCall>[0], 'accountId'> & { accountNumber: string }): Promise<comms.Message> {
  return comms.logPhoneCall({ ...call, tx, accountId: await accountIdOf(tx, accountNumber) })
}

/** An account's messages, newest first; an audited view. @throws AccountNotFound, InvalidCursor */
export async function accountMessages({
  tx,
  accountNumber,
  limit,
  cursor,
  channel,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  limit: number
  cursor?: string | undefined
  channel?: comms.Channel | undefined
  actor: Actor
  at: Date
}): Promise<{ items: comms.Message[]; nextCursor: string | null }> {
  const accountId = await accountIdOf(tx, accountNumber)
  const page = await comms.listMessages({ tx, accountId, limit, cursor, channel })
  await recordAccountView(tx, { accountId, what: 'messages', context: channel ? { channel } : {}, actor, at })
  return page
}

/** One message with its status history; an audited view. @throws AccountNotFound, MessageNotFound */
export async function accountMessage({
  tx,
  accountNumber,
  messageId,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  messageId: string
  actor: Actor
  at: Date
}): Promise<comms.MessageDetail> {
  const accountId = await accountIdOf(tx, accountNumber)
  const message = await comms.getMessage({ tx, accountId, messageId })
  await recordAccountView(tx, { accountId, what: 'message', context: { messageId }, actor, at })
  return message
}

/** A letter's PDF as it was sent; an audited view. @throws AccountNotFound, MessageNotFound */
export async function accountLetterPdf({
  tx,
  accountNumber,
  messageId,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  messageId: string
  actor: Actor
  at: Date
}): Promise<Buffer> {
  const accountId = await accountIdOf(tx, accountNumber)
  const pdf = await comms.letterPdf({ tx, accountId, messageId })
  await recordAccountView(tx, { accountId, what: 'letter_pdf', context: { messageId }, actor, at })
  return pdf
}

/** Whether the customer is enrolled for SMS; an audited view of the contacts. @throws AccountNotFound */
export async function accountSmsEnrolment({
  tx,
  accountNumber,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  actor: Actor
  at: Date
}): Promise<comms.SmsEnrolment> {
  const accountId = await accountIdOf(tx, accountNumber)
  const enrolment = await comms.smsEnrolmentOf({ tx, accountId })
  await recordAccountView(tx, { accountId, what: 'sms_enrolment', context: {}, actor, at })
  return enrolment
}

/** Enrol the customer for SMS, or take them off it. @throws AccountNotFound, InvalidSmsEnrolment */
export async function changeSmsEnrolment({
  tx,
  accountNumber,
  enrolled,
  phoneNumber,
  actor,
  at,
}: {
  tx: Tx
  accountNumber: string
  enrolled: boolean
  phoneNumber?: string | null | undefined
  actor: Actor
  at: Date
}): Promise<comms.SmsEnrolment> {
  const accountId = await accountIdOf(tx, accountNumber)
  return comms.setSmsEnrolment({ tx, accountId, enrolled, phoneNumber, actor, at })
}

/**
 * Deliver every queued message that is due (those a request could not deliver at once, and
 * retries): for a scheduled job or a command. Throws nothing for a message it cannot deliver.
 */
export async function deliverQueuedMessages({
  db,
  transports,
  at,
}: {
  db: Db
  transports: comms.Transports
  at: Date
}): Promise<comms.DeliveryReport> {
  const report = { sent: [] as string[], failed: [] as string[], deferred: [] as string[] }
  for (;;) {
    const batch = await comms.deliverQueued({ db, transports, at, limit: 100 })
    report.sent.push(...batch.sent)
    report.failed.push(...batch.failed)
    report.deferred.push(...batch.deferred)
    if (batch.sent.length + batch.failed.length + batch.deferred.length < 100) return report
  }
}
