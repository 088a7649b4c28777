import type { Db, Tx } from '../../db/index.js'
import { eventHash, genesisHash } from './chain.js'
import * as store from './store.js'
import type { AuditEvent, ChainReport } from './types.js'

/**
 * Walk the whole chain in order and report the first event whose content or link does not hold:
 * a changed event fails its own hash, a removed or inserted one breaks the next link.
 */
export async function verifyChain({
  db,
  batchSize = 5000,
  onProgress,
}: {
  db: Db | Tx
  batchSize?: number
  onProgress?: (checked: number, total: number) => void
}): Promise<ChainReport> {
  const total = await store.countEvents(db)
  let expectedPrev = genesisHash
  let afterSeq = 0n
  let checked = 0
  for (;;) {
    const events = await store.eventsAfter(db, afterSeq, batchSize)
    if (events.length === 0) break
    for (const event of events) {
      if (event.prevHash !== expectedPrev) {
        return broken(
          checked,
          event,
          'link_broken',
          `event ${event.seq} does not link to the event before it: an event was removed or inserted`,
        )
      }
      if (eventHash(event.prevHash, event) !== event.hash) {
        return broken(
          checked,
          event,
          'content_changed',
          `event ${event.seq} does not match its hash: its content was changed`,
        )
      }
      expectedPrev = event.hash
      checked += 1
    }
    afterSeq = events[events.length - 1]?.seq ?? afterSeq
    onProgress?.(checked, total)
  }
  return { ok: true, checked, lastHash: expectedPrev }
}

function broken(
  checked: number,
  event: AuditEvent,
  reason: 'content_changed' | 'link_broken',
  message: string,
): ChainReport {
  return { ok: false, checked, brokenAtSeq: event.seq, eventId: event.id, reason, message }
}

/**
 * One user's activity, newest first, a page at a time (AUD-2): events before `beforeSeq` (the last
 * page's last `seq`), and when given only those that happened in `[from, to)`. Throws nothing.
 */
export async function listActivity({
  db,
  actorId,
  beforeSeq,
  from,
  to,
  limit,
}: {
  db: Db | Tx
  actorId: string
  beforeSeq?: bigint | undefined
  from?: Date | undefined
  to?: Date | undefined
  limit: number
}): Promise<AuditEvent[]> {
  return store.findEvents(db, {
    actorId,
    limit,
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  })
}

/** The groups of an activity report (AUD-2): logins, accounts accessed, changes, payments and communications. */
export const activityKinds = ['sign_in', 'account_view', 'change', 'payment', 'message'] as const
export type ActivityKind = (typeof activityKinds)[number]

const signInActions = ['access.session.', 'access.login.', 'access.portal_session.', 'access.portal_login.']
const lockActions = ['access.user.locked', 'access.external_user.locked', 'access.permission.denied']

/**
 * Which group of an activity report an audit action falls in: sign-ins (and lockouts and refused
 * access), reads (views, searches, exports, usage read), payments, messages (sent, received,
 * drafted replies), and every other action a change. Throws nothing.
 */
export function activityKindOf(action: string): ActivityKind {
  if (signInActions.some((prefix) => action.startsWith(prefix)) || lockActions.includes(action)) return 'sign_in'
  if (/\.(viewed|read|exported)$/.test(action) || action === 'accounts.search.performed') return 'account_view'
  if (action.startsWith('payments.')) return 'payment'
  if (action.startsWith('comms.') || action.startsWith('assist.suggested_reply.')) return 'message'
  return 'change'
}

/** Events about one account, newest first. */
export async function listForAccount({
  db,
  accountId,
  actionPrefix,
  limit,
}: {
  db: Db | Tx
  accountId: string
  actionPrefix?: string
  limit: number
}): Promise<AuditEvent[]> {
  return store.findEvents(db, { accountId, limit, ...(actionPrefix !== undefined ? { actionPrefix } : {}) })
}

/**
 * Events about one account strictly before `(at, id)`, newest first by when they happened (then id),
 * without the excluded actions: an exact name (`accounts.account.viewed`), a prefix ending in '.'
 * (`comms.message.`) or a suffix starting with '.' (`.viewed`). Throws nothing.
 */
export async function accountEventsBefore({
  db,
  accountId,
  before,
  exclude = [],
  limit,
}: {
  db: Db | Tx
  accountId: string
  before?: { at: Date; id: string } | undefined
  exclude?: readonly string[]
  limit: number
}): Promise<AuditEvent[]> {
  return store.accountEventsBefore(db, { accountId, before, exclude, limit })
}

/** The accounts one actor viewed most recently (`accounts.account.viewed`), newest first, each once. Throws nothing. */
export async function recentAccountViews({
  db,
  actorId,
  limit,
}: {
  db: Db | Tx
  actorId: string
  limit: number
}): Promise<{ accountId: string; viewedAt: Date }[]> {
  const rows = await store.recentAccountViews(db, { actorId, limit })
  return rows.map((row) => ({ accountId: row.account_id, viewedAt: new Date(row.viewed_at) }))
}
