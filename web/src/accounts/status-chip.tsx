/**
 * The account's standing in the header: whether it is open or closed (`StatusChip`), and the
 * status colour (ACC-6, `AccountStatusColour`) the server computes from rules — green, yellow, red
 * or gray — with every reason that applies. It comes with the account overview, which is fetched
 * again whenever a screen says the account's money changed (`announceAccountChanged`).
 */
import { useId } from 'react'
import type { StatusColour, AccountStatusColour as StatusColourResult } from '../payments/payments-api.js'
import { capitalise } from '../shared/format.js'

/** The account's status as a small chip: open (active) or closed. */
export function StatusChip({ status }: { status: string }) {
  const tone = status === 'active' ? 'positive' : status === 'closed' ? 'neutral' : 'info'
  return <span className={`chip chip-${tone}`}>{capitalise(status)}</span>
}

const colourLabels: Record<StatusColour, string> = {
  green: 'Good standing',
  yellow: 'Keep an eye on it',
  red: 'Needs attention',
  gray: 'Inactive',
}

/** The reasons as agents read them (the server words them: "£231.68 past due since 1 October 2026"). */
export function describeReason({ detail }: { code: string; detail: string }): string {
  return detail
}

/**
 * The status colour chip with its reasons listed beside it, from the overview's `standing` (the same
 * request as the rest of the account: refetched whenever a screen says the account changed).
 */
export function AccountStatusColour({ standing }: { standing: StatusColourResult }) {
  const reasonsId = useId()
  const { colour, reasons } = standing
  return (
    <div className="status-colour" data-testid="status-colour" data-colour={colour}>
      <span
        className={`chip status-colour-chip status-colour-${colour}`}
        aria-describedby={reasons.length > 0 ? reasonsId : undefined}
      >
        <span className="status-colour-dot" aria-hidden="true" />
        {capitalise(colour)}
        <span className="status-colour-label">· {colourLabels[colour] ?? capitalise(colour)}</span>
      </span>
      {reasons.length > 0 && (
        <ul className="status-colour-reasons" id={reasonsId} data-testid="status-colour-reasons">
          {reasons.map((reason) => (
            <li key={`${reason.code}:${reason.detail}`} data-code={reason.code}>
              <span className={`status-colour-dot status-colour-${reason.colour}`} aria-hidden="true" />
              {describeReason(reason)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
