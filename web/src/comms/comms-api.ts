/**
 * The communications API (COM-1..4) as the console uses it: the answers `/openapi.json` declares for
 * `src/api/routes/comms.ts` and `src/api/routes/suggested-replies.ts` (generated, never written here)
 * and typed calls over the shared client.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'

type MessagePage = ResponseOf<'/api/accounts/{accountNumber}/messages', 'get'>
export type Message = MessagePage['items'][number]
export type Channel = Message['channel']
export type MessageStatus = Message['status']
export type MessageDetail = ResponseOf<'/api/accounts/{accountNumber}/messages/{messageId}', 'get'>['message']
export type StatusEvent = MessageDetail['history'][number]

export type MessageTemplate = ResponseOf<'/api/message-templates', 'get'>['items'][number]
export type TemplateField = MessageTemplate['fields'][number]
export type SendChannel = MessageTemplate['channels'][number]

export type Compose = RequestOf<'/api/accounts/{accountNumber}/messages/preview', 'post'>
export type ComposedMessage = ResponseOf<'/api/accounts/{accountNumber}/messages/preview', 'post'>['preview']

export type SmsEnrolment = ResponseOf<'/api/accounts/{accountNumber}/sms-enrolment', 'get'>['enrolment']

type SuggestedReplyPath = '/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply'
export type SuggestedReply = ResponseOf<SuggestedReplyPath, 'post'>['suggestedReply']
export type DraftStatus = SuggestedReply['status']
export type SentReply = ResponseOf<`${SuggestedReplyPath}/send`, 'post'>

const account = (accountNumber: string) => ({ path: { accountNumber } })
const inbound = (accountNumber: string, messageId: string) => ({ path: { accountNumber, messageId } })

/** The account's messages, outbound and inbound, newest first. */
export function accountMessages(
  api: ApiClient,
  { accountNumber, limit = 20, cursor }: { accountNumber: string; limit?: number; cursor?: string | null },
): Promise<MessagePage> {
  return dataOf(
    api.client.GET('/api/accounts/{accountNumber}/messages', {
      params: { path: { accountNumber }, query: { limit, ...(cursor ? { cursor } : {}) } },
    }),
  )
}

/** One message with its status history. */
export async function accountMessage(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<MessageDetail> {
  const { message } = await dataOf(
    api.client.GET('/api/accounts/{accountNumber}/messages/{messageId}', {
      params: { path: { accountNumber, messageId } },
    }),
  )
  return message
}

export function letterPdfUrl({ accountNumber, messageId }: { accountNumber: string; messageId: string }): string {
  return `/api/accounts/${encodeURIComponent(accountNumber)}/messages/${encodeURIComponent(messageId)}/pdf`
}

export async function messageTemplates(api: ApiClient): Promise<MessageTemplate[]> {
  const { items } = await dataOf(api.client.GET('/api/message-templates'))
  return items
}

/** The merged message, stored nowhere. @throws ApiError UNKNOWN_MERGE_FIELD, MISSING_MERGE_FIELD, INVALID_MERGE_FIELD */
export async function previewMessage(
  api: ApiClient,
  { accountNumber, compose }: { accountNumber: string; compose: Compose },
): Promise<ComposedMessage> {
  const { preview } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/messages/preview', {
      params: account(accountNumber),
      body: compose,
    }),
  )
  return preview
}

/** Send a templated message. @throws ApiError as preview, SMS_NOT_ENROLLED, TEMPLATE_NOT_ALLOWED */
export async function sendMessage(
  api: ApiClient,
  { accountNumber, compose }: { accountNumber: string; compose: Compose },
): Promise<MessageDetail> {
  const { message } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/messages', { params: account(accountNumber), body: compose }),
  )
  return message
}

/** Attach an email the customer sent to the account. */
export async function logInboundEmail(
  api: ApiClient,
  {
    accountNumber,
    email,
  }: { accountNumber: string; email: RequestOf<'/api/accounts/{accountNumber}/inbound-emails', 'post'> },
): Promise<Message> {
  const { message } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/inbound-emails', { params: account(accountNumber), body: email }),
  )
  return message
}

/** Log a phone call with its handle time. */
export async function logPhoneCall(
  api: ApiClient,
  {
    accountNumber,
    call,
  }: { accountNumber: string; call: RequestOf<'/api/accounts/{accountNumber}/phone-calls', 'post'> },
): Promise<Message> {
  const { message } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/phone-calls', { params: account(accountNumber), body: call }),
  )
  return message
}

export async function smsEnrolment(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<SmsEnrolment> {
  const { enrolment } = await dataOf(
    api.client.GET('/api/accounts/{accountNumber}/sms-enrolment', { params: account(accountNumber) }),
  )
  return enrolment
}

/** @throws ApiError INVALID_SMS_ENROLMENT (no mobile number on the account) */
export async function changeSmsEnrolment(
  api: ApiClient,
  { accountNumber, enrolled, phoneNumber }: { accountNumber: string; enrolled: boolean; phoneNumber?: string },
): Promise<SmsEnrolment> {
  const { enrolment } = await dataOf(
    api.client.PUT('/api/accounts/{accountNumber}/sms-enrolment', {
      params: account(accountNumber),
      body: phoneNumber ? { enrolled, phoneNumber } : { enrolled },
    }),
  )
  return enrolment
}

/** Draft a suggested reply to an inbound email, or get the one already drafted. */
export async function suggestReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply', {
      params: inbound(accountNumber, messageId),
    }),
  )
  return suggestedReply
}

/** Mark the draft reviewed, with the agent's edited text. @throws ApiError DRAFT_CLOSED, INVALID_DRAFT */
export async function reviewReply(
  api: ApiClient,
  { accountNumber, messageId, body }: { accountNumber: string; messageId: string; body?: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/review', {
      params: inbound(accountNumber, messageId),
      body: body === undefined ? {} : { body },
    }),
  )
  return suggestedReply
}

/** Send the reviewed draft. @throws ApiError DRAFT_NOT_REVIEWED (409), DRAFT_CLOSED, NO_RECIPIENT */
export function sendReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<SentReply> {
  return dataOf(
    api.client.POST('/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/send', {
      params: inbound(accountNumber, messageId),
    }),
  )
}

export async function discardReply(
  api: ApiClient,
  { accountNumber, messageId }: { accountNumber: string; messageId: string },
): Promise<SuggestedReply> {
  const { suggestedReply } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/discard', {
      params: inbound(accountNumber, messageId),
    }),
  )
  return suggestedReply
}
