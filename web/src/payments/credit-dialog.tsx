/**
 * A goodwill credit or a refund of an overpayment (PAY-4). Within the supplier's limit (counted over
 * the last 24 hours) it is applied at once (201); above it the server keeps it waiting for a
 * supervisor (202) and nothing reaches the account until one approves it. One idempotency key per
 * opening, reused if the same request has to be sent again after a lost answer.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi } from '../console-context.js'
import { currencySymbol } from '../shared/brand.js'
import { formatMinor } from '../shared/money.js'
import { Dialog } from './dialog.js'
import { newIdempotencyKey, parsePounds } from './money-input.js'
import { creditKindLabels, methodDescription } from './payment-format.js'
import { announceAccountChanged, type CreditRequest, type KeptPaymentMethod, requestCredit } from './payments-api.js'

export function CreditDialog({
  accountNumber,
  kind,
  methods,
  onClose,
  onRequested,
}: {
  accountNumber: string
  kind: CreditRequest['kind']
  methods: KeptPaymentMethod[]
  onClose: () => void
  onRequested: () => void
}) {
  const api = useApi()
  const ids = useId()
  const idempotencyKey = useRef(newIdempotencyKey())
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [refundTo, setRefundTo] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<CreditRequest | null>(null)
  const resultRef = useRef<HTMLDivElement>(null)
  const label = creditKindLabels[kind]

  useEffect(() => {
    if (result) resultRef.current?.focus()
  }, [result])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const found: Record<string, string> = {}
    const parsed = parsePounds(amount)
    if (!parsed.ok) found['amountMinor'] = parsed.problem
    if (!reason.trim()) found['reason'] = `Say why the ${label.toLowerCase()} is given.`
    setProblems(found)
    setError(null)
    if (!parsed.ok || Object.keys(found).length > 0) return
    setSending(true)
    try {
      const { request } = await requestCredit(api, {
        accountNumber,
        kind,
        idempotencyKey: idempotencyKey.current,
        amountMinor: parsed.minor,
        reason: reason.trim(),
        ...(refundTo ? { refundToPaymentMethodId: refundTo } : {}),
      })
      setResult(request)
      if (request.status === 'completed') announceAccountChanged(accountNumber)
      onRequested()
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = caught.fieldProblems()
        setProblems(fields)
        if (!('amountMinor' in fields || 'reason' in fields)) {
          setError(
            caught.status === 0 || caught.status >= 500
              ? `${caught.message} Send it again: the same request is never applied twice.`
              : caught.message,
          )
        }
      } else {
        setError(`The ${label.toLowerCase()} could not be sent. Send it again: it is never applied twice.`)
      }
    } finally {
      setSending(false)
    }
  }

  if (result) {
    const waiting = result.status === 'pending_approval'
    return (
      <Dialog title={label} onClose={onClose} testId="credit-dialog">
        <div className="form" ref={resultRef} tabIndex={-1}>
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
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose} data-testid="credit-done">
              Done
            </button>
          </div>
        </div>
      </Dialog>
    )
  }

  const refundMethods = methods
  return (
    <Dialog
      title={kind === 'refund' ? 'Refund an overpayment' : 'Give a goodwill credit'}
      onClose={onClose}
      testId="credit-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={label}>
        <p className="muted">
          {kind === 'refund'
            ? 'Never more than the credit balance, nor more than was paid. Above the supplier’s limit it waits for a supervisor.'
            : 'Above the supplier’s limit (counted over the last 24 hours) it waits for a supervisor’s approval.'}
        </p>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-amount`}>
            Amount ({currencySymbol()})
          </label>
          <input
            id={`${ids}-amount`}
            className="input input-money"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={problems['amountMinor'] ? true : undefined}
            aria-describedby={problems['amountMinor'] ? `${ids}-amount-error` : undefined}
            data-testid="credit-amount"
          />
          {problems['amountMinor'] && (
            <span className="field-error" id={`${ids}-amount-error`}>
              {problems['amountMinor']}
            </span>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-reason`}>
            Reason
          </label>
          <textarea
            id={`${ids}-reason`}
            className="input textarea"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={problems['reason'] ? true : undefined}
            aria-describedby={problems['reason'] ? `${ids}-reason-error` : undefined}
            data-testid="credit-reason"
          />
          {problems['reason'] && (
            <span className="field-error" id={`${ids}-reason-error`}>
              {problems['reason']}
            </span>
          )}
        </div>
        {kind === 'refund' && (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-to`}>
              Refund to
            </label>
            <select
              id={`${ids}-to`}
              className="input"
              value={refundTo}
              onChange={(event) => setRefundTo(event.target.value)}
              aria-describedby={problems['refundToPaymentMethodId'] ? `${ids}-to-error` : undefined}
              data-testid="refund-to"
            >
              <option value="">Record it only (paid out another way)</option>
              {refundMethods.map((method) => (
                <option key={method.id} value={method.id}>
                  {methodDescription(method)}
                </option>
              ))}
            </select>
            {problems['refundToPaymentMethodId'] && (
              <span className="field-error" id={`${ids}-to-error`}>
                {problems['refundToPaymentMethodId']}
              </span>
            )}
          </div>
        )}
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="credit-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="credit-submit">
            {sending ? 'Sending…' : kind === 'refund' ? 'Refund' : 'Give credit'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
