/**
 * Taking meter data in (MET-4): half-hourly interval CSV files through COPY into staging and one
 * merge, and D0010 register-reading flows through the reading rules. Idempotent: the same file twice
 * changes nothing; a corrected value replaces the old one and the change is kept.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { addDays, localDateOf, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { d0010HoldReason, parseD0010 } from './d0010.js'
import { checkIntervalHeader, parseIntervalLine } from './interval-csv.js'
import { ReadingRejected, recordReading } from './operations.js'
import * as store from './store.js'
import type { IngestionSummary, IntervalQuality, RowProblem } from './types.js'

/** A file whose structure is broken: nothing of it is kept. */
export class FileRejected extends withCode(ValidationFailed, 'FILE_REJECTED') {}

/** Day rows are staged in chunks of this many (one COPY each). */
const chunkRows = 5_000
/** The rejected rows kept in detail; the count is always exact. */
export const problemsKept = 10_000

export interface IntervalToStage {
  readonly line: number
  readonly meterPointId: string
  readonly intervalStart: Date
  readonly kwh: string
  readonly quality: IntervalQuality
}

const dayMs = 86_400_000
const halfHourMs = 1_800_000

/**
 * The dates a reading may carry: from 2000-01-01 (before any smart or settlement data a supplier
 * holds today) to a year after the import. Outside it a row is an error with its line, never sent to
 * the database (a year-0 date made PostgreSQL fail the whole import; a year-1 one made a partition).
 */
export const earliestReadingDate = '2000-01-01'

/** When a meter point's readings may fall: the plausible range, then its supply, as instants (ends exclusive). */
export interface ReadingWindow {
  readonly plausible: { readonly fromMs: number; readonly toMs: number }
  readonly supply: { readonly fromMs: number; readonly toMs: number; readonly from: string; readonly to: string | null }
  readonly identifier: string
}

/**
 * The window of a meter point's readings: the plausible range, and the meter point's supply (its
 * first supply start to its last supply end, local days; unbounded when it was never supplied).
 * Throws nothing.
 */
export function readingWindow({
  identifier,
  supply,
  at,
  timeZone,
}: {
  identifier: string
  supply: { from: string; to: string | null } | undefined
  at: Date
  timeZone?: string
}): ReadingWindow {
  return {
    identifier,
    plausible: {
      fromMs: startOfLocalDay(earliestReadingDate, timeZone).getTime(),
      toMs: startOfLocalDay(addDays(localDateOf(at, timeZone), 366), timeZone).getTime(),
    },
    supply: {
      fromMs: supply ? startOfLocalDay(supply.from, timeZone).getTime() : Number.NEGATIVE_INFINITY,
      toMs: supply?.to ? startOfLocalDay(supply.to, timeZone).getTime() : Number.POSITIVE_INFINITY,
      from: supply?.from ?? '',
      to: supply?.to ?? null,
    },
  }
}

/** Why an instant is outside the window (the plausible range first), or null when inside. Throws nothing. */
function outsideWindow(instant: Date, window: ReadingWindow): string | null {
  const time = instant.getTime()
  if (time < window.plausible.fromMs) return `is before ${earliestReadingDate}, outside the plausible range of readings`
  if (time >= window.plausible.toMs) return 'is more than a year after the import, outside the plausible range'
  if (time < window.supply.fromMs) return `is before ${window.identifier}'s supply started on ${window.supply.from}`
  if (time >= window.supply.toMs && window.supply.to)
    return `is after ${window.identifier}'s supply ended (last day ${addDays(window.supply.to, -1)})`
  return null
}

/**
 * A validated kWh text as whole thousandths ('0.123' → 123, '2' → 2000, '0.1230' → 123).
 * @throws Error for anything else: rows reach the store validated, so this is a fault of the caller
 */
export function kwhThousandths(text: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)
  const fraction = match?.[2] ?? ''
  if (!match || !/^0*$/.test(fraction.slice(3)))
    throw new Error(`kWh '${text}' is not a quantity of at most 3 decimal places`)
  const value = Number(match[1]) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'))
  if (!Number.isSafeInteger(value) || value > 2_147_483_647) throw new Error(`kWh '${text}' is too large to store`)
  return value
}

/** A day row being gathered: Wh a slot (-1: none), estimated flags, the line of its latest half hour. */
interface OpenDay {
  readonly meterPointId: string
  readonly day: number
  readonly wh: Int32Array
  readonly estimated: Uint8Array
  line: number
}

/** Days gathered at once before the oldest is staged: files interleave meter points, a few thousand at most. */
const openDaysKept = 4096

/**
 * Stage, then merge, intervals that are already known to be valid and to belong to known meter
 * points: the shared bulk path of file ingestion and estimation. Rows come in line order; the half
 * hours of one meter point and UTC day are gathered into one day row (a repeated half hour takes its
 * later line's value) and staged when the day is done with, or when more than `openDaysKept` days
 * are open (the oldest first), so a day met again later is staged again with later lines, which win
 * in the merge. Returns the merge's counts, in half hours.
 */
export async function loadIntervals({
  tx,
  ingestionId,
  rows,
  at,
}: {
  tx: Tx
  ingestionId: string
  rows: AsyncIterable<IntervalToStage> | Iterable<IntervalToStage>
  at: Date
}): Promise<{ staged: number; distinct: number; written: number; revised: number }> {
  const months = new Set<string>()
  let staged = 0
  let chunk: string[] = []
  let previousLine = Number.NEGATIVE_INFINITY
  const open = new Map<string, OpenDay>()
  const stage = (day: OpenDay) => {
    let mask = 0
    const values: string[] = []
    for (let slot = 0; slot < 48; slot++) {
      const value = day.wh[slot] as number
      values.push(value < 0 ? 'NULL' : String(value))
      if (value >= 0 && day.estimated[slot] === 1) mask += 2 ** slot
    }
    const date = new Date(day.day * dayMs).toISOString()
    months.add(date.slice(0, 7))
    chunk.push(`${ingestionId},${day.line},${day.meterPointId},${date.slice(0, 10)},"{${values.join(',')}}",${mask}\n`)
  }
  let last: OpenDay | undefined
  for await (const row of rows) {
    if (row.line <= previousLine) throw new Error(`interval rows out of line order: ${row.line} after ${previousLine}`)
    previousLine = row.line
    const time = row.intervalStart.getTime()
    if (time % halfHourMs !== 0) throw new Error(`interval ${row.intervalStart.toISOString()} is not on a half hour`)
    const dayNumber = Math.floor(time / dayMs)
    let day = last
    if (!day || day.meterPointId !== row.meterPointId || day.day !== dayNumber) {
      const key = `${row.meterPointId}|${dayNumber}`
      day = open.get(key)
      if (!day) {
        if (open.size >= openDaysKept) {
          const [oldestKey, oldest] = open.entries().next().value as [string, OpenDay]
          open.delete(oldestKey)
          stage(oldest)
          if (chunk.length >= chunkRows) {
            await store.stageIntervalDays(tx, chunk)
            chunk = []
          }
        }
        day = {
          meterPointId: row.meterPointId,
          day: dayNumber,
          wh: new Int32Array(48).fill(-1),
          estimated: new Uint8Array(48),
          line: 0,
        }
        open.set(key, day)
      }
      last = day
    }
    const slot = (time - dayNumber * dayMs) / halfHourMs
    day.wh[slot] = kwhThousandths(row.kwh)
    day.estimated[slot] = row.quality === 'estimated' ? 1 : 0
    day.line = row.line
    staged++
  }
  for (const day of open.values()) stage(day)
  if (chunk.length > 0) await store.stageIntervalDays(tx, chunk)
  if (staged === 0) return { staged, distinct: 0, written: 0, revised: 0 }
  await store.ensureMonthPartitions(tx, months)
  const merged = await store.mergeStaged(tx, { ingestionId, at })
  return { staged, ...merged }
}

/**
 * Ingest a half-hourly interval CSV (`meter_point,interval_start,kwh,quality`). A bad header
 * rejects the whole file; otherwise every good row is kept and every bad one reported with its
 * line and reason (unknown meter point, interval in the future, before 2000-01-01 or outside the
 * meter point's supply, malformed field).
 * @throws FileRejected when the header is not the expected one or the file is empty
 */
export async function ingestIntervalCsv({
  tx,
  lines,
  fileName,
  sha256,
  actor,
  at,
  timeZone,
  onProgress,
}: {
  tx: Tx
  /** The supplier's time zone, where supply dates start (Europe/London when absent). */
  timeZone?: string
  lines: AsyncIterable<string> | Iterable<string>
  fileName: string | null
  sha256: string | null
  actor: Actor
  at: Date
  onProgress?: (linesRead: number) => void
}): Promise<IngestionSummary> {
  const ingestionId = newId('ing')
  const problems: RowProblem[] = []
  let rejected = 0
  let total = 0
  const reject = (line: number, message: string) => {
    rejected++
    if (problems.length < problemsKept) problems.push({ line, message })
  }
  const ids = new Map<string, { id: string; window: ReadingWindow } | null>()
  const latestStart = at.getTime() - 30 * 60_000
  let sawHeader = false

  async function* accepted(): AsyncGenerator<IntervalToStage> {
    let lineNumber = 0
    for await (const line of lines) {
      lineNumber++
      if (lineNumber === 1) {
        const header = checkIntervalHeader(line)
        if (!header.ok)
          throw new FileRejected('The file is not an interval CSV', [{ path: 'line 1', message: header.message }])
        sawHeader = true
        continue
      }
      if (line.trim() === '') continue
      total++
      if (onProgress && total % 100_000 === 0) onProgress(total)
      const parsed = parseIntervalLine(line, lineNumber)
      if (!parsed.ok) {
        reject(parsed.line, parsed.message)
        continue
      }
      const { meterPoint, intervalStart, kwh, quality } = parsed.row
      let known = ids.get(meterPoint)
      if (known === undefined) {
        const id = (await store.meterPointIds(tx, [meterPoint])).get(meterPoint)
        known = id
          ? {
              id,
              window: readingWindow({
                identifier: meterPoint,
                supply: (await store.supplySpans(tx, [id])).get(id),
                at,
                ...(timeZone ? { timeZone } : {}),
              }),
            }
          : null
        ids.set(meterPoint, known)
      }
      if (known === null) {
        reject(lineNumber, `meter point ${meterPoint} is not known`)
        continue
      }
      if (intervalStart.getTime() > latestStart) {
        reject(lineNumber, `the interval starting ${intervalStart.toISOString()} has not ended yet`)
        continue
      }
      const outside = outsideWindow(intervalStart, known.window)
      if (outside) {
        reject(lineNumber, `the interval starting ${intervalStart.toISOString()} ${outside}`)
        continue
      }
      yield { line: lineNumber, meterPointId: known.id, intervalStart, kwh, quality }
    }
  }

  const merged = await loadIntervals({ tx, ingestionId, rows: accepted(), at })
  if (!sawHeader) throw new FileRejected('The file is empty', [{ path: 'line 1', message: 'no header line' }])
  onProgress?.(total)
  const inserted = merged.written - merged.revised
  const summary: IngestionSummary = {
    ingestionId,
    total,
    inserted,
    revised: merged.revised,
    // repeated lines within the file count as unchanged: the last one wins
    unchanged: merged.staged - merged.written,
    held: 0,
    rejected,
    problems,
  }
  await saveIngestion(tx, { kind: 'intervals_csv', fileName, sha256, summary, actor, at })
  return summary
}

/**
 * Ingest a D0010 meter-reading flow: a structurally broken file is rejected whole; each reading is
 * validated like any other (MET-3), so a bad one is reported with its line and reason, a doubtful
 * one is held, and one already recorded (the same file again) is left unchanged. A reading dated
 * before 2000-01-01, more than a year ahead or outside the meter point's supply is a row error.
 * @throws FileRejected with every structural error and its line
 */
export async function ingestD0010({
  tx,
  text,
  fileName,
  sha256,
  actor,
  at,
  timeZone,
}: {
  tx: Tx
  /** The supplier's time zone, where supply dates start (Europe/London when absent). */
  timeZone?: string
  text: string
  fileName: string | null
  sha256: string | null
  actor: Actor
  at: Date
}): Promise<IngestionSummary> {
  const parsed = parseD0010(text)
  if (!parsed.ok) {
    throw new FileRejected(
      'The D0010 file is not valid',
      parsed.errors.map((error) => ({ path: `line ${error.line}`, message: error.message })),
    )
  }
  const ingestionId = newId('ing')
  const problems: RowProblem[] = parsed.rejected.map((row) => ({ line: row.line, message: row.message }))
  let inserted = 0
  let unchanged = 0
  let held = 0
  for (const reading of parsed.readings) {
    const point = await store.meterPointByIdentifier(tx, reading.mpan)
    if (!point) {
      problems.push({ line: reading.line, message: `meter point ${reading.mpan} is not known` })
      continue
    }
    const window = readingWindow({
      identifier: point.identifier,
      supply: (await store.supplySpans(tx, [point.id])).get(point.id),
      at,
      ...(timeZone ? { timeZone } : {}),
    })
    const outside = outsideWindow(reading.readAt, window)
    if (outside) {
      problems.push({ line: reading.line, message: `the reading dated ${reading.readAt.toISOString()} ${outside}` })
      continue
    }
    try {
      const result = await recordReading({
        tx,
        meterPointId: point.id,
        meterSerial: reading.meterSerial,
        register: reading.registerId,
        readAt: reading.readAt,
        value: reading.value,
        source: 'industry',
        ingestionId,
        holdReason: d0010HoldReason(reading),
        actor,
        at,
      })
      if (!result.created) unchanged++
      else if (result.reading.status === 'held') held++
      else inserted++
    } catch (error) {
      if (!(error instanceof ReadingRejected)) throw error
      problems.push({ line: reading.line, message: error.message })
    }
  }
  problems.sort((a, b) => a.line - b.line)
  const summary: IngestionSummary = {
    ingestionId,
    total: parsed.readings.length + parsed.rejected.length,
    inserted,
    revised: 0,
    unchanged,
    held,
    rejected: problems.length,
    problems,
  }
  await saveIngestion(tx, { kind: 'd0010', fileName, sha256, summary, actor, at })
  return summary
}

async function saveIngestion(
  tx: Tx,
  {
    kind,
    fileName,
    sha256,
    summary,
    actor,
    at,
  }: {
    kind: 'intervals_csv' | 'd0010' | 'estimation'
    fileName: string | null
    sha256: string | null
    summary: IngestionSummary
    actor: Actor
    at: Date
  },
): Promise<void> {
  await store.insertIngestion(tx, {
    id: summary.ingestionId,
    kind,
    file_name: fileName,
    sha256,
    rows_total: summary.total,
    rows_inserted: summary.inserted,
    rows_revised: summary.revised,
    rows_unchanged: summary.unchanged,
    rows_rejected: summary.rejected,
    rejected: JSON.stringify(summary.problems.slice(0, 1000)),
    actor_kind: actor.kind,
    actor_id: actor.id,
    created_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'metering.readings.ingested',
    subject: { type: 'ingestion', id: summary.ingestionId },
    after: {
      kind,
      fileName,
      sha256,
      total: summary.total,
      inserted: summary.inserted,
      revised: summary.revised,
      unchanged: summary.unchanged,
      held: summary.held,
      rejected: summary.rejected,
    },
    at,
  })
}

export { saveIngestion }
