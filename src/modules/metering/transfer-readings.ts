/**
 * Transfer readings in bulk (BIL-8 migration): every register of a book moving onto Cuttle read on
 * the day it moved, recorded at once. Each reading is checked by the same rules as one submitted
 * alone (`readingTarget`, `judgeReading` in operations.ts, MET-3); the look-ups they need are made a
 * batch at a time and the readings go in with multi-row inserts, with one audit event per account.
 */

import type { Change } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import {
  judgeReading,
  MeterPointNotFound,
  type ReadingJudgement,
  ReadingRejected,
  type ReadingTarget,
  readingTarget,
} from './operations.js'
import { formatTenths } from './reading-rules.js'
import * as store from './store.js'

/** One register's transfer reading: the meter, the register, when it was read and what it said. */
export interface TransferReading {
  readonly meterPointId: string
  readonly meterSerial: string
  readonly register: string
  readonly readAt: Date
  readonly value: string
}

/** What `recordTransferReadings` did: readings recorded (held ones among them) and ones already there. */
export interface TransferReadingsResult {
  readonly recorded: number
  readonly held: number
  /** Readings already recorded (the same register, time and value): left as they were. */
  readonly unchanged: number
}

/** Readings checked a batch at a time: each batch's look-ups stay well under PostgreSQL's 65,535 parameters. */
const batchSize = 1000

/** A reading that passed every check, waiting to be written. */
interface Checked {
  readonly index: number
  readonly reading: TransferReading
  readonly point: store.MeterPointRow
  readonly target: ReadingTarget
  readonly judgement: ReadingJudgement
  readonly previous: store.ReadingRow | undefined
}

/**
 * Record transfer readings (source `transfer`), many at once: what `submitReading` would record for
 * each, the same rules deciding it (refused, accepted or held with the reason, estimates since the
 * previous actual superseded, the same reading twice recorded once), with one audit event per
 * account (`metering.readings.transferred`, naming every reading) instead of one per reading.
 * A register takes one transfer reading a call. All are checked before any is written: one bad
 * reading refuses them all, and nothing is written.
 * @throws ReadingRejected naming each bad reading (`index.field`) and why, MeterPointNotFound
 */
export async function recordTransferReadings({
  tx,
  readings,
  actor,
  at,
}: Change & { readings: readonly TransferReading[] }): Promise<TransferReadingsResult> {
  const problems: { path: string; message: string }[] = []
  const checked: Checked[] = []
  const seen = new Map<string, number>()
  let unchanged = 0
  for (let start = 0; start < readings.length; start += batchSize) {
    const batch = readings.slice(start, start + batchSize)
    const pointIds = [...new Set(batch.map((reading) => reading.meterPointId))]
    const points = new Map((await store.meterPointsByIds(tx, pointIds)).map((point) => [point.id, point]))
    const missing = pointIds.find((id) => !points.has(id))
    if (missing) throw new MeterPointNotFound(`No meter point ${missing}`)
    const meters = await store.metersOf(tx, pointIds)
    const registers = await store.registersOf(
      tx,
      meters.map((meter) => meter.id),
    )
    const targets: { index: number; reading: TransferReading; point: store.MeterPointRow; target: ReadingTarget }[] = []
    batch.forEach((reading, offset) => {
      const index = start + offset
      const point = points.get(reading.meterPointId) as store.MeterPointRow
      try {
        const target = readingTarget({ reading, point, meters, registers, at })
        const earlier = seen.get(target.register.id)
        if (earlier !== undefined) {
          problems.push({
            path: `${index}.register`,
            message: `${point.identifier} ${target.meter.serial} register ${target.register.identifier} already has a transfer reading here (${earlier})`,
          })
          return
        }
        seen.set(target.register.id, index)
        targets.push({ index, reading, point, target })
      } catch (error) {
        problems.push(...problemsOf(error, index, point.identifier))
      }
    })
    const same = await store.sameReadings(
      tx,
      targets.map(({ reading, target }) => ({
        registerId: target.register.id,
        at: reading.readAt,
        source: 'transfer',
        value: target.value,
      })),
    )
    const fresh = targets.filter(({ target }) => !same.has(target.register.id))
    unchanged += targets.length - fresh.length
    const around = await store.actualsAround(
      tx,
      fresh.map(({ reading, target }) => ({ registerId: target.register.id, at: reading.readAt })),
      6,
    )
    for (const { index, reading, point, target } of fresh) {
      const history = around.before.get(target.register.id) ?? []
      const previous = history[0]
      try {
        const judgement = judgeReading({
          point,
          target,
          readAt: reading.readAt,
          holdReason: null,
          previous,
          history: previous ? history : [],
          next: around.after.get(target.register.id),
        })
        checked.push({ index, reading, point, target, judgement, previous })
      } catch (error) {
        problems.push(...problemsOf(error, index, point.identifier))
      }
    }
  }
  if (problems.length > 0) {
    throw new ReadingRejected(
      `${problems.length === 1 ? 'A transfer reading is' : `${problems.length} transfer readings are`} not valid: ${problems[0]?.message}`,
      problems,
    )
  }
  for (let start = 0; start < checked.length; start += batchSize) {
    await write(checked.slice(start, start + batchSize), { tx, actor, at })
  }
  const held = checked.filter((each) => each.judgement.status === 'held').length
  return { recorded: checked.length, held, unchanged }
}

/** A refused reading's problems, its path under its index and its message naming the meter point. */
function problemsOf(error: unknown, index: number, identifier: string): { path: string; message: string }[] {
  if (!(error instanceof ReadingRejected)) throw error
  const [first] = Array.isArray(error.details) ? error.details : []
  return [{ path: `${index}.${first?.path ?? 'value'}`, message: `${identifier}: ${error.message}` }]
}

/** Write a batch of checked readings, supersede their registers' estimates, and audit them by account. */
async function write(batch: readonly Checked[], { tx, actor, at }: Change) {
  const rows: store.ReadingRow[] = batch.map(({ reading, target, judgement }) => ({
    id: newId('rdg'),
    meter_point_id: reading.meterPointId,
    register_id: target.register.id,
    read_at: reading.readAt,
    value: target.value,
    source: 'transfer',
    kind: 'normal',
    status: judgement.status,
    reason: judgement.reason,
    advance: judgement.advance === null ? null : formatTenths(judgement.advance),
    is_rollover: judgement.isRollover,
    ingestion_id: null,
    actor_kind: actor.kind,
    actor_id: actor.id,
    created_at: at,
  }))
  await store.insertReadings(tx, rows)
  const superseded = await store.supersedeEstimatesOf(
    tx,
    batch
      .filter(({ judgement }) => judgement.status === 'accepted')
      .map(({ target, previous }) => ({ registerId: target.register.id, after: previous?.read_at ?? null })),
  )
  const accounts = await store.accountsAt(
    tx,
    batch.map(({ reading, target }) => ({ meterPointId: reading.meterPointId, day: target.day })),
  )
  // One event per account (or per meter point supplied to none that day), in the order first met.
  const events = new Map<string, { accountId: string | null; pointId: string; readings: Record<string, unknown>[] }>()
  batch.forEach(({ reading, point, target, judgement }, position) => {
    const accountId = accounts.get(`${reading.meterPointId}|${target.day}`) ?? null
    const key = accountId ?? `mp:${point.id}`
    const event = events.get(key) ?? { accountId, pointId: point.id, readings: [] }
    events.set(key, event)
    const supersededEstimates = superseded.get(target.register.id) ?? []
    event.readings.push({
      id: rows[position]?.id,
      meterPoint: point.identifier,
      serial: target.meter.serial,
      register: target.register.identifier,
      readAt: reading.readAt.toISOString(),
      value: target.value,
      status: judgement.status,
      reason: judgement.reason,
      ...(supersededEstimates.length > 0 ? { supersededEstimates } : {}),
    })
  })
  await audit.recordMany(
    tx,
    [...events.values()].map(({ accountId, pointId, readings }) => ({
      actor,
      action: 'metering.readings.transferred',
      subject: accountId ? { type: 'account', id: accountId } : { type: 'meter_point', id: pointId },
      accountId,
      after: {
        recorded: readings.length,
        held: readings.filter((reading) => reading.status === 'held').length,
        source: 'transfer',
        readings,
      },
      at,
    })),
  )
}
