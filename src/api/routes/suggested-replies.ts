import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as assist from '../../modules/assist/index.js'
import * as comms from '../../modules/comms/index.js'
import {
  discardSuggestedReply,
  reviewSuggestedReply,
  sendSuggestedReply,
  suggestedReply,
  suggestReply,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { errors, InstantOut } from '../responses.js'
import { callAs, whoOf } from '../route-calls.js'
import { jsonOf } from '../schemas.js'
import { messageContent, messageHistory } from './comms-schemas.js'

const MessageParams = z.strictObject({
  accountNumber: z.string().regex(/^A-[0-9A-Fa-f]{8}$/, 'an account number like A-1F2E3D4C'),
  messageId: z.string().regex(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/, 'a message id like msg_01J…'),
})

/** A suggested reply as agents see it; the account's internal id and who drafted it stay inside. */
const SuggestedReply = z.object({
  id: z.string(),
  inboundMessageId: z.string().describe('the customer email this replies to'),
  intent: z.enum(assist.intents),
  confidence: z.number().describe('0 to 1: how far the winning intent stands above the rest'),
  subject: z.string(),
  body: z.string().describe('the suggestion as drafted'),
  sources: z
    .object({
      facts: z.array(z.object({ name: z.string(), value: z.string() })),
      articles: z.array(z.object({ id: z.string(), version: z.number().int(), title: z.string() })),
      knowledgeBaseVersion: z.string(),
      template: z.string(),
      method: z.string().describe('local, or local+<model> when a language model reworded it'),
      evidence: z.array(
        z.object({ intent: z.enum(assist.intents), phrase: z.string(), weight: z.number(), negated: z.boolean() }),
      ),
      modelError: z.string().optional().describe('why a configured model failed (the local draft was kept)'),
    })
    .describe('why the draft says what it says: the facts used and the articles quoted'),
  status: z.enum(assist.draftStatuses),
  reviewedBy: z.string().nullable().describe('the staff user who last reviewed it'),
  reviewedAt: InstantOut.nullable(),
  editedBody: z.string().nullable().describe("the reviewer's text when they changed the suggestion; what is sent"),
  sentMessageId: z.string().nullable(),
  createdAt: InstantOut,
  updatedAt: InstantOut,
})

const Actor = z.object({ kind: z.string(), id: z.string().nullable() })

/** The message a sent reply became, with its status history (the shape of the comms routes' message). */
const SentMessage = z.object({
  id: z.string(),
  accountId: z.string(),
  ...messageContent,
  recipient: z.string().nullable(),
  sender: z.string().nullable(),
  status: z.enum(comms.statuses),
  statusAt: InstantOut,
  related: z.object({ type: z.string(), id: z.string() }).nullable(),
  handleSeconds: z.number().nullable(),
  occurredAt: InstantOut,
  createdAt: InstantOut,
  createdBy: Actor,
  failureReason: z.string().nullable(),
  history: messageHistory(Actor),
  hasPdf: z.boolean(),
})

const Draft = z.object({ suggestedReply: SuggestedReply })
const DraftMade = z.object({
  suggestedReply: SuggestedReply,
  created: z.boolean().describe('true when drafted now (201), false when it was already drafted (200)'),
})

const path = '/accounts/:accountNumber/inbound-messages/:messageId/suggested-reply'

/** COM-4: suggested replies to inbound email, reviewed by a person before they are sent. */
export const suggestedReplyRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // From the configuration: SMTP when CUTTLE_SMTP_URL is set, otherwise the built-in outbox; a reply
    // model only when CUTTLE_REPLY_MODEL_URL and CUTTLE_REPLY_MODEL are set.
    const model = context.replyModel
    /** The message a request's path names: its account (read in upper case) and its id. */
    const messageOf = ({ params }: { params: { accountNumber: string; messageId: string } }) => ({
      accountNumber: params.accountNumber.toUpperCase(),
      messageId: params.messageId,
    })

    app.post(
      path,
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary:
            'Draft a suggested reply to an email from the customer (or return the one already drafted): intent, account facts, knowledge base',
          tags: ['comms'],
          params: MessageParams,
          response: { 200: DraftMade, 201: DraftMade, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const { draft, created } = await suggestReply({
          db: context.db,
          ...messageOf(request),
          model,
          ...whoOf(context, request),
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
          response: { 200: Draft, ...errors(404) },
        },
      },
      async (request) => {
        const draft = await callAs(context, request, (scope) =>
          suggestedReply({
            ...messageOf(request),
            ...scope,
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
          response: { 200: Draft, ...errors(404, 409) },
        },
      },
      async (request) => {
        const draft = await callAs(context, request, (scope) =>
          reviewSuggestedReply({
            ...messageOf(request),
            body: request.body.body,
            ...scope,
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
          response: {
            201: z.object({ suggestedReply: SuggestedReply, message: SentMessage }),
            ...errors(404, 409),
          },
        },
      },
      async (request, reply) => {
        const result = await sendSuggestedReply({
          db: context.db,
          ...messageOf(request),
          queue: context.deliveryQueue,
          ...whoOf(context, request),
        })
        return reply.status(201).send({ suggestedReply: jsonOf(result.draft), message: jsonOf(result.message) })
      },
    )

    app.post(
      `${path}/discard`,
      {
        config: { permission: 'comms.message.send' },
        schema: {
          summary: 'Discard the suggested reply',
          tags: ['comms'],
          params: MessageParams,
          response: { 200: Draft, ...errors(404, 409) },
        },
      },
      async (request) => {
        const draft = await callAs(context, request, (scope) =>
          discardSuggestedReply({
            ...messageOf(request),
            ...scope,
          }),
        )
        return { suggestedReply: jsonOf(draft) }
      },
    )
  }
