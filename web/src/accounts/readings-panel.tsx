/**
 * The meter point's register readings, newest first, a page at a time (MET-3): when, which meter
 * and register, the value, where it came from, and whether it counts (accepted), waits for review
 * (held, with the reason) or was replaced (superseded).
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useApi } from '../console-context.js'
import { capitalise, formatLocalDateTime } from '../shared/format.js'
import { byCursor, LoadMoreFooter, pagedList } from '../shared/load-more.js'
import { Panel } from '../shared/panel.js'
import { PanelPending } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'

const pageSize = 20

export function ReadingsPanel({ accountNumber, meterPoint }: { accountNumber: string; meterPoint: string }) {
  const api = useApi()
  // A saved reading invalidates `['account', n, 'readings']`, so the list is fetched again in date order.
  const readings = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'readings', meterPoint],
    queryFn: ({ pageParam }) => api.readings({ accountNumber, meterPoint, limit: pageSize, cursor: pageParam }),
    ...byCursor,
  })
  const state = pagedList(readings, { failed: failure, more: failure })

  return (
    <Panel
      title="Readings"
      aside={
        <span className="muted">
          Newest first · <span className="mono">{meterPoint}</span>
        </span>
      }
      flush
      busy={state.status === 'loading'}
    >
      <PanelPending
        state={state}
        loading={
          <div className="readings-loading">
            <span className="visually-hidden">Loading readings…</span>
            <div className="skeleton" />
            <div className="skeleton" />
            <div className="skeleton" />
          </div>
        }
        failedClassName="readings-message"
      />

      {state.status === 'loaded' && state.items.length === 0 && (
        <p className="empty" data-testid="readings-list">
          No readings on this meter point yet.
        </p>
      )}

      {state.status === 'loaded' && state.items.length > 0 && (
        <DataTable
          className="readings-table"
          testId="readings-list"
          caption={`Register readings of ${meterPoint}, newest first`}
          columns={['Read at', 'Meter', 'Register', { label: 'Value', numeric: true }, 'Source', 'Status']}
        >
          {state.items.map((reading) => (
            <tr
              key={reading.id}
              className={reading.status === 'superseded' || reading.status === 'discarded' ? 'row-muted' : undefined}
              data-testid="reading-item"
            >
              <td className="nowrap">
                <time dateTime={reading.readAt}>{formatLocalDateTime(reading.readAt)}</time>
              </td>
              <td className="mono">{reading.meterSerial}</td>
              <td className="mono">{reading.register}</td>
              <td className="mono numeric">{reading.value}</td>
              <td>{capitalise(reading.source)}</td>
              <td>
                <ReadingStatus status={reading.status} reason={reading.reason} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <LoadMoreFooter list={state} testId="readings-more" />
    </Panel>
  )
}

const statusChips: Record<string, { label: string; chip: string }> = {
  accepted: { label: 'Accepted', chip: 'chip-positive' },
  released: { label: 'Released', chip: 'chip-positive' },
  held: { label: 'Held', chip: 'chip-warning' },
  superseded: { label: 'Superseded', chip: 'chip-neutral' },
  discarded: { label: 'Discarded', chip: 'chip-neutral' },
}

/** A reading's status chip; a held reading (or any with a reason) also says why. */
export function ReadingStatus({ status, reason }: { status: string; reason: string | null }) {
  const shown = statusChips[status] ?? { label: capitalise(status), chip: 'chip-neutral' }
  return (
    <span className="reading-status">
      <span className={`chip ${shown.chip}`}>{shown.label}</span>
      {reason && <span className="reading-reason">{reason}</span>}
    </span>
  )
}

const failure = 'The readings could not be loaded. Please try again.'
