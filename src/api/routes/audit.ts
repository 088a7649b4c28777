import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as audit from '../../modules/audit/index.js'
import { activityReport } from '../../usecases/activity-report.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { jsonOf, LocalDate } from '../schemas.js'

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
        },
      },
      async (request) => {
        const { userId, limit, cursor, from, to } = request.query
        const page = await inTransaction(context.db, (tx) =>
          activityReport({
            tx,
            user: userId,
            from,
            to,
            limit,
            beforeSeq: cursor ? BigInt(cursor) : undefined,
            actor: actorOf(request),
            at: context.clock(),
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
        schema: { summary: 'Walk the audit hash chain and report the first broken link', tags: ['audit'] },
      },
      async () => {
        const report = await audit.verifyChain({ db: context.db })
        return report.ok ? report : { ...report, brokenAtSeq: report.brokenAtSeq.toString() }
      },
    )
  }
