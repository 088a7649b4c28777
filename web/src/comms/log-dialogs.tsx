/**
 * Attach what reached the customer service team another way (COM-3): a phone call, with its handle
 * time (talk and wrap-up), and an email the customer sent to a personal mailbox.
 */
import { type ReactNode, useId, useState } from 'react'
import { useApi } from '../console-context.js'
import { accountKeys } from '../payments/payments-api.js'
import type { RequestOf } from '../shared/api-client.js'
import { DialogForm } from '../shared/dialog-form.js'
import { SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormMutation } from '../shared/mutation.js'
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
  const log = useLogDialog(
    accountNumber,
    onLogged,
    (call: PhoneCall) => logPhoneCall(api, { accountNumber, call }),
    'The call could not be logged.',
  )
  const { problems } = log

  function submit() {
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
    if (!log.check(found) || !started) return
    log.send({
      direction,
      phoneNumber: phoneNumber.trim() || null,
      startedAt: started,
      handleSeconds: minutesValue * 60 + secondsValue,
      ...(subject.trim() ? { subject: subject.trim() } : {}),
      summary: summary.trim(),
    })
  }

  return (
    <LogDialog
      title="Log a phone call"
      onClose={onClose}
      testId="phone-call-dialog"
      onSubmit={submit}
      log={log}
      submitLabel="Log the call"
      submitTestId="call-submit"
    >
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
    </LogDialog>
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
  const log = useLogDialog(
    accountNumber,
    onLogged,
    (email: InboundEmail) => logInboundEmail(api, { accountNumber, email }),
    'The email could not be logged.',
  )
  const { problems } = log

  function submit() {
    const found: Record<string, string> = {}
    const received = inputToInstant(receivedAt)
    if (from.trim().length < 3) found['from'] = 'The address it came from.'
    if (!body.trim()) found['body'] = 'Paste the email’s text.'
    if (!received) found['receivedAt'] = 'When it arrived.'
    if (!log.check(found) || !received) return
    log.send({ from: from.trim(), subject: subject.trim(), body: body.trim(), receivedAt: received })
  }

  return (
    <LogDialog
      title="Log an email from the customer"
      onClose={onClose}
      testId="inbound-email-dialog"
      onSubmit={submit}
      log={log}
      submitLabel="Log the email"
      submitTestId="inbound-submit"
    >
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
    </LogDialog>
  )
}

type PhoneCall = RequestOf<'/api/accounts/{accountNumber}/phone-calls', 'post'>
type InboundEmail = RequestOf<'/api/accounts/{accountNumber}/inbound-emails', 'post'>

/** Logging what reached the team: one write that makes the account's messages (and timeline) stale. */
function useLogDialog<Input>(
  accountNumber: string,
  onLogged: (message: Message) => void,
  mutationFn: (input: Input) => Promise<Message>,
  failure: string,
) {
  return useFormMutation({ mutationFn, invalidates: accountKeys(accountNumber), onSuccess: onLogged, failure })
}

/** A log dialog: its fields in a grid, then the failure and the one button (the dialog's Close cancels). */
function LogDialog({
  title,
  onClose,
  testId,
  onSubmit,
  log,
  submitLabel,
  submitTestId,
  children,
}: {
  title: string
  onClose: () => void
  testId: string
  onSubmit: () => void
  log: { error: string | null; sending: boolean }
  submitLabel: string
  submitTestId: string
  children: ReactNode
}) {
  return (
    <DialogForm
      title={title}
      onClose={onClose}
      testId={testId}
      onSubmit={onSubmit}
      error={log.error}
      grid
      cancel={false}
      sending={log.sending}
      submitLabel={submitLabel}
      sendingLabel="Logging…"
      submitTestId={submitTestId}
    >
      {children}
    </DialogForm>
  )
}
