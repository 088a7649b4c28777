/**
 * UI-1 dashboard data and the agent half of REP-1. The dashboard is the signed-in user's own: cases
 * with them and their team, pending tasks their permissions let them act on, the accounts they
 * viewed last, and their volumes today. The agent report gives, per staff user and range of local
 * dates, calls and average handle time, messages sent, payments taken, and case closure rate and mean
 * resolution time, as JSON or CSV, each read audited.
 */
import type { Db, Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as billing from '../modules/billing/index.js'
import * as cases from '../modules/cases/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { csvDocument } from '../shared/csv.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { addDays, instantRangeOf, localDateOf } from '../shared/time.js'
import type { StaffMember } from './cases.js'
import { dateRangeProblems } from './report-range.js'

export class InvalidReportRange extends withCode(ValidationFailed, 'INVALID_REPORT_RANGE') {}

/** The longest range one agent report covers: a year and a day. */
export const maxReportDays = 366

/** One staff user's volumes over a period. */
export interface AgentVolumes {
  readonly calls: number
  /** Mean handle time of the calls they logged, whole seconds; null without calls. */
  readonly averageHandleSeconds: number | null
  readonly messagesSent: number
  /** Payments they took (declined ones left out). */
  readonly paymentsTaken: number
  readonly paymentsTakenMinor: bigint
  readonly casesOpened: number
  readonly casesResolved: number
  /** casesResolved / casesOpened, to four places; null when none were opened. */
  readonly closureRate: number | null
  /** Mean resolvedAt − openedAt of the cases they resolved, whole seconds; null without any. */
  readonly meanResolutionSeconds: number | null
}

const activeStatuses = [...cases.activeStatuses]

async function volumesByUser(
  tx: Db | Tx,
  { from, to, userIds }: { from: Date; to: Date; userIds?: readonly string[] | undefined },
): Promise<Map<string, AgentVolumes>> {
  const [messages, taken, caseTotals] = await Promise.all([
    comms.staffMessageTotals({ tx, from, to, staffIds: userIds }),
    payments.staffPaymentTotals({ tx, from, to, staffIds: userIds }),
    cases.caseTotals({ tx, from, to, userIds }),
  ])
  const ids = new Set([
    ...messages.map((row) => row.userId),
    ...taken.map((row) => row.userId),
    ...caseTotals.map((row) => row.userId),
  ])
  const result = new Map<string, AgentVolumes>()
  for (const id of ids) {
    const message = messages.find((row) => row.userId === id)
    const payment = taken.find((row) => row.userId === id)
    const caseRow = caseTotals.find((row) => row.userId === id)
    const calls = message?.calls ?? 0
    const opened = caseRow?.opened ?? 0
    const resolved = caseRow?.resolved ?? 0
    result.set(id, {
      calls,
      averageHandleSeconds: calls > 0 ? Math.round((message?.handleSecondsTotal ?? 0) / calls) : null,
      messagesSent: message?.messagesSent ?? 0,
      paymentsTaken: payment?.count ?? 0,
      paymentsTakenMinor: payment?.totalMinor ?? 0n,
      casesOpened: opened,
      casesResolved: resolved,
      closureRate: opened > 0 ? Math.round((resolved / opened) * 10000) / 10000 : null,
      meanResolutionSeconds: resolved > 0 ? Math.round((caseRow?.resolutionSecondsTotal ?? 0) / resolved) : null,
    })
  }
  return result
}

const noVolumes: AgentVolumes = {
  calls: 0,
  averageHandleSeconds: null,
  messagesSent: 0,
  paymentsTaken: 0,
  paymentsTakenMinor: 0n,
  casesOpened: 0,
  casesResolved: 0,
  closureRate: null,
  meanResolutionSeconds: null,
}

/**
 * The signed-in user's dashboard. Sections their role cannot see are null: cases without
 * `cases.case.read`, held statements without `billing.anomaly.resolve`, credit approvals without
 * `payments.credit.approve_over_limit`, recent accounts without `accounts.account.read`. "Today" is
 * the supplier's local day. Not an account view: it lists account numbers and names the user
 * already opened.
 * @throws SupplierNotConfigured
 */
export async function staffDashboard({
  tx,
  staff,
  at,
  listLimit = 10,
}: {
  tx: Db | Tx
  staff: StaffMember
  at: Date
  listLimit?: number
}) {
  const subject: access.Subject = { kind: 'staff', role: staff.role }
  const supplier = await market.getSupplier(tx)
  const timeZone = supplier.profile.timeZone
  const today = localDateOf(at, timeZone)
  const day = instantRangeOf({ from: today, to: addDays(today, 1) }, timeZone)

  const mayReadCases = access.can(subject, 'cases.case.read')
  const queue = (assignee: cases.CaseListFilter['assignee'], statuses: cases.CaseStatus[]) =>
    cases.listCases({ tx, filter: { assignee, statuses }, limit: listLimit })
  const caseSections = mayReadCases
    ? {
        assignedToMe: await queue({ kind: 'user', userId: staff.userId }, activeStatuses),
        assignedToMyTeam: await queue({ kind: 'team', team: staff.role }, activeStatuses),
        unassigned: await queue({ kind: 'unassigned' }, activeStatuses),
      }
    : null

  const heldStatements = access.can(subject, 'billing.anomaly.resolve')
    ? await billing.heldStatements({ tx, limit: listLimit })
    : null
  const creditApprovals = access.can(subject, 'payments.credit.approve_over_limit')
    ? await payments.pendingApprovals({ tx, limit: listLimit })
    : null
  const casesWaiting = mayReadCases
    ? (
        await Promise.all([
          queue({ kind: 'user', userId: staff.userId }, ['waiting_on_customer']),
          queue({ kind: 'team', team: staff.role }, ['waiting_on_customer']),
        ])
      ).flatMap((page) => page.items)
    : null

  let recentAccounts: { accountNumber: string; displayName: string; viewedAt: Date }[] | null = null
  if (access.can(subject, 'accounts.account.read')) {
    const views = await audit.recentAccountViews({ db: tx, actorId: staff.userId, limit: listLimit })
    recentAccounts = []
    for (const view of views) {
      const facts = await accounts.accountFacts({ tx, accountId: view.accountId })
      if (facts)
        recentAccounts.push({ accountNumber: facts.number, displayName: facts.displayName, viewedAt: view.viewedAt })
    }
  }

  const mine = await volumesByUser(tx, { from: day.from, to: day.to as Date, userIds: [staff.userId] })
  return {
    cases: caseSections,
    pendingTasks: { heldStatements, creditApprovals, casesWaiting },
    recentAccounts,
    today: { date: today, currency: supplier.profile.currency, ...(mine.get(staff.userId) ?? noVolumes) },
  }
}

export interface AgentReportRow extends AgentVolumes {
  readonly userId: string
  readonly email: string
  readonly displayName: string
  readonly role: access.Role
}

export interface AgentReport {
  /** First and last local date covered, both included. */
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly currency: string
  readonly rows: readonly AgentReportRow[]
}

/**
 * REP-1 agent report: per staff user, over the local dates `from` to `to` (both included), calls
 * logged and average handle time, messages sent, payments taken (count and sum), cases opened and
 * resolved, closure rate and mean resolution time. Every front-line user (one who may work cases or
 * take payments) appears, with or without activity, and anyone else who had some. The read is
 * audited as `reports.agent_activity.viewed`, or `.exported` with `format: 'csv'`, naming the range.
 * @throws InvalidReportRange, SupplierNotConfigured
 */
export async function agentReport({
  tx,
  from,
  to,
  userId,
  format = 'json',
  actor,
  at,
}: {
  tx: Tx
  from: string
  to: string
  /** Only this staff user. */
  userId?: string | undefined
  format?: 'json' | 'csv'
  actor: Actor
  at: Date
}): Promise<AgentReport> {
  const problems = dateRangeProblems({ from, to, maxDays: maxReportDays })
  if (problems.length > 0)
    throw new InvalidReportRange(
      `The report range is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      problems,
    )
  const supplier = await market.getSupplier(tx)
  const timeZone = supplier.profile.timeZone
  const range = instantRangeOf({ from, to: addDays(to, 1) }, timeZone)
  const userIds = userId === undefined ? undefined : [userId]
  const volumes = await volumesByUser(tx, { from: range.from, to: range.to as Date, userIds })
  const staffUsers = (await access.listStaffUsers(tx)).filter((user) => userId === undefined || user.id === userId)
  const frontLine = (role: access.Role) =>
    access.can({ kind: 'staff', role }, 'cases.case.update') ||
    access.can({ kind: 'staff', role }, 'payments.payment.create')
  const rows: AgentReportRow[] = staffUsers
    .filter((user) => volumes.has(user.id) || (user.disabledAt === null && frontLine(user.role)))
    .map((user) => ({
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      ...(volumes.get(user.id) ?? noVolumes),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId))
  await audit.record(tx, {
    actor,
    action: format === 'csv' ? 'reports.agent_activity.exported' : 'reports.agent_activity.viewed',
    subject: { type: 'report', id: 'agent_activity' },
    context: { from, to, format, timeZone, ...(userId ? { userId } : {}), rows: rows.length },
    at,
  })
  return { from, to, timeZone, currency: supplier.profile.currency, rows }
}

/** The agent report as CSV (RFC 4180, CRLF line ends, a header row); money in minor units. Throws nothing. */
export function agentReportCsv(report: AgentReport): string {
  const header = [
    'from',
    'to',
    'user_id',
    'email',
    'display_name',
    'role',
    'calls',
    'average_handle_seconds',
    'messages_sent',
    'payments_taken',
    'payments_taken_minor',
    'currency',
    'cases_opened',
    'cases_resolved',
    'closure_rate',
    'mean_resolution_seconds',
  ]
  const rows = report.rows.map((row) => [
    report.from,
    report.to,
    row.userId,
    row.email,
    row.displayName,
    row.role,
    row.calls,
    row.averageHandleSeconds,
    row.messagesSent,
    row.paymentsTaken,
    row.paymentsTakenMinor,
    report.currency,
    row.casesOpened,
    row.casesResolved,
    row.closureRate,
    row.meanResolutionSeconds,
  ])
  return csvDocument({ header, rows })
}
