/**
 * Ending a supply (MET-1): an account's supply of a meter point stops at a local date (exclusive),
 * so the account is supplied `[from, on)`. Change of tenancy (`tenancy.ts`) ends and starts supply in
 * one step; this ends it alone (the customer left our supply, the point was registered in error).
 */
import type { Change } from '../../db/index.js'
import { Conflict, ValidationFailed, withCode } from '../../shared/errors.js'
import { isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as store from './store.js'

export class InvalidSupplyEnd extends withCode(ValidationFailed, 'INVALID_SUPPLY_END') {}
export class SupplyAlreadyEnded extends withCode(Conflict, 'SUPPLY_ALREADY_ENDED') {}

/**
 * End the account's open supply of a meter point at the local date `on` (the first day it is no
 * longer supplied). Refuses a date on or before the supply started (it would leave an empty period)
 * and a supply that has an end already.
 * @throws InvalidSupplyEnd naming `on`, SupplyAlreadyEnded
 */
export async function endSupply({
  tx,
  accountId,
  meterPointId,
  on,
  actor,
  at,
}: Change & {
  accountId: string
  meterPointId: string
  on: string
}): Promise<{ supplyId: string; from: string; to: string }> {
  if (!isLocalDate(on))
    throw new InvalidSupplyEnd('A supply ends on a date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  const point = await store.meterPointById(tx, meterPointId)
  if (!point) throw new InvalidSupplyEnd(`No meter point ${meterPointId}`, [])
  // Locked, so two ends of the same supply wait for each other.
  const periods = (await store.lockSupplyPeriodsOfAccount(tx, accountId)).filter(
    (period) => period.meter_point_id === meterPointId,
  )
  const period = periods.at(-1)
  if (!period) throw new InvalidSupplyEnd('The account has no supply of this meter point', [])
  if (period.valid_to !== null) {
    throw new SupplyAlreadyEnded(`The supply already ended on ${period.valid_to}`, { suppliedTo: period.valid_to })
  }
  if (on <= period.valid_from) {
    throw new InvalidSupplyEnd(`The supply started on ${period.valid_from}: it can end only after that`, [
      { path: 'on', message: `after ${period.valid_from}` },
    ])
  }
  await store.endSupplyPeriod(tx, period.id, on)
  await audit.record(tx, {
    actor,
    action: 'metering.supply.ended',
    subject: { type: 'supply_period', id: period.id },
    accountId,
    before: { validFrom: period.valid_from, validTo: null },
    after: { meterPoint: point.identifier, validTo: on, reason: 'supply_ended' },
    at,
  })
  return { supplyId: period.id, from: period.valid_from, to: on }
}
