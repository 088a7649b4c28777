/**
 * The activity report (AUD-2) as the console uses it: the declared answers of
 * `src/api/routes/audit.ts` over the generated client.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

/** Held by supervisors and IT administrators. */
export const activityPermission = 'audit.activity.read'
/** Listing staff users: IT administrators only. Supervisors type an email or id instead. */
export const staffListPermission = 'access.user.manage'

export const activityKinds = ['sign_in', 'account_view', 'change', 'payment', 'message'] as const
export type ActivityKind = (typeof activityKinds)[number]

export type ActivityPage = ResponseOf<'/api/audit/activity', 'get'>
export type ActivityItem = ActivityPage['items'][number]

export type StaffListItem = ResponseOf<'/api/staff', 'get'>['items'][number]

/**
 * A page of one staff user's activity, newest first; `user` is their id or email, `from`/`to` local
 * dates (both included). The read is audited.
 * @throws ApiError STAFF_USER_NOT_FOUND, INVALID_ACTIVITY_RANGE (field problems `from`, `to`)
 */
export function activity(
  api: ApiClient,
  { user, from, to, cursor, limit = 50 }: { user: string; from?: string; to?: string; cursor?: string; limit?: number },
): Promise<ActivityPage> {
  const query = { userId: user, limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(cursor ? { cursor } : {}) }
  return dataOf(api.client.GET('/api/audit/activity', { params: { query } }))
}

/** Every staff user (IT administrators: `access.user.manage`). */
export function staffList(api: ApiClient): Promise<{ items: StaffListItem[] }> {
  return dataOf(api.client.GET('/api/staff'))
}
