import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { accountTimeline, timelineKinds } from '../../usecases/index.js'
import { principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { errors, InstantOut, MinorOut, pageOf } from '../responses.js'
import { callAs } from '../route-calls.js'
import { jsonOf } from '../schemas.js'

const AccountParams = z.strictObject({
  accountNumber: z.string().regex(/^A-[0-9A-Fa-f]{8}$/, 'an account number like A-1F2E3D4C'),
})

/** `kinds=statement,payment`: a comma-separated list of timeline kinds. */
const Kinds = z
  .string()
  .max(200)
  .transform((text) =>
    text
      .split(',')
      .map((kind) => kind.trim())
      .filter((kind) => kind.length > 0),
  )
  .pipe(z.array(z.enum(timelineKinds)).min(1, `one or more of ${timelineKinds.join(', ')}`))

/** One thing that happened on the account. */
const TimelineItem = z.object({
  kind: z.enum(timelineKinds),
  at: InstantOut.describe('an ISO 8601 instant in UTC: when it happened for the business, which orders the feed'),
  title: z.string(),
  summary: z.string(),
  reference: z
    .object({ type: z.string(), id: z.string(), number: z.string().optional() })
    .describe('the record the item is about, to open it by its own route'),
  status: z.string().optional(),
  amountMinor: MinorOut.optional().describe('for statements, payments, credits and refunds'),
})

/** ACC-4: the account timeline. */
export const timelineRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:accountNumber/timeline',
      {
        config: { permission: 'accounts.account.read' },
        schema: {
          summary:
            "The account's timeline, newest first by when each thing happened for the business (a statement's issue, a payment's taking, a reading's read time, a message's sending or receipt, a case's opening): statements, payments and credits, meter readings (one item per meter point per read day), messages, notes, account changes, cases and visits, each told in a sentence. Each kind is shown only to a role that may call that kind's own route (statements need billing.statement.read, payments payments.history.read, readings metering.usage.read, messages comms.message.read, cases cases.case.read, visits field.appointment.read; a change needs the permission of what it changed); a kind asked for in `kinds` that the role may not see is left out, not refused.",
          tags: ['accounts'],
          params: AccountParams,
          querystring: z.strictObject({
            kinds: Kinds.optional(),
            before: z.string().min(1).max(400).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: {
            200: pageOf(TimelineItem).describe('pass nextCursor as `before` for the page after'),
            ...errors(404),
          },
        },
      },
      async (request) => {
        const page = await callAs(context, request, (scope) =>
          accountTimeline({
            viewer: principalOf(request),
            accountNumber: request.params.accountNumber.toUpperCase(),
            kinds: request.query.kinds,
            before: request.query.before,
            limit: request.query.limit,
            ...scope,
          }),
        )
        return jsonOf(page)
      },
    )
  }
