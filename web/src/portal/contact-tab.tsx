/**
 * Contact details and preferences (UI-2): email, phone, paper or paperless bills, where the post goes,
 * SMS messages. Each
 * field is open only to those who may change it (issue 19, seed "Account Users"): a full authorized
 * user or a property manager updates the phone and texts, but billing preferences and address and the primary
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

/** The postal address as the form holds it: empty lines when the post goes to the supply address. */
type PostDraft = { line1: string; line2: string; town: string; postcode: string }

type Draft = {
  email: string
  phone: string
  billingMode: portalApi.BillingMode
  post: PostDraft
  smsEnrolled: boolean
}

function draftOf(contact: portalApi.PortalContact): Draft {
  const post = contact.billingAddress
  return {
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    billingMode: contact.billingMode,
    post: {
      line1: post?.line1 ?? '',
      line2: post?.line2 ?? '',
      town: post?.town ?? '',
      postcode: post?.postcode ?? '',
    },
    smsEnrolled: contact.smsEnrolled,
  }
}

/** The address to send: null (the supply address) when every line is empty. */
function postOf(post: PostDraft): portalApi.PortalContactChange['billingAddress'] {
  const trimmed = {
    line1: post.line1.trim(),
    line2: post.line2.trim(),
    town: post.town.trim(),
    postcode: post.postcode.trim(),
  }
  if (!trimmed.line1 && !trimmed.line2 && !trimmed.town && !trimmed.postcode) return null
  return { ...trimmed, line2: trimmed.line2 || null }
}

const postFields = [
  { field: 'line1', label: 'Address line 1', autoComplete: 'address-line1' },
  { field: 'line2', label: 'Address line 2', autoComplete: 'address-line2' },
  { field: 'town', label: 'Town', autoComplete: 'address-level2' },
  { field: 'postcode', label: 'Postcode', autoComplete: 'postal-code' },
] as const

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
    if (JSON.stringify(postOf(draft.post)) !== JSON.stringify(postOf(saved.post)))
      change.billingAddress = postOf(draft.post)
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
      <fieldset className="portal-fieldset" disabled={!may('billingAddress')} data-testid="portal-billing-address">
        <legend className="field-label">Where we send your post</legend>
        <p className="field-hint">
          {may('billingAddress')
            ? 'Leave these empty to get post at the address we supply.'
            : `${holderOnly} Empty: post goes to the address we supply.`}
        </p>
        <div className="form-inline-grid">
          {postFields.map(({ field, label, autoComplete }) => (
            <TextField
              key={field}
              id={`portal-post-${field}`}
              label={label}
              autoComplete={autoComplete}
              value={draft.post[field]}
              onValueChange={(value) => setDraft({ ...draft, post: { ...draft.post, [field]: value } })}
              error={problems[`billingAddress.${field}`]}
              optional={field === 'line2'}
              data-testid={`portal-post-${field}`}
            />
          ))}
        </div>
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
