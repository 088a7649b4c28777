/**
 * Smart-charging dispatches (TAR-4): the half hours an intelligent tariff charged a car, recorded for
 * rating.
 */
import type { AccountChange } from '../../db/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { UnknownMeterPoint } from './agreements.js'
import { listed, type Problem } from './product-rules.js'
import * as store from './store.js'
import type { NewDispatch } from './types.js'
import { dispatchSources } from './types.js'

export class InvalidDispatches extends withCode(ValidationFailed, 'INVALID_DISPATCHES') {}

const energyPattern = /^\d{1,7}(\.\d{1,3})?$/

/**
 * Record a device's smart-charging and bump-charging dispatches (TAR-4), idempotently: a dispatch
 * already recorded for the account, device and start is left alone when unchanged and updated when
 * its end, source or energy differ (a planned dispatch completed). Audited when anything changed.
 * @throws InvalidDispatches, UnknownMeterPoint, AccountNotFound
 */
export async function recordDispatches({
  tx,
  accountId,
  meterPointId,
  dispatches,
  actor,
  at,
}: AccountChange & {
  meterPointId: string
  dispatches: readonly NewDispatch[]
}): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const problems: Problem[] = []
  const seen = new Set<string>()
  dispatches.forEach((dispatch, i) => {
    const push = (field: string, message: string) => problems.push({ path: `${i}.${field}`, message })
    if (dispatch.deviceId.length < 1 || dispatch.deviceId.length > 100) push('deviceId', 'must be 1 to 100 characters')
    if (!Number.isFinite(dispatch.startAt.getTime())) push('startAt', 'not a valid instant')
    if (!(dispatch.endAt > dispatch.startAt)) push('endAt', 'must be after startAt')
    if (!dispatchSources.includes(dispatch.source)) push('source', 'smart-charge or bump-charge')
    if (dispatch.energyKwh != null && !energyPattern.test(dispatch.energyKwh))
      push('energyKwh', 'kWh, 0 or more, at most 3 decimals')
    const key = `${dispatch.deviceId}|${dispatch.startAt.getTime()}`
    if (seen.has(key)) push('startAt', 'the device has another dispatch starting then in this batch')
    seen.add(key)
  })
  if (problems.length > 0) throw new InvalidDispatches('The dispatches are not valid', listed(problems))
  if (dispatches.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
  if (!(await store.meterPoint(tx, meterPointId)))
    throw new UnknownMeterPoint(`There is no meter point ${meterPointId}`)
  let changed: { inserted: number; updated: number }
  try {
    changed = await store.upsertDispatches(
      tx,
      dispatches.map((dispatch) => ({
        id: newId('dsp'),
        account_id: accountId,
        meter_point_id: meterPointId,
        device_id: dispatch.deviceId,
        start_at: dispatch.startAt,
        end_at: dispatch.endAt,
        source: dispatch.source,
        energy_kwh: dispatch.energyKwh ?? null,
        created_at: at,
        updated_at: at,
      })),
    )
  } catch (error) {
    const failure = store.databaseError(error)
    if (failure?.code === '23503' && failure.constraint?.includes('account'))
      throw new accounts.AccountNotFound(`There is no account ${accountId}`)
    throw error
  }
  const unchanged = dispatches.length - changed.inserted - changed.updated
  if (changed.inserted + changed.updated > 0) {
    const starts = dispatches.reduce((min, dispatch) => Math.min(min, dispatch.startAt.getTime()), Infinity)
    const ends = dispatches.reduce((max, dispatch) => Math.max(max, dispatch.endAt.getTime()), -Infinity)
    await audit.record(tx, {
      actor,
      action: 'tariffs.dispatches.recorded',
      subject: { type: 'meter_point', id: meterPointId },
      accountId,
      after: {
        ...changed,
        unchanged,
        from: new Date(starts).toISOString(),
        to: new Date(ends).toISOString(),
      },
      at,
    })
  }
  return { ...changed, unchanged }
}
