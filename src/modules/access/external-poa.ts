/**
 * Powers of attorney: the documents waiting for legal review, and the review that activates or
 * rejects the grant they support.
 */
import type { Change, Db, Tx } from '../../db/index.js'
import * as audit from '../audit/index.js'
import * as store from './external-store.js'
import { PoaAlreadyReviewed, PoaDocumentNotFound, PoaRejectionReasonRequired } from './external-users.js'

/** The power-of-attorney documents waiting for legal review, oldest first. */
export async function pendingPoaDocuments({ tx }: { tx: Db | Tx }) {
  const rows = await store.pendingPoaDocuments(tx)
  return rows.map((row) => ({
    id: row.id,
    accountNumber: row.account_number,
    grantId: row.grant_id,
    attorney: { email: row.email, displayName: row.display_name },
    description: row.description,
    submittedAt: row.submitted_at,
  }))
}

/** The legal team's decision on one power-of-attorney document; a rejection says why in `note`. */
export type PoaReview = Change & { documentId: string; decision: 'approve' | 'reject'; note?: string | undefined }

/**
 * Approve or reject a power-of-attorney document: approval makes the grant active, rejection revokes
 * it, and needs the reason in `note` (the attorney and the agent are told why). The caller checks the
 * reviewer holds `legal.poa.review`.
 * @throws PoaDocumentNotFound, PoaAlreadyReviewed, PoaRejectionReasonRequired
 */
export async function reviewPoaDocument({ tx, documentId, decision, note, actor, at }: PoaReview) {
  if (decision === 'reject' && !note?.trim()) {
    throw new PoaRejectionReasonRequired('Say why the document is rejected', [
      { path: 'note', message: 'a reason is required to reject a document' },
    ])
  }
  const document = await store.findPoaDocument(tx, documentId)
  if (!document) throw new PoaDocumentNotFound(`There is no power-of-attorney document ${documentId}`)
  if (document.status !== 'pending') throw new PoaAlreadyReviewed(`The document was already ${document.status}`)
  const status = decision === 'approve' ? 'approved' : 'rejected'
  await store.updatePoaDocument(tx, documentId, {
    status,
    reviewed_at: at,
    reviewed_by_id: actor.id,
    review_note: note?.trim() || null,
  })
  const grantStatus = decision === 'approve' ? 'active' : 'revoked'
  await store.updateGrant(tx, document.grant_id, { status: grantStatus, status_at: at })
  await audit.record(tx, {
    actor,
    action: decision === 'approve' ? 'legal.poa.approved' : 'legal.poa.rejected',
    subject: { type: 'poa_document', id: documentId },
    accountId: document.account_id,
    before: { status: 'pending', grant: 'pending_approval' },
    after: { status, grant: grantStatus, note: note ?? null },
    at,
  })
  return { id: documentId, status, grantId: document.grant_id, grantStatus }
}
