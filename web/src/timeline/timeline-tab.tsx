/**
 * The account's Timeline tab (ACC-4): one feed, newest first, of bills, payments, communications,
 * notes, account changes, cases and visits, filtered by kind with checkboxes and read a page at a
 * time ("Load more" follows the server's cursor). It refreshes when a screen says the account
 * changed.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { capitalise, formatLondonDateTime } from '../shared/format.js'
import { LoadMore } from '../shared/load-more.js'
import { formatMinor } from '../shared/money.js'
import { QueueStatusNotice } from '../shared/review-queue.js'
import { KindFilters } from './kind-filters.js'
import {
  accountTimeline,
  type TimelineItem,
  type TimelineKind,
  timelineKindLabels,
  timelineKinds,
} from './timeline-api.js'

const pageSize = 25

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: TimelineItem[]; nextCursor: string | null }

export function TimelineTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const [kinds, setKinds] = useState<readonly TimelineKind[]>(timelineKinds)
  // A screen that changes the account announces it; the app then refetches `['account', n, …]`, this included.
  const timeline = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'timeline', kinds],
    queryFn: ({ pageParam }) => accountTimeline(api, { accountNumber, kinds, before: pageParam, limit: pageSize }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: kinds.length > 0,
  })
  const state: Loaded =
    kinds.length === 0
      ? { status: 'loaded', items: [], nextCursor: null }
      : timeline.isPending
        ? { status: 'loading' }
        : timeline.isError && !timeline.isFetchNextPageError
          ? { status: 'failed', message: errorMessage(timeline.error, 'The timeline could not be loaded.') }
          : {
              status: 'loaded',
              items: timeline.data?.pages.flatMap((page) => page.items) ?? [],
              nextCursor: timeline.data?.pages.at(-1)?.nextCursor ?? null,
            }
  const more = {
    loading: timeline.isFetchingNextPage,
    error: timeline.isFetchNextPageError
      ? errorMessage(timeline.error, 'More of the timeline could not be loaded.')
      : null,
  }

  async function loadMore() {
    if (state.status !== 'loaded' || !state.nextCursor || more.loading) return
    await timeline.fetchNextPage()
  }

  return (
    <section className="card timeline-card" aria-labelledby="timeline-title" data-testid="timeline-tab">
      <header className="card-header">
        <h2 className="card-title" id="timeline-title">
          Timeline
        </h2>
        <span className="muted">Newest first</span>
      </header>
      <KindFilters
        kinds={timelineKinds}
        shown={kinds}
        onChange={setKinds}
        label={(kind) => timelineKindLabels[kind]}
        testId="timeline-kind"
      />

      <QueueStatusNotice queue={state} skeleton="row" />
      {state.status === 'loaded' &&
        (state.items.length === 0 ? (
          <p className="empty" data-testid="timeline-empty">
            {kinds.length === 0 ? 'Choose what to show.' : 'Nothing on the timeline for what is chosen.'}
          </p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {state.items.map((item) => (
              <TimelineEntry key={`${item.kind}:${item.reference.id}`} item={item} />
            ))}
          </ol>
        ))}
      {state.status === 'loaded' && state.nextCursor && (
        <div className="card-footer">
          <LoadMore onMore={() => void loadMore()} loading={more.loading} error={more.error} testId="timeline-more" />
        </div>
      )}
    </section>
  )
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const caseNumber = item.reference.type === 'case' ? item.reference.number : undefined
  return (
    <li className={`timeline-item timeline-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <p className="timeline-head">
          <span className="chip chip-neutral timeline-kind">{timelineKindLabels[item.kind] ?? item.kind}</span>
          <span className="timeline-title">
            {caseNumber ? <Link to={paths.case(caseNumber)}>{item.title}</Link> : item.title}
          </span>
          {item.amountMinor !== undefined && <span className="timeline-amount">{formatMinor(item.amountMinor)}</span>}
          {item.status && <span className="chip chip-info">{capitalise(item.status)}</span>}
        </p>
        {item.summary && <p className="timeline-summary">{item.summary}</p>}
        <time className="muted timeline-at" dateTime={item.at}>
          {formatLondonDateTime(item.at)}
        </time>
      </div>
    </li>
  )
}
