/**
 * The cards and bank accounts kept on the account (PAY-1): brand, last four digits and expiry only,
 * the rest being the processor's token. Add a card or a bank account; stop keeping one. The card
 * number and security code are cleared from the form as soon as it is sent.
 */
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi } from '../console-context.js'
import { expiryMonthOptions, expiryYearOptions, SelectField } from '../shared/form-field.js'
import { formatCalendarDate } from '../shared/format.js'
import { messageOf, methodDescription } from './payment-format.js'
import { addPaymentMethod, type KeptPaymentMethod, removePaymentMethod } from './payments-api.js'

type Adding = 'card' | 'bank_account' | null

export function PaymentMethodsPanel({
  accountNumber,
  methods,
  canChange,
  onChanged,
}: {
  accountNumber: string
  methods: KeptPaymentMethod[]
  canChange: boolean
  onChanged: () => void
}) {
  const [adding, setAdding] = useState<Adding>(null)
  const [notice, setNotice] = useState<string | null>(null)

  return (
    <section className="card" aria-labelledby="payment-methods-title" data-testid="payment-methods">
      <header className="card-header">
        <h2 className="card-title" id="payment-methods-title">
          Payment methods
        </h2>
        {canChange && adding === null && (
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => setAdding('card')}
              data-testid="add-card"
            >
              Add card
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setAdding('bank_account')}
              data-testid="add-bank-account"
            >
              Add bank account
            </button>
          </div>
        )}
      </header>
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
              onRemoved={() => {
                setNotice(`${methodDescription(method, { expiry: false })} is no longer kept.`)
                onChanged()
              }}
            />
          ))}
        </ul>
      )}
      {adding === 'card' && (
        <AddCardForm
          accountNumber={accountNumber}
          onCancel={() => setAdding(null)}
          onAdded={(method) => {
            setAdding(null)
            setNotice(`${methodDescription(method)} kept on the account.`)
            onChanged()
          }}
        />
      )}
      {adding === 'bank_account' && (
        <AddBankAccountForm
          accountNumber={accountNumber}
          onCancel={() => setAdding(null)}
          onAdded={(method) => {
            setAdding(null)
            setNotice(`${methodDescription(method)} kept on the account.`)
            onChanged()
          }}
        />
      )}
    </section>
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
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function remove() {
    setSending(true)
    setError(null)
    try {
      await removePaymentMethod(api, { accountNumber, paymentMethodId: method.id })
      onRemoved()
    } catch (caught) {
      setError(messageOf(caught, 'The payment method could not be removed.'))
      setSending(false)
    }
  }

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
          {confirming ? (
            <>
              <span className="muted">Stop keeping it?</span>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => void remove()}
                disabled={sending}
                data-testid="remove-method-confirm"
              >
                {sending ? 'Removing…' : 'Remove'}
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => setConfirming(true)}
              data-testid="remove-method"
            >
              Remove<span className="visually-hidden"> {methodDescription(method, { expiry: false })}</span>
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

function AddCardForm({
  accountNumber,
  onCancel,
  onAdded,
}: {
  accountNumber: string
  onCancel: () => void
  onAdded: (method: KeptPaymentMethod) => void
}) {
  const api = useApi()
  const ids = useId()
  const [number, setNumber] = useState('')
  const [month, setMonth] = useState('')
  const [year, setYear] = useState('')
  const [cvc, setCvc] = useState('')
  const [holderName, setHolderName] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const thisYear = new Date().getFullYear()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const digits = number.replace(/[\s-]/g, '')
    const found: Record<string, string> = {}
    if (!/^\d{12,19}$/.test(digits)) found['card.number'] = 'Enter the long number on the card.'
    if (!month || !year) found['card.expiry'] = 'Choose the expiry month and year.'
    if (!/^\d{3,4}$/.test(cvc)) found['card.cvc'] = 'The 3 or 4 digits on the back.'
    setProblems(found)
    setError(null)
    if (Object.keys(found).length > 0) return
    const card = {
      number: digits,
      expiryMonth: Number(month),
      expiryYear: Number(year),
      cvc,
      ...(holderName.trim() ? { holderName: holderName.trim() } : {}),
    }
    // Out of the page's state before the request goes.
    setNumber('')
    setCvc('')
    setSending(true)
    try {
      onAdded(await addPaymentMethod(api, { accountNumber, method: { kind: 'card', card } }))
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldProblems() : {}
      setProblems(fields)
      setError(messageOf(caught, 'The card could not be kept.'))
      setSending(false)
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Add a card">
      <div className="form-inline-grid">
        <div className="field form-wide">
          <label className="field-label" htmlFor={`${ids}-number`}>
            Card number
          </label>
          <input
            id={`${ids}-number`}
            className="input mono"
            inputMode="numeric"
            autoComplete="off"
            maxLength={23}
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            aria-invalid={problems['card.number'] ? true : undefined}
            data-testid="add-card-number"
          />
          {problems['card.number'] && <span className="field-error">{problems['card.number']}</span>}
        </div>
        <SelectField
          id={`${ids}-month`}
          label="Expiry month"
          value={month}
          onValueChange={setMonth}
          placeholder="Month"
          options={expiryMonthOptions}
          data-testid="add-card-month"
        />
        <SelectField
          id={`${ids}-year`}
          label="Expiry year"
          value={year}
          onValueChange={setYear}
          placeholder="Year"
          options={expiryYearOptions(thisYear)}
          error={problems['card.expiry'] ?? problems['card.expiryMonth'] ?? problems['card.expiryYear']}
          data-testid="add-card-year"
        />
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-cvc`}>
            Security code
          </label>
          <input
            id={`${ids}-cvc`}
            className="input mono"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={cvc}
            onChange={(event) => setCvc(event.target.value)}
            aria-invalid={problems['card.cvc'] ? true : undefined}
            data-testid="add-card-cvc"
          />
          {problems['card.cvc'] && <span className="field-error">{problems['card.cvc']}</span>}
        </div>
        <div className="field form-wide">
          <label className="field-label" htmlFor={`${ids}-holder`}>
            Name on the card <span className="muted">(optional)</span>
          </label>
          <input
            id={`${ids}-holder`}
            className="input"
            autoComplete="off"
            maxLength={100}
            value={holderName}
            onChange={(event) => setHolderName(event.target.value)}
          />
        </div>
        {error && (
          <p className="callout callout-error form-wide" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary button-small" disabled={sending}>
            {sending ? 'Keeping…' : 'Keep card'}
          </button>
          <button type="button" className="button button-ghost button-small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  )
}

function AddBankAccountForm({
  accountNumber,
  onCancel,
  onAdded,
}: {
  accountNumber: string
  onCancel: () => void
  onAdded: (method: KeptPaymentMethod) => void
}) {
  const api = useApi()
  const ids = useId()
  const [holderName, setHolderName] = useState('')
  const [bankCode, setBankCode] = useState('')
  const [bankAccountNumber, setBankAccountNumber] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const code = bankCode.replace(/[\s-]/g, '')
    const found: Record<string, string> = {}
    if (!holderName.trim()) found['bankAccount.holderName'] = 'The name on the account.'
    if (!/^(\d{6}|\d{9})$/.test(code)) found['bankAccount.bankCode'] = 'The six-digit sort code.'
    if (!/^\d{4,17}$/.test(bankAccountNumber.trim())) found['bankAccount.accountNumber'] = 'The account number.'
    setProblems(found)
    setError(null)
    if (Object.keys(found).length > 0) return
    setSending(true)
    try {
      const method = await addPaymentMethod(api, {
        accountNumber,
        method: {
          kind: 'bank_account',
          bankAccount: { holderName: holderName.trim(), bankCode: code, accountNumber: bankAccountNumber.trim() },
        },
      })
      onAdded(method)
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldProblems() : {}
      setProblems(fields)
      setError(messageOf(caught, 'The bank account could not be kept.'))
      setSending(false)
    }
  }

  const fieldError = (key: string) => (problems[key] ? <span className="field-error">{problems[key]}</span> : null)

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Add a bank account">
      <div className="form-inline-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-holder`}>
            Name on the account
          </label>
          <input
            id={`${ids}-holder`}
            className="input"
            autoComplete="off"
            maxLength={100}
            value={holderName}
            onChange={(event) => setHolderName(event.target.value)}
            aria-invalid={problems['bankAccount.holderName'] ? true : undefined}
            data-testid="add-bank-holder"
          />
          {fieldError('bankAccount.holderName')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-code`}>
            Sort code
          </label>
          <input
            id={`${ids}-code`}
            className="input mono"
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            placeholder="00-00-00"
            value={bankCode}
            onChange={(event) => setBankCode(event.target.value)}
            aria-invalid={problems['bankAccount.bankCode'] ? true : undefined}
            data-testid="add-bank-code"
          />
          {fieldError('bankAccount.bankCode')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-account`}>
            Account number
          </label>
          <input
            id={`${ids}-account`}
            className="input mono"
            inputMode="numeric"
            autoComplete="off"
            maxLength={17}
            value={bankAccountNumber}
            onChange={(event) => setBankAccountNumber(event.target.value)}
            aria-invalid={problems['bankAccount.accountNumber'] ? true : undefined}
            data-testid="add-bank-account-number"
          />
          {fieldError('bankAccount.accountNumber')}
        </div>
        {error && (
          <p className="callout callout-error form-wide" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary button-small" disabled={sending}>
            {sending ? 'Keeping…' : 'Keep bank account'}
          </button>
          <button type="button" className="button button-ghost button-small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  )
}
