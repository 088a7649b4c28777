/**
 * COM-4: suggested-reply drafts — stored, reviewed by a person (who may edit), marked sent or
 * discarded. Each change is audited in the caller's transaction. Sending itself is the use case's:
 * it checks the draft here, sends through comms in the same transaction, and marks the draft sent.
 */
import type { AccountChange, Tx } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import * as store from './store.js'
import {
  type Classification,
  type ComposedReply,
  DraftClosed,
  DraftNotReviewed,
  InvalidDraft,
  ReviewerNotAPerson,
  replyTemplate,
  type SuggestedReply,
  SuggestedReplyNotFound,
} from './types.js'

const maxBodyLength = 10_000

/** Record a change to a draft as an audit event, in the caller's transaction. */
function recordOnDraft(tx: Tx, draftId: string, event: Omit<audit.AuditEventInput, 'subject'>): Promise<unknown> {
  return audit.record(tx, { ...event, subject: { type: 'suggested_reply', id: draftId } })
}

async function lockDraft(tx: Tx, accountId: string, inboundMessageId: string): Promise<store.DraftRow> {
  const row = await store.draftForMessage(tx, accountId, inboundMessageId, true)
  if (!row) throw new SuggestedReplyNotFound(`There is no suggested reply to the message ${inboundMessageId}`)
  return row
}

function refuseIfClosed(row: store.DraftRow, doing: string): void {
  if (row.status === 'sent' || row.status === 'discarded') {
    throw new DraftClosed(`The suggested reply ${row.id} was ${row.status}: it cannot be ${doing}`, {
      draftId: row.id,
      status: row.status,
    })
  }
}

/**
 * Store the suggested reply to an inbound message as a draft, unless it already has one (which is
 * returned, unchanged, with `created: false`).
 * @throws InvalidDraft for an empty or over-long subject or body
 */
export async function saveDraft({
  tx,
  accountId,
  inboundMessageId,
  classification,
  reply,
  actor,
  at,
}: AccountChange & {
  inboundMessageId: string
  classification: Classification
  reply: ComposedReply
}): Promise<{ draft: SuggestedReply; created: boolean }> {
  const existing = await store.draftForMessage(tx, accountId, inboundMessageId)
  if (existing) return { draft: store.toSuggestedReply(existing), created: false }
  const problems: { path: string; message: string }[] = []
  if (reply.subject.trim().length === 0 || reply.subject.length > 500)
    problems.push({ path: 'subject', message: '1 to 500 characters' })
  if (reply.body.trim().length === 0 || reply.body.length > maxBodyLength)
    problems.push({ path: 'body', message: `1 to ${maxBodyLength} characters` })
  if (problems.length > 0) throw new InvalidDraft('The suggested reply is not valid', problems)
  const row = await store.insertDraft(tx, {
    id: newId('sgr'),
    account_id: accountId,
    inbound_message_id: inboundMessageId,
    intent: classification.intent,
    confidence: classification.confidence.toFixed(3),
    template_key: replyTemplate,
    subject: reply.subject,
    body: reply.body,
    sources: reply.sources,
    status: 'draft',
    reviewed_by: null,
    reviewed_at: null,
    edited_body: null,
    sent_message_id: null,
    created_at: at,
    created_by: actor.id,
    updated_at: at,
  })
  await recordOnDraft(tx, row.id, {
    actor,
    action: 'assist.suggested_reply.drafted',
    accountId,
    after: {
      inboundMessageId,
      intent: classification.intent,
      confidence: classification.confidence,
      method: reply.sources.method,
      articles: reply.sources.articles.map((article) => `${article.id}@${article.version}`),
    },
    at,
  })
  return { draft: store.toSuggestedReply(row), created: true }
}

/**
 * Mark the draft reviewed by the person acting, with their edited text when they changed it (the
 * drafted text is kept as it was). Reviewing again replaces the edit; leaving `body` out keeps the
 * last one.
 * @throws SuggestedReplyNotFound, ReviewerNotAPerson, DraftClosed, InvalidDraft
 */
export async function reviewDraft({
  tx,
  accountId,
  inboundMessageId,
  body,
  actor,
  at,
}: AccountChange & {
  inboundMessageId: string
  /** The reviewer's text, when they edited the suggestion. */
  body?: string | undefined
}): Promise<SuggestedReply> {
  if (actor.kind !== 'staff') {
    throw new ReviewerNotAPerson('Only a member of staff can review a suggested reply', { actorKind: actor.kind })
  }
  const row = await lockDraft(tx, accountId, inboundMessageId)
  refuseIfClosed(row, 'reviewed')
  let edited = row.edited_body
  if (body !== undefined) {
    const text = body.trim()
    if (text.length === 0 || text.length > maxBodyLength) {
      throw new InvalidDraft('The reviewed reply is not valid', [
        { path: 'body', message: `1 to ${maxBodyLength} characters` },
      ])
    }
    edited = text === row.body.trim() ? null : text
  }
  const updated = await store.updateDraft(tx, row.id, {
    status: 'reviewed',
    reviewed_by: actor.id,
    reviewed_at: at,
    edited_body: edited,
    updated_at: at,
  })
  await recordOnDraft(tx, row.id, {
    actor,
    action: 'assist.suggested_reply.reviewed',
    accountId,
    before: { status: row.status, reviewedBy: row.reviewed_by, editedBody: row.edited_body },
    after: { status: 'reviewed', reviewedBy: actor.id, editedBody: edited },
    at,
  })
  return store.toSuggestedReply(updated)
}

/**
 * The draft, locked for the rest of the transaction, if it may be sent now: a person has reviewed it
 * and it is neither sent nor discarded. Its text to send is `editedBody ?? body`.
 * @throws SuggestedReplyNotFound, DraftNotReviewed, DraftClosed
 */
export async function draftToSend({
  tx,
  accountId,
  inboundMessageId,
}: {
  tx: Tx
  accountId: string
  inboundMessageId: string
}): Promise<SuggestedReply> {
  const row = await lockDraft(tx, accountId, inboundMessageId)
  refuseIfClosed(row, 'sent')
  if (row.status !== 'reviewed' || !row.reviewed_by) {
    throw new DraftNotReviewed(
      `The suggested reply ${row.id} has not been reviewed: a person must read it (and may edit it) before it is sent`,
      { draftId: row.id, status: row.status },
    )
  }
  return store.toSuggestedReply(row)
}

/**
 * Record that the reviewed draft went out as `messageId` (in the transaction that queued it).
 * @throws SuggestedReplyNotFound, DraftNotReviewed, DraftClosed
 */
export async function markDraftSent({
  tx,
  accountId,
  inboundMessageId,
  messageId,
  actor,
  at,
}: AccountChange & {
  inboundMessageId: string
  messageId: string
}): Promise<SuggestedReply> {
  const draft = await draftToSend({ tx, accountId, inboundMessageId })
  const updated = await store.updateDraft(tx, draft.id, { status: 'sent', sent_message_id: messageId, updated_at: at })
  await recordOnDraft(tx, draft.id, {
    actor,
    action: 'assist.suggested_reply.sent',
    accountId,
    before: { status: draft.status },
    after: { status: 'sent', messageId, edited: draft.editedBody !== null, reviewedBy: draft.reviewedBy },
    at,
  })
  return store.toSuggestedReply(updated)
}

/** Discard the suggestion (the agent answers some other way). @throws SuggestedReplyNotFound, DraftClosed */
export async function discardDraft({
  tx,
  accountId,
  inboundMessageId,
  actor,
  at,
}: AccountChange & {
  inboundMessageId: string
}): Promise<SuggestedReply> {
  const row = await lockDraft(tx, accountId, inboundMessageId)
  refuseIfClosed(row, 'discarded')
  const updated = await store.updateDraft(tx, row.id, { status: 'discarded', updated_at: at })
  await recordOnDraft(tx, row.id, {
    actor,
    action: 'assist.suggested_reply.discarded',
    accountId,
    before: { status: row.status },
    after: { status: 'discarded' },
    at,
  })
  return store.toSuggestedReply(updated)
}
