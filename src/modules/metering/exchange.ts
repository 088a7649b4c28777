/**
 * Meter exchange (MET-2): the removed meter's last readings and the installed meter's first, on one
 * day, the old meter ending the day the new one starts.
 */
import type { Change } from '../../db/index.js'
import { isLocalDate, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import {
  checkMeter,
  InvalidMeter,
  MeterPointNotFound,
  meterRows,
  ReadingRejected,
  submitReading,
} from './operations.js'
import * as store from './store.js'
import type { Fuel, NewMeter, Reading } from './types.js'

type Problem = { path: string; message: string }

/** A reading of one register at a meter exchange. */
export interface ExchangeReading {
  readonly register: string
  readonly value: string
}

/** Name the reading of the request a refused reading was: `removalReadings.0.value`. */
async function atPath<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ReadingRejected && Array.isArray(error.details)) {
      throw new ReadingRejected(
        error.message,
        error.details.map((problem) => ({ ...problem, path: `${path}.${String(problem['path'])}` })),
      )
    }
    throw error
  }
}

/** One reading of each register, none of another: the problems with `readings` against `registers`. */
function checkExchangeReadings(
  readings: readonly ExchangeReading[],
  registers: readonly string[],
  path: string,
  problems: Problem[],
) {
  const seen = new Set<string>()
  readings.forEach((reading, index) => {
    if (!registers.includes(reading.register)) {
      problems.push({ path: `${path}.${index}.register`, message: `one of ${registers.join(', ')}` })
    } else if (seen.has(reading.register)) {
      problems.push({ path: `${path}.${index}.register`, message: 'repeated register' })
    }
    seen.add(reading.register)
  })
  for (const register of registers) {
    if (!seen.has(register)) problems.push({ path, message: `a reading of register ${register} is needed` })
  }
}

/**
 * Exchange a meter (MET-2): the old meter's removal readings and the new meter's install readings
 * are recorded at the start of the exchange date (local midnight), the old meter ends and the new
 * one starts that day, so an exchange recorded on the day itself is never dated after now. Every register of each meter is read; each reading
 * goes through the reading rules, and a refused one is named by its place in the request
 * (`removalReadings.0.value`). Nothing is written unless all of it is.
 * @throws MeterPointNotFound, InvalidMeter naming each bad field, ReadingRejected
 */
export async function exchangeMeter({
  tx,
  meterPointId,
  oldSerial,
  on,
  removalReadings,
  newMeter,
  installReadings,
  actor,
  at,
}: Change & {
  meterPointId: string
  oldSerial: string
  on: string
  removalReadings: readonly ExchangeReading[]
  newMeter: Omit<NewMeter, 'installedOn'>
  installReadings: readonly ExchangeReading[]
}): Promise<{ meterId: string; removed: Reading[]; installed: Reading[] }> {
  const point = await store.meterPointById(tx, meterPointId)
  if (!point) throw new MeterPointNotFound(`No meter point ${meterPointId}`)
  const meters = await store.metersOf(tx, [meterPointId])
  const old = meters.find((meter) => meter.serial === oldSerial.toUpperCase() && meter.removed_on === null)
  if (!old) {
    throw new InvalidMeter(`No meter ${oldSerial} is installed on ${point.identifier}`, [
      { path: 'oldSerial', message: `not installed on ${point.identifier}` },
    ])
  }
  const problems: Problem[] = []
  if (!isLocalDate(on)) problems.push({ path: 'on', message: 'a date YYYY-MM-DD' })
  else if (on <= old.installed_on) {
    problems.push({ path: 'on', message: `after ${old.installed_on}, when the old meter was installed` })
  } else if (on > localDateOf(at)) problems.push({ path: 'on', message: 'an exchange is recorded on the day or after' })
  checkMeter({ ...newMeter, installedOn: on }, point.fuel as Fuel, 'newMeter', problems)
  if (meters.some((meter) => meter.serial === newMeter.serial.toUpperCase())) {
    problems.push({
      path: 'newMeter.serial',
      message: `meter ${newMeter.serial} has been on ${point.identifier} before`,
    })
  }
  const oldRegisters = (await store.registersOf(tx, [old.id])).map((register) => register.identifier)
  checkExchangeReadings(removalReadings, oldRegisters, 'removalReadings', problems)
  checkExchangeReadings(
    installReadings,
    newMeter.registers.map((register) => register.identifier),
    'installReadings',
    problems,
  )
  if (problems.length > 0) throw new InvalidMeter('The meter exchange is not valid', problems)
  // The start of the exchange day, as a move's final readings: the old meter's days are those before it.
  const readAt = startOfLocalDay(on)
  const removed: Reading[] = []
  for (const [index, reading] of removalReadings.entries()) {
    removed.push(
      await atPath(`removalReadings.${index}`, () =>
        submitReading({
          tx,
          meterPointId,
          meterSerial: old.serial,
          register: reading.register,
          readAt,
          value: reading.value,
          source: 'field',
          kind: 'removal',
          actor,
          at,
        }),
      ),
    )
  }
  // Meters occupy [installed_on, removed_on): the old one ends the day the new one starts.
  await store.endMeter(tx, old.id, on)
  const built = meterRows(meterPointId, point.fuel as Fuel, { ...newMeter, installedOn: on })
  await store.insertMeters(tx, [built.row])
  await store.insertRegisters(tx, built.registers)
  const installed: Reading[] = []
  for (const [index, reading] of installReadings.entries()) {
    installed.push(
      await atPath(`installReadings.${index}`, () =>
        submitReading({
          tx,
          meterPointId,
          meterSerial: built.row.serial,
          register: reading.register,
          readAt,
          value: reading.value,
          source: 'field',
          kind: 'install',
          actor,
          at,
        }),
      ),
    )
  }
  await audit.record(tx, {
    actor,
    action: 'metering.meter.exchanged',
    subject: { type: 'meter_point', id: meterPointId },
    accountId: (await store.accountAt(tx, meterPointId, on)) ?? null,
    before: { serial: old.serial },
    after: { serial: built.row.serial, type: built.row.type, on },
    at,
  })
  return { meterId: built.row.id, removed, installed }
}
