/**
 * The activity report (AUD-2) for supervisors and IT administrators: one staff user's audit events,
 * newest first, grouped into sign-ins, accounts viewed, changes, payments and messages, within
 * optional dates, read a page at a time ("Load more" follows the server's cursor), with a CSV of
 * what is shown. Supervisors may not list staff (`access.user.manage` is IT's), so the user is typed
 * as an email or id and the server finds them; IT administrators also get the staff list to pick from.
 * The choice lives in the URL, so a report can be reloaded or shared.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Link, navigate, paths } from '../router.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { byCursor, LoadMore, pagedList } from '../shared/load-more.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { QueueCard, QueueStatusNotice } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { KindFilters } from '../timeline/kind-filters.js'
import {
  type ActivityItem,
  type ActivityKind,
  activity,
  activityKinds,
  activityPermission,
  type StaffListItem,
  staffList,
  staffListPermission,
} from './activity-api.js'
import { actionLabel, activityCsv, detailOf, kindLabels } from './activity-format.js'

const pageSize = 50
const datePattern = /^\d{4}-\d{2}-\d{2}$/

export function ActivityPage({ user, from, to }: { user: string; from: string; to: string }) {
  const { user: me } = useSession()
  return (
    <PermissionGate
      permission={activityPermission}
      title="Activity report"
      refusal="Activity reports are for supervisors and IT administrators."
    >
      <ActivityReport user={user} from={from} to={to} canListStaff={me.permissions.includes(staffListPermission)} />
    </PermissionGate>
  )
}

function ActivityReport({
  user,
  from,
  to,
  canListStaff,
}: {
  user: string
  from: string
  to: string
  canListStaff: boolean
}) {
  const api = useApi()
  const form = useFormValues({ user, from, to })
  const { ids, values: draft } = form
  const [formProblems, setFormProblems] = useState<Record<string, string>>({})
  const [kinds, setKinds] = useState<readonly ActivityKind[]>(activityKinds)
  // The list only helps choosing; typing an email or id still works without it.
  const staffQuery = useQuery({ queryKey: ['staff'], queryFn: () => staffList(api), enabled: canListStaff })
  const staff: StaffListItem[] = staffQuery.data?.items ?? []
  const activityQuery = useInfiniteQuery({
    queryKey: ['activity', user, from, to],
    queryFn: ({ pageParam }) =>
      activity(api, {
        user,
        limit: pageSize,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    ...byCursor,
    enabled: user !== '',
  })
  const list = pagedList(activityQuery, {
    failed: 'The activity could not be loaded.',
    more: 'More activity could not be loaded.',
  })
  const state = user ? list : { status: 'idle' as const }
  // Whose report it is, and for which dates, comes with the first page.
  const first = activityQuery.data?.pages[0]
  const report = user && list.status === 'loaded' && first ? { ...list, page: first } : null

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const problems: Record<string, string> = {}
    if (!draft.user.trim()) problems['user'] = 'Enter the staff user’s email or id.'
    if (draft.from && !datePattern.test(draft.from)) problems['from'] = 'Choose a date.'
    if (draft.to && !datePattern.test(draft.to)) problems['to'] = 'Choose a date.'
    if (!problems['from'] && !problems['to'] && draft.from && draft.to && draft.to < draft.from)
      problems['to'] = 'Choose an end on or after the start.'
    setFormProblems(problems)
    if (Object.keys(problems).length > 0) return
    navigate(paths.activity({ user: draft.user.trim(), from: draft.from, to: draft.to }))
  }

  const serverProblems =
    state.status === 'failed' && activityQuery.error instanceof ApiError ? activityQuery.error.fieldProblems() : {}
  const userProblem = formProblems['user'] ?? serverProblems['userId']
  const shown = report ? report.items.filter((item) => kinds.includes(item.kind)) : []

  function downloadCsv() {
    if (!report) return
    const blob = new Blob([activityCsv(shown)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `activity-${report.page.user.email}${from ? `-from-${from}` : ''}${to ? `-to-${to}` : ''}.csv`
    document.body.append(link)
    link.click()
    link.remove()
    URL.revokeObjectURL(url)
  }

  return (
    <div className="page activity-page">
      <PageHeader
        title="Activity report"
        lede="One staff user’s sign-ins, accounts viewed, changes, payments and messages, newest first. Reading a report is itself recorded."
      />

      <Panel title="Whose activity">
        <form className="form-inline-grid" onSubmit={show} noValidate>
          <TextField
            {...form.bind('user')}
            label="Staff user"
            error={userProblem}
            hint={canListStaff ? 'Pick from the list, or type an email or id' : 'Their email address (or usr_… id)'}
            autoComplete="off"
            list={canListStaff ? `${ids}-staff` : undefined}
            data-testid="activity-user"
          />
          {canListStaff && (
            <datalist id={`${ids}-staff`}>
              {staff.map((person) => (
                <option key={person.id} value={person.email}>
                  {person.displayName} ({person.role.replaceAll('_', ' ')})
                </option>
              ))}
            </datalist>
          )}
          <TextField
            {...form.bind('from')}
            label="From"
            optional
            type="date"
            error={formProblems['from'] ?? serverProblems['from']}
            data-testid="activity-from"
          />
          <TextField
            {...form.bind('to')}
            label="To (included)"
            optional
            type="date"
            error={formProblems['to'] ?? serverProblems['to']}
            data-testid="activity-to"
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="activity-show">
              Show activity
            </button>
          </div>
        </form>
      </Panel>

      <QueueStatusNotice queue={state} loadingLabel="Loading the activity…" failedTestId="activity-error" />
      {report && (
        <>
          <Panel
            title={<span data-testid="activity-who">{report.page.user.displayName}</span>}
            testId="activity-summary"
            aside={
              <span className="muted">
                {report.page.user.email} · {report.page.user.role.replaceAll('_', ' ')}
                {report.page.from || report.page.to
                  ? ` · ${report.page.from ? formatCalendarDate(report.page.from) : 'the start'} to ${
                      report.page.to ? formatCalendarDate(report.page.to) : 'now'
                    }`
                  : ' · all time'}
              </span>
            }
          >
            <KindFilters
              kinds={activityKinds}
              shown={kinds}
              onChange={setKinds}
              label={(kind) => `${kindLabels[kind]} (${report.items.filter((item) => item.kind === kind).length})`}
              testId="activity-kind"
            />
            <div className="card-footer button-row">
              <span className="muted" data-testid="activity-count">
                {shown.length} of {report.items.length} loaded event{report.items.length === 1 ? '' : 's'} shown
                {report.nextCursor ? '; there are older ones' : ''}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={downloadCsv}
                disabled={shown.length === 0}
                data-testid="activity-csv"
              >
                Download CSV of what is shown
              </button>
            </div>
          </Panel>

          {report.items.length === 0 ? (
            <p className="empty" data-testid="activity-empty">
              No activity {from || to ? 'in these dates' : 'recorded for this user'}.
            </p>
          ) : (
            activityKinds
              .filter((kind) => kinds.includes(kind))
              .map((kind) => (
                <ActivityGroup key={kind} kind={kind} items={shown.filter((item) => item.kind === kind)} />
              ))
          )}

          {report.nextCursor && (
            <div className="button-row">
              <LoadMore
                onMore={report.loadMore}
                loading={report.more.loading}
                error={report.more.error}
                label="Load older activity"
                testId="activity-more"
                size="normal"
              />
            </div>
          )}
        </>
      )}
    </div>
  )
}

function ActivityGroup({ kind, items }: { kind: ActivityKind; items: ActivityItem[] }) {
  const titleId = useId()
  return (
    <QueueCard
      titleId={titleId}
      title={kindLabels[kind]}
      count={items.length}
      testId={`activity-group-${kind}`}
      empty={items.length === 0 && 'None in what is loaded.'}
    >
      <DataTable caption={`${kindLabels[kind]}, newest first`} columns={['When', 'What', 'Account', 'Detail']}>
        {items.map((item) => (
          <tr key={item.id} data-testid="activity-row" data-action={item.action} data-kind={item.kind}>
            <td className="nowrap">
              <time dateTime={item.occurredAt}>{formatLocalDateTime(item.occurredAt)}</time>
            </td>
            <td>
              {actionLabel(item.action)} <span className="muted mono">{item.action}</span>
            </td>
            <td className="nowrap">
              {item.accountNumber ? (
                <Link to={paths.account(item.accountNumber)} className="mono">
                  {item.accountNumber}
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>{detailOf(item) || <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
    </QueueCard>
  )
}
