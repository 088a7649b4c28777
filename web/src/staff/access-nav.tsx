/**
 * Where the staff-access and settings pages sit in the console: the page for each of their routes,
 * and their navigation entries (My security for everyone; Staff, Tokens and Supplier details for
 * those holding their permission).
 */
import type { ReactNode } from 'react'
import { MySecurityPage, StaffPage, SupplierDetailsPage, TokensPage } from '../console-pages.js'
import { paths } from '../router.js'
import { settingsIcon, staffIcon, tokensIcon } from '../shared/icons.js'
import { staffPermission, tokensPermission } from './access-api.js'
import { supplierDetailsReadPermission } from './settings-api.js'

/** The staff-access routes' names (`router.tsx`). */
export type AccessRouteName = 'my-security' | 'staff' | 'tokens' | 'supplier-details'

/** Whether a route is one of the staff-access pages. */
export function isAccessRoute(name: string): name is AccessRouteName {
  return name === 'my-security' || name === 'staff' || name === 'tokens' || name === 'supplier-details'
}

/** The page for a staff-access route. */
export function StaffAccessPage({ page }: { page: AccessRouteName }) {
  if (page === 'staff') return <StaffPage />
  if (page === 'tokens') return <TokensPage />
  if (page === 'supplier-details') return <SupplierDetailsPage />
  return <MySecurityPage />
}

/** The Staff, Tokens and Supplier details entries, for the shell's permission-gated navigation. */
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
  {
    permission: supplierDetailsReadPermission,
    to: paths.supplierDetails,
    routes: ['supplier-details'],
    icon: settingsIcon,
    label: 'Supplier details',
    testId: 'nav-supplier-details',
  },
]
