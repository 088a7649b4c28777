/** The account's statements with their totals, due dates and a PDF of each (UI-2). */
import { useEffect, useState } from 'react'
import { errorMessage } from '../shared/form-field.js'
import { capitalise, formatCalendarDate, formatPeriod } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import * as portalApi from './portal-api.js'

type Bills =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: portalApi.PortalStatement[] }

export function BillsTab({ accountNumber }: { accountNumber: string }) {
  const [state, setState] = useState<Bills>({ status: 'loading' })

  useEffect(() => {
    let current = true
    portalApi
      .statements({ accountNumber })
      .then((items) => current && setState({ status: 'loaded', items }))
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', message: errorMessage(error, 'Your bills could not be loaded.') })
      })
    return () => {
      current = false
    }
  }, [accountNumber])

  return (
    <section className="card" aria-labelledby="bills-title" data-testid="portal-bills">
      <header className="card-header">
        <h2 className="card-title" id="bills-title">
          Your bills
        </h2>
      </header>
      {state.status === 'loading' && <p className="muted portal-pad">Loading your bills…</p>}
      {state.status === 'failed' && (
        <p className="callout callout-error portal-pad" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loaded' && state.items.length === 0 && (
        <p className="muted portal-pad" data-testid="portal-bills-empty">
          You have no bills yet.
        </p>
      )}
      {state.status === 'loaded' && state.items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">PDF</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((statement) => (
                <tr key={statement.number} data-testid="portal-statement" data-number={statement.number}>
                  <th scope="row">
                    {formatPeriod(statement.periodFrom, statement.periodTo)}
                    <div className="mono muted">{statement.number}</div>
                  </th>
                  <td className="numeric mono">{formatMinor(statement.totalMinor)}</td>
                  <td>{statement.dueOn ? formatCalendarDate(statement.dueOn) : '—'}</td>
                  <td>{capitalise(statement.status)}</td>
                  <td>
                    <a
                      href={portalApi.statementPdfUrl({ accountNumber, number: statement.number })}
                      target="_blank"
                      rel="noopener"
                      data-testid="portal-statement-pdf"
                    >
                      Download PDF<span className="visually-hidden"> of statement {statement.number}</span>
                    </a>
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
