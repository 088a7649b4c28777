/**
 * Change of tenancy (ACC-9), the metering side: the supply of an account's meter points ends at a
 * date and the next account's supply starts there, so every day of a meter point is supplied to
 * exactly one account (the exclusion constraint on supply_periods holds the line).
 */
import type { Change } from '../../db/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as store from './store.js'

export class SupplyNotTransferable extends withCode(ValidationFailed, 'SUPPLY_NOT_TRANSFERABLE') {}

export interface SupplyTransfer {
  readonly meterPointId: string
  readonly identifier: string
  readonly fuel: string
  readonly direction: string
  /** The old account's supply period, now ending at `on`. */
  readonly endedSupplyId: string
  /** The new account's supply period, from `on` to where the old one would have ended. */
  readonly startedSupplyId: string
  readonly from: string
  readonly to: string | null
}

/**
 * Move the supply of an account's meter points to another account from the local date `on`: each
 * supply period in force on `on` ends there and the other account's starts there, to where the old
 * one was to end (usually open). Without `meterPointIds`, every meter point supplied to the account
 * on `on` moves. Refuses a date on or before the supply started (the old account would be left an
 * empty period) and a meter point not supplied to the account on that date.
 * @throws SupplyNotTransferable naming each meter point and why
 */
export async function transferSupply({
  tx,
  fromAccountId,
  toAccountId,
  on,
  meterPointIds,
  actor,
  at,
}: Change & {
  fromAccountId: string
  toAccountId: string
  on: string
  meterPointIds?: readonly string[] | undefined
}): Promise<SupplyTransfer[]> {
  if (!isLocalDate(on)) {
    throw new SupplyNotTransferable('Move supply at a date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  if (fromAccountId === toAccountId) {
    throw new SupplyNotTransferable('Supply moves to another account', [
      { path: 'toAccountId', message: 'the same account' },
    ])
  }
  // Locked: a second change of tenancy of the same meter points waits, then sees this one.
  const periods = await store.lockSupplyPeriodsOfAccount(tx, fromAccountId)
  const wanted = meterPointIds
    ? [...new Set(meterPointIds)]
    : [
        ...new Set(
          periods
            .filter((period) => period.valid_to === null || period.valid_to > on)
            .map((period) => period.meter_point_id),
        ),
      ]
  const points = new Map((await store.meterPointsByIds(tx, wanted)).map((point) => [point.id, point] as const))
  const problems: { path: string; message: string }[] = []
  if (wanted.length === 0) {
    problems.push({ path: 'on', message: `the account has no supply on or after ${on}` })
  }
  const moving: { period: store.SupplyPeriodRow; point: store.MeterPointRow }[] = []
  for (const meterPointId of wanted) {
    const point = points.get(meterPointId)
    const label = point?.identifier ?? meterPointId
    const own = periods.filter((period) => period.meter_point_id === meterPointId)
    const current = own.find((period) => period.valid_from <= on && (period.valid_to === null || period.valid_to > on))
    if (!point || own.length === 0) {
      problems.push({ path: 'meterPoints', message: `${label} is not supplied to the account` })
    } else if (!current) {
      const first = own[0]?.valid_from ?? on
      problems.push({
        path: 'on',
        message:
          first > on
            ? `${label}: the supply started on ${first}, after ${on}`
            : `${label} is not supplied to the account on ${on}`,
      })
    } else if (current.valid_from === on) {
      problems.push({
        path: 'on',
        message: `${label}: the supply started on ${on}; a change must come after the day it started`,
      })
    } else {
      moving.push({ period: current, point })
    }
  }
  if (problems.length > 0) {
    throw new SupplyNotTransferable(`The supply cannot move to the next account on ${on}`, problems)
  }
  const transfers: SupplyTransfer[] = []
  for (const { period, point } of moving) {
    // End first: the new period starts where the old one now ends, so the two never overlap.
    await store.endSupplyPeriod(tx, period.id, on)
    const started: store.SupplyPeriodRow = {
      id: newId('sup'),
      account_id: toAccountId,
      meter_point_id: point.id,
      valid_from: on,
      valid_to: period.valid_to,
    }
    await store.insertSupplyPeriods(tx, [started])
    transfers.push({
      meterPointId: point.id,
      identifier: point.identifier,
      fuel: point.fuel,
      direction: point.direction,
      endedSupplyId: period.id,
      startedSupplyId: started.id,
      from: on,
      to: period.valid_to,
    })
  }
  await audit.recordMany(
    tx,
    transfers.flatMap((transfer) => {
      const ended = moving.find(({ period }) => period.id === transfer.endedSupplyId)?.period
      return [
        {
          actor,
          action: 'metering.supply.ended',
          subject: { type: 'supply_period', id: transfer.endedSupplyId },
          accountId: fromAccountId,
          before: { validFrom: ended?.valid_from, validTo: ended?.valid_to ?? null },
          after: {
            meterPoint: transfer.identifier,
            validTo: on,
            reason: 'change_of_tenancy',
            nextAccountId: toAccountId,
          },
          at,
        },
        {
          actor,
          action: 'metering.supply.started',
          subject: { type: 'supply_period', id: transfer.startedSupplyId },
          accountId: toAccountId,
          after: {
            meterPoint: transfer.identifier,
            validFrom: on,
            validTo: transfer.to,
            reason: 'change_of_tenancy',
            previousAccountId: fromAccountId,
          },
          at,
        },
      ]
    }),
  )
  return transfers
}
