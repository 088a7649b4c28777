/**
 * The dashboard: a welcome, account search and this browser's recently viewed accounts. Cases,
 * tasks and daily volumes come from the server in a later release; until then their panels say so
 * rather than showing made-up figures.
 */

import { useRecentAccounts } from '../accounts/recent-accounts.js'
import { RecentAccountsList, recentAccountsHeading } from '../accounts/recent-accounts-list.js'
import { useSession } from '../console-context.js'
import { SearchBox } from '../shell/search-box.js'

const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hour12: false })

function greeting(now: Date): string {
  const hour = Number(londonHour.format(now))
  if (hour < 12) return 'Good morning'
  if (hour < 18) return 'Good afternoon'
  return 'Good evening'
}

export function DashboardPage() {
  const { user } = useSession()
  const { accounts, clear } = useRecentAccounts(user.id)
  const firstName = user.displayName.split(' ')[0] ?? user.displayName

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">
            {greeting(new Date())}, {firstName}
          </h1>
          <p className="page-lede">Find a customer by name, account number, postcode, email or phone.</p>
        </div>
      </header>

      <section className="card card-search" aria-label="Find an account">
        <SearchBox size="large" testId="dashboard-search-input" />
      </section>

      <div className="dashboard-grid">
        <section className="card" aria-labelledby="recent-title">
          <header className="card-header">
            <h2 className="card-title" id="recent-title">
              {recentAccountsHeading}
            </h2>
            {accounts.length > 0 && (
              <button type="button" className="button button-ghost button-small" onClick={clear}>
                Clear
              </button>
            )}
          </header>
          <RecentAccountsList accounts={accounts} />
        </section>

        <section className="card" aria-labelledby="work-title">
          <header className="card-header">
            <h2 className="card-title" id="work-title">
              Your work
            </h2>
          </header>
          <dl className="placeholder-list">
            <div>
              <dt>Assigned cases</dt>
              <dd>Shown here once case management is switched on.</dd>
            </div>
            <div>
              <dt>Pending tasks</dt>
              <dd>Shown here once tasks are switched on.</dd>
            </div>
            <div>
              <dt>Today’s volumes</dt>
              <dd>Calls, payments and bills handled today will appear here.</dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  )
}
