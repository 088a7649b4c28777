/**
 * A secret the server shows once (an API token, an invitation link): read-only text to select, a Copy
 * button, and a warning that it will not be shown again. Nothing keeps it once the panel is closed.
 */
import { useId, useState } from 'react'

export function OneTimeSecret({
  label,
  value,
  warning,
  testId,
}: {
  label: string
  value: string
  warning: string
  testId: string
}) {
  const id = useId()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text can still be selected.
      setCopied('failed')
    }
  }

  return (
    <div className="one-time-secret">
      <p className="callout callout-warning" role="status">
        {warning}
      </p>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="one-time-secret-row">
        <input
          id={id}
          className="input mono one-time-secret-value"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <button type="button" className="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          Copy
        </button>
      </div>
      <span className="field-hint" aria-live="polite">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the text and copy it.' : ''}
      </span>
    </div>
  )
}
