/**
 * The signed-in frame: left navigation, a top bar with search and the signed-in user, and the
 * content area for the current page.
 */
import type { ReactNode } from 'react'
import { useSession } from '../console-context.js'
import { Link, matchRoute, paths, useLocation } from '../router.js'
import { PasswordExpiredBanner } from '../session/password-expired-banner.js'
import { RoleBadge } from './role-badge.js'
import { SearchBox } from './search-box.js'

export function ConsoleShell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession()
  const route = matchRoute(useLocation())

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <Link to={paths.dashboard()} className="sidebar-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span>
            <span className="brand-name">Cuttle</span>
            <span className="brand-sub">Agent console</span>
          </span>
        </Link>
        <ul className="nav-list">
          <li>
            <NavLink
              to={paths.dashboard()}
              current={route.name === 'dashboard'}
              icon={dashboardIcon}
              label="Dashboard"
            />
          </li>
          <li>
            <NavLink
              to={paths.search('')}
              current={route.name === 'search' || route.name === 'account'}
              icon={searchIcon}
              label="Accounts"
            />
          </li>
          {user.permissions.includes('billing.anomaly.resolve') ? (
            <li>
              <NavLink
                to={paths.heldStatements()}
                current={route.name === 'held-statements'}
                icon={heldIcon}
                label="Held statements"
              />
            </li>
          ) : null}
        </ul>
        <p className="sidebar-footer">Cases, tasks and payments arrive in later releases.</p>
      </nav>

      <header className="topbar">
        <SearchBox initialQuery={route.name === 'search' ? route.q : ''} />
        <div className="topbar-user">
          <div className="topbar-identity">
            <span className="topbar-name" data-testid="user-name">
              {user.displayName}
            </span>
            <RoleBadge label={user.roleLabel} colour={user.badgeColour} />
          </div>
          <button type="button" className="button button-ghost button-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>

      <main className="content" id="content" tabIndex={-1}>
        {user.mustChangePassword && <PasswordExpiredBanner />}
        {children}
      </main>
    </div>
  )
}

function NavLink({ to, current, icon, label }: { to: string; current: boolean; icon: ReactNode; label: string }) {
  return (
    <Link to={to} className="nav-link" aria-current={current ? 'page' : undefined} title={label}>
      {icon}
      <span className="nav-label">{label}</span>
    </Link>
  )
}

const dashboardIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3 3h6v8H3V3Zm8 0h6v5h-6V3ZM3 13h6v4H3v-4Zm8-3h6v7h-6v-7Z"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinejoin="round"
    />
  </svg>
)

const searchIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path d="M4 4.5h12M4 10h12M4 15.5h7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
)

// A statement with a pause mark: bills waiting for a decision.
const heldIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M5 2.75h7l3 3v11.5H5V2.75Zm7 0v3h3M8.5 9.5v5M11.5 9.5v5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)
