/**
 * One account in the portal: its name, address and balance, then tabs for what this person may do
 * on it (`allows`): bills, usage, payments, contact details and preferences, authorized users. A
 * screen not allowed is not offered at all. The tab is kept in the address (`?tab=usage`).
 */
import { useQuery } from '@tanstack/react-query'
import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { Link } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { capitalise } from '../shared/format.js'
import { formatBalance } from '../shared/money.js'
import { BillsTab } from './bills-tab.js'
import { ContactTab } from './contact-tab.js'
import { PaymentsTab } from './payments-tab.js'
import * as portalApi from './portal-api.js'
import { portalPaths } from './portal-routes.js'
import { PortalUsageTab } from './usage-tab.js'
import { UsersTab } from './users-tab.js'

type TabName = 'bills' | 'usage' | 'payments' | 'contact' | 'users'

const tabs: ReadonlyArray<{ name: TabName; label: string; needs: portalApi.PortalCapability }> = [
  { name: 'bills', label: 'Bills', needs: 'view_bills' },
  { name: 'usage', label: 'Usage', needs: 'view_usage' },
  { name: 'payments', label: 'Payments', needs: 'view_payments' },
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
  const refs = useRef<Partial<Record<TabName, HTMLButtonElement | null>>>({})

  function choose(next: TabName, focus = false) {
    setRequested(next)
    if (focus) refs.current[next]?.focus()
    const url = new URL(window.location.href)
    url.searchParams.set('tab', next)
    window.history.replaceState(null, '', url)
  }

  function handleKey(event: KeyboardEvent<HTMLDivElement>) {
    if (!tab) return
    const at = offered.indexOf(tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = offered[(at + step + offered.length) % offered.length]
    if (next) choose(next.name, true)
  }

  const showsBalance = account.allows.includes('view_bills') || account.allows.includes('view_payments')

  return (
    <div className="portal-stack">
      <p className="portal-back">
        <Link to={portalPaths.home()}>‹ Your accounts</Link>
      </p>
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
        <p className="muted portal-help">Questions about this account? Our customer service team can help.</p>
      )}

      {offered.length === 0 || !tab ? (
        <p className="callout callout-info">There is nothing on this account you can view online.</p>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Account sections" onKeyDown={handleKey}>
            {offered.map(({ name, label }) => (
              <button
                key={name}
                ref={(element) => {
                  refs.current[name] = element
                }}
                type="button"
                role="tab"
                className="tab"
                id={`${ids}-tab-${name}`}
                aria-selected={tab.name === name}
                aria-controls={`${ids}-panel`}
                tabIndex={tab.name === name ? 0 : -1}
                onClick={() => choose(name)}
                data-testid={`portal-tab-${name}`}
              >
                {label}
              </button>
            ))}
          </div>
          <div
            className="tab-panel"
            role="tabpanel"
            id={`${ids}-panel`}
            aria-labelledby={`${ids}-tab-${tab.name}`}
            data-testid={`portal-panel-${tab.name}`}
          >
            {tab.name === 'bills' && <BillsTab accountNumber={account.accountNumber} />}
            {tab.name === 'usage' && <PortalUsageTab accountNumber={account.accountNumber} />}
            {tab.name === 'payments' && (
              <PaymentsTab
                accountNumber={account.accountNumber}
                balanceMinor={account.balanceMinor}
                canPay={account.allows.includes('pay')}
              />
            )}
            {tab.name === 'contact' && <ContactTab accountNumber={account.accountNumber} />}
            {tab.name === 'users' && <UsersTab accountNumber={account.accountNumber} />}
          </div>
        </>
      )}
    </div>
  )
}
