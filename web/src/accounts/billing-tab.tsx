/**
 * The account's Billing tab (UI-1, BIL-2/4/5/8): the balance and what is past due, "Bill now" for
 * those allowed, the statements (every version, a page at a time) and the chosen statement in full,
 * a business account's invoices and credit notes, and a migrated account's historical bills. The
 * chosen statement is kept in the address (`?tab=billing&statement=S-…`) so a reload or a shared
 * link opens it again.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { type AccountBalance, ApiError, type BillPreview, type HistoricalBill, type Statement } from '../api.js'
import { HoldReasonList } from '../billing/hold-reasons.js'
import { isSpent } from '../billing/statement-format.js'
import { useApi, useSession } from '../console-context.js'
import { formatCalendarDate, formatPeriod } from '../shared/format.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { formatBalance, formatMinor, signOfMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
import { type Loaded, loadedOf, PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import { BusinessDocuments } from './business-documents.js'
import { StatementDetail } from './statement-detail.js'
import { StatementsList } from './statements-list.js'

const pageSize = 20

function statementFromAddress(): string | null {
  const number = new URLSearchParams(window.location.search).get('statement')
  return number && /^S-\d{8}$/i.test(number) ? number.toUpperCase() : null
}

/** Kept in the address without a navigation (no scroll, no history entry), as the tabs are. */
function keepInAddress(number: string | null): void {
  const url = new URL(window.location.href)
  if (number) url.searchParams.set('statement', number)
  else url.searchParams.delete('statement')
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
}

export function BillingTab({ accountNumber, business }: { accountNumber: string; business: boolean }) {
  const api = useApi()
  const { user } = useSession()
  const canBill = user.permissions.includes('billing.rebill.create')
  const queryClient = useQueryClient()
  const balanceQuery = useQuery({
    queryKey: ['account', accountNumber, 'balance'],
    queryFn: () => api.balance({ accountNumber }),
  })
  const statementsQuery = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'statements'],
    queryFn: ({ pageParam }) => api.statements({ accountNumber, limit: pageSize, cursor: pageParam }),
    ...byCursor,
  })
  const historyQuery = useQuery({
    queryKey: ['account', accountNumber, 'historical-bills'],
    queryFn: () => api.historicalBills({ accountNumber }),
  })
  const balance: Loaded<{ balance: AccountBalance }> = loadedOf(
    balanceQuery,
    'The balance could not be loaded.',
    (loaded) => ({
      balance: loaded,
    }),
  )
  const list = pagedList(statementsQuery, {
    failed: 'The statements could not be loaded.',
    more: 'More statements could not be loaded.',
  })
  const history: Loaded<{ items: HistoricalBill[] }> = loadedOf(
    historyQuery,
    'Historical bills could not be loaded.',
    (items) => ({ items }),
  )
  const [selected, setSelected] = useState<string | null>(statementFromAddress)
  // Focus moves to the statement only when someone chose it, not when the page opens on it.
  const [chosenNow, setChosenNow] = useState(false)
  // Billing, rebilling or a new document changes the balance and the statements.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['account', accountNumber] })

  function choose(number: string | null) {
    setSelected(number)
    setChosenNow(number !== null)
    keepInAddress(number)
  }

  function close() {
    const previous = selected
    choose(null)
    // Back to where the agent was: the statement's number in the list.
    if (previous) requestAnimationFrame(() => document.getElementById(statementButtonId(previous))?.focus())
  }

  const items = list.status === 'loaded' ? list.items : []
  // Only the latest statement that still counts can be rebilled; the list is newest period first.
  const latest = items.find((statement) => !isSpent(statement.status))?.number ?? null
  const numberById = new Map(items.map((statement) => [statement.id, statement.number]))
  const replacedBy = new Map(
    items.flatMap((statement) =>
      statement.replacesStatementId ? [[statement.replacesStatementId, statement.number] as const] : [],
    ),
  )
  const selectedStatement = items.find((statement) => statement.number === selected)

  return (
    <div className="billing-tab" data-testid="billing-tab">
      <BalanceCard
        accountNumber={accountNumber}
        balance={balance}
        canBill={canBill}
        onBilled={(number) => {
          refresh()
          choose(number)
        }}
      />

      <PanelPending state={list} loading={<SkeletonCard label="Loading statements…" />} />
      {list.status === 'loaded' && (
        <StatementsList
          statements={list.items}
          selected={selected}
          onSelect={choose}
          buttonId={statementButtonId}
          list={list}
        />
      )}

      {selected && (
        <StatementDetail
          key={selected}
          accountNumber={accountNumber}
          number={selected}
          latest={list.status === 'loaded' && latest === selected}
          numberOf={(id) => numberById.get(id)}
          replacedBy={selectedStatement ? replacedBy.get(selectedStatement.id) : undefined}
          focusOnLoad={chosenNow}
          onRebilled={(number) => {
            refresh()
            choose(number)
          }}
          onClose={close}
        />
      )}

      {business && <BusinessDocuments accountNumber={accountNumber} onChange={refresh} />}

      {history.status === 'failed' && (
        <p className="callout callout-error" role="alert">
          {history.message}
        </p>
      )}
      {history.status === 'loaded' && history.items.length > 0 && <HistoricalBills bills={history.items} />}
    </div>
  )
}

function statementButtonId(number: string): string {
  return `statement-${number}`
}

function BalanceCard({
  accountNumber,
  balance,
  canBill,
  onBilled,
}: {
  accountNumber: string
  balance: Loaded<{ balance: AccountBalance }>
  canBill: boolean
  onBilled: (number: string) => void
}) {
  return (
    <Panel title="Balance" className="billing-balance" testId="balance-summary">
      <div className="billing-balance-body">
        <PanelPending
          state={balance}
          loading={
            <div className="billing-balance-figures" aria-busy="true">
              <span className="visually-hidden">Loading the balance…</span>
              <div className="skeleton skeleton-title" />
            </div>
          }
        />
        {balance.status === 'loaded' && <BalanceFigures balance={balance.balance} />}
        {canBill && <BillNowForm accountNumber={accountNumber} onBilled={onBilled} />}
      </div>
    </Panel>
  )
}

function BalanceFigures({ balance }: { balance: AccountBalance }) {
  const { currency, buckets } = balance
  const sign = signOfMinor(balance.balanceMinor)
  const pastDue = signOfMinor(balance.pastDueMinor) === 1
  return (
    <div className="billing-balance-figures">
      <p
        className={`balance-figure${sign === 1 ? ' balance-owed' : sign === -1 ? ' balance-credit' : ''}`}
        data-testid="balance-figure"
      >
        {formatBalance(balance.balanceMinor, currency)}
      </p>
      <p className={pastDue ? 'balance-past-due' : 'muted'} data-testid="balance-past-due">
        {pastDue ? `${formatMinor(balance.pastDueMinor, currency)} past due` : 'Nothing past due'}
      </p>
      {pastDue && (
        <table className="data-table balance-ageing">
          <caption className="visually-hidden">What is owed, by how long it has been due</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Not yet due
              </th>
              <th scope="col" className="numeric">
                1–30 days
              </th>
              <th scope="col" className="numeric">
                31–60 days
              </th>
              <th scope="col" className="numeric">
                61–90 days
              </th>
              <th scope="col" className="numeric">
                Over 90 days
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="numeric">{formatMinor(buckets.current, currency)}</td>
              <td className="numeric">{formatMinor(buckets.days1to30, currency)}</td>
              <td className="numeric">{formatMinor(buckets.days31to60, currency)}</td>
              <td className="numeric">{formatMinor(buckets.days61to90, currency)}</td>
              <td className="numeric">{formatMinor(buckets.over90, currency)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  )
}

type BillNowResult = { tone: 'success' | 'info' | 'warning'; text: string }

/**
 * Bill the account now (billing specialists): up to the start of today, or of a chosen date. The
 * bill is previewed first (its lines, total, what is estimated and why it would be held) and made
 * only when the specialist confirms it.
 */
function BillNowForm({ accountNumber, onBilled }: { accountNumber: string; onBilled: (number: string) => void }) {
  const api = useApi()
  const ids = useId()
  const [on, setOn] = useState('')
  const [preview, setPreview] = useState<BillPreview | null>(null)
  const [result, setResult] = useState<BillNowResult | null>(null)
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null)
  const previewing = useMutation({
    mutationFn: (upTo: string) => api.billPreview({ accountNumber, ...(upTo ? { on: upTo } : {}) }),
  })
  // `onBilled` (the tab) invalidates the account: the balance and statements are fetched again.
  const billing = useMutation({
    mutationFn: (upTo: string) => api.billNow({ accountNumber, ...(upTo ? { on: upTo } : {}) }),
  })
  const sending = billing.isPending || previewing.isPending

  function failed(failure: unknown, fallback: string) {
    if (failure instanceof ApiError) {
      setError({ message: failure.message, field: failure.fieldProblems()['on'] ?? null })
    } else {
      setError({ message: fallback, field: null })
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    setResult(null)
    setError(null)
    setPreview(null)
    try {
      setPreview(await previewing.mutateAsync(on))
    } catch (failure) {
      failed(failure, 'The bill could not be previewed. Please try again.')
    }
  }

  async function confirm() {
    if (sending) return
    setError(null)
    try {
      const { statement, created } = await billing.mutateAsync(on)
      setPreview(null)
      setResult(describeBilled(statement, created))
      onBilled(statement.number)
    } catch (failure) {
      failed(failure, 'The account could not be billed. Please try again.')
    }
  }

  return (
    <form className="bill-now" onSubmit={(event) => void submit(event)} aria-label="Bill now" noValidate>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-on`}>
          Bill up to the start of
        </label>
        <input
          id={`${ids}-on`}
          className="input"
          type="date"
          value={on}
          onChange={(event) => {
            setOn(event.target.value)
            setPreview(null)
          }}
          aria-invalid={error?.field ? true : undefined}
          aria-describedby={`${ids}-on-hint${error?.field ? ` ${ids}-on-error` : ''}`}
          data-testid="bill-now-on"
        />
        <span className="field-hint" id={`${ids}-on-hint`}>
          Leave empty for today.
        </span>
        {error?.field && (
          <span className="field-error" id={`${ids}-on-error`}>
            {error.field}
          </span>
        )}
      </div>
      <div className="bill-now-actions">
        <button type="submit" className="button button-primary" disabled={sending} data-testid="bill-now">
          {previewing.isPending ? 'Working it out…' : 'Bill now…'}
        </button>
      </div>
      {preview && (
        <BillNowPreview
          preview={preview}
          sending={billing.isPending}
          onConfirm={() => void confirm()}
          onCancel={() => setPreview(null)}
        />
      )}
      <div className="bill-now-result" aria-live="polite">
        {result && (
          <p className={`callout callout-${result.tone}`} data-testid="bill-now-result">
            {result.text}
          </p>
        )}
        {error && !error.field && (
          <p className="callout callout-error" role="alert" data-testid="bill-now-error">
            {error.message}
          </p>
        )}
      </div>
    </form>
  )
}

/** What the bill would be, to confirm or cancel: nothing is made until the specialist confirms. */
function BillNowPreview({
  preview,
  sending,
  onConfirm,
  onCancel,
}: {
  preview: BillPreview
  sending: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { statement, holdReasons } = preview
  const total = formatMinor(statement.totalMinor, statement.currency)
  return (
    <section className="bill-now-preview" aria-label="Bill preview" data-testid="bill-now-preview">
      <h4>
        {formatPeriod(statement.periodFrom, statement.periodTo)}: {total}
      </h4>
      <p className="muted">
        {statement.status === 'held'
          ? 'This bill would be held for review, for these reasons:'
          : `This bill would be ${statement.status === 'uninvoiced' ? 'kept for the next invoice' : 'issued'} as it is.`}
      </p>
      <HoldReasonList reasons={holdReasons} />
      {statement.explanation.estimated && (
        <p className="callout callout-warning" data-testid="bill-now-estimated">
          Some of this energy is estimated: there is no actual reading for all of it.
        </p>
      )}
      <DataTable caption="The bill's lines" columns={['Line', { label: 'Amount', numeric: true }]}>
        {statement.lines.map((line) => (
          <tr key={line.position} data-testid="bill-now-preview-line">
            <td>{line.description}</td>
            <td className="numeric">{formatMinor(line.amountMinor, statement.currency)}</td>
          </tr>
        ))}
      </DataTable>
      <div className="bill-now-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={onConfirm}
          disabled={sending}
          data-testid="bill-now-confirm"
        >
          {sending ? 'Billing…' : `Confirm and bill ${total}`}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
      </div>
    </section>
  )
}

function describeBilled(statement: Statement, created: boolean): BillNowResult {
  if (!created) return { tone: 'info', text: `Already billed: ${statement.number} covers that period.` }
  if (statement.status === 'held') {
    const reasons = statement.holdReasons.map((reason) => reason.message).join('; ')
    return { tone: 'warning', text: `${statement.number} made and held for review${reasons ? `: ${reasons}` : ''}.` }
  }
  return {
    tone: 'success',
    text: `${statement.number} made and ${statement.status}: ${formatMinor(statement.totalMinor, statement.currency)}.`,
  }
}

function HistoricalBills({ bills }: { bills: HistoricalBill[] }) {
  return (
    <Panel
      title="Historical bills"
      aside={<span className="muted">From the old billing system, before this account was migrated</span>}
      flush
      testId="historical-bills"
    >
      <DataTable
        caption="Bills from the old billing system"
        columns={['Issued', 'Reference', 'Period', 'Readings billed to', { label: 'Total', numeric: true }]}
      >
        {bills.map((bill) => (
          <tr key={bill.id} data-testid="historical-bill">
            <td className="nowrap">{formatCalendarDate(bill.issuedOn)}</td>
            <td>
              <span className="mono">{bill.reference}</span> <span className="muted">· {bill.source}</span>
            </td>
            <td className="nowrap">
              {formatCalendarDate(bill.periodFrom)} – {formatCalendarDate(bill.periodTo)}
            </td>
            <td>
              {bill.readings.length === 0 ? (
                <span className="muted">None recorded</span>
              ) : (
                <ul className="plain-list">
                  {bill.readings.map((reading) => (
                    <li key={`${reading.register}:${reading.readOn}`}>
                      <span className="mono">{reading.register}</span> <span className="mono">{reading.value}</span> on{' '}
                      {formatCalendarDate(reading.readOn)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="numeric">{formatMinor(bill.totalMinor)}</td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  )
}

/** A query as the tab's loading, failed or loaded state. */

function _messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback
}
