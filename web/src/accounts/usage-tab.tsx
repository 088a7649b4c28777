/**
 * The account's Usage tab (UI-1/ANA-1/MET-3): its meter points with meters and tariff history, the
 * selected point's usage as a chart (half-hourly, daily, weekly or monthly, in UK local time), its
 * register readings, and a form to submit a reading for those allowed to.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { ApiError, type MeterPointView, type UsageGranularity, type UsageSeries } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { brand } from '../shared/brand.js'
import { addDays, daysBetween } from '../shared/calendar.js'
import { Panel } from '../shared/panel.js'
import { loadedOf } from '../shared/panel-state.js'
import { GranularityPicker } from './granularity-picker.js'
import { MeterPointsPanel, meterPointName } from './meter-points-panel.js'
import { ReadingForm } from './reading-form.js'
import { ReadingsPanel } from './readings-panel.js'
import { supplyPermission } from './supply-dialogs.js'
import { bucketLabel, formatKwh, UsageChart } from './usage-chart.js'
import { defaultRange, describeRange, type Range, shiftRange } from './usage-range.js'

export function UsageTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const canSubmit = user.permissions.includes('metering.reading.create')
  const canManage = user.permissions.includes(supplyPermission)
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'meter-points'],
    queryFn: () => api.meterPoints({ accountNumber }),
  })
  const state = loadedOf(loaded, 'The meter points could not be loaded.', (points) => ({ points }))
  // The point the agent chose; while none is (or it is gone), the default point is shown.
  const [chosen, setSelected] = useState<string | null>(null)
  const selected =
    state.status !== 'loaded'
      ? null
      : chosen && state.points.some((point) => point.identifier === chosen)
        ? chosen
        : defaultPoint(state.points)

  if (state.status === 'loading') {
    return (
      <div className="usage-tab" data-testid="usage-tab" aria-busy="true">
        <span className="visually-hidden">Loading meter points…</span>
        <div className="card skeleton-card" />
        <div className="card skeleton-card" />
      </div>
    )
  }

  if (state.status === 'failed') {
    return (
      <div className="usage-tab" data-testid="usage-tab">
        <p className="callout callout-error" role="alert">
          {state.message}
        </p>
      </div>
    )
  }

  const point = state.points.find((candidate) => candidate.identifier === selected) ?? null

  return (
    <div className="usage-tab" data-testid="usage-tab">
      <MeterPointsPanel
        accountNumber={accountNumber}
        points={state.points}
        selected={selected}
        onSelect={setSelected}
        canManage={canManage}
      />
      {point && (
        <>
          <UsagePanel accountNumber={accountNumber} points={state.points} point={point} onSelect={setSelected} />
          <div className={canSubmit ? 'usage-columns' : undefined}>
            <ReadingsPanel key={point.identifier} accountNumber={accountNumber} meterPoint={point.identifier} />
            {canSubmit && <ReadingForm key={point.identifier} accountNumber={accountNumber} point={point} />}
          </div>
        </>
      )}
    </div>
  )
}

/** The point shown first: a supplied electricity import with a smart meter (it has half-hourly data), else the first. */
function defaultPoint(points: MeterPointView[]): string | null {
  const supplied = points.filter((point) => point.suppliedTo === null)
  const smartImport = supplied.find(
    (point) =>
      point.fuel === 'electricity' &&
      point.direction === 'import' &&
      point.meters.some((meter) => meter.type === 'smart' && meter.removedOn === null),
  )
  return (smartImport ?? supplied[0] ?? points[0])?.identifier ?? null
}

// ---------- Periods ----------

const granularities: Array<{ value: UsageGranularity; label: string }> = [
  { value: 'halfhour', label: 'Half-hourly' },
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
]

/** The longest range the server gives at once, in days. */
const maxDays: Record<UsageGranularity, number> = { halfhour: 31, day: 800, week: 800, month: 800 }

// ---------- Usage ----------

type Usage =
  | { status: 'loading'; previous: UsageSeries | null }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; series: UsageSeries }

function UsagePanel({
  accountNumber,
  points,
  point,
  onSelect,
}: {
  accountNumber: string
  points: MeterPointView[]
  point: MeterPointView
  onSelect: (identifier: string) => void
}) {
  const api = useApi()
  const id = useId()
  const [range, setRange] = useState<Range>(() => defaultRange('halfhour'))
  const latest = defaultRange(range.granularity)
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'usage', point.identifier, range],
    queryFn: () => api.usage({ accountNumber, meterPoint: point.identifier, ...range }),
    // While a new period loads, the last one stays (dimmed, below).
    placeholderData: keepPreviousData,
  })
  const usage: Usage = loaded.isError
    ? {
        status: 'failed',
        message:
          loaded.error instanceof ApiError ? loaded.error.message : 'The usage could not be loaded. Please try again.',
      }
    : loaded.isPlaceholderData || loaded.isPending
      ? { status: 'loading', previous: loaded.data ?? null }
      : { status: 'loaded', series: loaded.data }
  const series = usage.status === 'loaded' ? usage.series : usage.status === 'loading' ? usage.previous : null
  // While a new period loads the last one stays, dimmed; it is only shown if it is the same kind.
  const shown = series && series.granularity === range.granularity ? series : null
  const verb = point.direction === 'export' ? 'exported' : 'used'

  return (
    <Panel
      title="Usage"
      aside={
        <span className="muted">
          kWh per {granularityUnit[range.granularity]} · local time ({brand().timeZone})
        </span>
      }
    >
      <div className="usage-toolbar">
        <label className="field usage-point-field" htmlFor={`${id}-point`}>
          <span className="field-label">Meter point</span>
          <select
            id={`${id}-point`}
            className="input"
            value={point.identifier}
            onChange={(event) => onSelect(event.target.value)}
            data-testid="usage-meter-point"
          >
            {points.map((candidate) => (
              <option key={candidate.id} value={candidate.identifier}>
                {meterPointName(candidate)}
              </option>
            ))}
          </select>
        </label>

        <GranularityPicker
          legend="Granularity"
          legendClassName="field-label"
          granularities={granularities}
          range={range}
          onChange={setRange}
          testIdPrefix="granularity-"
        />

        <RangePicker range={range} latestTo={latest.to} onChange={setRange} />
      </div>

      <div className="usage-body" aria-busy={usage.status === 'loading'}>
        {usage.status === 'failed' && (
          <p className="callout callout-error" role="alert">
            {usage.message}
          </p>
        )}

        {usage.status === 'loading' && !shown && (
          <div className="usage-placeholder">
            <span className="visually-hidden">Loading usage…</span>
            <div className="skeleton usage-skeleton" />
          </div>
        )}

        {shown && shown.items.length === 0 && usage.status !== 'failed' && (
          <p className="usage-empty" role="status" data-testid="usage-empty">
            <span>No readings for this period.</span>
            <span className="muted">{describeRange(range)}</span>
          </p>
        )}

        {shown && shown.items.length > 0 && usage.status !== 'failed' && (
          <div className={usage.status === 'loading' ? 'usage-loaded is-stale' : 'usage-loaded'}>
            <UsageSummary series={shown} verb={verb} />
            <UsageChart
              items={shown.items}
              granularity={shown.granularity}
              from={shown.from}
              to={shown.to}
              caption={`Bar chart of kWh ${verb} per ${granularityUnit[shown.granularity]}, ${describeRange(shown)}: ${formatKwh(shown.totalKwh)} kWh in total.`}
            />
            <UsageTable series={shown} />
          </div>
        )}
      </div>
    </Panel>
  )
}

const granularityUnit: Record<UsageGranularity, string> = {
  halfhour: 'half hour',
  day: 'day',
  week: 'week',
  month: 'month',
}

function UsageSummary({ series, verb }: { series: UsageSeries; verb: string }) {
  const intervals = series.items.reduce((sum, item) => sum + item.intervals, 0)
  const estimated = series.items.reduce((sum, item) => sum + item.estimated, 0)
  return (
    <p className="usage-total" data-testid="usage-total">
      <span className="usage-total-figure">{formatKwh(series.totalKwh)} kWh</span>{' '}
      <span>
        {verb}, {describeRange(series)}
      </span>
      <span className="muted">
        {' '}
        · {intervals.toLocaleString(brand().locale)} half {intervals === 1 ? 'hour' : 'hours'} of data
        {estimated > 0 && `, ${estimated.toLocaleString(brand().locale)} estimated`}
      </span>
    </p>
  )
}

/** The figures behind the chart: a table for days, weeks and months; folded away for half hours (hundreds of rows). */
function UsageTable({ series }: { series: UsageSeries }) {
  const table = (
    <div className="table-scroll usage-table-scroll">
      <table
        className="data-table usage-table"
        data-testid={series.granularity === 'halfhour' ? undefined : 'usage-table'}
      >
        <caption className="visually-hidden">kWh per {granularityUnit[series.granularity]}</caption>
        <thead>
          <tr>
            <th scope="col">{capitalisedUnit[series.granularity]}</th>
            <th scope="col" className="numeric">
              Energy <span className="unit">(kWh)</span>
            </th>
            <th scope="col" className="numeric">
              Estimated half hours
            </th>
          </tr>
        </thead>
        <tbody>
          {series.items.map((item) => (
            <tr key={item.start} className={item.estimated > 0 ? 'row-estimated' : undefined} data-testid="usage-row">
              <th scope="row">{bucketLabel(item, series.granularity)}</th>
              <td className="mono numeric">{formatKwh(item.kwh)}</td>
              <td className="numeric">
                {item.estimated > 0 ? `${item.estimated} of ${item.intervals}` : <span className="muted">None</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="mono numeric">{formatKwh(series.totalKwh)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
  if (series.granularity !== 'halfhour') return table
  return (
    <details className="usage-details">
      <summary>Show the half-hourly figures ({series.items.length.toLocaleString(brand().locale)} half hours)</summary>
      {table}
    </details>
  )
}

const capitalisedUnit: Record<UsageGranularity, string> = {
  halfhour: 'Half hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
}

/** Earlier / later buttons and the dates themselves (the last date is inclusive on screen). */
function RangePicker({
  range,
  latestTo,
  onChange,
}: {
  range: Range
  latestTo: string
  onChange: (range: Range) => void
}) {
  const id = useId()
  const [draft, setDraft] = useState({ from: range.from, through: addDays(range.to, -1) })
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    setDraft({ from: range.from, through: addDays(range.to, -1) })
    setProblem(null)
  }, [range])

  function apply(next: { from: string; through: string }) {
    setDraft(next)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(next.from) || !/^\d{4}-\d{2}-\d{2}$/.test(next.through)) {
      setProblem('Enter both dates.')
      return
    }
    const to = addDays(next.through, 1)
    if (to <= next.from) {
      setProblem('The end date must be on or after the start date.')
      return
    }
    const limit = maxDays[range.granularity]
    if (daysBetween(next.from, to) > limit) {
      setProblem(
        `At most ${limit} days at a time for ${range.granularity === 'halfhour' ? 'half-hourly' : 'this'} usage.`,
      )
      return
    }
    setProblem(null)
    onChange({ ...range, from: next.from, to })
  }

  const later = shiftRange(range, 1)
  return (
    <fieldset className="fieldset usage-fieldset usage-range">
      <legend className="field-label">Period</legend>
      <div className="usage-range-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(shiftRange(range, -1))}
          aria-label="Earlier period"
          data-testid="usage-previous"
        >
          <span aria-hidden="true">‹</span> Earlier
        </button>
        <label className="visually-hidden" htmlFor={`${id}-from`}>
          From
        </label>
        <input
          id={`${id}-from`}
          className="input usage-date"
          type="date"
          value={draft.from}
          onChange={(event) => apply({ ...draft, from: event.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid="usage-from"
        />
        <span aria-hidden="true">to</span>
        <label className="visually-hidden" htmlFor={`${id}-through`}>
          To (inclusive)
        </label>
        <input
          id={`${id}-through`}
          className="input usage-date"
          type="date"
          value={draft.through}
          onChange={(event) => apply({ ...draft, through: event.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid="usage-through"
        />
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(later)}
          disabled={range.to >= latestTo}
          aria-label="Later period"
          data-testid="usage-next"
        >
          Later <span aria-hidden="true">›</span>
        </button>
      </div>
      {problem && (
        <span className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </fieldset>
  )
}
