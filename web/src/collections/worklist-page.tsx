/**
 * The collections worklist (COL-1) for collections specialists: accounts past due, most overdue
 * first, with the last dunning step taken, protections (PSR, vulnerable), whether an arrangement is
 * in place and whether a disconnection order is pending. Each links to the account's Collections tab.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { messageOf } from '../payments/payment-format.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatLondonDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
import { PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import { worklist as fetchWorklist, type Worklist, worklistPermission } from './collections-api.js'
import { actionLabel, registerLabel } from './collections-format.js'

// Kept in collections-api.ts so the shell's navigation can name it without loading this page.
export { worklistPermission }

const limits = [50, 100, 250, 500]

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded'; worklist: Worklist }

export function WorklistPage() {
  const { user } = useSession()
  if (!user.permissions.includes(worklistPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Collections worklist</h1>
        </header>
        <p className="callout callout-info">The collections worklist needs the collections specialist role.</p>
      </div>
    )
  }
  return <WorklistTable />
}

function WorklistTable() {
  const api = useApi()
  const [limit, setLimit] = useState(100)
  const query = useQuery({ queryKey: ['collections', 'worklist', limit], queryFn: () => fetchWorklist(api, { limit }) })
  // A refresh shows the skeleton again, as it always has: the list is re-read, not patched.
  const state: State = query.isFetching
    ? { status: 'loading' }
    : query.isError
      ? { status: 'failed', message: messageOf(query.error, 'The worklist could not be loaded.') }
      : query.data
        ? { status: 'loaded', worklist: query.data }
        : { status: 'loading' }

  const items = state.status === 'loaded' ? state.worklist.items : []

  return (
    <div className="page worklist-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Collections worklist</h1>
          <p className="page-lede">
            Accounts with charges past due, most overdue first
            {state.status === 'loaded' ? ` on ${formatCalendarDate(state.worklist.on)}` : ''}. Protected households are
            never escalated or disconnected.
          </p>
        </div>
        <div className="button-row">
          <label className="visually-hidden" htmlFor="worklist-limit">
            How many accounts
          </label>
          <select
            id="worklist-limit"
            className="input input-compact input-inline"
            value={limit}
            onChange={(event) => setLimit(Number(event.target.value))}
          >
            {limits.map((value) => (
              <option key={value} value={value}>
                Up to {value}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            onClick={() => void query.refetch()}
            disabled={state.status === 'loading'}
          >
            Refresh
          </button>
        </div>
      </header>

      <PanelPending state={state} loading={<SkeletonCard label="Loading the worklist…" />} />
      {state.status === 'loaded' && (
        <Panel
          title="Past due"
          aside={
            <span className="muted" data-testid="worklist-count">
              {items.length} {items.length === 1 ? 'account' : 'accounts'}
            </span>
          }
          flush
        >
          {items.length === 0 ? (
            <p className="empty" data-testid="worklist-empty">
              No account has anything past due.
            </p>
          ) : (
            <DataTable
              caption="Accounts past due, most overdue first"
              columns={[
                'Account',
                'Customer',
                { label: 'Past due', numeric: true },
                { label: 'Days', numeric: true },
                'Last step',
                'Standing',
              ]}
            >
              {items.map((item) => (
                <tr key={item.accountId} data-testid="worklist-row" data-account={item.accountNumber}>
                  <td className="nowrap">
                    <Link to={`${paths.account(item.accountNumber)}?tab=collections`} className="mono">
                      {item.accountNumber}
                    </Link>
                  </td>
                  <td>{item.name}</td>
                  <td className="numeric">{formatMinor(item.pastDueMinor)}</td>
                  <td className="numeric">
                    {item.daysPastDue}
                    <span className="visually-hidden"> days past due, since {item.oldestPastDueOn}</span>
                  </td>
                  <td>
                    {actionLabel(item.lastAction)}
                    {item.lastActionAt && (
                      <span className="muted block">{formatLondonDateTime(item.lastActionAt)}</span>
                    )}
                  </td>
                  <td>
                    <span className="chip-list">
                      {item.protectedBy.map((register) => (
                        <span key={register} className="chip chip-warning">
                          {registerLabel(register)}
                        </span>
                      ))}
                      {item.arrangement && <span className="chip chip-info">Arrangement</span>}
                      {item.disconnectionPending && <span className="chip chip-danger">Disconnection pending</span>}
                      {item.protectedBy.length === 0 && !item.arrangement && !item.disconnectionPending && (
                        <span className="muted">—</span>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Panel>
      )}
    </div>
  )
}
