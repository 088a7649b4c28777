/**
 * The supervisors' review-flag queue (USR-4) as the console uses it: the shapes of
 * `GET /api/review-flags` and `POST /api/review-flags/{id}/clear` in `src/api/routes/accounts.ts`.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

/** The permission that shows the queue; clearing needs `accounts.review_flag.clear`. */
export const reviewFlagsPermission = 'accounts.review_flag.read'
export const clearReviewFlagPermission = 'accounts.review_flag.clear'

/** An account flagged for supervisor review; instants are ISO strings. */
export type ReviewFlagItem = ResponseOf<'/api/review-flags', 'get'>['items'][number]

/** The open flags, oldest first (the first page of up to 100). */
export async function openReviewFlags(api: ApiClient): Promise<ReviewFlagItem[]> {
  const { items } = await dataOf(
    api.client.GET('/api/review-flags', { params: { query: { status: 'open', limit: 100 } } }),
  )
  return items
}

/** @throws ApiError REVIEW_FLAG_ALREADY_CLEARED, REVIEW_FLAG_NOT_FOUND, or a field problem on `note` */
export function clearReviewFlag(api: ApiClient, { flagId, note }: { flagId: string; note: string }) {
  return dataOf(api.client.POST('/api/review-flags/{flagId}/clear', { params: { path: { flagId } }, body: { note } }))
}
