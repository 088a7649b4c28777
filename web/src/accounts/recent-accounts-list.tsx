import { Link, paths } from '../router.js'
import { formatLondonDateTime } from '../shared/format.js'
import type { RecentAccount } from './recent-accounts.js'

export const recentAccountsHeading = 'Recently viewed accounts'

/** The recently viewed accounts, or an empty state explaining where they come from. */
export function RecentAccountsList({ accounts }: { accounts: RecentAccount[] }) {
  if (accounts.length === 0) {
    return (
      <p className="empty">
        Accounts you open will be listed here. The list is kept in this browser only, so it starts empty on a new
        device.
      </p>
    )
  }
  return (
    <ul className="row-list">
      {accounts.map((account) => (
        <li key={account.accountNumber}>
          <Link to={paths.account(account.accountNumber)} className="row-link" data-testid="recent-account">
            <span className="mono">{account.accountNumber}</span>
            <span className="row-primary">{account.customerName}</span>
            <span className="muted">{account.postcode}</span>
            <time className="muted row-end" dateTime={account.viewedAt}>
              {formatLondonDateTime(account.viewedAt)}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  )
}
