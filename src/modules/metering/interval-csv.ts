/**
 * The half-hourly interval CSV: a header line `meter_point,interval_start,kwh,quality`, then one
 * interval per line. Pure and streaming-friendly: a line is checked on its own, so a file of any
 * size can be read line by line. `parseIntervalLine` runs once per row of files with tens of millions
 * of rows, so it scans characters by index instead of using regular expressions or splitting.
 *
 * - `meter_point`: an MPAN core (13 digits, check digit and distributor checked) or an MPRN (6 to 10
 *   digits), kept as text so leading zeros survive.
 * - `interval_start`: ISO 8601 with `Z` or an offset (`2025-10-26T01:30:00+01:00`; seconds and a
 *   fraction optional), a real calendar date and time, on a half-hour boundary of the instant.
 * - `kwh`: a plain decimal, 0 ≤ kwh < 1000, at most 3 decimal places once trailing zeros are dropped.
 *   Kept exact as text in a canonical form: leading zeros of the whole part and trailing zeros of the
 *   fraction dropped, and the point too when no fraction is left ('0.250' → '0.25', '007.000' → '7',
 *   '0.0' → '0'); so '0.2500' is accepted as 0.25, but '0.1234' is refused, not rounded. No sign,
 *   exponent, thousands separator or spaces.
 * - `quality`: A, E, actual or estimated, in any case → 'actual' | 'estimated'.
 *
 * A field may be wrapped in double quotes (RFC 4180, `""` for a quote inside). A trailing `\r` (a
 * CRLF file split on `\n`) is ignored. Row problems are returned, never thrown.
 */
import { parseMpanCore } from './mpan.js'
import type { IntervalQuality } from './types.js'

export const intervalCsvHeader = 'meter_point,interval_start,kwh,quality'

export interface IntervalRow {
  /** MPAN core or MPRN, as text. */
  readonly meterPoint: string
  readonly intervalStart: Date
  /** Canonical exact decimal text, e.g. '0.25'. */
  readonly kwh: string
  readonly quality: IntervalQuality
}

/** One line's problem: its 1-based line number and a message naming the field. */
export interface IntervalLineProblem {
  readonly ok: false
  readonly line: number
  readonly message: string
}

export type IntervalLineResult =
  | { readonly ok: true; readonly line: number; readonly row: IntervalRow }
  | IntervalLineProblem

export type IntervalHeaderResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** What `readIntervalCsv` yields: each row's result, or once, a problem with the whole file (`fatal`). */
export type IntervalCsvItem = IntervalLineResult | (IntervalLineProblem & { readonly fatal: true })

const columns = ['meter_point', 'interval_start', 'kwh', 'quality'] as const
const halfHourMs = 30 * 60 * 1000
const weights = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43] as const

const COMMA = 44
const QUOTE = 34
const CR = 13
const DIGIT_0 = 48
const DIGIT_9 = 57
const DASH = 45
const PLUS = 43
const COLON = 58
const DOT = 46
const UPPER_T = 84
const UPPER_Z = 90

/**
 * Whether the first line is the interval CSV header (compared per column, trimmed, any case; a BOM
 * and quotes allowed). Throws nothing.
 */
export function checkIntervalHeader(line: string): IntervalHeaderResult {
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line
  const fields = splitQuoted(text, trimmedEnd(text))
  const matches =
    typeof fields !== 'string' &&
    fields.length === columns.length &&
    fields.every((field, index) => field.trim().toLowerCase() === columns[index])
  if (matches) return { ok: true }
  if (text.trim() === '') return { ok: false, message: `the header line is empty: it must be ${intervalCsvHeader}` }
  return { ok: false, message: `the header must be ${intervalCsvHeader}, not ${JSON.stringify(text.trim())}` }
}

/**
 * Parse one data line (its 1-based `lineNumber` is echoed in the result). Throws nothing: a bad
 * line gives a message naming the field, e.g. `kwh "abc" is not a number`.
 */
export function parseIntervalLine(line: string, lineNumber: number): IntervalLineResult {
  const end = line.length > 0 && line.charCodeAt(line.length - 1) === CR ? line.length - 1 : line.length
  if (line.indexOf('"') !== -1) return parseQuotedLine(line, end, lineNumber)
  const c1 = line.indexOf(',')
  const c2 = c1 === -1 ? -1 : line.indexOf(',', c1 + 1)
  const c3 = c2 === -1 ? -1 : line.indexOf(',', c2 + 1)
  if (c3 === -1 || line.indexOf(',', c3 + 1) !== -1) return fieldCountProblem(line, end, lineNumber)
  return parseFields(line, 0, c1, line, c1 + 1, c2, line, c2 + 1, c3, line, c3 + 1, end, lineNumber)
}

/**
 * Read an interval CSV line by line (the header is line 1), yielding each data line's result in
 * order. Blank lines carry nothing and are skipped (trailing ones included). A missing or wrong header
 * yields one `fatal` problem for line 1 and ends the file. Throws nothing of its own.
 */
export async function* readIntervalCsv(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<IntervalCsvItem, void, undefined> {
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (lineNumber === 1) {
      const header = checkIntervalHeader(line)
      if (!header.ok) {
        yield { ok: false, line: 1, message: header.message, fatal: true }
        return
      }
      continue
    }
    if (isBlank(line)) continue
    yield parseIntervalLine(line, lineNumber)
  }
  if (lineNumber === 0) {
    yield { ok: false, line: 1, message: `the file is empty: it needs the header ${intervalCsvHeader}`, fatal: true }
  }
}

/**
 * One data line for a row (no line ending): the instant in UTC (`…Z`), quality as A or E.
 * @throws RangeError when `intervalStart` is an invalid Date
 */
export function intervalCsvLine(row: IntervalRow): string {
  const iso = row.intervalStart.toISOString()
  const start = iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso
  return `${row.meterPoint},${start},${row.kwh},${row.quality === 'actual' ? 'A' : 'E'}`
}

// ---- the fields ----

function parseFields(
  s0: string,
  a0: number,
  b0: number,
  s1: string,
  a1: number,
  b1: number,
  s2: string,
  a2: number,
  b2: number,
  s3: string,
  a3: number,
  b3: number,
  lineNumber: number,
): IntervalLineResult {
  const meterPoint = s0.slice(a0, b0)
  const pointProblem = meterPointProblem(meterPoint)
  if (pointProblem !== null) return { ok: false, line: lineNumber, message: pointProblem }

  const start = parseInstant(s1, a1, b1)
  if (start.problem !== null) return { ok: false, line: lineNumber, message: start.problem }
  const startMs = start.ms
  if (startMs % halfHourMs !== 0) {
    return {
      ok: false,
      line: lineNumber,
      message: `interval_start ${quoted(s1, a1, b1)} is not on a half-hour boundary (:00 or :30, no seconds)`,
    }
  }

  const kwh = canonicalKwh(s2, a2, b2)
  if (kwh.problem !== null) return { ok: false, line: lineNumber, message: kwh.problem }

  const quality = qualityOf(s3, a3, b3)
  if (quality === null) {
    return {
      ok: false,
      line: lineNumber,
      message: `quality ${JSON.stringify(s3.slice(a3, b3))} is not A, E, actual or estimated`,
    }
  }
  return { ok: true, line: lineNumber, row: { meterPoint, intervalStart: new Date(startMs), kwh: kwh.text, quality } }
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9
}

function meterPointProblem(text: string): string | null {
  const length = text.length
  if (length === 0) return 'meter_point is empty'
  for (let index = 0; index < length; index++) {
    if (!isDigit(text.charCodeAt(index))) {
      return `meter_point ${JSON.stringify(text)} is not an MPAN core or MPRN: it must be digits only`
    }
  }
  if (length >= 6 && length <= 10) return null
  if (length !== 13) {
    return `meter_point ${JSON.stringify(text)} is neither an MPAN core (13 digits) nor an MPRN (6 to 10 digits)`
  }
  let sum = 0
  for (let index = 0; index < 12; index++) sum += (text.charCodeAt(index) - DIGIT_0) * weights[index]!
  const distributor = (text.charCodeAt(0) - DIGIT_0) * 10 + text.charCodeAt(1) - DIGIT_0
  if ((sum % 11) % 10 === text.charCodeAt(12) - DIGIT_0 && distributor >= 10 && distributor <= 38) return null
  const parsed = parseMpanCore(text)
  return `meter_point ${text} is not a valid MPAN core: ${parsed.ok ? 'unknown problem' : parsed.reason}`
}

/** Two digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index)
  const units = text.charCodeAt(index + 1)
  if (!isDigit(tens) || !isDigit(units)) return -1
  return (tens - DIGIT_0) * 10 + units - DIGIT_0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const instant = { ms: 0, problem: null as string | null }

/**
 * The instant written in `s[start, end)` as `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, naming a
 * real date and time, or the problem. Computed here from the checked digits (days from the civil
 * date, as in Howard Hinnant's algorithm) rather than by `Date.parse`, which is several times slower
 * and accepts dates like 30 February. A non-zero fraction of a second moves `ms` off the half-hour
 * grid, so the caller refuses it. Reuses one result object: read it before the next call.
 */
function parseInstant(s: string, start: number, end: number): { ms: number; problem: string | null } {
  const result = instant
  result.problem = null
  const length = end - start
  if (length === 0) {
    result.problem = 'interval_start is empty'
    return result
  }
  const century = length < 17 ? -1 : twoDigits(s, start)
  const yy = twoDigits(s, start + 2)
  const month = twoDigits(s, start + 5)
  const day = twoDigits(s, start + 8)
  const hour = twoDigits(s, start + 11)
  const minute = twoDigits(s, start + 14)
  if (
    century < 0 ||
    yy < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    s.charCodeAt(start + 4) !== DASH ||
    s.charCodeAt(start + 7) !== DASH ||
    s.charCodeAt(start + 10) !== UPPER_T ||
    s.charCodeAt(start + 13) !== COLON
  ) {
    return notIso(s, start, end)
  }
  let index = start + 16
  let second = 0
  let fraction = false
  if (index < end && s.charCodeAt(index) === COLON) {
    second = twoDigits(s, index + 1)
    if (second < 0) return notIso(s, start, end)
    index += 3
    if (index < end && s.charCodeAt(index) === DOT) {
      const fractionStart = ++index
      while (index < end && isDigit(s.charCodeAt(index))) {
        if (s.charCodeAt(index) !== DIGIT_0) fraction = true
        index++
      }
      if (index === fractionStart || index - fractionStart > 9) return notIso(s, start, end)
    }
  }
  if (index >= end) {
    result.problem = `interval_start ${quoted(s, start, end)} has no offset: add Z or one like +01:00`
    return result
  }
  let offsetMinutes = 0
  const zone = s.charCodeAt(index)
  if (zone === UPPER_Z) {
    if (index + 1 !== end) return notIso(s, start, end)
  } else if (zone === PLUS || zone === DASH) {
    const hours = twoDigits(s, index + 1)
    const minutes = twoDigits(s, index + 4)
    if (hours < 0 || minutes < 0 || s.charCodeAt(index + 3) !== COLON || index + 6 !== end) {
      return notIso(s, start, end)
    }
    if (hours > 23 || minutes > 59) {
      result.problem = `interval_start ${quoted(s, start, end)} has an impossible offset`
      return result
    }
    offsetMinutes = zone === PLUS ? hours * 60 + minutes : -(hours * 60 + minutes)
  } else {
    return notIso(s, start, end)
  }
  const year = century * 100 + yy
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    result.problem = `interval_start ${quoted(s, start, end)} is not a real date and time`
    return result
  }
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes
  result.ms = minutes * 60_000 + second * 1000 + (fraction ? 500 : 0)
  return result
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function notIso(s: string, start: number, end: number): { ms: number; problem: string | null } {
  instant.problem = `interval_start ${quoted(s, start, end)} is not an ISO 8601 time with an offset, like 2025-10-26T01:30:00+01:00`
  return instant
}

function quoted(s: string, start: number, end: number): string {
  return JSON.stringify(s.slice(start, end))
}

const kwhNumber = { text: '', problem: null as string | null }

/**
 * The canonical kwh text (see the file comment) or the problem. Reuses one result object: read it
 * before the next call.
 */
function canonicalKwh(s: string, start: number, end: number): { text: string; problem: string | null } {
  const result = kwhNumber
  result.text = ''
  result.problem = null
  if (start === end) {
    result.problem = 'kwh is empty'
    return result
  }
  let index = start
  const negative = s.charCodeAt(index) === DASH
  if (negative) index++
  let wholeStart = index
  while (index < end && isDigit(s.charCodeAt(index))) index++
  const wholeEnd = index
  let fractionStart = end
  let fractionEnd = end
  let wellFormed = wholeEnd > wholeStart
  if (wellFormed && index < end) {
    if (s.charCodeAt(index) !== DOT) wellFormed = false
    else {
      fractionStart = ++index
      while (index < end && isDigit(s.charCodeAt(index))) index++
      if (index === fractionStart || index !== end) wellFormed = false
    }
  }
  if (!wellFormed) {
    result.problem = `kwh ${JSON.stringify(s.slice(start, end))} is not a number`
    return result
  }
  if (negative) {
    result.problem = `kwh ${JSON.stringify(s.slice(start, end))} is negative: it must be 0 or more`
    return result
  }
  while (wholeStart < wholeEnd - 1 && s.charCodeAt(wholeStart) === DIGIT_0) wholeStart++
  if (wholeEnd - wholeStart > 3) {
    result.problem = `kwh ${JSON.stringify(s.slice(start, end))} is too large: it must be below 1000`
    return result
  }
  while (fractionEnd > fractionStart && s.charCodeAt(fractionEnd - 1) === DIGIT_0) fractionEnd--
  if (fractionEnd - fractionStart > 3) {
    result.problem = `kwh ${JSON.stringify(s.slice(start, end))} has more than 3 decimal places`
    return result
  }
  result.text = fractionEnd > fractionStart ? s.slice(wholeStart, fractionEnd) : s.slice(wholeStart, wholeEnd)
  return result
}

function qualityOf(s: string, start: number, end: number): IntervalQuality | null {
  const length = end - start
  if (length === 1) {
    const code = s.charCodeAt(start) | 0x20
    if (code === 97) return 'actual' // a
    if (code === 101) return 'estimated' // e
    return null
  }
  if (length === 6 && s.slice(start, end).toLowerCase() === 'actual') return 'actual'
  if (length === 9 && s.slice(start, end).toLowerCase() === 'estimated') return 'estimated'
  return null
}

// ---- the slow paths: quotes and the wrong number of fields ----

function parseQuotedLine(line: string, end: number, lineNumber: number): IntervalLineResult {
  const fields = splitQuoted(line, end)
  if (typeof fields === 'string') return { ok: false, line: lineNumber, message: fields }
  if (fields.length !== columns.length) return fieldCountMessage(fields.length, lineNumber)
  const [f0, f1, f2, f3] = fields as [string, string, string, string]
  return parseFields(f0, 0, f0.length, f1, 0, f1.length, f2, 0, f2.length, f3, 0, f3.length, lineNumber)
}

function fieldCountProblem(line: string, end: number, lineNumber: number): IntervalLineProblem {
  if (isBlank(line)) return { ok: false, line: lineNumber, message: 'the line is blank' }
  let count = 1
  for (let index = 0; index < end; index++) if (line.charCodeAt(index) === COMMA) count++
  return fieldCountMessage(count, lineNumber)
}

function fieldCountMessage(count: number, lineNumber: number): IntervalLineProblem {
  return {
    ok: false,
    line: lineNumber,
    message: `the line has ${count} field${count === 1 ? '' : 's'}, not 4 (${intervalCsvHeader})`,
  }
}

/** The fields of `line[0, end)`, each possibly wrapped in double quotes; or the problem. */
function splitQuoted(line: string, end: number): string[] | string {
  const fields: string[] = []
  let index = 0
  for (;;) {
    if (line.charCodeAt(index) === QUOTE && index < end) {
      let value = ''
      let from = index + 1
      index = from
      for (;;) {
        const close = line.indexOf('"', index)
        if (close === -1 || close >= end) return `field ${fields.length + 1} has an opening quote but no closing one`
        if (line.charCodeAt(close + 1) === QUOTE && close + 1 < end) {
          value += line.slice(from, close + 1)
          index = close + 2
          from = index
          continue
        }
        value += line.slice(from, close)
        index = close + 1
        break
      }
      fields.push(value)
      if (index === end) return fields
      if (line.charCodeAt(index) !== COMMA) return `field ${fields.length} has text after its closing quote`
      index++
    } else {
      const comma = line.indexOf(',', index)
      const fieldEnd = comma === -1 || comma >= end ? end : comma
      const value = line.slice(index, fieldEnd)
      if (value.includes('"')) return `field ${fields.length + 1} has a quote inside it without being quoted`
      fields.push(value)
      if (fieldEnd === end) return fields
      index = fieldEnd + 1
    }
  }
}

function trimmedEnd(line: string): number {
  return line.length > 0 && line.charCodeAt(line.length - 1) === CR ? line.length - 1 : line.length
}

function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index)
    if (code !== 32 && code !== 9 && code !== CR) return false
  }
  return true
}
