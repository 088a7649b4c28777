/**
 * The cases queue (CAS-1) at `/cases`: cases with me, with my team, unassigned, or any, by status
 * and type, newest first, a page at a time. The choice is kept in the address (`?assignee=team`).
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { SelectField } from '../shared/form-field.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { PageHeader } from '../shared/page-header.js'
import { caseListMessages, PagedCaseList } from './case-list.js'
import {
  activeStatuses,
  type CaseStatus,
  type CaseType,
  caseQueue,
  caseStatuses,
  caseTypeLabels,
  caseTypes,
  type QueueAssignee,
  statusLabels,
} from './cases-api.js'

// Kept in cases-api.ts so the shell's navigation can name it without loading this page.
export { casesPermission } from './cases-api.js'

const queueLabels: Record<QueueAssignee, string> = {
  me: 'With me',
  team: 'My team',
  unassigned: 'Unassigned',
  any: 'All cases',
}

type StatusFilter = 'active' | CaseStatus | 'all'

function readQuery(): { assignee: QueueAssignee; status: StatusFilter; type: CaseType | '' } {
  const params = new URLSearchParams(window.location.search)
  const assignee = params.get('assignee')
  const status = params.get('status')
  const type = params.get('type')
  return {
    assignee:
      assignee === 'me' || assignee === 'team' || assignee === 'unassigned' || assignee === 'any' ? assignee : 'me',
    status:
      status === 'all' || (caseStatuses as readonly string[]).includes(status ?? '')
        ? (status as StatusFilter)
        : 'active',
    type: (caseTypes as readonly string[]).includes(type ?? '') ? (type as CaseType) : '',
  }
}

export function CasesQueuePage() {
  const api = useApi()
  const [filter, setFilter] = useState(readQuery)
  const statuses = filter.status === 'active' ? activeStatuses : filter.status === 'all' ? [] : [filter.status]
  const cases = useInfiniteQuery({
    queryKey: ['cases', 'queue', filter],
    queryFn: ({ pageParam }) =>
      caseQueue(api, {
        assignee: filter.assignee,
        statuses,
        types: filter.type ? [filter.type] : [],
        cursor: pageParam,
      }),
    ...byCursor,
  })
  const list = pagedList(cases, caseListMessages)

  function change(next: Partial<typeof filter>) {
    const merged = { ...filter, ...next }
    setFilter(merged)
    const params = new URLSearchParams({ assignee: merged.assignee, status: merged.status })
    if (merged.type) params.set('type', merged.type)
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}`)
  }

  return (
    <div className="page" data-testid="cases-queue">
      <PageHeader
        title="Cases"
        lede="Billing disputes, service requests, complaints, meter tests and investigations."
      />

      <fieldset className="fieldset usage-fieldset cases-queue-choice">
        <legend className="field-label">Whose cases</legend>
        <div className="segmented">
          {(Object.keys(queueLabels) as QueueAssignee[]).map((value) => (
            <button
              key={value}
              type="button"
              className="segmented-button"
              aria-pressed={filter.assignee === value}
              onClick={() => change({ assignee: value })}
              data-testid={`cases-queue-${value}`}
            >
              {queueLabels[value]}
            </button>
          ))}
        </div>
      </fieldset>

      <div className="form-inline-grid cases-filters">
        <SelectField
          id="cases-status-filter"
          label="Status"
          value={filter.status}
          onValueChange={(value) => change({ status: value as StatusFilter })}
          options={[
            { value: 'active', label: 'Needs work (open, in progress, waiting)' },
            ...caseStatuses.map((value) => ({ value, label: statusLabels[value] })),
            { value: 'all', label: 'Any status' },
          ]}
        />
        <SelectField
          id="cases-type-filter"
          label="Type"
          value={filter.type}
          onValueChange={(value) => change({ type: value as CaseType | '' })}
          options={[
            { value: '', label: 'Any type' },
            ...caseTypes.map((value) => ({ value, label: caseTypeLabels[value] })),
          ]}
        />
      </div>

      <section className="card card-flush" aria-label={queueLabels[filter.assignee]}>
        <PagedCaseList
          list={list}
          showAccount
          empty={statuses.length === 0 ? 'No cases here.' : 'No cases here need work.'}
          testId="queue-cases"
        />
      </section>
    </div>
  )
}
