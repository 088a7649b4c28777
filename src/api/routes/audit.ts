import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as audit from '../../modules/audit/index.js'
import { activityReport } from '../../usecases/activity-report.js'
import type { AppContext } from '../context.js'
import { errors, InstantOut } from '../responses.js'
import { callAs } from '../route-calls.js'
import { jsonOf, LocalDate } from '../schemas.js'

/** One audit event as the activity report shows it (its chain hashes stay inside). */
const ActivityItem = z.object({
  seq: z.string().describe('the position in the audit chain, as a string'),
  id: z.string(),
  occurredAt: InstantOut,
  actorKind: z.string(),
  actorId: z.string().nullable(),
  action: z.string().describe('`<module>.<noun>.<verb in the past>`'),
  subjectType: z.string(),
  subjectId: z.string(),
  accountId: z.string().nullable(),
  accountNumber: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  context: z.record(z.string(), z.unknown()),
  kind: z.enum(audit.activityKinds),
})

const ActivityPage = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.string() }),
  from: z.string().nullable().describe('the first local date, YYYY-MM-DD'),
  to: z.string().nullable().describe('the last local date (included), YYYY-MM-DD'),
  timeZone: z.string(),
  items: z.array(ActivityItem),
  nextCursor: z.string().nullable(),
})

const ChainReport = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), checked: z.number().int(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    checked: z.number().int(),
    brokenAtSeq: z.string().describe('the first event whose link does not hold'),
    eventId: z.string(),
    reason: z.enum(['content_changed', 'link_broken']),
    message: z.string(),
  }),
])

function eventView<T extends audit.AuditEvent>(event: T) {
  return jsonOf({ ...event, seq: event.seq.toString() })
}

export const auditRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit/activity',
      {
        config: { permission: 'audit.activity.read' },
        schema: {
          summary:
            "One staff user's activity, newest first, each event with its group (sign_in, account_view, change, payment, message) and account number; userId is the user's id or email; from..to are local dates, both included (AUD-2). Audited.",
          tags: ['audit'],
          querystring: z.strictObject({
            userId: z.string().trim().min(1).max(320),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z
              .string()
              .regex(/^\d{1,18}$/, 'a cursor returned by this endpoint')
              .optional(),
            from: LocalDate.optional(),
            to: LocalDate.optional(),
          }),
          response: { 200: ActivityPage, ...errors(404) },
        },
      },
      async (request) => {
        const { userId, limit, cursor, from, to } = request.query
        const page = await callAs(context, request, (scope) =>
          activityReport({
            user: userId,
            from,
            to,
            limit,
            beforeSeq: cursor ? BigInt(cursor) : undefined,
            ...scope,
          }),
        )
        return {
          user: page.user,
          from: page.from,
          to: page.to,
          timeZone: page.timeZone,
          items: page.items.map(eventView),
          nextCursor: page.nextSeq === null ? null : page.nextSeq.toString(),
        }
      },
    )

    app.get(
      '/audit/verify',
      {
        config: { permission: 'audit.log.read' },
        schema: {
          summary: 'Walk the audit hash chain and report the first broken link',
          tags: ['audit'],
          response: { 200: ChainReport },
        },
      },
      async () => {
        const report = await audit.verifyChain({ db: context.db })
        return report.ok ? report : { ...report, brokenAtSeq: report.brokenAtSeq.toString() }
      },
    )
  }
