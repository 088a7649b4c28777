/**
 * Payment arrangements (PAY-6): each arrangement with its schedule, where every instalment stands
 * and the agreement letter; and the wizard that sets one up for what is past due. The wizard
 * previews the schedule in the browser exactly as the server will plan it (`arrangement-schedule.ts`),
 * so the agent can read the dates and amounts to the customer before saving.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../console-context.js'
import { addDays } from '../shared/calendar.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { PoundsField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatCalendarDate } from '../shared/format.js'
import { formatMinor, sumMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'
import { defaultDownPayment, maxInstalments, planSchedule } from './arrangement-schedule.js'
import { minorToInput, parsePounds } from './money-input.js'
import { InstalmentStateChip } from './payment-format.js'
import {
  type Arrangement,
  accountKeys,
  announceAccountChanged,
  arrangementLetterUrl,
  createArrangement,
  type Frequency,
  arrangements as fetchArrangements,
} from './payments-api.js'

const frequencyLabels: Record<Frequency, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', monthly: 'Monthly' }
const frequencies: Frequency[] = ['weekly', 'fortnightly', 'monthly']

export function ArrangementsPanel({ accountNumber, canCreate }: { accountNumber: string; canCreate: boolean }) {
  const api = useApi()
  const [wizard, setWizard] = useState(false)
  const [createdId, setCreatedId] = useState<string | null>(null)
  const query = useQuery({
    queryKey: ['account', accountNumber, 'arrangements'],
    queryFn: () => fetchArrangements(api, { accountNumber }),
  })

  const state = loadedOf(query, 'The arrangements could not be loaded.', (arrangements) => ({ arrangements }))
  if (state.status !== 'loaded') {
    return <PanelPending state={state} loading={<SkeletonCard label="Loading payment arrangements…" />} />
  }

  const { arrangements } = state
  const pastDueMinor: string | null = arrangements.pastDueMinor
  const active = arrangements.items.find((item) => item.status === 'active')
  const owing = pastDueMinor !== null && /^\d+$/.test(pastDueMinor) && pastDueMinor !== '0'

  return (
    <Panel
      title="Payment arrangements"
      testId="arrangements"
      aside={
        canCreate &&
        !active &&
        owing && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setWizard(true)}
            data-testid="arrangement-start"
          >
            Set up an arrangement
          </button>
        )
      }
    >
      {pastDueMinor !== null && (
        <p className={owing ? 'balance-past-due' : 'muted'}>
          {owing ? `${formatMinor(pastDueMinor)} past due` : 'Nothing is past due, so no arrangement is needed.'}
          {active ? ' · an arrangement is in place' : ''}
        </p>
      )}
      {arrangements.items.length === 0 ? (
        <p className="empty">No payment arrangements.</p>
      ) : (
        arrangements.items.map((arrangement) => (
          <ArrangementView
            key={arrangement.id}
            accountNumber={accountNumber}
            arrangement={arrangement}
            highlighted={arrangement.id === createdId}
          />
        ))
      )}
      {wizard && pastDueMinor !== null && (
        <ArrangementWizard
          accountNumber={accountNumber}
          pastDueMinor={pastDueMinor}
          today={arrangements.today}
          downPaymentPercent={arrangements.downPaymentPercent}
          onClose={() => setWizard(false)}
          onCreated={(arrangement) => {
            setCreatedId(arrangement.id)
            announceAccountChanged(accountNumber)
          }}
        />
      )}
    </Panel>
  )
}

const statusTones: Record<Arrangement['status'], string> = {
  active: 'info',
  completed: 'positive',
  broken: 'danger',
  cancelled: 'neutral',
}

function ArrangementView({
  accountNumber,
  arrangement,
  highlighted,
}: {
  accountNumber: string
  arrangement: Arrangement
  highlighted: boolean
}) {
  return (
    <article
      className={`arrangement${highlighted ? ' arrangement-new' : ''}`}
      data-testid="arrangement"
      data-status={arrangement.status}
    >
      <header className="arrangement-header">
        <div>
          <span className={`chip chip-${statusTones[arrangement.status] ?? 'neutral'}`}>
            {capitalise(arrangement.status)}
          </span>{' '}
          {formatMinor(arrangement.pastDueMinor)} over {arrangement.schedule.length}{' '}
          {arrangement.schedule.length === 1 ? 'payment' : 'payments'},{' '}
          {frequencyLabels[arrangement.frequency].toLowerCase()} from {formatCalendarDate(arrangement.startsOn)}
          <span className="muted"> · {formatMinor(arrangement.paidMinor)} paid so far</span>
        </div>
        <a
          href={arrangementLetterUrl({ accountNumber, arrangementId: arrangement.id })}
          target="_blank"
          rel="noreferrer"
          className="button button-small"
          data-testid="arrangement-letter"
        >
          Agreement letter (PDF)
        </a>
      </header>
      {arrangement.endReason && <p className="muted">Ended: {arrangement.endReason}</p>}
      <ScheduleTable
        rows={scheduleRows(arrangement.schedule)}
        caption="The arrangement’s payments and where each stands"
      />
    </article>
  )
}

type ScheduleRow = {
  key: string
  label: string
  dueOn: string
  amountMinor: string
  paidMinor?: string
  state?: Arrangement['schedule'][number]['state']
}

/** A plan's payments as rows: the down payment (sequence 0), then the numbered instalments. */
function scheduleRows(
  schedule: readonly (Pick<ScheduleRow, 'dueOn' | 'amountMinor' | 'paidMinor' | 'state'> & { seq: number })[],
): ScheduleRow[] {
  return schedule.map(({ seq, ...row }) => ({
    ...row,
    key: String(seq),
    label: seq === 0 ? 'Down payment' : `Instalment ${seq}`,
  }))
}

function ScheduleTable({ rows, caption, testId }: { rows: ScheduleRow[]; caption: string; testId?: string }) {
  const withState = rows.some((row) => row.state !== undefined)
  return (
    <DataTable
      caption={caption}
      className="schedule-table"
      testId={testId}
      columns={[
        'Payment',
        'Due',
        { label: 'Amount', numeric: true },
        withState && { label: 'Paid', numeric: true },
        withState && 'State',
      ]}
      footer={
        <tr>
          <th scope="row">Total</th>
          <td />
          <td className="numeric">{formatMinor(sumMinor(rows.map((row) => row.amountMinor)))}</td>
          {withState && (
            <>
              <td className="numeric">{formatMinor(sumMinor(rows.map((row) => row.paidMinor ?? '0')))}</td>
              <td />
            </>
          )}
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.key} data-testid="schedule-row">
          <th scope="row">{row.label}</th>
          <td className="nowrap">{formatCalendarDate(row.dueOn)}</td>
          <td className="numeric">{formatMinor(row.amountMinor)}</td>
          {withState && (
            <>
              <td className="numeric">{formatMinor(row.paidMinor ?? '0')}</td>
              <td>{row.state && <InstalmentStateChip state={row.state} />}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  )
}

function ArrangementWizard({
  accountNumber,
  pastDueMinor,
  today,
  downPaymentPercent,
  onClose,
  onCreated,
}: {
  accountNumber: string
  pastDueMinor: string
  today: string
  downPaymentPercent: number
  onClose: () => void
  onCreated: (arrangement: Arrangement) => void
}) {
  const api = useApi()
  const defaultDown = defaultDownPayment({ pastDueMinor, percent: downPaymentPercent })
  const form = useFormValues(() => ({ down: minorToInput(defaultDown), instalment: '', startsOn: today }))
  const { ids } = form
  const { down, instalment, startsOn } = form.values
  const [frequency, setFrequency] = useState<Frequency>('monthly')
  const create = useFormMutation({
    mutationFn: (input: Omit<Parameters<typeof createArrangement>[1], 'accountNumber'>) =>
      createArrangement(api, { accountNumber, ...input }),
    invalidates: accountKeys(accountNumber),
    onSuccess: ({ arrangement }) => onCreated(arrangement),
    failure: 'The arrangement could not be set up.',
  })

  const parsedDown = parsePounds(down, { allowZero: true })
  const parsedInstalment = parsePounds(instalment)
  const local: Record<string, string> = {}
  if (!parsedDown.ok) local['downPaymentMinor'] = parsedDown.problem
  else if (BigInt(parsedDown.minor) > BigInt(pastDueMinor)) {
    local['downPaymentMinor'] = `At most what is past due, ${formatMinor(pastDueMinor)}.`
  }
  if (instalment.trim() && !parsedInstalment.ok) local['instalmentMinor'] = parsedInstalment.problem
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) local['startsOn'] = 'Choose the start date.'
  else if (startsOn < today) local['startsOn'] = 'It cannot start in the past.'
  else if (startsOn > addDays(today, 31)) local['startsOn'] = 'It must start within 31 days.'

  const preview =
    parsedDown.ok && parsedInstalment.ok && !local['downPaymentMinor'] && !local['startsOn']
      ? planSchedule({
          pastDueMinor,
          downPaymentMinor: parsedDown.minor,
          instalmentMinor: parsedInstalment.minor,
          frequency,
          startsOn,
        })
      : null
  if (parsedDown.ok && parsedInstalment.ok && !local['downPaymentMinor'] && !preview) {
    local['instalmentMinor'] = `That makes more than ${maxInstalments} instalments: raise the instalment.`
  }

  function submit() {
    const found = { ...local }
    if (!instalment.trim()) found['instalmentMinor'] = 'Enter the instalment amount.'
    if (!create.check(found) || !parsedDown.ok || !parsedInstalment.ok) return
    create.send({ downPaymentMinor: parsedDown.minor, instalmentMinor: parsedInstalment.minor, frequency, startsOn })
  }

  const created = create.result?.arrangement
  if (created) {
    return (
      <DialogDone
        title="Arrangement set up"
        onClose={onClose}
        testId="arrangement-wizard"
        wide
        bodyTestId="arrangement-created"
        actions={
          <a
            href={arrangementLetterUrl({ accountNumber, arrangementId: created.id })}
            target="_blank"
            rel="noreferrer"
            className="button"
            data-testid="arrangement-created-letter"
          >
            Agreement letter (PDF)
          </a>
        }
      >
        <p className="callout callout-success">
          The arrangement is in place and its terms have been sent to the customer. Collections pause while it is kept
          to; an instalment missed by more than {created.graceDays} days ends it.
        </p>
        <ScheduleTable
          testId="arrangement-created-schedule"
          caption="The arrangement’s payments"
          rows={scheduleRows(created.schedule)}
        />
      </DialogDone>
    )
  }

  const shown = { ...local, ...create.problems }
  return (
    <DialogForm
      title="Set up a payment arrangement"
      onClose={onClose}
      testId="arrangement-wizard"
      wide
      label="Payment arrangement"
      onSubmit={submit}
      error={create.error}
      errorTestId="arrangement-error"
      live={false}
      sending={create.sending}
      submitLabel="Set up the arrangement"
      sendingLabel="Setting up…"
      submitTestId="arrangement-submit"
    >
      <p>
        Past due: <strong data-testid="arrangement-past-due">{formatMinor(pastDueMinor)}</strong>. A down payment
        (suggested: {downPaymentPercent}%), then instalments until it is paid; the last instalment is the remainder.
      </p>
      <div className="form-inline-grid">
        <PoundsField
          {...form.bind('down')}
          label="Down payment"
          error={shown['downPaymentMinor']}
          data-testid="arrangement-down"
        />
        <PoundsField
          {...form.bind('instalment')}
          label="Instalment"
          error={shown['instalmentMinor']}
          data-testid="arrangement-instalment"
        />
        <TextField
          {...form.bind('startsOn', shown)}
          label="Starts on"
          type="date"
          min={today}
          max={addDays(today, 31)}
          data-testid="arrangement-start-date"
        />
        <fieldset className="fieldset form-wide">
          <legend className="field-label">How often</legend>
          <div className="segmented">
            {frequencies.map((value) => (
              <button
                key={value}
                type="button"
                className="segmented-button"
                aria-pressed={frequency === value}
                onClick={() => setFrequency(value)}
                data-testid={`arrangement-frequency-${value}`}
              >
                {frequencyLabels[value]}
              </button>
            ))}
          </div>
        </fieldset>
      </div>

      <section aria-labelledby={`${ids}-preview`} aria-live="polite">
        <h3 className="section-title" id={`${ids}-preview`}>
          Schedule
        </h3>
        {preview ? (
          <>
            <p className="muted" data-testid="arrangement-summary">
              {preview.filter((row) => row.seq > 0).length} {frequencyLabels[frequency].toLowerCase()} instalments
              {preview[0]?.seq === 0 ? ` after a down payment of ${formatMinor(preview[0].amountMinor)}` : ''}, the last
              on {formatCalendarDate(preview.at(-1)?.dueOn ?? startsOn)}.
            </p>
            <ScheduleTable
              testId="arrangement-preview"
              caption="The payments the arrangement will ask for"
              rows={scheduleRows(preview)}
            />
          </>
        ) : (
          <p className="muted">Enter the instalment amount to see the dates and amounts.</p>
        )}
      </section>
    </DialogForm>
  )
}
