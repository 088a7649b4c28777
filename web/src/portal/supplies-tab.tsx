/**
 * Meters and tariff (issue 22 item 7): each supply with the tariff it is on today, its product and
 * rates inc VAT, and — for those allowed to (the holder, a full authorized user) — a form to give a
 * meter reading. The reading is checked by the same rules as a reading staff take; when it is
 * refused, why is said beside the field it is about.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { errorMessage, SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatLocalDateTime } from '../shared/format.js'
import { FormActions } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { Panel } from '../shared/panel.js'
import * as portalApi from './portal-api.js'

const fuelLabels = { electricity: 'Electricity', gas: 'Gas' } as const
const rateLabels = { standard: 'Unit rate', day: 'Day rate', night: 'Night rate' } as const

export function SuppliesTab({ accountNumber }: { accountNumber: string }) {
  const supplies = useQuery({
    queryKey: portalApi.portalKeys.supplies(accountNumber),
    queryFn: () => portalApi.supplies({ accountNumber }),
  })
  if (!supplies.data) {
    return (
      <Panel title="Your meters and tariff" testId="portal-supplies">
        {supplies.isError ? (
          <p className="callout callout-error" role="alert">
            {errorMessage(supplies.error, 'Your meters and tariff could not be loaded.')}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </Panel>
    )
  }
  if (supplies.data.items.length === 0) {
    return (
      <Panel title="Your meters and tariff" testId="portal-supplies">
        <p className="muted">There is no supply on this account today.</p>
      </Panel>
    )
  }
  return (
    <>
      {supplies.data.items.map((supply) => (
        <Panel
          key={supply.identifier}
          title={`${fuelLabels[supply.fuel]}${supply.direction === 'export' ? ' (export)' : ''}`}
          aside={<span className="muted mono">{supply.identifier}</span>}
          testId="portal-supply"
        >
          <TariffFacts supply={supply} />
          {supplies.data.canSubmitReadings && supply.meters.length > 0 && (
            <ReadingForm accountNumber={accountNumber} supply={supply} />
          )}
        </Panel>
      ))}
    </>
  )
}

function TariffFacts({ supply }: { supply: portalApi.PortalSupply }) {
  const { tariff } = supply
  if (!tariff) return <p className="muted">This supply is on no tariff today.</p>
  return (
    <dl className="facts" data-testid="portal-tariff">
      <div>
        <dt>Tariff</dt>
        <dd>{tariff.productName}</dd>
      </div>
      <div>
        <dt>Since</dt>
        <dd>{formatLocalDateTime(tariff.since)}</dd>
      </div>
      <div>
        <dt>Term</dt>
        <dd>{tariff.termEndsAt ? `Fixed until ${formatLocalDateTime(tariff.termEndsAt)}` : 'Variable, no end date'}</dd>
      </div>
      <div>
        <dt>Standing charge</dt>
        <dd>{tariff.standingCharge ? `${tariff.standingCharge}p a day` : 'None'}</dd>
      </div>
      {tariff.unitRates.map((rate) => (
        <div key={rate.name}>
          <dt>{rateLabels[rate.name]}</dt>
          <dd>{rate.incVat}p a kWh</dd>
        </div>
      ))}
      <div>
        <dt>Paying</dt>
        <dd>{tariff.paymentMethod === 'DIRECT_DEBIT' ? 'By Direct Debit' : 'Not by Direct Debit'}</dd>
      </div>
      <div>
        <dt>Meter</dt>
        <dd>
          {supply.meters.map((meter) => `${capitalise(meter.type)} meter ${meter.serial}`).join(', ') || 'None fitted'}
        </dd>
      </div>
    </dl>
  )
}

/** Which register of which meter: `serial|register`. */
const registerKey = (serial: string, register: string) => `${serial}|${register}`

function ReadingForm({ accountNumber, supply }: { accountNumber: string; supply: portalApi.PortalSupply }) {
  const queryClient = useQueryClient()
  const submit = useMutation({
    mutationFn: portalApi.submitReading,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['account', accountNumber, 'usage'] }),
  })
  const registers = supply.meters.flatMap((meter) =>
    meter.registers.map((register) => ({
      value: registerKey(meter.serial, register.identifier),
      label: `Meter ${meter.serial}, ${register.rate} register (${register.identifier})`,
    })),
  )
  const form = useFormValues(() => ({ register: registers[0]?.value ?? '', value: '' }))
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<NoticeMessage | null>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submit.isPending) return
    const value = form.values.value.trim()
    if (!/^\d+(\.\d)?$/.test(value)) {
      setProblems({ value: 'Enter the numbers the meter shows, reading left to right.' })
      setNotice(null)
      return
    }
    const [meterSerial = '', register = ''] = form.values.register.split('|')
    setProblems({})
    setNotice(null)
    try {
      const reading = await submit.mutateAsync({
        accountNumber,
        input: { meterPoint: supply.identifier, meterSerial, register, value },
      })
      form.set('value', '')
      setNotice({
        tone: 'success',
        text:
          reading.status === 'held'
            ? `Thank you. Your reading of ${reading.value} is much higher than we expected, so our team will check it before it is used: ${reading.reason ?? ''}`
            : `Thank you. Your reading of ${reading.value} is saved and will be used on your next bill.`,
      })
    } catch (error) {
      const found = error instanceof ApiError ? error.fieldProblems() : {}
      // Problems about the meter or register are said beside the register's field.
      const beside: Record<string, string> = {}
      if (found['value']) beside['value'] = found['value']
      const about = found['register'] ?? found['meterSerial'] ?? found['meterPoint']
      if (about) beside['register'] = about
      if (found['readAt']) beside['value'] = found['readAt']
      setProblems(beside)
      setNotice({ tone: 'error', text: errorMessage(error, 'Your reading could not be saved.') })
    }
  }

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={`Give a meter reading for ${supply.identifier}`}
    >
      <h3 className="portal-subtitle">Give a meter reading</h3>
      <Notice notice={notice} testId="portal-reading-message" />
      <div className="form-inline-grid">
        {registers.length > 1 && (
          <SelectField {...form.bind('register')} label="Register" options={registers} error={problems['register']} />
        )}
        <TextField
          {...form.bind('value')}
          label="Meter reading"
          inputMode="decimal"
          autoComplete="off"
          maxLength={12}
          hint={registers.length > 1 ? undefined : registers[0]?.label}
          error={problems['value'] ?? (registers.length > 1 ? undefined : problems['register'])}
          data-testid="portal-reading-value"
        />
      </div>
      <FormActions
        sending={submit.isPending}
        submitLabel="Send reading"
        sendingLabel="Sending…"
        submitTestId="portal-reading-submit"
      />
    </form>
  )
}
