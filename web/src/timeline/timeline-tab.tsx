/**
 * The account's Timeline tab (ACC-4): one feed, newest first, of bills, payments, communications,
 * notes, account changes, cases and visits, filtered by kind with checkboxes and read a page at a
 * time ("Load more" follows the server's cursor). It refreshes when a screen says the account
 * changed.
 */
import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../console-context.js'
import { accountChangedEvent } from '../payments/payments-api.js'
import { Link, paths } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { capitalise, formatLondonDateTime } from '../shared/format.js'
import { LoadMore } from '../shared/load-more.js'
import { formatMinor } from '../shared/money.js'
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
  const [state, setState] = useState<Loaded>({ status: 'loading' })
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null })
  const [refresh, setRefresh] = useState(0)

  useEffect(() => {
    function changed(event: Event) {
      const detail = (event as CustomEvent<{ accountNumber?: string }>).detail
      if (!detail?.accountNumber || detail.accountNumber === accountNumber) setRefresh((count) => count + 1)
    }
    window.addEventListener(accountChangedEvent, changed)
    return () => window.removeEventListener(accountChangedEvent, changed)
  }, [accountNumber])

  const fetchPage = useCallback(
    (before: string | null) => accountTimeline(api, { accountNumber, kinds, before, limit: pageSize }),
    [api, accountNumber, kinds],
  )

  useEffect(() => {
    let current = true
    void refresh
    if (kinds.length === 0) {
      setState({ status: 'loaded', items: [], nextCursor: null })
      return
    }
    setState({ status: 'loading' })
    fetchPage(null)
      .then((page) => {
        if (current) setState({ status: 'loaded', items: page.items, nextCursor: page.nextCursor })
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', message: errorMessage(error, 'The timeline could not be loaded.') })
      })
    return () => {
      current = false
    }
  }, [fetchPage, kinds.length, refresh])

  async function loadMore() {
    if (state.status !== 'loaded' || !state.nextCursor || more.loading) return
    setMore({ loading: true, error: null })
    try {
      const page = await fetchPage(state.nextCursor)
      setState((previous) =>
        previous.status === 'loaded'
          ? { status: 'loaded', items: [...previous.items, ...page.items], nextCursor: page.nextCursor }
          : previous,
      )
      setMore({ loading: false, error: null })
    } catch (error) {
      setMore({ loading: false, error: errorMessage(error, 'More of the timeline could not be loaded.') })
    }
  }

  function toggle(kind: TimelineKind, on: boolean) {
    setKinds((current) => timelineKinds.filter((each) => (each === kind ? on : current.includes(each))))
  }

  return (
    <section className="card timeline-card" aria-labelledby="timeline-title" data-testid="timeline-tab">
      <header className="card-header">
        <h2 className="card-title" id="timeline-title">
          Timeline
        </h2>
        <span className="muted">Newest first</span>
      </header>
      <fieldset className="fieldset timeline-filters">
        <legend className="field-label">Show</legend>
        {timelineKinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(event) => toggle(kind, event.target.checked)}
              data-testid={`timeline-kind-${kind}`}
            />
            {timelineKindLabels[kind]}
          </label>
        ))}
      </fieldset>

      {state.status === 'loading' && <div className="skeleton skeleton-row" aria-busy="true" />}
      {state.status === 'failed' && (
        <p className="callout callout-error" role="alert">
          {state.message}
        </p>
      )}
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
