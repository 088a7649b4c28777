/**
 * USR-4: while a "flag for supervisor review" is open (repeated failed verification), every page of the
 * account says so, so nobody shares account details before the caller is verified. Supervisors get a
 * link to the review queue, where they clear it.
 */
import type { AccountReviewFlag } from '../api.js'
import { useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatLocalDateTime } from '../shared/format.js'

const reasonLabels: Record<string, string> = {
  repeated_verification_failures: 'repeated failed identity verification',
}

/** The reason of a review flag in words. */
export function reviewFlagReason(reason: string): string {
  return reasonLabels[reason] ?? reason.replaceAll('_', ' ')
}

export function ReviewFlagBanner({ flags }: { flags: readonly AccountReviewFlag[] }) {
  const { user } = useSession()
  if (flags.length === 0) return null
  return (
    <div className="banner review-flag-banner" role="alert" data-testid="review-flag-banner">
      {flags.map((flag) => (
        <div className="banner-row" key={flag.id}>
          <span>
            <strong>Flagged for supervisor review</strong> after {reviewFlagReason(flag.reason)} (
            {formatLocalDateTime(flag.raisedAt)}). Verify the caller fully before sharing anything.
          </span>
          {user.permissions.includes('accounts.review_flag.read') && <Link to={paths.reviewFlags()}>Review flags</Link>}
        </div>
      ))}
    </div>
  )
}
