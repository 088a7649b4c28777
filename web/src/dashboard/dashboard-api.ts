/**
 * The dashboard and the agent report (UI-1, REP-1) as the console uses them: the declared answers of
 * `src/api/routes/dashboard.ts`. Sections the signed-in role may not see arrive as null.
 */
import { type ApiClient, ApiError } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

export type Dashboard = ResponseOf<'/api/dashboard', 'get'>
export type CaseList = NonNullable<Dashboard['cases']>['assignedToMe']
export type Volumes = Dashboard['today']

export type AgentReport = ResponseOf<'/api/reports/agents', 'get'>
export type AgentReportRow = AgentReport['rows'][number]

/** The permission the agent report is read under (supervisors, IT administrators). */
export const agentReportPermission = 'audit.activity.read'

export function dashboard(api: ApiClient, { limit = 10 }: { limit?: number } = {}): Promise<Dashboard> {
  return dataOf(api.client.GET('/api/dashboard', { params: { query: { limit } } }))
}

/** @throws ApiError INVALID_REPORT_RANGE (field problems `from`, `to`) */
export async function agentReport(api: ApiClient, { from, to }: { from: string; to: string }): Promise<AgentReport> {
  const report = await dataOf(
    api.client.GET('/api/reports/agents', { params: { query: { from, to, format: 'json' } } }),
  )
  // The route also answers CSV (`format=csv`); JSON was asked for.
  if (typeof report === 'string')
    throw new ApiError({ status: 200, code: 'UNEXPECTED_RESPONSE', message: 'The report came back as CSV' })
  return report
}

export function agentReportCsvUrl({ from, to }: { from: string; to: string }): string {
  return `/api/reports/agents?${new URLSearchParams({ from, to, format: 'csv' })}`
}
