/**
 * The account's Payments tab (PAY-1..7): take a payment, give a goodwill credit or a refund, the
 * payment history, the kept payment methods, Direct Debit with its adequacy review, credits and
 * refunds, and payment arrangements. Actions show only for the permissions they need; the server
 * checks them again.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { QueueStatusNotice } from '../shared/review-queue.js'
import { ArrangementsPanel } from './arrangements-panel.js'
import { CreditDialog } from './credit-dialog.js'
import { CreditRequestsList } from './credit-requests-list.js'
import { DirectDebitPanel } from './direct-debit-panel.js'
import { PaymentHistory } from './payment-history.js'
import { PaymentMethodsPanel } from './payment-methods-panel.js'
import { accountPayments } from './payments-api.js'
import { TakePaymentDialog } from './take-payment-dialog.js'

const pageSize = 20

type Open = 'payment' | 'goodwill_credit' | 'refund' | null

/** The toolbar's buttons, each shown with the permission it needs. */
const actions = [
  {
    open: 'payment',
    permission: 'payments.payment.create',
    label: 'Take a payment',
    className: 'button button-primary',
    testId: 'take-payment',
  },
  {
    open: 'goodwill_credit',
    permission: 'payments.credit.create',
    label: 'Goodwill credit',
    className: 'button',
    testId: 'give-credit',
  },
  { open: 'refund', permission: 'payments.refund.create', label: 'Refund', className: 'button', testId: 'give-refund' },
] as const

export function PaymentsTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const [open, setOpen] = useState<Open>(null)
  const queryKey = ['account', accountNumber, 'payments']
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => accountPayments(api, { accountNumber, limit: pageSize, cursor: pageParam }),
    ...byCursor,
  })
  const list = pagedList(query, {
    failed: 'The payments could not be loaded.',
    more: 'More payments could not be loaded.',
  })
  // The kept methods, Direct Debit and credit requests come with the first page.
  const first = list.status === 'loaded' ? query.data?.pages[0] : undefined
  const methods = first?.methods ?? []

  return (
    <div className="payments-tab" data-testid="payments-tab">
      <div className="payments-actions" role="toolbar" aria-label="Payment actions">
        {actions
          .filter((action) => can(action.permission))
          .map((action) => (
            <button
              key={action.open}
              type="button"
              className={action.className}
              onClick={() => setOpen(action.open)}
              // Paying and refunding choose among the kept methods, which come with the payments.
              disabled={action.open !== 'goodwill_credit' && !first}
              data-testid={action.testId}
            >
              {action.label}
            </button>
          ))}
      </div>

      <QueueStatusNotice queue={list} loadingLabel="Loading payments…" />
      {list.status === 'loaded' && first && (
        <>
          <PaymentHistory list={list} />
          <div className="payments-columns">
            <PaymentMethodsPanel
              accountNumber={accountNumber}
              methods={first.methods}
              canChange={can('payments.payment.create')}
            />
            <DirectDebitPanel
              accountNumber={accountNumber}
              directDebit={first.directDebit}
              methods={first.methods}
              canChange={can('payments.payment.create')}
            />
          </div>
          <CreditRequestsList requests={first.creditRequests} />
        </>
      )}

      <ArrangementsPanel accountNumber={accountNumber} canCreate={can('payments.arrangement.create')} />

      {open === 'payment' && (
        <TakePaymentDialog accountNumber={accountNumber} methods={methods} onClose={() => setOpen(null)} />
      )}
      {(open === 'goodwill_credit' || open === 'refund') && (
        <CreditDialog accountNumber={accountNumber} kind={open} methods={methods} onClose={() => setOpen(null)} />
      )}
    </div>
  )
}
