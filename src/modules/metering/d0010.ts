/**
 * The gb D0010 meter-reading flow (Data Transfer Catalogue, pipe-delimited "UFF" file):
 *
 *   ZHV|file id|D0010002|from role|from participant|to role|to participant|created||||OPER|
 *   026|MPAN core|validation status (V/U/F)|                 one group per meter point
 *   028|meter serial|reading type|                           per meter
 *   030|register id|read date-time|reading|||reading flag (T/F)|reading method|   per register
 *   ZPT|file id|record count (lines between ZHV and ZPT)||group count (026 records)|created|
 *
 * Parsing is pure and never throws. A structural problem (header, trailer, counts, an unknown
 * record, a record out of order) rejects the whole file with every such problem and its line; a
 * problem inside one reading (bad MPAN, date-time, reading, register) rejects only the readings it
 * affects, each with its own line, and keeps the rest. Lines may end in CRLF; a BOM and blank lines
 * after the trailer are ignored; fields after the ones defined here are ignored.
 *
 * Times: D0010 date-times (YYYYMMDDHHMMSS) are UK local wall-clock time (Europe/London). In the
 * repeated hour when the clocks go back (e.g. 01:30 on 2025-10-26 happens twice) the text cannot say
 * which one is meant: we take the EARLIER instant (01:30 BST = 00:30 UTC), as the first occurrence is
 * what a reading "at 01:30" most likely means and it keeps the choice fixed and testable. In the hour
 * that does not exist when the clocks go forward (e.g. 01:30 on 2025-03-30) no instant matches, so a
 * reading there is rejected with the reason instead of being moved silently. The writer formats
 * instants the same way, so an instant in the second occurrence of the repeated hour is read back one
 * hour earlier: the format cannot carry it. Seconds are the finest unit; milliseconds are dropped.
 */
import { Temporal } from 'temporal-polyfill'
import { ValidationFailed } from '../../shared/errors.js'
import { LONDON } from '../../shared/time.js'
import { parseMpanCore } from './mpan.js'

export type D0010ValidationStatus = 'V' | 'U' | 'F'

export interface D0010Header {
  readonly fileId: string
  /** The flow and its version, e.g. 'D0010002'. */
  readonly flowVersion: string
  readonly fromRole: string
  readonly fromParticipant: string
  readonly toRole: string
  readonly toParticipant: string
  readonly createdAt: Date
}

export interface D0010Reading {
  /** The 030 record's line, 1-based. */
  readonly line: number
  /** The 13-digit MPAN core. */
  readonly mpan: string
  readonly validationStatus: D0010ValidationStatus
  readonly meterSerial: string
  readonly readingType: string
  readonly registerId: string
  readonly readAt: Date
  /** The reading exactly as written, e.g. '12345' or '12345.6'. */
  readonly value: string
  /** T → true, F → false. */
  readonly readingFlag: boolean
  readonly readingMethod: string
}

/**
 * Why an industry reading must wait for review instead of being used as an actual, or null: its
 * meter point's validation status is F (failed validation by the data collector), or its Meter
 * Reading Flag is F (the data collector marks the reading invalid). U (not yet validated) with a
 * T flag is used as sent, as the data transfer catalogue allows. Pure.
 */
export function d0010HoldReason(reading: Pick<D0010Reading, 'validationStatus' | 'readingFlag'>): string | null {
  const reasons: string[] = []
  if (reading.validationStatus === 'F') reasons.push('validation status F (failed validation)')
  if (!reading.readingFlag) reasons.push('Meter Reading Flag F (reading marked invalid)')
  return reasons.length === 0 ? null : `the D0010 flags the reading: ${reasons.join(' and ')}`
}

/** A problem and the 1-based line it is on. */
export interface D0010Problem {
  readonly line: number
  readonly message: string
}

export type D0010Result =
  | {
      readonly ok: true
      readonly header: D0010Header
      readonly readings: D0010Reading[]
      /** The 030 readings refused, each with its line and reason. */
      readonly rejected: D0010Problem[]
    }
  | { readonly ok: false; readonly errors: D0010Problem[] }

export interface D0010RegisterToWrite {
  readonly registerId: string
  readonly readAt: Date
  readonly value: string
  readonly readingFlag: boolean
  readonly readingMethod: string
}

export interface D0010MeterToWrite {
  readonly serial: string
  readonly readingType: string
  readonly registers: D0010RegisterToWrite[]
}

export interface D0010GroupToWrite {
  readonly mpan: string
  readonly validationStatus: D0010ValidationStatus
  readonly meters: D0010MeterToWrite[]
}

export interface D0010FileToWrite {
  readonly fileId: string
  readonly fromRole: string
  readonly fromParticipant: string
  readonly toRole: string
  readonly toParticipant: string
  readonly createdAt: Date
  readonly groups: D0010GroupToWrite[]
}

/** The content given to `writeD0010` cannot be written as a valid D0010 file. */
export class UnwritableD0010 extends ValidationFailed {
  override readonly code = 'UNWRITABLE_D0010'
}

const flowPattern = /^D0010\d{3}$/
const dateTimePattern = /^\d{14}$/
const decimalPattern = /^\d+(?:\.\d+)?$/
const validationStatuses: ReadonlySet<string> = new Set(['V', 'U', 'F'])

type LocalTime = { readonly ok: true; readonly at: Date } | { readonly ok: false; readonly reason: string }

/**
 * The instant of a D0010 date-time (YYYYMMDDHHMMSS, UK local time): the earlier one in the repeated
 * autumn hour, none (with the reason) in the skipped spring hour.
 */
function londonInstant(text: string, what: string): LocalTime {
  if (!dateTimePattern.test(text)) {
    return { ok: false, reason: `${what} ${JSON.stringify(text)} is not a date-time written YYYYMMDDHHMMSS` }
  }
  const number = (from: number, to: number) => Number(text.slice(from, to))
  let local: Temporal.PlainDateTime
  try {
    local = Temporal.PlainDateTime.from(
      {
        year: number(0, 4),
        month: number(4, 6),
        day: number(6, 8),
        hour: number(8, 10),
        minute: number(10, 12),
        second: number(12, 14),
      },
      { overflow: 'reject' },
    )
  } catch {
    return { ok: false, reason: `${what} ${text} is not a real date and time` }
  }
  const zoned = local.toZonedDateTime(LONDON, { disambiguation: 'earlier' })
  if (!zoned.toPlainDateTime().equals(local)) {
    return {
      ok: false,
      reason: `${what} ${text} does not exist in UK time: the clocks went forward over that hour`,
    }
  }
  return { ok: true, at: new Date(zoned.epochMilliseconds) }
}

/** The fields of one record: the trailing `\r` and `|` removed, then split on `|`. */
function fieldsOf(line: string): string[] {
  let end = line.length
  if (end > 0 && line.charCodeAt(end - 1) === 13) end--
  if (end > 0 && line.charCodeAt(end - 1) === 124) end--
  return line.slice(0, end).split('|')
}

function isBlank(line: string): boolean {
  return line.trim() === ''
}

interface GroupState {
  readonly line: number
  readonly mpan: string
  readonly validationStatus: D0010ValidationStatus
  /** Why the group's readings are refused, or null. */
  readonly problem: string | null
}

interface MeterState {
  readonly serial: string
  readonly readingType: string
  readonly problem: string | null
}

/**
 * Parse a D0010 file. Throws nothing: structural errors reject the file (`ok: false` with every
 * error and its line); otherwise the good readings and the rejected ones, each with its line.
 */
export function parseD0010(text: string): D0010Result {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n')
  let last = lines.length
  while (last > 0 && isBlank(lines[last - 1]!)) last--
  if (last === 0)
    return { ok: false, errors: [{ line: 1, message: 'the file is empty: it must start with a ZHV header' }] }

  const errors: D0010Problem[] = []
  const readings: D0010Reading[] = []
  const rejected: D0010Problem[] = []
  const header = parseHeader(fieldsOf(lines[0]!), errors)

  let group: GroupState | null = null
  let meter: MeterState | null = null
  let groups = 0
  let trailerLine = 0
  for (let index = 1; index < last; index++) {
    const line = index + 1
    const raw = lines[index]!
    if (isBlank(raw)) {
      errors.push({ line, message: 'a blank line inside the file: every line must be a record' })
      continue
    }
    const fields = fieldsOf(raw)
    const type = fields[0]!
    if (type === 'ZPT') {
      trailerLine = line
      let after = index + 1
      while (after < last && isBlank(lines[after]!)) after++
      if (after < last) errors.push({ line: after + 1, message: 'the file goes on after its ZPT trailer' })
      checkTrailer(fields, line, header, groups, errors)
      break
    }
    if (type === '026') {
      groups++
      group = meterPointGroup(fields, line)
      meter = null
    } else if (type === '028') {
      if (group === null) {
        errors.push({ line, message: 'a 028 meter record comes before any 026 meter point record' })
        continue
      }
      meter = meterOf(fields)
    } else if (type === '030') {
      if (group === null) {
        errors.push({ line, message: 'a 030 register reading comes before any 026 meter point record' })
      } else if (meter === null) {
        errors.push({ line, message: 'a 030 register reading comes before any 028 meter record in its meter point' })
      } else {
        const reading = registerReading(fields, line, group, meter)
        if ('message' in reading) rejected.push(reading)
        else readings.push(reading)
      }
    } else if (type === 'ZHV') {
      errors.push({ line, message: 'a second ZHV header: a file has one, on its first line' })
    } else {
      errors.push({ line, message: `unknown record type ${JSON.stringify(type)} in a D0010 file` })
    }
  }
  if (trailerLine === 0) errors.push({ line: last, message: 'the file ends without a ZPT trailer' })
  if (errors.length > 0 || header === null) return { ok: false, errors }
  return { ok: true, header, readings, rejected }
}

function parseHeader(fields: string[], errors: D0010Problem[]): D0010Header | null {
  const [type, fileId = '', flowVersion = '', fromRole = '', fromParticipant = '', toRole = '', toParticipant = ''] =
    fields
  const created = fields[7] ?? ''
  if (type !== 'ZHV') {
    errors.push({ line: 1, message: `the file must start with a ZHV header, not ${JSON.stringify(type)}` })
    return null
  }
  const problems: string[] = []
  if (fileId === '') problems.push('the ZHV header has no file id')
  if (!flowPattern.test(flowVersion)) problems.push(`flow ${JSON.stringify(flowVersion)} is not a D0010 flow`)
  if (fromRole === '') problems.push('the ZHV header has no from role')
  if (fromParticipant === '') problems.push('the ZHV header has no from participant')
  if (toRole === '') problems.push('the ZHV header has no to role')
  if (toParticipant === '') problems.push('the ZHV header has no to participant')
  const createdAt = londonInstant(created, 'the ZHV creation time')
  if (!createdAt.ok) problems.push(createdAt.reason)
  if (problems.length > 0 || !createdAt.ok) {
    for (const message of problems) errors.push({ line: 1, message })
    return null
  }
  return { fileId, flowVersion, fromRole, fromParticipant, toRole, toParticipant, createdAt: createdAt.at }
}

function checkTrailer(
  fields: string[],
  line: number,
  header: D0010Header | null,
  groups: number,
  errors: D0010Problem[],
): void {
  const fileId = fields[1] ?? ''
  const recordCount = fields[2] ?? ''
  const groupCount = fields[4] ?? ''
  if (header !== null && fileId !== header.fileId) {
    errors.push({
      line,
      message: `the ZPT trailer's file id ${JSON.stringify(fileId)} differs from the header's ${JSON.stringify(header.fileId)}`,
    })
  }
  // the records between the header (line 1) and the trailer
  const records = line - 2
  if (!/^\d+$/.test(recordCount)) {
    errors.push({ line, message: `the ZPT trailer's record count ${JSON.stringify(recordCount)} is not a number` })
  } else if (Number(recordCount) !== records) {
    errors.push({
      line,
      message: `the ZPT trailer counts ${Number(recordCount)} records but the file has ${records} between its header and trailer`,
    })
  }
  if (!/^\d+$/.test(groupCount)) {
    errors.push({ line, message: `the ZPT trailer's group count ${JSON.stringify(groupCount)} is not a number` })
  } else if (Number(groupCount) !== groups) {
    errors.push({
      line,
      message: `the ZPT trailer counts ${Number(groupCount)} groups but the file has ${groups} 026 meter point records`,
    })
  }
}

function meterPointGroup(fields: string[], line: number): GroupState {
  const written = fields[1] ?? ''
  const status = fields[2] ?? ''
  const parsed = parseMpanCore(written)
  const mpan = parsed.ok ? parsed.core : written
  const problems: string[] = []
  if (!parsed.ok) problems.push(parsed.reason)
  if (!validationStatuses.has(status)) problems.push(`validation status ${JSON.stringify(status)} is not V, U or F`)
  return {
    line,
    mpan,
    validationStatus: status as D0010ValidationStatus,
    problem: problems.length > 0 ? `MPAN ${written} (line ${line}): ${problems.join('; ')}` : null,
  }
}

function meterOf(fields: string[]): MeterState {
  const serial = fields[1] ?? ''
  const readingType = fields[2] ?? ''
  const problems: string[] = []
  if (serial.trim() === '') problems.push('the meter serial is empty')
  if (readingType.trim() === '') problems.push('the reading type is empty')
  return {
    serial,
    readingType,
    problem: problems.length > 0 ? `meter ${JSON.stringify(serial)}: ${problems.join('; ')}` : null,
  }
}

function registerReading(
  fields: string[],
  line: number,
  group: GroupState,
  meter: MeterState,
): D0010Reading | D0010Problem {
  if (group.problem !== null) return { line, message: group.problem }
  if (meter.problem !== null) return { line, message: meter.problem }
  const registerId = fields[1] ?? ''
  const readAtText = fields[2] ?? ''
  const value = fields[3] ?? ''
  const flag = fields[6] ?? ''
  const readingMethod = fields[7] ?? ''
  const problems: string[] = []
  if (registerId.trim() === '') problems.push('the register id is empty')
  const readAt = londonInstant(readAtText, 'read date-time')
  if (!readAt.ok) problems.push(readAt.reason)
  if (!decimalPattern.test(value)) problems.push(`reading ${JSON.stringify(value)} is not a non-negative decimal`)
  if (flag !== 'T' && flag !== 'F') problems.push(`reading flag ${JSON.stringify(flag)} is not T or F`)
  if (problems.length > 0 || !readAt.ok) return { line, message: problems.join('; ') }
  return {
    line,
    mpan: group.mpan,
    validationStatus: group.validationStatus,
    meterSerial: meter.serial,
    readingType: meter.readingType,
    registerId,
    readAt: readAt.at,
    value,
    readingFlag: flag === 'T',
    readingMethod,
  }
}

// ---- writing ----

function localDateTime(instant: Date): string {
  const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(LONDON)
  const two = (value: number) => String(value).padStart(2, '0')
  return `${String(local.year).padStart(4, '0')}${two(local.month)}${two(local.day)}${two(local.hour)}${two(local.minute)}${two(local.second)}`
}

/**
 * Write a D0010 file that `parseD0010` accepts: header, one 026 group per meter point, 028 per
 * meter, 030 per register reading, and the trailer with its counts; lines end with '\n'. Instants
 * are written in UK local time (see the file comment for the repeated autumn hour).
 * @throws UnwritableD0010 naming each field that is empty where it must not be, holds a `|` or a
 *   line break, is not a valid instant, or (for a reading) is not a non-negative decimal
 */
export function writeD0010(file: D0010FileToWrite): string {
  const problems: { path: string; message: string }[] = []
  const text = (path: string, value: string, required = true): string => {
    if (/[|\r\n]/.test(value)) problems.push({ path, message: 'must not contain | or a line break' })
    else if (required && value.trim() === '') problems.push({ path, message: 'must not be empty' })
    return value
  }
  const time = (path: string, value: Date): string => {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      problems.push({ path, message: 'is not a valid instant' })
      return ''
    }
    return localDateTime(value)
  }

  const created = time('createdAt', file.createdAt)
  const fileId = text('fileId', file.fileId)
  const lines = [
    `ZHV|${fileId}|D0010002|${text('fromRole', file.fromRole)}|${text('fromParticipant', file.fromParticipant)}|${text('toRole', file.toRole)}|${text('toParticipant', file.toParticipant)}|${created}||||OPER|`,
  ]
  file.groups.forEach((group, g) => {
    if (!validationStatuses.has(group.validationStatus)) {
      problems.push({ path: `groups.${g}.validationStatus`, message: 'must be V, U or F' })
    }
    lines.push(`026|${text(`groups.${g}.mpan`, group.mpan)}|${group.validationStatus}|`)
    group.meters.forEach((meter, m) => {
      const at = `groups.${g}.meters.${m}`
      lines.push(`028|${text(`${at}.serial`, meter.serial)}|${text(`${at}.readingType`, meter.readingType)}|`)
      meter.registers.forEach((register, r) => {
        const path = `${at}.registers.${r}`
        if (!decimalPattern.test(register.value)) {
          problems.push({ path: `${path}.value`, message: 'must be a non-negative decimal' })
        }
        lines.push(
          `030|${text(`${path}.registerId`, register.registerId)}|${time(`${path}.readAt`, register.readAt)}|${register.value}|||${register.readingFlag ? 'T' : 'F'}|${text(`${path}.readingMethod`, register.readingMethod, false)}|`,
        )
      })
    })
  })
  lines.push(`ZPT|${fileId}|${lines.length - 1}||${file.groups.length}|${created}|`)
  if (problems.length > 0) {
    throw new UnwritableD0010(`The D0010 file cannot be written: ${problems.length} bad field(s)`, problems)
  }
  return `${lines.join('\n')}\n`
}
