/**
 * Why a statement is held (BIL-3), in plain words, each with its technical cause one click away:
 * the statement's page, the held-statements queue, the statements list and the "Bill now" preview
 * all show them this way.
 */
import type { HoldReason } from '../api.js'

export function HoldReasonList({ reasons }: { reasons: readonly HoldReason[] }) {
  if (reasons.length === 0) return null
  return (
    <ul className="hold-reasons" data-testid="hold-reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {reason.message}
          {reason.detail && (
            <details className="hold-reason-detail">
              <summary>Technical detail</summary>
              <code>{reason.detail}</code>
            </details>
          )}
        </li>
      ))}
    </ul>
  )
}
