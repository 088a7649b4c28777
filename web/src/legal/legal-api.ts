/**
 * The legal team's API (USR-2) as the console uses it: the shapes of the power-of-attorney routes in
 * `src/api/routes/external-users.ts`, calls over the generated client and their declared answers.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'

/** The permission that shows the review queue and lets its decisions through. */
export const poaReviewPermission = 'legal.poa.review'

/** A power-of-attorney document waiting for legal review; `submittedAt` is an ISO instant. */
export type PendingPoaDocument = ResponseOf<'/api/poa-documents', 'get'>['items'][number]

export type PoaDecision = RequestOf<'/api/poa-documents/{documentId}/decision', 'post'>['decision']

export type PoaDecisionResult = ResponseOf<'/api/poa-documents/{documentId}/decision', 'post'>

/** The documents waiting for review, oldest first. */
export async function pendingPoaDocuments(api: ApiClient): Promise<PendingPoaDocument[]> {
  const { items } = await dataOf(api.client.GET('/api/poa-documents'))
  return items
}

/** @throws ApiError POA_ALREADY_REVIEWED, POA_REJECTION_REASON_REQUIRED, POA_DOCUMENT_NOT_FOUND */
export function decidePoaDocument(
  api: ApiClient,
  { documentId, decision, note }: { documentId: string; decision: PoaDecision; note?: string },
): Promise<PoaDecisionResult> {
  return dataOf(
    api.client.POST('/api/poa-documents/{documentId}/decision', {
      params: { path: { documentId } },
      body: note ? { decision, note } : { decision },
    }),
  )
}
