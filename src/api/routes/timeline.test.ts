import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import * as audit from '../../modules/audit/index.js'
import * as comms from '../../modules/comms/index.js'
import { systemActor } from '../../shared/actor.js'
import { timelineKindPermissions } from '../../usecases/index.js'
import { eleanorAccount, sharedAppWithAccounts } from '../testing.js'

const now = new Date('2026-11-20T09:00:00Z')
const eleanor = 'A-00000001'
const testApp = sharedAppWithAccounts({ at: () => now, accounts: [eleanorAccount()] })

const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
/** Eleanor's account id, once the app is open. */
const eleanorId = () => testApp.accountIds[0] ?? ''

async function history() {
  await inTransaction(testApp.database.db, async (tx) => {
    await accounts.addNote({
      tx,
      accountNumber: eleanor,
      type: 'billing',
      body: 'Called about the bill',
      actor: systemActor('test'),
      authorName: null,
      at: later(1),
    })
    await comms.logInboundEmail({
      tx,
      accountId: eleanorId(),
      from: 'eleanor@example.com',
      subject: 'My bill',
      body: 'Why is my bill so high?',
      receivedAt: later(2),
      actor: systemActor('mailbox'),
      at: later(2),
    })
    await accounts.addNote({
      tx,
      accountNumber: eleanor,
      type: 'general',
      body: 'Replied by email',
      actor: systemActor('test'),
      authorName: null,
      at: later(3),
    })
  })
}

const get = (role: access.Role, query = '') => testApp.send(role, 'GET', `/api/accounts/${eleanor}/timeline${query}`)

describe('the account timeline API (ACC-4)', () => {
  it('returns the feed newest first, in JSON, paged with an opaque cursor', async () => {
    await history()
    const response = await get('agent')
    expect(response.statusCode).toBe(200)
    const { items, nextCursor } = response.json()
    expect(nextCursor).toBeNull()
    expect(items.slice(0, 3)).toEqual([
      {
        kind: 'note',
        at: later(3).toISOString(),
        title: 'General note added',
        summary: 'Replied by email',
        reference: { type: 'note', id: expect.stringMatching(/^note_/) },
      },
      {
        kind: 'message',
        at: later(2).toISOString(),
        title: 'Email received: My bill',
        summary: 'Why is my bill so high?',
        reference: { type: 'message', id: expect.stringMatching(/^msg_/) },
        status: 'received',
      },
      expect.objectContaining({ kind: 'note', summary: 'Called about the bill' }),
    ])
    expect(items.at(-1)).toMatchObject({ kind: 'change', title: expect.stringMatching(/^Account created by /) })

    const first = await get('agent', '?limit=2&kinds=note,message')
    expect(first.json().items.map((item: { kind: string }) => item.kind)).toEqual(['note', 'message'])
    const second = await get('agent', `?limit=2&kinds=note,message&before=${first.json().nextCursor}`)
    expect(second.json()).toEqual({
      items: [expect.objectContaining({ summary: 'Called about the bill' })],
      nextCursor: null,
    })
  })

  it('records the view and refuses what it should', async () => {
    const response = await get('executive', '?kinds=visit,case')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ items: [], nextCursor: null })
    const [event] = await audit.listForAccount({
      db: testApp.database.db,
      accountId: eleanorId(),
      actionPrefix: 'accounts.account.viewed',
      limit: 1,
    })
    // What the executive may not see is left out of the read, and the view's event names it.
    const mayRead = (kind: 'case' | 'visit') =>
      access.can({ kind: 'staff', role: 'executive' }, timelineKindPermissions[kind])
    const asked = ['case', 'visit'] as const
    expect(event?.context).toMatchObject({ sections: ['timeline'], kinds: asked.filter(mayRead) })
    expect(event?.context?.withheld).toEqual(
      asked.some((kind) => !mayRead(kind)) ? asked.filter((kind) => !mayRead(kind)) : undefined,
    )

    const denied = await get('field_technician')
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'accounts.account.read' } })
    const badKind = await get('agent', '?kinds=note,gossip')
    expect(badKind.statusCode).toBe(400)
    const badCursor = await get('agent', '?before=abc')
    expect(badCursor.statusCode).toBe(400)
    expect(badCursor.json().error.code).toBe('INVALID_CURSOR')
    const unknown = await testApp.send('agent', 'GET', '/api/accounts/A-0000FFFF/timeline')
    expect(unknown.statusCode).toBe(404)
  })
})
