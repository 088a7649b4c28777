/**
 * ACC-6: holds on an account, placed and lifted by people with `accounts.hold.manage`. A seasonal
 * hold (an empty holiday home) shows the account gray from its first day until it ends or is lifted.
 */
import type { AccountChange, Db, Tx } from '../../db/index.js'
import { NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as audit from '../audit/index.js'
import { type HoldRow, holdsInForceOn, insertHold, markHoldLifted } from './holds-store.js'

export interface AccountHold {
  readonly id: string
  readonly kind: 'seasonal'
  readonly reason: string
  readonly startsOn: string
  readonly endsOn: string | null
  readonly placedBy: string
  readonly placedAt: Date
}

export class InvalidHold extends withCode(ValidationFailed, 'INVALID_HOLD') {}
export class HoldNotFound extends withCode(NotFound, 'HOLD_NOT_FOUND') {}

function toHold(row: HoldRow): AccountHold {
  return camelFields(row, ['id', 'kind', 'reason', 'starts_on', 'ends_on', 'placed_by', 'placed_at'])
}

/** @throws InvalidHold */
export async function placeHold({
  tx,
  accountId,
  kind,
  reason,
  startsOn,
  endsOn,
  actor,
  at,
}: AccountChange & {
  kind: 'seasonal'
  reason: string
  startsOn: string
  endsOn?: string | null | undefined
}): Promise<AccountHold> {
  const problems: { path: string; message: string }[] = []
  if (kind !== 'seasonal') problems.push({ path: 'kind', message: 'seasonal' })
  if (reason.trim().length === 0 || reason.length > 500)
    problems.push({ path: 'reason', message: '1 to 500 characters' })
  if (endsOn && endsOn <= startsOn) problems.push({ path: 'endsOn', message: 'must be after startsOn' })
  if (problems.length > 0) throw new InvalidHold('The hold is not valid', problems)
  const row: HoldRow = {
    id: newId('hold'),
    account_id: accountId,
    kind,
    reason: reason.trim(),
    starts_on: startsOn,
    ends_on: endsOn ?? null,
    placed_by: actor.id,
    placed_at: at,
    lifted_by: null,
    lifted_at: null,
  }
  await insertHold(tx, row)
  await audit.record(tx, {
    actor,
    action: 'accounts.hold.placed',
    subject: { type: 'account_hold', id: row.id },
    accountId,
    after: { kind, reason: row.reason, startsOn, endsOn: row.ends_on },
    at,
  })
  return toHold(row)
}

/** @throws HoldNotFound */
export async function liftHold({
  tx,
  accountId,
  holdId,
  actor,
  at,
}: AccountChange & {
  holdId: string
}): Promise<void> {
  if (!(await markHoldLifted(tx, { accountId, holdId, liftedBy: actor.id, liftedAt: at })))
    throw new HoldNotFound(`There is no hold ${holdId} in place`)
  await audit.record(tx, {
    actor,
    action: 'accounts.hold.lifted',
    subject: { type: 'account_hold', id: holdId },
    accountId,
    at,
  })
}

/** Holds in force on a local date (started, not ended, not lifted). */
export async function holdsInForce({ tx, accountId, on }: { tx: Db | Tx; accountId: string; on: string }) {
  return (await holdsInForceOn(tx, accountId, on)).map(toHold)
}
