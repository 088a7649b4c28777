/**
 * The account's Timeline tab (ACC-4): one feed, newest first by when each thing happened, of bills,
 * payments, meter readings (a meter point's readings of one day together), communications, notes,
 * account changes, cases and visits, each told in a sentence the server writes, filtered by kind
 * with checkboxes and read a page at a time ("Load more" follows the server's cursor). It refreshes
 * when a screen says the account changed.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { capitalise, formatLocalDateTime } from '../shared/format.js'
import { byCursor, LoadMoreFooter, type PagedList, pagedList } from '../shared/load-more.js'
import { formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
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

export function TimelineTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const [kinds, setKinds] = useState<readonly TimelineKind[]>(timelineKinds)
  // A screen that changes the account announces it; the app then refetches `['account', n, …]`, this included.
  const timeline = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'timeline', kinds],
    queryFn: ({ pageParam }) => accountTimeline(api, { accountNumber, kinds, before: pageParam, limit: pageSize }),
    ...byCursor,
    enabled: kinds.length > 0,
  })
  const state: PagedList<TimelineItem> =
    kinds.length === 0
      ? { status: 'loaded', items: [], nextCursor: null, more: { loading: false, error: null }, loadMore: () => {} }
      : pagedList(timeline, {
          failed: 'The timeline could not be loaded.',
          more: 'More of the timeline could not be loaded.',
        })

  return (
    <Panel
      title="Timeline"
      aside={<span className="muted">Newest first</span>}
      className="timeline-card"
      testId="timeline-tab"
    >
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
      <LoadMoreFooter list={state} testId="timeline-more" />
    </Panel>
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
          {formatLocalDateTime(item.at)}
        </time>
      </div>
    </li>
  )
}
