import { sql } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Tx } from '../../db/index.js'
import { inTransaction, NotInTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as audit from './index.js'

const database = openDatabaseForFile()
const agent = { kind: 'staff', id: 'usr_agent' } as const

async function recordMany(count: number) {
  for (let i = 0; i < count; i++) {
    await inTransaction(database.db, (tx) =>
      audit.record(tx, {
        actor: agent,
        action: 'accounts.note.added',
        subject: { type: 'note', id: `note_${i}` },
        accountId: 'acc_1',
        after: { body: `note ${i}`, amountMinor: 1234n, nested: { b: 2, a: 1 } },
        context: { sections: ['notes'] },
        at: new Date(Date.UTC(2026, 2, 29, 0, i)),
      }),
    )
  }
}

async function tamper(statement: string) {
  await database.execScript(`alter table audit_events disable trigger audit_events_append_only;
    ${statement};
    alter table audit_events enable trigger audit_events_append_only;`)
}

// One database for the file; each test starts from an empty chain (cheaper than a database each).
beforeEach(async () => {
  await database.execScript(`alter table audit_events disable trigger user;
    truncate audit_events restart identity;
    alter table audit_events enable trigger user;`)
})

describe('the audit chain', () => {
  it('refuses to record on a pool handle, where its lock would end after one statement', async () => {
    const event = {
      actor: agent,
      action: 'accounts.note.added',
      subject: { type: 'note', id: 'note_pool' },
      at: new Date('2026-03-29T00:00:00Z'),
    }
    // A caller that casts the pool to a transaction is caught at run time, and nothing is written.
    await expect(audit.record(database.db as unknown as Tx, event)).rejects.toThrow(NotInTransaction)
    await expect(audit.record(database.db as unknown as Tx, event)).rejects.toThrow(/inside a transaction/)
    const { count } = await sql<{ count: string }>`select count(*)::text as count from audit_events`
      .execute(database.db)
      .then((result) => result.rows[0] ?? { count: '?' })
    expect(count).toBe('0')
  })

  it('verifies an untouched chain', async () => {
    await recordMany(5)
    const report = await audit.verifyChain({ db: database.db })
    expect(report).toMatchObject({ ok: true, checked: 5 })
  })

  it('keeps an event only when its transaction commits', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await audit.record(tx, {
          actor: agent,
          action: 'accounts.note.added',
          subject: { type: 'note', id: 'n' },
          at: new Date(),
        })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await audit.verifyChain({ db: database.db })).toMatchObject({ ok: true, checked: 0 })
  })

  it('reports the first changed event', async () => {
    await recordMany(5)
    await tamper(`update audit_events set after = '{"body":"forged"}'::jsonb where seq = 3`)
    const report = await audit.verifyChain({ db: database.db })
    expect(report).toMatchObject({ ok: false, brokenAtSeq: 3n, reason: 'content_changed', checked: 2 })
  })

  it('reports a deleted event at the event after it', async () => {
    await recordMany(5)
    await tamper('delete from audit_events where seq = 2')
    const report = await audit.verifyChain({ db: database.db })
    expect(report).toMatchObject({ ok: false, brokenAtSeq: 3n, reason: 'link_broken' })
  })

  it('reports an inserted event', async () => {
    await recordMany(3)
    const [second] = await audit.listActivity({ db: database.db, actorId: agent.id, limit: 1 })
    await tamper(`insert into audit_events (seq, id, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, prev_hash, hash)
      overriding system value values (10, 'evt_forged', now(), 'staff', 'usr_x', 'accounts.note.added', 'note', 'n', '${second?.hash}', 'made-up')`)
    const report = await audit.verifyChain({ db: database.db })
    expect(report).toMatchObject({ ok: false, brokenAtSeq: 10n, reason: 'content_changed' })
  })

  it('refuses updates, deletes and truncation through the database', async () => {
    await recordMany(1)
    await expect(sql`update audit_events set action = 'x.y'`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('lists one user’s activity newest first', async () => {
    await recordMany(3)
    const events = await audit.listActivity({ db: database.db, actorId: agent.id, limit: 10 })
    expect(events.map((e) => e.subjectId)).toEqual(['note_2', 'note_1', 'note_0'])
    expect(events[0]?.after).toEqual({ amountMinor: '1234', body: 'note 2', nested: { a: 1, b: 2 } })
  })
})
