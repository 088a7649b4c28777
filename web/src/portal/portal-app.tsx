/**
 * The customer portal (UI-2) at `/portal`: checks the portal session (its own cookie, apart from
 * staff sessions), then shows sign-in, the account picker, one account, or the invitation page, in a
 * customer-facing layout with no staff navigation.
 */
import './portal.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError } from '../api.js'
import { Link, navigate, useLocation } from '../router.js'
import { brand } from '../shared/brand.js'
import { AccountPicker } from './account-picker.js'
import { InvitationPage } from './invitation-page.js'
import { PortalAccountPage } from './portal-account-page.js'
import * as portalApi from './portal-api.js'
import { PortalSessionContext, type PortalSessionValue } from './portal-context.js'
import { matchPortalRoute, portalPaths } from './portal-routes.js'
import { PortalSignIn } from './portal-sign-in.js'

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null; problem: string | null }
  | { status: 'signed-in'; session: portalApi.PortalSession }

export function PortalApp() {
  const route = matchPortalRoute(useLocation().pathname)
  const [state, setState] = useState<SessionState>({ status: 'checking' })

  const check = useCallback(async () => {
    try {
      const session = await portalApi.currentSession()
      setState(session ? { status: 'signed-in', session } : { status: 'signed-out', notice: null, problem: null })
    } catch (error) {
      // Signing in may still work (or say more) when the check itself fails, so the form stays usable.
      setState({
        status: 'signed-out',
        notice: null,
        problem: `We could not check whether you are signed in: ${error instanceof ApiError ? error.message : 'the portal could not be reached.'}`,
      })
    }
  }, [])

  useEffect(() => {
    void check()
  }, [check])

  const session = useMemo<PortalSessionValue | null>(() => {
    if (state.status !== 'signed-in') return null
    return {
      ...state.session,
      replace: (next) => setState({ status: 'signed-in', session: next }),
      signOut: async () => {
        try {
          await portalApi.signOut()
        } finally {
          setState({ status: 'signed-out', notice: 'You have signed out.', problem: null })
          navigate(portalPaths.home())
        }
      },
    }
  }, [state])

  const signedIn = (next: portalApi.PortalSession) => setState({ status: 'signed-in', session: next })

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
