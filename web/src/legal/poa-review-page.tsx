/**
 * The legal team's queue of power-of-attorney documents (USR-2): every document waiting for review,
 * oldest first, with the account, the attorney, when it was uploaded and what it is. Approving gives
 * the attorney full proxy access; rejecting revokes the request and needs a reason. Each decision is
 * confirmed in a dialog first, and the server records it in the audit log.
 */
import { type FormEvent, useCallback, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Dialog } from '../payments/dialog.js'
import { Link, paths } from '../router.js'
import { formatLondonDateTime } from '../shared/format.js'
import { ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import {
  decidePoaDocument,
  type PendingPoaDocument,
  type PoaDecision,
  pendingPoaDocuments,
  poaReviewPermission,
} from './legal-api.js'

type Deciding = { document: PendingPoaDocument; decision: PoaDecision }

export function PoaReviewPage() {
  const { user } = useSession()
  if (!user.permissions.includes(poaReviewPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Power of attorney</h1>
        </header>
        <p className="callout callout-info">Reviewing power-of-attorney documents needs the legal reviewer role.</p>
      </div>
    )
  }
  return <PoaQueue />
}

function PoaQueue() {
  const api = useApi()
  const [deciding, setDeciding] = useState<Deciding | null>(null)
  const load = useCallback(() => pendingPoaDocuments(api), [api])
  const {
    queue,
    items: documents,
    outcome,
    outcomeRef,
    reload,
    decided: shown,
  } = useReviewQueue(load, 'The documents could not be loaded.')

  async function decided(text: string) {
    setDeciding(null)
    await shown(text)
  }

  return (
    <ReviewQueue
      className="poa-review-page"
      testId="poa-review-page"
      title="Power of attorney"
      lede="Documents waiting for the legal team, oldest first. The attorney has no access to the account until the document is approved; a rejection needs a reason."
      queue={queue}
      onRefresh={() => void reload()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="poa-outcome"
      loadingLabel="Loading documents…"
    >
      {queue.status === 'loaded' && (
        <section className="card card-flush" aria-labelledby="poa-documents-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="poa-documents-title">
              Waiting for review
            </h2>
            <span className="muted" data-testid="poa-count">
              {documents.length} waiting
            </span>
          </header>
          {documents.length === 0 ? (
            <p className="empty" data-testid="poa-empty">
              No power-of-attorney documents are waiting.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">
                  Power-of-attorney documents waiting for review, oldest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Attorney</th>
                    <th scope="col">Uploaded</th>
                    <th scope="col">Document</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
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
                      <td className="nowrap">{formatLondonDateTime(document.submittedAt)}</td>
                      <td>{document.description}</td>
                      <td>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button-primary button-small"
                            onClick={() => setDeciding({ document, decision: 'approve' })}
                            data-testid="poa-approve"
                          >
                            Approve
                            <span className="visually-hidden"> the document for {document.attorney.displayName}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setDeciding({ document, decision: 'reject' })}
                            data-testid="poa-reject"
                          >
                            Reject
                            <span className="visually-hidden"> the document for {document.attorney.displayName}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {deciding && (
        <DecisionDialog
          document={deciding.document}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={decided}
        />
      )}
    </ReviewQueue>
  )
}

function DecisionDialog({
  document,
  decision,
  onClose,
  onDecided,
}: {
  document: PendingPoaDocument
  decision: PoaDecision
  onClose: () => void
  onDecided: (text: string) => Promise<void>
}) {
  const api = useApi()
  const ids = useId()
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const approving = decision === 'approve'
  const attorney = document.attorney.displayName

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    setError(null)
    if (!approving && !note.trim()) {
      setProblem('Say why the document is rejected.')
      return
    }
    setProblem(null)
    setSending(true)
    try {
      await decidePoaDocument(api, { documentId: document.id, decision, ...(note.trim() ? { note: note.trim() } : {}) })
      await onDecided(
        approving
          ? `Approved: ${attorney} now has power-of-attorney access to ${document.accountNumber}.`
          : `Rejected: ${attorney} has no access to ${document.accountNumber}.`,
      )
    } catch (caught) {
      setSending(false)
      if (caught instanceof ApiError) {
        const fields = caught.fieldProblems()
        if (fields['note']) setProblem(fields['note'])
        else setError(caught.message)
      } else {
        setError('The decision could not be saved.')
      }
    }
  }

  return (
    <Dialog
      title={approving ? 'Approve power of attorney' : 'Reject power of attorney'}
      onClose={onClose}
      testId="poa-decision-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p data-testid="poa-decision-summary">
          {approving
            ? `${attorney} (${document.attorney.email}) will be able to act for the customer on ${document.accountNumber} in all matters.`
            : `${attorney} (${document.attorney.email}) will not be given access to ${document.accountNumber}.`}
        </p>
        <p className="muted">Document: {document.description}</p>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-note`}>
            {approving ? 'Note (optional)' : 'Reason for rejecting'}
          </label>
          <textarea
            id={`${ids}-note`}
            className="input textarea"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            required={!approving}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids}-note-error` : undefined}
            data-testid="poa-decision-note"
          />
          {problem && (
            <span className="field-error" id={`${ids}-note-error`} data-testid="poa-decision-problem">
              {problem}
            </span>
          )}
        </div>
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="poa-decision-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${approving ? 'button-primary' : 'button-danger'}`}
            disabled={sending}
            data-testid="poa-decision-confirm"
          >
            {sending ? 'Saving…' : approving ? 'Confirm approval' : 'Confirm rejection'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
