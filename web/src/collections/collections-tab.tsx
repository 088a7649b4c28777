/**
 * The account's Collections tab (COL-1..4, ACC-7): what is past due by age, the dunning steps taken,
 * disconnection orders, affordability and debt-advice notes, PSR needs and vulnerabilities. Actions
 * show only for the roles allowed them (the server checks again): apply a late fee and raise a
 * disconnection order (collections specialists; a refusal shows the server's reason), record an
 * affordability or debt-advice note (those who set up arrangements), add a PSR need or vulnerability
 * (those who update contact details).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { minorToInput, parsePounds } from '../payments/money-input.js'
import { messageOf } from '../payments/payment-format.js'
import { announceAccountChanged, invalidateAccount } from '../payments/payments-api.js'
import { currencySymbol } from '../shared/brand.js'
import { PoundsField, SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatCalendarDate, formatLocalDateTime } from '../shared/format.js'
import { formatBalance, formatMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, InlineForm, submitted } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import {
  type AccountCollections,
  accountCollections,
  addVulnerability,
  applyLateFee,
  type CollectionsNote,
  cancelDisconnectionOrder,
  psrCategories,
  raiseDisconnectionOrder,
  recordCollectionsNote,
  removeVulnerability,
  type Signpost,
  vulnerabilityCategories,
} from './collections-api.js'
import { actionLabel, categoryLabel, registerLabel } from './collections-format.js'

export function CollectionsTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: ['account', accountNumber, 'collections'],
    queryFn: () => accountCollections(api, { accountNumber }),
  })

  const state = loadedOf(query, 'The collections record could not be loaded.', (data) => ({ data }))
  if (state.status !== 'loaded') {
    return <PanelPending state={state} loading={<SkeletonCard label="Loading collections…" />} />
  }

  const { data } = state
  // A fee, an order, a note or a protection changes the account: refetch all of it.
  const changed = () => {
    announceAccountChanged(accountNumber)
    void invalidateAccount(queryClient, accountNumber)
  }
  const pending = data.disconnectionOrders.find((order) => order.status === 'pending')
  const canLateFee = can('collections.late_fee.apply')
  const canDisconnect = can('collections.disconnection.create')
  const canNote = can('payments.arrangement.create')
  const canProtect = can('accounts.vulnerability.record')

  return (
    <div className="collections-tab" data-testid="collections-tab">
      <div className="payments-columns">
        <Position data={data} />
        <Protections accountNumber={accountNumber} data={data} canChange={canProtect} onChanged={changed} />
      </div>

      {(canLateFee || canDisconnect || canNote) && (
        <Panel title="Collections actions" testId="collections-actions">
          {(canLateFee || canDisconnect) && (
            <div className="collections-actions-grid">
              {canLateFee && <LateFeeForm accountNumber={accountNumber} onDone={changed} />}
              {canDisconnect && (
                <DisconnectionForm accountNumber={accountNumber} pending={pending !== undefined} onDone={changed} />
              )}
            </div>
          )}
          {canNote && <CollectionsNoteForm accountNumber={accountNumber} signposts={data.signposts} onDone={changed} />}
        </Panel>
      )}

      <StepsTaken data={data} />
      <Notes notes={data.notes} signposts={data.signposts} />
    </div>
  )
}

function Position({ data }: { data: AccountCollections }) {
  const { position } = data
  const pastDue = position.pastDueMinor !== '0'
  const active = data.arrangements.find((arrangement) => arrangement.status === 'active')
  return (
    <Panel title="Position" testId="collections-position">
      <p className="balance-figure">{formatBalance(position.balanceMinor)}</p>
      <p className={pastDue ? 'balance-past-due' : 'muted'} data-testid="collections-past-due">
        {pastDue
          ? `${formatMinor(position.pastDueMinor)} past due${position.oldestPastDueOn ? ` since ${formatCalendarDate(position.oldestPastDueOn)}` : ''}`
          : 'Nothing past due'}
      </p>
      <dl className="facts">
        <div>
          <dt>1–30 days</dt>
          <dd>{formatMinor(position.buckets.days1to30)}</dd>
        </div>
        <div>
          <dt>31–60 days</dt>
          <dd>{formatMinor(position.buckets.days31to60)}</dd>
        </div>
        <div>
          <dt>61–90 days</dt>
          <dd>{formatMinor(position.buckets.days61to90)}</dd>
        </div>
        <div>
          <dt>Over 90 days</dt>
          <dd>{formatMinor(position.buckets.over90)}</dd>
        </div>
        <div>
          <dt>Not yet due</dt>
          <dd>
            {formatMinor(position.buckets.current)}
            {position.nextDueOn ? (
              <span className="muted"> · next due {formatCalendarDate(position.nextDueOn)}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Arrangement</dt>
          <dd>
            {active
              ? `In place since ${formatCalendarDate(active.startsOn)}: ${formatMinor(active.paidMinor)} of ${formatMinor(active.pastDueMinor)} paid`
              : 'None in place'}
          </dd>
        </div>
      </dl>
      {data.disconnectionOrders.length > 0 && (
        <div>
          <h3 className="section-title">Disconnection orders</h3>
          <ul className="plain-list" data-testid="disconnection-orders">
            {data.disconnectionOrders.map((order) => (
              <li key={order.id} data-status={order.status}>
                <span className={`chip chip-${order.status === 'pending' ? 'danger' : 'neutral'}`}>
                  {capitalise(order.status)}
                </span>{' '}
                {order.reason} <span className="muted">· raised {formatLocalDateTime(order.requestedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  )
}

function StepsTaken({ data }: { data: AccountCollections }) {
  return (
    <Panel title="Steps taken" aside={<span className="muted">Newest first</span>} flush testId="collections-steps">
      {data.actions.length === 0 ? (
        <p className="empty">No collections steps have been taken on this account.</p>
      ) : (
        <DataTable
          caption="Collections steps taken, newest first"
          columns={['When', 'Step', 'For charges due', { label: 'Amount', numeric: true }, 'Detail']}
        >
          {data.actions.map((action) => (
            <tr key={action.id} data-testid="collections-step">
              <td className="nowrap">{formatLocalDateTime(action.takenAt)}</td>
              <td>{actionLabel(action.action)}</td>
              <td className="nowrap">{formatCalendarDate(action.episodeDueOn)}</td>
              <td className="numeric">{action.amountMinor ? formatMinor(action.amountMinor) : '—'}</td>
              <td>{action.detail ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  )
}

function noteDetails(note: CollectionsNote): CollectionsNote['details'] {
  // Stored as JSON; tolerate it arriving as text.
  if (typeof note.details === 'string') {
    try {
      return JSON.parse(note.details) as CollectionsNote['details']
    } catch {
      return null
    }
  }
  return note.details
}

function Notes({ notes, signposts }: { notes: CollectionsNote[]; signposts: Signpost[] }) {
  const names = new Map(signposts.map((signpost) => [signpost.code, signpost.name]))
  return (
    <Panel title="Affordability and debt advice" testId="collections-notes">
      {notes.length === 0 ? (
        <p className="empty">No affordability checks or debt advice recorded.</p>
      ) : (
        <ul className="notes-list">
          {notes.map((note) => {
            const details = noteDetails(note)
            return (
              <li key={note.id} className="note" data-testid="collections-note" data-kind={note.kind}>
                <div className="note-meta">
                  <span className="chip chip-neutral">
                    {note.kind === 'affordability' ? 'Affordability' : 'Debt advice'}
                  </span>
                  <span className="muted">{formatLocalDateTime(note.createdAt)}</span>
                </div>
                <p className="note-body">{note.body}</p>
                {note.kind === 'affordability' && details && (
                  <p className="muted">
                    Income {formatMinor(details.monthlyIncomeMinor)} a month, outgoings{' '}
                    {formatMinor(details.monthlyOutgoingsMinor)}, can pay {formatMinor(details.canPayMonthlyMinor)} a
                    month.
                  </p>
                )}
                {note.kind === 'debt_advice' && details?.signposts && (
                  <p className="muted">
                    Pointed to {details.signposts.map((code) => names.get(code) ?? code).join(', ')}.
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </Panel>
  )
}

function Protections({
  accountNumber,
  data,
  canChange,
  onChanged,
}: {
  accountNumber: string
  data: AccountCollections
  canChange: boolean
  onChanged: () => void
}) {
  const api = useApi()
  const [adding, setAdding] = useState(false)
  const remove = useFormMutation({
    mutationFn: (id: string) => removeVulnerability(api, { accountNumber, id }),
    onSuccess: onChanged,
    failure: 'The record could not be removed.',
  })

  return (
    <Panel
      title="Priority services and vulnerability"
      aside={
        canChange &&
        !adding && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setAdding(true)}
            data-testid="vulnerability-add"
          >
            Add a need
          </button>
        )
      }
      testId="protections"
    >
      {data.vulnerabilities.length === 0 ? (
        <p className="empty">No PSR needs or vulnerabilities recorded.</p>
      ) : (
        <>
          <p className="callout callout-warning">
            Protected household: never escalated to debt collection or disconnected for debt.
          </p>
          <ul className="row-list">
            {data.vulnerabilities.map((vulnerability) => (
              <li key={vulnerability.id} className="kept-method" data-testid="vulnerability">
                <div>
                  <span className="kept-method-label">
                    {categoryLabel(vulnerability.category)}{' '}
                    <span className="chip chip-warning">{registerLabel(vulnerability.register)}</span>
                  </span>
                  <span className="muted">
                    {vulnerability.consentOn
                      ? `Consent ${formatCalendarDate(vulnerability.consentOn)}`
                      : 'No consent date'}
                    {vulnerability.reviewOn ? ` · review ${formatCalendarDate(vulnerability.reviewOn)}` : ''}
                    {vulnerability.note ? ` · ${vulnerability.note}` : ''}
                  </span>
                </div>
                {canChange && (
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => remove.send(vulnerability.id)}
                  >
                    Remove<span className="visually-hidden"> {categoryLabel(vulnerability.category)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error}
        </p>
      )}
      {canChange && adding && (
        <VulnerabilityForm
          accountNumber={accountNumber}
          today={data.today}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false)
            onChanged()
          }}
        />
      )}
    </Panel>
  )
}

function VulnerabilityForm({
  accountNumber,
  today,
  onCancel,
  onAdded,
}: {
  accountNumber: string
  today: string
  onCancel: () => void
  onAdded: () => void
}) {
  const api = useApi()
  const form = useFormValues({
    register: 'psr' as 'psr' | 'vulnerable',
    category: psrCategories[0] as string,
    consentOn: today,
    reviewOn: '',
    note: '',
  })
  const { register, category, consentOn, reviewOn, note } = form.values
  const [consentGiven, setConsentGiven] = useState(false)
  const categories: readonly string[] = register === 'psr' ? psrCategories : vulnerabilityCategories
  const add = useFormMutation({
    mutationFn: () =>
      addVulnerability(api, {
        accountNumber,
        vulnerability: {
          register,
          category,
          consentGiven,
          ...(consentGiven && consentOn ? { consentOn } : {}),
          ...(reviewOn ? { reviewOn } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    onSuccess: onAdded,
    failure: 'The need could not be recorded.',
  })
  const { problems } = add

  function submit() {
    const found: Record<string, string> = {}
    if (register === 'psr' && !consentGiven) {
      found['consentGiven'] = 'The PSR is shared with other utilities: the customer must agree first.'
    }
    if (add.check(found)) add.send()
  }

  return (
    <InlineForm
      label="Add a need"
      onSubmit={submit}
      error={add.error}
      onCancel={onCancel}
      sending={add.sending}
      submitLabel="Record the need"
      sendingLabel="Saving…"
      submitTestId="vulnerability-save"
    >
      <SelectField
        id={`${form.ids}-register`}
        label="Register"
        value={register}
        onValueChange={(value) => {
          const next = value as 'psr' | 'vulnerable'
          form.set('register', next)
          form.set('category', (next === 'psr' ? psrCategories : vulnerabilityCategories)[0])
        }}
        options={registerOptions}
        data-testid="vulnerability-register"
      />
      <SelectField
        {...form.bind('category', problems)}
        label="Need"
        options={categories.map((value) => ({ value, label: categoryLabel(value) }))}
        data-testid="vulnerability-category"
      />
      <TextField {...form.bind('reviewOn', problems)} label="Review on" optional type="date" />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={consentGiven}
          onChange={(event) => setConsentGiven(event.target.checked)}
          data-testid="vulnerability-consent"
        />
        The customer agrees to it being recorded{register === 'psr' ? ' and shared with other utilities' : ''}
      </label>
      {consentGiven && <TextField {...form.bind('consentOn')} label="Consent given on" type="date" />}
      {(problems['consentGiven'] ?? problems['consentOn']) && (
        <span className="field-error form-wide">{problems['consentGiven'] ?? problems['consentOn']}</span>
      )}
      <TextField {...form.bind('note')} label="Note" optional wide maxLength={500} />
    </InlineForm>
  )
}

const registerOptions = [
  { value: 'psr', label: 'Priority Services Register' },
  { value: 'vulnerable', label: 'Vulnerability (not PSR)' },
]

function fieldProblemsOf(caught: unknown): Record<string, string> {
  return caught instanceof ApiError ? caught.fieldProblems() : {}
}

type Outcome = { tone: 'success' | 'error'; text: string }

/**
 * The state each collections action keeps: whether it is being sent (a react-query mutation), and the
 * outcome to announce. `run` sends it and shows what the work says it did, or what went wrong.
 */
function useCollectionsAction() {
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const mutation = useMutation({ mutationFn: (work: () => Promise<string>) => work() })

  function run(work: () => Promise<string>, failure: (caught: unknown) => string) {
    if (mutation.isPending) return
    setOutcome(null)
    mutation.mutate(work, {
      onSuccess: (text) => setOutcome({ tone: 'success', text }),
      onError: (caught) => setOutcome({ tone: 'error', text: failure(caught) }),
    })
  }

  const refuse = (text: string) => setOutcome({ tone: 'error', text })
  return { sending: mutation.isPending, outcome, run, refuse, clear: () => setOutcome(null) }
}

/** Where an action's outcome is announced; an error is an alert. */
function ActionOutcome({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  return (
    <div aria-live="polite">
      {outcome && (
        <p
          className={`callout callout-${outcome.tone}`}
          role={outcome.tone === 'error' ? 'alert' : undefined}
          data-testid={testId}
        >
          {outcome.text}
        </p>
      )}
    </div>
  )
}

function LateFeeForm({ accountNumber, onDone }: { accountNumber: string; onDone: () => void }) {
  const api = useApi()
  const form = useFormValues({ amount: '' })
  const { amount } = form.values
  const action = useCollectionsAction()

  function submit() {
    const parsed = amount.trim() ? parsePounds(amount) : null
    if (parsed && !parsed.ok) return action.refuse(parsed.problem)
    action.run(
      async () => {
        const fee = await applyLateFee(api, { accountNumber, ...(parsed?.ok ? { amountMinor: parsed.minor } : {}) })
        form.set('amount', '')
        onDone()
        return `Late fee of ${formatMinor(fee.amountMinor)} applied for the charges due ${formatCalendarDate(fee.episode)}.`
      },
      (caught) => messageOf(caught, 'The late fee could not be applied.'),
    )
  }

  return (
    <form className="collections-action" onSubmit={submitted(submit)} noValidate aria-label="Apply a late fee">
      <h3 className="section-title">Late fee</h3>
      <p className="muted">Once per debt, at most the supplier’s setting. Leave the amount empty for the setting.</p>
      <PoundsField {...form.bind('amount')} label="Amount" optional data-testid="late-fee-amount" />
      <FormActions
        tone="plain"
        small
        sending={action.sending}
        submitLabel="Apply late fee"
        sendingLabel="Applying…"
        submitTestId="late-fee-apply"
      />
      <ActionOutcome outcome={action.outcome} testId="late-fee-result" />
    </form>
  )
}

function DisconnectionForm({
  accountNumber,
  pending,
  onDone,
}: {
  accountNumber: string
  pending: boolean
  onDone: () => void
}) {
  const api = useApi()
  const form = useFormValues({ reason: '' })
  const { reason } = form.values
  const action = useCollectionsAction()

  function submit() {
    if (!reason.trim()) return action.refuse('Say why the supply is to be disconnected.')
    action.run(
      async () => {
        await raiseDisconnectionOrder(api, { accountNumber, reason: reason.trim() })
        form.set('reason', '')
        onDone()
        return 'Disconnection order raised. It stays pending until it is carried out or cancelled.'
      },
      // A refusal (protected household, arrangement, notice steps not complete) is the server's to explain.
      (caught) =>
        caught instanceof ApiError && caught.code === 'DISCONNECTION_REFUSED'
          ? `Refused: ${caught.message}`
          : messageOf(caught, 'The order could not be raised.'),
    )
  }

  const cancel = () =>
    action.run(
      async () => {
        await cancelDisconnectionOrder(api, { accountNumber })
        onDone()
        return 'The pending disconnection order is cancelled.'
      },
      (caught) => messageOf(caught, 'The order could not be cancelled.'),
    )

  return (
    <form
      className="collections-action"
      onSubmit={submitted(submit)}
      noValidate
      aria-label="Raise a disconnection order"
    >
      <h3 className="section-title">Disconnection order</h3>
      {pending ? (
        <>
          <p className="muted">A disconnection order is pending on this account.</p>
          <div className="form-actions">
            <button type="button" className="button button-small" onClick={cancel} disabled={action.sending}>
              Cancel the pending order
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            Only after the disconnection notice went out at least a week ago; never for a protected household or under
            an arrangement.
          </p>
          <TextField {...form.bind('reason')} label="Reason" maxLength={500} data-testid="disconnection-reason" />
          <FormActions
            tone="danger"
            small
            sending={action.sending}
            submitLabel="Raise disconnection order"
            sendingLabel="Raising…"
            submitTestId="disconnection-raise"
          />
        </>
      )}
      <ActionOutcome outcome={action.outcome} testId="disconnection-result" />
    </form>
  )
}

function CollectionsNoteForm({
  accountNumber,
  signposts,
  onDone,
}: {
  accountNumber: string
  signposts: Signpost[]
  onDone: () => void
}) {
  const api = useApi()
  const blank = { body: '', income: '', outgoings: '', canPay: '' }
  const form = useFormValues(blank)
  const { body, income, outgoings, canPay } = form.values
  const ids = form.ids
  const [kind, setKind] = useState<'affordability' | 'debt_advice'>('affordability')
  const [chosen, setChosen] = useState<string[]>([])
  const [problems, setProblems] = useState<Record<string, string>>({})
  const action = useCollectionsAction()

  // What is left each month, shown as the agent types: a guide for the instalment, exactly in pence.
  const parsedIncome = parsePounds(income, { allowZero: true })
  const parsedOutgoings = parsePounds(outgoings, { allowZero: true })
  const leftMinor =
    parsedIncome.ok && parsedOutgoings.ok
      ? (BigInt(parsedIncome.minor) - BigInt(parsedOutgoings.minor)).toString()
      : null

  function submit() {
    if (action.sending) return
    const found: Record<string, string> = {}
    if (!body.trim()) found['body'] = 'Write what was discussed.'
    let note: Parameters<typeof recordCollectionsNote>[1]['note'] | null = null
    if (kind === 'affordability') {
      const pay = parsePounds(canPay, { allowZero: true })
      if (!parsedIncome.ok) found['affordability.monthlyIncomeMinor'] = parsedIncome.problem
      if (!parsedOutgoings.ok) found['affordability.monthlyOutgoingsMinor'] = parsedOutgoings.problem
      if (!pay.ok) found['affordability.canPayMonthlyMinor'] = pay.problem
      if (parsedIncome.ok && parsedOutgoings.ok && pay.ok) {
        note = {
          kind,
          body: body.trim(),
          affordability: {
            monthlyIncomeMinor: parsedIncome.minor,
            monthlyOutgoingsMinor: parsedOutgoings.minor,
            canPayMonthlyMinor: pay.minor,
          },
        }
      }
    } else {
      if (chosen.length === 0) found['signposts'] = 'Choose at least one organisation the customer was pointed to.'
      note = { kind, body: body.trim(), signposts: chosen }
    }
    setProblems(found)
    action.clear()
    if (Object.keys(found).length > 0 || !note) return
    const recorded = note
    action.run(
      async () => {
        await recordCollectionsNote(api, { accountNumber, note: recorded })
        form.setValues(blank)
        setChosen([])
        onDone()
        return kind === 'affordability' ? 'Affordability check recorded.' : 'Debt advice recorded.'
      },
      (caught) => {
        setProblems(fieldProblemsOf(caught))
        return messageOf(caught, 'The note could not be recorded.')
      },
    )
  }

  const fieldError = (key: string) => (problems[key] ? <span className="field-error">{problems[key]}</span> : null)

  return (
    <form className="collections-note-form" onSubmit={submitted(submit)} noValidate aria-label="Record a note">
      <h3 className="section-title">Affordability or debt advice</h3>
      <div className="segmented">
        <button
          type="button"
          className="segmented-button"
          aria-pressed={kind === 'affordability'}
          onClick={() => setKind('affordability')}
          data-testid="collections-note-affordability"
        >
          Affordability check
        </button>
        <button
          type="button"
          className="segmented-button"
          aria-pressed={kind === 'debt_advice'}
          onClick={() => setKind('debt_advice')}
          data-testid="collections-note-debt-advice"
        >
          Debt advice
        </button>
      </div>
      {kind === 'affordability' ? (
        <div className="form-inline-grid">
          <PoundsField
            {...form.bind('income')}
            label="Monthly income"
            error={problems['affordability.monthlyIncomeMinor']}
            data-testid="affordability-income"
          />
          <PoundsField
            {...form.bind('outgoings')}
            label="Monthly outgoings"
            error={problems['affordability.monthlyOutgoingsMinor']}
            data-testid="affordability-outgoings"
          />
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-canPay`}>
              Can pay each month ({currencySymbol()})
            </label>
            <input
              id={`${ids}-canPay`}
              className="input input-money"
              inputMode="decimal"
              value={canPay}
              onChange={(event) => form.set('canPay', event.target.value)}
              data-testid="affordability-can-pay"
            />
            {fieldError('affordability.canPayMonthlyMinor')}
            {leftMinor !== null && income.trim() && outgoings.trim() && (
              <span className="field-hint">
                {leftMinor.startsWith('-')
                  ? `Outgoings exceed income by ${formatMinor(leftMinor.slice(1))}.`
                  : `${formatMinor(leftMinor)} left each month.`}
                {!leftMinor.startsWith('-') && leftMinor !== '0' && !canPay.trim() ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => form.set('canPay', minorToInput(leftMinor))}
                    >
                      Use it
                    </button>
                  </>
                ) : null}
              </span>
            )}
          </div>
        </div>
      ) : (
        <fieldset className="fieldset">
          <legend className="field-label">Pointed to</legend>
          <div className="signpost-grid">
            {signposts.map((signpost) => (
              <label key={signpost.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(signpost.code)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked
                        ? [...current, signpost.code]
                        : current.filter((code) => code !== signpost.code),
                    )
                  }
                  data-testid={`signpost-${signpost.code}`}
                />
                <span>
                  {signpost.name} <span className="muted">· {signpost.description}</span>
                </span>
              </label>
            ))}
          </div>
          {fieldError('signposts')}
        </fieldset>
      )}
      <TextAreaField
        {...form.bind('body', problems)}
        label="What was discussed"
        rows={2}
        maxLength={2000}
        data-testid="collections-note-body"
      />
      <FormActions
        small
        sending={action.sending}
        submitLabel="Record"
        sendingLabel="Recording…"
        submitTestId="collections-note-save"
      />
      <ActionOutcome outcome={action.outcome} testId="collections-note-result" />
    </form>
  )
}
