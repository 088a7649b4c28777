import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as comms from '../../modules/comms/index.js'
import {
  accountLetterPdf,
  accountMessage,
  accountMessages,
  accountSmsEnrolment,
  changeSmsEnrolment,
  logAccountInboundEmail,
  logAccountPhoneCall,
  messageTemplates,
  previewAccountMessage,
  sendAccountMessage,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { errors, fileResponse, InstantOut, pageOf, sendPdf } from '../responses.js'
import { callAs, whoOf } from '../route-calls.js'
import { AccountParams, EmailAddress, Instant, jsonOf, PageQuery } from '../schemas.js'
import { messageContent, messageHistory } from './comms-schemas.js'

const MessageParams = AccountParams.extend({
  messageId: z.string().regex(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/, 'a message id like msg_01J…'),
})
const Related = z.strictObject({
  type: z
    .string()
    .regex(/^[a-z][a-z_]*$/, "a record type like 'payment_arrangement'")
    .max(60),
  id: z.string().min(1).max(200),
})
/** Field values are text: money as a string of minor units ('12345'), dates as 'YYYY-MM-DD'. */
const Compose = z.strictObject({
  channel: z.enum(comms.sendChannels),
  template: z.enum(comms.templateKeys),
  fields: z.record(z.string().min(1).max(100), z.string().max(10_000)).default({}),
  recipient: EmailAddress.optional(),
})
const Send = Compose.extend({ related: Related.optional() })

/** Who did something: a staff user, an API token, a customer, or the system (id null when unknown). */
const ActorOut = z.object({ kind: z.enum(['staff', 'token', 'customer', 'system']), id: z.string().nullable() })

/** A message on the account's log: sent, received or a phone call. */
const MessageOut = z.object({
  id: z.string(),
  ...messageContent,
  recipient: z
    .string()
    .nullable()
    .describe('outbound: the address, number or one-line postal address it went to; inbound: ours, if known'),
  sender: z.string().nullable().describe('inbound: the address or number it came from'),
  status: z.enum(comms.statuses),
  statusAt: InstantOut,
  related: z.object({ type: z.string(), id: z.string() }).nullable().describe('the business record it belongs to'),
  handleSeconds: z.number().int().nullable().describe('phone calls: talk and wrap-up time, in seconds'),
  occurredAt: InstantOut.describe('when it was written, received, or the call started'),
  createdAt: InstantOut,
  createdBy: ActorOut,
  provider: z.string().nullable().describe("the transport that took it, e.g. 'smtp' or 'outbox'"),
  providerMessageId: z.string().nullable().describe("the transport's own id of the message, when it gave one"),
  deliveryAttempts: z.number().int(),
  failureReason: z.string().nullable(),
})

/** A message with every status it has had, oldest first. */
const MessageDetailOut = MessageOut.extend({
  history: messageHistory(ActorOut),
  hasPdf: z.boolean().describe("a letter's PDF can be fetched"),
})

const TemplateOut = z.object({
  key: z.enum(comms.templateKeys),
  title: z.string(),
  category: z.enum(['service', 'collections']),
  channels: z.array(z.enum(comms.sendChannels)),
  sentUnder: z.array(z.string()).describe('the permissions staff may send it under (any one)'),
  recipientGiven: z.boolean().describe('the recipient is someone other than the customer, given by the caller'),
  subject: z.string(),
  body: z.string().describe('the email and letter text'),
  sms: z.string().nullable().describe('the SMS text; null when it is not sent by SMS'),
  fields: z.array(
    z.object({ name: z.string(), kind: z.enum(['text', 'money', 'date', 'count']), description: z.string() }),
  ),
  accountFields: z.array(z.string()).describe('the fields filled from the account and the supplier'),
})

const SmsEnrolmentOut = z.object({
  enrolled: z.boolean(),
  phoneNumber: z.string().nullable().describe('national digits, e.g. 07700900123'),
  updatedAt: InstantOut.nullable(),
})

/** COM-1..3: an account's message log, sending and previewing templated messages, inbound email and calls, SMS enrolment. */
export const commsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // From the configuration: SMTP when CUTTLE_SMTP_URL is set, otherwise the built-in outbox.

    app.get(
      '/message-templates',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'The message templates: their channels, merge fields and the permission each is sent under',
          tags: ['comms'],
          response: { 200: z.object({ items: z.array(TemplateOut) }) },
        },
      },
      async () => jsonOf({ items: messageTemplates() }),
    )

    app.get(
      '/accounts/:accountNumber/messages',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: "The account's messages, outbound and inbound, newest first",
          tags: ['comms'],
          params: AccountParams,
          querystring: PageQuery.extend({ channel: z.enum(comms.channels).optional() }),
          response: { 200: pageOf(MessageOut), ...errors(404) },
        },
      },
      async (request) => {
        const page = await callAs(context, request, (scope) =>
          accountMessages({ accountNumber: request.params.accountNumber, ...request.query, ...scope }),
        )
        return jsonOf(page)
      },
    )

    app.get(
      '/accounts/:accountNumber/messages/:messageId',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'One message with its status history',
          tags: ['comms'],
          params: MessageParams,
          response: { 200: z.object({ message: MessageDetailOut }), ...errors(404) },
        },
      },
      async (request) => {
        const message = await callAs(context, request, (scope) =>
          accountMessage({
            accountNumber: request.params.accountNumber,
            messageId: request.params.messageId,
            ...scope,
          }),
        )
        return { message: jsonOf(message) }
      },
    )

    app.get(
      '/accounts/:accountNumber/messages/:messageId/pdf',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'A letter as the PDF that was sent',
          tags: ['comms'],
          params: MessageParams,
          response: { 200: fileResponse('application/pdf', 'The letter as it was sent'), ...errors(404) },
        },
      },
      async (request, reply) => {
        const pdf = await callAs(context, request, (scope) =>
          accountLetterPdf({
            accountNumber: request.params.accountNumber,
            messageId: request.params.messageId,
            ...scope,
          }),
        )
        return sendPdf(reply, `${request.params.messageId}.pdf`, pdf)
      },
    )

    app.post(
      '/accounts/:accountNumber/messages/preview',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'Merge a template with the account’s fields without sending it; refuses unknown or missing fields',
          tags: ['comms'],
          params: AccountParams,
          body: Compose,
          response: {
            200: z.object({
              preview: z.object({
                channel: z.enum(comms.sendChannels),
                templateKey: z.string(),
                subject: z.string(),
                body: z.string(),
                recipient: z.string(),
                address: z.array(z.string()).nullable().describe('letters: the postal address, line by line'),
              }),
            }),
            ...errors(404, 409),
          },
        },
      },
      async (request) => {
        const preview = await callAs(context, request, (scope) =>
          previewAccountMessage({
            accountNumber: request.params.accountNumber,
            ...request.body,
            ...scope,
          }),
        )
        return jsonOf({ preview })
      },
    )

    // A templated message is sent under the permission of the route it comes through: service
    // messages under comms.message.send, collections notices under collections.notice.send.
    const sendRoutes = [
      {
        path: 'messages',
        permission: 'comms.message.send',
        summary: 'Send a templated email, SMS (enrolled customers only) or letter to the account',
      },
      {
        path: 'collection-notices',
        permission: 'collections.notice.send',
        summary: 'Send a collections notice (payment reminder, final notice, disconnection, debt collection referral)',
      },
    ] as const
    for (const { path, permission, summary } of sendRoutes) {
      app.post(
        `/accounts/:accountNumber/${path}`,
        {
          config: { permission },
          schema: {
            summary,
            tags: ['comms'],
            params: AccountParams,
            body: Send,
            response: { 201: z.object({ message: MessageDetailOut }), ...errors(404, 409) },
          },
        },
        async (request, reply) => {
          const message = await sendAccountMessage({
            db: context.db,
            accountNumber: request.params.accountNumber,
            ...request.body,
            permission,
            queue: context.deliveryQueue,
            ...whoOf(context, request),
          })
          return reply.status(201).send({ message: jsonOf(message) })
        },
      )
    }

    app.post(
      '/accounts/:accountNumber/inbound-emails',
      {
        config: { permission: 'accounts.note.create' },
        schema: {
          summary: 'Attach an email the customer sent to their account',
          tags: ['comms'],
          params: AccountParams,
          body: z.strictObject({
            from: EmailAddress,
            to: EmailAddress.optional(),
            subject: z.string().max(500),
            body: z.string().min(1).max(100_000),
            receivedAt: Instant,
            messageId: z.string().min(1).max(500).optional(),
            related: Related.optional(),
          }),
          response: { 201: z.object({ message: MessageOut }), ...errors(404) },
        },
      },
      async (request, reply) => {
        const { receivedAt, messageId, ...email } = request.body
        const message = await callAs(context, request, (scope) =>
          logAccountInboundEmail({
            accountNumber: request.params.accountNumber,
            ...email,
            receivedAt: new Date(receivedAt),
            providerMessageId: messageId,
            ...scope,
          }),
        )
        return reply.status(201).send({ message: jsonOf(message) })
      },
    )

    app.post(
      '/accounts/:accountNumber/phone-calls',
      {
        config: { permission: 'accounts.note.create' },
        schema: {
          summary: 'Log a phone call with the customer: direction, number, start, handle time and what was said',
          tags: ['comms'],
          params: AccountParams,
          body: z.strictObject({
            direction: z.enum(['inbound', 'outbound']),
            phoneNumber: z.string().min(6).max(40).nullable().default(null),
            startedAt: Instant,
            handleSeconds: z.number().int().min(0).max(86_400),
            subject: z.string().max(500).optional(),
            summary: z.string().min(1).max(5000),
            related: Related.optional(),
          }),
          response: { 201: z.object({ message: MessageOut }), ...errors(404) },
        },
      },
      async (request, reply) => {
        const message = await callAs(context, request, (scope) =>
          logAccountPhoneCall({
            accountNumber: request.params.accountNumber,
            ...request.body,
            startedAt: new Date(request.body.startedAt),
            ...scope,
          }),
        )
        return reply.status(201).send({ message: jsonOf(message) })
      },
    )

    app.get(
      '/accounts/:accountNumber/sms-enrolment',
      {
        config: { permission: 'accounts.contact.read' },
        schema: {
          summary: 'Whether the customer is enrolled for SMS, and at which number',
          tags: ['comms'],
          params: AccountParams,
          response: { 200: z.object({ enrolment: SmsEnrolmentOut }), ...errors(404) },
        },
      },
      async (request) => {
        const enrolment = await callAs(context, request, (scope) =>
          accountSmsEnrolment({
            accountNumber: request.params.accountNumber,
            ...scope,
          }),
        )
        return { enrolment: jsonOf(enrolment) }
      },
    )

    app.put(
      '/accounts/:accountNumber/sms-enrolment',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary: "Enrol the customer for SMS at one of the account's numbers (the primary mobile by default), or not",
          tags: ['comms'],
          params: AccountParams,
          body: z.strictObject({
            enrolled: z.boolean(),
            phoneNumber: z.string().min(6).max(40).optional(),
          }),
          response: { 200: z.object({ enrolment: SmsEnrolmentOut }), ...errors(404) },
        },
      },
      async (request) => {
        const enrolment = await callAs(context, request, (scope) =>
          changeSmsEnrolment({
            accountNumber: request.params.accountNumber,
            ...request.body,
            ...scope,
          }),
        )
        return { enrolment: jsonOf(enrolment) }
      },
    )
  }
