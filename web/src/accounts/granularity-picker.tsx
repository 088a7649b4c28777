/**
 * How usage is added up (half hour, day, week, month), as a row of pressed buttons; choosing another
 * starts again at its latest whole period. The console's usage tab and the portal's share it.
 */
import type { UsageGranularity } from '../api.js'
import { defaultRange, type Range } from './usage-range.js'

export function GranularityPicker<G extends UsageGranularity>({
  legend,
  legendClassName,
  granularities,
  range,
  onChange,
  testIdPrefix,
}: {
  legend: string
  /** `field-label`, or `visually-hidden` where the buttons say enough. */
  legendClassName: string
  granularities: readonly { value: G; label: string }[]
  range: Range<G>
  onChange: (range: Range<G>) => void
  /** Each button's test id is this and its granularity, e.g. `granularity-day`. */
  testIdPrefix: string
}) {
  return (
    <fieldset className="fieldset usage-fieldset">
      <legend className={legendClassName}>{legend}</legend>
      <div className="segmented">
        {granularities.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            className="segmented-button"
            aria-pressed={range.granularity === value}
            onClick={() => {
              if (range.granularity !== value) onChange(defaultRange(value))
            }}
            data-testid={`${testIdPrefix}${value}`}
          >
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
