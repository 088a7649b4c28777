import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as audit from './index.js'

const database = openDatabaseForFile()
const agent = { kind: 'staff', id: 'usr_activity_agent' } as const
const day = (date: number, hour = 12) => new Date(Date.UTC(2026, 10, date, hour))

beforeAll(async () => {
  // one event a day, 1 to 6 November, and one by someone else
  for (let date = 1; date <= 6; date++) {
    await inTransaction(database.db, (tx) =>
      audit.record(tx, {
        actor: agent,
        action: 'accounts.account.viewed',
        subject: { type: 'account', id: `acc_${date}` },
        at: day(date),
      }),
    )
  }
  await inTransaction(database.db, (tx) =>
    audit.record(tx, {
      actor: { kind: 'staff', id: 'usr_someone_else' },
      action: 'accounts.note.added',
      subject: { type: 'note', id: 'note_1' },
      at: day(3),
    }),
  )
})
const subjects = (events: audit.AuditEvent[]) => events.map((event) => event.subjectId)

describe('a user’s activity', () => {
  it('keeps to the half-open range [from, to) when given one', async () => {
    const events = await audit.listActivity({ db: database.db, actorId: agent.id, from: day(2), to: day(5), limit: 10 })
    expect(subjects(events)).toEqual(['acc_4', 'acc_3', 'acc_2'])
    const open = await audit.listActivity({ db: database.db, actorId: agent.id, from: day(5), limit: 10 })
    expect(subjects(open)).toEqual(['acc_6', 'acc_5'])
    const until = await audit.listActivity({ db: database.db, actorId: agent.id, to: day(2), limit: 10 })
    expect(subjects(until)).toEqual(['acc_1'])
  })

  it('pages by cursor within the range, newest first, with nothing repeated or missed', async () => {
    const first = await audit.listActivity({ db: database.db, actorId: agent.id, from: day(2), to: day(6), limit: 2 })
    const second = await audit.listActivity({
      db: database.db,
      actorId: agent.id,
      from: day(2),
      to: day(6),
      beforeSeq: first[first.length - 1]?.seq,
      limit: 2,
    })
    expect([...subjects(first), ...subjects(second)]).toEqual(['acc_5', 'acc_4', 'acc_3', 'acc_2'])
  })

  it('puts each action in the report group the supervisor looks for', () => {
    const groups: Record<string, audit.ActivityKind> = {
      'access.session.started': 'sign_in',
      'access.session.ended': 'sign_in',
      'access.login.failed': 'sign_in',
      'access.login.refused': 'sign_in',
      'access.user.locked': 'sign_in',
      'access.permission.denied': 'sign_in',
      'accounts.account.viewed': 'account_view',
      'accounts.search.performed': 'account_view',
      'metering.consumption.read': 'account_view',
      'reports.agent_activity.exported': 'account_view',
      'accounts.note.added': 'change',
      'cases.case.opened': 'change',
      'access.password.changed': 'change',
      'payments.payment.taken': 'payment',
      'payments.arrangement.created': 'payment',
      'comms.message.queued': 'message',
      'comms.call.logged': 'message',
      'assist.suggested_reply.sent': 'message',
    }
    for (const [action, kind] of Object.entries(groups)) expect(audit.activityKindOf(action), action).toBe(kind)
    expect([...audit.activityKinds]).toEqual(['sign_in', 'account_view', 'change', 'payment', 'message'])
  })
})
