/**
 * The account overview (ACC-3, first part): who the customer is, where they are supplied, how to
 * reach them, how they are billed, and the account's notes with a form to add one (ACC-5).
 */
import { useEffect, useState } from 'react'
import { type AccountNote, type AccountOverview, ApiError, type PostalAddress } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { capitalise, formatCalendarDate } from '../shared/format.js'
import { NoteForm } from './note-form.js'
import { NotesList } from './notes-list.js'
import { rememberRecentAccount } from './recent-accounts.js'
import { StatusChip } from './status-chip.js'

type Overview =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError | null }
  | { status: 'loaded'; overview: AccountOverview }

export function AccountPage({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const [state, setState] = useState<Overview>({ status: 'loading' })
  const [notes, setNotes] = useState<AccountNote[]>([])

  useEffect(() => {
    let current = true
    api
      .accountOverview({ accountNumber })
      .then((overview) => {
        if (!current) return
        setState({ status: 'loaded', overview })
        setNotes(overview.notes.items)
        rememberRecentAccount(user.id, {
          accountNumber: overview.account.number,
          customerName: overview.customer.displayName,
          postcode: overview.property.postcode,
          viewedAt: new Date().toISOString(),
        })
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', error: error instanceof ApiError ? error : null })
      })
    return () => {
      current = false
    }
  }, [api, accountNumber, user.id])

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
        <header className="page-header">
          <h1 className="page-title">{notFound ? `No account ${accountNumber}` : 'The account could not be loaded'}</h1>
        </header>
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
        <StatusChip status={account.status} />
      </header>

      <div className="overview-grid">
        <section className="card" aria-labelledby="supply-title">
          <h2 className="card-title" id="supply-title">
            Service address
          </h2>
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
        </section>

        <section className="card" aria-labelledby="billing-address-title">
          <h2 className="card-title" id="billing-address-title">
            Billing address
          </h2>
          {billingAddress ? (
            <Address address={billingAddress} testId="billing-address" />
          ) : (
            <p className="muted">Same as the service address.</p>
          )}
          <dl className="facts">
            <div>
              <dt>Bills by</dt>
              <dd>{preferences.billingMode === 'paperless' ? 'Email (paperless)' : 'Post (paper)'}</dd>
            </div>
          </dl>
        </section>

        <section className="card" aria-labelledby="contacts-title">
          <h2 className="card-title" id="contacts-title">
            Contact details
          </h2>
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
        </section>
      </div>

      <section className="card notes-card" aria-labelledby="notes-title">
        <header className="card-header">
          <h2 className="card-title" id="notes-title">
            Notes
          </h2>
          <span className="muted">Notes cannot be changed once saved; add a new note to correct one.</span>
        </header>
        <NoteForm accountNumber={account.number} onAdded={(note) => setNotes((current) => [note, ...current])} />
        <NotesList notes={notes} more={state.overview.notes.nextCursor !== null} />
      </section>
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
