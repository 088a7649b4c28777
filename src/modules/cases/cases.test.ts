import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import { systemActor } from '../../shared/actor.js'
import * as access from '../access/index.js'
import * as accounts from '../accounts/index.js'
import * as market from '../market/index.js'
import * as cases from './index.js'

const database = openDatabaseForFile()
const at = new Date('2026-11-20T09:00:00Z')
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000)
const users = new Map<string, string>()
let accountIds: string[] = []

const staff = (name: string) => ({ kind: 'staff' as const, id: users.get(name) as string })
const by = (name: string, role: access.Role) => ({ userId: users.get(name) as string, role })

beforeAll(async () => {
  const actor = systemActor('test')
  await inTransaction(database.db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at })
    const base = accounts.eleanorTestAccount()
    await accounts.createAccounts({
      tx,
      actor,
      at,
      accounts: [base, { ...base, number: 'A-00000002' }, { ...base, number: 'A-00000003' }],
    })
    for (const [name, role] of [
      ['agent', 'agent'],
      ['agent2', 'agent'],
      ['supervisor', 'supervisor'],
      ['field', 'field_technician'],
    ] as const) {
      const user = await access.createStaffUser({
        tx,
        email: `${name}@example.com`,
        displayName: name,
        role,
        password: 'correct horse battery',
        actor,
        at,
      })
      users.set(name, user.id)
    }
  })
  const rows = await sql<{ id: string }>`select id from accounts order by number`.execute(database.db)
  accountIds = rows.rows.map((row) => row.id)
}, 120_000)

const open = (overrides: Partial<cases.OpenCaseInput> = {}) =>
  inTransaction(database.db, (tx) =>
    cases.openCase({
      tx,
      accountId: accountIds[0] as string,
      type: 'service_request',
      subject: 'Meter display is blank',
      description: 'Customer reports the display went blank on Monday.',
      actor: staff('agent'),
      at,
      ...overrides,
    }),
  )

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n,
  )

describe('a case through its life', () => {
  it('opens, works, resolves with the resolution time, reopens and closes, refusing moves off the table', async () => {
    const opened = await open()
    expect(opened).toMatchObject({
      status: 'open',
      priority: 'normal',
      assignee: { kind: 'none' },
      resolutionSeconds: null,
    })
    expect(opened.number).toMatch(/^C-\d{8}$/)
    const move = (status: cases.CaseStatus, seconds: number, note?: string) =>
      inTransaction(database.db, (tx) =>
        cases.changeStatus({ tx, caseId: opened.id, status, note, actor: staff('agent'), at: later(seconds) }),
      )
    await move('in_progress', 60)
    await expect(move('resolved', 120)).rejects.toBeInstanceOf(cases.ResolutionNoteRequired)
    const resolved = await move('resolved', 3600, 'Replaced the meter display unit')
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionSeconds: 3600,
      resolutionNote: 'Replaced the meter display unit',
    })
    const reopened = await move('in_progress', 7200)
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null, resolutionSeconds: null })
    await move('closed', 9000, 'Fixed for good')
    const refused = move('open', 9100)
    await expect(refused).rejects.toBeInstanceOf(cases.CaseTransitionRefused)
    await expect(refused).rejects.toMatchObject({
      code: 'CASE_TRANSITION_REFUSED',
      details: { from: 'closed', allowed: [] },
    })
    const detail = await cases.getCase({ tx: database.db, caseId: opened.number })
    expect(detail.resolutionSeconds).toBe(9000)
    expect(detail.history.map((event) => event.to)).toEqual([
      'open',
      'in_progress',
      'resolved',
      'in_progress',
      'closed',
    ])
    const actions = await sql<{
      action: string
    }>`select action from audit_events where subject_id = ${opened.id} order by seq`.execute(database.db)
    expect(actions.rows.map((row) => row.action)).toEqual([
      'cases.case.opened',
      'cases.case.status_changed',
      'cases.case.resolved',
      'cases.case.reopened',
      'cases.case.closed',
    ])
  })

  it('refuses waiting on the customer straight back to open, and any move of a closed case', async () => {
    expect(cases.canMove('waiting_on_customer', 'open')).toBe(false)
    expect(cases.canMove('resolved', 'open')).toBe(true)
    expect(cases.nextStatuses('closed')).toEqual([])
  })

  it('keeps notes append-only, in order', async () => {
    const opened = await open()
    for (const body of ['first', 'second'])
      await inTransaction(database.db, (tx) =>
        cases.addNote({ tx, caseId: opened.id, body, actor: staff('agent'), at }),
      )
    const detail = await cases.getCase({ tx: database.db, caseId: opened.id })
    expect(detail.notes.map((note) => note.body)).toEqual(['first', 'second'])
    await expect(sql`update case_notes set body = 'changed'`.execute(database.db)).rejects.toThrow()
  })
})

describe('assignment', () => {
  const assign = (caseId: string, assignee: cases.Assignee, who: ReturnType<typeof by>) =>
    inTransaction(database.db, (tx) =>
      cases.assignCase({ tx, caseId, assignee, by: who, actor: { kind: 'staff', id: who.userId }, at }),
    )

  it('lets an agent take an unassigned case or give it to a team, and take it from their own team', async () => {
    const first = await open()
    expect(
      (await assign(first.id, { kind: 'user', userId: users.get('agent') as string }, by('agent', 'agent'))).assignee,
    ).toEqual({
      kind: 'user',
      userId: users.get('agent'),
    })
    const second = await open()
    await assign(second.id, { kind: 'team', team: 'agent' }, by('agent', 'agent'))
    const taken = await assign(
      second.id,
      { kind: 'user', userId: users.get('agent2') as string },
      by('agent2', 'agent'),
    )
    expect(taken.assignee).toEqual({ kind: 'user', userId: users.get('agent2') })
  })

  it('refuses an agent reassigning an assigned case, and lets a supervisor do it', async () => {
    const opened = await open()
    await assign(opened.id, { kind: 'user', userId: users.get('agent') as string }, by('agent', 'agent'))
    const refused = assign(opened.id, { kind: 'team', team: 'billing_specialist' }, by('agent', 'agent'))
    await expect(refused).rejects.toBeInstanceOf(cases.ReassignmentForbidden)
    await expect(
      assign(opened.id, { kind: 'user', userId: users.get('agent') as string }, by('agent2', 'agent')),
    ).resolves.toBeDefined() // unchanged: already with agent
    await expect(
      assign(opened.id, { kind: 'user', userId: users.get('agent2') as string }, by('agent2', 'agent')),
    ).rejects.toMatchObject({ code: 'CASE_REASSIGNMENT_FORBIDDEN' })
    const moved = await assign(
      opened.id,
      { kind: 'user', userId: users.get('agent2') as string },
      by('supervisor', 'supervisor'),
    )
    expect(moved.assignee).toEqual({ kind: 'user', userId: users.get('agent2') })
    const audited = await sql<{
      action: string
    }>`select action from audit_events where subject_id = ${opened.id} order by seq desc limit 1`.execute(database.db)
    expect(audited.rows[0]?.action).toBe('cases.case.reassigned')
  })

  it('refuses an agent giving an unassigned case to a named colleague, and assignees who cannot work cases', async () => {
    const opened = await open()
    await expect(
      assign(opened.id, { kind: 'user', userId: users.get('agent2') as string }, by('agent', 'agent')),
    ).rejects.toBeInstanceOf(cases.ReassignmentForbidden)
    await expect(
      assign(opened.id, { kind: 'user', userId: users.get('field') as string }, by('supervisor', 'supervisor')),
    ).rejects.toBeInstanceOf(cases.AssigneeNotEligible)
    await expect(assign(opened.id, { kind: 'team', team: 'executive' }, by('agent', 'agent'))).rejects.toBeInstanceOf(
      cases.AssigneeNotEligible,
    )
  })
})

describe('attachments', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])
  const attach = (caseId: string, content: Uint8Array, declaredContentType?: string, fileName = 'file.bin') =>
    inTransaction(database.db, (tx) =>
      cases.addAttachment({ tx, caseId, fileName, declaredContentType, content, actor: staff('agent'), at }),
    )

  it('keeps an allowed file with its type from the bytes and its hash, and gives it back', async () => {
    const opened = await open()
    const info = await attach(opened.id, png, 'image/png', 'meter.png')
    expect(info).toMatchObject({ contentType: 'image/png', sizeBytes: png.length, fileName: 'meter.png' })
    const text = await attach(
      opened.id,
      Buffer.from('Reading 12345 on 1 Nov\n'),
      'text/plain; charset=utf-8',
      'notes.txt',
    )
    expect(text.contentType).toBe('text/plain')
    const pdf = await attach(opened.id, Buffer.from('%PDF-1.7\n...'), undefined, 'bill.pdf')
    expect(pdf.contentType).toBe('application/pdf')
    const back = await cases.attachmentContent({ tx: database.db, caseId: opened.id, attachmentId: info.id })
    expect(Buffer.compare(back.content, png)).toBe(0)
    expect((await cases.getCase({ tx: database.db, caseId: opened.id })).attachments).toHaveLength(3)
  })

  it('refuses a file whose bytes are not allowed, a declared type the bytes contradict, and one over 5 MB, storing nothing', async () => {
    const opened = await open()
    const attachmentsBefore = await count('case_attachments')
    const auditBefore = await count('audit_events')
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])
    await expect(attach(opened.id, exe, 'application/pdf')).rejects.toBeInstanceOf(cases.AttachmentTypeNotAllowed)
    await expect(attach(opened.id, Buffer.from('plain words'), 'image/png')).rejects.toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      details: { declared: 'image/png', detected: 'text/plain' },
    })
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(cases.maxAttachmentBytes, 0x20)])
    await expect(attach(opened.id, big, 'application/pdf')).rejects.toBeInstanceOf(cases.AttachmentTooLarge)
    await expect(attach(opened.id, Buffer.alloc(0))).rejects.toBeInstanceOf(cases.InvalidCase)
    expect(await count('case_attachments')).toBe(attachmentsBefore)
    expect(await count('audit_events')).toBe(auditBefore)
  })

  it('tells the allowed types by their first bytes', () => {
    expect(cases.sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(cases.sniffContentType(Buffer.from([0x00, 0x01, 0x02]))).toBeNull()
    expect(cases.sniffContentType(Buffer.from([0xc3, 0x28]))).toBeNull()
  })
})

describe('CAS-2 hooks', () => {
  it('finds accounts with an active billing dispute or open investigation, not resolved or closed ones', async () => {
    const [a, b, c] = accountIds as [string, string, string]
    const dispute = await open({ accountId: b, type: 'billing_dispute' })
    await open({ accountId: c, type: 'account_investigation' })
    const settled = await open({ accountId: c, type: 'billing_dispute' })
    await inTransaction(database.db, (tx) =>
      cases.resolveCase({ tx, caseId: settled.id, resolutionNote: 'Bill was right', actor: staff('agent'), at }),
    )
    expect(await cases.activeBillingDisputes({ tx: database.db, accountIds: [a, b, c] })).toEqual(new Set([b]))
    expect(await cases.openInvestigations({ tx: database.db, accountIds: [a, b, c] })).toEqual(new Set([c]))
    expect(await cases.activeBillingDisputes({ tx: database.db, accountIds: [] })).toEqual(new Set())
    await inTransaction(database.db, (tx) =>
      cases.changeStatus({ tx, caseId: dispute.id, status: 'closed', note: 'Withdrawn', actor: staff('agent'), at }),
    )
    expect(await cases.activeBillingDisputes({ tx: database.db, accountIds: [a, b, c] })).toEqual(new Set())
  })
})
