import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import { agentReport, agentReportCsv, staffDashboard } from '../../usecases/index.js'
import { actorOf, principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { jsonOf, LocalDate } from '../schemas.js'

/**
 * The signed-in user's dashboard (UI-1) and the agent report (REP-1). The report is for
 * `audit.activity.read`: the "Account Users" guide gives supervisors "Access detailed agent activity
 * reports", and that is the permission the catalogue maps the line to (IT administrators hold it
 * too, for AUD-2). `reports.quality.read` is the quality-assurance scorecards, a different report.
 */
export const dashboardRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/dashboard',
      {
        // Anyone signed in has a dashboard; each section is shown only to the roles that may see it.
        config: { permission: 'authenticated' },
        schema: {
          summary: 'My dashboard: cases with me and my team, pending tasks, recently viewed accounts, my volumes today',
          tags: ['dashboard'],
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
        },
      },
      async (request) => {
        const principal = principalOf(request)
        return jsonOf(
          await staffDashboard({
            tx: context.db,
            staff: { userId: principal.userId, role: principal.role },
            at: context.clock(),
            listLimit: request.query.limit,
          }),
        )
      },
    )

    app.get(
      '/reports/agents',
      {
        config: { permission: 'audit.activity.read' },
        schema: {
          summary:
            'Agent report per staff user over local dates from..to (both included): calls, average handle time, messages, payments, case closure rate and mean resolution time; ?format=csv for CSV. Audited.',
          tags: ['reports'],
          querystring: z.strictObject({
            from: LocalDate,
            to: LocalDate,
            userId: z.string().max(60).optional(),
            format: z.enum(['json', 'csv']).default('json'),
          }),
        },
      },
      async (request, reply) => {
        const { from, to, userId, format } = request.query
        const report = await inTransaction(context.db, (tx) =>
          agentReport({ tx, from, to, userId, format, actor: actorOf(request), at: context.clock() }),
        )
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="agent-report-${from}-to-${to}.csv"`)
            .send(agentReportCsv(report))
        }
        return jsonOf(report)
      },
    )
  }
