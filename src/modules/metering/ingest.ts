/**
 * Taking meter data in (MET-4): half-hourly interval CSV files through COPY into staging and one
 * merge, and D0010 register-reading flows through the reading rules. Idempotent: the same file twice
 * changes nothing; a corrected value replaces the old one and the change is kept.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { ValidationFailed } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { parseD0010 } from './d0010.js'
import { checkIntervalHeader, parseIntervalLine } from './interval-csv.js'
import { ReadingRejected, recordReading } from './operations.js'
import * as store from './store.js'
import type { IngestionSummary, IntervalQuality, RowProblem } from './types.js'

/** A file whose structure is broken: nothing of it is kept. */
export class FileRejected extends ValidationFailed {
  override readonly code = 'FILE_REJECTED'
}

/** Rows are staged in chunks of this many lines (one COPY each). */
const chunkRows = 50_000
/** The rejected rows kept in detail; the count is always exact. */
export const problemsKept = 10_000

export interface IntervalToStage {
  readonly line: number
  readonly meterPointId: string
  readonly intervalStart: Date
  readonly kwh: string
  readonly quality: IntervalQuality
}

function monthKey(instant: Date): string {
  return instant.toISOString().slice(0, 7)
}

/**
 * Stage, then merge, intervals that are already known to be valid and to belong to known meter
 * points: the shared bulk path of file ingestion and estimation. Returns the merge's counts.
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
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let staged = 0
  let chunk: string[] = []
  for await (const row of rows) {
    const time = row.intervalStart.getTime()
    if (time < min) min = time
    if (time > max) max = time
    months.add(monthKey(row.intervalStart))
    chunk.push(
      `${ingestionId},${row.line},${row.meterPointId},${row.intervalStart.toISOString()},${row.kwh},${row.quality}\n`,
    )
    if (chunk.length >= chunkRows) {
      staged += await store.stageIntervals(tx, chunk)
      chunk = []
    }
  }
  if (chunk.length > 0) staged += await store.stageIntervals(tx, chunk)
  if (staged === 0) return { staged, distinct: 0, written: 0, revised: 0 }
  await store.ensureMonthPartitions(tx, months)
  const window = { from: new Date(min), to: new Date(max + 1) }
  const merged = await store.mergeStaged(tx, { ingestionId, at, window })
  return { staged, ...merged }
}

/**
 * Ingest a half-hourly interval CSV (`meter_point,interval_start,kwh,quality`). A bad header
 * rejects the whole file; otherwise every good row is kept and every bad one reported with its
 * line and reason (unknown meter point, interval in the future, malformed field).
 * @throws FileRejected when the header is not the expected one or the file is empty
 */
export async function ingestIntervalCsv({
  tx,
  lines,
  fileName,
  sha256,
  actor,
  at,
  onProgress,
}: {
  tx: Tx
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
  const ids = new Map<string, string | null>()
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
      let id = ids.get(meterPoint)
      if (id === undefined) {
        id = (await store.meterPointIds(tx, [meterPoint])).get(meterPoint) ?? null
        ids.set(meterPoint, id)
      }
      if (id === null) {
        reject(lineNumber, `meter point ${meterPoint} is not known`)
        continue
      }
      if (intervalStart.getTime() > latestStart) {
        reject(lineNumber, `the interval starting ${intervalStart.toISOString()} has not ended yet`)
        continue
      }
      yield { line: lineNumber, meterPointId: id, intervalStart, kwh, quality }
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
 * one is held, and one already recorded (the same file again) is left unchanged.
 * @throws FileRejected with every structural error and its line
 */
export async function ingestD0010({
  tx,
  text,
  fileName,
  sha256,
  actor,
  at,
}: {
  tx: Tx
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
