import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import {
  discardSuggestedReply,
  reviewSuggestedReply,
  sendSuggestedReply,
  suggestedReply,
  suggestReply,
} from '../../usecases/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'

const MessageParams = z.strictObject({
  accountNumber: z.string().regex(/^A-[0-9A-Fa-f]{8}$/, 'an account number like A-1F2E3D4C'),
  messageId: z.string().regex(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/, 'a message id like msg_01J…'),
})

/** JSON has no bigint and no Date: money as a string of minor units, instants as ISO strings. */
function jsonOf<T>(value: T): unknown {
  if (typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(jsonOf)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, jsonOf(item)]),
    )
  }
  return value
}

const path = '/accounts/:accountNumber/inbound-messages/:messageId/suggested-reply'

/** COM-4: suggested replies to inbound email, reviewed by a person before they are sent. */
export const suggestedReplyRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const number = (text: string) => text.toUpperCase()
    // From the configuration: SMTP when CUTTLE_SMTP_URL is set, otherwise the built-in outbox; a reply
    // model only when CUTTLE_REPLY_MODEL_URL and CUTTLE_REPLY_MODEL are set.
    const transports = context.transports
    const model = context.replyModel

    app.post(
      path,
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary:
            'Draft a suggested reply to an email from the customer (or return the one already drafted): intent, account facts, knowledge base',
          tags: ['comms'],
          params: MessageParams,
        },
      },
      async (request, reply) => {
        const { draft, created } = await suggestReply({
          db: context.db,
          accountNumber: number(request.params.accountNumber),
          messageId: request.params.messageId,
          model,
          actor: actorOf(request),
          at: context.clock(),
        })
        return reply.status(created ? 201 : 200).send({ suggestedReply: jsonOf(draft), created })
      },
    )

    app.get(
      path,
      {
        config: { permission: 'comms.message.read' },
        schema: {
          summary: 'The suggested reply to an email from the customer',
          tags: ['comms'],
          params: MessageParams,
        },
      },
      async (request) => {
        const draft = await inTransaction(context.db, (tx) =>
          suggestedReply({
            tx,
            accountNumber: number(request.params.accountNumber),
            messageId: request.params.messageId,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { suggestedReply: jsonOf(draft) }
      },
    )

    app.post(
      `${path}/review`,
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary: 'Mark the suggested reply reviewed by you, with your edited text if you changed it',
          tags: ['comms'],
          params: MessageParams,
          body: z.strictObject({ body: z.string().min(1).max(10_000).optional() }).default({}),
        },
      },
      async (request) => {
        const draft = await inTransaction(context.db, (tx) =>
          reviewSuggestedReply({
            tx,
            accountNumber: number(request.params.accountNumber),
            messageId: request.params.messageId,
            body: request.body.body,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { suggestedReply: jsonOf(draft) }
      },
    )

    app.post(
      `${path}/send`,
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary:
            'Send the reviewed suggested reply to the customer’s email on file (refused until a person reviewed it)',
          tags: ['comms'],
          params: MessageParams,
        },
      },
      async (request, reply) => {
        const result = await sendSuggestedReply({
          db: context.db,
          accountNumber: number(request.params.accountNumber),
          messageId: request.params.messageId,
          transports,
          actor: actorOf(request),
          at: context.clock(),
        })
        return reply.status(201).send({ suggestedReply: jsonOf(result.draft), message: jsonOf(result.message) })
      },
    )

    app.post(
      `${path}/discard`,
      {
        config: { permission: 'comms.message.send' },
        schema: { summary: 'Discard the suggested reply', tags: ['comms'], params: MessageParams },
      },
      async (request) => {
        const draft = await inTransaction(context.db, (tx) =>
          discardSuggestedReply({
            tx,
            accountNumber: number(request.params.accountNumber),
            messageId: request.params.messageId,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return { suggestedReply: jsonOf(draft) }
      },
    )
  }
