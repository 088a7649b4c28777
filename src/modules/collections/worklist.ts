/**
 * The collections worklist: past-due accounts, most overdue first, with their last step and
 * protections.
 */
import type { Db, Tx } from '../../db/index.js'
import { daysBetween } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as cases from '../cases/index.js'
import * as ledger from '../ledger/index.js'
import * as payments from '../payments/index.js'
import { pendingDisconnections } from './disconnections.js'
import { lastActionOf } from './store.js'

export interface WorklistItem {
  readonly accountId: string
  readonly pastDueMinor: bigint
  readonly balanceMinor: bigint
  readonly oldestPastDueOn: string
  readonly daysPastDue: number
  readonly lastAction: string | null
  readonly lastActionAt: Date | null
  readonly protectedBy: string[]
  readonly arrangement: boolean
  readonly disputed: boolean
  readonly disconnectionPending: boolean
}

/** COL: accounts past due on `on`, most overdue first, for collections specialists. */
export async function worklist({ tx, on, limit }: { tx: Db | Tx; on: string; limit: number }): Promise<WorklistItem[]> {
  const ids: string[] = []
  let afterId: string | null = null
  for (;;) {
    const page = await ledger.accountsOwingPastDue({ tx, asOf: on, afterId, limit: 1000 })
    ids.push(...page)
    afterId = page.at(-1) ?? null
    if (page.length < 1000 || ids.length >= 5000) break
  }
  const protectedBy = await accounts.protectedAccounts({ tx, accountIds: ids })
  const arranged = await payments.activeArrangementAccounts({ tx, accountIds: ids })
  const disconnecting = await pendingDisconnections({ tx, accountIds: ids })
  const disputed = await cases.activeBillingDisputes({ tx, accountIds: ids })
  const items: WorklistItem[] = []
  for (const accountId of ids) {
    const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
    if (position.pastDueMinor <= 0n || !position.oldestPastDueOn) continue
    const last = await lastActionOf(tx, accountId)
    items.push({
      accountId,
      pastDueMinor: position.pastDueMinor,
      balanceMinor: position.balanceMinor,
      oldestPastDueOn: position.oldestPastDueOn,
      daysPastDue: daysBetween(position.oldestPastDueOn, on),
      lastAction: last?.action ?? null,
      lastActionAt: last?.taken_at ?? null,
      protectedBy: protectedBy.get(accountId) ?? [],
      arrangement: arranged.has(accountId),
      disputed: disputed.has(accountId),
      disconnectionPending: disconnecting.has(accountId),
    })
  }
  return items.sort((a, b) => b.daysPastDue - a.daysPastDue || Number(b.pastDueMinor - a.pastDueMinor)).slice(0, limit)
}
