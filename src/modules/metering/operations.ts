import type { Change, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { type Decimal, decimal, decimalToString, roundDecimal } from '../../shared/money.js'
import { localDateOf } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { parseMpanCore, parseMprn } from './mpan.js'
import { readingView } from './queries.js'
import { expectedDailyUse, formatTenths, limitTenthsOver, parseTenths, unitText } from './reading-rules.js'
import * as store from './store.js'
import type {
  Direction,
  Fuel,
  MeterType,
  NewMeter,
  NewMeterPoint,
  NewRegister,
  Reading,
  ReadingKind,
  ReadingSource,
  RegisterRate,
  RegisterUnit,
} from './types.js'
import { meterTypes, registerRates, registerUnits } from './types.js'

type Problem = { path: string; message: string }

export class MeterPointNotFound extends withCode(NotFound, 'METER_POINT_NOT_FOUND') {}
export class InvalidMeterPoint extends withCode(ValidationFailed, 'INVALID_METER_POINT') {}
export class MeterPointTaken extends withCode(Conflict, 'METER_POINT_TAKEN') {}
export class InvalidMeter extends withCode(ValidationFailed, 'INVALID_METER') {}
export class ExportNotConfigurable extends withCode(ValidationFailed, 'EXPORT_NOT_CONFIGURABLE') {}
/** A reading that fails validation and is refused: nothing is written. */
export class ReadingRejected extends withCode(ValidationFailed, 'READING_REJECTED') {}
export class ReadingNotFound extends withCode(NotFound, 'READING_NOT_FOUND') {}
export class ReadingNotHeld extends withCode(Conflict, 'READING_NOT_HELD') {}

function checkRegisters(registers: readonly NewRegister[], fuel: Fuel, path: string, problems: Problem[]) {
  if (registers.length === 0) problems.push({ path, message: 'a meter needs at least one register' })
  const seen = new Set<string>()
  registers.forEach((register, index) => {
    const at = `${path}.${index}`
    if (!/^[A-Z0-9]{1,4}$/.test(register.identifier)) {
      problems.push({ path: `${at}.identifier`, message: 'a register identifier is 1 to 4 letters or digits' })
    }
    if (seen.has(register.identifier)) problems.push({ path: `${at}.identifier`, message: 'repeated register' })
    seen.add(register.identifier)
    if (!registerRates.includes(register.rate)) problems.push({ path: `${at}.rate`, message: 'unknown rate' })
    if (!Number.isInteger(register.digits) || register.digits < 4 || register.digits > 9) {
      problems.push({ path: `${at}.digits`, message: 'a register has 4 to 9 digits' })
    }
    if (register.unit !== undefined && !registerUnits.includes(register.unit)) {
      problems.push({ path: `${at}.unit`, message: 'a register reads kWh, m3 or hcf' })
    } else if (fuel === 'electricity' && register.unit !== undefined && register.unit !== 'kWh') {
      problems.push({ path: `${at}.unit`, message: 'an electricity register reads kWh' })
    }
  })
}

export function checkMeter(meter: NewMeter, fuel: Fuel, path: string, problems: Problem[]) {
  if (!/^[A-Za-z0-9-]{1,20}$/.test(meter.serial)) {
    problems.push({ path: `${path}.serial`, message: 'a meter serial is 1 to 20 letters, digits or dashes' })
  }
  if (!meterTypes.includes(meter.type)) problems.push({ path: `${path}.type`, message: 'unknown meter type' })
  checkRegisters(meter.registers, fuel, `${path}.registers`, problems)
}

export function meterRows(meterPointId: string, fuel: Fuel, meter: NewMeter) {
  const row: store.MeterRow = {
    id: newId('mtr'),
    meter_point_id: meterPointId,
    serial: meter.serial.toUpperCase(),
    type: meter.type,
    installed_on: meter.installedOn,
    removed_on: null,
  }
  const registers: store.RegisterRow[] = meter.registers.map((register) => ({
    id: newId('reg'),
    meter_id: row.id,
    identifier: register.identifier,
    rate: register.rate,
    digits: register.digits,
    unit: register.unit ?? (fuel === 'gas' ? 'm3' : 'kWh'),
  }))
  return { row, registers }
}

/**
 * Register meter points (MET-1) with their meters and registers (MET-2) and supply them to an
 * account from a date, in one batch. MPANs are checked (length, check digit, distributor) and
 * their GSP region derived; MPRNs are checked for format.
 * @throws InvalidMeterPoint naming each bad field (`index.field`), MeterPointTaken when an
 *   identifier is already registered
 */
export async function registerMeterPoints({
  tx,
  meterPoints,
  actor,
  at,
}: Change & {
  meterPoints: readonly NewMeterPoint[]
}): Promise<{ id: string; identifier: string }[]> {
  const problems: Problem[] = []
  const points: store.MeterPointRow[] = []
  const supplies: store.SupplyPeriodRow[] = []
  const meters: store.MeterRow[] = []
  const registers: store.RegisterRow[] = []
  const seen = new Set<string>()
  meterPoints.forEach((input, index) => {
    let identifier = input.identifier.replace(/\s+/g, '')
    let distributorId: string | null = null
    let gspRegion: string | null = input.gspRegion ?? null
    let profileClass: string | null = input.profileClass ?? null
    if (input.fuel === 'electricity') {
      const parsed = parseMpanCore(identifier)
      if (!parsed.ok) {
        problems.push({ path: `${index}.identifier`, message: parsed.reason })
        return
      }
      identifier = parsed.core
      distributorId = parsed.distributorId
      profileClass = profileClass ?? parsed.profileClass ?? null
      if (parsed.gspRegion) {
        if (input.gspRegion && input.gspRegion !== parsed.gspRegion) {
          problems.push({
            path: `${index}.gspRegion`,
            message: `distributor ${parsed.distributorId} is in region ${parsed.gspRegion}, not ${input.gspRegion}`,
          })
        }
        gspRegion = parsed.gspRegion
      } else if (!gspRegion) {
        problems.push({
          path: `${index}.gspRegion`,
          message: `distributor ${parsed.distributorId} is an independent network: give the region`,
        })
      }
    } else {
      const parsed = parseMprn(identifier)
      if (!parsed.ok) {
        problems.push({ path: `${index}.identifier`, message: parsed.reason })
        return
      }
      if ((input.direction ?? 'import') !== 'import') {
        problems.push({ path: `${index}.direction`, message: 'a gas meter point is import only' })
      }
    }
    if (profileClass !== null && !/^0[0-8]$/.test(profileClass)) {
      problems.push({ path: `${index}.profileClass`, message: 'a profile class is 00 to 08' })
    }
    if (seen.has(identifier)) problems.push({ path: `${index}.identifier`, message: 'repeated in this batch' })
    seen.add(identifier)
    input.meters.forEach((meter, meterIndex) => {
      checkMeter(meter, input.fuel, `${index}.meters.${meterIndex}`, problems)
    })
    // Meters are open-ended when registered, so two would overlap: the next one comes by exchange.
    if (input.meters.length > 1) {
      problems.push({ path: `${index}.meters`, message: 'one meter at a time; later meters come by an exchange' })
    }
    const id = newId('mp')
    points.push({
      id,
      fuel: input.fuel,
      identifier,
      direction: input.direction ?? 'import',
      profile_class: profileClass,
      distributor_id: distributorId,
      gsp_region: gspRegion,
      property_id: input.propertyId,
      import_point_id: null,
      created_at: at,
    })
    supplies.push({
      id: newId('sup'),
      account_id: input.accountId,
      meter_point_id: id,
      valid_from: input.suppliedFrom,
      valid_to: null,
    })
    for (const meter of input.meters) {
      const built = meterRows(id, input.fuel, meter)
      meters.push(built.row)
      registers.push(...built.registers)
    }
  })
  if (problems.length > 0) throw new InvalidMeterPoint('Some meter point details are not valid', problems)
  const taken = await store.existingIdentifiers(
    tx,
    points.map((point) => point.identifier),
  )
  if (taken.length > 0) {
    throw new MeterPointTaken(
      `Already registered: ${taken.join(', ')}`,
      taken.map((identifier) => ({ path: 'identifier', identifier, message: `${identifier} is already registered` })),
    )
  }
  await store.insertMeterPoints(tx, points)
  await store.insertSupplyPeriods(tx, supplies)
  await store.insertMeters(tx, meters)
  await store.insertRegisters(tx, registers)
  await audit.recordMany(
    tx,
    points.map((point, index) => ({
      actor,
      action: 'metering.meter_point.registered',
      subject: { type: 'meter_point', id: point.id },
      accountId: supplies[index]?.account_id ?? null,
      after: { identifier: point.identifier, fuel: point.fuel, direction: point.direction, region: point.gsp_region },
      at,
      relaxedDurability: points.length > 1,
    })),
  )
  return points.map((point) => ({ id: point.id, identifier: point.identifier }))
}

/**
 * Configure export (MET-7): link an export MPAN to the import MPAN of the same property. The caller
 * checks the export-specialist permission.
 * @throws MeterPointNotFound, ExportNotConfigurable when the pair does not fit
 */
export async function configureExport({
  tx,
  exportIdentifier,
  importIdentifier,
  actor,
  at,
}: Change & {
  exportIdentifier: string
  importIdentifier: string
}): Promise<void> {
  const exportPoint = await store.meterPointByIdentifier(tx, exportIdentifier)
  if (!exportPoint) throw new MeterPointNotFound(`No meter point ${exportIdentifier}`)
  const importPoint = await store.meterPointByIdentifier(tx, importIdentifier)
  if (!importPoint) throw new MeterPointNotFound(`No meter point ${importIdentifier}`)
  const problems: Problem[] = []
  if (exportPoint.fuel !== 'electricity' || exportPoint.direction !== 'export') {
    problems.push({ path: 'exportMpan', message: `${exportIdentifier} is not an export MPAN` })
  }
  if (importPoint.fuel !== 'electricity' || importPoint.direction !== 'import') {
    problems.push({ path: 'importMpan', message: `${importIdentifier} is not an import MPAN` })
  }
  if (exportPoint.property_id !== importPoint.property_id) {
    problems.push({ path: 'exportMpan', message: 'the export and import MPANs are at different properties' })
  }
  if (exportPoint.import_point_id && exportPoint.import_point_id !== importPoint.id) {
    problems.push({ path: 'exportMpan', message: `${exportIdentifier} is already linked to another import MPAN` })
  }
  const linked = await store.exportLinkedTo(tx, importPoint.id)
  if (linked && linked.id !== exportPoint.id) {
    problems.push({ path: 'importMpan', message: `${importIdentifier} already has export MPAN ${linked.identifier}` })
  }
  if (problems.length > 0) throw new ExportNotConfigurable('Export cannot be configured for these MPANs', problems)
  if (exportPoint.import_point_id === importPoint.id) return
  await store.linkExport(tx, exportPoint.id, importPoint.id)
  await audit.record(tx, {
    actor,
    action: 'metering.export.configured',
    subject: { type: 'meter_point', id: exportPoint.id },
    after: { exportMpan: exportIdentifier, importMpan: importIdentifier },
    at,
  })
}

export interface SubmitReadingInput {
  tx: Tx
  meterPointId: string
  meterSerial: string
  register: string
  readAt: Date
  value: string
  source: ReadingSource
  kind?: ReadingKind
  ingestionId?: string | null
  /**
   * Keep the reading held for review with this reason whatever its value (an industry read flagged
   * failed or invalid): it is stored, never compared with the others and never billed until released.
   */
  holdReason?: string | null
  actor: Actor
  at: Date
}

/**
 * Record a register reading (MET-3) after validating it against the register's other actual
 * readings: lower than the previous one is refused unless it is a rollover of the dial; higher
 * than a later one is refused; usage far above what the register is expected to use is kept but
 * held for review with the reason. The same reading sent twice is recognised and not duplicated.
 * An accepted actual supersedes the register's estimates since the previous actual (MET-5).
 * @throws ReadingRejected with the reason, MeterPointNotFound
 */
export async function submitReading(input: SubmitReadingInput): Promise<Reading> {
  return (await recordReading(input)).reading
}

/** What a reading is checked for against its meter point's meters and registers, without the register's other readings. */
export interface ReadingToCheck {
  readonly meterSerial: string
  readonly register: string
  readonly readAt: Date
  readonly value: string
}

/** A reading that passed `readingTarget`: its meter, register and value in tenths. */
export interface ReadingTarget {
  readonly meter: store.MeterRow
  readonly register: store.RegisterRow
  readonly tenths: bigint
  /** The value as stored, one decimal place. */
  readonly value: string
  /** The tenths the register's dial holds (10^digits units). */
  readonly dialTenths: bigint
  /** The reading's local date. */
  readonly day: string
}

/**
 * Check a reading on its own (MET-3): a number of units with at most one decimal place, not dated
 * in the future, on a meter installed on the meter point that day, on one of its registers, and
 * fitting the register's dial. `registers` holds at least the registers of the meter it is on.
 * Pure: `submitReading` and the bulk paths look up what it needs.
 * @throws ReadingRejected with the reason
 */
export function readingTarget({
  reading,
  point,
  meters,
  registers,
  at,
}: {
  reading: ReadingToCheck
  point: store.MeterPointRow
  meters: readonly store.MeterRow[]
  registers: readonly store.RegisterRow[]
  at: Date
}): ReadingTarget {
  const tenths = parseTenths(reading.value)
  if (tenths === null) {
    throw new ReadingRejected(`${reading.value} is not a meter reading`, [
      { path: 'value', message: 'a reading is a number of units with at most one decimal place' },
    ])
  }
  if (reading.readAt.getTime() > at.getTime() + 5 * 60_000) {
    throw new ReadingRejected('A reading cannot be dated in the future', [
      { path: 'readAt', message: `${reading.readAt.toISOString()} is after now` },
    ])
  }
  const day = localDateOf(reading.readAt)
  const meter = meters.find(
    (candidate) =>
      candidate.meter_point_id === point.id &&
      candidate.serial === reading.meterSerial.toUpperCase() &&
      candidate.installed_on <= day &&
      (candidate.removed_on === null || day <= candidate.removed_on),
  )
  if (!meter) {
    throw new ReadingRejected(`Meter ${reading.meterSerial} was not installed on ${point.identifier} on ${day}`, [
      { path: 'meterSerial', message: `not installed on ${day}` },
    ])
  }
  const ofMeter = registers.filter((candidate) => candidate.meter_id === meter.id)
  const register = ofMeter.find((candidate) => candidate.identifier === reading.register)
  if (!register) {
    throw new ReadingRejected(`Meter ${meter.serial} has no register ${reading.register}`, [
      { path: 'register', message: `one of ${ofMeter.map((r) => r.identifier).join(', ')}` },
    ])
  }
  const value = formatTenths(tenths)
  const dialTenths = 10n ** BigInt(register.digits) * 10n
  if (tenths >= dialTenths) {
    throw new ReadingRejected(`${value} does not fit a ${register.digits}-digit register`, [
      { path: 'value', message: `at most ${register.digits} digits before the decimal point` },
    ])
  }
  return { meter, register, tenths, value, dialTenths, day }
}

/** What `judgeReading` decides: the reading's status, its reason when held, and its advance. */
export interface ReadingJudgement {
  readonly status: 'accepted' | 'held'
  readonly reason: string | null
  readonly advance: bigint | null
  readonly isRollover: boolean
}

/**
 * Judge a reading against the register's other actual readings (MET-3): `previous`, the latest
 * counting actual before it (none for an install reading or one held by `holdReason`), `history`,
 * the register's counting actuals before it (newest first, up to six), and `next`, the first
 * counting actual after it (none when held by `holdReason`). Lower than the previous one is refused
 * unless it is a plausible rollover of the dial; higher than a later one is refused; usage far above
 * what the register is expected to use is held with the reason. Pure.
 * @throws ReadingRejected with the reason
 */
export function judgeReading({
  point,
  target,
  readAt,
  holdReason,
  previous,
  history,
  next,
}: {
  point: store.MeterPointRow
  target: ReadingTarget
  readAt: Date
  holdReason: string | null
  previous: store.ReadingRow | undefined
  history: readonly store.ReadingRow[]
  next: store.ReadingRow | undefined
}): ReadingJudgement {
  const { register, tenths, value, dialTenths } = target
  let status: 'accepted' | 'held' = holdReason === null ? 'accepted' : 'held'
  let reason: string | null = holdReason
  let advance: bigint | null = null
  let isRollover = false
  if (previous) {
    const previousTenths = parseTenths(previous.value) ?? 0n
    // at least a day, so two reads an hour apart are not held for a day's use in an hour
    const spanMs = Math.max(readAt.getTime() - previous.read_at.getTime(), 86_400_000)
    const days = spanMs / 86_400_000
    const unit = register.unit as RegisterUnit
    const limitPerDay = expectedDailyUse({
      fuel: point.fuel as Fuel,
      rate: register.rate as RegisterRate,
      unit,
      history,
    }).limitPerDay
    const limitTenths = limitTenthsOver({ limitPerDay, spanMs })
    advance = tenths - previousTenths
    if (advance < 0n) {
      const rolled = dialTenths - previousTenths + tenths
      if (rolled <= limitTenths) {
        advance = rolled
        isRollover = true
      } else {
        throw new ReadingRejected(
          `${value} is lower than the previous reading ${formatTenths(previousTenths)} on ${localDateOf(previous.read_at)}`,
          [{ path: 'value', message: `lower than the previous reading ${formatTenths(previousTenths)}` }],
        )
      }
    }
    if (advance > limitTenths) {
      status = 'held'
      const perDay = decimal(advance * 86_400_000n, 10n * BigInt(spanMs))
      const tenth = (value: Decimal) => decimalToString(roundDecimal(value, 'half-up', 1))
      reason = `implies ${formatTenths(advance)} ${unitText[unit]} over ${Math.round(days)} days (${tenth(perDay)} a day), more than the ${tenth(limitPerDay)} a day expected at most`
    }
  }
  if (next && !isRollover && tenths > (parseTenths(next.value) ?? 0n) && next.kind !== 'install') {
    throw new ReadingRejected(
      `${value} is higher than the later reading ${next.value} on ${localDateOf(next.read_at)}`,
      [{ path: 'value', message: `higher than the later reading ${next.value}` }],
    )
  }
  return { status, reason, advance, isRollover }
}

/** submitReading, also telling whether the reading is new or was already recorded. */
export async function recordReading(input: SubmitReadingInput): Promise<{ reading: Reading; created: boolean }> {
  const { tx, meterPointId } = input
  const point = await store.meterPointById(tx, meterPointId)
  if (!point) throw new MeterPointNotFound(`No meter point ${meterPointId}`)
  const meters = await store.metersOf(tx, [meterPointId])
  const registers = await store.registersOf(
    tx,
    meters.map((meter) => meter.id),
  )
  return recordReadingOn({ ...input, known: { point, meters, registers } })
}

/**
 * What a caller of `recordReadingOn` has looked up already: the meter point, its meters and their
 * registers, and perhaps one register's counting actual readings before the reading's instant,
 * newest first, up to six (`store.actualsBefore`).
 */
export interface KnownForReading {
  readonly point: store.MeterPointRow
  readonly meters: readonly store.MeterRow[]
  readonly registers: readonly store.RegisterRow[]
  readonly actualsBefore?: { readonly registerId: string; readonly rows: readonly store.ReadingRow[] }
}

/**
 * `recordReading` with what it looks up first already known (`estimateReading` has read it to make
 * the estimate), so the same rows are not read twice. The same checks and the same writes.
 */
export async function recordReadingOn(
  input: SubmitReadingInput & { known: KnownForReading },
): Promise<{ reading: Reading; created: boolean }> {
  const { tx, meterPointId, readAt, source, actor, at, known } = input
  const { point } = known
  const kind = input.kind ?? 'normal'
  const target = readingTarget({ reading: input, point, meters: known.meters, registers: known.registers, at })
  const { meter, register, value, day } = target
  const same = await store.sameReading(tx, register.id, readAt, source, value)
  if (same) return { reading: readingView(same, point.identifier, meter.serial, register.identifier), created: false }

  const holdReason = input.holdReason ?? null
  const actuals = known.actualsBefore?.registerId === register.id ? known.actualsBefore.rows : undefined
  // A flagged read is not checked against the others: whatever it says, it waits for a person.
  const previous =
    kind === 'install' || holdReason !== null
      ? undefined
      : actuals
        ? actuals[0]
        : await store.previousActual(tx, register.id, readAt)
  const history = previous ? (actuals ?? (await store.actualsBefore(tx, register.id, readAt, 6))) : []
  const next = holdReason === null ? await store.nextActual(tx, register.id, readAt) : undefined
  const { status, reason, advance, isRollover } = judgeReading({
    point,
    target,
    readAt,
    holdReason,
    previous,
    history,
    next,
  })
  const row: store.ReadingRow = {
    id: newId('rdg'),
    meter_point_id: meterPointId,
    register_id: register.id,
    read_at: readAt,
    value,
    source,
    kind,
    status,
    reason,
    advance: advance === null ? null : formatTenths(advance),
    is_rollover: isRollover,
    ingestion_id: input.ingestionId ?? null,
    actor_kind: actor.kind,
    actor_id: actor.id,
    created_at: at,
  }
  await store.insertReading(tx, row)
  const superseded =
    status === 'accepted' && source !== 'estimated'
      ? await store.supersedeEstimates(tx, register.id, previous?.read_at ?? null)
      : []
  const accountId = (await store.accountAt(tx, meterPointId, day)) ?? null
  await audit.record(tx, {
    actor,
    action: status === 'held' ? 'metering.reading.held' : 'metering.reading.recorded',
    subject: { type: 'reading', id: row.id },
    accountId,
    after: {
      meterPoint: point.identifier,
      serial: meter.serial,
      register: register.identifier,
      readAt: readAt.toISOString(),
      value,
      source,
      kind,
      status,
      reason,
      ...(superseded.length > 0 ? { supersededEstimates: superseded } : {}),
    },
    at,
  })
  return { reading: readingView(row, point.identifier, meter.serial, register.identifier), created: true }
}

/**
 * Decide a held reading: release it (it then counts like an accepted one) or discard it.
 * @throws ReadingNotFound, ReadingNotHeld
 */
export async function reviewReading({
  tx,
  readingId,
  decision,
  note,
  actor,
  at,
}: Change & {
  readingId: string
  decision: 'release' | 'discard'
  note: string
}): Promise<void> {
  const reading = await store.readingById(tx, readingId)
  if (!reading) throw new ReadingNotFound(`No reading ${readingId}`)
  if (reading.status !== 'held') throw new ReadingNotHeld(`Reading ${readingId} is ${reading.status}, not held`)
  const status = decision === 'release' ? 'released' : 'discarded'
  await store.setReadingStatus(tx, readingId, status, `${reading.reason}; ${decision}d: ${note}`)
  await audit.record(tx, {
    actor,
    action: `metering.reading.${status}`,
    subject: { type: 'reading', id: readingId },
    before: { status: 'held', reason: reading.reason },
    after: { status, note },
    at,
  })
}

export type { Direction, MeterType }
