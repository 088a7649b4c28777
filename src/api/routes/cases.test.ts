import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import type * as access from '../../modules/access/index.js'
import * as comms from '../../modules/comms/index.js'
import type { inProcessDeliveryQueue } from '../../usecases/index.js'
import type { App } from '../app.js'
import { type ActAs, eleanorAccount, nonServiceRoles, openAppWithDelivery, type Send, tomAccount } from '../testing.js'

let database: Database
let app: App
let as: ActAs
let send: Send
let userIds: Map<access.Role, string>
let delivery: ReturnType<typeof inProcessDeliveryQueue>
const now = new Date('2026-11-20T09:00:00Z')
const eleanor = 'A-00000001'
const tom = 'A-00000002'
let eleanorId = ''

beforeAll(async () => {
  let accountIds: string[]
  ;({
    database,
    app,
    as,
    send,
    staffIds: userIds,
    accountIds,
    delivery,
  } = await openAppWithDelivery({ at: () => now, accounts: [eleanorAccount(), tomAccount] }))
  eleanorId = accountIds[0] ?? ''
}, 120_000)

afterAll(async () => {
  await app.close()
  await database.close()
})

const openCase = (role: access.Role, payload: object, account = eleanor) =>
  app.inject({ method: 'POST', url: `/api/accounts/${account}/cases`, headers: as(role), payload })
const post = (role: access.Role, url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/cases/${url}`, headers: as(role), payload })

const caseHolders = ['agent', 'supervisor', 'billing_specialist', 'export_specialist'] as const
const others = nonServiceRoles

describe('the cases API', () => {
  it('opens a billing dispute and sends the acknowledgement after commit', async () => {
    const response = await openCase('agent', {
      type: 'billing_dispute',
      priority: 'high',
      subject: 'October bill too high',
      description: 'Customer says the October estimate is far above her usual usage.',
    })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body.case).toMatchObject({
      type: 'billing_dispute',
      priority: 'high',
      status: 'open',
      accountNumber: eleanor,
      assignee: { kind: 'none' },
    })
    expect(body.acknowledgement).toMatchObject({ templateKey: 'dispute_acknowledgement', channel: 'email' })
    // The opening answers which message went, not the message's body or the provider's references.
    for (const field of ['body', 'provider', 'providerMessageId', 'accountId'])
      expect(body.acknowledgement).not.toHaveProperty(field)
    // The route only enqueued it: the delivery worker (run here by hand) sends it.
    expect(delivery.pending).toEqual([body.acknowledgement.id])
    expect((await comms.getMessage({ tx: database.db, messageId: body.acknowledgement.id })).status).toBe('queued')
    expect((await delivery.runQueued()).sent).toEqual([body.acknowledgement.id])
    const message = await comms.getMessage({ tx: database.db, messageId: body.acknowledgement.id })
    expect(message.status).toBe('sent')
    expect(message.body).toContain(body.case.number)
    expect(message.related).toEqual({ type: 'case', id: body.case.id })
  })

  it('lets the roles that work cases open, read, note and move them; refuses the others in the error shape', async () => {
    for (const role of caseHolders) {
      const response = await openCase(role, { type: 'service_request', subject: `Request by ${role}` })
      expect(response.statusCode).toBe(201)
      expect(response.json().acknowledgement).toBeNull()
    }
    const { case: opened } = (await openCase('agent', { type: 'service_request', subject: 'Another' })).json()
    for (const role of others) {
      const create = await openCase(role, { type: 'service_request', subject: 'x' })
      expect(create.statusCode).toBe(403)
      expect(create.json()).toEqual({
        error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'cases.case.create' } },
      })
      const read = await send(role, 'GET', `/api/cases/${opened.id}`)
      expect(read.json().error.details).toEqual({ permission: 'cases.case.read' })
      const list = await send(role, 'GET', `/api/accounts/${eleanor}/cases`)
      expect(list.statusCode).toBe(403)
      const note = await post(role, `${opened.id}/notes`, { body: 'x' })
      expect(note.json().error.details).toEqual({ permission: 'cases.case.update' })
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/cases' })
    expect(anonymous.statusCode).toBe(401)
  })

  it('reads a case with notes and attachments, audited as an account view', async () => {
    const { case: opened } = (
      await openCase('agent', { type: 'meter_test_request', subject: 'Meter running fast' })
    ).json()
    expect((await post('agent', `${opened.number}/notes`, { body: 'Booked a test' })).statusCode).toBe(201)
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)])
    const upload = await post('agent', `${opened.id}/attachments`, {
      fileName: 'meter photo.png',
      contentType: 'image/png',
      contentBase64: png.toString('base64'),
    })
    expect(upload.statusCode).toBe(201)
    const attachment = upload.json()
    expect(attachment).toMatchObject({ contentType: 'image/png', sizeBytes: png.length })
    const detail = await send('supervisor', 'GET', `/api/cases/${opened.id}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({
      accountNumber: eleanor,
      notes: [{ body: 'Booked a test' }],
      attachments: [{ id: attachment.id, fileName: 'meter photo.png' }],
    })
    const download = await send('agent', 'GET', `/api/cases/${opened.id}/attachments/${attachment.id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('image/png')
    expect(Buffer.compare(download.rawPayload, png)).toBe(0)
    const views = await sql<{ context: { sections: string[]; caseId?: string } }>`
      select context from audit_events where action = 'accounts.account.viewed' and actor_id = ${userIds.get('supervisor')}
      order by seq desc limit 1`.execute(database.db)
    expect(views.rows[0]?.context).toMatchObject({ sections: ['cases'], caseId: opened.id })
  })

  it('refuses a disallowed attachment and a bad base64 body, storing nothing', async () => {
    const { case: opened } = (await openCase('agent', { type: 'service_request', subject: 'Files' })).json()
    const before = await sql<{ n: string }>`select count(*)::text as n from case_attachments`.execute(database.db)
    const exe = await post('agent', `${opened.id}/attachments`, {
      fileName: 'invoice.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from([0x4d, 0x5a, 0x90, 0x00]).toString('base64'),
    })
    expect(exe.statusCode).toBe(400)
    expect(exe.json().error).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', details: { detected: null } })
    const bad = await post('agent', `${opened.id}/attachments`, { fileName: 'a.txt', contentBase64: '!!!!' })
    expect(bad.json().error.code).toBe('INVALID_BASE64')
    const after = await sql<{ n: string }>`select count(*)::text as n from case_attachments`.execute(database.db)
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n)
  })

  it('moves a case along its table, refusing the rest with 409 and what may follow', async () => {
    const { case: opened } = (await openCase('agent', { type: 'complaint_escalation', subject: 'Rude call' })).json()
    expect((await post('agent', `${opened.id}/status`, { status: 'waiting_on_customer' })).statusCode).toBe(200)
    const refused = await post('agent', `${opened.id}/status`, { status: 'open' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({
      code: 'CASE_TRANSITION_REFUSED',
      details: { from: 'waiting_on_customer', to: 'open', allowed: ['in_progress', 'resolved', 'closed'] },
    })
    const noNote = await post('agent', `${opened.id}/status`, { status: 'resolved' })
    expect(noNote.json().error.code).toBe('RESOLUTION_NOTE_REQUIRED')
    const resolved = await post('agent', `${opened.id}/resolve`, { resolutionNote: 'Apologised and coached' })
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionSeconds: 0 })
    const invalid = await post('agent', `${opened.id}/status`, { status: 'finished' })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED')
    const missing = await send('agent', 'GET', '/api/cases/C-99999999')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('CASE_NOT_FOUND')
  })

  it('lets an agent take a case, refuses the agent reassigning it, and lets a supervisor reassign', async () => {
    const { case: opened } = (await openCase('agent', { type: 'account_investigation', subject: 'Odd logins' })).json()
    const take = await post('agent', `${opened.id}/assignment`, {
      assignee: { kind: 'user', userId: userIds.get('agent') },
    })
    expect(take.json().assignee).toEqual({ kind: 'user', userId: userIds.get('agent') })
    const refused = await post('agent', `${opened.id}/assignment`, {
      assignee: { kind: 'team', team: 'billing_specialist' },
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toMatchObject({
      code: 'CASE_REASSIGNMENT_FORBIDDEN',
      details: { permission: 'cases.case.reassign' },
    })
    const billingRefused = await post('billing_specialist', `${opened.id}/assignment`, {
      assignee: { kind: 'user', userId: userIds.get('billing_specialist') },
    })
    expect(billingRefused.statusCode).toBe(403)
    const moved = await post('supervisor', `${opened.id}/assignment`, {
      assignee: { kind: 'user', userId: userIds.get('billing_specialist') },
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().assignee).toEqual({ kind: 'user', userId: userIds.get('billing_specialist') })
    const queue = await send('billing_specialist', 'GET', '/api/cases?assignee=me&status=open,in_progress')
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(opened.id)
    const list = await send('agent', 'GET', `/api/accounts/${eleanor}/cases?type=account_investigation`)
    expect(list.json().items.map((item: { type: string }) => item.type)).toEqual(['account_investigation'])
  })
})

describe('the dashboard and the agent report', () => {
  it('shows my cases, tasks for my role, recently viewed accounts and my volumes today', async () => {
    await inTransaction(database.db, async (tx) => {
      await comms.logPhoneCall({
        tx,
        accountId: eleanorId,
        direction: 'inbound',
        phoneNumber: '07700900123',
        startedAt: now,
        handleSeconds: 300,
        summary: 'Asked about her bill',
        actor: { kind: 'staff', id: userIds.get('agent') as string },
        at: now,
      })
      await comms.logPhoneCall({
        tx,
        accountId: eleanorId,
        direction: 'outbound',
        phoneNumber: '07700900123',
        startedAt: now,
        handleSeconds: 100,
        summary: 'Called back',
        actor: { kind: 'staff', id: userIds.get('agent') as string },
        at: now,
      })
    })
    // Two card payments by the agent: one taken, one declined (which does not count).
    for (const [key, number] of [
      ['dash-pay-1', '4242424242424242'],
      ['dash-pay-2', '4000000000000002'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/accounts/${eleanor}/payments`,
        headers: as('agent', { 'idempotency-key': key }),
        payload: {
          method: 'card',
          amountMinor: number.startsWith('4242') ? '2500' : '1000',
          card: { number, expiryMonth: 12, expiryYear: 2030, cvc: '123' },
        },
      })
      expect(response.statusCode).toBe(number.startsWith('4242') ? 201 : 402)
    }
    const mine = await openCase('agent', {
      type: 'service_request',
      subject: 'Mine',
      assignee: { kind: 'user', userId: userIds.get('agent') },
    })
    expect(mine.statusCode).toBe(201)
    await send('agent', 'GET', `/api/accounts/${tom}`)
    const response = await send('agent', 'GET', '/api/dashboard')
    expect(response.statusCode).toBe(200)
    const dashboard = response.json()
    expect(dashboard.cases.assignedToMe.items.length).toBeGreaterThan(0)
    expect(dashboard.pendingTasks).toMatchObject({ heldStatements: null, creditApprovals: null })
    expect(dashboard.recentAccounts[0]).toMatchObject({ accountNumber: tom })
    expect(dashboard.today).toMatchObject({
      date: '2026-11-20',
      calls: 2,
      averageHandleSeconds: 200,
      paymentsTaken: 1,
      paymentsTakenMinor: '2500',
      currency: 'GBP',
    })
    expect(dashboard.today.casesOpened).toBeGreaterThan(0)
    const supervisor = (await send('supervisor', 'GET', '/api/dashboard')).json()
    expect(supervisor.pendingTasks.creditApprovals).toEqual([])
    const field = (await send('field_technician', 'GET', '/api/dashboard')).json()
    expect(field).toMatchObject({ cases: null, recentAccounts: null })
  })

  it('reports per agent to supervisors, as JSON and as audited CSV; refuses agents', async () => {
    const url = '/api/reports/agents?from=2026-11-01&to=2026-11-30'
    const refused = await app.inject({ method: 'GET', url, headers: as('agent') })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.details).toEqual({ permission: 'audit.activity.read' })
    const response = await app.inject({ method: 'GET', url, headers: as('supervisor') })
    expect(response.statusCode).toBe(200)
    const agentRow = response.json().rows.find((row: { userId: string }) => row.userId === userIds.get('agent'))
    expect(agentRow).toMatchObject({
      calls: 2,
      averageHandleSeconds: 200,
      paymentsTaken: 1,
      paymentsTakenMinor: '2500',
    })
    expect(agentRow.casesOpened).toBeGreaterThan(agentRow.casesResolved)
    expect(agentRow.closureRate).toBeCloseTo(agentRow.casesResolved / agentRow.casesOpened, 4)
    const csv = await send('supervisor', 'GET', `${url}&format=csv`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    const lines = csv.body.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'from,to,user_id,email,display_name,role,calls,average_handle_seconds,messages_sent,payments_taken,payments_taken_minor,currency,cases_opened,cases_resolved,closure_rate,mean_resolution_seconds',
    )
    expect(lines.find((line) => line.includes(userIds.get('agent') as string))).toContain(',2,200,')
    const exported = await sql<{ context: Record<string, unknown> }>`
      select context from audit_events where action = 'reports.agent_activity.exported' and actor_id = ${userIds.get('supervisor')}`.execute(
      database.db,
    )
    expect(exported.rows[0]?.context).toMatchObject({ from: '2026-11-01', to: '2026-11-30', format: 'csv' })
    const backwards = await send('supervisor', 'GET', '/api/reports/agents?from=2026-11-30&to=2026-11-01')
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.code).toBe('INVALID_REPORT_RANGE')
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(Object.keys(document.paths['/api/reports/agents'].get.responses['200'].content).sort()).toEqual([
      'application/json',
      'text/csv',
    ])
  })
})
