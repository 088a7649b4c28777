import { describe, expect, it } from 'vitest'
import type { Tx } from '../../db/index.js'
import * as ledger from '../ledger/index.js'
import { applyLateFee, collectionActionsOf, LateFeeRefused, type Notify, reviewAccount } from './index.js'
import { collectionsTestFile, testActor } from './testing.js'

const t = collectionsTestFile({ count: 6 })
const actor = testActor
const specialist = { kind: 'staff' as const, id: 'usr_collections' }

const freshAccount = () => t.freshAccount()
const owe = (accountId: string, amountMinor: bigint, dueOn: string) => t.owe(accountId, amountMinor, dueOn)
const run = <T>(work: (tx: Tx) => Promise<T>) => t.run(work)

/** A notify that records what it was asked to send and answers with a message id. */
function recordingNotify() {
  const sent: Parameters<Notify>[1][] = []
  const notify: Notify = async (_tx, message) => {
    sent.push(message)
    return `msg_${sent.length}`
  }
  return { sent, notify }
}

const review = (accountId: string, on: string, notify?: Notify) =>
  run((tx) => reviewAccount({ tx, accountId, on, notify, actor, at: new Date(`${on}T07:00:00Z`) }))

const lateFee = (accountId: string, on: string, amountMinor?: bigint) =>
  run((tx) => applyLateFee({ tx, accountId, amountMinor, actor: specialist, at: new Date(`${on}T10:00:00Z`) }))

describe('reviewAccount (COL-1, COL-2)', () => {
  it('takes nothing from an account with nothing past due, even with a charge not yet due', async () => {
    const accountId = freshAccount()
    expect(await review(accountId, '2026-10-10')).toEqual({ kind: 'nothing_past_due' })
    await owe(accountId, 4_000n, '2026-10-20')
    expect(await review(accountId, '2026-10-20')).toEqual({ kind: 'nothing_past_due' })
    expect(await collectionActionsOf({ tx: t.database.db, accountId })).toEqual([])
  })

  it('waits until 7 days past due, then sends the reminder through notify and keeps its message id', async () => {
    const accountId = freshAccount()
    await owe(accountId, 12_000n, '2026-10-01')
    const { sent, notify } = recordingNotify()
    // 2 October is 1 day past due: the reminder is due at 7.
    expect(await review(accountId, '2026-10-02', notify)).toEqual({
      kind: 'waiting',
      daysPastDue: 1,
      next: 'payment_reminder',
    })
    expect(await review(accountId, '2026-10-08', notify)).toEqual({
      kind: 'taken',
      action: 'payment_reminder',
      daysPastDue: 7,
      lateFeeMinor: null,
    })
    expect(sent).toEqual([
      { accountId, action: 'payment_reminder', pastDueMinor: 12_000n, episodeDueOn: '2026-10-01', on: '2026-10-08' },
    ])
    // A second run the same day takes nothing twice.
    expect(await review(accountId, '2026-10-08', notify)).toEqual({
      kind: 'waiting',
      daysPastDue: 7,
      next: 'final_notice',
    })
    expect(sent).toHaveLength(1)
    const actions = await collectionActionsOf({ tx: t.database.db, accountId })
    expect(actions.map((action) => [action.action, action.messageId, action.amountMinor])).toEqual([
      ['payment_reminder', 'msg_1', 12_000n],
    ])
  })

  it("charges the supplier's late fee (500p by default) with the final notice, once per debt episode", async () => {
    const accountId = freshAccount()
    await owe(accountId, 8_000n, '2026-10-01')
    await review(accountId, '2026-10-08')
    // 14 days past due and 7 days after the reminder (at least 5): the final notice and its fee.
    expect(await review(accountId, '2026-10-15')).toEqual({
      kind: 'taken',
      action: 'final_notice',
      daysPastDue: 14,
      lateFeeMinor: 500n,
    })
    // 8,000 owed + 500 late fee = 8,500.
    expect(await ledger.balanceOf({ tx: t.database.db, accountId })).toBe(8_500n)
    // A fee by hand for the same episode is refused: on the day of the notice by the one-fee-per-episode
    // rule; on a later day the ledger already refuses the episode's fee key for a different journal.
    await expect(lateFee(accountId, '2026-10-15')).rejects.toThrow(/applied already for the charges due 2026-10-01/)
    await expect(lateFee(accountId, '2026-10-16')).rejects.toBeInstanceOf(ledger.IdempotencyConflict)
    expect(await ledger.balanceOf({ tx: t.database.db, accountId })).toBe(8_500n)
  })

  it('walks the whole schedule and then has no next step', async () => {
    const accountId = freshAccount()
    await owe(accountId, 5_000n, '2026-10-01')
    const steps = []
    for (const on of ['2026-10-08', '2026-10-15', '2026-10-29', '2026-11-12']) {
      const outcome = await review(accountId, on)
      steps.push(outcome.kind === 'taken' ? outcome.action : outcome.kind)
    }
    expect(steps).toEqual(['payment_reminder', 'final_notice', 'disconnection_notice', 'debt_collection_referral'])
    expect(await review(accountId, '2026-12-01')).toEqual({ kind: 'waiting', daysPastDue: 61, next: null })
  })
})

describe('applyLateFee (COL-2)', () => {
  it('refuses an account with nothing past due', async () => {
    const accountId = freshAccount()
    await expect(lateFee(accountId, '2026-10-10')).rejects.toThrow(/nothing past due/)
  })

  it('applies at most the supplier setting, once per debt episode', async () => {
    const accountId = freshAccount()
    await owe(accountId, 3_000n, '2026-10-01')
    await expect(lateFee(accountId, '2026-10-10', 501n)).rejects.toThrow(/at most 500/)
    await lateFee(accountId, '2026-10-10', 250n)
    // 3,000 owed + 250 by hand = 3,250.
    expect(await ledger.balanceOf({ tx: t.database.db, accountId })).toBe(3_250n)
    await expect(lateFee(accountId, '2026-10-10', 250n)).rejects.toBeInstanceOf(LateFeeRefused)
    await expect(lateFee(accountId, '2026-10-11', 250n)).rejects.toBeInstanceOf(ledger.IdempotencyConflict)
    expect(await ledger.balanceOf({ tx: t.database.db, accountId })).toBe(3_250n)
    const actions = await collectionActionsOf({ tx: t.database.db, accountId })
    expect(actions.map((action) => [action.action, action.amountMinor, action.takenBy])).toEqual([
      ['late_fee', 250n, 'usr_collections'],
    ])
  })
})
