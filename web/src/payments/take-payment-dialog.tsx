/**
 * Take a payment (PAY-2): card, bank account, cheque or cash; the amount typed in pounds and pence
 * and sent as minor units; a kept method or a new card; optionally against one statement.
 *
 * Idempotency: one key is made when the dialog opens and sent with every retry of that submission,
 * so a retry after a lost answer never charges twice. Once the server has given a definite answer
 * that recorded a payment (taken, or declined), the next attempt is a new payment with a new key.
 *
 * The card number and security code live in state only while typed: they are cleared as the
 * request is sent, whatever the outcome, and never logged.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ApiError, type Statement } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { PoundsField, SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { type Problems, useFormMutation } from '../shared/mutation.js'
import { type CardEntry, CardFields, cardInput, cardProblems, emptyCard, withoutSecrets } from './card-fields.js'
import { newIdempotencyKey, parsePounds } from './money-input.js'
import { methodDescription, methodLabels, PaymentStatusChip } from './payment-format.js'
import {
  accountKeys,
  announceAccountChanged,
  invalidateAccount,
  type KeptPaymentMethod,
  type TakeMethod,
  type TakePaymentInput,
  takePayment,
} from './payments-api.js'

const takeMethods: TakeMethod[] = ['card', 'bank_account', 'check', 'cash']
const newCard = 'new'

type Outcome =
  | { kind: 'declined'; message: string; retryable: boolean; confirmationNumber: string | null }
  | { kind: 'unknown'; message: string }
  | { kind: 'error'; message: string; restart: boolean }

export function TakePaymentDialog({
  accountNumber,
  methods,
  onClose,
}: {
  accountNumber: string
  methods: KeptPaymentMethod[]
  onClose: () => void
}) {
  const api = useApi()
  const queryClient = useQueryClient()
  const { user } = useSession()
  // Made once per opening of the dialog (it is mounted afresh each time); see the file comment.
  const idempotencyKey = useRef(newIdempotencyKey())
  const cards = methods.filter((method) => method.kind === 'card')
  const banks = methods.filter((method) => method.kind === 'bank_account')

  const [method, setMethod] = useState<TakeMethod>('card')
  const form = useFormValues({
    amount: '',
    source: cards[0]?.id ?? newCard,
    bankId: banks[0]?.id ?? '',
    reference: '',
    statementNumber: '',
  })
  const { ids } = form
  const { amount, source, bankId, reference, statementNumber } = form.values
  const [card, setCard] = useState<CardEntry>(emptyCard)
  const [save, setSave] = useState(false)
  const resultRef = useRef<HTMLDivElement>(null)
  const take = useFormMutation({
    mutationFn: (input: TakePaymentInput) =>
      takePayment(api, { accountNumber, idempotencyKey: idempotencyKey.current, input }),
    invalidates: accountKeys(accountNumber),
    onSuccess: () => announceAccountChanged(accountNumber),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'PAYMENT_DECLINED') {
        // The declined payment is recorded under this key: trying again is a new payment.
        idempotencyKey.current = newIdempotencyKey()
        void invalidateAccount(queryClient, accountNumber)
      }
    },
    failure: 'We could not tell whether the payment went through.',
  })
  const outcome = take.caught ? failureOutcome(take.caught) : null
  const { problems, sending } = take

  const canSeeStatements = user.permissions.includes('billing.statement.read')
  // Paying against a statement is optional: without the list (or if it fails) the payment goes to the balance.
  const statementsQuery = useQuery({
    queryKey: ['account', accountNumber, 'statements', 'latest-12'],
    queryFn: () => api.statements({ accountNumber, limit: 12 }),
    enabled: canSeeStatements,
  })
  const statements: Statement[] = (statementsQuery.data?.items ?? []).filter(
    (statement) => statement.status === 'issued',
  )

  // A failure's outcome is read first: focus moves to it once it comes.
  useEffect(() => {
    if (take.caught) resultRef.current?.focus()
  }, [take.caught])

  function check(): { input: TakePaymentInput; found: Problems } {
    const parsed = parsePounds(amount)
    const newCardFound = method === 'card' && source === newCard ? cardProblems(card, { expiry: 'separate' }) : {}
    const found: Problems = parsed.ok ? { ...newCardFound } : { amountMinor: parsed.problem, ...newCardFound }
    const input: TakePaymentInput = { method, amountMinor: parsed.ok ? parsed.minor : '0' }
    if (method === 'card') {
      if (source === newCard) input.card = { ...cardInput(card), save }
      else input.paymentMethodId = source
    }
    if (method === 'bank_account') {
      if (!bankId) found['paymentMethodId'] = 'Keep the customer’s bank account first, under Payment methods.'
      else input.paymentMethodId = bankId
    }
    if (method === 'check' && !reference.trim()) found['reference'] = 'Enter the cheque number.'
    if ((method === 'check' || method === 'cash') && reference.trim()) input.reference = reference.trim()
    if (statementNumber) input.statementNumber = statementNumber
    return { input, found }
  }

  function submit() {
    const { input, found } = check()
    if (!take.check(found)) return
    // The card's number and code leave the page's state now; only the request in flight holds them.
    setCard(withoutSecrets)
    take.send(input)
  }

  function startAgain() {
    idempotencyKey.current = newIdempotencyKey()
    take.reset()
  }

  const problem = (field: string) =>
    problems[field] ? (
      <span className="field-error" id={`${ids}-${field}-error`} data-testid={`take-payment-${field}-error`}>
        {problems[field]}
      </span>
    ) : null
  const described = (field: string) => (problems[field] ? `${ids}-${field}-error` : undefined)

  const payment = take.result?.payment
  if (payment) {
    return (
      <DialogDone
        title="Payment taken"
        onClose={onClose}
        testId="take-payment-dialog"
        className="payment-confirmation"
        bodyTestId="payment-confirmation"
        doneTestId="take-payment-done"
      >
        <p className="payment-confirmation-lede">Read the confirmation number back to the customer:</p>
        <p className="payment-confirmation-number mono" data-testid="confirmation-number">
          {payment.confirmationNumber}
        </p>
        <dl className="facts">
          <div>
            <dt>Amount</dt>
            <dd data-testid="confirmation-amount">{formatMinor(payment.amountMinor, payment.currency)}</dd>
          </div>
          <div>
            <dt>Method</dt>
            <dd>{payment.methodLabel ?? methodLabels[payment.method]}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <PaymentStatusChip status={payment.status} />
            </dd>
          </div>
          <div>
            <dt>Posts on</dt>
            <dd data-testid="confirmation-posts-on">
              {formatCalendarDate(payment.postsOn)}
              {payment.postsOn === payment.takenOn ? ' (today)' : ''}
            </dd>
          </div>
        </dl>
        <p className="muted">
          Tell the customer the payment shows on their account on {formatCalendarDate(payment.postsOn)}.
          {take.result?.replayed
            ? ' This is the payment already taken for this request; nothing was charged twice.'
            : ''}
        </p>
      </DialogDone>
    )
  }

  return (
    <DialogForm
      title="Take a payment"
      onClose={onClose}
      testId="take-payment-dialog"
      label="Take a payment"
      onSubmit={submit}
      error={null}
      live={false}
      sending={sending}
      submitLabel={
        outcome?.kind === 'declined' && outcome.retryable
          ? 'Try again'
          : outcome?.kind === 'unknown'
            ? 'Send again'
            : 'Take payment'
      }
      sendingLabel="Taking the payment…"
      submitTestId="take-payment-submit"
      before={
        outcome?.kind === 'error' &&
        outcome.restart && (
          <button type="button" className="button" onClick={startAgain} data-testid="take-payment-restart">
            Start a new payment
          </button>
        )
      }
    >
      <fieldset className="fieldset">
        <legend className="field-label">Method</legend>
        <div className="segmented">
          {takeMethods.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={method === value}
              className="segmented-button"
              onClick={() => {
                setMethod(value)
                take.check({})
              }}
              data-testid={`take-payment-method-${value}`}
            >
              {methodLabels[value]}
            </button>
          ))}
        </div>
      </fieldset>

      <PoundsField
        {...form.bind('amount')}
        label="Amount"
        placeholder="0.00"
        error={problems['amountMinor']}
        errorTestId="take-payment-amountMinor-error"
        data-testid="take-payment-amount"
      />

      {method === 'card' && (
        <SelectField
          {...form.bind('source')}
          label="Card"
          options={[
            ...cards.map((kept) => ({ value: kept.id, label: methodDescription(kept) })),
            { value: newCard, label: 'A new card' },
          ]}
          error={problems['paymentMethodId']}
          errorTestId="take-payment-paymentMethodId-error"
          data-testid="take-payment-card-source"
        />
      )}

      {method === 'card' && source === newCard && (
        <div className="card-entry">
          <CardFields
            ids={ids}
            card={card}
            onChange={setCard}
            problems={problems}
            expiry="separate"
            testId="take-payment-card"
            errorTestId="take-payment"
          />
          <label className="checkbox form-wide">
            <input
              type="checkbox"
              checked={save}
              onChange={(event) => setSave(event.target.checked)}
              data-testid="take-payment-card-save"
            />
            Keep this card for next time (only its last four digits and expiry are stored)
          </label>
        </div>
      )}

      {method === 'bank_account' && (
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-bank`}>
            Bank account
          </label>
          {banks.length === 0 ? (
            <p className="callout callout-info" id={`${ids}-paymentMethodId-error`}>
              No bank account is kept on this account. Add one under Payment methods first.
            </p>
          ) : (
            <select
              id={`${ids}-bank`}
              className="input"
              value={bankId}
              onChange={(event) => form.set('bankId', event.target.value)}
              aria-describedby={described('paymentMethodId')}
            >
              {banks.map((bank) => (
                <option key={bank.id} value={bank.id}>
                  {methodDescription(bank)}
                </option>
              ))}
            </select>
          )}
          {banks.length > 0 && problem('paymentMethodId')}
          <span className="field-hint">A bank payment is pending until it settles, about three working days.</span>
        </div>
      )}

      {(method === 'check' || method === 'cash') && (
        <TextField
          {...form.bind('reference', problems)}
          label={method === 'check' ? 'Cheque number' : 'Receipt number'}
          optional={method === 'cash'}
          autoComplete="off"
          maxLength={100}
          errorTestId="take-payment-reference-error"
          data-testid="take-payment-reference"
        />
      )}

      <SelectField
        {...form.bind('statementNumber', problems)}
        label="Pay against"
        placeholder="The account balance"
        options={statements.map((statement) => ({
          value: statement.number,
          label: `${statement.number} · ${formatMinor(statement.totalMinor, statement.currency)}${statement.dueOn ? ` · due ${formatCalendarDate(statement.dueOn)}` : ''}`,
        }))}
        errorTestId="take-payment-statementNumber-error"
        data-testid="take-payment-statement"
      />

      <div className="take-payment-result" aria-live="polite" ref={resultRef} tabIndex={-1}>
        {outcome?.kind === 'declined' && (
          <div className="callout callout-error" role="alert" data-testid="take-payment-declined">
            <p>{outcome.message}</p>
            {outcome.confirmationNumber && (
              <p className="muted">
                Recorded as failed payment <span className="mono">{outcome.confirmationNumber}</span>.
              </p>
            )}
            <p>
              {outcome.retryable
                ? 'This can be tried again: check the details with the customer and take the payment again.'
                : 'Ask the customer for another card or way to pay.'}
            </p>
          </div>
        )}
        {outcome?.kind === 'unknown' && (
          <div className="callout callout-warning" role="alert" data-testid="take-payment-unknown">
            <p>{outcome.message}</p>
            <p>
              Enter the card details again (if by card) and send it again: it is the same payment, so it is never
              charged twice.
            </p>
          </div>
        )}
        {outcome?.kind === 'error' && (
          <div className="callout callout-error" role="alert" data-testid="take-payment-error">
            <p>{outcome.message}</p>
          </div>
        )}
      </div>
    </DialogForm>
  )
}

function failureOutcome(error: unknown): Outcome {
  if (!(error instanceof ApiError)) {
    return { kind: 'unknown', message: 'We could not tell whether the payment went through.' }
  }
  if (error.code === 'PAYMENT_DECLINED') {
    const details = (error.details ?? {}) as { retryable?: unknown; payment?: { confirmationNumber?: unknown } }
    const confirmation = details.payment?.confirmationNumber
    return {
      kind: 'declined',
      message: error.message,
      retryable: details.retryable === true,
      confirmationNumber: typeof confirmation === 'string' ? confirmation : null,
    }
  }
  // No answer, or the server failed: the payment may or may not have been taken.
  if (error.status === 0 || error.status >= 500) {
    return { kind: 'unknown', message: `We could not tell whether the payment went through. ${error.message}` }
  }
  if (error.code === 'IDEMPOTENCY_KEY_REUSED') {
    return {
      kind: 'error',
      message:
        'These details differ from the attempt already sent, which may have gone through. Check the payment history before starting a new payment.',
      restart: true,
    }
  }
  // Field problems are shown beside their fields; say so when there is nothing else to add.
  return { kind: 'error', message: error.message, restart: false }
}
