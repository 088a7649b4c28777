/**
 * The escalated cases (complaint escalations and urgent cases) as the console reads them under
 * `cases.escalated.read`: the shapes of `GET /api/escalated-cases` and `GET /api/escalated-cases/{ref}`
 * in `src/api/routes/cases.ts`, which are the cases API's own (`cases-api.ts`).
 */
import type { ApiClient, Page } from '../api.js'
import { dataOf } from '../shared/api-client.js'
import type { Case, CaseDetail, CaseStatus } from './cases-api.js'

/** The permission the escalated cases are read under: executives hold it without any other case power. */
export const escalatedCasesPermission = 'cases.escalated.read'

/** The escalated cases across all accounts, newest first. @throws ApiError INVALID_CURSOR */
export function escalatedCases(
  api: ApiClient,
  {
    statuses,
    limit = 20,
    cursor,
  }: { statuses?: readonly CaseStatus[]; limit?: number; cursor?: string | null | undefined },
): Promise<Page<Case>> {
  const query = {
    limit,
    ...(statuses && statuses.length > 0 ? { status: statuses.join(',') } : {}),
    ...(cursor ? { cursor } : {}),
  }
  return dataOf(api.client.GET('/api/escalated-cases', { params: { query } }))
}

/** One escalated case with its notes, attachment metadata and history. @throws ApiError CASE_NOT_FOUND (404) */
export function escalatedCaseDetail(api: ApiClient, { caseRef }: { caseRef: string }): Promise<CaseDetail> {
  return dataOf(api.client.GET('/api/escalated-cases/{caseRef}', { params: { path: { caseRef } } }))
}
