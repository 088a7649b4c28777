/** The account's goodwill credits and refunds (PAY-4), newest first, with where each stands. */
import { formatLocalDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { QueueCard } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { CreditStatusChip, creditKindLabels } from './payment-format.js'
import type { CreditRequest } from './payments-api.js'

export function CreditRequestsList({ requests }: { requests: CreditRequest[] }) {
  return (
    <QueueCard
      titleId="credit-requests-title"
      title="Credits and refunds"
      testId="credit-requests"
      empty={requests.length === 0 && 'No goodwill credits or refunds.'}
    >
      <DataTable
        caption="Goodwill credits and refunds, newest first"
        columns={['Asked', 'Kind', { label: 'Amount', numeric: true }, 'Reason', 'Status']}
      >
        {requests.map((request) => (
          <tr key={request.id} data-testid="credit-request-row" data-status={request.status}>
            <td className="nowrap">{formatLocalDateTime(request.requestedAt)}</td>
            <td>{creditKindLabels[request.kind]}</td>
            <td className="numeric">{formatMinor(request.amountMinor, request.currency)}</td>
            <td>{request.reason}</td>
            <td>
              <CreditStatusChip status={request.status} />
              {request.decisionNote && <span className="payment-failure">{request.decisionNote}</span>}
              {request.decidedAt && (
                <span className="muted payment-failure">Decided {formatLocalDateTime(request.decidedAt)}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </QueueCard>
  )
}
