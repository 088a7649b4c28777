/**
 * Direct Debit (PAY-5): the instruction in force, setting one up or replacing it from a kept bank
 * account (a fixed monthly amount or variable, with an optional debt repayment on top, on a day 1 to
 * 28), cancelling it, and the payment adequacy review with the amount it recommends.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { ConfirmAction } from '../shared/confirm-action.js'
import { PoundsField, SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'
import { InlineForm } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { minorToInput, parsePounds } from './money-input.js'
import { messageOf, methodDescription } from './payment-format.js'
import {
  type AdequacyReview,
  adequacyReview,
  announceAccountChanged,
  cancelDirectDebit,
  type DirectDebit,
  invalidateAccount,
  type KeptPaymentMethod,
  nextCollection,
  setNextCollection,
  setUpDirectDebit,
} from './payments-api.js'

export function DirectDebitPanel({
  accountNumber,
  directDebit,
  methods,
  canChange,
}: {
  accountNumber: string
  directDebit: DirectDebit | null
  methods: KeptPaymentMethod[]
  canChange: boolean
}) {
  const api = useApi()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [review, setReview] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'loaded'; review: AdequacyReview }
    | { status: 'failed'; message: string }
  >({ status: 'idle' })
  const [suggested, setSuggested] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const banks = methods.filter((method) => method.kind === 'bank_account')
  const bank = directDebit ? methods.find((method) => method.id === directDebit.paymentMethodId) : undefined

  async function runReview() {
    setReview({ status: 'loading' })
    try {
      setReview({ status: 'loaded', review: await adequacyReview(api, { accountNumber }) })
    } catch (error) {
      setReview({ status: 'failed', message: messageOf(error, 'The review could not be made.') })
    }
  }

  const cancel = useMutation({
    mutationFn: () => cancelDirectDebit(api, { accountNumber }),
    onSuccess: () => {
      setNotice({ tone: 'success', text: 'The Direct Debit is cancelled.' })
      setReview({ status: 'idle' })
      changed()
    },
    onError: (error) =>
      setNotice({ tone: 'error', text: messageOf(error, 'The Direct Debit could not be cancelled.') }),
  })

  /** A Direct Debit set up, replaced or cancelled changes the account: its tabs and header read it again. */
  function changed() {
    announceAccountChanged(accountNumber)
    void invalidateAccount(queryClient, accountNumber)
  }

  return (
    <Panel
      title="Direct Debit"
      testId="direct-debit"
      aside={
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            onClick={() => void runReview()}
            disabled={review.status === 'loading'}
            data-testid="adequacy-review"
          >
            {review.status === 'loading' ? 'Reviewing…' : 'Review the amount'}
          </button>
          {canChange && !editing && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing(true)}
              data-testid="direct-debit-edit"
            >
              {directDebit ? 'Change' : 'Set up'}
            </button>
          )}
        </div>
      }
    >
      {directDebit ? (
        <dl className="facts facts-plain" data-testid="direct-debit-current">
          <div>
            <dt>Collects</dt>
            <dd>
              {directDebit.kind === 'fixed'
                ? `${formatMinor(directDebit.amountMinor)} a month (fixed)`
                : 'What each bill leaves owing (variable)'}
            </dd>
          </div>
          {directDebit.debtRepaymentMinor !== '0' && (
            <div>
              <dt>Plus</dt>
              <dd>{formatMinor(directDebit.debtRepaymentMinor)} towards the debt</dd>
            </div>
          )}
          <div>
            <dt>On day</dt>
            <dd>{directDebit.paymentDay} of each month</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>{bank ? methodDescription(bank) : <span className="muted">A bank account no longer kept</span>}</dd>
          </div>
        </dl>
      ) : (
        <p className="empty">No Direct Debit: the customer pays each bill another way.</p>
      )}
      {directDebit && <NextCollectionFacts accountNumber={accountNumber} />}

      {review.status === 'failed' && (
        <p className="callout callout-error" role="alert">
          {review.message}
        </p>
      )}
      {review.status === 'loaded' && (
        <AdequacyResult
          review={review.review}
          canUse={canChange}
          onUse={() => {
            setSuggested(minorToInput(review.review.recommendedMinor))
            setEditing(true)
          }}
        />
      )}

      <div aria-live="polite">
        {notice && (
          <p className={`callout callout-${notice.tone}`} data-testid="direct-debit-notice">
            {notice.text}
          </p>
        )}
      </div>

      {canChange && editing && (
        <DirectDebitForm
          key={suggested ?? 'form'}
          accountNumber={accountNumber}
          current={directDebit}
          banks={banks}
          suggestedAmount={suggested}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            setSuggested(null)
            // The review compared with the old amount: ask again for a fresh one.
            setReview({ status: 'idle' })
            setNotice({
              tone: 'success',
              text:
                saved.kind === 'fixed'
                  ? `Direct Debit set: ${formatMinor(saved.amountMinor)} on day ${saved.paymentDay} of each month.`
                  : `Direct Debit set: variable, on day ${saved.paymentDay} of each month.`,
            })
            changed()
          }}
        />
      )}

      {canChange && directDebit && !editing && (
        <div className="button-row">
          <ConfirmAction
            label="Cancel the Direct Debit"
            ghost
            testId="direct-debit-cancel"
            question="Cancel the Direct Debit? The customer will need to pay each bill another way."
            confirmLabel="Cancel it"
            sendingLabel="Cancelling…"
            keepLabel="Keep it"
            sending={cancel.isPending}
            onConfirm={() => cancel.mutateAsync()}
            confirmTestId="direct-debit-cancel-confirm"
          />
        </div>
      )}
    </Panel>
  )
}

function AdequacyResult({ review, canUse, onUse }: { review: AdequacyReview; canUse: boolean; onUse: () => void }) {
  const same = review.currentMinor !== null && review.currentMinor === review.recommendedMinor
  return (
    <div className="adequacy" data-testid="adequacy-result">
      <p className="adequacy-figure">
        Recommended: <strong data-testid="adequacy-recommended">{formatMinor(review.recommendedMinor)}</strong> a month
      </p>
      <p className="muted">
        From {formatMinor(review.projectedAnnualMinor)} of charges over a year
        {review.basisDays < 365 ? ` (projected from ${review.basisDays} days)` : ''} and a balance of{' '}
        {formatMinor(review.balanceMinor)}, over 12 months, rounded up to a whole pound.
        {review.currentMinor !== null
          ? ` The fixed amount now is ${formatMinor(review.currentMinor)}.`
          : ' There is no fixed amount now.'}
      </p>
      {canUse && !same && review.recommendedMinor !== '0' && (
        <button type="button" className="button button-small" onClick={onUse} data-testid="adequacy-use">
          Use {formatMinor(review.recommendedMinor)}
        </button>
      )}
    </div>
  )
}

/** A Direct Debit is collected on a day from 1 to 28, so every month has it. */
const paymentDays = Array.from({ length: 28 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))

function DirectDebitForm({
  accountNumber,
  current,
  banks,
  suggestedAmount,
  onCancel,
  onSaved,
}: {
  accountNumber: string
  current: DirectDebit | null
  banks: KeptPaymentMethod[]
  suggestedAmount: string | null
  onCancel: () => void
  onSaved: (saved: DirectDebit) => void
}) {
  const api = useApi()
  const form = useFormValues(() => ({
    paymentMethodId: current?.paymentMethodId ?? banks[0]?.id ?? '',
    kind: (suggestedAmount ? 'fixed' : (current?.kind ?? 'fixed')) as 'fixed' | 'variable',
    amount: suggestedAmount ?? (current?.amountMinor ? minorToInput(current.amountMinor) : ''),
    debt: current && current.debtRepaymentMinor !== '0' ? minorToInput(current.debtRepaymentMinor) : '',
    paymentDay: String(current?.paymentDay ?? 1),
  }))
  const { paymentMethodId: bankId, kind, amount, debt, paymentDay: day } = form.values
  const save = useFormMutation({
    mutationFn: (input: Omit<Parameters<typeof setUpDirectDebit>[1], 'accountNumber'>) =>
      setUpDirectDebit(api, { accountNumber, ...input }),
    onSuccess: onSaved,
    failure: 'The Direct Debit could not be set up.',
  })
  const { problems } = save

  if (banks.length === 0) {
    return (
      <div className="callout callout-info">
        A Direct Debit is taken from a kept bank account: add the customer’s bank account under Payment methods first.
        <div className="form-actions">
          <button type="button" className="button button-small button-ghost" onClick={onCancel}>
            Close
          </button>
        </div>
      </div>
    )
  }

  function submit() {
    const found: Record<string, string> = {}
    const fixed = kind === 'fixed' ? parsePounds(amount) : null
    if (fixed && !fixed.ok) found['amountMinor'] = fixed.problem
    const repayment = debt.trim() ? parsePounds(debt, { allowZero: true }) : null
    if (repayment && !repayment.ok) found['debtRepaymentMinor'] = repayment.problem
    if (!bankId) found['paymentMethodId'] = 'Choose the bank account.'
    if (!save.check(found)) return
    save.send({
      paymentMethodId: bankId,
      kind,
      ...(fixed?.ok ? { amountMinor: fixed.minor } : {}),
      ...(repayment?.ok ? { debtRepaymentMinor: repayment.minor } : {}),
      paymentDay: Number(day),
    })
  }

  return (
    <InlineForm
      label="Set up Direct Debit"
      onSubmit={submit}
      error={save.error}
      onCancel={onCancel}
      sending={save.sending}
      submitLabel={current ? 'Replace the Direct Debit' : 'Set up the Direct Debit'}
      sendingLabel="Saving…"
      submitTestId="direct-debit-save"
    >
      <SelectField
        {...form.bind('paymentMethodId', problems)}
        label="From"
        options={banks.map((bank) => ({ value: bank.id, label: methodDescription(bank) }))}
        data-testid="direct-debit-bank"
      />
      <SelectField
        {...form.bindChoice('kind')}
        label="Amount"
        options={[
          { value: 'fixed', label: 'A fixed amount each month' },
          { value: 'variable', label: 'What each bill leaves owing' },
        ]}
        data-testid="direct-debit-kind"
      />
      <SelectField
        {...form.bind('paymentDay', problems)}
        label="Payment day"
        options={paymentDays}
        data-testid="direct-debit-day"
      />
      {kind === 'fixed' && (
        <PoundsField
          {...form.bind('amount')}
          label="Monthly amount"
          error={problems['amountMinor']}
          data-testid="direct-debit-amount"
        />
      )}
      <PoundsField
        {...form.bind('debt')}
        label="Towards the debt"
        optional
        error={problems['debtRepaymentMinor']}
        data-testid="direct-debit-debt"
      />
    </InlineForm>
  )
}

/**
 * The next collection: its date and the amount it will take (what the rule says of the balance now,
 * so a rebill changes it), and for a billing specialist a way to set that one collection's amount.
 */
function NextCollectionFacts({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const queryClient = useQueryClient()
  const key = ['account', accountNumber, 'next-collection']
  const query = useQuery({ queryKey: key, queryFn: () => nextCollection(api, { accountNumber }) })
  const [open, setOpen] = useState(false)
  const form = useFormValues({ amount: '', reason: '' })
  const [problem, setProblem] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: ({ amountMinor, reason }: { amountMinor: string; reason: string }) =>
      setNextCollection(api, { accountNumber, amountMinor, reason }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved)
      setOpen(false)
    },
    onError: (error) => setProblem(messageOf(error, 'The amount could not be set.')),
  })
  const next = query.data
  if (!next) return null
  const canSet = user.permissions.includes('billing.rebill.create')
  return (
    <div className="next-collection" data-testid="next-collection">
      <p>
        Next collection: <strong>{formatMinor(next.amountMinor)}</strong> on {formatCalendarDate(next.collectOn)}
        {next.setAmount ? (
          <span className="muted"> (set by billing: {next.setAmount.reason})</span>
        ) : (
          <span className="muted"> (from the balance now)</span>
        )}
        {canSet && !open && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setOpen(true)}
            data-testid="next-collection-edit"
          >
            Set the amount
          </button>
        )}
      </p>
      {open && (
        <form
          className="form-inline-grid"
          aria-label="Set the next collection"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            setProblem(null)
            const amount = parsePounds(form.values.amount, { allowZero: true })
            if (!amount.ok) return setProblem(amount.problem)
            if (form.values.reason.trim() === '') return setProblem('Say why the amount changes.')
            save.mutate({ amountMinor: amount.minor, reason: form.values.reason.trim() })
          }}
        >
          <PoundsField label="Amount" {...form.bind('amount')} />
          <TextField label="Why" wide {...form.bind('reason')} />
          {problem && (
            <p className="callout callout-error" role="alert">
              {problem}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
              Save
            </button>
            <button type="button" className="button button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
