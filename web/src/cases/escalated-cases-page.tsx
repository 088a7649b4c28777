/**
 * The escalated cases at `/escalated-cases`: complaint escalations and urgent cases across all
 * accounts, newest first, a page at a time, by status. For executives ("View escalated cases"), who
 * hold no other case power, and supervisors. The status is kept in the address (`?status=all`).
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { paths } from '../router.js'
import { SelectField } from '../shared/form-field.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { PageHeader } from '../shared/page-header.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { caseListMessages, PagedCaseList } from './case-list.js'
import { activeStatuses, type CaseStatus, caseStatuses, statusLabels } from './cases-api.js'
import { casesPermission } from './cases-queue-page.js'
import { escalatedCases, escalatedCasesPermission } from './escalated-cases-api.js'

type StatusFilter = 'active' | CaseStatus | 'all'

function readStatus(): StatusFilter {
  const status = new URLSearchParams(window.location.search).get('status')
  return status === 'all' || (caseStatuses as readonly string[]).includes(status ?? '')
    ? (status as StatusFilter)
    : 'active'
}

export function EscalatedCasesPage() {
  const { user } = useSession()
  return (
    <PermissionGate
      permission={escalatedCasesPermission}
      title="Escalated cases"
      refusal="The escalated cases are for executives and supervisors."
    >
      {/* Those who work cases open them where they can work them; the others read them. */}
      <EscalatedList caseLink={user.permissions.includes(casesPermission) ? paths.case : paths.escalatedCase} />
    </PermissionGate>
  )
}

function EscalatedList({ caseLink }: { caseLink: (caseRef: string) => string }) {
  const api = useApi()
  const [filter, setFilter] = useState<StatusFilter>(readStatus)
  const cases = useInfiniteQuery({
    queryKey: ['cases', 'escalated', filter],
    queryFn: ({ pageParam }) =>
      escalatedCases(api, {
        statuses: filter === 'active' ? activeStatuses : filter === 'all' ? [] : [filter],
        cursor: pageParam,
      }),
    ...byCursor,
  })
  const list = pagedList(cases, {
    failed: 'The escalated cases could not be loaded.',
    more: caseListMessages.more,
  })

  function change(next: StatusFilter) {
    setFilter(next)
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?status=${next}`)
  }

  return (
    <div className="page" data-testid="escalated-cases-page">
      <PageHeader
        title="Escalated cases"
        lede="Complaint escalations and urgent cases across all accounts, newest first."
      />

      <div className="form-inline-grid cases-filters">
        <SelectField
          id="escalated-status-filter"
          label="Status"
          value={filter}
          onValueChange={(value) => change(value as StatusFilter)}
          options={[
            { value: 'active', label: 'Still open (open, in progress, waiting)' },
            ...caseStatuses.map((value) => ({ value, label: statusLabels[value] })),
            { value: 'all', label: 'Any status' },
          ]}
          data-testid="escalated-status-filter"
        />
      </div>

      <section className="card card-flush" aria-label="Escalated cases">
        <PagedCaseList
          list={list}
          loadingLabel="Loading the escalated cases…"
          failedTestId="escalated-cases-error"
          showAccount
          empty={filter === 'active' ? 'No escalated case is open.' : 'No escalated cases here.'}
          testId="escalated-cases"
          caseLink={caseLink}
        />
      </section>
    </div>
  )
}
