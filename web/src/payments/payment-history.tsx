/**
 * The account's payments, newest first (PAY-3): confirmation number, method, amount, status, why it
 * failed, when it posts, and on demand the events that moved it (taken, settled, returned).
 */
import { Fragment, useState } from 'react'
import { formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { type LoadedList, LoadMoreFooter } from '../shared/load-more.js'
import { formatMinor } from '../shared/money.js'
import { QueueCard } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { methodLabels, PaymentStatusChip } from './payment-format.js'
import type { Payment } from './payments-api.js'

const eventSources: Record<Payment['events'][number]['source'], string> = {
  taken: 'When taken',
  processor: 'From the processor',
  staff: 'Recorded by staff',
}

export function PaymentHistory({ list }: { list: LoadedList<Payment> }) {
  const payments = list.items
  const [open, setOpen] = useState<string | null>(null)
  return (
    <QueueCard
      titleId="payment-history-title"
      title="Payments"
      count="Newest first"
      testId="payment-history"
      empty={payments.length === 0 && 'No payments on this account yet.'}
      emptyTestId="payments-empty"
      footer={<LoadMoreFooter list={list} label="Load more payments" />}
    >
      <DataTable
        caption="Payments, newest first"
        columns={[
          'Confirmation',
          'Taken',
          'Method',
          { label: 'Amount', numeric: true },
          'Status',
          'Posts on',
          { label: 'Events', hidden: true },
        ]}
      >
        {payments.map((payment) => {
          const expanded = open === payment.id
          const eventsId = `payment-events-${payment.id}`
          return (
            <Fragment key={payment.id}>
              <tr data-testid="payment-row" data-confirmation={payment.confirmationNumber} data-status={payment.status}>
                <td className="nowrap mono">{payment.confirmationNumber}</td>
                <td className="nowrap">{formatLocalDateTime(payment.createdAt)}</td>
                <td>
                  {payment.methodLabel ?? methodLabels[payment.method]}
                  {payment.methodLabel && payment.method !== 'card' && (
                    <span className="muted"> · {methodLabels[payment.method]}</span>
                  )}
                  {payment.reference && <span className="muted"> · ref {payment.reference}</span>}
                  {payment.source === 'direct_debit' && (
                    <span className="chip chip-info chip-inline">Direct Debit</span>
                  )}
                  {payment.source === 'customer' && <span className="chip chip-neutral chip-inline">Customer</span>}
                </td>
                <td className="numeric">{formatMinor(payment.amountMinor, payment.currency)}</td>
                <td>
                  <PaymentStatusChip status={payment.status} />
                  {payment.failure && (
                    <span className="payment-failure" data-testid="payment-failure">
                      {payment.failure.message}
                    </span>
                  )}
                </td>
                <td className="nowrap">{formatCalendarDate(payment.postsOn)}</td>
                <td className="nowrap">
                  {payment.events.length > 0 && (
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={expanded}
                      aria-controls={eventsId}
                      onClick={() => setOpen(expanded ? null : payment.id)}
                    >
                      {expanded ? 'Hide events' : `Events (${payment.events.length})`}
                    </button>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr className="payment-events-row" id={eventsId}>
                  <td colSpan={7}>
                    <ol className="payment-events">
                      {payment.events.map((event) => (
                        <li key={`${event.occurredAt}:${event.status}:${event.source}`}>
                          <PaymentStatusChip status={event.status} />{' '}
                          <span className="muted">{formatLocalDateTime(event.occurredAt)}</span> ·{' '}
                          {eventSources[event.source] ?? event.source}
                          {event.detail ? ` · ${event.detail}` : ''}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </DataTable>
    </QueueCard>
  )
}
