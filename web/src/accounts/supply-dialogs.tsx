/**
 * Supplies (MET-1, MET-2), for staff holding `metering.meter_point.register`: "Add a supply"
 * registers an MPAN or MPRN at the account's property with its meter and registers, supplied from a
 * date; "Exchange meter" records the removed meter's final readings and the new meter's opening
 * readings on one day; "End supply" ends the account's supply of a point. The server checks all of
 * it (the MPAN's check digit and region, the readings) and names the field of each problem.
 */
import { useState } from 'react'
import type { MeterPointView } from '../api.js'
import { useApi } from '../console-context.js'
import { dataOf } from '../shared/api-client.js'
import { DialogForm } from '../shared/dialog-form.js'
import { SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { type Problems, useFormMutation } from '../shared/mutation.js'
import { localWallClock } from './usage-chart.js'

/** The permission the dialogs need; the server refuses the calls without it anyway. */
export const supplyPermission = 'metering.meter_point.register'

const rates = ['standard', 'day', 'night', 'peak', 'off_peak', 'export'] as const
type Rate = (typeof rates)[number]
const rateOptions = rates.map((rate) => ({ value: rate, label: rate.replace('_', '-') }))
const typeOptions = [
  { value: 'smart', label: 'Smart' },
  { value: 'traditional', label: 'Traditional' },
  { value: 'prepayment', label: 'Prepayment' },
]
const gasUnitOptions = [
  { value: 'm3', label: 'Cubic metres (m³)' },
  { value: 'hcf', label: 'Hundreds of cubic feet (hcf, imperial)' },
]

type MeterType = 'smart' | 'traditional' | 'prepayment'
type RegisterRow = { identifier: string; rate: Rate; reading: string }

function today(): string {
  return localWallClock(Date.now()).date
}

/** What the meter point's data makes stale: its cards and its readings. */
function supplyKeys(accountNumber: string) {
  return [
    ['account', accountNumber, 'meter-points'],
    ['account', accountNumber, 'readings'],
  ]
}

/**
 * The registers of a meter being added, one row each: its id, its rate, and (for an installed meter)
 * its opening reading. `path` is where the server names the registers' problems (`meters.0.registers`).
 */
function RegisterRows({
  ids,
  rows,
  onChange,
  withReading,
  problems,
  path,
  readingPath,
}: {
  ids: string
  rows: RegisterRow[]
  onChange: (rows: RegisterRow[]) => void
  withReading: boolean
  problems: Problems
  path: string
  readingPath?: string
}) {
  const change = (index: number, patch: Partial<RegisterRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="fieldset">
      <legend className="field-label">Registers</legend>
      {rows.map((row, index) => (
        // Rows are only ever added at the end or removed: the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="form-inline-grid" key={index} data-testid={`register-row-${index}`}>
          <TextField
            id={`${ids}-register-${index}`}
            label={`Register ${index + 1} id`}
            value={row.identifier}
            onValueChange={(identifier) => change(index, { identifier: identifier.toUpperCase() })}
            error={problems[`${path}.${index}.identifier`]}
            hint="S, 01, DY…"
            maxLength={4}
            data-testid={`register-id-${index}`}
          />
          <SelectField
            id={`${ids}-rate-${index}`}
            label={`Register ${index + 1} rate`}
            value={row.rate}
            onValueChange={(rate) => change(index, { rate: rate as Rate })}
            options={rateOptions}
            error={problems[`${path}.${index}.rate`]}
            data-testid={`register-rate-${index}`}
          />
          {withReading ? (
            <TextField
              id={`${ids}-opening-${index}`}
              label={`Register ${index + 1} opening reading`}
              value={row.reading}
              onValueChange={(reading) => change(index, { reading })}
              error={readingPath ? problems[`${readingPath}.${index}.value`] : undefined}
              inputMode="decimal"
              data-testid={`register-reading-${index}`}
            />
          ) : (
            <div className="form-actions">
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  Remove register {index + 1}
                </button>
              )}
            </div>
          )}
        </div>
      ))}
      {problems[path] && <span className="field-error">{problems[path]}</span>}
      {rows.length < 6 && (
        <div>
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange([...rows, { identifier: '', rate: 'standard', reading: '' }])}
            data-testid="register-add"
          >
            Add a register
          </button>
        </div>
      )}
    </fieldset>
  )
}

/** Register a meter point at the account's property and start its supply. */
export function AddSupplyDialog({ accountNumber, onClose }: { accountNumber: string; onClose: () => void }) {
  const api = useApi()
  const form = useFormValues({
    fuel: 'electricity',
    identifier: '',
    suppliedFrom: today(),
    tariffCode: '',
    serial: '',
    type: 'smart',
    unit: 'm3',
  })
  const { fuel, identifier, suppliedFrom, tariffCode, serial, type, unit } = form.values
  const [registers, setRegisters] = useState<RegisterRow[]>([{ identifier: 'S', rate: 'standard', reading: '' }])
  const add = useFormMutation({
    mutationFn: () =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/meter-points', {
          params: { path: { accountNumber } },
          body: {
            fuel: fuel === 'gas' ? 'gas' : 'electricity',
            identifier: identifier.replace(/\s+/g, ''),
            suppliedFrom,
            ...(tariffCode.trim() ? { tariffCode: tariffCode.trim() } : {}),
            meters: [
              {
                serial: serial.trim(),
                type: type as MeterType,
                registers: registers.map((register) => ({
                  identifier: register.identifier.trim(),
                  rate: register.rate,
                  digits: 5,
                  ...(fuel === 'gas' ? { unit: unit === 'hcf' ? ('hcf' as const) : ('m3' as const) } : {}),
                })),
              },
            ],
          },
        }),
      ),
    invalidates: supplyKeys(accountNumber),
    onSuccess: onClose,
    failure: 'The supply could not be added.',
  })
  const { problems } = add

  function submit() {
    const found: Problems = {}
    if (!/^[0-9 ]{6,}$/.test(identifier.trim())) {
      found['identifier'] = fuel === 'gas' ? 'An MPRN is 6 to 10 digits.' : 'An MPAN core is 13 digits.'
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(suppliedFrom)) found['suppliedFrom'] = 'Choose the first day of supply.'
    if (!serial.trim()) found['meters.0.serial'] = "Enter the meter's serial number."
    registers.forEach((register, index) => {
      if (!register.identifier.trim()) found[`meters.0.registers.${index}.identifier`] = 'Enter the register id.'
    })
    if (add.check(found)) add.send()
  }

  return (
    <DialogForm
      title="Add a supply"
      onClose={onClose}
      testId="add-supply-dialog"
      onSubmit={submit}
      error={add.error}
      errorTestId="add-supply-error"
      sending={add.sending}
      submitLabel="Add the supply"
      sendingLabel="Adding…"
      submitTestId="add-supply-submit"
      wide
    >
      <p className="muted">
        The meter point is registered at this account's property. An MPAN's check digit is checked and its region must
        be the property's.
      </p>
      <SelectField
        {...form.bindChoice('fuel', problems)}
        label="Fuel"
        options={[
          { value: 'electricity', label: 'Electricity' },
          { value: 'gas', label: 'Gas' },
        ]}
        data-testid="add-supply-fuel"
      />
      <TextField
        {...form.bind('identifier', problems)}
        label={fuel === 'gas' ? 'MPRN' : 'MPAN core'}
        hint={fuel === 'gas' ? '6 to 10 digits' : '13 digits, or the full 21-digit MPAN'}
        inputMode="numeric"
        inputClassName="mono"
        data-testid="add-supply-identifier"
      />
      <TextField
        {...form.bind('suppliedFrom', problems)}
        label="Supply starts on"
        type="date"
        data-testid="add-supply-from"
      />
      <TextField
        {...form.bind('tariffCode', problems)}
        label="Tariff code"
        optional
        hint="The tariff the supply is on from its first day, e.g. E-1R-VAR-22-11-01-A."
        data-testid="add-supply-tariff"
      />
      <TextField
        {...form.bind('serial')}
        error={problems['meters.0.serial']}
        label="Meter serial number"
        maxLength={20}
        data-testid="add-supply-serial"
      />
      <SelectField
        {...form.bindChoice('type')}
        error={problems['meters.0.type']}
        label="Meter type"
        options={typeOptions}
        data-testid="add-supply-type"
      />
      {fuel === 'gas' ? (
        <SelectField
          {...form.bindChoice('unit')}
          error={problems['meters.0.registers.0.unit']}
          label="The meter reads"
          options={gasUnitOptions}
          data-testid="add-supply-unit"
        />
      ) : (
        <p className="muted">Electricity registers read kWh.</p>
      )}
      <RegisterRows
        ids={form.ids}
        rows={registers}
        onChange={setRegisters}
        withReading={false}
        problems={problems}
        path="meters.0.registers"
      />
    </DialogForm>
  )
}

/** Exchange the meter in use on a meter point: final readings of the old one, opening readings of the new. */
export function ExchangeMeterDialog({
  accountNumber,
  point,
  onClose,
}: {
  accountNumber: string
  point: MeterPointView
  onClose: () => void
}) {
  const api = useApi()
  const current = point.meters.find((meter) => meter.removedOn === null)
  const form = useFormValues({ on: today(), serial: '', type: 'smart' })
  const { on, serial, type } = form.values
  const [finals, setFinals] = useState<Record<string, string>>({})
  const [registers, setRegisters] = useState<RegisterRow[]>(
    current?.registers.map((register) => ({ identifier: register.identifier, rate: register.rate, reading: '' })) ?? [
      { identifier: 'S', rate: 'standard', reading: '' },
    ],
  )
  const unit = current?.registers[0]?.unit
  const exchange = useFormMutation({
    mutationFn: () =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/meter-points/{identifier}/exchange', {
          params: { path: { accountNumber, identifier: point.identifier } },
          body: {
            on,
            oldSerial: current?.serial ?? '',
            removalReadings: (current?.registers ?? []).map((register) => ({
              register: register.identifier,
              value: (finals[register.identifier] ?? '').trim(),
            })),
            newMeter: {
              serial: serial.trim(),
              type: type as MeterType,
              registers: registers.map((register) => ({
                identifier: register.identifier.trim(),
                rate: register.rate,
                digits: 5,
                ...(unit ? { unit } : {}),
              })),
            },
            installReadings: registers.map((register) => ({
              register: register.identifier.trim(),
              value: register.reading.trim(),
            })),
          },
        }),
      ),
    invalidates: supplyKeys(accountNumber),
    onSuccess: onClose,
    failure: 'The meter could not be exchanged.',
  })
  const { problems } = exchange

  if (!current) return null

  function submit() {
    const found: Problems = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) found['on'] = 'Choose the day of the exchange.'
    if (!serial.trim()) found['newMeter.serial'] = "Enter the new meter's serial number."
    current?.registers.forEach((register, index) => {
      if (!(finals[register.identifier] ?? '').trim())
        found[`removalReadings.${index}.value`] = 'Enter its final reading.'
    })
    registers.forEach((register, index) => {
      if (!register.identifier.trim()) found[`newMeter.registers.${index}.identifier`] = 'Enter the register id.'
      if (!register.reading.trim()) found[`installReadings.${index}.value`] = 'Enter its opening reading.'
    })
    if (exchange.check(found)) exchange.send()
  }

  return (
    <DialogForm
      title={`Exchange meter ${current.serial}`}
      onClose={onClose}
      testId="exchange-meter-dialog"
      onSubmit={submit}
      error={exchange.error}
      errorTestId="exchange-meter-error"
      sending={exchange.sending}
      submitLabel="Exchange the meter"
      sendingLabel="Exchanging…"
      submitTestId="exchange-meter-submit"
      wide
    >
      <p className="muted">
        The old meter is removed and the new one installed on this day; both readings are recorded as field readings, so
        the next bill runs across the exchange.
      </p>
      <TextField {...form.bind('on', problems)} label="Day of the exchange" type="date" data-testid="exchange-on" />
      <fieldset className="fieldset">
        <legend className="field-label">Final readings of {current.serial}</legend>
        {current.registers.map((register, index) => (
          <TextField
            key={register.identifier}
            id={`${form.ids}-final-${register.identifier}`}
            label={`Register ${register.identifier} (${register.rate.replace('_', '-')}), ${register.unit}`}
            value={finals[register.identifier] ?? ''}
            onValueChange={(value) => setFinals((all) => ({ ...all, [register.identifier]: value }))}
            error={problems[`removalReadings.${index}.value`] ?? problems[`removalReadings.${index}.register`]}
            inputMode="decimal"
            data-testid={`exchange-final-${register.identifier}`}
          />
        ))}
        {problems['removalReadings'] && <span className="field-error">{problems['removalReadings']}</span>}
      </fieldset>
      <TextField
        {...form.bind('serial')}
        error={problems['newMeter.serial']}
        label="New meter serial number"
        maxLength={20}
        data-testid="exchange-serial"
      />
      <SelectField
        {...form.bindChoice('type')}
        error={problems['newMeter.type']}
        label="New meter type"
        options={typeOptions}
        data-testid="exchange-type"
      />
      <RegisterRows
        ids={form.ids}
        rows={registers}
        onChange={setRegisters}
        withReading
        problems={problems}
        path="newMeter.registers"
        readingPath="installReadings"
      />
      {problems['installReadings'] && <span className="field-error">{problems['installReadings']}</span>}
    </DialogForm>
  )
}

/** End the account's supply of a meter point. */
export function EndSupplyDialog({
  accountNumber,
  point,
  onClose,
}: {
  accountNumber: string
  point: MeterPointView
  onClose: () => void
}) {
  const api = useApi()
  const form = useFormValues({ on: today() })
  const end = useFormMutation({
    mutationFn: () =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/meter-points/{identifier}/end-supply', {
          params: { path: { accountNumber, identifier: point.identifier } },
          body: { on: form.values.on },
        }),
      ),
    invalidates: supplyKeys(accountNumber),
    onSuccess: onClose,
    failure: 'The supply could not be ended.',
  })

  function submit() {
    const found: Problems = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.values.on)) found['on'] = 'Choose the first day without supply.'
    if (end.check(found)) end.send()
  }

  return (
    <DialogForm
      title={`End supply of ${point.identifier}`}
      onClose={onClose}
      testId="end-supply-dialog"
      onSubmit={submit}
      error={end.error}
      errorTestId="end-supply-error"
      sending={end.sending}
      submitLabel="End the supply"
      sendingLabel="Ending…"
      submitTestId="end-supply-submit"
    >
      <TextField
        {...form.bind('on', end.problems)}
        label="First day no longer supplied"
        type="date"
        hint="The account is billed up to the start of this day."
        data-testid="end-supply-on"
      />
    </DialogForm>
  )
}
