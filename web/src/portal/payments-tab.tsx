/**
 * Payments (UI-2): what has been paid, the kept cards and accounts, and — for those allowed to pay —
 * "Pay now" with a kept card or a new one.
 *
 * Idempotency: each submission gets a fresh `crypto.randomUUID()` key, kept only to send that same
 * submission again after a lost answer (no answer at all); any definite answer ends it. The card
 * number and security code leave state as the request is sent, whatever the outcome.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { ApiError } from '../api.js'
import { parsePounds } from '../payments/money-input.js'
import {
  errorMessage,
  expiryMonthOptions,
  expiryYearOptions,
  PoundsField,
  SelectField,
  TextField,
} from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'
import * as portalApi from './portal-api.js'
import { PortalList } from './portal-list.js'

export function PaymentsTab({
  accountNumber,
  balanceMinor,
  canPay,
}: {
  accountNumber: string
  balanceMinor: string | null
  canPay: boolean
}) {
  const history = useQuery({
    queryKey: portalApi.portalKeys.payments(accountNumber),
    queryFn: () => portalApi.payments({ accountNumber }),
  })
  const [paying, setPaying] = useState(false)
  const loaded = history.data

  const methods = loaded?.methods ?? []

  return (
    <>
      {canPay && (
        <Panel
          title="Make a payment"
          aside={
            !paying && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setPaying(true)}
                data-testid="portal-pay-now"
              >
                Pay now
              </button>
            )
          }
          testId="portal-pay"
        >
          {paying && (
            <PayForm
              accountNumber={accountNumber}
              balanceMinor={balanceMinor}
              methods={methods}
              onClose={() => setPaying(false)}
            />
          )}
        </Panel>
      )}

      <Panel title="Payment history" flush testId="portal-payment-history">
        <PortalList
          items={loaded?.items}
          query={history}
          loading="Loading your payments…"
          failed="Your payments could not be loaded."
          empty="No payments yet."
          padded
        >
          {(payments) => (
            <DataTable columns={['Date', 'Method', { label: 'Amount', numeric: true }, 'Status', 'Confirmation']}>
              {payments.map((payment) => (
                <tr
                  key={payment.confirmationNumber}
                  data-testid="portal-payment-row"
                  data-confirmation={payment.confirmationNumber}
                >
                  <td>{formatLocalDateTime(payment.createdAt)}</td>
                  <td>{payment.methodLabel ?? capitalise(payment.method)}</td>
                  <td className="numeric mono">{formatMinor(payment.amountMinor)}</td>
                  <td>{capitalise(payment.status)}</td>
                  <td className="mono">{payment.confirmationNumber}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </PortalList>
      </Panel>

      {loaded && (
        <Panel title="Payment methods" testId="portal-payment-methods">
          {loaded.methods.length === 0 ? (
            <p className="muted">No saved payment methods.</p>
          ) : (
            <ul className="portal-method-list">
              {loaded.methods.map((method) => (
                <li key={method.id} data-testid="portal-payment-method">
                  {describeMethod(method)}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
    </>
  )
}

function describeMethod(method: portalApi.PortalPaymentMethod): string {
  const name = method.brand ? capitalise(method.brand) : capitalise(method.kind)
  const last4 = method.last4 ? ` •••• ${method.last4}` : ''
  const expiry =
    method.expiryMonth && method.expiryYear
      ? `, expires ${String(method.expiryMonth).padStart(2, '0')}/${method.expiryYear}`
      : ''
  return `${name}${last4}${expiry}`
}

const newCard = 'new'

/** Minor units as the amount field shows them: `1234` → `12.34`. */
const poundsOf = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`

/** A reason as a sentence: ends with a full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

type Outcome =
  | { kind: 'paid'; payment: portalApi.PortalPayment }
  | { kind: 'declined'; message: string }
  | { kind: 'error'; message: string }

function PayForm({
  accountNumber,
  balanceMinor,
  methods,
  onClose,
}: {
  accountNumber: string
  balanceMinor: string | null
  methods: portalApi.PortalPaymentMethod[]
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  // A payment changes the history and the balance: both are read again.
  const payment = useMutation({
    mutationFn: portalApi.pay,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalApi.portalKeys.payments(accountNumber) })
      void queryClient.invalidateQueries({ queryKey: portalApi.portalKeys.account(accountNumber), exact: true })
    },
  })
  const sending = payment.isPending
  const cards = methods.filter((method) => method.kind === 'card')
  const owed = balanceMinor && /^\d+$/.test(balanceMinor) && BigInt(balanceMinor) > 0n ? BigInt(balanceMinor) : 0n
  // Paying against a bill is optional; only bills with something left to pay are offered.
  const bills = useQuery({
    queryKey: portalApi.portalKeys.statements(accountNumber),
    queryFn: () => portalApi.statements({ accountNumber }),
  })
  const unpaid = (bills.data ?? []).filter(
    (statement) => /^\d+$/.test(statement.unpaidMinor) && BigInt(statement.unpaidMinor) > 0n,
  )
  const form = useFormValues(() => ({
    amount: owed > 0n ? poundsOf(owed) : '',
    statement: '',
    source: cards[0]?.id ?? newCard,
    cardNumber: '',
    month: '',
    year: '',
    cvc: '',
  }))
  const { amount, source, cardNumber, month, year, cvc, statement } = form.values
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // Kept only across a lost answer, so sending the same payment again is not charged twice.
  const pendingKey = useRef<string | null>(null)
  const thisYear = new Date().getFullYear()

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const found: Record<string, string> = {}
    const parsed = parsePounds(amount)
    if (!parsed.ok) found['amountMinor'] = parsed.problem
    if (source === newCard) {
      if (!/^\d{12,19}$/.test(cardNumber.replace(/[\s-]/g, '')))
        found['card.number'] = 'Enter the long number on the card.'
      if (!month) found['card.expiryMonth'] = 'Choose the month.'
      if (!year) found['card.expiryYear'] = 'Choose the year.'
      if (!/^\d{3,4}$/.test(cvc)) found['card.cvc'] = 'Enter the 3 or 4 digits on the back.'
    }
    setProblems(found)
    if (!parsed.ok || Object.keys(found).length > 0) return

    const input: portalApi.PortalPaymentInput =
      source === newCard
        ? {
            amountMinor: parsed.minor,
            card: {
              number: cardNumber.replace(/[\s-]/g, ''),
              expiryMonth: Number(month),
              expiryYear: Number(year),
              cvc,
            },
          }
        : { amountMinor: parsed.minor, paymentMethodId: source }
    if (statement) input.statementNumber = statement
    // The card leaves the form as it is sent.
    form.setValues((current) => ({ ...current, cardNumber: '', cvc: '' }))
    const idempotencyKey = pendingKey.current ?? crypto.randomUUID()
    pendingKey.current = idempotencyKey
    setOutcome(null)
    try {
      const paid = await payment.mutateAsync({ accountNumber, idempotencyKey, input })
      pendingKey.current = null
      setOutcome({ kind: 'paid', payment: paid })
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) pendingKey.current = null
      if (error instanceof ApiError && error.code === 'PAYMENT_DECLINED') {
        setOutcome({ kind: 'declined', message: error.message })
      } else {
        setOutcome({ kind: 'error', message: errorMessage(error, 'The payment could not be made.') })
        if (error instanceof ApiError) setProblems(error.fieldProblems())
      }
    }
  }

  if (outcome?.kind === 'paid') {
    return (
      <div className="portal-confirmation" role="status" data-testid="portal-payment-confirmation">
        <p className="callout callout-success">
          Thank you. We have your payment of {formatMinor(outcome.payment.amountMinor)}.
        </p>
        <dl className="facts">
          <div>
            <dt>Confirmation number</dt>
            <dd className="mono" data-testid="portal-confirmation-number">
              {outcome.payment.confirmationNumber}
            </dd>
          </div>
          <div>
            <dt>Paid with</dt>
            <dd>{outcome.payment.methodLabel ?? capitalise(outcome.payment.method)}</dd>
          </div>
          <div>
            <dt>Shows on your account</dt>
            <dd>{formatCalendarDate(outcome.payment.postsOn)}</dd>
          </div>
        </dl>
        <button type="button" className="button" onClick={onClose} data-testid="portal-payment-done">
          Done
        </button>
      </div>
    )
  }

  const sourceOptions = [
    ...cards.map((card) => ({ value: card.id, label: describeMethod(card) })),
    { value: newCard, label: 'A new card' },
  ]

  return (
    <form className="form portal-pay-form" onSubmit={handleSubmit} noValidate>
      {outcome && (
        <p className="callout callout-error" role="alert" data-testid={`portal-payment-${outcome.kind}`}>
          {outcome.kind === 'declined'
            ? `We could not take the payment. ${sentence(outcome.message)}`
            : outcome.message}
        </p>
      )}
      <div className="form-inline-grid">
        <PoundsField
          {...form.bind('amount')}
          label="Amount"
          error={problems['amountMinor']}
          data-testid="portal-pay-amount"
        />
        {unpaid.length > 0 && (
          <SelectField
            {...form.bind('statement')}
            onValueChange={(number) => {
              const chosen = unpaid.find((item) => item.number === number)
              form.setValues((current) => ({
                ...current,
                statement: number,
                amount: chosen ? poundsOf(BigInt(chosen.unpaidMinor)) : current.amount,
              }))
            }}
            label="Pay against"
            placeholder="The account balance"
            options={unpaid.map((item) => ({
              value: item.number,
              label: `${item.number} · ${formatMinor(item.unpaidMinor)} to pay${item.dueOn ? ` · due ${formatCalendarDate(item.dueOn)}` : ''}`,
            }))}
            error={problems['statementNumber']}
            data-testid="portal-pay-statement"
          />
        )}
        <SelectField
          {...form.bind('source')}
          label="Pay with"
          options={sourceOptions}
          data-testid="portal-pay-source"
        />
        {source === newCard && (
          <>
            <TextField
              {...form.bind('cardNumber')}
              label="Card number"
              inputMode="numeric"
              autoComplete="cc-number"
              error={problems['card.number']}
              wide
              data-testid="portal-card-number"
            />
            <SelectField
              {...form.bind('month')}
              label="Expiry month"
              options={expiryMonthOptions}
              placeholder="Month"
              error={problems['card.expiryMonth']}
              data-testid="portal-card-month"
            />
            <SelectField
              {...form.bind('year')}
              label="Expiry year"
              options={expiryYearOptions(thisYear)}
              placeholder="Year"
              error={problems['card.expiryYear']}
              data-testid="portal-card-year"
            />
            <TextField
              {...form.bind('cvc')}
              label="Security code"
              inputMode="numeric"
              autoComplete="cc-csc"
              maxLength={4}
              error={problems['card.cvc']}
              data-testid="portal-card-cvc"
            />
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={sending} data-testid="portal-pay-submit">
          {sending ? 'Paying…' : 'Pay'}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose} disabled={sending}>
          Cancel
        </button>
      </div>
    </form>
  )
}
