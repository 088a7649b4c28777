/**
 * COL-3: disconnection orders. Raised by people, only after the disconnection notice has had time to
 * work, never for a protected household, under an arrangement or with nothing past due.
 */
import type { AccountChange, Db, Tx } from '../../db/index.js'
import { Conflict, NotFound, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import { localDateOf } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as payments from '../payments/index.js'
import {
  accountsWithOrderIn,
  actionsInEpisode,
  insertPendingOrder,
  markPendingOrderCancelled,
  markPendingOrderCompleted,
  type OrderRow,
  ordersOf,
} from './store.js'

/** A disconnection order needs the disconnection notice sent at least this long before. */
const noticePeriodDays = 7

export interface DisconnectionOrder {
  readonly id: string
  readonly accountId: string
  readonly status: OrderRow['status']
  readonly reason: string
  readonly requestedBy: string
  readonly requestedAt: Date
  readonly endedBy: string | null
  readonly endedAt: Date | null
}

function toOrder(row: OrderRow): DisconnectionOrder {
  return camelFields(row, [
    'id',
    'account_id',
    'status',
    'reason',
    'requested_by',
    'requested_at',
    'ended_by',
    'ended_at',
  ])
}

export class DisconnectionRefused extends withCode(Conflict, 'DISCONNECTION_REFUSED') {}

export class DisconnectionOrderNotFound extends withCode(NotFound, 'DISCONNECTION_ORDER_NOT_FOUND') {}

/**
 * COL-3: raise a disconnection order. Only after the disconnection notice went out at least a week
 * before, never for a protected household, never under an active arrangement.
 * @throws DisconnectionRefused
 */
export async function createDisconnectionOrder({
  tx,
  accountId,
  reason,
  actor,
  at,
}: AccountChange & {
  reason: string
}): Promise<DisconnectionOrder> {
  await accounts.lockAccount({ tx, accountId })
  const supplier = await market.getSupplier(tx)
  const on = localDateOf(at, supplier.profile.timeZone)
  if (reason.trim().length === 0) throw new DisconnectionRefused('Say why the supply is to be disconnected')
  const registers = (await accounts.protectedAccounts({ tx, accountIds: [accountId] })).get(accountId) ?? []
  if (registers.length > 0) {
    throw new DisconnectionRefused(
      `The household is protected (${registers.join(', ')}): it is never disconnected for debt`,
      { registers },
    )
  }
  if ((await payments.activeArrangementAccounts({ tx, accountIds: [accountId] })).has(accountId)) {
    throw new DisconnectionRefused('The account has an active payment arrangement')
  }
  const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
  const episode = position.oldestPastDueOn
  if (position.pastDueMinor <= 0n || !episode) throw new DisconnectionRefused('The account has nothing past due')
  const notice = (await actionsInEpisode(tx, accountId, episode)).find(
    (action) => action.action === 'disconnection_notice',
  )
  if (!notice || notice.taken_at.getTime() > at.getTime() - noticePeriodDays * 86_400_000) {
    throw new DisconnectionRefused(
      notice
        ? `The disconnection notice went out on ${localDateOf(notice.taken_at)}: wait ${noticePeriodDays} days after it`
        : 'The notice steps are not complete: no disconnection notice has been sent for this debt',
    )
  }
  const row: OrderRow = {
    id: newId('dco'),
    account_id: accountId,
    status: 'pending',
    reason: reason.trim(),
    requested_by: actor.id,
    requested_at: at,
    ended_by: null,
    ended_at: null,
  }
  if (!(await insertPendingOrder(tx, row))) {
    throw new DisconnectionRefused('A disconnection order is pending on the account already')
  }
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.ordered',
    subject: { type: 'disconnection_order', id: row.id },
    accountId,
    after: { reason: row.reason, pastDueMinor: position.pastDueMinor.toString() },
    at,
  })
  return toOrder(row)
}

/** @throws DisconnectionOrderNotFound */
export async function cancelDisconnectionOrder({ tx, accountId, actor, at }: AccountChange) {
  const id = await markPendingOrderCancelled(tx, { accountId, endedBy: actor.id, endedAt: at })
  if (!id) throw new DisconnectionOrderNotFound('There is no pending disconnection order on the account')
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.cancelled',
    subject: { type: 'disconnection_order', id },
    accountId,
    at,
  })
}

/**
 * The field job is done: the supply was disconnected (the order completed). The account shows gray
 * from then on (ACC-6). @throws DisconnectionOrderNotFound
 */
export async function completeDisconnectionOrder({
  tx,
  accountId,
  actor,
  at,
}: AccountChange): Promise<DisconnectionOrder> {
  const row = await markPendingOrderCompleted(tx, { accountId, endedBy: actor.id, endedAt: at })
  if (!row) throw new DisconnectionOrderNotFound('There is no pending disconnection order on the account')
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.completed',
    subject: { type: 'disconnection_order', id: row.id },
    accountId,
    at,
  })
  return toOrder(row)
}

/** Accounts whose latest disconnection order was carried out: the supply is off. */
export async function disconnectedAccounts({ tx, accountIds }: { tx: Db | Tx; accountIds: readonly string[] }) {
  return new Set(await accountsWithOrderIn(tx, { accountIds, status: 'completed' }))
}

export async function disconnectionOrdersOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await ordersOf(tx, accountId)
  return rows.map(toOrder)
}

export async function pendingDisconnections({ tx, accountIds }: { tx: Db | Tx; accountIds: readonly string[] }) {
  return new Set(await accountsWithOrderIn(tx, { accountIds, status: 'pending' }))
}
