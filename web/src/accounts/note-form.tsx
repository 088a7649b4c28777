/**
 * Add a note to the account. The server validates; its field problems (`error.details`) are shown
 * beside the field they belong to, anything else above the Save button.
 */
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { type AccountNote, ApiError, type NoteType } from '../api.js'
import { useApi } from '../console-context.js'
import { brand } from '../shared/brand.js'
import { noteTypeLabels } from '../shared/format.js'

// The database allows 1–5,000 characters; checked here too so the agent knows before saving.
const maxBodyLength = 5000
const noteTypes = Object.keys(noteTypeLabels) as NoteType[]

export function NoteForm({ accountNumber, onAdded }: { accountNumber: string; onAdded: (note: AccountNote) => void }) {
  const api = useApi()
  const id = useId()
  const [type, setType] = useState<NoteType>('general')
  const [body, setBody] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const adding = useMutation({
    mutationFn: (note: { type: NoteType; body: string }) => api.addNote({ accountNumber, ...note }),
  })
  const saving = adding.isPending

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saving) return
    if (!body.trim()) {
      setProblems({ body: 'Write the note before saving it.' })
      return
    }
    setProblems({})
    setError(null)
    try {
      // The page writes the note into its cached overview (`onAdded`).
      const note = await adding.mutateAsync({ type, body })
      onAdded(note)
      setBody('')
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fieldProblems = caught.fieldProblems()
        setProblems(fieldProblems)
        const shown = ['type', 'body'].some((field) => field in fieldProblems)
        if (!shown) setError(caught.message)
      } else {
        setError('The note could not be saved. Please try again.')
      }
    }
  }

  const typeError = problems['type']
  const bodyError = problems['body']

  return (
    <form className="note-form" onSubmit={handleSubmit} aria-label="Add note">
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
      <div className="form-actions">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={saving} data-testid="note-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}
