/**
 * COM-1, COM-3: sending (queued in the caller's transaction, delivered after it commits), delivery
 * reports, inbound email and phone-call logs, SMS enrolment. Every change is audited in its transaction.
 */
import { createHash } from 'node:crypto'
import type { AccountChange, Change } from '../../db/index.js'
import { type Db, inTransaction, type Tx } from '../../db/index.js'
import { type Actor, systemActor } from '../../shared/actor.js'
import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { accountCard, compose, isEmailAddress } from './compose.js'
import { letterPdf } from './letter-pdf.js'
import { toMessage, toSmsEnrolment } from './rows.js'
import * as store from './store.js'
import type { FieldValue, TemplateKey } from './templates.js'
import { canMove, nextStatuses } from './transitions.js'
import { DeliveryRefused, type Transports } from './transports.js'
import {
  type DeliveryStatus,
  deliveryStatuses,
  type Message,
  type MessageStatus,
  type RelatedRecord,
  type SendChannel,
  type SmsEnrolment,
  sendChannels,
} from './types.js'

export class MessageNotFound extends withCode(NotFound, 'MESSAGE_NOT_FOUND') {}
export class StatusTransitionRefused extends withCode(Conflict, 'MESSAGE_STATUS_TRANSITION_REFUSED') {}
export class InvalidMessage extends withCode(ValidationFailed, 'INVALID_MESSAGE') {}
export class InvalidSmsEnrolment extends withCode(ValidationFailed, 'INVALID_SMS_ENROLMENT') {}

type Problem = { path: string; message: string }

const channelNouns: Readonly<Record<Message['channel'], string>> = {
  email: 'An email',
  sms: 'A text',
  letter: 'A letter',
  phone_call: 'A phone call',
}

function checkRelated(related: RelatedRecord | null | undefined, problems: Problem[]): void {
  if (!related) return
  if (!/^[a-z][a-z_]*$/.test(related.type) || related.type.length > 60)
    problems.push({ path: 'related.type', message: "a record type like 'payment_arrangement'" })
  if (related.id.length < 1 || related.id.length > 200)
    problems.push({ path: 'related.id', message: '1 to 200 characters' })
}

/** What a new message's row says of it; the rest is the same for every new message (`insertNewMessage`). */
type NewMessage = Pick<
  store.MessageRow,
  | 'account_id'
  | 'channel'
  | 'direction'
  | 'template_key'
  | 'subject'
  | 'body'
  | 'recipient'
  | 'sender'
  | 'status_at'
  | 'occurred_at'
> &
  Partial<Pick<store.MessageRow, 'handle_seconds' | 'provider_message_id'>> & { status: MessageStatus }

/**
 * Store a new message and its first status event (the message's own status, when it occurred): a
 * fresh id, written now by the actor, not yet handed to a provider. Returns the stored row.
 */
async function insertNewMessage(
  tx: Tx,
  message: NewMessage,
  {
    related,
    detail = null,
    actor,
    at,
  }: { related: RelatedRecord | null | undefined; detail?: string | null; actor: Actor; at: Date },
): Promise<store.MessageRow> {
  const row: store.MessageRow = {
    handle_seconds: null,
    provider_message_id: null,
    ...message,
    id: newId('msg'),
    related_type: related?.type ?? null,
    related_id: related?.id ?? null,
    created_at: at,
    created_by_kind: actor.kind,
    created_by_id: actor.id,
    provider: null,
    delivery_attempts: 0,
    next_attempt_at: null,
    failure_reason: null,
  }
  await store.insertMessage(tx, row)
  await store.insertEvent(tx, event(row, message.status, { occurredAt: message.occurred_at, detail, actor, at }))
  return row
}

function refuseIf(problems: Problem[], message: string): void {
  if (problems.length > 0)
    throw new InvalidMessage(`${message}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems)
}

function event(
  row: { id: string; account_id: string },
  status: MessageStatus,
  { occurredAt, detail, actor, at }: { occurredAt: Date; detail: string | null; actor: Actor; at: Date },
): store.EventRow {
  return {
    id: newId('mse'),
    account_id: row.account_id,
    message_id: row.id,
    status,
    occurred_at: occurredAt,
    recorded_at: at,
    detail,
    recorded_by_kind: actor.kind,
    recorded_by_id: actor.id,
  }
}

export interface SendInput {
  readonly tx: Tx
  readonly accountId: string
  readonly channel: SendChannel
  readonly template: TemplateKey | string
  /** The template's own fields (not the account's, which are filled in): money as minor units. */
  readonly fields?: Readonly<Record<string, FieldValue | undefined>>
  /** The record the message is about: `{ type: 'payment_arrangement', id }`. */
  readonly related?: RelatedRecord | null
  /**
   * Normally left out: the primary email, the enrolled SMS number or the postal address on file. An
   * email address given must be on file, except for templates that go to someone else (an invitee).
   */
  readonly recipient?: string | undefined
  /**
   * A letter only: the document printed and posted instead of the letter drawn from the template (a
   * statement's own PDF, which carries the address); the message keeps the template's text.
   */
  readonly printed?: Buffer | undefined
  readonly actor: Actor
  readonly at: Date
}

/**
 * Send a templated message to an account: merged, checked and stored as `queued` in the caller's
 * transaction (a letter with its PDF), audited, and delivered by `deliverQueued` after the
 * transaction commits, so a rolled-back transaction sends nothing.
 * @throws AccountNotFound, SupplierNotConfigured, UnknownTemplate, ChannelNotOffered, UnknownMergeField,
 *   MissingMergeField, InvalidMergeField, SmsNotEnrolled, NoRecipient, RecipientNotOnFile, InvalidMessage
 */
export async function send({
  tx,
  accountId,
  channel,
  template,
  fields = {},
  related = null,
  recipient,
  printed,
  actor,
  at,
}: SendInput): Promise<Message> {
  const problems: Problem[] = []
  if (!(sendChannels as readonly string[]).includes(channel))
    problems.push({ path: 'channel', message: `one of ${sendChannels.join(', ')}` })
  checkRelated(related, problems)
  refuseIf(problems, 'The message is not valid')
  const composed = await compose(tx, { accountId, channel, template, fields, recipient, at })
  const row = await insertNewMessage(
    tx,
    {
      account_id: accountId,
      channel,
      direction: 'outbound',
      template_key: composed.templateKey,
      subject: composed.subject,
      body: composed.body,
      recipient: composed.recipient,
      sender: null,
      status: 'queued',
      status_at: at,
      occurred_at: at,
    },
    { related, actor, at },
  )
  if (channel === 'letter' && composed.address) {
    const pdf =
      printed ??
      (await letterPdf({
        supplierName: composed.supplierName,
        accountNumber: composed.card.number,
        address: composed.address,
        dateText: composed.dateText,
        subject: composed.subject,
        body: composed.body,
        writtenAt: at,
      }))
    await store.insertLetter(tx, {
      message_id: row.id,
      account_id: accountId,
      address: JSON.stringify(composed.address),
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      created_at: at,
    })
  }
  await audit.record(tx, {
    actor,
    action: 'comms.message.queued',
    subject: { type: 'message', id: row.id },
    accountId,
    after: {
      channel,
      template: composed.templateKey,
      recipient: composed.recipient,
      subject: composed.subject,
      related,
    },
    at,
  })
  return toMessage(row)
}

async function moveStatus(
  tx: Tx,
  row: store.MessageRow,
  to: DeliveryStatus,
  {
    occurredAt,
    detail,
    provider,
    actor,
    at,
  }: {
    occurredAt: Date
    detail: string | null
    provider?: { name: string; messageId: string } | undefined
    actor: Actor
    at: Date
  },
): Promise<store.MessageRow> {
  const changes = {
    status: to,
    status_at: occurredAt,
    ...(provider ? { provider: provider.name, provider_message_id: provider.messageId } : {}),
    ...(to === 'failed' || to === 'bounced' ? { failure_reason: detail } : {}),
    ...(to !== 'failed' && row.status === 'queued' ? { failure_reason: null } : {}),
    next_attempt_at: null,
  }
  await store.updateStatus(tx, row.id, changes)
  await store.insertEvent(tx, event(row, to, { occurredAt, detail, actor, at }))
  await audit.record(tx, {
    actor,
    action: `comms.message.${to}`,
    subject: { type: 'message', id: row.id },
    accountId: row.account_id,
    before: { status: row.status },
    after: { status: to, ...(detail ? { detail } : {}), ...(provider ? { provider: provider.name } : {}) },
    at,
  })
  return { ...row, ...changes }
}

/**
 * Record what a provider or its webhook reports about a message: sent, delivered, opened, clicked,
 * failed or bounced, found by our id or by the provider's. A repeat of the status the message
 * already has changes nothing; a move the channel cannot make (delivered after opened, anything
 * after a bounce, an SMS opened) is refused.
 * @throws MessageNotFound, StatusTransitionRefused, InvalidMessage for a status that is not a delivery status
 */
export async function recordDeliveryEvent({
  tx,
  messageId,
  provider,
  status,
  occurredAt,
  detail = null,
  actor,
  at,
}: Change & {
  /** Our id (`msg_…`), or leave it out and give `provider`. */
  messageId?: string | undefined
  /** The transport's name and its id for the message, as stored when it was sent. */
  provider?: { name: string; messageId: string } | undefined
  status: DeliveryStatus
  /** When it happened, by the provider's clock; `at` when not given. */
  occurredAt?: Date | undefined
  /** A bounce or failure reason, the link clicked. */
  detail?: string | null
}): Promise<Message> {
  if (!(deliveryStatuses as readonly string[]).includes(status)) {
    throw new InvalidMessage(`${status} is not a delivery status`, [
      { path: 'status', message: `one of ${deliveryStatuses.join(', ')}` },
    ])
  }
  const id =
    messageId ?? (provider ? await store.messageIdByProviderId(tx, provider.name, provider.messageId) : undefined)
  const row = id ? await store.lockMessage(tx, id) : undefined
  if (!row) {
    throw new MessageNotFound(
      `There is no message ${messageId ?? `${provider?.name ?? '?'}:${provider?.messageId ?? '?'}`}`,
    )
  }
  if (row.status === status) return toMessage(row)
  const channel = row.channel as Message['channel']
  if (!canMove(channel, row.status as MessageStatus, status)) {
    const allowed = nextStatuses(channel, row.status as MessageStatus)
    throw new StatusTransitionRefused(
      `${channelNouns[channel]} that is ${row.status} cannot become ${status}${allowed.length > 0 ? ` (only ${allowed.join(', ')})` : ''}`,
      { messageId: row.id, channel, from: row.status, to: status, allowed },
    )
  }
  const text = detail?.trim().slice(0, 2000) || null
  return toMessage(await moveStatus(tx, row, status, { occurredAt: occurredAt ?? at, detail: text, actor, at }))
}

export interface DeliveryReport {
  readonly sent: string[]
  readonly failed: string[]
  /**
   * Failed this time for a reason that may pass: tried again after `retryAfterMinutes`, doubled for
   * each attempt already made (10, 20, 40, 80 minutes by default).
   */
  readonly deferred: string[]
}

/**
 * Deliver queued messages through the transports, outside any caller's transaction: each message is
 * claimed (so two workers never take the same one), handed to its transport, and then marked sent,
 * failed, or deferred to be tried again. Call it after the transaction that queued them commits.
 * Throws nothing for a message that cannot be delivered; it is marked instead.
 */
export async function deliverQueued({
  db,
  transports,
  at,
  messageIds,
  limit = 50,
  maxAttempts = 5,
  retryAfterMinutes = 10,
  actor = systemActor('comms-delivery'),
}: {
  db: Db
  transports: Transports
  at: Date
  /** Only these messages (the ones a request just queued); all due messages when left out. */
  messageIds?: readonly string[] | undefined
  limit?: number
  maxAttempts?: number
  retryAfterMinutes?: number
  actor?: Actor
}): Promise<DeliveryReport> {
  const report = { sent: [] as string[], failed: [] as string[], deferred: [] as string[] }
  // The claim holds a message for the first retry interval, so a worker that dies mid-send frees it.
  const claimUntil = new Date(at.getTime() + retryAfterMinutes * 60_000)
  const claimed = await inTransaction(db, (tx) => store.claimDue(tx, { at, claimUntil, limit, ids: messageIds }))
  for (const row of claimed) {
    let outcome:
      | { ok: true; provider: string; providerMessageId: string }
      | { ok: false; permanent: boolean; reason: string }
    try {
      const accepted = await handOver(db, transports, row)
      outcome = { ok: true, ...accepted }
    } catch (error) {
      outcome = {
        ok: false,
        permanent: error instanceof DeliveryRefused && error.permanent,
        reason: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      }
    }
    await inTransaction(db, async (tx) => {
      const current = await store.lockMessage(tx, row.id)
      if (current?.status !== 'queued') return
      if (outcome.ok) {
        await moveStatus(tx, current, 'sent', {
          occurredAt: at,
          detail: null,
          provider: { name: outcome.provider, messageId: outcome.providerMessageId },
          actor,
          at,
        })
        report.sent.push(row.id)
      } else if (outcome.permanent || current.delivery_attempts >= maxAttempts) {
        await moveStatus(tx, current, 'failed', { occurredAt: at, detail: outcome.reason, actor, at })
        report.failed.push(row.id)
      } else {
        // Back off: the wait doubles with each attempt made (the claim counted this one).
        const waitMinutes = retryAfterMinutes * 2 ** Math.max(0, current.delivery_attempts - 1)
        const retryAt = new Date(at.getTime() + waitMinutes * 60_000)
        await store.deferDelivery(tx, row.id, { failure_reason: outcome.reason, next_attempt_at: retryAt })
        await audit.record(tx, {
          actor,
          action: 'comms.message.delivery_deferred',
          subject: { type: 'message', id: row.id },
          accountId: row.account_id,
          after: { attempt: current.delivery_attempts, reason: outcome.reason, retryAt: retryAt.toISOString() },
          at,
        })
        report.deferred.push(row.id)
      }
    })
  }
  return report
}

async function handOver(
  db: Db,
  transports: Transports,
  row: store.MessageRow,
): Promise<{ provider: string; providerMessageId: string }> {
  const recipient = row.recipient ?? ''
  switch (row.channel) {
    case 'email': {
      const accepted = await transports.email.send({
        messageId: row.id,
        to: recipient,
        subject: row.subject ?? '',
        text: row.body,
      })
      return { provider: transports.email.name, providerMessageId: accepted.providerMessageId }
    }
    case 'sms': {
      const accepted = await transports.sms.send({ messageId: row.id, to: recipient, text: row.body })
      return { provider: transports.sms.name, providerMessageId: accepted.providerMessageId }
    }
    default: {
      const letter = await store.letterOf(db, row.id)
      if (!letter) throw new DeliveryRefused(`The letter ${row.id} has no PDF`, true)
      const accepted = await transports.letter.send({
        messageId: row.id,
        address: letter.address,
        pdf: Buffer.from(letter.pdf),
      })
      return { provider: transports.letter.name, providerMessageId: accepted.providerMessageId }
    }
  }
}

/**
 * Attach an email the customer sent to their account (COM-3). The same email (by its Message-ID)
 * logged again returns the first record. Whether the sender's address is on file is recorded, as
 * the guide asks agents to check before acting on an email.
 * @throws AccountNotFound, InvalidMessage
 */
export async function logInboundEmail({
  tx,
  accountId,
  from,
  to,
  subject,
  body,
  receivedAt,
  providerMessageId,
  related = null,
  actor,
  at,
}: AccountChange & {
  from: string
  to?: string | null | undefined
  subject: string
  body: string
  receivedAt: Date
  /** The email's Message-ID header, when there is one. */
  providerMessageId?: string | null | undefined
  related?: RelatedRecord | null
}): Promise<Message> {
  const problems: Problem[] = []
  if (!isEmailAddress(from)) problems.push({ path: 'from', message: 'an email address' })
  if (to && !isEmailAddress(to)) problems.push({ path: 'to', message: 'an email address' })
  if (subject.length > 500) problems.push({ path: 'subject', message: 'at most 500 characters' })
  if (body.trim().length === 0 || body.length > 100_000)
    problems.push({ path: 'body', message: '1 to 100,000 characters' })
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > at.getTime() + 5 * 60_000)
    problems.push({ path: 'receivedAt', message: 'an instant, not in the future' })
  if (providerMessageId != null && (providerMessageId.length < 1 || providerMessageId.length > 500))
    problems.push({ path: 'providerMessageId', message: '1 to 500 characters' })
  checkRelated(related, problems)
  refuseIf(problems, 'The email is not valid')
  const card = await accountCard(tx, accountId)
  if (providerMessageId) {
    const existing = await store.inboundByProviderId(tx, accountId, providerMessageId)
    if (existing) return toMessage(existing)
  }
  const sender = from.trim()
  const senderOnFile = card.emails.some((email) => email.address.toLowerCase() === sender.toLowerCase())
  const detail = senderOnFile ? 'sender on file' : 'sender not on file'
  const row = await insertNewMessage(
    tx,
    {
      account_id: accountId,
      channel: 'email',
      direction: 'inbound',
      template_key: null,
      subject: subject.trim(),
      body,
      recipient: to?.trim() || null,
      sender,
      status: 'received',
      status_at: receivedAt,
      occurred_at: receivedAt,
      provider_message_id: providerMessageId ?? null,
    },
    { related, detail, actor, at },
  )
  await audit.record(tx, {
    actor,
    action: 'comms.message.received',
    subject: { type: 'message', id: row.id },
    accountId,
    after: { channel: 'email', from: sender, subject: row.subject, senderOnFile, related },
    at,
  })
  return toMessage(row)
}

/**
 * Log a phone call with the customer, taken or made (COM-3): who called whom, when, the handle time
 * and what was said.
 * @throws AccountNotFound, InvalidMessage
 */
export async function logPhoneCall({
  tx,
  accountId,
  direction,
  phoneNumber,
  startedAt,
  handleSeconds,
  subject,
  summary,
  related = null,
  actor,
  at,
}: AccountChange & {
  direction: 'inbound' | 'outbound'
  /** The customer's number; null when withheld. */
  phoneNumber: string | null
  startedAt: Date
  /** Talk, hold and wrap-up, in whole seconds. */
  handleSeconds: number
  /** What the call was about, in a few words. */
  subject?: string | null | undefined
  /** What was said and agreed. */
  summary: string
  related?: RelatedRecord | null
}): Promise<Message> {
  const problems: Problem[] = []
  if (direction !== 'inbound' && direction !== 'outbound')
    problems.push({ path: 'direction', message: 'inbound or outbound' })
  const digits = phoneNumber ? accounts.phoneDigits(phoneNumber) : null
  if (digits !== null && (digits.length < 10 || digits.length > 11))
    problems.push({ path: 'phoneNumber', message: 'a phone number (10 or 11 digits)' })
  if (!Number.isSafeInteger(handleSeconds) || handleSeconds < 0 || handleSeconds > 86_400)
    problems.push({ path: 'handleSeconds', message: 'whole seconds from 0 to 86400' })
  if (subject && subject.length > 500) problems.push({ path: 'subject', message: 'at most 500 characters' })
  if (summary.trim().length === 0 || summary.length > 5000)
    problems.push({ path: 'summary', message: '1 to 5000 characters' })
  if (Number.isNaN(startedAt.getTime()) || startedAt.getTime() > at.getTime() + 5 * 60_000)
    problems.push({ path: 'startedAt', message: 'an instant, not in the future' })
  checkRelated(related, problems)
  refuseIf(problems, 'The call log is not valid')
  await accountCard(tx, accountId)
  const row = await insertNewMessage(
    tx,
    {
      account_id: accountId,
      channel: 'phone_call',
      direction,
      template_key: null,
      subject: subject?.trim() || null,
      body: summary.trim(),
      recipient: direction === 'outbound' ? digits : null,
      sender: direction === 'inbound' ? digits : null,
      status: 'completed',
      status_at: startedAt,
      handle_seconds: handleSeconds,
      occurred_at: startedAt,
    },
    { related, actor, at },
  )
  await audit.record(tx, {
    actor,
    action: 'comms.call.logged',
    subject: { type: 'message', id: row.id },
    accountId,
    after: { direction, phoneNumber: digits, handleSeconds, subject: row.subject, related },
    at,
  })
  return toMessage(row)
}

/**
 * Enrol the customer for SMS at one of the account's phone numbers (the primary mobile when none is
 * given), or take them off it. Texts go only to enrolled customers (COM-1).
 * @throws AccountNotFound, InvalidSmsEnrolment
 */
export async function setSmsEnrolment({
  tx,
  accountId,
  enrolled,
  phoneNumber,
  actor,
  at,
}: AccountChange & {
  enrolled: boolean
  phoneNumber?: string | null | undefined
}): Promise<SmsEnrolment> {
  const card = await accountCard(tx, accountId)
  let number: string | null = null
  if (enrolled) {
    if (phoneNumber) {
      const digits = accounts.phoneDigits(phoneNumber)
      if (!card.phones.some((phone) => phone.digits === digits)) {
        throw new InvalidSmsEnrolment(`${phoneNumber} is not a phone number on account ${card.number}`, [
          { path: 'phoneNumber', message: "not one of the account's phone numbers: add it to the contacts first" },
        ])
      }
      number = digits
    } else {
      const mobiles = card.phones.filter((phone) => phone.label === 'mobile')
      const chosen = mobiles.find((phone) => phone.primary) ?? mobiles[0]
      if (!chosen) {
        throw new InvalidSmsEnrolment(`Account ${card.number} has no mobile number to enrol`, [
          { path: 'phoneNumber', message: 'give one of the account’s phone numbers; none is a mobile' },
        ])
      }
      number = chosen.digits
    }
  }
  const before = await store.smsEnrolmentOf(tx, accountId)
  const row: store.SmsEnrolmentRow = { account_id: accountId, enrolled, phone_number: number, updated_at: at }
  await store.upsertSmsEnrolment(tx, row)
  await audit.record(tx, {
    actor,
    action: 'comms.sms_enrolment.updated',
    subject: { type: 'account', id: accountId },
    accountId,
    before: { enrolled: before?.enrolled ?? false, phoneNumber: before?.phone_number ?? null },
    after: { enrolled, phoneNumber: number },
    at,
  })
  return toSmsEnrolment(accountId, row)
}
