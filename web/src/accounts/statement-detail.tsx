/**
 * One statement in full (BIL-2/5/6/7/9): the account summary (brought forward, payments, credits,
 * charges, carried forward), the breakdown by meter point with quantities, rates and amounts, VAT
 * and totals, the backbilling write-off, why it differs from the previous statement, the final
 * settlement, the PDF and a duplicate, and — for the newest issued statement — a rebill.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { ApiError, type StatementDetail as Detail, type StatementLine } from '../api.js'
import { HoldReasonList } from '../billing/hold-reasons.js'
import {
  closingByIdentity,
  formatPercent,
  formatQuantity,
  formatRate,
  meterPointLabel,
  paymentMethodLabel,
  statementKindLabel,
} from '../billing/statement-format.js'
import { StatementStatusChip } from '../billing/statement-status-chip.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatLocalDateTime, formatPeriod } from '../shared/format.js'
import { formatBalance, formatChange, formatMinor, signOfMinor, subtractMinor, sumMinor } from '../shared/money.js'
import { loadedOf } from '../shared/panel-state.js'

export function StatementDetail({
  accountNumber,
  number,
  latest,
  numberOf,
  replacedBy,
  focusOnLoad,
  onRebilled,
  onClose,
}: {
  accountNumber: string
  number: string
  /** Whether this is the account's latest statement that still counts (only that one can be rebilled). */
  latest: boolean
  /** Statement numbers by id, from the list, to name the version this one replaces. */
  numberOf: (id: string) => string | undefined
  /** The statement that replaced this one, when the list shows it. */
  replacedBy: string | undefined
  /** Move focus to the statement's heading once it is shown (it was just chosen). */
  focusOnLoad: boolean
  onRebilled: (number: string) => void
  onClose: () => void
}) {
  const api = useApi()
  const { user } = useSession()
  const titleId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const queryClient = useQueryClient()
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'statement', number],
    queryFn: () => api.statement({ accountNumber, number }),
  })
  const state = loadedOf(loaded, 'The statement could not be loaded. Please try again.', (statement) => ({ statement }))
  const [rebill, setRebill] = useState<{ confirming: boolean; sending: boolean; error: string | null }>({
    confirming: false,
    sending: false,
    error: null,
  })
  const rebilling = useMutation({
    mutationFn: (statementNumber: string) => api.rebill({ number: statementNumber }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', accountNumber] }),
  })

  useEffect(() => {
    if (state.status === 'loaded' && focusOnLoad) headingRef.current?.focus()
  }, [state.status, focusOnLoad])

  // The Rebill button and its confirmation replace each other: focus follows to whichever is shown.
  const rebillRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const focusAfterRender = useRef<'rebill' | 'confirm' | null>(null)
  useEffect(() => {
    if (focusAfterRender.current === null) return
    ;(focusAfterRender.current === 'confirm' ? confirmRef : rebillRef).current?.focus()
    focusAfterRender.current = null
  })

  if (state.status === 'loading') {
    return (
      <section className="card statement-detail" aria-busy="true" aria-label={`Statement ${number}`}>
        <span className="visually-hidden">Loading statement {number}…</span>
        <div className="skeleton skeleton-title" />
        <div className="skeleton-card skeleton" />
      </section>
    )
  }

  if (state.status === 'failed') {
    return (
      <section className="card statement-detail" aria-label={`Statement ${number}`}>
        <p className="callout callout-error" role="alert">
          {state.message}
        </p>
        <div>
          <button type="button" className="button button-small" onClick={onClose}>
            Close
          </button>
        </div>
      </section>
    )
  }

  const { statement } = state
  const { currency, explanation } = statement
  const canRebill = user.permissions.includes('billing.rebill.create') && latest && statement.status === 'issued'
  const canReview = user.permissions.includes('billing.anomaly.resolve')
  const replaces = statement.replacesStatementId ? (numberOf(statement.replacesStatementId) ?? null) : null

  async function sendRebill() {
    setRebill({ confirming: true, sending: true, error: null })
    try {
      const replacement = await rebilling.mutateAsync(statement.number)
      onRebilled(replacement.number)
    } catch (error) {
      setRebill({ confirming: true, sending: false, error: messageOf(error) })
    }
  }

  return (
    <section
      className="card statement-detail"
      aria-labelledby={titleId}
      data-testid="statement-detail"
      data-number={statement.number}
    >
      <header className="statement-detail-header">
        <div className="statement-detail-heading">
          <p className="eyebrow">
            {statementKindLabel(statement.kind)} statement
            {statement.version > 1 && (
              <>
                <span className="dot-separator" aria-hidden="true">
                  ·
                </span>
                version {statement.version}
                {replaces ? `, replacing ${replaces}` : ''}
              </>
            )}
          </p>
          <h2 className="statement-detail-title" id={titleId} ref={headingRef} tabIndex={-1}>
            <span className="mono">{statement.number}</span>
            <StatementStatusChip status={statement.status} />
            {explanation.estimated && (
              <span className="chip chip-warning" data-testid="statement-estimated">
                Estimated
              </span>
            )}
          </h2>
          <p className="muted">
            {formatPeriod(statement.periodFrom, statement.periodTo)} ({explanation.days}{' '}
            {explanation.days === 1 ? 'day' : 'days'})
            {statement.issuedAt && <> · issued {formatLocalDateTime(statement.issuedAt)}</>}
            {statement.dueOn && <> · due {formatCalendarDate(statement.dueOn)}</>}
            {statement.paymentMethod && <> · {paymentMethodLabel(statement.paymentMethod)}</>}
          </p>
        </div>
        <div className="statement-actions">
          <a
            className="button button-small"
            href={api.statementPdfUrl({ accountNumber, number: statement.number, duplicate: false })}
            target="_blank"
            rel="noopener"
            data-testid="statement-pdf"
          >
            PDF<span className="visually-hidden"> of {statement.number} (opens in a new tab)</span>
          </a>
          <a
            className="button button-small"
            href={api.statementPdfUrl({ accountNumber, number: statement.number, duplicate: true })}
            target="_blank"
            rel="noopener"
            data-testid="statement-duplicate-pdf"
          >
            Duplicate PDF<span className="visually-hidden"> of {statement.number} (opens in a new tab)</span>
          </a>
          {canRebill && !rebill.confirming && (
            <button
              type="button"
              className="button button-small"
              ref={rebillRef}
              onClick={() => {
                setRebill({ confirming: true, sending: false, error: null })
                focusAfterRender.current = 'confirm'
              }}
              data-testid="rebill"
            >
              Rebill
            </button>
          )}
          <button type="button" className="button button-ghost button-small" onClick={onClose}>
            Close<span className="visually-hidden"> statement {statement.number}</span>
          </button>
        </div>
      </header>

      {canRebill && rebill.confirming && (
        <fieldset className="callout callout-info statement-confirm">
          <legend className="statement-confirm-question">Rebill {statement.number}?</legend>
          <p>
            A new version is billed from the same opening readings with the readings there are now; this one is kept as
            superseded and the balance moves by the difference.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setRebill({ confirming: false, sending: false, error: null })
                focusAfterRender.current = 'rebill'
              }}
              disabled={rebill.sending}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary button-small"
              ref={confirmRef}
              onClick={() => void sendRebill()}
              disabled={rebill.sending}
              data-testid="rebill-confirm"
            >
              {rebill.sending ? 'Rebilling…' : `Rebill ${statement.number}`}
            </button>
          </div>
          {rebill.error && (
            <p className="field-error" role="alert" data-testid="rebill-error">
              {rebill.error}
            </p>
          )}
        </fieldset>
      )}

      {statement.status === 'held' && (
        <div className="callout callout-warning" role="note">
          <p>Held for review: nothing is charged until a billing specialist releases it.</p>
          <HoldReasonList reasons={statement.holdReasons} />
          {canReview && (
            <p>
              <Link to={paths.heldStatements()}>Review it in Held statements</Link>
            </p>
          )}
        </div>
      )}
      {statement.status === 'superseded' && (
        <p className="callout callout-info" role="note">
          Replaced by {replacedBy ?? 'a later version'}: the amounts below no longer count towards the balance.
        </p>
      )}
      {statement.status === 'rejected' && (
        <p className="callout callout-info" role="note">
          Rejected at review: nothing was charged, and the period can be billed again.
        </p>
      )}

      <div className="statement-columns">
        <AccountSummary statement={statement} />
        <Explanation statement={statement} />
      </div>

      <Breakdown statement={statement} replaces={replaces} />

      {statement.settlement && <Settlement settlement={statement.settlement} currency={currency} />}
    </section>
  )
}

function AccountSummary({ statement }: { statement: Detail }) {
  const titleId = useId()
  const { currency } = statement
  // The ledger identity the statement was issued with; a stored summary that breaks it is said, not hidden.
  const adds = closingByIdentity(statement)
  return (
    <section className="statement-section" aria-labelledby={titleId}>
      <h3 className="meter-point-subtitle" id={titleId}>
        Account summary
      </h3>
      {statement.openingBalanceMinor === null || statement.closingBalanceMinor === null ? (
        <p className="muted">The balances are filled in when the statement is issued.</p>
      ) : (
        <table className="data-table statement-summary" data-testid="statement-summary">
          <caption className="visually-hidden">
            Balance brought forward, plus charges and adjustments, less payments and credits, is the balance carried
            forward
          </caption>
          <tbody>
            {summaryRows(statement).map(([label, amount]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="numeric">{amount}</td>
              </tr>
            ))}
            <tr className="statement-summary-closing">
              <th scope="row">Balance carried forward</th>
              <td className="numeric">{formatBalance(statement.closingBalanceMinor, currency)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {adds !== null && adds !== statement.closingBalanceMinor && (
        <p className="callout callout-error" role="alert" data-testid="statement-summary-mismatch">
          These figures do not add up: they make the balance carried forward {formatBalance(adds, currency)}. Ask a
          billing specialist to check the statement (cuttle verify statements).
        </p>
      )}
    </section>
  )
}

/** Payments and credits lower the balance: shown with a minus sign. */
/**
 * The account summary's rows as the PDF has them (BIL-10): opening balance, payments and credits
 * (which lower it), refunds, returns and other adjustments (which raise it) and the statement's own
 * charges. A statement issued before adjustments were recorded on their own shows its credits as
 * "credits and other changes" and its posted amount as its charges.
 */
function summaryRows(statement: Detail): [string, string][] {
  const { currency } = statement
  const separate = statement.adjustmentsMinor !== null
  return [
    ['Balance brought forward', formatBalance(statement.openingBalanceMinor, currency)],
    ['Payments received', formatReduction(statement.paymentsMinor, currency)],
    [separate ? 'Credits' : 'Credits and other changes', formatReduction(statement.creditsMinor, currency)],
    ...(separate
      ? [
          ['Refunds, returned payments and other adjustments', formatChange(statement.adjustmentsMinor, currency)] as [
            string,
            string,
          ],
        ]
      : []),
    ['Charges on this statement', formatChange(statement.chargesMinor ?? statement.postedMinor, currency)],
  ]
}

function formatReduction(minor: string | null, currency: string): string {
  if (minor === null) return '—'
  return formatChange(subtractMinor('0', minor), currency)
}

function Explanation({ statement }: { statement: Detail }) {
  const titleId = useId()
  const { currency, explanation } = statement
  const { comparison, backbilling } = explanation
  return (
    <section className="statement-section" aria-labelledby={titleId} data-testid="statement-explanation">
      <h3 className="meter-point-subtitle" id={titleId}>
        Why this statement is what it is
      </h3>
      {comparison ? (
        <>
          <p className="statement-comparison-summary">{comparison.summary}</p>
          <table className="data-table statement-comparison">
            <caption className="visually-hidden">Charges before VAT compared with {comparison.previousNumber}</caption>
            <tbody>
              <tr>
                <th scope="row">
                  {comparison.previousNumber} ({comparison.previousDays} days)
                </th>
                <td className="numeric">{formatMinor(comparison.previousNetMinor, currency)}</td>
              </tr>
              <tr>
                <th scope="row">Energy used</th>
                <td className="numeric">{formatChange(comparison.usageEffectMinor, currency)}</td>
              </tr>
              <tr>
                <th scope="row">Prices</th>
                <td className="numeric">{formatChange(comparison.priceEffectMinor, currency)}</td>
              </tr>
              <tr>
                <th scope="row">Length of period and other changes</th>
                <td className="numeric">{formatChange(comparison.otherEffectMinor, currency)}</td>
              </tr>
              <tr className="statement-summary-closing">
                <th scope="row">This statement ({explanation.days} days)</th>
                <td className="numeric">{formatMinor(statement.netMinor, currency)}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">There is no earlier statement to compare this one with.</p>
      )}
      {explanation.usage.length > 0 && (
        <ul className="statement-usage">
          {explanation.usage.map((usage) => (
            <li key={usage.meterPointId}>
              <span className="mono">{meterPointLabel(usage.identifier)}</span>: {usage.kwh} kWh{' '}
              {usage.direction === 'export' ? 'exported' : 'used'}, {formatMinor(usage.energyMinor, currency)} for
              energy and {formatMinor(usage.standingMinor, currency)} standing charge for {usage.standingDays}{' '}
              {usage.standingDays === 1 ? 'day' : 'days'}
            </li>
          ))}
        </ul>
      )}
      {explanation.estimated && (
        <p className="statement-note">
          <span className="chip chip-warning">Estimated</span> Some of the energy on this statement is estimated: an
          actual reading will correct it on a later statement or a rebill.
        </p>
      )}
      {backbilling && (
        <div className="callout callout-warning" data-testid="statement-backbilling">
          <p>
            <strong>Backbilling.</strong> Energy used before {formatCalendarDate(backbilling.cutoff)} came to{' '}
            {formatMinor(backbilling.oldChargesMinor, currency)};{' '}
            {signOfMinor(backbilling.writeoffMinor) === 1
              ? `${formatMinor(backbilling.writeoffMinor, currency)} of it is written off`
              : 'nothing is written off'}
            : {backbilling.reason}.
          </p>
        </div>
      )}
    </section>
  )
}

type LineGroup = { key: string; identifier: string | null; lines: StatementLine[] }

/** The lines by meter point in the order they first appear; account-level lines (a write-off) apart. */
function groupLines(lines: readonly StatementLine[]): { supplies: LineGroup[]; adjustments: StatementLine[] } {
  const supplies: LineGroup[] = []
  const adjustments: StatementLine[] = []
  for (const line of [...lines].sort((a, b) => a.position - b.position)) {
    if (line.kind === 'backbilling_writeoff' || line.identifier === null) {
      adjustments.push(line)
      continue
    }
    let group = supplies.find((candidate) => candidate.identifier === line.identifier)
    if (!group) {
      group = { key: line.identifier, identifier: line.identifier, lines: [] }
      supplies.push(group)
    }
    group.lines.push(line)
  }
  return { supplies, adjustments }
}

function isEstimatedLine(line: StatementLine): boolean {
  const { source } = line
  return (
    source['estimated'] === true ||
    (typeof source['estimatedIntervals'] === 'number' && source['estimatedIntervals'] > 0)
  )
}

function Breakdown({ statement, replaces }: { statement: Detail; replaces: string | null }) {
  const titleId = useId()
  const { currency } = statement
  const { supplies, adjustments } = groupLines(statement.lines)
  const vatRates = [
    ...new Set(statement.lines.filter((line) => line.kind !== 'backbilling_writeoff').map((line) => line.vatPercent)),
  ]
  const vatLabel = vatRates.length === 1 && vatRates[0] ? `VAT at ${formatPercent(vatRates[0])}` : 'VAT'
  // What the replaced version had charged: the total, less the write-off, less what this one posted.
  const replacedCharged = subtractMinor(
    subtractMinor(statement.totalMinor, statement.writeoffMinor),
    statement.postedMinor,
  )
  const chargedDiffers = statement.postedMinor !== statement.totalMinor

  return (
    <section className="statement-section" aria-labelledby={titleId}>
      <h3 className="meter-point-subtitle" id={titleId}>
        Breakdown
      </h3>
      {statement.lines.length === 0 ? <p className="muted">This statement has no charges.</p> : null}
      <div className="table-scroll">
        <table className="data-table statement-lines">
          <caption className="visually-hidden">
            Charges on {statement.number} by meter point, with VAT and totals
          </caption>
          <thead>
            <tr>
              <th scope="col">Charge</th>
              <th scope="col">Dates</th>
              <th scope="col" className="numeric">
                Quantity
              </th>
              <th scope="col" className="numeric">
                Rate
              </th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          {supplies.map((group) => {
            const tariffs = [...new Set(group.lines.map((line) => line.tariffCode).filter(Boolean))]
            return (
              <tbody key={group.key}>
                <tr className="statement-group">
                  <th scope="rowgroup" colSpan={5}>
                    <span className="mono">{meterPointLabel(group.identifier ?? '')}</span>
                    {tariffs.length === 1 && <span className="muted mono"> · {tariffs[0]}</span>}
                  </th>
                </tr>
                {group.lines.map((line) => (
                  <LineRow key={line.position} line={line} currency={currency} showTariff={tariffs.length > 1} />
                ))}
                <tr className="statement-subtotal">
                  <th scope="row" colSpan={4}>
                    Subtotal, {meterPointLabel(group.identifier ?? '')}
                  </th>
                  <td className="numeric">
                    {formatMinor(sumMinor(group.lines.map((line) => line.amountMinor)), currency)}
                  </td>
                </tr>
              </tbody>
            )
          })}
          <tbody className="statement-totals">
            <tr>
              <th scope="row" colSpan={4}>
                Charges before VAT
              </th>
              <td className="numeric">{formatMinor(statement.netMinor, currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={4}>
                {vatLabel}
              </th>
              <td className="numeric">{formatMinor(statement.vatMinor, currency)}</td>
            </tr>
            <tr className="statement-total" data-testid="statement-total">
              <th scope="row" colSpan={4}>
                Total
              </th>
              <td className="numeric">{formatMinor(statement.totalMinor, currency)}</td>
            </tr>
          </tbody>
          {(adjustments.length > 0 || chargedDiffers) && (
            <tbody className="statement-totals">
              {adjustments.map((line) => (
                <LineRow key={line.position} line={line} currency={currency} showTariff={false} />
              ))}
              {signOfMinor(replacedCharged) !== 0 && (
                <tr>
                  <th scope="row" colSpan={4}>
                    Already charged by {replaces ?? 'the replaced version'}
                  </th>
                  <td className="numeric">{formatChange(subtractMinor('0', replacedCharged), currency)}</td>
                </tr>
              )}
              {chargedDiffers && (
                <tr className="statement-total">
                  <th scope="row" colSpan={4}>
                    Charged to the account
                  </th>
                  <td className="numeric">{formatMinor(statement.postedMinor, currency)}</td>
                </tr>
              )}
            </tbody>
          )}
        </table>
      </div>
    </section>
  )
}

function LineRow({ line, currency, showTariff }: { line: StatementLine; currency: string; showTariff: boolean }) {
  return (
    <tr data-testid="statement-line" data-kind={line.kind}>
      <td>
        {line.description}
        {isEstimatedLine(line) && <span className="chip chip-warning chip-inline">Estimated</span>}
        {showTariff && line.tariffCode && <span className="statement-line-tariff muted mono">{line.tariffCode}</span>}
      </td>
      <td className="nowrap">{formatPeriod(line.from, line.to)}</td>
      <td className="numeric mono">{formatQuantity(line.quantity, line.unit)}</td>
      <td className="numeric mono">{formatRate(line.ratePence, line.unit)}</td>
      <td className="numeric">{formatMinor(line.amountMinor, currency)}</td>
    </tr>
  )
}

function Settlement({ settlement, currency }: { settlement: NonNullable<Detail['settlement']>; currency: string }) {
  const titleId = useId()
  return (
    <section className="statement-section" aria-labelledby={titleId} data-testid="statement-settlement">
      <h3 className="meter-point-subtitle" id={titleId}>
        Final balance settlement
      </h3>
      <p>
        {settlement.kind === 'refund'
          ? `A refund of ${formatMinor(settlement.amountMinor, currency)} to the customer.`
          : settlement.kind === 'payment_request'
            ? `A payment request for ${formatMinor(settlement.amountMinor, currency)}.`
            : 'Nothing to settle: the final balance is zero.'}
      </p>
    </section>
  )
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'The statement could not be loaded. Please try again.'
}
