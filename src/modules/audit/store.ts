import { type Generated, sql } from 'kysely'
import { countOf } from '../../db/count.js'
import { newestFirstBefore } from '../../db/feed.js'
import type { Db, Tx } from '../../db/index.js'
import { type AccountFeedQuery, withTables } from '../../db/index.js'
import type { AuditEvent } from './types.js'

interface AuditEventsTable {
  seq: Generated<bigint>
  id: string
  occurred_at: Date
  actor_kind: string
  actor_id: string | null
  action: string
  subject_type: string
  subject_id: string
  account_id: string | null
  before: unknown
  after: unknown
  context: Record<string, unknown>
  prev_hash: string
  hash: string
}

const tables = withTables<{ audit_events: AuditEventsTable }>()

/**
 * Serialise writers of the chain for the rest of this transaction and return the hash to link to
 * (one round trip: the `audit_chain_head` function). With `relaxed`, this transaction's commit does
 * not wait for the WAL flush. Held until commit, so callers record their audit event last.
 */
export async function lockChainHead(tx: Tx, relaxed: boolean): Promise<string | null> {
  const result = await sql<{ head: string | null }>`select audit_chain_head(${relaxed}) as head`.execute(tx)
  return result.rows[0]?.head ?? null
}

export type EventRow = Omit<AuditEventsTable, 'seq' | 'before' | 'after' | 'context'> & {
  before: string | null
  after: string | null
  context: string
}

export async function insertEvents(tx: Tx, rows: EventRow[]): Promise<void> {
  await tables(tx)
    .insertInto('audit_events')
    .values(
      rows.map((row) => ({
        ...row,
        before: row.before === null ? null : sql`${row.before}::jsonb`,
        after: row.after === null ? null : sql`${row.after}::jsonb`,
        context: sql`${row.context}::jsonb`,
      })),
    )
    .execute()
}

function toEvent(row: Omit<AuditEventsTable, 'seq'> & { seq: bigint }): AuditEvent {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind as AuditEvent['actorKind'],
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    accountId: row.account_id,
    before: row.before,
    after: row.after,
    context: row.context,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

/** Events in chain order, from just after `afterSeq`, a page at a time. */
export async function eventsAfter(db: Db | Tx, afterSeq: bigint, limit: number): Promise<AuditEvent[]> {
  const rows = await tables(db)
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map(toEvent)
}

export async function countEvents(db: Db | Tx): Promise<number> {
  return countOf(tables(db).selectFrom('audit_events'))
}

export interface EventFilter {
  readonly actorId?: string
  readonly accountId?: string
  readonly actionPrefix?: string
  readonly beforeSeq?: bigint
  /** Only events that happened in `[from, to)`. */
  readonly from?: Date
  readonly to?: Date
  readonly limit: number
}

/** Newest first, filtered; for activity reports and an account's audit trail. */
export async function findEvents(db: Db | Tx, filter: EventFilter): Promise<AuditEvent[]> {
  let query = tables(db).selectFrom('audit_events').selectAll()
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId)
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId)
  if (filter.actionPrefix !== undefined) query = query.where('action', 'like', `${filter.actionPrefix}%`)
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq)
  if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from)
  if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to)
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute()
  return rows.map(toEvent)
}

/**
 * Events about one account strictly before `(at, id)`, newest first (occurred_at, then id by bytes),
 * leaving out the actions named in `exclude` (exact names, or prefixes ending in '.', or suffixes
 * starting with '.'): for a feed that merges several kinds of record by time (the account timeline).
 */
export async function accountEventsBefore(
  db: Db | Tx,
  { accountId, before, exclude, limit }: Omit<AccountFeedQuery, 'tx'> & { exclude: readonly string[] },
): Promise<AuditEvent[]> {
  let query = tables(db).selectFrom('audit_events').selectAll().where('account_id', '=', accountId)
  for (const pattern of exclude) {
    if (pattern.endsWith('.')) query = query.where('action', 'not like', `${pattern}%`)
    else if (pattern.startsWith('.')) query = query.where('action', 'not like', `%${pattern}`)
    else query = query.where('action', '<>', pattern)
  }
  const rows = await newestFirstBefore(query, { at: 'occurred_at', before, limit }).execute()
  return rows.map(toEvent)
}

/** The accounts one actor viewed most recently, newest first, each once, with when. */
export async function recentAccountViews(
  db: Db | Tx,
  { actorId, limit }: { actorId: string; limit: number },
): Promise<{ account_id: string; viewed_at: Date }[]> {
  const result = await sql<{ account_id: string; viewed_at: Date }>`
    select account_id, max(occurred_at) as viewed_at
    from audit_events
    where actor_id = ${actorId} and action = 'accounts.account.viewed' and account_id is not null
    group by account_id
    order by max(seq) desc
    limit ${limit}`.execute(db)
  return result.rows
}
