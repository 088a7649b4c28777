import { describe, expect, it } from 'vitest'
// Not on the module's door, so taken from the file that throws it.
import { DisconnectionOrderNotFound } from './disconnections.js'
import {
  cancelDisconnectionOrder,
  completeDisconnectionOrder,
  createDisconnectionOrder,
  DisconnectionRefused,
  disconnectedAccounts,
  disconnectionOrdersOf,
  pendingDisconnections,
  reviewAccount,
} from './index.js'
import { collectionsTestFile, testActor } from './testing.js'

const t = collectionsTestFile({ count: 5 })
const specialist = { kind: 'staff' as const, id: 'usr_collections' }
const field = { kind: 'staff' as const, id: 'usr_field' }

const at = (on: string) => new Date(`${on}T10:00:00Z`)
const order = (accountId: string, on: string, reason = 'no contact after every notice') =>
  t.run((tx) => createDisconnectionOrder({ tx, accountId, reason, actor: specialist, at: at(on) }))
const cancel = (accountId: string, on: string) =>
  t.run((tx) => cancelDisconnectionOrder({ tx, accountId, actor: specialist, at: at(on) }))
const complete = (accountId: string, on: string) =>
  t.run((tx) => completeDisconnectionOrder({ tx, accountId, actor: field, at: at(on) }))

/** An account owing 9,000 due on 1 October, taken along the schedule to the disconnection notice (29 October). */
async function noticeServed(): Promise<string> {
  const accountId = t.freshAccount()
  await t.owe(accountId, 9_000n, '2026-10-01')
  for (const on of ['2026-10-08', '2026-10-15', '2026-10-29']) {
    await t.run((tx) => reviewAccount({ tx, accountId, on, actor: testActor, at: new Date(`${on}T07:00:00Z`) }))
  }
  return accountId
}

describe('createDisconnectionOrder (COL-3)', () => {
  it('refuses an order without a reason, and an account with nothing past due', async () => {
    const accountId = t.freshAccount()
    await expect(order(accountId, '2026-10-10', '   ')).rejects.toThrow(/Say why/)
    await expect(order(accountId, '2026-10-10')).rejects.toThrow(/nothing past due/)
    await expect(order(accountId, '2026-10-10')).rejects.toBeInstanceOf(DisconnectionRefused)
  })

  it('waits 7 days after the disconnection notice, then makes one pending order at a time', async () => {
    const accountId = await noticeServed()
    // The notice went out on 29 October at 07:00; 5 November 07:00 is the first instant 7 days on.
    await expect(order(accountId, '2026-11-04')).rejects.toThrow(/wait 7 days/)
    const made = await order(accountId, '2026-11-05')
    expect(made).toMatchObject({ accountId, status: 'pending', reason: 'no contact after every notice' })
    await expect(order(accountId, '2026-11-05')).rejects.toThrow(/pending on the account already/)
    expect((await pendingDisconnections({ tx: t.database.db, accountIds: [accountId] })).has(accountId)).toBe(true)
  })
})

describe('cancelling and completing an order', () => {
  it('refuses to cancel or complete when no order is pending', async () => {
    const accountId = t.freshAccount()
    await expect(cancel(accountId, '2026-11-05')).rejects.toBeInstanceOf(DisconnectionOrderNotFound)
    await expect(complete(accountId, '2026-11-05')).rejects.toBeInstanceOf(DisconnectionOrderNotFound)
  })

  it('cancels a pending order, after which a new one may be made', async () => {
    const accountId = await noticeServed()
    await order(accountId, '2026-11-06')
    await cancel(accountId, '2026-11-07')
    expect((await pendingDisconnections({ tx: t.database.db, accountIds: [accountId] })).has(accountId)).toBe(false)
    await expect(cancel(accountId, '2026-11-07')).rejects.toBeInstanceOf(DisconnectionOrderNotFound)
    await order(accountId, '2026-11-08')
    const orders = await disconnectionOrdersOf({ tx: t.database.db, accountId })
    expect(orders.map((item) => item.status).sort()).toEqual(['cancelled', 'pending'])
    expect((await disconnectedAccounts({ tx: t.database.db, accountIds: [accountId] })).has(accountId)).toBe(false)
  })

  it('completes a pending order: the account is disconnected and nothing is pending', async () => {
    const accountId = await noticeServed()
    await order(accountId, '2026-11-06')
    const done = await complete(accountId, '2026-11-10')
    expect(done).toMatchObject({ accountId, status: 'completed' })
    expect((await disconnectedAccounts({ tx: t.database.db, accountIds: [accountId] })).has(accountId)).toBe(true)
    expect((await pendingDisconnections({ tx: t.database.db, accountIds: [accountId] })).has(accountId)).toBe(false)
  })
})
