/**
 * The agent console: checks the session, then shows either the sign-in page or the signed-in shell
 * with the page for the current route.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError, createApiClient, type StaffUser } from './api.js'
import { ApiContext, type Session, SessionContext } from './console-context.js'
import {
  AccountPage,
  CasePage,
  CasesQueuePage,
  DashboardPage,
  HeldStatementsPage,
  NotFoundPage,
  PortalApp,
  SearchPage,
  StaffInvitationPage,
} from './console-pages.js'
import { accountChangedEvent } from './payments/payments-api.js'
import { isPortalPath } from './portal/portal-routes.js'
import { matchRoute, paths, useLocation } from './router.js'
import { LoginPage } from './session/login-page.js'
import { createQueryClient } from './shared/query-client.js'
import { ConsoleShell } from './shell/console-shell.js'
import { isStaffInvitationPath } from './staff/staff-invitation-route.js'

type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; message: string }
  | { status: 'signing-out' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; user: StaffUser }

/**
 * The console entry's app: the public page where invited staff set their password, else the agent
 * console. The customer portal has its own entry (`portal.html`, which the server sends for
 * `/portal` paths); reached here all the same (the Vite dev server, a link followed in place), it is
 * loaded as a lazy chunk so every URL still works.
 */
export function App() {
  const { pathname } = useLocation()
  if (isStaffInvitationPath(pathname)) return <StaffInvitationPage />
  return isPortalPath(pathname) ? <PortalApp /> : <StaffConsole />
}

function StaffConsole() {
  const [state, setState] = useState<SessionState>({ status: 'checking' })
  // One cache for the console's data; emptied whenever nobody is signed in, so the next user starts clean.
  const queryClient = useMemo(() => createQueryClient(), [])
  const signedIn = state.status === 'signed-in'
  useEffect(() => {
    if (!signedIn) queryClient.clear()
  }, [signedIn, queryClient])
  // Screens that change an account announce it (`announceAccountChanged`): what is cached of it is refetched.
  useEffect(() => {
    const changed = (event: Event) => {
      const accountNumber = (event as CustomEvent<{ accountNumber?: unknown }>).detail?.accountNumber
      if (typeof accountNumber === 'string')
        void queryClient.invalidateQueries({ queryKey: ['account', accountNumber] })
    }
    window.addEventListener(accountChangedEvent, changed)
    return () => window.removeEventListener(accountChangedEvent, changed)
  }, [queryClient])

  const api = useMemo(
    () =>
      createApiClient({
        // A 401 mid-session means the cookie expired or was revoked: back to sign-in, keeping the URL.
        onUnauthenticated: () =>
          setState((current) =>
            current.status === 'signed-in'
              ? { status: 'signed-out', notice: 'Your session has ended. Please sign in again.' }
              : current,
          ),
      }),
    [],
  )

  const checkSession = useCallback(async () => {
    setState({ status: 'checking' })
    try {
      const user = await api.currentUser()
      setState(user ? { status: 'signed-in', user } : { status: 'signed-out', notice: null })
    } catch (error) {
      setState({
        status: 'unavailable',
        message: error instanceof ApiError ? error.message : 'Cuttle could not be reached.',
      })
    }
  }, [api])

  useEffect(() => {
    void checkSession()
  }, [checkSession])

  const session = useMemo<Session | null>(() => {
    if (state.status !== 'signed-in') return null
    return {
      user: state.user,
      updateUser: (user) => setState({ status: 'signed-in', user }),
      signOut: async () => {
        // The screens go first, so no query starts while the requests already sent come back; the
        // sign-in form shows only once the session has ended, so a quick new sign-in is not undone.
        setState({ status: 'signing-out' })
        try {
          await api.signOut()
        } finally {
          setState({ status: 'signed-out', notice: 'You have signed out.' })
        }
      },
    }
  }, [api, state])

  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={api}>
        {(state.status === 'checking' || state.status === 'signing-out') && (
          <div className="boot" aria-busy="true">
            <span className="visually-hidden">
              {state.status === 'checking' ? 'Loading the console…' : 'Signing out…'}
            </span>
          </div>
        )}
        {state.status === 'unavailable' && (
          <main className="boot-error">
            <h1>The console is unavailable</h1>
            <p>{state.message}</p>
            <button type="button" className="button button-primary" onClick={() => void checkSession()}>
              Try again
            </button>
          </main>
        )}
        {state.status === 'signed-out' && (
          <LoginPage notice={state.notice} onSignedIn={(user) => setState({ status: 'signed-in', user })} />
        )}
        {session && (
          <SessionContext.Provider value={session}>
            <ConsoleShell>
              <CurrentPage />
            </ConsoleShell>
          </SessionContext.Provider>
        )}
      </ApiContext.Provider>
    </QueryClientProvider>
  )
}

function CurrentPage() {
  const route = matchRoute(useLocation())
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />
    case 'search':
      // Keyed by the query, so a "Load more" still in flight cannot append to a newer search.
      return <SearchPage key={route.q} q={route.q} />
    case 'account':
      // Keyed so moving between accounts starts each page fresh (form, loading state).
      return <AccountPage key={route.accountNumber} accountNumber={route.accountNumber} />
    case 'held-statements':
      return <HeldStatementsPage />
    case 'cases':
      return <CasesQueuePage />
    case 'case':
      return <CasePage key={route.caseRef} caseRef={route.caseRef} />
    case 'not-found':
      return <NotFoundPage pathname={route.pathname} home={paths.dashboard()} />
  }
}
