/**
 * Contact details and preferences (UI-2): email, phone, paper or paperless bills, SMS messages. Each
 * field is open only to those who may change it (issue 19, seed "Account Users"): a full authorized
 * user or a property manager updates the phone and texts, but billing preferences and the primary
 * email, where the holder's notices go, are the holder's; the server refuses them too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { errorMessage, TextField } from '../shared/form-field.js'
import { FormActions } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { Panel } from '../shared/panel.js'
import * as portalApi from './portal-api.js'

type Draft = { email: string; phone: string; billingMode: portalApi.BillingMode; smsEnrolled: boolean }

function draftOf(contact: portalApi.PortalContact): Draft {
  return {
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    billingMode: contact.billingMode,
    smsEnrolled: contact.smsEnrolled,
  }
}

type Editable = readonly portalApi.ContactField[]

export function ContactTab({ accountNumber }: { accountNumber: string }) {
  const contact = useQuery({
    queryKey: portalApi.portalKeys.contact(accountNumber),
    queryFn: () => portalApi.contact({ accountNumber }),
  })

  return (
    <Panel title="Contact details and preferences" testId="portal-contact">
      {!contact.data && !contact.isError && <p className="muted">Loading…</p>}
      {!contact.data && contact.isError && (
        <p className="callout callout-error" role="alert">
          {errorMessage(contact.error, 'Your contact details could not be loaded.')}
        </p>
      )}
      {contact.data && (
        <ContactForm accountNumber={accountNumber} saved={draftOf(contact.data)} editable={contact.data.editable} />
      )}
    </Panel>
  )
}

function ContactForm({ accountNumber, saved, editable }: { accountNumber: string; saved: Draft; editable: Editable }) {
  const queryClient = useQueryClient()
  // The answer is the details as saved: it becomes the cached contact, so the form compares against it.
  const update = useMutation({
    mutationFn: portalApi.updateContact,
    onSuccess: (next) => queryClient.setQueryData(portalApi.portalKeys.contact(accountNumber), next),
  })
  const saving = update.isPending
  const may = (field: portalApi.ContactField) => editable.includes(field)
  const holderOnly = 'Only the account holder can change this.'
  const [draft, setDraft] = useState<Draft>(saved)
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<NoticeMessage | null>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saving) return
    // Only what changed is sent, so an untouched field never overwrites a change made elsewhere.
    const change: portalApi.PortalContactChange = {}
    if (draft.email.trim() !== saved.email) change.email = draft.email.trim()
    if (draft.phone.trim() !== saved.phone) change.phone = draft.phone.trim()
    if (draft.billingMode !== saved.billingMode) change.billingMode = draft.billingMode
    if (draft.smsEnrolled !== saved.smsEnrolled) change.smsEnrolled = draft.smsEnrolled
    if (Object.keys(change).length === 0) {
      setMessage({ tone: 'success', text: 'Nothing has changed.' })
      return
    }
    setMessage(null)
    setProblems({})
    try {
      setDraft(draftOf(await update.mutateAsync({ accountNumber, change })))
      setMessage({ tone: 'success', text: 'Your details are saved.' })
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, 'Your details could not be saved.') })
      if (error instanceof ApiError) setProblems(error.fieldProblems())
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      <Notice notice={message} testId="portal-contact-message" />
      <div className="form-inline-grid">
        <TextField
          id="portal-contact-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={draft.email}
          onValueChange={(email) => setDraft({ ...draft, email })}
          error={problems['email']}
          readOnly={!may('email')}
          hint={may('email') ? undefined : holderOnly}
          data-testid="portal-contact-email"
        />
        <TextField
          id="portal-contact-phone"
          label="Phone"
          type="tel"
          autoComplete="tel"
          value={draft.phone}
          onValueChange={(phone) => setDraft({ ...draft, phone })}
          error={problems['phone']}
          readOnly={!may('phone')}
          data-testid="portal-contact-phone"
        />
      </div>
      <fieldset className="portal-fieldset" disabled={!may('billingMode')} data-testid="portal-billing-mode">
        <legend className="field-label">How you get your bills</legend>
        {!may('billingMode') && <p className="field-hint">{holderOnly}</p>}
        <label className="portal-choice">
          <input
            type="radio"
            name="billingMode"
            value="paperless"
            checked={draft.billingMode === 'paperless'}
            onChange={() => setDraft({ ...draft, billingMode: 'paperless' })}
            data-testid="portal-billing-paperless"
          />
          Paperless: by email
        </label>
        <label className="portal-choice">
          <input
            type="radio"
            name="billingMode"
            value="paper"
            checked={draft.billingMode === 'paper'}
            onChange={() => setDraft({ ...draft, billingMode: 'paper' })}
            data-testid="portal-billing-paper"
          />
          Paper: by post
        </label>
      </fieldset>
      <label className="portal-choice">
        <input
          type="checkbox"
          checked={draft.smsEnrolled}
          disabled={!may('smsEnrolled')}
          onChange={(event) => setDraft({ ...draft, smsEnrolled: event.target.checked })}
          data-testid="portal-sms-enrolled"
        />
        Send me text messages about my account
      </label>
      <FormActions sending={saving} submitLabel="Save" sendingLabel="Saving…" submitTestId="portal-contact-save" />
    </form>
  )
}
