/**
 * A goodwill credit or a refund of an overpayment (PAY-4). Within the supplier's limit (counted over
 * the last 24 hours) it is applied at once (201); above it the server keeps it waiting for a
 * supervisor (202) and nothing reaches the account until one approves it. One idempotency key per
 * opening, reused if the same request has to be sent again after a lost answer.
 */
import { useRef } from 'react'
import { useApi } from '../console-context.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { PoundsField, SelectField, TextAreaField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'
import { newIdempotencyKey, parsePounds } from './money-input.js'
import { creditKindLabels, methodDescription } from './payment-format.js'
import {
  accountKeys,
  announceAccountChanged,
  type CreditRequest,
  type KeptPaymentMethod,
  requestCredit,
} from './payments-api.js'

export function CreditDialog({
  accountNumber,
  kind,
  methods,
  onClose,
}: {
  accountNumber: string
  kind: CreditRequest['kind']
  methods: KeptPaymentMethod[]
  onClose: () => void
}) {
  const api = useApi()
  const idempotencyKey = useRef(newIdempotencyKey())
  const form = useFormValues({ amount: '', reason: '', refundTo: '' })
  const { amount, reason, refundTo } = form.values
  const label = creditKindLabels[kind]
  const credit = useFormMutation({
    mutationFn: ({ amountMinor }: { amountMinor: string }) =>
      requestCredit(api, {
        accountNumber,
        kind,
        idempotencyKey: idempotencyKey.current,
        amountMinor,
        reason: reason.trim(),
        ...(refundTo ? { refundToPaymentMethodId: refundTo } : {}),
      }),
    invalidates: accountKeys(accountNumber),
    onSuccess: ({ request }) => {
      if (request.status === 'completed') announceAccountChanged(accountNumber)
    },
    failure: `The ${label.toLowerCase()} could not be sent. Send it again: it is never applied twice.`,
    describe: (error) =>
      error.status === 0 || error.status >= 500
        ? `${error.message} Send it again: the same request is never applied twice.`
        : error.message,
    inlineFields: ['amountMinor', 'reason'],
  })
  const { problems } = credit

  function submit() {
    const found: Record<string, string> = {}
    const parsed = parsePounds(amount)
    if (!parsed.ok) found['amountMinor'] = parsed.problem
    if (!reason.trim()) found['reason'] = `Say why the ${label.toLowerCase()} is given.`
    if (!credit.check(found) || !parsed.ok) return
    credit.send({ amountMinor: parsed.minor })
  }

  const result = credit.result?.request
  if (result) {
    const waiting = result.status === 'pending_approval'
    return (
      <DialogDone title={label} onClose={onClose} testId="credit-dialog" doneTestId="credit-done">
        <p
          className={`callout ${waiting ? 'callout-warning' : result.status === 'completed' ? 'callout-success' : 'callout-error'}`}
          data-testid="credit-result"
          data-status={result.status}
        >
          {waiting
            ? `The ${label.toLowerCase()} of ${formatMinor(result.amountMinor, result.currency)} is over the limit and is waiting for a supervisor’s approval. Nothing reaches the account until it is approved; tell the customer it is being reviewed.`
            : result.status === 'completed'
              ? `${label} of ${formatMinor(result.amountMinor, result.currency)} applied to the account.`
              : `${label} of ${formatMinor(result.amountMinor, result.currency)} was rejected${result.decisionNote ? `: ${result.decisionNote}` : '.'}`}
        </p>
      </DialogDone>
    )
  }

  return (
    <DialogForm
      title={kind === 'refund' ? 'Refund an overpayment' : 'Give a goodwill credit'}
      onClose={onClose}
      testId="credit-dialog"
      label={label}
      onSubmit={submit}
      error={credit.error}
      errorTestId="credit-error"
      sending={credit.sending}
      submitLabel={kind === 'refund' ? 'Refund' : 'Give credit'}
      sendingLabel="Sending…"
      submitTestId="credit-submit"
    >
      <p className="muted">
        {kind === 'refund'
          ? 'Never more than the credit balance, nor more than was paid. Above the supplier’s limit it waits for a supervisor.'
          : 'Above the supplier’s limit (counted over the last 24 hours) it waits for a supervisor’s approval.'}
      </p>
      <PoundsField
        {...form.bind('amount')}
        label="Amount"
        placeholder="0.00"
        error={problems['amountMinor']}
        data-testid="credit-amount"
      />
      <TextAreaField
        {...form.bind('reason', problems)}
        label="Reason"
        rows={2}
        maxLength={500}
        data-testid="credit-reason"
      />
      {kind === 'refund' && (
        <SelectField
          {...form.bind('refundTo')}
          label="Refund to"
          placeholder="Record it only (paid out another way)"
          options={methods.map((method) => ({ value: method.id, label: methodDescription(method) }))}
          error={problems['refundToPaymentMethodId']}
          data-testid="refund-to"
        />
      )}
    </DialogForm>
  )
}
