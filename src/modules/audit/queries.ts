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

/** One user's activity, newest first, a page at a time (AUD-2). */
export async function listActivity({
  db,
  actorId,
  beforeSeq,
  limit,
}: {
  db: Db | Tx
  actorId: string
  beforeSeq?: bigint
  limit: number
}): Promise<AuditEvent[]> {
  return store.findEvents(db, { actorId, limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) })
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
