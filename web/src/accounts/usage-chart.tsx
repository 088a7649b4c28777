/// <reference types="vite/client" />
/**
 * A usage series as uPlot bars (UI-1/ANA-1): one bar per half hour, day, week or month, drawn on a
 * time axis in the supplier's time zone whatever the browser's. Buckets with any estimated half hours are
 * drawn in a lighter, warmer colour. Also the small calendar helpers (in that zone) the Usage tab uses.
 */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
// A side-effect CSS import: Vite bundles it; vite/client (referenced above) declares `*.css` for tsc.
import 'uplot/dist/uPlot.min.css'
import type { UsageBucket, UsageGranularity } from '../api.js'
import { brand } from '../shared/brand.js'
import { dateFormat } from '../shared/format.js'

// ---------- Calendar helpers, in the supplier's time zone ----------

// en-GB for its day-month-year parts, read back below; the zone comes from the brand.
const wallClock = () =>
  dateFormat(
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    { locale: 'en-GB' },
  )

/** The supplier's local date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant. */
export function localWallClock(instant: Date | number): { date: string; time: string } {
  const parts: Record<string, string> = {}
  for (const part of wallClock().formatToParts(instant)) parts[part.type] = part.value
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` }
}

/** Today's date in the supplier's time zone. */
export function localToday(now: number = Date.now()): string {
  return localWallClock(now).date
}

function localOffsetMs(instant: number): number {
  const { date, time } = localWallClock(instant)
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(instant / 60_000) * 60_000
}

/**
 * The instant (epoch ms) of a wall-clock time in the supplier's time zone. For a time inside a
 * spring-forward gap (midnight, in the few zones whose clocks change then) this gives the hour after.
 */
export function localInstant(date: string, time = '00:00'): number {
  const asUtc = Date.parse(`${date}T${time}:00Z`)
  const first = asUtc - localOffsetMs(asUtc)
  return asUtc - localOffsetMs(first)
}

// ---------- Labels ----------

const halfHourStart = () =>
  dateFormat({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const timeOnly = () => dateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const dayLabel = () => dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, { utc: true })
const weekLabel = () => dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }, { utc: true })
const monthLabel = () => dateFormat({ month: 'long', year: 'numeric' }, { utc: true })

/** How a bucket is named to people: `Tue 3 Mar, 14:30–15:00`, `Tue 3 Mar 2026`, `w/c 2 Mar 2026`, `March 2026`. */
export function bucketLabel(bucket: UsageBucket, granularity: UsageGranularity): string {
  if (granularity === 'halfhour') {
    return `${halfHourStart().format(new Date(bucket.start))}–${timeOnly().format(new Date(bucket.end))}`
  }
  const date = new Date(`${bucket.label.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return bucket.label
  if (granularity === 'day') return dayLabel().format(date)
  if (granularity === 'week') return `w/c ${weekLabel().format(date)}`
  return monthLabel().format(date)
}

/** An exact decimal string with thousands separators, keeping every decimal place: `12345.6` → `12,345.6`. */
export function formatKwh(value: string): string {
  const negative = value.startsWith('-')
  const [whole = '0', fraction] = (negative ? value.slice(1) : value).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

// ---------- Chart ----------

/** The chart's colours, read from the design tokens (styles/tokens.css) so a re-brand reaches the canvas too. */
function chartColours(element: Element) {
  const style = getComputedStyle(element)
  const token = (name: string) => style.getPropertyValue(name).trim()
  return {
    actualColour: token('--usage-actual'),
    estimatedColour: token('--usage-estimated'),
    axisColour: token('--ink-muted'),
    gridColour: token('--canvas-deep'),
  }
}

// uPlot's time-axis stamps, in UK style (24-hour clock, day before month): tick size, default,
// then the label used when the year, month, day, hour, minute or second changes.
const ukTimeStamps: (string | number | null)[][] = [
  [3600 * 24 * 365, '{YYYY}', null, null, null, null, null, null, 1],
  [3600 * 24 * 28, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
  [3600 * 24, '{D} {MMM}', '\n{YYYY}', null, null, null, null, null, 1],
  [3600, '{HH}:{mm}', '\n{D} {MMM} {YYYY}', null, '\n{D} {MMM}', null, null, null, 1],
  [60, '{HH}:{mm}', '\n{D} {MMM} {YYYY}', null, '\n{D} {MMM}', null, null, null, 1],
]

const chartHeight: Record<UsageGranularity, number> = { halfhour: 280, day: 240, week: 240, month: 240 }

export function UsageChart({
  items,
  granularity,
  from,
  to,
  caption,
}: {
  items: UsageBucket[]
  granularity: UsageGranularity
  /** The period shown, as local dates [from, to): the x axis spans all of it even where data is missing. */
  from: string
  to: string
  /** What the chart shows, for screen readers. */
  caption: string
}) {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const element = host.current
    if (!element || items.length === 0) return
    const { actualColour, estimatedColour, axisColour, gridColour } = chartColours(element)
    const xs = items.map((item) => Date.parse(item.start) / 1000)
    const ys = items.map((item) => Number(item.kwh))
    const fills = items.map((item) => (item.estimated > 0 ? estimatedColour : actualColour))
    const xMin = localInstant(from) / 1000
    const xMax = localInstant(to) / 1000
    const height = chartHeight[granularity]
    const widthOf = () => Math.max(element.clientWidth, 320)

    const options: uPlot.Options = {
      width: widthOf(),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), brand().timeZone),
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      legend: { show: true, live: true },
      scales: {
        x: { time: true, range: () => [xMin, xMax] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          stroke: axisColour,
          grid: { stroke: gridColour, width: 1 },
          ticks: { stroke: gridColour, width: 1 },
          values: ukTimeStamps,
          font: '12px system-ui, sans-serif',
        },
        {
          label: 'kWh',
          labelSize: 20,
          labelFont: '600 12px system-ui, sans-serif',
          stroke: axisColour,
          grid: { stroke: gridColour, width: 1 },
          ticks: { stroke: gridColour, width: 1 },
          font: '12px system-ui, sans-serif',
          size: 56,
        },
      ],
      series: [
        {
          label: granularityNoun[granularity],
          value: (_u, _value, _series, index) => {
            const item = index === null ? undefined : items[index]
            return item ? bucketLabel(item, granularity) : '–'
          },
        },
        {
          label: 'Energy',
          stroke: actualColour,
          fill: actualColour,
          width: 0,
          paths: uPlot.paths.bars?.({
            align: 1,
            size: granularity === 'halfhour' ? [0.9, 40, 1] : [0.72, 56, 2],
            disp: {
              fill: {
                // BarsPathBuilderFacetUnit.Color: a colour per bar (a const enum, so written as its value).
                unit: 3 as uPlot.Series.BarsPathBuilderFacetUnit,
                values: () => fills,
              },
            },
          }),
          points: { show: false },
          value: (_u, _value, _series, index) => {
            const item = index === null ? undefined : items[index]
            if (!item) return '–'
            return `${formatKwh(item.kwh)} kWh${item.estimated > 0 ? ' (estimated)' : ''}`
          },
        },
      ],
    }

    const plot = new uPlot(options, [xs, ys], element)
    const observer = new ResizeObserver(() => {
      const width = widthOf()
      if (width !== plot.width) plot.setSize({ width, height })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [items, granularity, from, to])

  return (
    <figure className="usage-figure">
      <figcaption className="visually-hidden">{caption}</figcaption>
      <div ref={host} className="usage-chart" data-testid="usage-chart" data-points={items.length} />
      <ul className="usage-key" aria-label="Key">
        <li>
          <span className="usage-swatch usage-swatch-actual" aria-hidden="true" />
          Actual
        </li>
        <li>
          <span className="usage-swatch usage-swatch-estimated" aria-hidden="true" />
          {granularity === 'halfhour' ? 'Estimated' : 'Includes estimated half hours'}
        </li>
      </ul>
    </figure>
  )
}

const granularityNoun: Record<UsageGranularity, string> = {
  halfhour: 'Half hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
}
