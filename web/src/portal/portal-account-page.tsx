/**
 * One account in the portal: its name, address and balance, then tabs for what this person may do
 * on it (`allows`): bills, usage, payments, contact details and preferences, authorized users. A
 * screen not allowed is not offered at all. The tab is kept in the address (`?tab=usage`).
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { capitalise } from '../shared/format.js'
import { formatBalance } from '../shared/money.js'
import { TabList, TabPanel } from '../shared/panel-tabs.js'
import { BillsTab } from './bills-tab.js'
import { ContactTab } from './contact-tab.js'
import { MessagesTab } from './messages-tab.js'
import { PaymentsTab } from './payments-tab.js'
import * as portalApi from './portal-api.js'
import { usePortalSession } from './portal-context.js'
import { portalPaths } from './portal-routes.js'
import { SuppliesTab } from './supplies-tab.js'
import { PortalUsageTab } from './usage-tab.js'
import { UsersTab } from './users-tab.js'

type TabName = 'bills' | 'usage' | 'supplies' | 'payments' | 'messages' | 'contact' | 'users'

const tabs: ReadonlyArray<{ name: TabName; label: string; needs: portalApi.PortalCapability }> = [
  { name: 'bills', label: 'Bills', needs: 'view_bills' },
  { name: 'usage', label: 'Usage', needs: 'view_usage' },
  { name: 'supplies', label: 'Meters and tariff', needs: 'view_bills' },
  { name: 'payments', label: 'Payments', needs: 'view_payments' },
  { name: 'messages', label: 'Messages', needs: 'contact_service' },
  { name: 'contact', label: 'Contact details', needs: 'update_contact' },
  { name: 'users', label: 'Who can use this account', needs: 'manage_users' },
]

export function PortalAccountPage({ accountNumber }: { accountNumber: string }) {
  // A payment changes the balance, so paying invalidates this query (read again quietly, keeping the page).
  const detail = useQuery({
    queryKey: portalApi.portalKeys.account(accountNumber),
    queryFn: () => portalApi.accountDetail({ accountNumber }),
  })

  if (detail.data) return <AccountView account={detail.data} />
  if (detail.isError) {
    return (
      <section className="portal-card">
        <p className="callout callout-error" role="alert" data-testid="portal-account-error">
          {errorMessage(detail.error, 'This account could not be loaded.')}
        </p>
        <Link to={portalPaths.home()}>Back to your accounts</Link>
      </section>
    )
  }
  return (
    <div className="portal-card" aria-busy="true">
      <span className="visually-hidden">Loading your account…</span>
      <div className="skeleton skeleton-title" />
    </div>
  )
}

function tabFromAddress(): string | null {
  return new URLSearchParams(window.location.search).get('tab')
}

function AccountView({ account }: { account: portalApi.PortalAccount }) {
  const offered = tabs.filter((tab) => account.allows.includes(tab.needs))
  const [requested, setRequested] = useState<string | null>(tabFromAddress)
  const tab = offered.find((candidate) => candidate.name === requested) ?? offered[0]
  const ids = useId()
  // With one account there is no list to go back to: the portal opens straight on it.
  const hasOthers = usePortalSession().accounts.length > 1

  function choose(next: TabName) {
    setRequested(next)
    const url = new URL(window.location.href)
    url.searchParams.set('tab', next)
    window.history.replaceState(null, '', url)
  }

  const showsBalance = account.allows.includes('view_bills') || account.allows.includes('view_payments')

  return (
    <div className="portal-stack">
      {hasOthers && (
        <p className="portal-back">
          <Link to={portalPaths.home()}>‹ Your accounts</Link>
        </p>
      )}
      <section className="portal-card portal-account-header" data-testid="portal-account">
        <div>
          <h1 className="portal-title" data-testid="portal-account-name">
            {account.name}
          </h1>
          <p className="muted portal-flat">{account.address}</p>
          <p className="portal-account-meta">
            Account{' '}
            <span className="mono" data-testid="portal-account-number">
              {account.accountNumber}
            </span>
            {' · '}
            {portalApi.kindLabels[account.kind] ?? account.kind}
            {account.status !== 'active' && ` · ${capitalise(account.status)}`}
          </p>
        </div>
        {showsBalance && (
          <div className="portal-balance" data-testid="portal-balance">
            <span className="muted">Balance</span>
            <span className="portal-balance-figure">{formatBalance(account.balanceMinor)}</span>
          </div>
        )}
      </section>

      {account.allows.includes('contact_service') && (
        <p className="muted portal-help">Questions about this account? Write to us under Messages.</p>
      )}

      {offered.length === 0 || !tab ? (
        <p className="callout callout-info">There is nothing on this account you can view online.</p>
      ) : (
        <>
          <TabList
            ids={ids}
            tabs={offered}
            selected={tab.name}
            onSelect={choose}
            panelId={() => `${ids}-panel`}
            testIdPrefix="portal-tab-"
            label="Account sections"
          />
          <TabPanel ids={ids} tab={tab.name} id={`${ids}-panel`} testId={`portal-panel-${tab.name}`}>
            {tab.name === 'bills' && <BillsTab accountNumber={account.accountNumber} />}
            {tab.name === 'usage' && <PortalUsageTab accountNumber={account.accountNumber} />}
            {tab.name === 'supplies' && <SuppliesTab accountNumber={account.accountNumber} />}
            {tab.name === 'messages' && <MessagesTab accountNumber={account.accountNumber} />}
            {tab.name === 'payments' && (
              <PaymentsTab
                accountNumber={account.accountNumber}
                balanceMinor={account.balanceMinor}
                canPay={account.allows.includes('pay')}
              />
            )}
            {tab.name === 'contact' && <ContactTab accountNumber={account.accountNumber} />}
            {tab.name === 'users' && <UsersTab accountNumber={account.accountNumber} />}
          </TabPanel>
        </>
      )}
    </div>
  )
}
