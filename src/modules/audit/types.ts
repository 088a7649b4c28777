import type { Actor } from '../../shared/actor.js'
import type { HashedContent } from './chain.js'

export interface AuditEventInput {
  readonly actor: Actor
  /** `<module>.<noun>.<verb in the past>`, e.g. `accounts.note.added`. */
  readonly action: string
  readonly subject: { readonly type: string; readonly id: string }
  readonly accountId?: string | null
  readonly before?: unknown
  readonly after?: unknown
  /** Anything else worth keeping: the sections viewed, the search text, the client address. */
  readonly context?: Record<string, unknown>
  readonly at: Date
  /**
   * For events that record a read (a view, a search): commit without waiting for the disk flush.
   * A crash can lose only the last few milliseconds of such events, always a suffix of the chain,
   * so the chain stays valid; changes keep the default, fully durable commit.
   */
  readonly relaxedDurability?: boolean
}

/** A recorded event: the content its hash covers, its place in the chain and the hashes. */
export interface AuditEvent extends HashedContent {
  readonly seq: bigint
  readonly actorKind: Actor['kind']
  readonly context: Record<string, unknown>
  readonly prevHash: string
  readonly hash: string
}

export type ChainReport =
  | { readonly ok: true; readonly checked: number; readonly lastHash: string }
  | {
      readonly ok: false
      readonly checked: number
      /** The first event whose link does not hold. */
      readonly brokenAtSeq: bigint
      readonly eventId: string
      readonly reason: 'content_changed' | 'link_broken'
      readonly message: string
    }
