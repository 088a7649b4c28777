/**
 * The supervisors' queue of accounts flagged for review after repeated failed verification ("Flag the
 * account for supervisor review", USR-4), oldest first. Clearing a flag needs a note of what was
 * found; it is confirmed in a dialog and recorded in the audit log by the server.
 */
import { type FormEvent, useCallback, useId, useState } from 'react'
import { reviewFlagReason } from '../accounts/review-flag-banner.js'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Dialog } from '../payments/dialog.js'
import { Link, paths } from '../router.js'
import { formatLondonDateTime } from '../shared/format.js'
import { ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import {
  clearReviewFlag,
  clearReviewFlagPermission,
  openReviewFlags,
  type ReviewFlagItem,
  reviewFlagsPermission,
} from './review-flags-api.js'

export function ReviewFlagsPage() {
  const { user } = useSession()
  if (!user.permissions.includes(reviewFlagsPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Review flags</h1>
        </header>
        <p className="callout callout-info">The review-flag queue is for supervisors.</p>
      </div>
    )
  }
  return <FlagQueue canClear={user.permissions.includes(clearReviewFlagPermission)} />
}

function FlagQueue({ canClear }: { canClear: boolean }) {
  const api = useApi()
  const [clearing, setClearing] = useState<ReviewFlagItem | null>(null)
  const load = useCallback(() => openReviewFlags(api), [api])
  const {
    queue,
    items: flags,
    outcome,
    outcomeRef,
    reload,
    decided,
  } = useReviewQueue(load, 'The review flags could not be loaded.')

  async function cleared(text: string) {
    setClearing(null)
    await decided(text)
  }

  return (
    <ReviewQueue
      className="review-flags-page"
      testId="review-flags-page"
      title="Review flags"
      lede="Accounts flagged after repeated failed identity verification, oldest first. Each stays flagged, with a banner on the account, until a supervisor clears it with a note."
      queue={queue}
      onRefresh={() => void reload()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="review-flag-outcome"
      loadingLabel="Loading review flags…"
    >
      {queue.status === 'loaded' && (
        <section className="card card-flush" aria-labelledby="review-flags-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="review-flags-title">
              Open flags
            </h2>
            <span className="muted" data-testid="review-flag-count">
              {flags.length} open
            </span>
          </header>
          {flags.length === 0 ? (
            <p className="empty" data-testid="review-flags-empty">
              No accounts are flagged for review.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Accounts flagged for supervisor review, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Customer</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Raised</th>
                    {canClear && <th scope="col">Review</th>}
                  </tr>
                </thead>
                <tbody>
                  {flags.map((flag) => (
                    <tr key={flag.id} data-testid="review-flag" data-id={flag.id} data-account={flag.accountNumber}>
                      <td className="nowrap">
                        <Link to={paths.account(flag.accountNumber)} className="mono">
                          {flag.accountNumber}
                        </Link>
                      </td>
                      <td>{flag.customerName}</td>
                      <td>{reviewFlagReason(flag.reason)}</td>
                      <td className="nowrap">{formatLondonDateTime(flag.raisedAt)}</td>
                      {canClear && (
                        <td>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setClearing(flag)}
                            data-testid="review-flag-clear"
                          >
                            Clear
                            <span className="visually-hidden"> the flag on {flag.accountNumber}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {clearing && <ClearDialog flag={clearing} onClose={() => setClearing(null)} onCleared={cleared} />}
    </ReviewQueue>
  )
}

function ClearDialog({
  flag,
  onClose,
  onCleared,
}: {
  flag: ReviewFlagItem
  onClose: () => void
  onCleared: (text: string) => Promise<void>
}) {
  const api = useApi()
  const ids = useId()
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    setError(null)
    if (!note.trim()) {
      setProblem('Say what you found: who the caller was and what you checked.')
      return
    }
    setProblem(null)
    setSending(true)
    try {
      await clearReviewFlag(api, { flagId: flag.id, note: note.trim() })
      await onCleared(`Cleared: ${flag.accountNumber} is no longer flagged for review.`)
    } catch (caught) {
      setSending(false)
      if (caught instanceof ApiError) {
        const fields = caught.fieldProblems()
        const noteProblem = fields['note'] ?? fields['body.note']
        if (noteProblem) setProblem(noteProblem)
        else setError(caught.message)
      } else {
        setError('The flag could not be cleared.')
      }
    }
  }

  return (
    <Dialog title="Clear review flag" onClose={onClose} testId="review-flag-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p>
          {flag.customerName} ({flag.accountNumber}) was flagged after {reviewFlagReason(flag.reason)} on{' '}
          {formatLondonDateTime(flag.raisedAt)}.
        </p>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-note`}>
            What you found
          </label>
          <textarea
            id={`${ids}-note`}
            className="input textarea"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids}-note-error` : undefined}
            data-testid="review-flag-note"
          />
          {problem && (
            <span className="field-error" id={`${ids}-note-error`} data-testid="review-flag-problem">
              {problem}
            </span>
          )}
        </div>
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="review-flag-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="review-flag-confirm">
            {sending ? 'Saving…' : 'Clear the flag'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
