/**
 * Add a note to the account. The server validates; its field problems (`error.details`) are shown
 * beside the field they belong to, anything else above the Save button.
 */
import { useId, useState } from 'react'
import type { AccountNote, NoteType } from '../api.js'
import { useApi } from '../console-context.js'
import { brand } from '../shared/brand.js'
import { noteTypeLabels } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, submitted } from '../shared/mutation-form.js'

// The database allows 1–5,000 characters; checked here too so the agent knows before saving.
const maxBodyLength = 5000
const noteTypes = Object.keys(noteTypeLabels) as NoteType[]

export function NoteForm({ accountNumber, onAdded }: { accountNumber: string; onAdded: (note: AccountNote) => void }) {
  const api = useApi()
  const id = useId()
  const [type, setType] = useState<NoteType>('general')
  const [body, setBody] = useState('')
  const adding = useFormMutation({
    mutationFn: (note: { type: NoteType; body: string }) => api.addNote({ accountNumber, ...note }),
    // The page writes the note into its cached overview (`onAdded`).
    onSuccess: (note) => {
      onAdded(note)
      setBody('')
    },
    failure: 'The note could not be saved. Please try again.',
    inlineFields: ['type', 'body'],
  })
  const { problems } = adding

  function submit() {
    if (adding.check(body.trim() ? {} : { body: 'Write the note before saving it.' })) adding.send({ type, body })
  }

  const typeError = problems['type']
  const bodyError = problems['body']

  return (
    <form className="note-form" onSubmit={submitted(submit)} aria-label="Add note">
      <div className="note-form-row">
        <label className="field field-type" htmlFor={`${id}-type`}>
          <span className="field-label">Type</span>
          <select
            id={`${id}-type`}
            className="input"
            value={type}
            onChange={(event) => setType(event.target.value as NoteType)}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={typeError ? `${id}-type-error` : undefined}
            data-testid="note-type"
          >
            {noteTypes.map((value) => (
              <option key={value} value={value}>
                {noteTypeLabels[value]}
              </option>
            ))}
          </select>
          {typeError && (
            <span className="field-error" id={`${id}-type-error`}>
              {typeError}
            </span>
          )}
        </label>
        <label className="field field-grow" htmlFor={`${id}-body`}>
          <span className="field-label">Add note</span>
          <textarea
            id={`${id}-body`}
            className="input textarea"
            rows={3}
            maxLength={maxBodyLength}
            placeholder="What happened, what was agreed, what comes next"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? `${id}-body-error` : `${id}-body-count`}
            data-testid="note-body"
          />
          {bodyError ? (
            <span className="field-error" id={`${id}-body-error`} data-testid="note-body-error">
              {bodyError}
            </span>
          ) : (
            <span className="field-hint field-count" id={`${id}-body-count`}>
              {body.length.toLocaleString(brand().locale)} / {maxBodyLength.toLocaleString(brand().locale)}
            </span>
          )}
        </label>
      </div>
      <FormActions
        error={adding.error}
        sending={adding.sending}
        submitLabel="Save"
        sendingLabel="Saving…"
        submitTestId="note-save"
      />
    </form>
  )
}
