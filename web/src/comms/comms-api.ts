/**
 * The communications API (COM-1..4) as the console uses it: the shapes of `src/api/routes/comms.ts`
 * and `src/api/routes/suggested-replies.ts`, and typed calls over the shared client's `send`.
 */
import type { ApiClient, Page } from '../api.js'

export type Channel = 'email' | 'sms' | 'letter' | 'phone_call'
export type SendChannel = 'email' | 'sms' | 'letter'
export type MessageStatus =
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'opened'
  | 'clicked'
  | 'failed'
  | 'bounced'
  | 'received'
  | 'completed'

export type Message = {
  id: string
  accountId: string
  channel: Channel
  direction: 'outbound' | 'inbound'
  templateKey: string | null
  subject: string | null
  body: string
  recipient: string | null
  sender: string | null
  status: MessageStatus
  statusAt: string
  related: { type: string; id: string } | null
  handleSeconds: number | null
  occurredAt: string
  createdAt: string
  createdBy: { kind: string; id: string | null }
  failureReason: string | null
}

export type StatusEvent = {
  status: MessageStatus
  occurredAt: string
  recordedAt: string
  detail: string | null
  recordedBy: { kind: string; id: string | null }
}

export type MessageDetail = Message & { history: StatusEvent[]; hasPdf: boolean }

export type TemplateField = { name: string; kind: 'text' | 'money' | 'date' | 'count'; description: string }

export type MessageTemplate = {
  key: string
  title: string
  category: 'service' | 'collections'
  channels: SendChannel[]
  sentUnder: string[]
  recipientGiven: boolean
  subject: string
  body: string
  sms: string | null
  fields: TemplateField[]
  accountFields: string[]
}

export type ComposedMessage = {
  channel: SendChannel
  templateKey: string
  subject: string
  body: string
  recipient: string
  address: string[] | null
}

export type Compose = {
  channel: SendChannel
  template: string
  fields: Record<string, string>
  recipient?: string
}

export type SmsEnrolment = {
  accountId: string
  enrolled: boolean
  phoneNumber: string | null
  updatedAt: string | null
}

export type DraftStatus = 'draft' | 'reviewed' | 'sent' | 'discarded'

export type SuggestedReply = {
  id: string
  inboundMessageId: string
  intent: string
  confidence: number
  subject: string
  body: string
  sources: {
    facts: { name: string; value: string }[]
    articles: { id: string; version: number; title: string }[]
    knowledgeBaseVersion: string
    template: string
    method: string
    evidence: { intent: string; phrase: string; weight: number; negated: boolean }[]
    modelError?: string
  }
  status: DraftStatus
  reviewedBy: string | null
  reviewedAt: string | null
  editedBody: string | null
  sentMessageId: string | null
  createdAt: string
  updatedAt: string
}

const base = (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`

/** The account's messages, outbound and inbound, newest first. */
export function accountMessages(
  api: ApiClient,
  { accountNumber, limit = 20, cursor }: { accountNumber: string; limit?: number; cursor?: string | null },
): Promise<Page<Message>> {
  const params = new URLSearchParams({ limit: String(limit) })
  if (cursor) params.set('cursor', cursor)
  return api.send({ path: `${base(accountNumber)}/messages?${params}` })
}

/** One message with its status history. */
export async function accountMessage(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<MessageDetail> {
  const { message } = await api.send<{ message: MessageDetail }>({
    path: `${base(accountNumber)}/messages/${encodeURIComponent(messageId)}`,
  })
  return message
}

export function letterPdfUrl({ accountNumber, messageId }: { accountNumber: string; messageId: string }): string {
  return `/api${base(accountNumber)}/messages/${encodeURIComponent(messageId)}/pdf`
}

export async function messageTemplates(api: ApiClient): Promise<MessageTemplate[]> {
  const { items } = await api.send<{ items: MessageTemplate[] }>({ path: '/message-templates' })
  return items
}

/** The merged message, stored nowhere. @throws ApiError UNKNOWN_MERGE_FIELD, MISSING_MERGE_FIELD, INVALID_MERGE_FIELD */
export async function previewMessage(
  api: ApiClient,
  { accountNumber, compose }: { accountNumber: string; compose: Compose },
): Promise<ComposedMessage> {
  const { preview } = await api.send<{ preview: ComposedMessage }>({
    method: 'POST',
    path: `${base(accountNumber)}/messages/preview`,
    body: compose,
  })
  return preview
}

/** Send a templated message. @throws ApiError as preview, SMS_NOT_ENROLLED, TEMPLATE_NOT_ALLOWED */
export async function sendMessage(
  api: ApiClient,
  { accountNumber, compose }: { accountNumber: string; compose: Compose },
): Promise<MessageDetail> {
  const { message } = await api.send<{ message: MessageDetail }>({
    method: 'POST',
    path: `${base(accountNumber)}/messages`,
    body: compose,
  })
  return message
}

/** Attach an email the customer sent to the account. */
export async function logInboundEmail(
  api: ApiClient,
  {
    accountNumber,
    email,
  }: { accountNumber: string; email: { from: string; subject: string; body: string; receivedAt: string } },
): Promise<Message> {
  const { message } = await api.send<{ message: Message }>({
    method: 'POST',
    path: `${base(accountNumber)}/inbound-emails`,
    body: email,
  })
  return message
}

/** Log a phone call with its handle time. */
export async function logPhoneCall(
  api: ApiClient,
  {
    accountNumber,
    call,
  }: {
    accountNumber: string
    call: {
      direction: 'inbound' | 'outbound'
      phoneNumber: string | null
      startedAt: string
      handleSeconds: number
      subject?: string
      summary: string
    }
  },
): Promise<Message> {
  const { message } = await api.send<{ message: Message }>({
    method: 'POST',
    path: `${base(accountNumber)}/phone-calls`,
    body: call,
  })
  return message
}

export async function smsEnrolment(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<SmsEnrolment> {
  const { enrolment } = await api.send<{ enrolment: SmsEnrolment }>({ path: `${base(accountNumber)}/sms-enrolment` })
  return enrolment
}

/** @throws ApiError INVALID_SMS_ENROLMENT (no mobile number on the account) */
export async function changeSmsEnrolment(
  api: ApiClient,
  { accountNumber, enrolled, phoneNumber }: { accountNumber: string; enrolled: boolean; phoneNumber?: string },
): Promise<SmsEnrolment> {
  const { enrolment } = await api.send<{ enrolment: SmsEnrolment }>({
    method: 'PUT',
    path: `${base(accountNumber)}/sms-enrolment`,
    body: phoneNumber ? { enrolled, phoneNumber } : { enrolled },
  })
  return enrolment
}

const replyPath = (accountNumber: string, messageId: string) =>
  `${base(accountNumber)}/inbound-messages/${encodeURIComponent(messageId)}/suggested-reply`

/** Draft a suggested reply to an inbound email, or get the one already drafted. */
export async function suggestReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await api.send<{ suggestedReply: SuggestedReply }>({
    method: 'POST',
    path: replyPath(accountNumber, messageId),
  })
  return suggestedReply
}

/** Mark the draft reviewed, with the agent's edited text. @throws ApiError DRAFT_CLOSED, INVALID_DRAFT */
export async function reviewReply(
  api: ApiClient,
  { accountNumber, messageId, body }: { accountNumber: string; messageId: string; body?: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await api.send<{ suggestedReply: SuggestedReply }>({
    method: 'POST',
    path: `${replyPath(accountNumber, messageId)}/review`,
    body: body === undefined ? {} : { body },
  })
  return suggestedReply
}

/** Send the reviewed draft. @throws ApiError DRAFT_NOT_REVIEWED (409), DRAFT_CLOSED, NO_RECIPIENT */
export function sendReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<{ suggestedReply: SuggestedReply; message: MessageDetail }> {
  return api.send({ method: 'POST', path: `${replyPath(accountNumber, messageId)}/send` })
}

export async function discardReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await api.send<{ suggestedReply: SuggestedReply }>({
    method: 'POST',
    path: `${replyPath(accountNumber, messageId)}/discard`,
  })
  return suggestedReply
}
