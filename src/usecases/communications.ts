import type { Change } from '../db/index.js'
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
import { Forbidden, withCode } from '../shared/errors.js'
import {
  type AccountCall,
  type AccountMessageCall,
  type AccountPageCall,
  accountIdOf,
  type ByAccountNumber,
  recordAccountView,
} from './account-view.js'

export class TemplateNotAllowed extends withCode(Forbidden, 'TEMPLATE_NOT_ALLOWED') {}

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
 * the ledger when not given. The message is queued in one transaction and, once that commits, enqueued
 * for the delivery worker (`queue`): the answer is the message as queued, and a delivery failure
 * later leaves it deferred or failed, never undone.
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
  queue,
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
  queue: DeliveryQueue
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
  await queue.enqueue([queued.id])
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
}: Change & {
  accountNumber: string
  channel: comms.SendChannel
  template: string
  fields?: Readonly<Record<string, comms.FieldValue | undefined>>
  recipient?: string | undefined
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
}: ByAccountNumber<typeof comms.logInboundEmail>): Promise<comms.Message> {
  return comms.logInboundEmail({ ...email, tx, accountId: await accountIdOf(tx, accountNumber) })
}

/** Log a phone call with the customer on their account. @throws AccountNotFound, InvalidMessage */
export async function logAccountPhoneCall({
  tx,
  accountNumber,
  ...call
}: ByAccountNumber<typeof comms.logPhoneCall>): Promise<comms.Message> {
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
}: AccountPageCall & {
  channel?: comms.Channel | undefined
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
}: AccountMessageCall): Promise<comms.MessageDetail> {
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
}: AccountMessageCall): Promise<Buffer> {
  const accountId = await accountIdOf(tx, accountNumber)
  const pdf = await comms.letterPdf({ tx, accountId, messageId })
  await recordAccountView(tx, { accountId, what: 'letter_pdf', context: { messageId }, actor, at })
  return pdf
}

/** Whether the customer is enrolled for SMS; an audited view of the contacts. @throws AccountNotFound */
export async function accountSmsEnrolment({ tx, accountNumber, actor, at }: AccountCall): Promise<comms.SmsEnrolment> {
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
}: AccountCall & {
  enrolled: boolean
  phoneNumber?: string | null | undefined
}): Promise<comms.SmsEnrolment> {
  const accountId = await accountIdOf(tx, accountNumber)
  return comms.setSmsEnrolment({ tx, accountId, enrolled, phoneNumber, actor, at })
}

/**
 * Where a message goes once the transaction that queued it has committed: the delivery worker. In
 * the server each id becomes a pg-boss job (`src/jobs/delivery.ts`); in tests an in-process queue
 * that the test runs by hand (`inProcessDeliveryQueue`). Routes and commands only enqueue; they never
 * talk to SMTP themselves.
 */
export interface DeliveryQueue {
  /**
   * Hand these messages to the delivery worker. An id whose message never committed, or that is
   * already sent or claimed, is skipped by the worker. Throws when the queue itself cannot be written
   * (the message stays queued in the outbox and the sweep takes it later).
   */
  enqueue(messageIds: readonly string[]): Promise<void>
}

const queuedKey = Symbol('queued messages')

/**
 * Tag a use case's answer with the ids of the messages it queued, for the caller to enqueue after
 * the commit. The tag is a hidden symbol property: never serialised, so no response carries it.
 */
export function withQueuedMessages<T extends object>(value: T, messageIds: readonly string[]): T {
  Object.defineProperty(value, queuedKey, { value: [...messageIds], enumerable: false, configurable: true })
  return value
}

/** The ids of the messages a use case's answer was tagged with (`withQueuedMessages`); none when untagged. */
export function queuedMessagesOf(value: unknown): readonly string[] {
  if (typeof value !== 'object' || value === null) return []
  const ids = (value as { [queuedKey]?: unknown })[queuedKey]
  return Array.isArray(ids) ? (ids as string[]) : []
}

/** What became of one message handed to `deliverMessage`. */
export type DeliveryOutcome = 'sent' | 'failed' | 'deferred' | 'skipped'

/**
 * Deliver exactly one queued message, the delivery job's work: it is claimed (so two workers never
 * send it twice), handed to its transport outside any transaction, and marked sent or failed, or
 * deferred with a backoff (the wait doubles with each attempt; failed after five). A message already
 * sent, failed, claimed by another worker or not yet due again is `skipped`, so the job is safe to
 * run twice. Throws nothing for a message that cannot be delivered; it is recorded on the message.
 */
export async function deliverMessage({
  db,
  transports,
  messageId,
  at,
}: {
  db: Db
  transports: comms.Transports
  messageId: string
  at: Date
}): Promise<DeliveryOutcome> {
  const report = await comms.deliverQueued({ db, transports, at, messageIds: [messageId], limit: 1 })
  if (report.sent.includes(messageId)) return 'sent'
  if (report.failed.includes(messageId)) return 'failed'
  if (report.deferred.includes(messageId)) return 'deferred'
  return 'skipped'
}

/**
 * Enqueue every queued message that is due (never tried, or its retry time has come), a page at a
 * time: the sweep that retries deferred messages and picks up any whose enqueue was lost (the process
 * stopped between the commit and the enqueue). Answers how many were enqueued.
 */
export async function enqueueDueMessages({
  db,
  queue,
  at,
  pageSize = 500,
}: {
  db: Db
  queue: DeliveryQueue
  at: Date
  pageSize?: number
}): Promise<number> {
  let afterId: string | null = null
  let count = 0
  for (;;) {
    const ids = await comms.dueMessageIds({ tx: db, at, afterId, limit: pageSize })
    if (ids.length === 0) return count
    await queue.enqueue(ids)
    count += ids.length
    afterId = ids.at(-1) ?? null
  }
}

/**
 * A delivery queue held in memory and run by hand: what tests (and an app built without a worker)
 * use. `runQueued` delivers exactly the messages enqueued so far, each with `deliverMessage`, as the
 * worker would. Throws nothing.
 */
export function inProcessDeliveryQueue({
  db,
  transports,
  clock = () => new Date(),
}: {
  db: Db
  transports: comms.Transports
  clock?: (() => Date) | undefined
}): DeliveryQueue & { readonly pending: readonly string[]; runQueued(): Promise<comms.DeliveryReport> } {
  const pending: string[] = []
  return {
    pending,
    async enqueue(messageIds) {
      for (const id of messageIds) if (!pending.includes(id)) pending.push(id)
    },
    async runQueued() {
      const report = { sent: [] as string[], failed: [] as string[], deferred: [] as string[] }
      for (const messageId of pending.splice(0, pending.length)) {
        const outcome = await deliverMessage({ db, transports, messageId, at: clock() })
        if (outcome !== 'skipped') report[outcome].push(messageId)
      }
      return report
    },
  }
}
