/**
 * The end of every console form that writes: the failure's message (announced) and the buttons, the
 * submit button saying what it is doing while the write is on its way. A dialog's footer puts Cancel
 * first, at the right; an inline form (a `form-inline-grid` inside a card) puts its small submit first,
 * at the left.
 */
import type { FormEvent, ReactNode } from 'react'

export type SubmitButton = {
  /** What the button says, e.g. "Take payment". */
  submitLabel: ReactNode
  /** What it says while sending, e.g. "Taking the payment…". */
  sendingLabel: string
  sending: boolean
  submitTestId?: string | undefined
  /** `danger` for a write that cannot be undone (reset, revoke, reject); `plain` for a minor one beside others. */
  tone?: 'primary' | 'danger' | 'plain'
  /** Small buttons (`button-small`); an inline form's always are. */
  small?: boolean
  /** Disabled for a reason other than sending (nothing changed yet). */
  submitDisabled?: boolean
}

/**
 * The message of a failed write. In a dialog it sits in a polite live region kept on the page; in an
 * inline grid (`wide`), or where the form has no room for an empty region, the alert role announces it.
 */
export function FormError({
  error,
  testId,
  wide = false,
  live = !wide,
}: {
  error: string | null
  testId?: string | undefined
  wide?: boolean
  live?: boolean
}) {
  const message = error && (
    <p className={`callout callout-error${wide ? ' form-wide' : ''}`} role="alert" data-testid={testId}>
      {error}
    </p>
  )
  return live ? <div aria-live="polite">{message}</div> : message || null
}

/** The buttons: Cancel and the submit button (a dialog), or the submit button and Cancel (inline). */
export function FormActions({
  submitLabel,
  sendingLabel,
  sending,
  submitTestId,
  tone = 'primary',
  submitDisabled = false,
  onCancel,
  inline = false,
  small = inline,
  before,
  error,
}: SubmitButton & {
  /** Without it there is no Cancel button (a dialog closes by its own Close button). */
  onCancel?: (() => void) | undefined
  inline?: boolean
  /** Another button shown first (e.g. "Start a new payment"). */
  before?: ReactNode
  /** A failure said in a line beside the buttons, for a short form with no room for a callout above them. */
  error?: string | null
}) {
  const size = small ? ' button-small' : ''
  const submit = (
    <button
      type="submit"
      className={`button${tone === 'plain' ? '' : ` button-${tone}`}${size}`}
      disabled={sending || submitDisabled}
      data-testid={submitTestId}
    >
      {sending ? sendingLabel : submitLabel}
    </button>
  )
  const cancel = onCancel && (
    <button type="button" className={`button button-ghost${size}`} onClick={onCancel}>
      Cancel
    </button>
  )
  return (
    <div className="form-actions">
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {before}
      {inline ? (
        <>
          {submit}
          {cancel}
        </>
      ) : (
        <>
          {cancel}
          {submit}
        </>
      )}
    </div>
  )
}

/** Calls `onSubmit` without the browser's own submission. */
export function submitted(onSubmit: () => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSubmit()
  }
}

/**
 * A form inside a card (add a card, set up a Direct Debit): its fields in a `form-inline-grid`, then
 * the failure across the row and the small buttons.
 */
export function InlineForm({
  label,
  onSubmit,
  error,
  errorTestId,
  onCancel,
  children,
  ...button
}: SubmitButton & {
  /** The form's accessible name. */
  label: string
  onSubmit: () => void
  error: string | null
  errorTestId?: string
  onCancel: () => void
  children: ReactNode
}) {
  return (
    <form className="inline-form" onSubmit={submitted(onSubmit)} noValidate aria-label={label}>
      <div className="form-inline-grid">
        {children}
        <FormError error={error} testId={errorTestId} wide />
        <FormActions {...button} onCancel={onCancel} inline />
      </div>
    </form>
  )
}
