/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside, Escape closes it
 * and focus goes back to what opened it. Mounted when opened and unmounted when closed, so each
 * opening starts with fresh state (a payment's idempotency key is made once per opening).
 */
import { type ReactNode, useEffect, useId, useRef } from 'react'

export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  testId?: string
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // Only a close that left it closed: under React's development double effects the first
    // cleanup's close event arrives after the dialog was opened again, and is not a close.
    const closed = () => {
      if (!dialog.open) onCloseRef.current()
    }
    dialog.addEventListener('close', closed)
    return () => {
      dialog.removeEventListener('close', closed)
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid={testId}
    >
      <header className="dialog-header">
        <h2 className="dialog-title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="button button-ghost button-small" onClick={() => ref.current?.close()}>
          Close<span className="visually-hidden"> {title}</span>
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}
