/** COM-4 reads: the suggested reply to an inbound message. Unaudited: the use cases record their views. */
import type { Db, Tx } from '../../db/index.js'
import * as store from './store.js'
import type { SuggestedReply } from './types.js'

/** The suggested reply to an inbound message, or undefined. Throws nothing. */
export async function findDraft({
  tx,
  accountId,
  inboundMessageId,
}: {
  tx: Db | Tx
  accountId: string
  inboundMessageId: string
}): Promise<SuggestedReply | undefined> {
  const row = await store.draftForMessage(tx, accountId, inboundMessageId)
  return row ? store.toSuggestedReply(row) : undefined
}
