/**
 * The account's bills (UI-1, BIL-2/5/9): the balance and what is past due, the statements (every
 * version; held ones with their reasons, replaced ones marked), and the chosen statement in full —
 * the account summary, the breakdown by supply with quantities, rates and amounts, VAT, the
 * backbilling write-off, why it differs from the previous statement, the PDF and a duplicate.
 * The chosen statement is kept in the address (`?tab=billing&statement=S-…`).
 */
import { useCallback, useEffect, useState } from 'react'
import { type AccountBalance, ApiError, type HistoricalBill, type Statement, type StatementDetail } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { capitalise, formatCalendarDate, formatLondonDateTime, formatPeriod } from '../shared/format.js'
import { formatBalance, formatMinor } from '../shared/money.js'
import { BusinessDocuments } from './business-documents.js'

const kindLabels: Record<Statement['kind'], string> = {
  periodic: 'Statement',
  final: 'Final statement',
  rebill: 'Rebilled statement',
  corrected_final: 'Corrected final statement',
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.'
}

function selectedFromAddress(): string | null {
  return new URLSearchParams(window.location.search).get('statement')
}

function keepInAddress(number: string | null) {
  const url = new URL(window.location.href)
  if (number) url.searchParams.set('statement', number)
  else url.searchParams.delete('statement')
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
}

export function BillingTab({ accountNumber, business }: { accountNumber: string; business: boolean }) {
  const api = useApi()
  const { user } = useSession()
  const canBill = user.permissions.includes('billing.rebill.create')
  const [balance, setBalance] = useState<AccountBalance | null>(null)
  const [statements, setStatements] = useState<Statement[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [actionMessage, setActionMessage] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(selectedFromAddress)
  const [refreshKey, setRefreshKey] = useState(0)
  const [history, setHistory] = useState<HistoricalBill[]>([])

  useEffect(() => {
    let current = true
    api
      .historicalBills({ accountNumber })
      .then((items) => current && setHistory(items))
      .catch(() => current && setHistory([]))
    return () => {
      current = false
    }
  }, [api, accountNumber])

  useEffect(() => {
    let current = true
    void refreshKey
    Promise.all([api.balance({ accountNumber }), api.statements({ accountNumber })])
      .then(([loadedBalance, page]) => {
        if (!current) return
        setBalance(loadedBalance)
        setStatements(page.items)
        setNextCursor(page.nextCursor)
      })
      .catch((failure: unknown) => {
        if (current) setError(messageOf(failure))
      })
    return () => {
      current = false
    }
  }, [api, accountNumber, refreshKey])

  const loadMore = useCallback(async () => {
    if (!nextCursor) return
    try {
      const page = await api.statements({ accountNumber, cursor: nextCursor })
      setStatements((previous) => [...(previous ?? []), ...page.items])
      setNextCursor(page.nextCursor)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }, [api, accountNumber, nextCursor])

  function choose(number: string | null) {
    setSelected(number)
    keepInAddress(number)
  }

  async function billNow() {
    setActionMessage(null)
    try {
      const { statement, created } = await api.billNow({ accountNumber })
      setActionMessage(
        created ? `${statement.number} made (${statement.status}).` : `${statement.number} was already made.`,
      )
      setRefreshKey((key) => key + 1)
      choose(statement.number)
    } catch (failure) {
      setActionMessage(messageOf(failure))
    }
  }

  if (error) return <p className="form-error">{error}</p>
  if (!statements || !balance) return <p className="empty">Loading bills…</p>

  return (
    <div className="billing">
      <section className="card" aria-labelledby="balance-title" data-testid="balance-summary">
        <h2 className="card-title" id="balance-title">
          Balance
        </h2>
        <p className="balance-figure">{formatBalance(balance.balanceMinor, balance.currency)}</p>
        <p>
          Past due: {formatMinor(balance.pastDueMinor, balance.currency)}
          {balance.pastDueMinor !== '0'
            ? ` (1–30 days ${formatMinor(balance.buckets.days1to30)}, 31–60 ${formatMinor(balance.buckets.days31to60)}, 61–90 ${formatMinor(balance.buckets.days61to90)}, over 90 ${formatMinor(balance.buckets.over90)})`
            : ''}
        </p>
        {canBill ? (
          <p>
            <button type="button" className="button button-primary" onClick={billNow} data-testid="bill-now">
              Bill now
            </button>{' '}
            {actionMessage ? <span role="status">{actionMessage}</span> : null}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="statements-title">
        <h2 className="card-title" id="statements-title">
          Statements
        </h2>
        {statements.length === 0 ? (
          <p className="empty">No statements yet.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Statement</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Charges
                </th>
                <th scope="col" className="number">
                  Balance after
                </th>
              </tr>
            </thead>
            <tbody>
              {statements.map((statement) => (
                <tr
                  key={statement.id}
                  data-testid="statement-row"
                  className={
                    statement.status === 'superseded' || statement.status === 'rejected' ? 'dimmed' : undefined
                  }
                  aria-selected={selected === statement.number}
                >
                  <td>
                    <button type="button" className="link-button" onClick={() => choose(statement.number)}>
                      {statement.number}
                    </button>
                    {statement.kind !== 'periodic' ? ` · ${kindLabels[statement.kind]}` : ''}
                    {statement.version > 1 ? ` · v${statement.version}` : ''}
                  </td>
                  <td>{formatPeriod(statement.periodFrom, statement.periodTo)}</td>
                  <td>
                    {capitalise(statement.status)}
                    {statement.holdReasons.length > 0 ? (
                      <span className="hold-reasons">
                        {' '}
                        — {statement.holdReasons.map((reason) => reason.message).join('; ')}
                      </span>
                    ) : null}
                  </td>
                  <td className="number">{formatMinor(statement.totalMinor, statement.currency)}</td>
                  <td className="number">{formatBalance(statement.closingBalanceMinor, statement.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextCursor ? (
          <button type="button" className="button button-ghost" onClick={loadMore}>
            Load more
          </button>
        ) : null}
      </section>

      {business ? (
        <BusinessDocuments accountNumber={accountNumber} onChange={() => setRefreshKey((key) => key + 1)} />
      ) : null}

      {selected ? (
        <StatementPanel
          accountNumber={accountNumber}
          number={selected}
          latest={statements[0]?.number === selected}
          canRebill={canBill}
          onRebilled={(number) => {
            setRefreshKey((key) => key + 1)
            choose(number)
          }}
        />
      ) : null}
    </div>
  )
}

function StatementPanel({
  accountNumber,
  number,
  latest,
  canRebill,
  onRebilled,
}: {
  accountNumber: string
  number: string
  latest: boolean
  canRebill: boolean
  onRebilled: (number: string) => void
}) {
  const api = useApi()
  const [state, setState] = useState<{ statement: StatementDetail } | { error: string } | null>(null)
  const [rebillMessage, setRebillMessage] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    setState(null)
    api
      .statement({ accountNumber, number })
      .then((statement) => current && setState({ statement }))
      .catch((failure: unknown) => current && setState({ error: messageOf(failure) }))
    return () => {
      current = false
    }
  }, [api, accountNumber, number])

  if (!state) return <p className="empty">Loading {number}…</p>
  if ('error' in state) return <p className="form-error">{state.error}</p>
  const { statement } = state
  const currency = statement.currency
  const supplies = [...new Set(statement.lines.map((line) => line.identifier ?? ''))]
  const comparison = statement.explanation.comparison

  async function rebill() {
    setRebillMessage(null)
    try {
      const replacement = await api.rebill({ number: statement.number })
      onRebilled(replacement.number)
    } catch (failure) {
      setRebillMessage(messageOf(failure))
    }
  }

  return (
    <section className="card statement-detail" aria-labelledby="statement-title" data-testid="statement-detail">
      <h2 className="card-title" id="statement-title">
        {kindLabels[statement.kind]} {statement.number}
        {statement.explanation.estimated ? <span className="badge">Estimated</span> : null}
      </h2>
      <p>
        {formatPeriod(statement.periodFrom, statement.periodTo)} · {capitalise(statement.status)}
        {statement.issuedAt ? ` · issued ${formatLondonDateTime(statement.issuedAt)}` : ''}
        {statement.dueOn ? ` · due ${formatCalendarDate(statement.dueOn)}` : ''}
      </p>
      <p className="statement-actions">
        <a
          href={api.statementPdfUrl({ accountNumber, number: statement.number, duplicate: false })}
          target="_blank"
          rel="noreferrer"
          data-testid="statement-pdf"
        >
          PDF
        </a>{' '}
        ·{' '}
        <a
          href={api.statementPdfUrl({ accountNumber, number: statement.number, duplicate: true })}
          target="_blank"
          rel="noreferrer"
          data-testid="statement-duplicate-pdf"
        >
          Duplicate PDF
        </a>
        {canRebill && latest && statement.status === 'issued' ? (
          <>
            {' '}
            ·{' '}
            <button type="button" className="link-button" onClick={rebill} data-testid="rebill">
              Rebill
            </button>
          </>
        ) : null}
        {rebillMessage ? <span role="status"> {rebillMessage}</span> : null}
      </p>
      {statement.holdReasons.length > 0 ? (
        <ul className="hold-reasons">
          {statement.holdReasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      ) : null}

      <dl className="facts">
        <div>
          <dt>Balance brought forward</dt>
          <dd>{formatBalance(statement.openingBalanceMinor, currency)}</dd>
        </div>
        <div>
          <dt>Payments</dt>
          <dd>{formatMinor(statement.paymentsMinor, currency)}</dd>
        </div>
        <div>
          <dt>Charges on this statement</dt>
          <dd>{formatMinor(statement.postedMinor, currency)}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd>{formatBalance(statement.closingBalanceMinor, currency)}</dd>
        </div>
      </dl>

      {supplies.map((identifier) => (
        <div key={identifier || 'adjustments'}>
          <h3 className="meter-point-subtitle">{identifier ? `Supply ${identifier}` : 'Adjustments'}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Charge</th>
                <th scope="col">Dates</th>
                <th scope="col" className="number">
                  Quantity
                </th>
                <th scope="col" className="number">
                  Rate
                </th>
                <th scope="col" className="number">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {statement.lines
                .filter((line) => (line.identifier ?? '') === identifier)
                .map((line) => (
                  <tr key={line.position} data-testid="statement-line">
                    <td>
                      {line.description}
                      {line.tariffCode ? <span className="muted"> · {line.tariffCode}</span> : null}
                    </td>
                    <td>{formatPeriod(line.from, line.to)}</td>
                    <td className="number">
                      {line.quantity} {line.unit === 'day' ? 'days' : line.unit === 'kWh' ? 'kWh' : ''}
                    </td>
                    <td className="number">{line.ratePence ? `${line.ratePence}p` : ''}</td>
                    <td className="number">{formatMinor(line.amountMinor, currency)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}

      <dl className="facts" data-testid="statement-total">
        <div>
          <dt>Before VAT</dt>
          <dd>{formatMinor(statement.netMinor, currency)}</dd>
        </div>
        <div>
          <dt>VAT</dt>
          <dd>{formatMinor(statement.vatMinor, currency)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatMinor(statement.totalMinor, currency)}</dd>
        </div>
        {statement.writeoffMinor !== '0' ? (
          <div>
            <dt>Backbilling write-off</dt>
            <dd>−{formatMinor(statement.writeoffMinor, currency)}</dd>
          </div>
        ) : null}
      </dl>

      <div data-testid="statement-explanation">
        <h3 className="meter-point-subtitle">Why this bill is what it is</h3>
        {comparison ? (
          <>
            <p>{comparison.summary}</p>
            <table className="data-table">
              <tbody>
                <tr>
                  <th scope="row">Energy used</th>
                  <td className="number">{formatMinor(comparison.usageEffectMinor, currency)}</td>
                </tr>
                <tr>
                  <th scope="row">Prices</th>
                  <td className="number">{formatMinor(comparison.priceEffectMinor, currency)}</td>
                </tr>
                <tr>
                  <th scope="row">Days and other changes</th>
                  <td className="number">{formatMinor(comparison.otherEffectMinor, currency)}</td>
                </tr>
              </tbody>
            </table>
          </>
        ) : (
          <p>This is the account's first statement: there is nothing to compare it with.</p>
        )}
        <ul>
          {statement.explanation.usage.map((usage) => (
            <li key={usage.meterPointId}>
              {usage.identifier}: {usage.kwh} kWh {usage.direction === 'export' ? 'exported' : 'used'} over{' '}
              {statement.explanation.days} days
            </li>
          ))}
        </ul>
        {statement.explanation.backbilling ? <p>Backbilling: {statement.explanation.backbilling.reason}.</p> : null}
        {statement.settlement && statement.settlement.kind !== 'none' ? (
          <p>
            Final balance:{' '}
            {statement.settlement.kind === 'refund'
              ? `refund of ${formatMinor(statement.settlement.amountMinor, currency)}`
              : `${formatMinor(statement.settlement.amountMinor, currency)} to pay`}
          </p>
        ) : null}
      </div>
    </section>
  )
}
