/**
 * Account search results for the `q` in the URL: ranked by the server and tolerant of misspellings.
 * Each result is a link to the account overview; "Load more" follows the server's cursor.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import type { AccountSearchItem } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { byCursor, LoadMoreFooter, type PagedList, pagedList } from '../shared/load-more.js'
import { PageHeader } from '../shared/page-header.js'
import { PanelPending } from '../shared/panel-state.js'
import { SearchBox, searchPermission } from '../shell/search-box.js'
import { StatusChip } from './status-chip.js'

const pageSize = 20

/** Nothing is searched for until there are words to search by. */
type Results = { status: 'idle' } | PagedList<AccountSearchItem>

export function SearchPage({ q }: { q: string }) {
  const { user } = useSession()
  if (!user.permissions.includes(searchPermission)) return <OpenByNumberPage q={q.trim()} />
  return <Search q={q} />
}

/** For those who may not search (field technicians): the account is opened by its number, from the job. */
function OpenByNumberPage({ q }: { q: string }) {
  return (
    <div className="page" data-testid="open-by-number">
      <PageHeader title="Open an account" />
      <section className="card card-search" aria-label="Open an account by its number">
        <SearchBox size="large" initialQuery={q} testId="page-search-input" />
        <p className="muted search-help">
          {q ? `“${q}” is not an account number. ` : ''}Your role opens an account by its number (A-1F2E3D4C), as given
          on the job; searching by name, address, email or phone is for those who serve customers.
        </p>
      </section>
    </div>
  )
}

function Search({ q }: { q: string }) {
  const api = useApi()
  const query = q.trim()
  const search = useInfiniteQuery({
    queryKey: ['account-search', query],
    queryFn: ({ pageParam }) => api.searchAccounts({ q: query, limit: pageSize, cursor: pageParam }),
    ...byCursor,
    enabled: query !== '',
  })
  const results: Results = query ? pagedList(search, { failed: failure, more: failure }) : { status: 'idle' }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{query ? <>Results for “{query}”</> : 'Find an account'}</h1>
          {results.status === 'loaded' && (
            <p className="page-lede" aria-live="polite">
              {describeCount(results.items.length, results.nextCursor !== null)}
            </p>
          )}
        </div>
      </header>

      {!query && (
        <section className="card card-search" aria-label="Find an account">
          <SearchBox size="large" testId="page-search-input" />
          <p className="muted search-help">
            Search by customer name, account number (A-1F2E3D4C), postcode or address, email or phone number. Spelling
            and spacing need not be exact.
          </p>
        </section>
      )}

      {results.status !== 'idle' && <PanelPending state={results} loading={<SkeletonRows />} />}
      {results.status === 'loaded' && results.items.length === 0 && (
        <div className="card">
          <p className="empty">No accounts match “{query}”. Try a postcode, the account number, or fewer words.</p>
        </div>
      )}
      {results.status === 'loaded' && results.items.length > 0 && (
        <section className="card card-flush" aria-label="Search results">
          <div className="result-head" aria-hidden="true">
            <span>Account</span>
            <span>Customer</span>
            <span>Service address</span>
            <span>Status</span>
          </div>
          <ul className="result-list">
            {results.items.map((item) => (
              <li key={item.accountId}>
                <Link to={paths.account(item.accountNumber)} className="result-row" data-testid="search-result">
                  <span className="mono">{item.accountNumber}</span>
                  <span className="row-primary">{item.customerName}</span>
                  <span className="result-address">
                    {item.serviceAddress}
                    {item.postcode && !item.serviceAddress.includes(item.postcode) ? `, ${item.postcode}` : ''}
                  </span>
                  <span>
                    <StatusChip status={item.status} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <LoadMoreFooter list={results} size="normal" />
        </section>
      )}
    </div>
  )
}

function describeCount(count: number, more: boolean): string {
  if (count === 0) return 'No matches'
  const noun = count === 1 ? 'account' : 'accounts'
  return more ? `Showing the best ${count} ${noun}; more below` : `${count} ${noun}, best match first`
}

const failure = 'The search failed. Please try again.'

function SkeletonRows() {
  return (
    <div className="card card-flush" aria-busy="true">
      <span className="visually-hidden">Searching…</span>
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className="skeleton-row">
          <span className="skeleton" />
          <span className="skeleton" />
          <span className="skeleton skeleton-wide" />
        </div>
      ))}
    </div>
  )
}
