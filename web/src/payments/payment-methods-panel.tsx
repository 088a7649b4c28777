/**
 * The cards and bank accounts kept on the account (PAY-1): brand, last four digits and expiry only,
 * the rest being the processor's token. Add a card or a bank account; stop keeping one. The card
 * number and security code are cleared from the form as soon as it is sent.
 */
import { useId, useState } from 'react'
import { useApi } from '../console-context.js'
import { ConfirmAction } from '../shared/confirm-action.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatCalendarDate } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { InlineForm } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { type CardEntry, CardFields, cardInput, cardProblems, emptyCard, withoutSecrets } from './card-fields.js'
import { methodDescription } from './payment-format.js'
import {
  accountKeys,
  addPaymentMethod,
  type KeptPaymentMethod,
  type NewMethod,
  removePaymentMethod,
} from './payments-api.js'

type Adding = 'card' | 'bank_account' | null

const addButtons = [
  { kind: 'card', label: 'Add card', testId: 'add-card' },
  { kind: 'bank_account', label: 'Add bank account', testId: 'add-bank-account' },
] as const

export function PaymentMethodsPanel({
  accountNumber,
  methods,
  canChange,
}: {
  accountNumber: string
  methods: KeptPaymentMethod[]
  canChange: boolean
}) {
  const [adding, setAdding] = useState<Adding>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const form = {
    accountNumber,
    onCancel: () => setAdding(null),
    onAdded: (method: KeptPaymentMethod) => {
      setAdding(null)
      setNotice(`${methodDescription(method)} kept on the account.`)
    },
  }

  return (
    <Panel
      title="Payment methods"
      testId="payment-methods"
      aside={
        canChange &&
        adding === null && (
          <div className="button-row">
            {addButtons.map((button) => (
              <button
                key={button.kind}
                type="button"
                className="button button-small"
                onClick={() => setAdding(button.kind)}
                data-testid={button.testId}
              >
                {button.label}
              </button>
            ))}
          </div>
        )
      }
    >
      <div aria-live="polite">{notice && <p className="callout callout-success">{notice}</p>}</div>
      {methods.length === 0 ? (
        <p className="empty">No card or bank account is kept on this account.</p>
      ) : (
        <ul className="row-list kept-methods">
          {methods.map((method) => (
            <KeptMethod
              key={method.id}
              accountNumber={accountNumber}
              method={method}
              canChange={canChange}
              onRemoved={() => setNotice(`${methodDescription(method, { expiry: false })} is no longer kept.`)}
            />
          ))}
        </ul>
      )}
      {adding === 'card' && <AddCardForm {...form} />}
      {adding === 'bank_account' && <AddBankAccountForm {...form} />}
    </Panel>
  )
}

function KeptMethod({
  accountNumber,
  method,
  canChange,
  onRemoved,
}: {
  accountNumber: string
  method: KeptPaymentMethod
  canChange: boolean
  onRemoved: () => void
}) {
  const api = useApi()
  const remove = useFormMutation({
    mutationFn: () => removePaymentMethod(api, { accountNumber, paymentMethodId: method.id }),
    invalidates: accountKeys(accountNumber),
    onSuccess: onRemoved,
    failure: 'The payment method could not be removed.',
  })

  return (
    <li className="kept-method" data-testid="kept-method" data-kind={method.kind}>
      <div>
        <span className="kept-method-label">{methodDescription(method)}</span>
        <span className="muted">
          {method.holderName ? `${method.holderName} · ` : ''}kept since {formatCalendarDate(method.createdAt)}
        </span>
      </div>
      {canChange && (
        <div className="button-row">
          <ConfirmAction
            label={
              <>
                Remove<span className="visually-hidden"> {methodDescription(method, { expiry: false })}</span>
              </>
            }
            ghost
            testId="remove-method"
            question="Stop keeping it?"
            questionClassName="muted"
            confirmLabel="Remove"
            sendingLabel="Removing…"
            sending={remove.sending}
            onConfirm={() => remove.send()}
            confirmTestId="remove-method-confirm"
          />
        </div>
      )}
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error}
        </p>
      )}
    </li>
  )
}

type AddForm = {
  accountNumber: string
  onCancel: () => void
  onAdded: (method: KeptPaymentMethod) => void
}

/** Keeping a card or a bank account on the account: one write, whichever it is. */
function useAddMethod({ accountNumber, onAdded }: AddForm, failure: string) {
  const api = useApi()
  return useFormMutation({
    mutationFn: (method: NewMethod) => addPaymentMethod(api, { accountNumber, method }),
    invalidates: accountKeys(accountNumber),
    onSuccess: onAdded,
    failure,
  })
}

function AddCardForm(props: AddForm) {
  const ids = useId()
  const [card, setCard] = useState<CardEntry>(emptyCard)
  const add = useAddMethod(props, 'The card could not be kept.')

  function submit() {
    if (!add.check(cardProblems(card, { expiry: 'together' }))) return
    // Out of the page's state before the request goes.
    setCard(withoutSecrets)
    add.send({ kind: 'card', card: cardInput(card) })
  }

  return (
    <InlineForm
      label="Add a card"
      onSubmit={submit}
      error={add.error}
      onCancel={props.onCancel}
      sending={add.sending}
      submitLabel="Keep card"
      sendingLabel="Keeping…"
    >
      <CardFields
        ids={ids}
        card={card}
        onChange={setCard}
        problems={add.problems}
        expiry="together"
        testId="add-card"
      />
    </InlineForm>
  )
}

function AddBankAccountForm(props: AddForm) {
  const form = useFormValues({ holderName: '', bankCode: '', bankAccountNumber: '' })
  const { holderName, bankCode, bankAccountNumber } = form.values
  const add = useAddMethod(props, 'The bank account could not be kept.')
  const { problems } = add

  function submit() {
    const code = bankCode.replace(/[\s-]/g, '')
    const found: Record<string, string> = {}
    if (!holderName.trim()) found['bankAccount.holderName'] = 'The name on the account.'
    if (!/^(\d{6}|\d{9})$/.test(code)) found['bankAccount.bankCode'] = 'The six-digit sort code.'
    if (!/^\d{4,17}$/.test(bankAccountNumber.trim())) found['bankAccount.accountNumber'] = 'The account number.'
    if (!add.check(found)) return
    add.send({
      kind: 'bank_account',
      bankAccount: { holderName: holderName.trim(), bankCode: code, accountNumber: bankAccountNumber.trim() },
    })
  }

  return (
    <InlineForm
      label="Add a bank account"
      onSubmit={submit}
      error={add.error}
      onCancel={props.onCancel}
      sending={add.sending}
      submitLabel="Keep bank account"
      sendingLabel="Keeping…"
    >
      <TextField
        {...form.bind('holderName')}
        label="Name on the account"
        autoComplete="off"
        maxLength={100}
        error={problems['bankAccount.holderName']}
        data-testid="add-bank-holder"
      />
      <TextField
        {...form.bind('bankCode')}
        label="Sort code"
        inputClassName="mono"
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        placeholder="00-00-00"
        error={problems['bankAccount.bankCode']}
        data-testid="add-bank-code"
      />
      <TextField
        {...form.bind('bankAccountNumber')}
        label="Account number"
        inputClassName="mono"
        inputMode="numeric"
        autoComplete="off"
        maxLength={17}
        error={problems['bankAccount.accountNumber']}
        data-testid="add-bank-account-number"
      />
    </InlineForm>
  )
}
