/**
 * Attach what reached the customer service team another way (COM-3): a phone call, with its handle
 * time (talk and wrap-up), and an email the customer sent to a personal mailbox.
 */
import type { ReactNode } from 'react'
import { useApi } from '../console-context.js'
import { accountKeys } from '../payments/payments-api.js'
import type { RequestOf } from '../shared/api-client.js'
import { DialogForm } from '../shared/dialog-form.js'
import { SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
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
  const form = useFormValues(() => ({
    direction: 'inbound' as 'inbound' | 'outbound',
    phoneNumber: '',
    startedAt: nowForInput(),
    minutes: '',
    seconds: '',
    subject: '',
    summary: '',
  }))
  const { direction, phoneNumber, startedAt, minutes, seconds, subject, summary } = form.values
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
        {...form.bindChoice('direction')}
        label="Direction"
        options={[
          { value: 'inbound', label: 'The customer called us' },
          { value: 'outbound', label: 'We called the customer' },
        ]}
        data-testid="call-direction"
      />
      <TextField
        {...form.bind('phoneNumber', problems)}
        label="Phone number"
        optional
        type="tel"
        maxLength={40}
        data-testid="call-number"
      />
      <TextField
        {...form.bind('startedAt', problems)}
        label="Started"
        type="datetime-local"
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
              onChange={(event) => form.set('minutes', event.target.value)}
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
              onChange={(event) => form.set('seconds', event.target.value)}
              aria-invalid={problems['handleSeconds'] ? true : undefined}
              data-testid="call-seconds"
            />
            s
          </label>
        </div>
        {problems['handleSeconds'] && <span className="field-error">{problems['handleSeconds']}</span>}
      </fieldset>
      <TextField {...form.bind('subject')} label="Subject" optional wide maxLength={500} data-testid="call-subject" />
      <TextAreaField
        {...form.bind('summary', problems)}
        label="Summary"
        wide
        maxLength={5000}
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
  const form = useFormValues(() => ({ from: defaultFrom, subject: '', body: '', receivedAt: nowForInput() }))
  const { from, subject, body, receivedAt } = form.values
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
        {...form.bind('from', problems)}
        label="From"
        type="email"
        maxLength={320}
        data-testid="inbound-from"
      />
      <TextField
        {...form.bind('receivedAt', problems)}
        label="Received"
        type="datetime-local"
        data-testid="inbound-received"
      />
      <TextField
        {...form.bind('subject', problems)}
        label="Subject"
        wide
        maxLength={500}
        data-testid="inbound-subject"
      />
      <TextAreaField
        {...form.bind('body', problems)}
        label="Email"
        wide
        rows={8}
        maxLength={100000}
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
