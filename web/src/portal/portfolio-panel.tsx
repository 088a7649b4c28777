/**
 * A property manager's portfolio (USR-2): only the accounts they manage, with balances; per account a
 * download of its latest statement, and for the whole portfolio one ZIP of statement PDFs (each
 * account's latest, or every one issued in a chosen month). Below it, tenant start/stop requests.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { formatBalance } from '../shared/money.js'
import { DataTable } from '../shared/table.js'
import * as portalApi from './portal-api.js'
import { PortalList } from './portal-list.js'
import { portalPaths } from './portal-routes.js'
import { TenantRequestsPanel } from './tenant-requests-panel.js'

export function PortfolioPanel() {
  const portfolio = useQuery({ queryKey: portalApi.portalKeys.portfolio, queryFn: portalApi.portfolio })
  const accounts = portfolio.data

  return (
    <>
      <section className="portal-card" aria-labelledby="portfolio-title" data-testid="portfolio">
        <h2 className="portal-subtitle" id="portfolio-title">
          Your portfolio
        </h2>
        <PortalList
          items={accounts}
          query={portfolio}
          loading="Loading your portfolio…"
          failed="Your portfolio could not be loaded."
          empty="No accounts are in your portfolio."
        >
          {(accounts) => (
            <div className="portal-stack">
              <DataTable columns={['Account', 'Address', { label: 'Balance', numeric: true }, 'Statements']}>
                {accounts.map((account) => (
                  <tr key={account.accountNumber} data-testid="portfolio-row" data-account={account.accountNumber}>
                    <th scope="row">
                      <Link to={portalPaths.account(account.accountNumber)}>{account.name}</Link>
                      <div className="mono muted">{account.accountNumber}</div>
                    </th>
                    <td>{account.address}</td>
                    <td className="numeric">{formatBalance(account.balanceMinor)}</td>
                    <td>
                      <LatestStatementDownload accountNumber={account.accountNumber} />
                    </td>
                  </tr>
                ))}
              </DataTable>
              <BulkStatementsDownload />
            </div>
          )}
        </PortalList>
      </section>
      {accounts && accounts.length > 0 && <TenantRequestsPanel accounts={accounts} />}
    </>
  )
}

/** One ZIP of statement PDFs for the whole portfolio, saved under the server's file name. */
function BulkStatementsDownload() {
  const [month, setMonth] = useState('')
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })

  async function download() {
    setState({ busy: true, message: null })
    try {
      const { blob, fileName } = await portalApi.portfolioStatementsZip(month ? { month } : {})
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      setState({ busy: false, message: null })
    } catch (error) {
      setState({ busy: false, message: errorMessage(error, 'The statements could not be downloaded.') })
    }
  }

  return (
    <div className="form form-inline-grid" data-testid="portfolio-bulk">
      <div className="field">
        <label className="field-label" htmlFor="portfolio-bulk-month">
          Statements issued in <span className="muted">(leave empty for each account's latest)</span>
        </label>
        <input
          id="portfolio-bulk-month"
          className="input"
          type="month"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          data-testid="portfolio-bulk-month"
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void download()}
          disabled={state.busy}
          data-testid="portfolio-bulk-download"
        >
          {state.busy ? 'Preparing…' : 'Download all statements (ZIP)'}
        </button>
      </div>
      {state.message && (
        <p className="callout callout-error form-wide" role="alert" data-testid="portfolio-bulk-message">
          {state.message}
        </p>
      )}
    </div>
  )
}

function LatestStatementDownload({ accountNumber }: { accountNumber: string }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })

  async function download() {
    setState({ busy: true, message: null })
    try {
      // The same cached list as the account's bills tab.
      const [latest] = await queryClient.fetchQuery({
        queryKey: portalApi.portalKeys.statements(accountNumber),
        queryFn: () => portalApi.statements({ accountNumber }),
      })
      if (!latest) {
        setState({ busy: false, message: 'No statements yet.' })
        return
      }
      setState({ busy: false, message: null })
      window.location.assign(portalApi.statementPdfUrl({ accountNumber, number: latest.number }))
    } catch (error) {
      setState({ busy: false, message: errorMessage(error, 'The statements could not be loaded.') })
    }
  }

  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={() => void download()}
        disabled={state.busy}
        data-testid="portfolio-download"
      >
        {state.busy ? 'Finding…' : 'Download latest statement (PDF)'}
      </button>
      {state.message && <div className="field-error">{state.message}</div>}
    </>
  )
}
