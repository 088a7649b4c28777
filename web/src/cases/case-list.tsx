/**
 * A list of cases as a table: reference, subject, type, priority, status, assignee and when it was
 * opened. Used by the account's Cases tab, the cases queue and the dashboard.
 */
import { useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatLocalDateTime } from '../shared/format.js'
import { LoadMoreFooter, type PagedList } from '../shared/load-more.js'
import { PanelPending } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import {
  type Assignee,
  type Case,
  type CaseStatus,
  caseTypeLabels,
  type Priority,
  priorityLabels,
  statusLabels,
  teamLabels,
} from './cases-api.js'

const statusTones: Record<CaseStatus, string> = {
  open: 'info',
  in_progress: 'warning',
  waiting_on_customer: 'neutral',
  resolved: 'positive',
  closed: 'neutral',
}

const priorityTones: Record<Priority, string> = { low: 'neutral', normal: 'info', high: 'warning', urgent: 'danger' }

/** The fallback messages of a paged list of cases. */
export const caseListMessages = { failed: 'The cases could not be loaded.', more: 'More cases could not be loaded.' }

/**
 * A paged list of cases inside a card (the queue, the escalated cases, an account's tab): a
 * skeleton row while the first page loads, the reason it failed, or the cases with "Load more".
 */
export function PagedCaseList({
  list,
  loadingLabel,
  failedTestId,
  ...shown
}: {
  list: PagedList<Case>
  /** Said to screen readers while the first page loads. */
  loadingLabel?: string
  failedTestId?: string
} & Omit<Parameters<typeof CaseList>[0], 'cases'>) {
  if (list.status !== 'loaded') {
    return (
      <PanelPending
        state={list}
        loading={
          <div className="skeleton skeleton-row" aria-busy="true">
            {loadingLabel && <span className="visually-hidden">{loadingLabel}</span>}
          </div>
        }
        failedTestId={failedTestId}
      />
    )
  }
  return (
    <>
      <CaseList cases={list.items} {...shown} />
      <LoadMoreFooter list={list} />
    </>
  )
}

export function CaseStatusChip({ status }: { status: CaseStatus }) {
  return (
    <span className={`chip chip-${statusTones[status] ?? 'neutral'}`} data-testid="case-status" data-status={status}>
      {statusLabels[status] ?? status}
    </span>
  )
}

export function PriorityChip({ priority }: { priority: Priority }) {
  return (
    <span className={`chip chip-${priorityTones[priority] ?? 'neutral'}`} data-testid="case-priority">
      {priorityLabels[priority] ?? priority}
    </span>
  )
}

/** Who a case is with, as the signed-in user reads it. */
export function describeAssignee(assignee: Assignee, myUserId: string, names?: ReadonlyMap<string, string>): string {
  if (assignee.kind === 'none') return 'Unassigned'
  if (assignee.kind === 'team') return `Team: ${teamLabels[assignee.team] ?? assignee.team}`
  if (assignee.userId === myUserId) return 'You'
  return names?.get(assignee.userId) ?? `Staff user ${assignee.userId}`
}

export function CaseList({
  cases,
  showAccount = false,
  empty,
  testId = 'case-list',
  caseLink = paths.case,
}: {
  cases: readonly Case[]
  showAccount?: boolean
  empty: string
  testId?: string
  /** Where a case opens: its working page, or a read-only one (the escalated cases). */
  caseLink?: (caseRef: string) => string
}) {
  const { user } = useSession()
  if (cases.length === 0) {
    return (
      <p className="empty" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    )
  }
  return (
    <DataTable
      testId={testId}
      columns={['Case', showAccount && 'Account', 'Subject', 'Type', 'Priority', 'Status', 'With', 'Opened']}
    >
      {cases.map((item) => (
        <tr key={item.id} data-testid="case-row" data-case={item.number} data-type={item.type}>
          <td>
            <Link to={caseLink(item.number)} className="mono" data-testid="case-link">
              {item.number}
            </Link>
          </td>
          {showAccount && (
            <td>
              <Link to={paths.account(item.accountNumber)} className="mono">
                {item.accountNumber}
              </Link>
            </td>
          )}
          <td>{item.subject}</td>
          <td>{caseTypeLabels[item.type] ?? item.type}</td>
          <td>
            <PriorityChip priority={item.priority} />
          </td>
          <td>
            <CaseStatusChip status={item.status} />
          </td>
          <td>{describeAssignee(item.assignee, user.id)}</td>
          <td className="muted">
            <time dateTime={item.openedAt}>{formatLocalDateTime(item.openedAt)}</time>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
