/**
 * An action that cannot be undone, asked twice in place: its button, then the question, the danger
 * button that does it and a button that keeps things as they are. The caller's row of buttons holds it.
 */
import { type ReactNode, useState } from 'react'

export function ConfirmAction({
  label,
  question,
  questionClassName,
  confirmLabel,
  sendingLabel,
  keepLabel = 'Keep',
  sending,
  onConfirm,
  ghost = false,
  testId,
  confirmTestId,
}: {
  /** The first button's words (with any words for screen readers only). */
  label: ReactNode
  /** Said beside the buttons once asked. */
  question?: string
  questionClassName?: string
  confirmLabel: string
  /** What the danger button says while the action is on its way; without it, it keeps its words. */
  sendingLabel?: string
  keepLabel?: string
  sending: boolean
  /**
   * Does it. When it returns a promise the question closes once that settles (its failure is the
   * caller's to show); otherwise it stays, sending, until the item it is about has gone.
   */
  onConfirm: () => unknown
  /** A quiet first button (`button-ghost`). */
  ghost?: boolean
  testId: string
  confirmTestId: string
}) {
  const [confirming, setConfirming] = useState(false)

  function confirm() {
    const done = onConfirm()
    const close = () => setConfirming(false)
    if (done instanceof Promise) done.then(close, close)
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className={ghost ? 'button button-small button-ghost' : 'button button-small'}
        onClick={() => setConfirming(true)}
        data-testid={testId}
      >
        {label}
      </button>
    )
  }
  return (
    <>
      {question && <span className={questionClassName}>{question}</span>}
      <button
        type="button"
        className="button button-small button-danger"
        onClick={confirm}
        disabled={sending}
        data-testid={confirmTestId}
      >
        {sending && sendingLabel ? sendingLabel : confirmLabel}
      </button>
      <button type="button" className="button button-small button-ghost" onClick={() => setConfirming(false)}>
        {keepLabel}
      </button>
    </>
  )
}
