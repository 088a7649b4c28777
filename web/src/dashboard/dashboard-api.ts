/**
 * The dashboard and the agent report (UI-1, REP-1) as the console uses them: the shapes of
 * `src/api/routes/dashboard.ts`. Sections the signed-in role may not see arrive as null.
 */
import type { ApiClient, HeldStatement } from '../api.js'
import type { Case } from '../cases/cases-api.js'
import type { CreditRequest } from '../payments/payments-api.js'

export type CaseList = { items: Case[]; nextCursor: string | null }

export type Volumes = {
  calls: number
  averageHandleSeconds: number | null
  messagesSent: number
  paymentsTaken: number
  paymentsTakenMinor: string
  casesOpened: number
  casesResolved: number
  closureRate: number | null
  meanResolutionSeconds: number | null
}

export type Dashboard = {
  cases: { assignedToMe: CaseList; assignedToMyTeam: CaseList; unassigned: CaseList } | null
  pendingTasks: {
    heldStatements: HeldStatement[] | null
    creditApprovals: CreditRequest[] | null
    casesWaiting: Case[] | null
  }
  recentAccounts: { accountNumber: string; displayName: string; viewedAt: string }[] | null
  today: Volumes & { date: string; currency: string }
}

export type AgentReportRow = Volumes & { userId: string; email: string; displayName: string; role: string }

export type AgentReport = { from: string; to: string; timeZone: string; currency: string; rows: AgentReportRow[] }

/** The permission the agent report is read under (supervisors, IT administrators). */
export const agentReportPermission = 'audit.activity.read'

export function dashboard(api: ApiClient, { limit = 10 }: { limit?: number } = {}): Promise<Dashboard> {
  return api.send({ path: `/dashboard?${new URLSearchParams({ limit: String(limit) })}` })
}

/** @throws ApiError INVALID_REPORT_RANGE (field problems `from`, `to`) */
export function agentReport(api: ApiClient, { from, to }: { from: string; to: string }): Promise<AgentReport> {
  return api.send({ path: `/reports/agents?${new URLSearchParams({ from, to, format: 'json' })}` })
}

export function agentReportCsvUrl({ from, to }: { from: string; to: string }): string {
  return `/api/reports/agents?${new URLSearchParams({ from, to, format: 'csv' })}`
}
