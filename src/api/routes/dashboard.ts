import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import { agentReport, agentReportCsv, staffDashboard } from '../../usecases/index.js'
import { principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, MinorOut, pageOf } from '../responses.js'
import { callAs } from '../route-calls.js'
import { jsonOf, LocalDate } from '../schemas.js'
import { HeldStatement } from './billing-schemas.js'
import { Case } from './cases-schemas.js'
import { creditRequestFields } from './payments-schemas.js'

/** A goodwill credit or refund waiting for approval over the limit (the payments module's request). */
const CreditRequest = z.object({
  id: z.string(),
  accountId: z.string(),
  accountNumber: z.string().optional(),
  ...creditRequestFields,
})

/** One staff user's volumes over a period (REP-1). */
const Volumes = {
  calls: z.number().int(),
  averageHandleSeconds: z.number().int().nullable().describe('null when there were no calls'),
  messagesSent: z.number().int(),
  paymentsTaken: z.number().int(),
  paymentsTakenMinor: MinorOut,
  casesOpened: z.number().int(),
  casesResolved: z.number().int(),
  closureRate: z.number().nullable().describe('cases resolved over cases opened, 0..1; null when none opened'),
  meanResolutionSeconds: z.number().int().nullable(),
}

/** The dashboard: a section the signed-in role may not see is null. */
const Dashboard = z.object({
  cases: z.object({ assignedToMe: pageOf(Case), assignedToMyTeam: pageOf(Case), unassigned: pageOf(Case) }).nullable(),
  pendingTasks: z.object({
    heldStatements: z.array(HeldStatement).nullable(),
    creditApprovals: z.array(CreditRequest).nullable(),
    casesWaiting: z.array(Case).nullable(),
  }),
  recentAccounts: z
    .array(z.object({ accountNumber: z.string(), displayName: z.string(), viewedAt: InstantOut }))
    .nullable(),
  today: z.object({ date: DateOut, currency: z.string(), ...Volumes }),
})

const AgentReport = z.object({
  from: DateOut,
  to: DateOut,
  timeZone: z.string(),
  currency: z.string(),
  rows: z.array(
    z.object({
      userId: z.string(),
      email: z.string(),
      displayName: z.string(),
      role: z.enum(access.roles),
      ...Volumes,
    }),
  ),
})

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
          response: { 200: Dashboard, ...errors(404) },
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
          response: {
            200: {
              description: 'The report: JSON, or CSV with ?format=csv',
              content: { 'application/json': { schema: AgentReport }, 'text/csv': { schema: z.string() } },
            },
            ...errors(404),
          },
        },
      },
      async (request, reply) => {
        const { from, to, userId, format } = request.query
        const report = await callAs(context, request, (scope) => agentReport({ from, to, userId, format, ...scope }))
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
