/**
 * The activity report (AUD-2) as the console uses it: the shapes of `src/api/routes/audit.ts` and
 * typed calls over the shared client's `send`.
 */
import type { ApiClient } from '../api.js'

/** Held by supervisors and IT administrators. */
export const activityPermission = 'audit.activity.read'
/** Listing staff users: IT administrators only. Supervisors type an email or id instead. */
export const staffListPermission = 'access.user.manage'

export const activityKinds = ['sign_in', 'account_view', 'change', 'payment', 'message'] as const
export type ActivityKind = (typeof activityKinds)[number]

export type ActivityItem = {
  seq: string
  id: string
  occurredAt: string
  actorKind: string
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  accountId: string | null
  accountNumber: string | null
  before: unknown
  after: unknown
  context: Record<string, unknown>
  kind: ActivityKind
}

export type ActivityPage = {
  user: { id: string; email: string; displayName: string; role: string }
  from: string | null
  to: string | null
  timeZone: string
  items: ActivityItem[]
  nextCursor: string | null
}

export type StaffListItem = { id: string; email: string; displayName: string; role: string; disabledAt: string | null }

/**
 * A page of one staff user's activity, newest first; `user` is their id or email, `from`/`to` local
 * dates (both included). The read is audited.
 * @throws ApiError STAFF_USER_NOT_FOUND, INVALID_ACTIVITY_RANGE (field problems `from`, `to`)
 */
export function activity(
  api: ApiClient,
  { user, from, to, cursor, limit = 50 }: { user: string; from?: string; to?: string; cursor?: string; limit?: number },
): Promise<ActivityPage> {
  const query = new URLSearchParams({ userId: user, limit: String(limit) })
  if (from) query.set('from', from)
  if (to) query.set('to', to)
  if (cursor) query.set('cursor', cursor)
  return api.send({ path: `/audit/activity?${query}` })
}

/** Every staff user (IT administrators: `access.user.manage`). */
export function staffList(api: ApiClient): Promise<{ items: StaffListItem[] }> {
  return api.send({ path: '/staff' })
}
