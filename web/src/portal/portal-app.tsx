/**
 * The customer portal (UI-2) at `/portal`: checks the portal session (its own cookie, apart from
 * staff sessions), then shows sign-in, the account picker, one account, or the invitation page, in a
 * customer-facing layout with no staff navigation.
 */
import './portal.css'
import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError } from '../api.js'
import { Link, navigate, useLocation } from '../router.js'
import { brand } from '../shared/brand.js'
import { createQueryClient } from '../shared/query-client.js'
import { AccountPicker } from './account-picker.js'
import { InvitationPage } from './invitation-page.js'
import { PortalAccountPage } from './portal-account-page.js'
import * as portalApi from './portal-api.js'
import { PortalSessionContext, type PortalSessionValue } from './portal-context.js'
import { matchPortalRoute, portalPaths } from './portal-routes.js'
import { PortalSignIn } from './portal-sign-in.js'
import { QuotePage } from './quote-page.js'
import { SignUpPage } from './sign-up-page.js'

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null; problem: string | null }
  | { status: 'signed-in'; session: portalApi.PortalSession }

/**
 * The portal's one query cache, its own rather than the console's (the console entry also renders the
 * portal for a `/portal` path); emptied of a customer's data when their session ends.
 */
const portalQueries = createQueryClient()

/** The one account a person may open, when they have exactly one and manage no portfolio. */
function onlyAccount(session: portalApi.PortalSession): string | null {
  const [only, ...others] = session.accounts
  if (!only || others.length > 0 || only.kind === 'property_manager' || only.allows.includes('bulk_statements')) {
    return null
  }
  return only.accountNumber
}

/** Shows the one account and puts its address in the bar, replacing the home page's. */
function OnlyAccount({ accountNumber }: { accountNumber: string }) {
  useEffect(() => {
    navigate(portalPaths.account(accountNumber), { replace: true })
  }, [accountNumber])
  return <PortalAccountPage key={accountNumber} accountNumber={accountNumber} />
}

export function PortalApp() {
  return (
    <QueryClientProvider client={portalQueries}>
      <Portal />
    </QueryClientProvider>
  )
}

function Portal() {
  const route = matchPortalRoute(useLocation().pathname)
  const queryClient = useQueryClient()
  // The session is asked once; signing in, out or accepting an invitation writes it (no refetch).
  const probe = useQuery({
    queryKey: portalApi.portalKeys.session,
    queryFn: portalApi.currentSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  })
  const [notice, setNotice] = useState<string | null>(null)

  let state: SessionState
  if (probe.data) state = { status: 'signed-in', session: probe.data }
  else if (probe.data === null) state = { status: 'signed-out', notice, problem: null }
  else if (probe.isError) {
    // Signing in may still work (or say more) when the check itself fails, so the form stays usable.
    const reason = probe.error instanceof ApiError ? probe.error.message : 'the portal could not be reached.'
    state = { status: 'signed-out', notice, problem: `We could not check whether you are signed in: ${reason}` }
  } else state = { status: 'checking' }

  const signedIn = useCallback(
    (next: portalApi.PortalSession) => {
      setNotice(null)
      queryClient.setQueryData(portalApi.portalKeys.session, next)
    },
    [queryClient],
  )

  /** Forget the customer and everything read for them, then show the sign-in page with `message`. */
  const endSession = useCallback(
    (message: string) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== portalApi.portalKeys.session[0] })
      queryClient.setQueryData(portalApi.portalKeys.session, null)
      setNotice(message)
    },
    [queryClient],
  )

  // A 401 on a signed-in request: the session expired or was ended elsewhere (a late answer after
  // signing out changes nothing).
  useEffect(
    () =>
      portalApi.onSessionEnded(() => {
        if (queryClient.getQueryData(portalApi.portalKeys.session)) {
          endSession('Your session has ended. Please sign in again.')
        }
      }),
    [queryClient, endSession],
  )

  const current = probe.data ?? null
  const session = useMemo<PortalSessionValue | null>(() => {
    if (!current) return null
    return {
      ...current,
      replace: signedIn,
      signOut: async () => {
        try {
          await portalApi.signOut()
        } finally {
          endSession('You have signed out.')
          navigate(portalPaths.home())
        }
      },
    }
  }, [current, signedIn, endSession])

  let body: React.ReactNode
  if (route.name === 'invitation') {
    body = (
      <InvitationPage
        token={route.token}
        onAccepted={(next) => {
          signedIn(next)
          navigate(portalPaths.home())
        }}
      />
    )
  } else if (route.name === 'quote') {
    // Public: a quote and a sign-up need no login.
    body = <QuotePage />
  } else if (route.name === 'sign-up') {
    body = <SignUpPage />
  } else if (state.status === 'checking') {
    body = (
      <div className="portal-loading" aria-busy="true">
        <span className="visually-hidden">Loading…</span>
      </div>
    )
  } else if (state.status === 'signed-out') {
    body = <PortalSignIn notice={state.notice} problem={state.problem} onSignedIn={signedIn} />
  } else if (route.name === 'account') {
    body = <PortalAccountPage key={route.accountNumber} accountNumber={route.accountNumber} />
  } else if (route.name === 'home' && onlyAccount(state.session)) {
    // One account and no portfolio: no picker, the account itself (the address becomes its own).
    const accountNumber = onlyAccount(state.session) ?? ''
    body = <OnlyAccount accountNumber={accountNumber} />
  } else if (route.name === 'home') {
    body = <AccountPicker />
  } else {
    body = (
      <section className="portal-card">
        <h1 className="portal-title">Page not found</h1>
        <p>There is nothing at {route.pathname}.</p>
        <Link to={portalPaths.home()}>Back to your accounts</Link>
      </section>
    )
  }

  return (
    <PortalSessionContext.Provider value={session}>
      <div className="portal" data-testid="portal">
        <header className="portal-header">
          <Link to={portalPaths.home()} className="portal-brand">
            <span className="portal-brand-mark" aria-hidden="true">
              {brand().name.charAt(0)}
            </span>
            {brand().name}
          </Link>
          {session && (
            <div className="portal-user">
              <span data-testid="portal-user-name">{session.user.displayName}</span>
              <button type="button" className="button button-small" onClick={() => void session.signOut()}>
                Sign out
              </button>
            </div>
          )}
        </header>
        <main className="portal-main">{body}</main>
        <footer className="portal-footer">{brand().name} · Your account online</footer>
      </div>
    </PortalSessionContext.Provider>
  )
}
