/**
 * After sign-in: the accounts this person may use, each with how they are attached to it; for a
 * property manager, the portfolio with balances and a statement download per account (USR-2).
 */
import { Link } from '../router.js'
import { kindLabels } from './portal-api.js'
import { usePortalSession } from './portal-context.js'
import { portalPaths } from './portal-routes.js'
import { PortfolioPanel } from './portfolio-panel.js'

export function AccountPicker() {
  const { user, accounts } = usePortalSession()
  const managesPortfolio = accounts.some(
    (account) => account.kind === 'property_manager' || account.allows.includes('bulk_statements'),
  )

  return (
    <div className="portal-stack">
      <section className="portal-card" aria-labelledby="picker-title" data-testid="account-picker">
        <h1 className="portal-title" id="picker-title">
          Hello, {user.displayName}
        </h1>
        {accounts.length === 0 ? (
          <p className="muted" data-testid="no-accounts">
            There are no accounts on your login yet. If you were invited, open the link in your invitation email.
          </p>
        ) : (
          <>
            <p className="muted">Choose an account.</p>
            <ul className="portal-account-list">
              {accounts.map((account) => (
                <li key={account.accountNumber}>
                  <Link
                    to={portalPaths.account(account.accountNumber)}
                    className="portal-account-link"
                    data-testid="portal-account-link"
                    data-account={account.accountNumber}
                  >
                    <span className="portal-account-name">{account.name}</span>
                    <span className="muted">{account.address}</span>
                    <span className="portal-account-meta">
                      <span className="mono">{account.accountNumber}</span> · {kindLabels[account.kind] ?? account.kind}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {managesPortfolio && <PortfolioPanel />}
    </div>
  )
}
