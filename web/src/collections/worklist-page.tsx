/**
 * The collections worklist (COL-1) for collections specialists: accounts past due, most overdue
 * first, with the last dunning step taken, protections (PSR, vulnerable), whether an arrangement is
 * in place and whether a disconnection order is pending. Each links to the account's Collections tab.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { worklist as fetchWorklist, worklistPermission } from './collections-api.js'
import { actionLabel, registerLabel } from './collections-format.js'

// Kept in collections-api.ts so the shell's navigation can name it without loading this page.
export { worklistPermission }

const limits = [50, 100, 250, 500]

export function WorklistPage() {
  return (
    <PermissionGate
      permission={worklistPermission}
      title="Collections worklist"
      refusal="The collections worklist needs the collections specialist role."
    >
      <WorklistTable />
    </PermissionGate>
  )
}

function WorklistTable() {
  const api = useApi()
  const [limit, setLimit] = useState(100)
  const query = useQuery({ queryKey: ['collections', 'worklist', limit], queryFn: () => fetchWorklist(api, { limit }) })
  // A refresh shows the skeleton again, as it always has: the list is re-read, not patched.
  const loaded = loadedOf(query, 'The worklist could not be loaded.', (worklist) => ({ worklist }))
  const state = query.isFetching ? { status: 'loading' as const } : loaded

  const items = state.status === 'loaded' ? state.worklist.items : []

  return (
    <div className="page worklist-page">
      <PageHeader
        title="Collections worklist"
        lede={
          <>
            Accounts with charges past due, most overdue first
            {state.status === 'loaded' ? ` on ${formatCalendarDate(state.worklist.on)}` : ''}. Protected households are
            never escalated or disconnected.
          </>
        }
      >
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
      </PageHeader>

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
                    <span className="visually-hidden">
                      {' '}
                      days past due, since {formatCalendarDate(item.oldestPastDueOn)}
                    </span>
                  </td>
                  <td>
                    {actionLabel(item.lastAction)}
                    {item.lastActionAt && <span className="muted block">{formatLocalDateTime(item.lastActionAt)}</span>}
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
