/**
 * Confirming a decision on one item of a review queue with a note (approve or reject a power of
 * attorney, clear a review flag): what is decided, the note (required for some decisions), the
 * failure, Cancel and the confirm button. The decision is a `useFormMutation`; once it is saved the
 * queue's `onDecided` shows the outcome and fetches the queue again.
 */
import type { ReactNode } from 'react'
import { DialogForm } from './dialog-form.js'
import { TextAreaField } from './form-field.js'
import { useFormValues } from './form-values.js'
import { useFormMutation } from './mutation.js'

export function NoteDecisionDialog({
  title,
  testId,
  onClose,
  children,
  noteLabel,
  missingNote,
  decide,
  outcome,
  onDecided,
  failure,
  confirmLabel,
  tone,
}: {
  title: string
  /** The test ids of the dialog and of its note, the note's problem, the failure and the confirm button. */
  testId: { dialog: string; note: string; problem: string; error: string; confirm: string }
  onClose: () => void
  /** What the decision is about and what it does. */
  children: ReactNode
  noteLabel: string
  /** The problem to show when the note is left empty; without it the note is optional. */
  missingNote?: string | undefined
  decide: (note: string | undefined) => Promise<unknown>
  /** What the queue says once the decision is saved. */
  outcome: string
  onDecided: (text: string) => Promise<void>
  failure: string
  confirmLabel: string
  tone?: 'primary' | 'danger'
}) {
  const form = useFormValues({ note: '' })
  const { note } = form.values
  const decision = useFormMutation({
    mutationFn: decide,
    onSuccess: () => onDecided(outcome),
    failure,
    inlineFields: ['note'],
  })

  function submit() {
    const trimmed = note.trim()
    if (!decision.check(missingNote && !trimmed ? { note: missingNote } : {})) return
    decision.send(trimmed || undefined)
  }

  return (
    <DialogForm
      title={title}
      onClose={onClose}
      testId={testId.dialog}
      onSubmit={submit}
      error={decision.error}
      errorTestId={testId.error}
      sending={decision.sending}
      tone={tone}
      submitLabel={confirmLabel}
      sendingLabel="Saving…"
      submitTestId={testId.confirm}
    >
      {children}
      <TextAreaField
        {...form.bind('note', decision.problems)}
        label={noteLabel}
        rows={2}
        maxLength={2000}
        required={missingNote !== undefined}
        errorTestId={testId.problem}
        data-testid={testId.note}
      />
    </DialogForm>
  )
}
