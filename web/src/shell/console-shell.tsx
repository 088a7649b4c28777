/**
 * The signed-in frame: left navigation, a top bar with search and the signed-in user, and the
 * content area for the current page.
 */
import type { ReactNode } from 'react'
import { activityPermission } from '../audit/activity-api.js'
import { casesPermission } from '../cases/cases-api.js'
import { escalatedCasesPermission } from '../cases/escalated-cases-api.js'
import { worklistPermission } from '../collections/collections-api.js'
import { useSession } from '../console-context.js'
import {
  ActivityPage,
  ApprovalsPage,
  EscalatedCasePage,
  EscalatedCasesPage,
  PoaReviewPage,
  PricesPage,
  ReviewFlagsPage,
  WorklistPage,
} from '../console-pages.js'
import { poaReviewPermission } from '../legal/legal-api.js'
import { approvalsPermission } from '../payments/payments-api.js'
import { pricesPermission } from '../prices/prices-api.js'
import { reviewFlagsPermission } from '../review-flags/review-flags-api.js'
import { Link, matchRoute, paths, useLocation } from '../router.js'
import { ConsoleBrand } from '../session/login-panel.js'
import { PasswordExpiredBanner } from '../session/password-expired-banner.js'
import {
  activityIcon,
  approvalsIcon,
  casesIcon,
  dashboardIcon,
  escalatedIcon,
  heldIcon,
  poaIcon,
  pricesIcon,
  reviewFlagsIcon,
  searchIcon,
  securityIcon,
  worklistIcon,
} from '../shared/icons.js'
import { accessGatedLinks, isAccessRoute, StaffAccessPage } from '../staff/access-nav.js'
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
          <ConsoleBrand inline />
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
          {gatedLinks
            .filter(
              (link) =>
                user.permissions.includes(link.permission) && !(link.unless && user.permissions.includes(link.unless)),
            )
            .map((link) => (
              <li key={link.label}>
                <NavLink
                  to={link.to()}
                  current={link.routes.includes(route.name)}
                  icon={link.icon}
                  label={link.label}
                  {...(link.testId ? { testId: link.testId } : {})}
                />
              </li>
            ))}
          <li>
            <NavLink
              to={paths.mySecurity()}
              current={route.name === 'my-security'}
              icon={securityIcon}
              label="My security"
              testId="nav-my-security"
            />
          </li>
        </ul>
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
        {/* The payments, collections, legal, review-flag, prices, escalated-case and activity pages are rendered here; app.tsx's route switch does not list them. */}
        {route.name === 'approvals' ? (
          <ApprovalsPage />
        ) : route.name === 'collections-worklist' ? (
          <WorklistPage />
        ) : route.name === 'poa-review' ? (
          <PoaReviewPage />
        ) : route.name === 'review-flags' ? (
          <ReviewFlagsPage />
        ) : route.name === 'prices' ? (
          <PricesPage />
        ) : isAccessRoute(route.name) ? (
          <StaffAccessPage page={route.name} />
        ) : route.name === 'escalated-cases' ? (
          <EscalatedCasesPage />
        ) : route.name === 'escalated-case' ? (
          <EscalatedCasePage key={route.caseRef} caseRef={route.caseRef} />
        ) : route.name === 'activity' ? (
          <ActivityPage
            key={`${route.user}|${route.from}|${route.to}`}
            user={route.user}
            from={route.from}
            to={route.to}
          />
        ) : (
          children
        )}
      </main>
    </div>
  )
}

function NavLink({
  to,
  current,
  icon,
  label,
  testId,
}: {
  to: string
  current: boolean
  icon: ReactNode
  label: string
  testId?: string
}) {
  return (
    <Link
      to={to}
      className="nav-link"
      aria-current={current ? 'page' : undefined}
      title={label}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      {icon}
      <span className="nav-label">{label}</span>
    </Link>
  )
}

/**
 * The pages shown in the navigation only to those holding their permission (and not `unless`, when
 * another page already serves them), in order.
 */
const gatedLinks: readonly {
  permission: string
  unless?: string
  to: () => string
  routes: readonly string[]
  icon: ReactNode
  label: string
  testId?: string
}[] = [
  {
    permission: casesPermission,
    to: paths.cases,
    routes: ['cases', 'case'],
    icon: casesIcon,
    label: 'Cases',
    testId: 'nav-cases',
  },
  {
    // Executives read the escalated cases and nothing else of cases; those who work the cases queue
    // (supervisors) find the same cases there, so one case entry in the nav is enough for them.
    permission: escalatedCasesPermission,
    unless: casesPermission,
    to: paths.escalatedCases,
    routes: ['escalated-cases', 'escalated-case'],
    icon: escalatedIcon,
    label: 'Escalated cases',
    testId: 'nav-escalated-cases',
  },
  {
    permission: 'billing.anomaly.resolve',
    to: paths.heldStatements,
    routes: ['held-statements'],
    icon: heldIcon,
    label: 'Held statements',
  },
  {
    permission: approvalsPermission,
    to: paths.approvals,
    routes: ['approvals'],
    icon: approvalsIcon,
    label: 'Approvals',
    testId: 'nav-approvals',
  },
  {
    permission: worklistPermission,
    to: paths.collectionsWorklist,
    routes: ['collections-worklist'],
    icon: worklistIcon,
    label: 'Collections',
    testId: 'nav-collections',
  },
  {
    permission: poaReviewPermission,
    to: paths.poaReview,
    routes: ['poa-review'],
    icon: poaIcon,
    label: 'Power of attorney',
    testId: 'nav-poa-review',
  },
  {
    permission: pricesPermission,
    to: paths.prices,
    routes: ['prices'],
    icon: pricesIcon,
    label: 'Prices',
    testId: 'nav-prices',
  },
  {
    permission: reviewFlagsPermission,
    to: paths.reviewFlags,
    routes: ['review-flags'],
    icon: reviewFlagsIcon,
    label: 'Review flags',
    testId: 'nav-review-flags',
  },
  {
    permission: activityPermission,
    to: paths.activity,
    routes: ['activity'],
    icon: activityIcon,
    label: 'Activity',
    testId: 'nav-activity',
  },
  ...accessGatedLinks,
]
