import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
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
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, Instant, jsonOf } from '../schemas.js'

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
  recipient: z.string().min(3).max(320).optional(),
})
const Send = Compose.extend({ related: Related.optional() })

/** COM-1..3: an account's message log, sending and previewing templated messages, inbound email and calls, SMS enrolment. */
export const commsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const number = (text: string) => text.toUpperCase()
    // From the configuration: SMTP when CUTTLE_SMTP_URL is set, otherwise the built-in outbox.
    const transports = context.transports

    app.get(
      '/message-templates',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'The message templates: their channels, merge fields and the permission each is sent under',
          tags: ['comms'],
        },
      },
      async () => ({ items: messageTemplates() }),
    )

    app.get(
      '/accounts/:accountNumber/messages',
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: "The account's messages, outbound and inbound, newest first",
          tags: ['comms'],
          params: AccountParams,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(200).optional(),
            channel: z.enum(comms.channels).optional(),
          }),
        },
      },
      async (request) => {
        const page = await inTransaction(context.db, (tx) =>
          accountMessages({
            tx,
            accountNumber: number(request.params.accountNumber),
            limit: request.query.limit,
            cursor: request.query.cursor,
            channel: request.query.channel,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return jsonOf(page)
      },
    )

    app.get(
      '/accounts/:accountNumber/messages/:messageId',
      {
        config: { permission: 'comms.message.read' },
        schema: { summary: 'One message with its status history', tags: ['comms'], params: MessageParams },
      },
      async (request) => {
        const message = await inTransaction(context.db, (tx) =>
          accountMessage({
            tx,
            accountNumber: number(request.params.accountNumber),
            messageId: request.params.messageId,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { message: jsonOf(message) }
      },
    )

    app.get(
      '/accounts/:accountNumber/messages/:messageId/pdf',
      {
        config: { permission: 'comms.message.read' },
        schema: { summary: 'A letter as the PDF that was sent', tags: ['comms'], params: MessageParams },
      },
      async (request, reply) => {
        const pdf = await inTransaction(context.db, (tx) =>
          accountLetterPdf({
            tx,
            accountNumber: number(request.params.accountNumber),
            messageId: request.params.messageId,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${request.params.messageId}.pdf"`)
          .send(pdf)
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
        },
      },
      async (request) => {
        const preview = await inTransaction(context.db, (tx) =>
          previewAccountMessage({
            tx,
            accountNumber: number(request.params.accountNumber),
            ...request.body,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { preview }
      },
    )

    app.post(
      '/accounts/:accountNumber/messages',
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary: 'Send a templated email, SMS (enrolled customers only) or letter to the account',
          tags: ['comms'],
          params: AccountParams,
          body: Send,
        },
      },
      async (request, reply) => {
        const message = await sendAccountMessage({
          db: context.db,
          accountNumber: number(request.params.accountNumber),
          ...request.body,
          permission: 'comms.message.send',
          transports,
          actor: actorOf(request),
          at: context.clock(),
        })
        return reply.status(201).send({ message: jsonOf(message) })
      },
    )

    app.post(
      '/accounts/:accountNumber/collection-notices',
      {
        config: { permission: 'collections.notice.send' },
        schema: {
          summary:
            'Send a collections notice (payment reminder, final notice, disconnection, debt collection referral)',
          tags: ['comms'],
          params: AccountParams,
          body: Send,
        },
      },
      async (request, reply) => {
        const message = await sendAccountMessage({
          db: context.db,
          accountNumber: number(request.params.accountNumber),
          ...request.body,
          permission: 'collections.notice.send',
          transports,
          actor: actorOf(request),
          at: context.clock(),
        })
        return reply.status(201).send({ message: jsonOf(message) })
      },
    )

    app.post(
      '/accounts/:accountNumber/inbound-emails',
      {
        config: { permission: 'accounts.note.create' },
        schema: {
          summary: 'Attach an email the customer sent to their account',
          tags: ['comms'],
          params: AccountParams,
          body: z.strictObject({
            from: z.string().min(3).max(320),
            to: z.string().min(3).max(320).optional(),
            subject: z.string().max(500),
            body: z.string().min(1).max(100_000),
            receivedAt: Instant,
            messageId: z.string().min(1).max(500).optional(),
            related: Related.optional(),
          }),
        },
      },
      async (request, reply) => {
        const { receivedAt, messageId, ...email } = request.body
        const message = await inTransaction(context.db, (tx) =>
          logAccountInboundEmail({
            tx,
            accountNumber: number(request.params.accountNumber),
            ...email,
            receivedAt: new Date(receivedAt),
            providerMessageId: messageId,
            actor: actorOf(request),
            at: context.clock(),
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
        },
      },
      async (request, reply) => {
        const message = await inTransaction(context.db, (tx) =>
          logAccountPhoneCall({
            tx,
            accountNumber: number(request.params.accountNumber),
            ...request.body,
            startedAt: new Date(request.body.startedAt),
            actor: actorOf(request),
            at: context.clock(),
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
        },
      },
      async (request) => {
        const enrolment = await inTransaction(context.db, (tx) =>
          accountSmsEnrolment({
            tx,
            accountNumber: number(request.params.accountNumber),
            actor: actorOf(request),
            at: context.clock(),
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
        },
      },
      async (request) => {
        const enrolment = await inTransaction(context.db, (tx) =>
          changeSmsEnrolment({
            tx,
            accountNumber: number(request.params.accountNumber),
            ...request.body,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { enrolment: jsonOf(enrolment) }
      },
    )
  }
