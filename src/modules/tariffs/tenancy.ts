/**
 * Change of tenancy (ACC-9), the tariffs side: the old account's agreements end at the start of the
 * move date and the next account's start there, on the same tariffs or on one given tariff.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { isLocalDate, startOfLocalDay } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { AgreementNotFound, AgreementOverlap, InvalidAgreement, startAgreement } from './agreements.js'
import * as store from './store.js'
import type { Agreement } from './types.js'

export interface AgreementTransfer {
  readonly meterPointId: string
  /** The old account's agreement, now ending at the start of the move date. */
  readonly endedAgreementId: string
  readonly endedTariffCode: string
  readonly started: Agreement
}

/**
 * Move the tariffs of meter points from one account to the next at the start of the local date
 * `on`: the old account's agreement in force then ends there and the next account's starts there,
 * on the same tariff to where the old one was to end, or on `tariffCode` (for every meter point)
 * with that tariff's own term. A move is not a customer leaving a fixed term early: no exit fee is
 * recorded on the ended agreement.
 * @throws InvalidAgreement (not a date, an agreement that starts on the date itself, a tariff that
 *   does not fit the meter point), AgreementNotFound (no agreement in force at the date),
 *   AgreementOverlap (an agreement already arranged after the date), TariffNotFound
 */
export async function transferAgreements({
  tx,
  fromAccountId,
  toAccountId,
  meterPointIds,
  on,
  tariffCode,
  actor,
  at,
}: {
  tx: Tx
  fromAccountId: string
  toAccountId: string
  meterPointIds: readonly string[]
  on: string
  /** The tariff for the next account; its agreements keep the old tariffs when absent. */
  tariffCode?: string | null | undefined
  actor: Actor
  at: Date
}): Promise<AgreementTransfer[]> {
  if (!isLocalDate(on)) {
    throw new InvalidAgreement('Move agreements at a date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  const from = startOfLocalDay(on)
  const transfers: AgreementTransfer[] = []
  for (const meterPointId of [...new Set(meterPointIds)]) {
    const agreements = await store.lockAgreementsInForceFrom(tx, meterPointId, from)
    const current = agreements.find((row) => row.valid_from <= from)
    if (!current || current.account_id !== fromAccountId) {
      throw new AgreementNotFound(
        `The account has no agreement on meter point ${meterPointId} at ${from.toISOString()}`,
      )
    }
    if (current.valid_from.getTime() === from.getTime()) {
      throw new InvalidAgreement('The agreement starts on the move date itself', [
        { path: 'on', message: `must be after ${current.valid_from.toISOString()}` },
      ])
    }
    const later = agreements.find((row) => row.valid_from > from)
    if (later) {
      throw new AgreementOverlap(
        `The meter point already has an agreement from ${later.valid_from.toISOString()}: end or move it first`,
        [{ path: 'on', message: `overlaps agreement ${later.id}` }],
      )
    }
    await store.endAgreement(tx, current.id, { validTo: from, exitFeeMinor: 0n })
    await audit.record(tx, {
      actor,
      action: 'tariffs.agreement.ended',
      subject: { type: 'agreement', id: current.id },
      accountId: fromAccountId,
      before: { validTo: current.valid_to?.toISOString() ?? null },
      after: {
        tariff: current.tariff_code,
        meterPointId,
        validFrom: current.valid_from.toISOString(),
        validTo: from.toISOString(),
        exitFeeMinor: '0',
        reason: 'change_of_tenancy',
        nextAccountId: toAccountId,
      },
      at,
    })
    const started = await startAgreement({
      tx,
      accountId: toAccountId,
      meterPointId,
      tariffCode: tariffCode ?? current.tariff_code,
      from,
      // The same tariff to the same end (usually open); a chosen tariff runs its own course.
      ...(tariffCode ? {} : { to: current.valid_to }),
      actor,
      at,
    })
    transfers.push({
      meterPointId,
      endedAgreementId: current.id,
      endedTariffCode: current.tariff_code,
      started,
    })
  }
  return transfers
}
