/**
 * The account timeline (ACC-4) as the console uses it: the declared answer of `src/api/routes/timeline.ts`.
 * Pages go back in time with `before`, the `nextCursor` of the page before.
 */
import type { ApiClient, Page } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

export const timelineKinds = ['statement', 'payment', 'reading', 'message', 'note', 'change', 'case', 'visit'] as const
export type TimelineKind = (typeof timelineKinds)[number]

export const timelineKindLabels: Readonly<Record<TimelineKind, string>> = {
  statement: 'Bills',
  payment: 'Payments',
  reading: 'Meter readings',
  message: 'Communications',
  note: 'Notes',
  change: 'Account changes',
  case: 'Cases',
  visit: 'Visits',
}

export type TimelineItem = ResponseOf<'/api/accounts/{accountNumber}/timeline', 'get'>['items'][number]

/** The account's timeline, newest first, of the kinds asked for (every kind when none). */
export function accountTimeline(
  api: ApiClient,
  {
    accountNumber,
    kinds,
    before,
    limit = 20,
  }: { accountNumber: string; kinds?: readonly TimelineKind[]; before?: string | null; limit?: number },
): Promise<Page<TimelineItem>> {
  const query = {
    limit,
    ...(kinds && kinds.length > 0 && kinds.length < timelineKinds.length ? { kinds: kinds.join(',') } : {}),
    ...(before ? { before } : {}),
  }
  return dataOf(
    api.client.GET('/api/accounts/{accountNumber}/timeline', { params: { path: { accountNumber }, query } }),
  )
}
