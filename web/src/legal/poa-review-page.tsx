/**
 * The legal team's queue of power-of-attorney documents (USR-2): every document waiting for review,
 * oldest first, with the account, the attorney, when it was uploaded and what it is. Approving gives
 * the attorney full proxy access; rejecting revokes the request and needs a reason. Each decision is
 * confirmed in a dialog first, and the server records it in the audit log.
 */
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { NoteDecisionDialog } from '../shared/dialog-decision.js'
import { formatLocalDateTime } from '../shared/format.js'
import { QueueCard, ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import {
  decidePoaDocument,
  type PendingPoaDocument,
  type PoaDecision,
  pendingPoaDocuments,
  poaReviewPermission,
} from './legal-api.js'

type Deciding = { document: PendingPoaDocument; decision: PoaDecision }

export function PoaReviewPage() {
  return (
    <PermissionGate
      permission={poaReviewPermission}
      title="Power of attorney"
      refusal="Reviewing power-of-attorney documents needs the legal reviewer role."
    >
      <PoaQueue />
    </PermissionGate>
  )
}

function PoaQueue() {
  const api = useApi()
  const [deciding, setDeciding] = useState<Deciding | null>(null)
  const {
    state,
    data: documents = [],
    decided,
  } = useReviewQueue({
    queryKey: ['poa-documents'],
    queryFn: () => pendingPoaDocuments(api),
    failure: 'The documents could not be loaded.',
    // An approval gives the attorney access to the account.
    invalidates: [['account']],
  })

  async function shown(text: string) {
    setDeciding(null)
    await decided(text)
  }

  return (
    <ReviewQueue
      className="poa-review-page"
      testId="poa-review-page"
      title="Power of attorney"
      lede="Documents waiting for the legal team, oldest first. The attorney has no access to the account until the document is approved; a rejection needs a reason."
      state={state}
      outcomeTestId="poa-outcome"
      loadingLabel="Loading documents…"
    >
      <QueueCard
        titleId="poa-documents-title"
        title="Waiting for review"
        count={`${documents.length} waiting`}
        countTestId="poa-count"
        empty={documents.length === 0 && 'No power-of-attorney documents are waiting.'}
        emptyTestId="poa-empty"
      >
        <DataTable
          caption="Power-of-attorney documents waiting for review, oldest first"
          columns={['Account', 'Attorney', 'Uploaded', 'Document', 'Decision']}
        >
          {documents.map((document) => (
            <tr
              key={document.id}
              data-testid="poa-document"
              data-id={document.id}
              data-account={document.accountNumber}
              data-attorney={document.attorney.email}
            >
              <td className="nowrap">
                <Link to={paths.account(document.accountNumber)} className="mono">
                  {document.accountNumber}
                </Link>
              </td>
              <td>
                <div>{document.attorney.displayName}</div>
                <div className="muted">{document.attorney.email}</div>
              </td>
              <td className="nowrap">{formatLocalDateTime(document.submittedAt)}</td>
              <td>{document.description}</td>
              <td>
                <div className="button-row">
                  {(['approve', 'reject'] as const).map((decision) => (
                    <button
                      key={decision}
                      type="button"
                      className={decision === 'approve' ? 'button button-primary button-small' : 'button button-small'}
                      onClick={() => setDeciding({ document, decision })}
                      data-testid={`poa-${decision}`}
                    >
                      {decision === 'approve' ? 'Approve' : 'Reject'}
                      <span className="visually-hidden"> the document for {document.attorney.displayName}</span>
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </QueueCard>

      {deciding && <DecisionDialog {...deciding} onClose={() => setDeciding(null)} onDecided={shown} />}
    </ReviewQueue>
  )
}

function DecisionDialog({
  document,
  decision,
  onClose,
  onDecided,
}: Deciding & {
  onClose: () => void
  onDecided: (text: string) => Promise<void>
}) {
  const api = useApi()
  const approving = decision === 'approve'
  const attorney = document.attorney.displayName
  return (
    <NoteDecisionDialog
      title={approving ? 'Approve power of attorney' : 'Reject power of attorney'}
      testId={{
        dialog: 'poa-decision-dialog',
        note: 'poa-decision-note',
        problem: 'poa-decision-problem',
        error: 'poa-decision-error',
        confirm: 'poa-decision-confirm',
      }}
      onClose={onClose}
      noteLabel={approving ? 'Note (optional)' : 'Reason for rejecting'}
      missingNote={approving ? undefined : 'Say why the document is rejected.'}
      decide={(note) => decidePoaDocument(api, { documentId: document.id, decision, ...(note ? { note } : {}) })}
      outcome={
        approving
          ? `Approved: ${attorney} now has power-of-attorney access to ${document.accountNumber}.`
          : `Rejected: ${attorney} has no access to ${document.accountNumber}.`
      }
      onDecided={onDecided}
      failure="The decision could not be saved."
      confirmLabel={approving ? 'Confirm approval' : 'Confirm rejection'}
      tone={approving ? 'primary' : 'danger'}
    >
      <p data-testid="poa-decision-summary">
        {approving
          ? `${attorney} (${document.attorney.email}) will be able to act for the customer on ${document.accountNumber} in all matters.`
          : `${attorney} (${document.attorney.email}) will not be given access to ${document.accountNumber}.`}
      </p>
      <p className="muted">Document: {document.description}</p>
    </NoteDecisionDialog>
  )
}
