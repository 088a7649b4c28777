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
  ReviewFlagsPage,
  WorklistPage,
} from '../console-pages.js'
import { poaReviewPermission } from '../legal/legal-api.js'
import { approvalsPermission } from '../payments/payments-api.js'
import { reviewFlagsPermission } from '../review-flags/review-flags-api.js'
import { Link, matchRoute, paths, useLocation } from '../router.js'
import { ConsoleBrand } from '../session/login-panel.js'
import { PasswordExpiredBanner } from '../session/password-expired-banner.js'
import { accessGatedLinks, isAccessRoute, StaffAccessPage, securityIcon } from '../staff/access-nav.js'
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
        {/* The payments, collections, legal, review-flag, escalated-case and activity pages are rendered here; app.tsx's route switch does not list them. */}
        {route.name === 'approvals' ? (
          <ApprovalsPage />
        ) : route.name === 'collections-worklist' ? (
          <WorklistPage />
        ) : route.name === 'poa-review' ? (
          <PoaReviewPage />
        ) : route.name === 'review-flags' ? (
          <ReviewFlagsPage />
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

// A folder: customer issues being worked.
const casesIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M2.75 5.25h5l1.5 1.75h8v8.75H2.75V5.25Zm0 4h14.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinejoin="round"
    />
  </svg>
)

// A folder with an upward arrow: cases raised above the front line.
const escalatedIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M2.75 5.25h5l1.5 1.75h8v8.75H2.75V5.25ZM10 14v-4.5M7.75 11.5 10 9.25l2.25 2.25"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

// A tick in a box: decisions waiting for a supervisor.
const approvalsIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3.75 3.75h12.5v12.5H3.75V3.75Zm3 6.5 2.25 2.25 4.25-4.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

// A list with a pound sign's bar: accounts owing, in order.
const worklistIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3 5h8M3 10h8M3 15h8M14.5 4v12M12.5 7.5h4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    />
  </svg>
)

// A person with a clock: what one staff user did, and when.
const activityIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M7.5 8.5a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5ZM2.75 16.5c0-2.75 2-4.75 4.75-4.75 1 0 1.9.25 2.6.75M14.5 17.25a3.25 3.25 0 1 0 0-6.5 3.25 3.25 0 0 0 0 6.5Zm0-4.75V14l1 .75"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

// A document with a seal: papers waiting for the legal team.
const reviewFlagsIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M4.75 17.25V3.25M4.75 3.75h9.5l-2 3.5 2 3.5h-9.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

const poaIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M4.75 2.75h7l3.5 3.5v5M4.75 2.75v14.5h6M7.5 7.5h5M7.5 10.5h3.5M14.5 17.25a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

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
