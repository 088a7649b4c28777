import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as audit from '../../modules/audit/index.js'
import type { AppContext } from '../context.js'

function eventView(event: audit.AuditEvent) {
  return { ...event, seq: event.seq.toString() }
}

export const auditRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit/activity',
      {
        config: { permission: 'audit.activity.read' },
        schema: {
          summary: "One user's activity, newest first: sign-ins, accounts viewed, searches, changes (AUD-2)",
          tags: ['audit'],
          querystring: z.strictObject({
            userId: z.string().min(1).max(40),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().regex(/^\d+$/, 'a cursor returned by this endpoint').optional(),
          }),
        },
      },
      async (request) => {
        const { userId, limit, cursor } = request.query
        const events = await audit.listActivity({
          db: context.db,
          actorId: userId,
          limit,
          ...(cursor ? { beforeSeq: BigInt(cursor) } : {}),
        })
        const last = events[events.length - 1]
        return {
          items: events.map(eventView),
          nextCursor: events.length === limit && last ? last.seq.toString() : null,
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
