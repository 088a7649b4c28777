/**
 * The account's meter points (MET-3): for each, what it is (fuel, MPAN/MPRN, import or export and
 * the import it is linked to, GSP region, profile class, supply dates), its meters with their
 * registers, and its tariff history. Choosing one shows its usage and readings below. Staff who may
 * register supplies (`metering.meter_point.register`) add a supply, exchange a meter or end a supply
 * here (`supply-dialogs.tsx`).
 */
import { useState } from 'react'
import type { MeterPointView, TariffAgreement } from '../api.js'
import { capitalise, formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'
import { AddSupplyDialog, EndSupplyDialog, ExchangeMeterDialog } from './supply-dialogs.js'
import { localWallClock } from './usage-chart.js'

type OpenDialog = { kind: 'add' } | { kind: 'exchange' | 'end'; point: MeterPointView } | null

export function MeterPointsPanel({
  accountNumber,
  points,
  selected,
  onSelect,
  canManage = false,
}: {
  accountNumber: string
  points: MeterPointView[]
  selected: string | null
  onSelect: (identifier: string) => void
  /** Whether the user may add supplies, exchange meters and end supplies. */
  canManage?: boolean
}) {
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const close = () => setDialog(null)
  return (
    <Panel
      title="Meter points"
      aside={
        <>
          <span className="muted">
            {points.length === 1 ? 'One meter point' : `${points.length} meter points`} on this account
          </span>
          {canManage && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setDialog({ kind: 'add' })}
              data-testid="add-supply"
            >
              Add a supply
            </button>
          )}
        </>
      }
    >
      {dialog?.kind === 'add' && <AddSupplyDialog accountNumber={accountNumber} onClose={close} />}
      {dialog?.kind === 'exchange' && (
        <ExchangeMeterDialog accountNumber={accountNumber} point={dialog.point} onClose={close} />
      )}
      {dialog?.kind === 'end' && <EndSupplyDialog accountNumber={accountNumber} point={dialog.point} onClose={close} />}
      {points.length === 0 ? (
        <p className="empty">No meter points are registered to this account yet.</p>
      ) : (
        <div className="meter-point-grid">
          {points.map((point) => (
            <MeterPointCard
              key={point.id}
              point={point}
              selected={point.identifier === selected}
              onSelect={() => onSelect(point.identifier)}
              {...(canManage && point.suppliedTo === null
                ? {
                    onExchange: point.meters.some((meter) => meter.removedOn === null)
                      ? () => setDialog({ kind: 'exchange', point })
                      : undefined,
                    onEnd: () => setDialog({ kind: 'end', point }),
                  }
                : {})}
            />
          ))}
        </div>
      )}
    </Panel>
  )
}

/** `Electricity import · MPAN 1200023305967`: how a meter point is named in selectors. */
export function meterPointName(point: MeterPointView): string {
  const kind = point.fuel === 'gas' ? 'Gas' : `Electricity ${point.direction}`
  return `${kind} · ${identifierKind(point)} ${point.identifier}`
}

function identifierKind(point: MeterPointView): string {
  return point.fuel === 'gas' ? 'MPRN' : 'MPAN'
}

function MeterPointCard({
  point,
  selected,
  onSelect,
  onExchange,
  onEnd,
}: {
  point: MeterPointView
  selected: boolean
  onSelect: () => void
  /** Opens the meter exchange, for staff who may (and a point with a meter in use). */
  onExchange?: (() => void) | undefined
  /** Opens "End supply", for staff who may (and a supply not ended). */
  onEnd?: (() => void) | undefined
}) {
  const titleId = `meter-point-${point.id}-title`
  const now = Date.now()
  return (
    <article
      className={`meter-point${selected ? ' meter-point-selected' : ''}`}
      aria-labelledby={titleId}
      data-testid={`meter-point-${point.identifier}`}
    >
      <header className="meter-point-header">
        <div>
          <p className="meter-point-kind">
            <span className={`chip ${point.fuel === 'gas' ? 'chip-gas' : 'chip-electricity'}`}>
              {capitalise(point.fuel)}
            </span>
            {point.fuel === 'electricity' && (
              <span className={`chip ${point.direction === 'export' ? 'chip-export' : 'chip-neutral'}`}>
                {capitalise(point.direction)}
              </span>
            )}
            {point.suppliedTo && <span className="chip chip-neutral">Supply ended</span>}
          </p>
          <h3 className="meter-point-title" id={titleId}>
            <span className="muted">{identifierKind(point)}</span> <span className="mono">{point.identifier}</span>
          </h3>
        </div>
        <button
          type="button"
          className={`button button-small${selected ? ' button-primary' : ''}`}
          aria-pressed={selected}
          onClick={onSelect}
        >
          {selected ? 'Showing usage' : 'Show usage'}
        </button>
      </header>

      <dl className="facts meter-point-facts">
        {point.direction === 'export' && (
          <div>
            <dt>Linked import</dt>
            <dd>
              {point.linkedImport ? (
                <span className="mono">{point.linkedImport}</span>
              ) : (
                <span className="muted">Not linked</span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>GSP region</dt>
          <dd>
            {point.gspRegion ? (
              <>
                {point.gspRegionName ?? ''} <span className="mono muted">{point.gspRegion}</span>
              </>
            ) : (
              <NotKnown />
            )}
          </dd>
        </div>
        {point.fuel === 'electricity' && (
          <div>
            <dt>Profile class</dt>
            <dd>{point.profileClass ? <span className="mono">{point.profileClass}</span> : <NotKnown />}</dd>
          </div>
        )}
        <div>
          <dt>Supplied</dt>
          <dd>
            From {formatCalendarDate(point.suppliedFrom)}
            {point.suppliedTo ? ` to ${formatCalendarDate(point.suppliedTo)}` : ', ongoing'}
          </dd>
        </div>
      </dl>

      <div className="meter-point-section">
        <h4 className="meter-point-subtitle">Meters</h4>
        {point.meters.length === 0 ? (
          <p className="empty">No meters recorded.</p>
        ) : (
          <DataTable columns={['Serial', 'Type', 'Installed', 'Removed', 'Registers']}>
            {point.meters.map((meter) => (
              <tr key={meter.serial} className={meter.removedOn ? 'row-muted' : undefined}>
                <td className="mono">{meter.serial}</td>
                <td>{capitalise(meter.type)}</td>
                <td>{formatCalendarDate(meter.installedOn)}</td>
                <td>{meter.removedOn ? formatCalendarDate(meter.removedOn) : <span className="muted">—</span>}</td>
                <td>
                  <ul className="register-list">
                    {meter.registers.map((register) => (
                      <li key={register.identifier}>
                        <span className="mono">{register.identifier}</span> {capitalise(register.rate)}
                        <span className="muted">
                          {' '}
                          · {register.digits} digits · {register.unit}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>

      {(onExchange || onEnd) && (
        <div className="form-actions">
          {onExchange && (
            <button
              type="button"
              className="button button-small"
              onClick={onExchange}
              data-testid={`exchange-meter-${point.identifier}`}
            >
              Exchange meter
            </button>
          )}
          {onEnd && (
            <button
              type="button"
              className="button button-small"
              onClick={onEnd}
              data-testid={`end-supply-${point.identifier}`}
            >
              End supply
            </button>
          )}
        </div>
      )}

      {/* Absent for a caller who may not read tariffs: a field technician sees no tariff or product. */}
      {point.agreements && <TariffHistory agreements={point.agreements} now={now} />}
    </article>
  )
}

function TariffHistory({ agreements, now }: { agreements: TariffAgreement[]; now: number }) {
  return (
    <div className="meter-point-section">
      <h4 className="meter-point-subtitle">Tariff history</h4>
      {agreements.length === 0 ? (
        <p className="empty" data-testid="tariff-history">
          No tariff agreements on this meter point.
        </p>
      ) : (
        <DataTable testId="tariff-history" columns={['Tariff', 'Product', 'From', 'To']}>
          {agreements.map((agreement) => {
            const current =
              Date.parse(agreement.validFrom) <= now &&
              (agreement.validTo === null || Date.parse(agreement.validTo) > now)
            return (
              <tr key={`${agreement.tariffCode}:${agreement.validFrom}`}>
                <td className="mono">{agreement.tariffCode}</td>
                <td>
                  {agreement.productName}
                  {current && <span className="chip chip-positive chip-inline">Current</span>}
                </td>
                <td>{formatAgreementInstant(agreement.validFrom)}</td>
                <td>
                  {agreement.validTo ? (
                    formatAgreementInstant(agreement.validTo)
                  ) : (
                    <span className="muted">Open-ended</span>
                  )}
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}
    </div>
  )
}

/** Agreements usually change at local midnight: show just the date then, else the local time too. */
function formatAgreementInstant(isoInstant: string): string {
  const instant = Date.parse(isoInstant)
  if (Number.isNaN(instant)) return isoInstant
  const { date, time } = localWallClock(instant)
  return time === '00:00' ? formatCalendarDate(date) : formatLocalDateTime(isoInstant)
}

function NotKnown() {
  return <span className="muted">Not known</span>
}
