/**
 * The escalated cases at `/escalated-cases`: complaint escalations and urgent cases across all
 * accounts, newest first, a page at a time, by status. For executives ("View escalated cases"), who
 * hold no other case power, and supervisors. The status is kept in the address (`?status=all`).
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { paths } from '../router.js'
import { errorMessage, SelectField } from '../shared/form-field.js'
import { LoadMore } from '../shared/load-more.js'
import { CaseList } from './case-list.js'
import { activeStatuses, type Case, type CaseStatus, caseStatuses, statusLabels } from './cases-api.js'
import { casesPermission } from './cases-queue-page.js'
import { escalatedCases, escalatedCasesPermission } from './escalated-cases-api.js'

type StatusFilter = 'active' | CaseStatus | 'all'

function readStatus(): StatusFilter {
  const status = new URLSearchParams(window.location.search).get('status')
  return status === 'all' || (caseStatuses as readonly string[]).includes(status ?? '')
    ? (status as StatusFilter)
    : 'active'
}

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: Case[]; nextCursor: string | null }

export function EscalatedCasesPage() {
  const { user } = useSession()
  if (!user.permissions.includes(escalatedCasesPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Escalated cases</h1>
        </header>
        <p className="callout callout-info">The escalated cases are for executives and supervisors.</p>
      </div>
    )
  }
  // Those who work cases open them where they can work them; the others read them.
  return <EscalatedList caseLink={user.permissions.includes(casesPermission) ? paths.case : paths.escalatedCase} />
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
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })
  const state: Loaded = cases.isPending
    ? { status: 'loading' }
    : cases.isError && !cases.isFetchNextPageError
      ? { status: 'failed', message: errorMessage(cases.error, 'The escalated cases could not be loaded.') }
      : {
          status: 'loaded',
          items: cases.data?.pages.flatMap((page) => page.items) ?? [],
          nextCursor: cases.data?.pages.at(-1)?.nextCursor ?? null,
        }
  const loadingMore = cases.isFetchingNextPage
  const moreError = cases.isFetchNextPageError ? errorMessage(cases.error, 'More cases could not be loaded.') : null

  function change(next: StatusFilter) {
    setFilter(next)
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?status=${next}`)
  }

  async function loadMore() {
    if (state.status !== 'loaded' || !state.nextCursor || loadingMore) return
    await cases.fetchNextPage()
  }

  return (
    <div className="page" data-testid="escalated-cases-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Escalated cases</h1>
          <p className="page-lede">Complaint escalations and urgent cases across all accounts, newest first.</p>
        </div>
      </header>

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
        {state.status === 'loading' && (
          <div className="skeleton skeleton-row" aria-busy="true">
            <span className="visually-hidden">Loading the escalated cases…</span>
          </div>
        )}
        {state.status === 'failed' && (
          <p className="callout callout-error" role="alert" data-testid="escalated-cases-error">
            {state.message}
          </p>
        )}
        {state.status === 'loaded' && (
          <>
            <CaseList
              cases={state.items}
              showAccount
              empty={filter === 'active' ? 'No escalated case is open.' : 'No escalated cases here.'}
              testId="escalated-cases"
              caseLink={caseLink}
            />
            {state.nextCursor && (
              <div className="card-footer">
                <LoadMore onMore={() => void loadMore()} loading={loadingMore} error={moreError} />
              </div>
            )}
          </>
        )}
      </section>
    </div>
  )
}
