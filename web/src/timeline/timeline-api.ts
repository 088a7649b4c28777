/**
 * The account timeline (ACC-4) as the console uses it: the shape of `src/api/routes/timeline.ts`.
 * Pages go back in time with `before`, the `nextCursor` of the page before.
 */
import type { ApiClient, Page } from '../api.js'

export const timelineKinds = ['statement', 'payment', 'message', 'note', 'change', 'case', 'visit'] as const
export type TimelineKind = (typeof timelineKinds)[number]

export const timelineKindLabels: Readonly<Record<TimelineKind, string>> = {
  statement: 'Bills',
  payment: 'Payments',
  message: 'Communications',
  note: 'Notes',
  change: 'Account changes',
  case: 'Cases',
  visit: 'Visits',
}

export type TimelineItem = {
  kind: TimelineKind
  at: string
  title: string
  summary: string
  reference: { type: string; id: string; number?: string }
  status?: string
  /** Minor units, for statements, payments, credits and refunds. */
  amountMinor?: string
}

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
  const params = new URLSearchParams({ limit: String(limit) })
  if (kinds && kinds.length > 0 && kinds.length < timelineKinds.length) params.set('kinds', kinds.join(','))
  if (before) params.set('before', before)
  return api.send({ path: `/accounts/${encodeURIComponent(accountNumber)}/timeline?${params}` })
}
