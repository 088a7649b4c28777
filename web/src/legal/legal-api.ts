/**
 * The legal team's API (USR-2) as the console uses it: the shapes of the power-of-attorney routes in
 * `src/api/routes/external-users.ts`, calls over the generated client. These routes
 * declare no answers on main yet, so their shapes are written out here until they do.
 */
import type { ApiClient } from '../api.js'
import { dataOf } from '../shared/api-client.js'

/** The permission that shows the review queue and lets its decisions through. */
export const poaReviewPermission = 'legal.poa.review'

/** A power-of-attorney document waiting for legal review; `submittedAt` is an ISO instant. */
export type PendingPoaDocument = {
  id: string
  accountNumber: string
  grantId: string
  attorney: { email: string; displayName: string }
  /** What was uploaded or seen: the document's name and what came with it. */
  description: string
  submittedAt: string
}

export type PoaDecision = 'approve' | 'reject'

export type PoaDecisionResult = {
  id: string
  status: 'approved' | 'rejected'
  grantId: string
  grantStatus: 'active' | 'revoked'
}

/** The documents waiting for review, oldest first. */
export async function pendingPoaDocuments(api: ApiClient): Promise<PendingPoaDocument[]> {
  const { items } = await dataOf<{ items: PendingPoaDocument[] }>(api.client.GET('/api/poa-documents'))
  return items
}

/** @throws ApiError POA_ALREADY_REVIEWED, POA_REJECTION_REASON_REQUIRED, POA_DOCUMENT_NOT_FOUND */
export function decidePoaDocument(
  api: ApiClient,
  { documentId, decision, note }: { documentId: string; decision: PoaDecision; note?: string },
): Promise<PoaDecisionResult> {
  return dataOf<PoaDecisionResult>(
    api.client.POST('/api/poa-documents/{documentId}/decision', {
      params: { path: { documentId } },
      body: note ? { decision, note } : { decision },
    }),
  )
}
