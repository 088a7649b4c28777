/**
 * The account page, in tabs. Overview (ACC-3): the account at a glance (what the customer owes and
 * what they are on, `AccountGlance`), who the customer is, where they are supplied, how to reach
 * them, how they are billed, and the account's notes with a form to add one (ACC-5). Usage (UI-1/ANA-1/MET-3): meter points, usage, readings. The tab is kept in the address
 * (`?tab=usage`) so a reload or a shared link opens the same tab.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { type AccountNote, type AccountOverview, ApiError, type PostalAddress } from '../api.js'
import { CasesTab } from '../cases/cases-tab.js'
import { CollectionsTab } from '../collections/collections-tab.js'
import { CommunicationsTab } from '../comms/communications-tab.js'
import { useApi, useSession } from '../console-context.js'
import { PaymentsTab } from '../payments/payments-tab.js'
import { Link, paths } from '../router.js'
import { capitalise, formatCalendarDate } from '../shared/format.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { TabList, TabPanel } from '../shared/panel-tabs.js'
import { TimelineTab } from '../timeline/timeline-tab.js'
import { AccountGlance } from './account-glance.js'
import { BillingAddressDialog } from './billing-address-dialog.js'
import { BillingTab } from './billing-tab.js'
import { MoveOutDialog } from './move-out-dialog.js'
import { NoteForm } from './note-form.js'
import { NotesList } from './notes-list.js'
import { rememberRecentAccount } from './recent-accounts.js'
import { ReviewFlagBanner } from './review-flag-banner.js'
import { SiteNeedsCard } from './site-needs-card.js'
import { AccountStatusColour, StatusChip } from './status-chip.js'
import { UsageTab } from './usage-tab.js'
import { UsersTab } from './users-tab.js'
import { VerifyCallerDialog } from './verify-caller-dialog.js'

type TabName =
  | 'overview'
  | 'timeline'
  | 'usage'
  | 'billing'
  | 'payments'
  | 'collections'
  | 'cases'
  | 'communications'
  | 'users'

const tabLabels: Record<TabName, string> = {
  overview: 'Overview',
  usage: 'Usage',
  billing: 'Billing',
  payments: 'Payments',
  collections: 'Collections',
  timeline: 'Timeline',
  cases: 'Cases',
  communications: 'Communications',
  users: 'Users',
}

function tabFromAddress(): TabName {
  const tab = new URLSearchParams(window.location.search).get('tab')
  return tab && Object.hasOwn(tabLabels, tab) ? (tab as TabName) : 'overview'
}

type Overview =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError | null }
  | { status: 'loaded'; overview: AccountOverview }

export function AccountPage({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const queryClient = useQueryClient()
  const overviewKey = ['account', accountNumber, 'overview']
  const loaded = useQuery({ queryKey: overviewKey, queryFn: () => api.accountOverview({ accountNumber }) })
  const state: Overview = loaded.isPending
    ? { status: 'loading' }
    : loaded.isError
      ? { status: 'failed', error: loaded.error instanceof ApiError ? loaded.error : null }
      : { status: 'loaded', overview: loaded.data }
  const notes = loaded.data?.notes?.items ?? []
  // A new note goes on top of the list shown, and into the timeline.
  const noteAdded = (note: AccountNote) => {
    queryClient.setQueryData<AccountOverview>(overviewKey, (overview) =>
      overview?.notes
        ? { ...overview, notes: { ...overview.notes, items: [note, ...overview.notes.items] } }
        : overview,
    )
    void queryClient.invalidateQueries({ queryKey: ['account', accountNumber, 'timeline'] })
  }
  const [requestedTab, setRequestedTab] = useState<TabName>(tabFromAddress)
  const [movingOut, setMovingOut] = useState(false)
  const [verifying, setVerifying] = useState(false)
  const [changingAddress, setChangingAddress] = useState(false)
  const tabIds = useId()
  const tabs: TabName[] = [
    'overview',
    ...(user.permissions.includes('metering.usage.read') ? (['usage'] as const) : []),
    ...(user.permissions.includes('billing.statement.read') ? (['billing'] as const) : []),
    ...(user.permissions.includes('payments.history.read') ? (['payments', 'collections'] as const) : []),
    ...(user.permissions.includes('cases.case.read') ? (['cases'] as const) : []),
    ...(user.permissions.includes('comms.message.read') ? (['communications'] as const) : []),
    ...(user.permissions.includes('accounts.account.read') ? (['timeline'] as const) : []),
    ...(user.permissions.includes('accounts.account.read') ? (['users'] as const) : []),
  ]
  const tab = tabs.includes(requestedTab) ? requestedTab : 'overview'

  function selectTab(next: TabName) {
    setRequestedTab(next)
    // Kept in the address without a navigation (no scroll, no history entry).
    const url = new URL(window.location.href)
    if (next === 'overview') url.searchParams.delete('tab')
    else url.searchParams.set('tab', next)
    if (next !== 'billing') url.searchParams.delete('statement')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }

  // An account seen goes on the agent's recent accounts (kept in this browser).
  const seen = loaded.data
  useEffect(() => {
    if (!seen) return
    rememberRecentAccount(user.id, {
      accountNumber: seen.account.number,
      customerName: seen.customer.displayName,
      postcode: seen.property.postcode,
      viewedAt: new Date().toISOString(),
    })
  }, [seen, user.id])

  if (state.status === 'loading') {
    return (
      <div className="page" aria-busy="true">
        <span className="visually-hidden">Loading the account…</span>
        <div className="skeleton skeleton-title" />
        <div className="overview-grid">
          <div className="card skeleton-card" />
          <div className="card skeleton-card" />
          <div className="card skeleton-card" />
        </div>
      </div>
    )
  }

  if (state.status === 'failed') {
    const notFound = state.error?.status === 404
    return (
      <div className="page">
        <PageHeader title={notFound ? `No account ${accountNumber}` : 'The account could not be loaded'} />
        <div className="card">
          <p>
            {notFound
              ? 'Check the number, or search by the customer’s name or postcode.'
              : (state.error?.message ?? 'Something went wrong. Please try again.')}
          </p>
          <p>
            <Link to={paths.search('')}>Search accounts</Link>
          </p>
        </div>
      </div>
    )
  }

  const { account, customer, property, billingAddress, contacts, preferences } = state.overview

  return (
    <div className="page">
      <header className="page-header account-header">
        <div>
          <p className="eyebrow">
            {customer.kind === 'business' ? 'Business account' : 'Residential account'}
            <span className="dot-separator" aria-hidden="true">
              ·
            </span>
            <span className="mono" data-testid="account-number">
              {account.number}
            </span>
          </p>
          <h1 className="page-title" data-testid="customer-name">
            {customer.displayName}
          </h1>
          <p className="page-lede">
            Opened {formatCalendarDate(account.openedOn)}
            <span className="dot-separator" aria-hidden="true">
              ·
            </span>
            {account.market.toUpperCase()} market
          </p>
        </div>
        <div className="account-standing">
          <StatusChip status={account.status} />
          {state.overview.standing && <AccountStatusColour standing={state.overview.standing} />}
          {user.permissions.includes('accounts.verification.record') && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setVerifying(true)}
              data-testid="verify-caller"
            >
              Verify caller
            </button>
          )}
          {account.status === 'active' && user.permissions.includes('accounts.account.create') && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setMovingOut(true)}
              data-testid="move-out"
            >
              Move out
            </button>
          )}
        </div>
        {movingOut && <MoveOutDialog accountNumber={account.number} onClose={() => setMovingOut(false)} />}
        {verifying && <VerifyCallerDialog accountNumber={account.number} onClose={() => setVerifying(false)} />}
      </header>
      <ReviewFlagBanner flags={state.overview.reviewFlags ?? []} />

      <TabList
        ids={tabIds}
        tabs={tabs.map((name) => ({ name, label: tabLabels[name] }))}
        selected={tab}
        onSelect={selectTab}
        panelId={(name) => `${tabIds}-panel-${name}`}
        testIdPrefix="tab-"
        label="Account sections"
      />

      <TabPanel ids={tabIds} tab={tab} id={`${tabIds}-panel-${tab}`}>
        {tab === 'users' ? (
          <UsersTab accountNumber={account.number} />
        ) : tab === 'cases' ? (
          <CasesTab accountNumber={account.number} />
        ) : tab === 'communications' ? (
          <CommunicationsTab accountNumber={account.number} />
        ) : tab === 'timeline' ? (
          <TimelineTab accountNumber={account.number} />
        ) : tab === 'payments' ? (
          <PaymentsTab accountNumber={account.number} />
        ) : tab === 'collections' ? (
          <CollectionsTab accountNumber={account.number} />
        ) : tab === 'usage' ? (
          <UsageTab accountNumber={account.number} />
        ) : tab === 'billing' ? (
          <BillingTab accountNumber={account.number} business={customer.kind === 'business'} />
        ) : (
          <>
            <div className="overview-grid">
              <AccountGlance glance={state.overview} />
              <Panel title="Service address">
                <Address address={property} testId="service-address" />
                <dl className="facts">
                  <div>
                    <dt>GSP region</dt>
                    <dd>
                      {property.gspRegion ? (
                        <>
                          {property.gspRegion.name} <span className="mono muted">{property.gspRegion.code}</span>
                        </>
                      ) : (
                        <span className="muted">Not known</span>
                      )}
                    </dd>
                  </div>
                </dl>
              </Panel>

              {preferences && (
                <Panel
                  title="Billing address"
                  aside={
                    user.permissions.includes('accounts.contact.update') ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setChangingAddress(true)}
                        data-testid="billing-address-change"
                      >
                        Change
                      </button>
                    ) : null
                  }
                >
                  {billingAddress ? (
                    <Address address={billingAddress} testId="billing-address" />
                  ) : (
                    <p className="muted">Same as the service address.</p>
                  )}
                  {changingAddress && (
                    <BillingAddressDialog
                      accountNumber={account.number}
                      current={billingAddress ?? null}
                      onClose={() => setChangingAddress(false)}
                    />
                  )}
                  <dl className="facts">
                    <div>
                      <dt>Bills by</dt>
                      <dd>{preferences.billingMode === 'paperless' ? 'Email (paperless)' : 'Post (paper)'}</dd>
                    </div>
                  </dl>
                </Panel>
              )}

              {contacts && (
                <Panel title="Contact details">
                  {contacts.emails.length === 0 && contacts.phones.length === 0 && (
                    <p className="muted">No contact details on file.</p>
                  )}
                  <ul className="contact-list">
                    {contacts.emails.map((email) => (
                      <li key={`email:${email.address}`}>
                        <span className="contact-kind">Email</span>
                        <a href={`mailto:${email.address}`}>{email.address}</a>
                        {email.primary && <span className="chip chip-info">Primary</span>}
                      </li>
                    ))}
                    {contacts.phones.map((phone) => (
                      <li key={`phone:${phone.number}`}>
                        <span className="contact-kind">{phone.label ? capitalise(phone.label) : 'Phone'}</span>
                        <a href={`tel:${phone.number.replace(/\s+/g, '')}`}>{phone.number}</a>
                        {phone.primary && <span className="chip chip-info">Primary</span>}
                      </li>
                    ))}
                  </ul>
                </Panel>
              )}

              {state.overview.siteNeeds && <SiteNeedsCard needs={state.overview.siteNeeds} />}
            </div>

            {state.overview.notes && (
              <Panel
                title="Notes"
                aside={
                  <span className="muted">Notes cannot be changed once saved; add a new note to correct one.</span>
                }
                className="notes-card"
              >
                <NoteForm accountNumber={account.number} onAdded={noteAdded} />
                <NotesList notes={notes} more={state.overview.notes.nextCursor !== null} />
              </Panel>
            )}
          </>
        )}
      </TabPanel>
    </div>
  )
}

function Address({ address, testId }: { address: PostalAddress; testId: string }) {
  return (
    <address className="address" data-testid={testId}>
      {address.addressLines.map((line) => (
        <span key={line}>{line}</span>
      ))}
      <span>{address.town}</span>
      <span className="mono">{address.postcode}</span>
    </address>
  )
}
