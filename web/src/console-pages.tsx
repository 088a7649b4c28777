/**
 * The console's pages, each loaded the first time it is shown (`React.lazy`), so signing in downloads
 * the shell and not every screen. Each wrapper carries its own `Suspense` boundary inside the page
 * area, so the navigation and top bar stay put while a page's code arrives.
 */
import { type ComponentType, type JSX, lazy, Suspense } from 'react'

/** The page area while a page's code loads: announced politely to screen readers. */
export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">Loading the page…</span>
    </div>
  )
}

/** A page component whose code is fetched on first render, showing `PageLoading` meanwhile. */
export function lazyPage<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  const Lazy = lazy(async () => ({ default: await load() }))
  return function LazyPage(props: JSX.IntrinsicAttributes & Props) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy {...props} />
      </Suspense>
    )
  }
}

export const DashboardPage = lazyPage(async () => (await import('./dashboard/dashboard-page.js')).DashboardPage)
export const SearchPage = lazyPage(async () => (await import('./accounts/search-page.js')).SearchPage)
export const AccountPage = lazyPage(async () => (await import('./accounts/account-page.js')).AccountPage)
export const HeldStatementsPage = lazyPage(
  async () => (await import('./billing/held-statements-page.js')).HeldStatementsPage,
)
export const CasesQueuePage = lazyPage(async () => (await import('./cases/cases-queue-page.js')).CasesQueuePage)
export const CasePage = lazyPage(async () => (await import('./cases/case-page.js')).CasePage)
export const EscalatedCasesPage = lazyPage(
  async () => (await import('./cases/escalated-cases-page.js')).EscalatedCasesPage,
)
export const EscalatedCasePage = lazyPage(
  async () => (await import('./cases/escalated-case-page.js')).EscalatedCasePage,
)
export const ApprovalsPage = lazyPage(async () => (await import('./payments/approvals-page.js')).ApprovalsPage)
export const WorklistPage = lazyPage(async () => (await import('./collections/worklist-page.js')).WorklistPage)
export const PoaReviewPage = lazyPage(async () => (await import('./legal/poa-review-page.js')).PoaReviewPage)
export const PricesPage = lazyPage(async () => (await import('./prices/prices-page.js')).PricesPage)
export const ReviewFlagsPage = lazyPage(
  async () => (await import('./review-flags/review-flags-page.js')).ReviewFlagsPage,
)
export const ActivityPage = lazyPage(async () => (await import('./audit/activity-page.js')).ActivityPage)
export const MySecurityPage = lazyPage(async () => (await import('./staff/my-security-page.js')).MySecurityPage)
export const StaffPage = lazyPage(async () => (await import('./staff/staff-page.js')).StaffPage)
export const TokensPage = lazyPage(async () => (await import('./staff/tokens-page.js')).TokensPage)
export const SupplierDetailsPage = lazyPage(
  async () => (await import('./staff/supplier-details-page.js')).SupplierDetailsPage,
)
export const NotFoundPage = lazyPage(async () => (await import('./shell/not-found-page.js')).NotFoundPage)
export const StaffInvitationPage = lazyPage(
  async () => (await import('./staff/invitation-accept-page.js')).StaffInvitationPage,
)
export const PortalApp = lazyPage(async () => (await import('./portal/portal-app.js')).PortalApp)
