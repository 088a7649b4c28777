/**
 * Where the staff-access pages sit in the console: the page for each of their routes, and their
 * navigation entries (My security for everyone; Staff and Tokens for those holding their permission).
 */
import type { ReactNode } from 'react'
import { MySecurityPage, StaffPage, TokensPage } from '../console-pages.js'
import { paths } from '../router.js'
import { staffIcon, tokensIcon } from '../shared/icons.js'
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
