/**
 * Compose a message to the customer (COM-1, COM-2): choose the channel and the template, fill the
 * template's own fields (the account's are merged in by the server), preview what the server would
 * send, then send it. Send is offered once the preview matches what is on the form, so the agent
 * always sends what they read. SMS goes only to customers enrolled for it; the server refuses
 * otherwise and its message is shown.
 */
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useApi } from '../console-context.js'
import { parsePounds } from '../payments/money-input.js'
import { accountKeys } from '../payments/payments-api.js'
import { Dialog } from '../shared/dialog.js'
import { errorMessage, PoundsField, SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import {
  type Compose,
  type ComposedMessage,
  type MessageDetail,
  type MessageTemplate,
  messageTemplates,
  previewMessage,
  type SendChannel,
  sendMessage,
  type TemplateField,
} from './comms-api.js'
import { channelLabels } from './message-format.js'

/** The permission compose sends under: only templates sent under it are offered. */
const sendPermission = 'comms.message.send'
/** Filled from the ledger when left empty. */
const optionalFields = new Set(['balance'])

export function ComposeDialog({
  accountNumber,
  smsEnrolled,
  onClose,
  onSent,
}: {
  accountNumber: string
  smsEnrolled: boolean
  onClose: () => void
  onSent: (message: MessageDetail) => void
}) {
  const api = useApi()
  const templatesQuery = useQuery({ queryKey: ['message-templates'], queryFn: () => messageTemplates(api) })
  const templates: MessageTemplate[] | null = useMemo(
    () => templatesQuery.data?.filter((template) => template.sentUnder.includes(sendPermission)) ?? null,
    [templatesQuery.data],
  )
  const loadError = templatesQuery.isError
    ? errorMessage(templatesQuery.error, 'The templates could not be loaded.')
    : null
  const [channel, setChannel] = useState<SendChannel>('email')
  const [templateKey, setTemplateKey] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const form = useFormValues({ recipient: '' })
  const { ids } = form
  const { recipient } = form.values
  const [preview, setPreview] = useState<{ key: string; message: ComposedMessage } | null>(null)
  const previewing = useFormMutation({
    mutationFn: (compose: Compose) => previewMessage(api, { accountNumber, compose }),
    onSuccess: (message, compose) => setPreview({ key: JSON.stringify(compose), message }),
    onError: () => setPreview(null),
    failure: 'The preview could not be made.',
  })
  const sending = useFormMutation({
    mutationFn: (compose: Compose) => sendMessage(api, { accountNumber, compose }),
    invalidates: accountKeys(accountNumber),
    onSuccess: onSent,
    failure: 'The message could not be sent.',
  })
  const busy = previewing.sending ? 'preview' : sending.sending ? 'send' : null
  const problems = { ...previewing.problems, ...sending.problems }
  const error = sending.error ?? previewing.error

  const offered = useMemo(
    () => (templates ?? []).filter((template) => template.channels.includes(channel)),
    [templates, channel],
  )
  const template = offered.find((each) => each.key === templateKey) ?? null

  /** The request the form stands for, or the problems that keep it from being one. */
  function build(): { compose: Compose } | { problems: Record<string, string> } {
    const found: Record<string, string> = {}
    if (!template) return { problems: { template: 'Choose a template.' } }
    const fields: Record<string, string> = {}
    for (const field of template.fields) {
      const raw = (values[field.name] ?? '').trim()
      if (!raw) {
        if (!optionalFields.has(field.name)) found[`fields.${field.name}`] = 'Fill this in.'
        continue
      }
      if (field.kind === 'money') {
        const parsed = parsePounds(raw, { allowZero: true })
        if (parsed.ok) fields[field.name] = parsed.minor
        else found[`fields.${field.name}`] = parsed.problem
      } else if (field.kind === 'count' && !/^\d+$/.test(raw)) {
        found[`fields.${field.name}`] = 'A whole number.'
      } else {
        fields[field.name] = raw
      }
    }
    if (template.recipientGiven && !recipient.trim()) found['recipient'] = 'Who it goes to.'
    if (Object.keys(found).length > 0) return { problems: found }
    return {
      compose: {
        channel,
        template: template.key,
        fields,
        ...(template.recipientGiven ? { recipient: recipient.trim() } : {}),
      },
    }
  }

  const built = build()
  const currentKey = 'compose' in built ? JSON.stringify(built.compose) : null
  const previewIsCurrent = preview !== null && preview.key === currentKey

  function showPreview() {
    if (busy) return
    if (!('compose' in built)) {
      previewing.check(built.problems)
      return
    }
    sending.reset()
    previewing.check({})
    previewing.send(built.compose)
  }

  function send() {
    if (busy || !('compose' in built) || !previewIsCurrent) return
    sending.send(built.compose)
  }

  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }))

  return (
    <Dialog title="Compose a message" onClose={onClose} testId="compose-dialog" wide>
      {loadError && (
        <p className="callout callout-error" role="alert">
          {loadError}
        </p>
      )}
      {!templates && !loadError && <p className="muted">Loading the templates…</p>}
      {templates && (
        <form className="form" onSubmit={submitted(showPreview)} noValidate>
          <div className="form-inline-grid">
            <SelectField
              id={`${ids}-channel`}
              label="Channel"
              value={channel}
              onValueChange={(value) => {
                setChannel(value as SendChannel)
                setPreview(null)
              }}
              options={(['email', 'sms', 'letter'] as const).map((value) => ({
                value,
                label:
                  value === 'sms' && !smsEnrolled ? `${channelLabels[value]} (not enrolled)` : channelLabels[value],
                disabled: value === 'sms' && !smsEnrolled,
              }))}
              hint={smsEnrolled ? undefined : 'SMS only goes to customers enrolled for it.'}
              data-testid="compose-channel"
            />
            <SelectField
              id={`${ids}-template`}
              label="Template"
              value={template ? template.key : ''}
              onValueChange={(value) => {
                setTemplateKey(value)
                setPreview(null)
              }}
              placeholder="Choose…"
              options={offered.map((each) => ({ value: each.key, label: each.title }))}
              error={problems['template']}
              data-testid="compose-template"
            />
            {template?.recipientGiven && (
              <TextField {...form.bind('recipient', problems)} label="Send to" wide data-testid="compose-recipient" />
            )}
            {template?.fields.map((field) => (
              <TemplateFieldInput
                key={field.name}
                id={`${ids}-field-${field.name}`}
                field={field}
                value={values[field.name] ?? ''}
                onChange={(value) => set(field.name, value)}
                error={problems[`fields.${field.name}`] ?? problems[field.name]}
              />
            ))}
            {template && template.fields.length === 0 && (
              <p className="muted form-wide">This template needs nothing more: the account’s details are merged in.</p>
            )}
          </div>

          {preview && (
            <div
              className={`message-preview${previewIsCurrent ? '' : ' message-preview-stale'}`}
              data-testid="compose-preview"
            >
              <p className="field-label">
                Preview — to {preview.message.recipient}
                {!previewIsCurrent && ' (out of date: preview again)'}
              </p>
              {preview.message.subject && (
                <p>
                  <strong data-testid="compose-preview-subject">{preview.message.subject}</strong>
                </p>
              )}
              {preview.message.address && <p className="pre-wrap muted">{preview.message.address.join('\n')}</p>}
              <p className="pre-wrap" data-testid="compose-preview-body">
                {preview.message.body}
              </p>
            </div>
          )}

          <FormError error={error} testId="compose-error" live={false} />
          <div className="form-actions">
            <button
              type="submit"
              className="button"
              disabled={busy !== null || !template}
              data-testid="compose-preview-button"
            >
              {busy === 'preview' ? 'Previewing…' : 'Preview'}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={send}
              disabled={busy !== null || !previewIsCurrent}
              title={previewIsCurrent ? undefined : 'Preview the message first'}
              data-testid="compose-send"
            >
              {busy === 'send' ? 'Sending…' : 'Send'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}

function TemplateFieldInput({
  id,
  field,
  value,
  onChange,
  error,
}: {
  id: string
  field: TemplateField
  value: string
  onChange: (value: string) => void
  error: string | undefined
}) {
  const label = humanise(field.name)
  const optional = optionalFields.has(field.name)
  const hint = optional ? `${field.description}. Left empty, the account’s balance is used.` : field.description
  // What every kind of field shares; each kind adds its own control's details.
  const common = {
    id,
    label,
    value,
    onValueChange: onChange,
    error,
    hint,
    'data-testid': `compose-field-${field.name}`,
  }
  if (field.kind === 'money') return <PoundsField {...common} optional={optional} />
  if (field.kind === 'date') return <TextField {...common} type="date" />
  if (field.kind === 'count') return <TextField {...common} inputMode="numeric" />
  // Free text: the general message's body is a paragraph or more.
  const long = /message|body|details|explanation/i.test(field.name)
  return long ? (
    <TextAreaField {...common} wide rows={6} maxLength={10000} />
  ) : (
    <TextField {...common} wide maxLength={10000} />
  )
}

/** `disputeReference` → `Dispute reference`. */
function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
