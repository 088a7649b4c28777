/**
 * Attach what reached the customer service team another way (COM-3): a phone call, with its handle
 * time (talk and wrap-up), and an email the customer sent to a personal mailbox.
 */
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi } from '../console-context.js'
import { Dialog } from '../payments/dialog.js'
import { errorMessage, SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { logInboundEmail, logPhoneCall, type Message } from './comms-api.js'
import { inputToInstant, nowForInput } from './message-format.js'

export function PhoneCallDialog({
  accountNumber,
  onClose,
  onLogged,
}: {
  accountNumber: string
  onClose: () => void
  onLogged: (message: Message) => void
}) {
  const api = useApi()
  const ids = useId()
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound')
  const [phoneNumber, setPhoneNumber] = useState('')
  const [startedAt, setStartedAt] = useState(nowForInput)
  const [minutes, setMinutes] = useState('')
  const [seconds, setSeconds] = useState('')
  const [subject, setSubject] = useState('')
  const [summary, setSummary] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const found: Record<string, string> = {}
    const started = inputToInstant(startedAt)
    if (!started) found['startedAt'] = 'When the call started.'
    const minutesValue = minutes.trim() === '' ? 0 : Number(minutes)
    const secondsValue = seconds.trim() === '' ? 0 : Number(seconds)
    if (!Number.isInteger(minutesValue) || minutesValue < 0 || minutesValue > 1440)
      found['handleSeconds'] = 'Whole minutes, 0 to 1,440.'
    else if (!Number.isInteger(secondsValue) || secondsValue < 0 || secondsValue > 59)
      found['handleSeconds'] = 'Seconds from 0 to 59.'
    else if (minutesValue === 0 && secondsValue === 0) found['handleSeconds'] = 'How long the call took, with wrap-up.'
    if (phoneNumber.trim() && phoneNumber.trim().length < 6) found['phoneNumber'] = 'At least 6 characters.'
    if (!summary.trim()) found['summary'] = 'What was said and agreed.'
    setProblems(found)
    setError(null)
    if (Object.keys(found).length > 0 || !started) return
    setSending(true)
    try {
      const message = await logPhoneCall(api, {
        accountNumber,
        call: {
          direction,
          phoneNumber: phoneNumber.trim() || null,
          startedAt: started,
          handleSeconds: minutesValue * 60 + secondsValue,
          ...(subject.trim() ? { subject: subject.trim() } : {}),
          summary: summary.trim(),
        },
      })
      onLogged(message)
    } catch (caught) {
      setProblems(caught instanceof ApiError ? caught.fieldProblems() : {})
      setError(errorMessage(caught, 'The call could not be logged.'))
      setSending(false)
    }
  }

  return (
    <Dialog title="Log a phone call" onClose={onClose} testId="phone-call-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-inline-grid">
          <SelectField
            id={`${ids}-direction`}
            label="Direction"
            value={direction}
            onValueChange={(value) => setDirection(value as 'inbound' | 'outbound')}
            options={[
              { value: 'inbound', label: 'The customer called us' },
              { value: 'outbound', label: 'We called the customer' },
            ]}
            data-testid="call-direction"
          />
          <TextField
            id={`${ids}-number`}
            label="Phone number"
            optional
            type="tel"
            maxLength={40}
            value={phoneNumber}
            onValueChange={setPhoneNumber}
            error={problems['phoneNumber']}
            data-testid="call-number"
          />
          <TextField
            id={`${ids}-started`}
            label="Started"
            type="datetime-local"
            value={startedAt}
            onValueChange={setStartedAt}
            error={problems['startedAt']}
            data-testid="call-started"
          />
          <fieldset className="fieldset call-handle-time">
            <legend className="field-label">Handle time (talk and wrap-up)</legend>
            <div className="button-row">
              <label className="checkbox">
                <input
                  className="input input-compact"
                  inputMode="numeric"
                  value={minutes}
                  onChange={(event) => setMinutes(event.target.value)}
                  aria-invalid={problems['handleSeconds'] ? true : undefined}
                  data-testid="call-minutes"
                />
                min
              </label>
              <label className="checkbox">
                <input
                  className="input input-compact"
                  inputMode="numeric"
                  value={seconds}
                  onChange={(event) => setSeconds(event.target.value)}
                  aria-invalid={problems['handleSeconds'] ? true : undefined}
                  data-testid="call-seconds"
                />
                s
              </label>
            </div>
            {problems['handleSeconds'] && <span className="field-error">{problems['handleSeconds']}</span>}
          </fieldset>
          <TextField
            id={`${ids}-subject`}
            label="Subject"
            optional
            wide
            maxLength={500}
            value={subject}
            onValueChange={setSubject}
            data-testid="call-subject"
          />
          <TextAreaField
            id={`${ids}-summary`}
            label="Summary"
            wide
            maxLength={5000}
            value={summary}
            onValueChange={setSummary}
            error={problems['summary']}
            data-testid="call-summary"
          />
          {error && (
            <p className="callout callout-error form-wide" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={sending} data-testid="call-submit">
              {sending ? 'Logging…' : 'Log the call'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  )
}

export function InboundEmailDialog({
  accountNumber,
  defaultFrom,
  onClose,
  onLogged,
}: {
  accountNumber: string
  defaultFrom: string
  onClose: () => void
  onLogged: (message: Message) => void
}) {
  const api = useApi()
  const ids = useId()
  const [from, setFrom] = useState(defaultFrom)
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [receivedAt, setReceivedAt] = useState(nowForInput)
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const found: Record<string, string> = {}
    const received = inputToInstant(receivedAt)
    if (from.trim().length < 3) found['from'] = 'The address it came from.'
    if (!body.trim()) found['body'] = 'Paste the email’s text.'
    if (!received) found['receivedAt'] = 'When it arrived.'
    setProblems(found)
    setError(null)
    if (Object.keys(found).length > 0 || !received) return
    setSending(true)
    try {
      const message = await logInboundEmail(api, {
        accountNumber,
        email: { from: from.trim(), subject: subject.trim(), body: body.trim(), receivedAt: received },
      })
      onLogged(message)
    } catch (caught) {
      setProblems(caught instanceof ApiError ? caught.fieldProblems() : {})
      setError(errorMessage(caught, 'The email could not be logged.'))
      setSending(false)
    }
  }

  return (
    <Dialog title="Log an email from the customer" onClose={onClose} testId="inbound-email-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-inline-grid">
          <TextField
            id={`${ids}-from`}
            label="From"
            type="email"
            maxLength={320}
            value={from}
            onValueChange={setFrom}
            error={problems['from']}
            data-testid="inbound-from"
          />
          <TextField
            id={`${ids}-received`}
            label="Received"
            type="datetime-local"
            value={receivedAt}
            onValueChange={setReceivedAt}
            error={problems['receivedAt']}
            data-testid="inbound-received"
          />
          <TextField
            id={`${ids}-subject`}
            label="Subject"
            wide
            maxLength={500}
            value={subject}
            onValueChange={setSubject}
            error={problems['subject']}
            data-testid="inbound-subject"
          />
          <TextAreaField
            id={`${ids}-body`}
            label="Email"
            wide
            rows={8}
            maxLength={100000}
            value={body}
            onValueChange={setBody}
            error={problems['body']}
            data-testid="inbound-body"
          />
          {error && (
            <p className="callout callout-error form-wide" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={sending} data-testid="inbound-submit">
              {sending ? 'Logging…' : 'Log the email'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  )
}
