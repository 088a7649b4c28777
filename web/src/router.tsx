/**
 * A tiny history router: the server answers every non-API path with `index.html`, so the console
 * uses real paths (`/accounts/A-1F2E3D4C`) and this file keeps React in step with `location`.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react'

const changeEvent = 'cuttle:navigate'

export type Location = { pathname: string; search: string }

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(changeEvent, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(changeEvent, onChange)
  }
}

// A string snapshot, so React sees a stable value between changes.
function snapshot(): string {
  return window.location.pathname + window.location.search
}

/** The current path and query, re-rendering on navigation and on back/forward. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot)
  const queryAt = href.indexOf('?')
  return queryAt === -1
    ? { pathname: href, search: '' }
    : { pathname: href.slice(0, queryAt), search: href.slice(queryAt) }
}

/** Go to a path inside the console without reloading the page. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === snapshot()) return
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.scrollTo(0, 0)
  window.dispatchEvent(new Event(changeEvent))
}

export type Route =
  | { name: 'dashboard' }
  | { name: 'search'; q: string }
  | { name: 'account'; accountNumber: string }
  | { name: 'held-statements' }
  | { name: 'approvals' }
  | { name: 'collections-worklist' }
  | { name: 'poa-review' }
  | { name: 'prices' }
  | { name: 'review-flags' }
  | { name: 'cases' }
  | { name: 'case'; caseRef: string }
  | { name: 'escalated-cases' }
  | { name: 'escalated-case'; caseRef: string }
  | { name: 'activity'; user: string; from: string; to: string }
  | { name: 'my-security' }
  | { name: 'staff' }
  | { name: 'tokens' }
  | { name: 'supplier-details' }
  | { name: 'not-found'; pathname: string }

/** Turn a location into one of the console's routes. */
export function matchRoute({ pathname, search }: Location): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'dashboard' }
  if (path === '/billing/held') return { name: 'held-statements' }
  if (path === '/approvals') return { name: 'approvals' }
  if (path === '/collections/worklist') return { name: 'collections-worklist' }
  if (path === '/legal/poa') return { name: 'poa-review' }
  if (path === '/prices') return { name: 'prices' }
  if (path === '/review-flags') return { name: 'review-flags' }
  if (path === '/cases') return { name: 'cases' }
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path)
  if (caseMatch?.[1]) return { name: 'case', caseRef: decodeURIComponent(caseMatch[1]) }
  if (path === '/escalated-cases') return { name: 'escalated-cases' }
  const escalatedMatch = /^\/escalated-cases\/([^/]+)$/.exec(path)
  if (escalatedMatch?.[1]) return { name: 'escalated-case', caseRef: decodeURIComponent(escalatedMatch[1]) }
  if (path === '/audit/activity') {
    const query = new URLSearchParams(search)
    return { name: 'activity', user: query.get('user') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' }
  }
  if (path === '/my-security') return { name: 'my-security' }
  if (path === '/staff') return { name: 'staff' }
  if (path === '/tokens') return { name: 'tokens' }
  if (path === '/settings/supplier') return { name: 'supplier-details' }
  if (path === '/search') return { name: 'search', q: new URLSearchParams(search).get('q') ?? '' }
  const account = /^\/accounts\/([^/]+)$/.exec(path)
  if (account?.[1]) return { name: 'account', accountNumber: decodeURIComponent(account[1]) }
  return { name: 'not-found', pathname }
}

/** Paths for the routes, so links are written in one place. */
export const paths = {
  dashboard: () => '/',
  search: (q: string) => (q ? `/search?${new URLSearchParams({ q })}` : '/search'),
  account: (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`,
  heldStatements: () => '/billing/held',
  approvals: () => '/approvals',
  collectionsWorklist: () => '/collections/worklist',
  poaReview: () => '/legal/poa',
  prices: () => '/prices',
  reviewFlags: () => '/review-flags',
  cases: () => '/cases',
  case: (caseRef: string) => `/cases/${encodeURIComponent(caseRef)}`,
  mySecurity: () => '/my-security',
  staff: () => '/staff',
  tokens: () => '/tokens',
  supplierDetails: () => '/settings/supplier',
  escalatedCases: () => '/escalated-cases',
  escalatedCase: (caseRef: string) => `/escalated-cases/${encodeURIComponent(caseRef)}`,
  activity: ({ user = '', from = '', to = '' }: { user?: string; from?: string; to?: string } = {}) => {
    const query = new URLSearchParams(Object.entries({ user, from, to }).filter(([, value]) => value !== ''))
    const text = query.toString()
    return text ? `/audit/activity?${text}` : '/audit/activity'
  },
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/** An anchor that navigates in place, but still opens in a new tab with a modifier key or middle click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || rest.target) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handleClick} {...rest} />
}
