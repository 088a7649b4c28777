/**
 * Where the staff-access pages sit in the console: the page for each of their routes, and their
 * navigation entries (My security for everyone; Staff and Tokens for those holding their permission).
 */
import type { ReactNode } from 'react'
import { MySecurityPage, StaffPage, TokensPage } from '../console-pages.js'
import { paths } from '../router.js'
import { staffPermission, tokensPermission } from './access-api.js'

/** The staff-access routes' names (`router.tsx`). */
export type AccessRouteName = 'my-security' | 'staff' | 'tokens'

/** Whether a route is one of the staff-access pages. */
export function isAccessRoute(name: string): name is AccessRouteName {
  return name === 'my-security' || name === 'staff' || name === 'tokens'
}

/** The page for a staff-access route. */
export function StaffAccessPage({ page }: { page: AccessRouteName }) {
  if (page === 'staff') return <StaffPage />
  if (page === 'tokens') return <TokensPage />
  return <MySecurityPage />
}

// A shield: your own sign-in protection.
export const securityIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M10 2.75 4 5v4.5c0 3.75 2.5 6.5 6 7.75 3.5-1.25 6-4 6-7.75V5l-6-2.25Zm-2.5 7.5 1.75 1.75 3.5-3.75"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

// Two people: the staff who may sign in.
const staffIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M7.5 9a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5ZM2.5 16.5c0-2.75 2.25-5 5-5s5 2.25 5 5M13.5 4a2.5 2.5 0 0 1 0 5M15 11.75c1.5.6 2.5 2.25 2.5 4.75"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

// A key: credentials for integrations.
const tokensIcon = (
  <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M7 13.5a3.5 3.5 0 1 1 2.9-5.45h7.35v2.9h-1.5v1.8h-2.5v-1.8H9.9A3.5 3.5 0 0 1 7 13.5Zm-.75-3.5h.01"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

/** The Staff and Tokens entries, for the shell's permission-gated navigation. */
export const accessGatedLinks: readonly {
  permission: string
  to: () => string
  routes: readonly string[]
  icon: ReactNode
  label: string
  testId: string
}[] = [
  {
    permission: staffPermission,
    to: paths.staff,
    routes: ['staff'],
    icon: staffIcon,
    label: 'Staff',
    testId: 'nav-staff',
  },
  {
    permission: tokensPermission,
    to: paths.tokens,
    routes: ['tokens'],
    icon: tokensIcon,
    label: 'Tokens',
    testId: 'nav-tokens',
  },
]
