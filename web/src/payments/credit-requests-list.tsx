/** The account's goodwill credits and refunds (PAY-4), newest first, with where each stands. */
import { formatLondonDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { CreditStatusChip, creditKindLabels } from './payment-format.js'
import type { CreditRequest } from './payments-api.js'

export function CreditRequestsList({ requests }: { requests: CreditRequest[] }) {
  return (
    <section className="card card-flush" aria-labelledby="credit-requests-title" data-testid="credit-requests">
      <header className="card-header card-header-padded">
        <h2 className="card-title" id="credit-requests-title">
          Credits and refunds
        </h2>
      </header>
      {requests.length === 0 ? (
        <p className="empty">No goodwill credits or refunds.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Goodwill credits and refunds, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Asked</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id} data-testid="credit-request-row" data-status={request.status}>
                  <td className="nowrap">{formatLondonDateTime(request.requestedAt)}</td>
                  <td>{creditKindLabels[request.kind]}</td>
                  <td className="numeric">{formatMinor(request.amountMinor, request.currency)}</td>
                  <td>{request.reason}</td>
                  <td>
                    <CreditStatusChip status={request.status} />
                    {request.decisionNote && <span className="payment-failure">{request.decisionNote}</span>}
                    {request.decidedAt && (
                      <span className="muted payment-failure">Decided {formatLondonDateTime(request.decidedAt)}</span>
                    )}
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
