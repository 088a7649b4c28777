/**
 * The escalated cases (complaint escalations and urgent cases) as the console reads them under
 * `cases.escalated.read`: the shapes of `GET /api/escalated-cases` and `GET /api/escalated-cases/{ref}`
 * in `src/api/routes/cases.ts`, which are the cases API's own (`cases-api.ts`).
 */
import type { ApiClient, Page } from '../api.js'
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
  const params = new URLSearchParams({ limit: String(limit) })
  if (statuses && statuses.length > 0) params.set('status', statuses.join(','))
  if (cursor) params.set('cursor', cursor)
  return api.send({ path: `/escalated-cases?${params}` })
}

/** One escalated case with its notes, attachment metadata and history. @throws ApiError CASE_NOT_FOUND (404) */
export function escalatedCaseDetail(api: ApiClient, { caseRef }: { caseRef: string }): Promise<CaseDetail> {
  return api.send({ path: `/escalated-cases/${encodeURIComponent(caseRef)}` })
}
