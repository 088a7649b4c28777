/**
 * A property manager's portfolio (USR-2): only the accounts they manage, with balances, and per
 * account a download of its latest statement. The contract has no bulk-download call, so the link
 * is found from the account's statements when asked for, then opened as the statement's PDF.
 */
import { useEffect, useState } from 'react'
import { Link } from '../router.js'
import { errorMessage } from '../shared/form-field.js'
import { formatBalance } from '../shared/money.js'
import * as portalApi from './portal-api.js'
import { portalPaths } from './portal-routes.js'

type Portfolio =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; accounts: portalApi.PortfolioAccount[] }

export function PortfolioPanel() {
  const [state, setState] = useState<Portfolio>({ status: 'loading' })

  useEffect(() => {
    let current = true
    portalApi
      .portfolio()
      .then((accounts) => current && setState({ status: 'loaded', accounts }))
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', message: errorMessage(error, 'Your portfolio could not be loaded.') })
      })
    return () => {
      current = false
    }
  }, [])

  return (
    <section className="portal-card" aria-labelledby="portfolio-title" data-testid="portfolio">
      <h2 className="portal-subtitle" id="portfolio-title">
        Your portfolio
      </h2>
      {state.status === 'loading' && <p className="muted">Loading your portfolio…</p>}
      {state.status === 'failed' && (
        <p className="callout callout-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loaded' && state.accounts.length === 0 && (
        <p className="muted">No accounts are in your portfolio.</p>
      )}
      {state.status === 'loaded' && state.accounts.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Address</th>
                <th scope="col" className="numeric">
                  Balance
                </th>
                <th scope="col">Statements</th>
              </tr>
            </thead>
            <tbody>
              {state.accounts.map((account) => (
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function LatestStatementDownload({ accountNumber }: { accountNumber: string }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })

  async function download() {
    setState({ busy: true, message: null })
    try {
      const [latest] = await portalApi.statements({ accountNumber })
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
