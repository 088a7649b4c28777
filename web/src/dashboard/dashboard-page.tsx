/**
 * The dashboard (UI-1): a welcome and account search; the signed-in user's cases (with me, my team,
 * unassigned); pending tasks with links to where they are done (held statements, approvals, cases
 * waiting on the customer); the accounts they opened last; and their volumes today. Sections the
 * role may not see come from the server as null and are left out. Supervisors also get the agent
 * report over a range of dates, on screen or as CSV.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../api.js'
import { CaseList } from '../cases/case-list.js'
import { formatHandleTime } from '../comms/message-format.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatDuration } from '../shared/duration.js'
import { errorMessage, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate, formatLocalDateTime, localDateOf, localHourOf } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import { SearchBox } from '../shell/search-box.js'
import { agentReport, agentReportCsvUrl, agentReportPermission, type Dashboard, dashboard } from './dashboard-api.js'

function greeting(now: Date): string {
  const hour = localHourOf(now)
  if (hour < 12) return 'Good morning'
  if (hour < 18) return 'Good afternoon'
  return 'Good evening'
}

export function DashboardPage() {
  const api = useApi()
  const { user } = useSession()
  const firstName = user.displayName.split(' ')[0] ?? user.displayName
  const loaded = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dashboard(api),
    // Today's figures and recent accounts move with every call taken: fetched again on each visit.
    refetchOnMount: 'always',
  })
  const state = loadedOf(loaded, 'The dashboard could not be loaded.', (data) => ({ data }))

  return (
    <div className="page" data-testid="dashboard">
      <PageHeader
        title={`${greeting(new Date())}, ${firstName}`}
        lede="Find a customer by name, account number, postcode, email or phone."
      />

      <section className="card card-search" aria-label="Find an account">
        <SearchBox size="large" testId="dashboard-search-input" />
      </section>

      <PanelPending
        state={state}
        loading={
          <div className="dashboard-grid" aria-busy="true">
            <div className="card skeleton-card" />
            <div className="card skeleton-card" />
          </div>
        }
      />
      {state.status === 'loaded' && <DashboardSections data={state.data} />}

      {user.permissions.includes(agentReportPermission) && <AgentReportCard />}
    </div>
  )
}

function DashboardSections({ data }: { data: Dashboard }) {
  const { cases, pendingTasks, recentAccounts, today } = data
  return (
    <>
      <Panel
        title="Today"
        aside={<span className="muted">{formatCalendarDate(today.date)}</span>}
        testId="dashboard-today"
      >
        <dl className="volume-grid">
          <Volume label="Calls" value={String(today.calls)} testId="volume-calls" />
          <Volume
            label="Average handle time"
            value={today.averageHandleSeconds === null ? '—' : formatHandleTime(today.averageHandleSeconds)}
          />
          <Volume label="Messages sent" value={String(today.messagesSent)} testId="volume-messages" />
          <Volume
            label="Payments taken"
            value={`${today.paymentsTaken} · ${formatMinor(today.paymentsTakenMinor, today.currency)}`}
          />
          <Volume label="Cases opened" value={String(today.casesOpened)} testId="volume-cases-opened" />
          <Volume label="Cases resolved" value={String(today.casesResolved)} />
        </dl>
      </Panel>

      {cases && (
        <Panel
          title="Cases that need work"
          aside={<Link to={paths.cases()}>Open the cases queue</Link>}
          testId="dashboard-cases"
        >
          <h3 className="section-title">With me ({cases.assignedToMe.items.length})</h3>
          <CaseList
            cases={cases.assignedToMe.items}
            showAccount
            empty="No cases with you."
            testId="dashboard-my-cases"
          />
          <h3 className="section-title">With my team ({cases.assignedToMyTeam.items.length})</h3>
          <CaseList
            cases={cases.assignedToMyTeam.items}
            showAccount
            empty="No cases with your team."
            testId="dashboard-team-cases"
          />
          <h3 className="section-title">Unassigned ({cases.unassigned.items.length})</h3>
          <CaseList
            cases={cases.unassigned.items}
            showAccount
            empty="No unassigned cases."
            testId="dashboard-unassigned-cases"
          />
        </Panel>
      )}

      <div className="dashboard-grid">
        <Panel title="Pending tasks" testId="dashboard-tasks">
          <PendingTasks tasks={pendingTasks} />
        </Panel>

        {recentAccounts && (
          <Panel title="Recently viewed accounts">
            {recentAccounts.length === 0 ? (
              <p className="empty">Accounts you open will be listed here.</p>
            ) : (
              <ul className="row-list">
                {recentAccounts.map((account) => (
                  <li key={account.accountNumber}>
                    <Link to={paths.account(account.accountNumber)} className="row-link" data-testid="recent-account">
                      <span className="mono">{account.accountNumber}</span>
                      <span className="row-primary">{account.displayName}</span>
                      <time className="muted row-end" dateTime={account.viewedAt}>
                        {formatLocalDateTime(account.viewedAt)}
                      </time>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        )}
      </div>
    </>
  )
}

function Volume({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="volume">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  )
}

function PendingTasks({ tasks }: { tasks: Dashboard['pendingTasks'] }) {
  const { heldStatements, creditApprovals, casesWaiting } = tasks
  const none =
    (heldStatements?.length ?? 0) === 0 && (creditApprovals?.length ?? 0) === 0 && (casesWaiting?.length ?? 0) === 0
  return (
    <>
      {none && <p className="empty">Nothing waiting for you.</p>}
      <ul className="row-list" data-testid="pending-tasks">
        {heldStatements && heldStatements.length > 0 && (
          <li>
            <Link to={paths.heldStatements()} className="row-link" data-testid="task-held-statements">
              <span className="row-primary">
                {heldStatements.length} held statement{heldStatements.length === 1 ? '' : 's'} to review
              </span>
              <span className="muted row-end">Held statements</span>
            </Link>
          </li>
        )}
        {creditApprovals && creditApprovals.length > 0 && (
          <li>
            <Link to={paths.approvals()} className="row-link" data-testid="task-approvals">
              <span className="row-primary">
                {creditApprovals.length} credit{creditApprovals.length === 1 ? '' : 's'} or refund
                {creditApprovals.length === 1 ? '' : 's'} to approve
              </span>
              <span className="muted row-end">Approvals</span>
            </Link>
          </li>
        )}
        {casesWaiting?.map((item) => (
          <li key={item.id}>
            <Link to={paths.case(item.number)} className="row-link" data-testid="task-case">
              <span className="mono">{item.number}</span>
              <span className="row-primary">{item.subject}</span>
              <span className="muted row-end">Waiting on the customer</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}

function AgentReportCard() {
  const api = useApi()
  const today = localDateOf(new Date().toISOString())
  const form = useFormValues(() => ({ from: `${today.slice(0, 8)}01`, to: today }))
  const { from, to } = form.values
  // The dates the report was asked for: it is read (and cached) through react-query under them.
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null)
  const [found, setFound] = useState<Record<string, string>>({})
  const reportQuery = useQuery({
    queryKey: ['agent-report', asked],
    queryFn: () => agentReport(api, asked ?? { from, to }),
    enabled: asked !== null,
    // The last report stays on screen while the next one comes.
    placeholderData: keepPreviousData,
  })
  const report = reportQuery.data ?? null
  const loading = reportQuery.isFetching
  const problems = {
    ...found,
    ...(reportQuery.error instanceof ApiError ? reportQuery.error.fieldProblems() : {}),
  }
  const error = reportQuery.isError ? errorMessage(reportQuery.error, 'The report could not be made.') : null
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to

  function show() {
    if (loading) return
    if (!valid) {
      setFound({ to: 'Choose dates with the end on or after the start.' })
      return
    }
    setFound({})
    // Asking again for the same dates reads them again.
    if (asked?.from === from && asked.to === to) void reportQuery.refetch()
    else setAsked({ from, to })
  }

  return (
    <Panel
      title="Agent report"
      aside={<span className="muted">Calls, handle time, messages, payments and cases per person</span>}
      testId="agent-report"
    >
      <form className="form-inline-grid" onSubmit={submitted(show)} noValidate>
        <TextField {...form.bind('from', problems)} label="From" type="date" data-testid="report-from" />
        <TextField {...form.bind('to', problems)} label="To (included)" type="date" data-testid="report-to" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={loading} data-testid="report-show">
            {loading ? 'Loading…' : 'Show report'}
          </button>
          {valid ? (
            <a className="button" href={agentReportCsvUrl({ from, to })} download data-testid="report-csv">
              Download CSV
            </a>
          ) : (
            <span className="button" aria-disabled="true">
              Download CSV
            </span>
          )}
        </div>
      </form>
      <FormError error={error} live={false} />
      {report && (
        <DataTable
          caption={`Agent report ${formatCalendarDate(report.from)} to ${formatCalendarDate(report.to)}`}
          testId="report-table"
          columns={[
            'Person',
            'Calls',
            'Avg handle',
            'Messages',
            'Payments',
            'Cases opened',
            'Resolved',
            'Closure rate',
            'Mean resolution',
          ]}
        >
          {report.rows.map((row) => (
            <tr key={row.userId}>
              <th scope="row">
                {row.displayName} <span className="muted">{row.role.replaceAll('_', ' ')}</span>
              </th>
              <td>{row.calls}</td>
              <td>{row.averageHandleSeconds === null ? '—' : formatHandleTime(row.averageHandleSeconds)}</td>
              <td>{row.messagesSent}</td>
              <td>
                {row.paymentsTaken} · {formatMinor(row.paymentsTakenMinor, report.currency)}
              </td>
              <td>{row.casesOpened}</td>
              <td>{row.casesResolved}</td>
              <td>{row.closureRate === null ? '—' : `${Math.round(row.closureRate * 100)}%`}</td>
              <td>{row.meanResolutionSeconds === null ? '—' : formatDuration(row.meanResolutionSeconds)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  )
}
