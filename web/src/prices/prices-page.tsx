/**
 * Prices (issue 22), for pricing analysts: the product catalogue; a price change uploaded as CSV,
 * checked and shown as a diff against the prices in force (old → new) before it is submitted; and
 * the price changes, where a second analyst approves (publishes) or rejects another's change. The
 * server enforces four-eyes; the page only hides the buttons on your own changes. A rise needs the
 * market's notice (gb: 30 days): the page shows the earliest date a rise may take, and asks for a
 * reason to override it when the date is earlier; approving sends the customers their notices.
 */
import { useQuery } from '@tanstack/react-query'
import { type ChangeEvent, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { NoteDecisionDialog } from '../shared/dialog-decision.js'
import { TextAreaField, TextField } from '../shared/form-field.js'
import { formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, FormError, submitted } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import {
  approvePriceChange,
  approvePricesPermission,
  type DayAheadResult,
  type DryRun,
  dayAheadPermission,
  dryRunCapLevels,
  dryRunPriceChange,
  listCatalogue,
  listPriceChanges,
  loadDayAhead,
  type NoticeRule,
  noticeRule,
  type PriceChange,
  type PriceDiff,
  pricesPermission,
  rejectPriceChange,
  submitCapLevels,
  submitPriceChange,
} from './prices-api.js'

export function PricesPage() {
  return (
    <PermissionGate
      permission={pricesPermission}
      title="Prices"
      refusal="Products and price changes are managed by pricing analysts."
    >
      <Prices />
    </PermissionGate>
  )
}

function Prices() {
  const { user } = useSession()
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  return (
    <div className="page" data-testid="prices-page">
      <PageHeader
        title="Prices"
        lede="The products, and price changes: upload a CSV, check the diff against the prices in force, submit it; a second pricing analyst approves it, which publishes the new prices at once."
      />
      <Notice notice={notice} testId="prices-outcome" />
      <ProductsPanel />
      <NoticeRuleCallout />
      <UploadPanel onSubmitted={(text) => setNotice({ tone: 'success', text })} />
      <ChangesPanel onDecided={(text) => setNotice({ tone: 'success', text })} />
      {user.permissions.includes(dayAheadPermission) && <DayAheadPanel />}
    </div>
  )
}

/** The market's notice rule, read once per page: the earliest effective date a rise decided today may take. */
function useNoticeRule() {
  const api = useApi()
  return useQuery({ queryKey: ['price-notice-rule'], queryFn: () => noticeRule(api) })
}

/** "A price rise needs 30 days' notice: …" in words, or null when the market sets no notice. */
function noticeRuleText(rule: NoticeRule | undefined): string | null {
  if (!rule?.earliestDate || rule.noticeDays === null) return null
  return `Customers get at least ${rule.noticeDays} days' notice of a price rise: a change that raises any price, submitted or approved today, takes effect on ${formatCalendarDate(rule.earliestDate)} at the earliest. Falling prices need no notice.`
}

function NoticeRuleCallout() {
  const text = noticeRuleText(useNoticeRule().data)
  if (!text) return null
  return (
    <p className="callout" data-testid="price-notice-rule">
      {text}
    </p>
  )
}

function ProductsPanel() {
  const api = useApi()
  const products = useQuery({ queryKey: ['catalogue'], queryFn: () => listCatalogue(api) })
  return (
    <Panel title="Products" flush testId="prices-products" busy={products.isPending}>
      {products.error ? (
        <p className="callout callout-error" role="alert">
          The products could not be loaded.
        </p>
      ) : products.data?.length === 0 ? (
        <p className="empty">No products yet.</p>
      ) : (
        <DataTable
          caption="Products by code"
          columns={['Code', 'Name', 'Structure', 'Contract', { label: 'Tariffs', numeric: true }, 'Available from']}
        >
          {(products.data ?? []).map((product) => (
            <tr key={product.code} data-testid="prices-product">
              <td className="mono">{product.code}</td>
              <td>{product.displayName}</td>
              <td>
                {product.structure.replace('_', ' ')}
                {product.direction === 'EXPORT' ? ' (export)' : ''}
              </td>
              <td>{product.isVariable ? 'variable' : `fixed, ${product.term} months`}</td>
              <td className="numeric">{product.tariffCount}</td>
              <td className="nowrap">{formatLocalDateTime(product.availableFrom)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  )
}

/** The server's problems with a file (csv.<line>.<column>), listed one per line. */
function FileProblems({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || !Array.isArray(error.details) || error.details.length === 0) return null
  const details = error.details as { path: string; message: string }[]
  return (
    <ul className="callout callout-error" data-testid="price-change-problems" aria-label="Problems with the file">
      {details.map((detail) => (
        <li key={`${detail.path}|${detail.message}`}>{detail.message}</li>
      ))}
    </ul>
  )
}

function UploadPanel({ onSubmitted }: { onSubmitted: (text: string) => void }) {
  const api = useApi()
  const fileId = useId()
  const [effectiveDate, setEffectiveDate] = useState('')
  const [note, setNote] = useState('')
  const [csv, setCsv] = useState('')
  const [fileName, setFileName] = useState('')
  const [capLevels, setCapLevels] = useState(false)
  const [followers, setFollowers] = useState<string[]>([])
  const [overrideReason, setOverrideReason] = useState('')
  const [overrideProblem, setOverrideProblem] = useState<string | null>(null)
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: () => listCatalogue(api) })
  const canFollow = (catalogue.data ?? []).filter(
    (product) =>
      product.isVariable && product.direction === 'IMPORT' && ['single', 'day_night'].includes(product.structure),
  )
  const upload = () => ({ effectiveDate, csv, ...(note.trim() ? { note: note.trim() } : {}) })
  const check = useFormMutation<DryRun, void>({
    mutationFn: () =>
      capLevels ? dryRunCapLevels(api, { ...upload(), products: followers }) : dryRunPriceChange(api, upload()),
    failure: 'The file could not be checked.',
  })
  const withOverride = () => ({
    ...upload(),
    ...(check.result?.notice.tooShort && overrideReason.trim()
      ? { overrideNotice: { reason: overrideReason.trim() } }
      : {}),
  })
  const submit = useFormMutation<PriceChange, void>({
    mutationFn: () =>
      capLevels
        ? submitCapLevels(api, { ...withOverride(), products: followers })
        : submitPriceChange(api, withOverride()),
    invalidates: [['price-changes']],
    onSuccess: (change) => {
      check.reset()
      setCsv('')
      setFileName('')
      setNote('')
      setOverrideReason('')
      onSubmitted(`${change.number} was submitted: a second pricing analyst approves it.`)
    },
    failure: 'The price change could not be submitted.',
  })

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    check.reset()
    submit.reset()
    setFileName(file?.name ?? '')
    setCsv(file ? await file.text() : '')
  }

  function runCheck() {
    submit.reset()
    const problems: Record<string, string> = {}
    if (!effectiveDate) problems.effectiveDate = 'Choose the date the prices change from.'
    if (!csv) problems.csv = 'Choose a CSV file.'
    if (capLevels && followers.length === 0) problems.products = 'Tick the products that follow the cap.'
    if (check.check(problems)) check.send()
  }

  function runSubmit() {
    if (check.result?.notice.tooShort && !overrideReason.trim()) {
      setOverrideProblem('Say why customers get less notice than the rule, or choose a later date.')
      return
    }
    setOverrideProblem(null)
    submit.send()
  }

  const result = check.result
  return (
    <Panel title="Upload a price change" testId="prices-upload">
      <form className="form" onSubmit={submitted(runCheck)} noValidate aria-label="Upload a price change">
        <fieldset className="fieldset">
          <legend className="field-label">The file holds</legend>
          {[
            { value: false, label: 'A price change (each row names its product)' },
            {
              value: true,
              label: "A price cap's levels (no product column), for the variable products that follow it",
            },
          ].map((option) => (
            <label key={String(option.value)} className="field">
              <input
                type="radio"
                name={`${fileId}-kind`}
                checked={capLevels === option.value}
                onChange={() => {
                  setCapLevels(option.value)
                  check.reset()
                  submit.reset()
                }}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
        {capLevels && (
          <fieldset
            className="fieldset"
            aria-describedby={check.problems.products ? `${fileId}-products-error` : undefined}
          >
            <legend className="field-label">Products that follow the cap</legend>
            {canFollow.length === 0 && <p className="muted">No variable single-rate or day/night products.</p>}
            {canFollow.map((product) => (
              <label key={product.code} className="field">
                <input
                  type="checkbox"
                  checked={followers.includes(product.code)}
                  onChange={(event) => {
                    check.reset()
                    setFollowers(
                      event.target.checked
                        ? [...followers, product.code]
                        : followers.filter((code) => code !== product.code),
                    )
                  }}
                  data-testid="price-cap-follower"
                />{' '}
                <span className="mono">{product.code}</span> {product.displayName}
              </label>
            ))}
            {check.problems.products && (
              <p className="field-error" id={`${fileId}-products-error`}>
                {check.problems.products}
              </p>
            )}
          </fieldset>
        )}
        <TextField
          id={`${fileId}-date`}
          label="Effective from (the start of this date)"
          type="date"
          value={effectiveDate}
          onValueChange={(value) => {
            setEffectiveDate(value)
            check.reset()
          }}
          error={check.problems.effectiveDate ?? check.problems['body.effectiveDate']}
          data-testid="price-change-date"
        />
        <CsvFileField
          id={`${fileId}-file`}
          label="Price file (CSV: product, region, fuel, payment_method, kind, value_exc_vat or value_inc_vat)"
          error={check.problems.csv}
          onChosen={chosen}
          testId="price-change-file"
        />
        <TextAreaField
          id={`${fileId}-note`}
          label="Note for the approver"
          optional
          value={note}
          onValueChange={setNote}
          rows={2}
        />
        <FormError error={check.error} testId="price-change-error" />
        <FileProblems error={check.caught} />
        <FormActions
          submitLabel="Check the file"
          sendingLabel="Checking…"
          sending={check.sending}
          tone="plain"
          submitTestId="price-change-check"
        />
      </form>
      {result && (
        <div data-testid="price-change-diff">
          <p role="status">
            {fileName ? `${fileName}: ` : ''}
            {result.prices.length} prices from {formatCalendarDate(effectiveDate)} — {result.summary.up} up,{' '}
            {result.summary.down} down, {result.summary.same} unchanged, {result.summary.new} new.
          </p>
          <DiffTable prices={result.prices} caption="The prices of the file against the prices in force" />
          {result.notice.risingTariffs.length > 0 && !result.notice.tooShort && (
            <p className="muted" data-testid="price-change-notice">
              Prices rise on {result.notice.risingTariffs.length} tariff(s): once approved, every customer on them is
              sent notice of the new prices.
            </p>
          )}
          {result.notice.tooShort && result.notice.earliestDate && (
            <div className="callout callout-warning" data-testid="price-change-notice-too-short">
              <p>
                This change raises prices from {formatCalendarDate(effectiveDate)}, but customers are owed{' '}
                {result.notice.noticeDays} days' notice: the earliest date is{' '}
                {formatCalendarDate(result.notice.earliestDate)}. Choose a later date, or give the reason for the
                shorter notice (recorded in the audit log; the approver must give one too).
              </p>
              <TextField
                id={`${fileId}-override`}
                label="Reason for the shorter notice"
                value={overrideReason}
                onValueChange={(value) => {
                  setOverrideReason(value)
                  setOverrideProblem(null)
                }}
                error={overrideProblem ?? undefined}
                data-testid="price-change-override-reason"
              />
            </div>
          )}
          <FormError error={submit.error} testId="price-change-submit-error" />
          <FileProblems error={submit.caught} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={submit.sending}
              onClick={runSubmit}
              data-testid="price-change-submit"
            >
              {submit.sending ? 'Submitting…' : 'Submit for approval'}
            </button>
          </div>
        </div>
      )}
    </Panel>
  )
}

function DayAheadPanel() {
  const api = useApi()
  const fileId = useId()
  const [csv, setCsv] = useState('')
  const check = useFormMutation<DayAheadResult, void>({
    mutationFn: () => loadDayAhead(api, csv, true),
    failure: 'The file could not be checked.',
  })
  const load = useFormMutation<DayAheadResult, void>({
    mutationFn: () => loadDayAhead(api, csv, false),
    invalidates: [['catalogue']],
    onSuccess: () => check.reset(),
    failure: 'The prices could not be loaded.',
  })

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    check.reset()
    load.reset()
    setCsv(file ? await file.text() : '')
  }

  function runCheck() {
    load.reset()
    if (check.check(csv ? {} : { csv: 'Choose a CSV file.' })) check.send()
  }

  const days = check.result?.days
  return (
    <Panel title="Agile day-ahead prices" testId="prices-day-ahead">
      <form className="form" onSubmit={submitted(runCheck)} noValidate aria-label="Load Agile day-ahead prices">
        <CsvFileField
          id={`${fileId}-file`}
          label="Day-ahead file (CSV: product, region, date, period, value_exc_vat or value_inc_vat; each region's day whole)"
          error={check.problems.csv}
          onChosen={chosen}
          testId="day-ahead-file"
        />
        <FormError error={check.error} />
        <FileProblems error={check.caught} />
        <FormActions submitLabel="Check the file" sendingLabel="Checking…" sending={check.sending} tone="plain" />
      </form>
      {load.done && load.result && (
        <p className="callout callout-success" role="status" data-testid="day-ahead-loaded">
          Loaded {load.result.loaded} half-hourly prices.
        </p>
      )}
      <FormError error={load.error} />
      <FileProblems error={load.caught} />
      {days && (
        <div data-testid="day-ahead-days">
          <DataTable
            caption="The days of the file by tariff"
            columns={[
              'Tariff',
              'Date',
              { label: 'Half hours', numeric: true },
              { label: 'Lowest (inc VAT)', numeric: true },
              { label: 'Highest (inc VAT)', numeric: true },
            ]}
          >
            {days.map((day) => (
              <tr key={`${day.tariffCode}|${day.date}`}>
                <td className="mono">{day.tariffCode}</td>
                <td className="nowrap">{formatCalendarDate(day.date)}</td>
                <td className="numeric">{day.periods}</td>
                <td className="numeric">{day.lowestIncVat}p</td>
                <td className="numeric">{day.highestIncVat}p</td>
              </tr>
            ))}
          </DataTable>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={load.sending}
              onClick={() => load.send()}
              data-testid="day-ahead-load"
            >
              {load.sending ? 'Loading…' : 'Load the prices'}
            </button>
          </div>
        </div>
      )}
    </Panel>
  )
}

function DiffTable({ prices, caption }: { prices: readonly PriceDiff[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Line', numeric: true },
        'Tariff',
        'Kind',
        'Payment',
        { label: 'Now (inc VAT)', numeric: true },
        { label: 'New (inc VAT)', numeric: true },
        { label: 'New (exc VAT)', numeric: true },
      ]}
    >
      {prices.map((price) => (
        <tr key={price.line} data-testid="price-diff-row" data-tariff={price.tariffCode}>
          <td className="numeric">{price.line}</td>
          <td className="mono">{price.tariffCode}</td>
          <td>{price.kind.replace('_', ' ')}</td>
          <td>{price.paymentMethod === null ? 'any' : price.paymentMethod.replace('_', ' ').toLowerCase()}</td>
          <td className="numeric">{price.oldIncVat === null ? 'new' : `${price.oldIncVat}p`}</td>
          <td className="numeric">{price.valueIncVat}p</td>
          <td className="numeric">{price.valueExcVat}p</td>
        </tr>
      ))}
    </DataTable>
  )
}

const statusLabels: Record<PriceChange['status'], string> = {
  draft: 'Draft',
  pending_approval: 'Waiting for approval',
  published: 'Published',
  rejected: 'Rejected',
}

type Deciding = { change: PriceChange; decision: 'approve' | 'reject' }

function ChangesPanel({ onDecided }: { onDecided: (text: string) => void }) {
  const api = useApi()
  const { user } = useSession()
  const canApprove = user.permissions.includes(approvePricesPermission)
  const changes = useQuery({ queryKey: ['price-changes'], queryFn: () => listPriceChanges(api) })
  const [deciding, setDeciding] = useState<Deciding | null>(null)
  const [overrideReason, setOverrideReason] = useState('')
  const rule = useNoticeRule().data
  const [open, setOpen] = useState<string | null>(null)
  const shown = changes.data?.find((change) => change.id === open) ?? null

  /** A change that raises some price with a date before the earliest the notice rule allows today. */
  const tooSoon = (change: PriceChange) =>
    change.summary.up > 0 && !!rule?.earliestDate && change.effectiveDate < rule.earliestDate

  async function decided(text: string) {
    setDeciding(null)
    setOverrideReason('')
    onDecided(text)
    await changes.refetch()
  }

  return (
    <Panel title="Price changes" flush testId="prices-changes" busy={changes.isPending}>
      {changes.error ? (
        <p className="callout callout-error" role="alert">
          The price changes could not be loaded.
        </p>
      ) : changes.data?.length === 0 ? (
        <p className="empty">No price changes yet.</p>
      ) : (
        <DataTable
          caption="Price changes, newest first"
          columns={[
            'Change',
            'Status',
            'Effective from',
            { label: 'Prices', numeric: true },
            'Uploaded by',
            { label: 'Actions', hidden: true },
          ]}
        >
          {(changes.data ?? []).map((change) => {
            const own = change.createdBy.id === user.id
            return (
              <tr key={change.id} data-testid="price-change" data-number={change.number} data-status={change.status}>
                <td className="mono">{change.number}</td>
                <td>{statusLabels[change.status]}</td>
                <td className="nowrap">{formatCalendarDate(change.effectiveDate)}</td>
                <td className="numeric">{change.prices.length}</td>
                <td>{change.createdBy.name ?? change.createdBy.id}</td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-expanded={open === change.id}
                      onClick={() => setOpen(open === change.id ? null : change.id)}
                    >
                      {open === change.id ? 'Hide prices' : 'Show prices'}
                      <span className="visually-hidden"> of {change.number}</span>
                    </button>
                    {change.status === 'pending_approval' && canApprove && !own && (
                      <>
                        <button
                          type="button"
                          className="button button-small button-primary"
                          onClick={() => setDeciding({ change, decision: 'approve' })}
                          data-testid="price-change-approve"
                        >
                          Approve<span className="visually-hidden"> {change.number}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setDeciding({ change, decision: 'reject' })}
                          data-testid="price-change-reject"
                        >
                          Reject<span className="visually-hidden"> {change.number}</span>
                        </button>
                      </>
                    )}
                    {change.status === 'pending_approval' && own && (
                      <span className="muted">Waiting for a second analyst</span>
                    )}
                  </div>
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}
      {shown && (
        <DiffTable prices={shown.prices} caption={`The prices of ${shown.number} against the prices before it`} />
      )}
      {deciding && (
        <NoteDecisionDialog
          title={
            deciding.decision === 'approve' ? `Approve ${deciding.change.number}` : `Reject ${deciding.change.number}`
          }
          testId={{
            dialog: 'price-decision-dialog',
            note: 'price-decision-note',
            problem: 'price-decision-problem',
            error: 'price-decision-error',
            confirm: 'price-decision-confirm',
          }}
          onClose={() => {
            setDeciding(null)
            setOverrideReason('')
          }}
          noteLabel={deciding.decision === 'approve' ? 'Note (optional)' : 'Reason for rejecting'}
          missingNote={deciding.decision === 'approve' ? undefined : 'Say why the change is rejected.'}
          decide={(note) =>
            deciding.decision === 'approve'
              ? approvePriceChange(
                  api,
                  deciding.change.id,
                  note,
                  tooSoon(deciding.change) ? overrideReason.trim() || undefined : undefined,
                )
              : rejectPriceChange(api, deciding.change.id, note ?? '')
          }
          outcome={
            deciding.decision === 'approve'
              ? `${deciding.change.number} is published: its prices apply from ${formatCalendarDate(deciding.change.effectiveDate)}${deciding.change.summary.up > 0 ? ', and the customers on the tariffs whose prices rise are sent notice' : ''}.`
              : `${deciding.change.number} was rejected; nothing was published.`
          }
          onDecided={decided}
          failure="The decision could not be saved."
          confirmLabel={deciding.decision === 'approve' ? 'Publish the prices' : 'Confirm rejection'}
          tone={deciding.decision === 'approve' ? 'primary' : 'danger'}
        >
          <p>
            {deciding.change.prices.length} prices of {deciding.change.createdBy.name ?? 'another analyst'}, from{' '}
            {formatCalendarDate(deciding.change.effectiveDate)}: {deciding.change.summary.up} up,{' '}
            {deciding.change.summary.down} down, {deciding.change.summary.same} unchanged, {deciding.change.summary.new}{' '}
            new.
          </p>
          {deciding.change.note && <p className="muted">Note: {deciding.change.note}</p>}
          {deciding.decision === 'approve' && tooSoon(deciding.change) && rule?.earliestDate && (
            <div className="callout callout-warning" data-testid="price-decision-notice-too-short">
              <p>
                It raises prices with less than {rule.noticeDays} days' notice: approved today, the earliest date is{' '}
                {formatCalendarDate(rule.earliestDate)}. Publishing it needs your reason for the shorter notice
                (recorded in the audit log).
              </p>
              <TextField
                id="price-decision-override"
                label="Reason for the shorter notice"
                value={overrideReason}
                onValueChange={setOverrideReason}
                data-testid="price-decision-override-reason"
              />
            </div>
          )}
        </NoteDecisionDialog>
      )}
    </Panel>
  )
}

/** A CSV file to choose, with the problem the server found in it (under `csv`) beside it. */
function CsvFileField({
  id,
  label,
  error,
  onChosen,
  testId,
}: {
  id: string
  label: string
  error: string | undefined
  onChosen: (event: ChangeEvent<HTMLInputElement>) => Promise<void>
  testId: string
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => void onChosen(event)}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
