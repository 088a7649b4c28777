import { createHash } from 'node:crypto'

/** The hash the first event links to. */
export const genesisHash = '0'.repeat(64)

/** JSON with object keys sorted at every depth and bigints as strings, so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value))
}

function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(normalise)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) out[key] = normalise(item)
    }
    return out
  }
  return value
}

export interface HashedContent {
  readonly id: string
  readonly occurredAt: Date
  readonly actorKind: string
  readonly actorId: string | null
  readonly action: string
  readonly subjectType: string
  readonly subjectId: string
  readonly accountId: string | null
  readonly before: unknown
  readonly after: unknown
  readonly context: unknown
}

/** The hash of one event: its content and the previous event's hash. Pure. */
export function eventHash(prevHash: string, event: HashedContent): string {
  const content = canonicalJson([
    prevHash,
    event.id,
    event.occurredAt.toISOString(),
    event.actorKind,
    event.actorId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.accountId,
    event.before ?? null,
    event.after ?? null,
    event.context ?? {},
  ])
  return createHash('sha256').update(content).digest('hex')
}
