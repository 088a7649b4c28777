/**
 * "Show": one checkbox for each kind of entry a list holds (the account's timeline, a staff user's
 * activity), in the list's own order, each ticked while that kind is shown.
 */
import type { ReactNode } from 'react'

export function KindFilters<Kind extends string>({
  kinds,
  shown,
  onChange,
  label,
  testId,
}: {
  /** Every kind, in the order the list shows them. */
  kinds: readonly Kind[]
  shown: readonly Kind[]
  onChange: (shown: readonly Kind[]) => void
  /** What a checkbox says for its kind. */
  label: (kind: Kind) => ReactNode
  /** The checkboxes' test ids are `${testId}-${kind}`. */
  testId: string
}) {
  function toggle(kind: Kind, on: boolean) {
    onChange(kinds.filter((each) => (each === kind ? on : shown.includes(each))))
  }
  return (
    <fieldset className="fieldset timeline-filters">
      <legend className="field-label">Show</legend>
      {kinds.map((kind) => (
        <label key={kind} className="checkbox">
          <input
            type="checkbox"
            checked={shown.includes(kind)}
            onChange={(event) => toggle(kind, event.target.checked)}
            data-testid={`${testId}-${kind}`}
          />
          {label(kind)}
        </label>
      ))}
    </fieldset>
  )
}
