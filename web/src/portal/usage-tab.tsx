/**
 * The account's energy use as a chart (the staff console's uPlot chart), by day, week or month, in
 * UK time; earlier and later periods of the same length.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { GranularityPicker } from '../accounts/granularity-picker.js'
import { formatKwh, UsageChart } from '../accounts/usage-chart.js'
import { defaultRange, describeRange, shiftRange, type Range as UsageRange } from '../accounts/usage-range.js'
import { errorMessage } from '../shared/form-field.js'
import { Panel } from '../shared/panel.js'
import * as portalApi from './portal-api.js'

type Range = UsageRange<portalApi.PortalUsageGranularity>

const granularities: Array<{ value: portalApi.PortalUsageGranularity; label: string }> = [
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
]

const unit: Record<portalApi.PortalUsageGranularity, string> = { day: 'day', week: 'week', month: 'month' }

export function PortalUsageTab({ accountNumber }: { accountNumber: string }) {
  const [range, setRange] = useState<Range>(() => defaultRange('month'))
  // Keyed by the range, so an answer for a range no longer shown never replaces the current one.
  const usage = useQuery({
    queryKey: portalApi.portalKeys.usage(accountNumber, range),
    queryFn: () => portalApi.usage({ accountNumber, ...range }),
  })
  const series = usage.data
  const latest = defaultRange(range.granularity)

  const period = describeRange(range)

  return (
    <Panel
      title="Your energy use"
      aside={<span className="muted">kWh per {unit[range.granularity]}</span>}
      testId="portal-usage"
    >
      <div className="usage-toolbar">
        <GranularityPicker
          legend="Show usage by"
          legendClassName="visually-hidden"
          granularities={granularities}
          range={range}
          onChange={setRange}
          testIdPrefix="portal-granularity-"
        />
        <div className="usage-range-row">
          <button type="button" className="button button-small" onClick={() => setRange(shiftRange(range, -1))}>
            ‹ Earlier
          </button>
          <span>{period}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => setRange(shiftRange(range, 1))}
            disabled={range.to >= latest.to}
          >
            Later ›
          </button>
        </div>
      </div>
      <div className="usage-body" aria-busy={usage.isPending}>
        {usage.isPending && <div className="skeleton usage-skeleton" />}
        {!series && usage.isError && (
          <p className="callout callout-error" role="alert">
            {errorMessage(usage.error, 'Your usage could not be loaded.')}
          </p>
        )}
        {series && series.items.length === 0 && (
          <p className="usage-empty" role="status">
            No readings for this period.
          </p>
        )}
        {series && series.items.length > 0 && (
          <div className="usage-loaded">
            <p className="usage-total" data-testid="portal-usage-total">
              <span className="usage-total-figure">{formatKwh(series.totalKwh)} kWh</span> used, {period}
            </p>
            <UsageChart
              items={series.items}
              granularity={range.granularity}
              from={range.from}
              to={range.to}
              caption={`Bar chart of kWh used per ${unit[range.granularity]}, ${period}: ${formatKwh(series.totalKwh)} kWh in total.`}
            />
          </div>
        )}
      </div>
    </Panel>
  )
}
