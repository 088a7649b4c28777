/**
 * The supervisors' queue of accounts flagged for review after repeated failed verification ("Flag the
 * account for supervisor review", USR-4), oldest first. Clearing a flag needs a note of what was
 * found; it is confirmed in a dialog and recorded in the audit log by the server.
 */
import { useState } from 'react'
import { reviewFlagReason } from '../accounts/review-flag-banner.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { NoteDecisionDialog } from '../shared/dialog-decision.js'
import { formatLocalDateTime } from '../shared/format.js'
import { QueueCard, ReviewQueue, useReviewQueue } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import {
  clearReviewFlag,
  clearReviewFlagPermission,
  openReviewFlags,
  type ReviewFlagItem,
  reviewFlagsPermission,
} from './review-flags-api.js'

export function ReviewFlagsPage() {
  return (
    <PermissionGate
      permission={reviewFlagsPermission}
      title="Review flags"
      refusal="The review-flag queue is for supervisors."
    >
      <FlagQueue />
    </PermissionGate>
  )
}

function FlagQueue() {
  const api = useApi()
  const { user } = useSession()
  const canClear = user.permissions.includes(clearReviewFlagPermission)
  const [clearing, setClearing] = useState<ReviewFlagItem | null>(null)
  const {
    state,
    data: flags = [],
    decided,
  } = useReviewQueue({
    queryKey: ['review-flags'],
    queryFn: () => openReviewFlags(api),
    failure: 'The review flags could not be loaded.',
    // A cleared flag takes the banner off its account.
    invalidates: [['account']],
  })

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
      state={state}
      outcomeTestId="review-flag-outcome"
      loadingLabel="Loading review flags…"
    >
      <QueueCard
        titleId="review-flags-title"
        title="Open flags"
        count={`${flags.length} open`}
        countTestId="review-flag-count"
        empty={flags.length === 0 && 'No accounts are flagged for review.'}
        emptyTestId="review-flags-empty"
      >
        <DataTable
          caption="Accounts flagged for supervisor review, oldest first"
          columns={['Account', 'Customer', 'Reason', 'Raised', ...(canClear ? ['Review'] : [])]}
        >
          {flags.map((flag) => (
            <tr key={flag.id} data-testid="review-flag" data-id={flag.id} data-account={flag.accountNumber}>
              <td className="nowrap">
                <Link to={paths.account(flag.accountNumber)} className="mono">
                  {flag.accountNumber}
                </Link>
              </td>
              <td>{flag.customerName}</td>
              <td>{reviewFlagReason(flag.reason)}</td>
              <td className="nowrap">{formatLocalDateTime(flag.raisedAt)}</td>
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
        </DataTable>
      </QueueCard>

      {clearing && (
        <NoteDecisionDialog
          title="Clear review flag"
          testId={{
            dialog: 'review-flag-dialog',
            note: 'review-flag-note',
            problem: 'review-flag-problem',
            error: 'review-flag-error',
            confirm: 'review-flag-confirm',
          }}
          onClose={() => setClearing(null)}
          noteLabel="What you found"
          missingNote="Say what you found: who the caller was and what you checked."
          decide={(note) => clearReviewFlag(api, { flagId: clearing.id, note: note ?? '' })}
          outcome={`Cleared: ${clearing.accountNumber} is no longer flagged for review.`}
          onDecided={cleared}
          failure="The flag could not be cleared."
          confirmLabel="Clear the flag"
        >
          <p>
            {clearing.customerName} ({clearing.accountNumber}) was flagged after {reviewFlagReason(clearing.reason)} on{' '}
            {formatLocalDateTime(clearing.raisedAt)}.
          </p>
        </NoteDecisionDialog>
      )}
    </ReviewQueue>
  )
}
