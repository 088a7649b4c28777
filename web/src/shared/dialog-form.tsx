/**
 * The frames of the console's dialogs that write: the form (its fields, the failure announced, Cancel
 * and the submit button) and the answer shown once the write is done (with a Done button that closes
 * it). The write itself is a `useFormMutation` (`mutation.ts`).
 */
import { type ReactNode, type RefObject, useEffect, useRef } from 'react'
import { Dialog } from './dialog.js'
import { FormActions, FormError, type SubmitButton, submitted } from './mutation-form.js'

type DialogFrame = {
  title: string
  onClose: () => void
  testId: string
  wide?: boolean
}

/** A dialog around one form: its fields, then the failure and the buttons. */
export function DialogForm({
  title,
  onClose,
  testId,
  wide,
  label,
  onSubmit,
  error,
  errorTestId,
  grid = false,
  live = !grid,
  cancel = true,
  before,
  children,
  ...button
}: DialogFrame &
  SubmitButton & {
    /** The form's accessible name, when it should have one. */
    label?: string
    onSubmit: () => void
    error: string | null
    errorTestId?: string
    /** Lays the fields, the failure and the buttons out in a `form-inline-grid`. */
    grid?: boolean
    /** Keeps an (empty) live region for the failure; off where the form's spacing has no room for one. */
    live?: boolean
    /** Shows a Cancel button beside the submit button (the dialog's Close button is always there). */
    cancel?: boolean
    /** Another button before Cancel (e.g. "Start a new payment"). */
    before?: ReactNode
    children: ReactNode
  }) {
  const footer = (
    <>
      <FormError error={error} testId={errorTestId} wide={grid} live={live} />
      <FormActions {...button} onCancel={cancel ? onClose : undefined} before={before} />
    </>
  )
  return (
    <Dialog title={title} onClose={onClose} testId={testId} wide={wide}>
      <form className="form" onSubmit={submitted(onSubmit)} noValidate aria-label={label}>
        {grid ? (
          <div className="form-inline-grid">
            {children}
            {footer}
          </div>
        ) : (
          <>
            {children}
            {footer}
          </>
        )}
      </form>
    </Dialog>
  )
}

/**
 * The answer a dialog shows once its write is done, focused so it is read first, with a Done button
 * (and any other action, such as a letter to open, before it).
 */
export function DialogDone({
  title,
  onClose,
  testId,
  wide,
  className = 'form',
  bodyTestId,
  bodyData,
  doneLabel = 'Done',
  doneTestId,
  actions,
  children,
}: DialogFrame & {
  className?: string
  bodyTestId?: string
  /** Other `data-` attributes of the answer (what a test reads, e.g. `data-outcome`). */
  bodyData?: Record<`data-${string}`, string>
  doneLabel?: string
  doneTestId?: string
  actions?: ReactNode
  children: ReactNode
}) {
  const ref = useFocusOnMount<HTMLDivElement>()
  return (
    <Dialog title={title} onClose={onClose} testId={testId} wide={wide}>
      <div className={className} ref={ref} tabIndex={-1} data-testid={bodyTestId} {...bodyData}>
        {children}
        <div className="form-actions">
          {actions}
          <button type="button" className="button button-primary" onClick={onClose} data-testid={doneTestId}>
            {doneLabel}
          </button>
        </div>
      </div>
    </Dialog>
  )
}

function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
