/**
 * The account's standing in the header: whether it is open or closed (`StatusChip`), and the
 * status colour (ACC-6, `AccountStatusColour`) the server computes from rules — green, yellow, red
 * or gray — with every reason that applies. The colour is fetched again whenever a screen says the
 * account's money changed (`announceAccountChanged`).
 */
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useApi } from '../console-context.js'
import {
  accountStatusColour,
  type StatusColour,
  type AccountStatusColour as StatusColourResult,
} from '../payments/payments-api.js'
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

type State = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; result: StatusColourResult }

/** The status colour chip with its reasons listed beside it. */
export function AccountStatusColour({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const reasonsId = useId()
  // Under `['account', n]`, so the app refetches it whenever a screen says the account changed.
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'status-colour'],
    queryFn: () => accountStatusColour(api, { accountNumber }),
  })
  // The colour is a summary of what the tabs show in full: without it the header still works.
  const state: State = loaded.isPending
    ? { status: 'loading' }
    : loaded.isError
      ? { status: 'failed' }
      : { status: 'loaded', result: loaded.data }

  if (state.status === 'loading') {
    return (
      <span className="status-colour" aria-busy="true">
        <span className="chip chip-neutral">Checking standing…</span>
      </span>
    )
  }
  if (state.status === 'failed') {
    return (
      <span className="status-colour">
        <span className="chip chip-neutral" title="The status colour could not be loaded">
          Standing unknown
        </span>
      </span>
    )
  }

  const { colour, reasons } = state.result
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
