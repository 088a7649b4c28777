/**
 * Meter reading files in and out (MET-4, IND-1): import a half-hourly CSV or a D0010 flow in one
 * transaction, and write the D0010 flow for given MPANs and dates.
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import { NotFound, withCode } from '../shared/errors.js'
import { startOfLocalDay } from '../shared/time.js'

/** The supplier's time zone, or undefined (London) before a supplier is configured. */
function supplierTimeZone(tx: Tx): Promise<string | undefined> {
  return market.getSupplier(tx).then(
    (supplier) => supplier.profile.timeZone,
    () => undefined,
  )
}

export type ReadingFileFormat = 'csv' | 'd0010'

/** What a file holds, from its first line: a D0010 flow starts with its `ZHV` header. */
export function readingFileFormat(firstLine: string): ReadingFileFormat {
  return firstLine.startsWith('ZHV|') ? 'd0010' : 'csv'
}

/**
 * Import one readings file in one transaction: a file that is rejected whole changes nothing; a row
 * dated before 2000-01-01, more than a year ahead, or outside its meter point's supply is a row error.
 * @throws metering.FileRejected
 */
export async function importReadingsFile({
  db,
  format,
  lines,
  text,
  fileName,
  sha256,
  actor,
  at,
  onProgress,
}: {
  db: Db
  format: ReadingFileFormat
  /** The file's lines, for CSV (streamed). */
  lines?: AsyncIterable<string>
  /** The whole file, for D0010. */
  text?: string
  fileName: string
  sha256: string
  actor: Actor
  at: Date
  onProgress?: (rowsRead: number) => void
}): Promise<metering.IngestionSummary> {
  return inTransaction(db, async (tx) => {
    // Supply dates are the supplier's local days (a reading outside its meter point's supply is a row error).
    const timeZone = await supplierTimeZone(tx)
    const zone = timeZone ? { timeZone } : {}
    return format === 'd0010'
      ? metering.ingestD0010({ tx, text: text ?? '', fileName, sha256, actor, at, ...zone })
      : metering.ingestIntervalCsv({
          tx,
          lines: lines ?? [],
          fileName,
          sha256,
          actor,
          at,
          ...zone,
          ...(onProgress ? { onProgress } : {}),
        })
  })
}

export class UnknownMeterPoints extends withCode(NotFound, 'METER_POINT_NOT_FOUND') {}

const readingTypeOf: Record<string, string> = { install: 'I', initial: 'I', removal: 'F', final: 'F', normal: 'N' }

/**
 * The D0010 flow for the counting readings of the given MPANs between instants [from, to).
 * @throws UnknownMeterPoints naming each MPAN that is not registered
 */
export async function exportD0010({
  db,
  mpans,
  from,
  to,
  fileId,
  fromParticipant,
  toParticipant,
  at,
}: {
  db: Db
  mpans: readonly string[]
  /** A local date ('2026-07-02', from the supplier's local midnight) or an instant. */
  from: string | Date
  /** A local date (up to the supplier's local midnight) or an instant, exclusive. */
  to: string | Date
  fileId: string
  fromParticipant: string
  toParticipant: string
  at: Date
}): Promise<{ text: string; readings: number }> {
  const { rows, unknown } = await inTransaction(db, async (tx) => {
    const timeZone = await supplierTimeZone(tx)
    const bound = (value: string | Date) => (typeof value === 'string' ? startOfLocalDay(value, timeZone) : value)
    return metering.readingsForD0010({ tx, mpans, from: bound(from), to: bound(to) })
  })
  if (unknown.length > 0) {
    throw new UnknownMeterPoints(
      `Not registered: ${unknown.join(', ')}`,
      unknown.map((mpan) => ({ path: 'mpan', message: `${mpan} is not registered` })),
    )
  }
  const groups: Parameters<typeof metering.writeD0010>[0]['groups'] = []
  for (const row of rows) {
    let group = groups.at(-1)
    if (!group || group.mpan !== row.mpan) {
      group = { mpan: row.mpan, validationStatus: 'V', meters: [] }
      groups.push(group)
    }
    let meter = group.meters.at(-1)
    const readingType = readingTypeOf[row.kind] ?? 'N'
    if (!meter || meter.serial !== row.serial || meter.readingType !== readingType) {
      meter = { serial: row.serial, readingType, registers: [] }
      group.meters.push(meter)
    }
    meter.registers.push({
      registerId: row.register,
      readAt: row.read_at,
      value: row.value,
      readingFlag: true,
      readingMethod: row.source === 'field' || row.source === 'agent' ? 'P' : 'N',
    })
  }
  const text = metering.writeD0010({
    fileId,
    fromRole: 'X',
    fromParticipant,
    toRole: 'X',
    toParticipant,
    createdAt: at,
    groups,
  })
  return { text, readings: rows.length }
}
