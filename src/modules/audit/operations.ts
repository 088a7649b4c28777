import { requireTransaction, type Tx } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { canonicalJson, eventHash, genesisHash } from './chain.js'
import * as store from './store.js'
import type { AuditEventInput } from './types.js'

/**
 * Record one audit event inside the caller's transaction, linked to the chain: it lands if and only
 * if the change it describes lands. Call it last in the transaction, since it holds the chain's lock
 * until commit.
 */
export async function record(tx: Tx, input: AuditEventInput): Promise<{ id: string; hash: string }> {
  const [recorded] = await recordMany(tx, [input])
  if (!recorded) throw new Error('unreachable: one event in, one out')
  return recorded
}

/** Record several events in order with one lock and one insert (bulk imports, the demo seeder). */
export async function recordMany(tx: Tx, inputs: readonly AuditEventInput[]): Promise<{ id: string; hash: string }[]> {
  if (inputs.length === 0) return []
  // The chain's lock is held until commit: on a pool handle it would end after one statement.
  requireTransaction(tx, 'Recording an audit event')
  const relaxed = inputs.every((input) => input.relaxedDurability === true)
  let prevHash = (await store.lockChainHead(tx, relaxed)) ?? genesisHash
  const rows: store.EventRow[] = []
  for (const input of inputs) {
    const row = chainedRow(prevHash, input)
    rows.push(row)
    prevHash = row.hash
  }
  await store.insertEvents(tx, rows)
  return rows.map((row) => ({ id: row.id, hash: row.hash }))
}

function chainedRow(prevHash: string, input: AuditEventInput): store.EventRow {
  // The database keeps microseconds, a Date milliseconds: hash what will be read back.
  const occurredAt = new Date(input.at.getTime())
  const before = input.before === undefined ? null : JSON.parse(canonicalJson(input.before))
  const after = input.after === undefined ? null : JSON.parse(canonicalJson(input.after))
  const context = JSON.parse(canonicalJson(input.context ?? {}))
  const content = {
    id: newId('evt'),
    occurredAt,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    accountId: input.accountId ?? null,
    before,
    after,
    context,
  }
  const hash = eventHash(prevHash, content)
  return {
    id: content.id,
    occurred_at: occurredAt,
    actor_kind: content.actorKind,
    actor_id: content.actorId,
    action: content.action,
    subject_type: content.subjectType,
    subject_id: content.subjectId,
    account_id: content.accountId,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    context: JSON.stringify(context),
    prev_hash: prevHash,
    hash,
  }
}
