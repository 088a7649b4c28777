/**
 * Submit a meter reading for the selected meter point (MET-3). The server checks it: a reading it
 * refuses comes back 422 with the reason beside the field; one it doubts is kept but held for
 * review, and the reason is shown as a warning. Times are entered in UK time.
 */
import { useId, useState } from 'react'
import type { MeterPointView, MeterReading, NewReading } from '../api.js'
import { useApi } from '../console-context.js'
import { capitalise, formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, submitted } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { ReadingStatus } from './readings-panel.js'
import { localInstant, localWallClock } from './usage-chart.js'

type Source = NewReading['source']

const fields = ['meterSerial', 'register', 'readAt', 'value', 'source'] as const

/** Now in the supplier's time zone as a `datetime-local` value (`2026-03-04T14:05`). */
function localNowInput(): string {
  const { date, time } = localWallClock(Date.now())
  return `${date}T${time}`
}

export function ReadingForm({
  accountNumber,
  point,
  onSaved,
}: {
  accountNumber: string
  point: MeterPointView
  onSaved?: (reading: MeterReading) => void
}) {
  const api = useApi()
  const id = useId()
  // Readings go on meters still fitted; a removed meter's final read is a field job.
  const meters = point.meters.filter((meter) => meter.removedOn === null)
  const [meterSerial, setMeterSerial] = useState(meters[0]?.serial ?? '')
  const meter = meters.find((candidate) => candidate.serial === meterSerial)
  const [register, setRegister] = useState(meters[0]?.registers[0]?.identifier ?? '')
  const [readAt, setReadAt] = useState(localNowInput)
  const [value, setValue] = useState('')
  const [source, setSource] = useState<Source>('customer')
  // Saving a reading changes the account's readings: the list is fetched again in date order.
  const submitting = useFormMutation({
    mutationFn: (reading: NewReading) => api.submitReading({ accountNumber, ...reading }),
    invalidates: [['account', accountNumber, 'readings']],
    onSuccess: (reading) => {
      setValue('')
      setReadAt(localNowInput())
      onSaved?.(reading)
    },
    failure: 'The reading could not be saved. Please try again.',
    inlineFields: fields,
  })
  const { problems, result: saved } = submitting

  function chooseMeter(serial: string) {
    setMeterSerial(serial)
    const chosen = meters.find((candidate) => candidate.serial === serial)
    setRegister(chosen?.registers[0]?.identifier ?? '')
  }

  function submit() {
    const local: Record<string, string> = {}
    if (!meterSerial) local['meterSerial'] = 'Choose the meter.'
    if (!register) local['register'] = 'Choose the register.'
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(readAt)) local['readAt'] = 'Enter the date and time of the reading.'
    if (!value.trim()) local['value'] = 'Enter the reading shown on the register.'
    if (!submitting.check(local)) return
    const instant = localInstant(readAt.slice(0, 10), readAt.slice(11, 16))
    submitting.send({
      meterPoint: point.identifier,
      meterSerial,
      register,
      readAt: new Date(instant).toISOString(),
      value: value.trim(),
      source,
    })
  }

  // The field's error when it has one, else its hint (if it has one), for `aria-describedby`.
  const describedBy = (field: string, hasHint = false) =>
    problems[field] ? `${id}-${field}-error` : hasHint ? `${id}-${field}-hint` : undefined

  return (
    <Panel
      title="Submit a reading"
      aside={
        <span className="muted">
          <span className="mono">{point.identifier}</span>
        </span>
      }
    >
      {meters.length === 0 ? (
        <p className="empty">No meter is fitted on this meter point, so there is nothing to read.</p>
      ) : (
        <form
          className="reading-form"
          onSubmit={submitted(submit)}
          aria-label="Submit a reading"
          data-testid="reading-form"
        >
          <div className="reading-form-grid">
            <label className="field" htmlFor={`${id}-meterSerial`}>
              <span className="field-label">Meter</span>
              <select
                id={`${id}-meterSerial`}
                className="input"
                value={meterSerial}
                onChange={(event) => chooseMeter(event.target.value)}
                aria-invalid={problems['meterSerial'] ? true : undefined}
                aria-describedby={describedBy('meterSerial')}
                data-testid="reading-meter"
              >
                {meters.map((candidate) => (
                  <option key={candidate.serial} value={candidate.serial}>
                    {candidate.serial} ({capitalise(candidate.type)})
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-meterSerial-error`} field="meterSerial" message={problems['meterSerial']} />
            </label>

            <label className="field" htmlFor={`${id}-register`}>
              <span className="field-label">Register</span>
              <select
                id={`${id}-register`}
                className="input"
                value={register}
                onChange={(event) => setRegister(event.target.value)}
                aria-invalid={problems['register'] ? true : undefined}
                aria-describedby={describedBy('register')}
                data-testid="reading-register"
              >
                {(meter?.registers ?? []).map((candidate) => (
                  <option key={candidate.identifier} value={candidate.identifier}>
                    {candidate.identifier} · {capitalise(candidate.rate)} ({candidate.digits} digits)
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-register-error`} field="register" message={problems['register']} />
            </label>

            <label className="field" htmlFor={`${id}-readAt`}>
              <span className="field-label">Read at (UK time)</span>
              <input
                id={`${id}-readAt`}
                className="input"
                type="datetime-local"
                value={readAt}
                onChange={(event) => setReadAt(event.target.value)}
                required
                aria-invalid={problems['readAt'] ? true : undefined}
                aria-describedby={describedBy('readAt')}
                data-testid="reading-read-at"
              />
              <FieldError id={`${id}-readAt-error`} field="readAt" message={problems['readAt']} />
            </label>

            <label className="field" htmlFor={`${id}-value`}>
              <span className="field-label">Reading</span>
              <input
                id={`${id}-value`}
                className="input mono"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                placeholder={meter ? '0'.repeat(meter.registers[0]?.digits ?? 5) : undefined}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                aria-invalid={problems['value'] ? true : undefined}
                aria-describedby={describedBy('value', true)}
                data-testid="reading-value"
              />
              {problems['value'] ? (
                <FieldError id={`${id}-value-error`} field="value" message={problems['value']} />
              ) : (
                <span className="field-hint" id={`${id}-value-hint`}>
                  The digits on the register, left to right.
                </span>
              )}
            </label>

            <label className="field" htmlFor={`${id}-source`}>
              <span className="field-label">Given by</span>
              <select
                id={`${id}-source`}
                className="input"
                value={source}
                onChange={(event) => setSource(event.target.value as Source)}
                aria-invalid={problems['source'] ? true : undefined}
                aria-describedby={describedBy('source')}
                data-testid="reading-source"
              >
                <option value="customer">Customer</option>
                <option value="agent">Agent</option>
              </select>
              <FieldError id={`${id}-source-error`} field="source" message={problems['source']} />
            </label>
          </div>

          <FormActions
            error={submitting.error}
            sending={submitting.sending}
            submitLabel="Submit reading"
            sendingLabel="Submitting…"
            submitTestId="reading-submit"
          />
        </form>
      )}

      <div role="status" aria-live="polite">
        {saved && (
          <div
            className={`callout reading-result ${saved.status === 'held' ? 'callout-warning' : 'callout-success'}`}
            data-testid="reading-result"
            data-status={saved.status}
          >
            <p>
              <strong>{saved.status === 'held' ? 'Reading saved and held for review' : 'Reading saved'}:</strong>{' '}
              <span className="mono">{saved.value}</span> on meter <span className="mono">{saved.meterSerial}</span>{' '}
              register <span className="mono">{saved.register}</span>, read {formatLocalDateTime(saved.readAt)}.
            </p>
            <p className="reading-result-status">
              <ReadingStatus status={saved.status} reason={saved.status === 'held' ? null : saved.reason} />
              {saved.status === 'held' && (
                <span className="reading-held-reason">{saved.reason ?? 'It will be checked before it is used.'}</span>
              )}
            </p>
          </div>
        )}
      </div>
    </Panel>
  )
}

function FieldError({ id, field, message }: { id: string; field: string; message: string | undefined }) {
  if (!message) return null
  return (
    <span className="field-error" id={id} data-testid={`reading-${field}-error`}>
      {message}
    </span>
  )
}
