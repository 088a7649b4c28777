import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { billingFixture } from '../../demo/billing-fixture.js'
import * as access from '../../modules/access/index.js'
import { systemActor } from '../../shared/actor.js'
import { grantAccessByStaff } from '../../usecases/index.js'
import { fixtureAccountNumber as accountNumber, setTestEmail } from '../../usecases/testing.js'
import { type App, buildApp } from '../app.js'
import { createStaffForEveryRole, type Send, sendAs, signInEveryRole } from '../testing.js'

let database: Database
let app: App
/** The key this test's app seals with: random, like the one a development server generates. */
const dataKey = randomBytes(32).toString('base64')
let accountIds: string[]
let as: Awaited<ReturnType<typeof signInEveryRole>>
let send: Send
const now = new Date('2026-11-20T09:00:00Z')
const actor = systemActor('test')

// Accounts: 0–2 each get an attorney waiting for review; 3 has sealed details to verify callers
// against; 4 is exported; 5 has no details on file; 6 has one person of every kind to list; 7 is the
// holder's (email on file) with an authorized user to verify; 8 is a United States account.
const attorneys = [0, 1, 2].map((index) => ({ index, email: `attorney-${index}@portal.example` }))
const poaDocumentIds = new Map<number, string>()
const grantIds = new Map<number, string>()
const onFile = { dateOfBirth: '1958-02-14', securityAnswer: 'Biscuit the Dog', ssnLastFour: '3306' }

const reviewers: readonly access.Role[] = ['legal_reviewer']
const exporters: readonly access.Role[] = ['supervisor', 'legal_reviewer']

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ accountIds } = await billingFixture({ db: database.db, count: 9, at: now }))
  await inTransaction(database.db, async (tx) => {
    await createStaffForEveryRole(tx, now)
    for (const { index, email } of attorneys) {
      const { grant } = await grantAccessByStaff({
        tx,
        accountNumber: accountNumber(index),
        email,
        displayName: `Attorney ${index}`,
        kind: 'power_of_attorney',
        poaDocument: `Lasting power of attorney ${index}, notarised, with ID`,
        actor,
        at: now,
      })
      grantIds.set(index, grant.id)
    }
  })
  for (const document of await access.pendingPoaDocuments({ tx: database.db })) {
    const index = attorneys.find((attorney) => attorney.email === document.attorney.email)?.index
    if (index !== undefined) poaDocumentIds.set(index, document.id)
  }
  app = await buildApp({ database, clock: () => now, webRoot: null, dataKey })
  as = await signInEveryRole(app)
  send = sendAs(app, as)
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

const grantStatus = async (index: number) =>
  (
    await sql<{ status: string }>`select status from account_grants where id = ${grantIds.get(index)}`.execute(
      database.db,
    )
  ).rows[0]?.status

const auditOf = async (action: string) =>
  (
    await sql<{
      actor_id: string
      account_id: string
      after: Record<string, unknown>
    }>`select actor_id, account_id, after from audit_events where action = ${action} order by seq`.execute(database.db)
  ).rows

/** The notices sent to one person about their access, oldest first. */
const noticesTo = async (email: string) =>
  (
    await sql<{ subject: string; body: string }>`select subject, body from comms_messages
      where template_key = 'account_user_notice' and recipient = ${email} order by created_at, id`.execute(database.db)
  ).rows

const staffIdOf = async (role: access.Role) =>
  (await sql<{ id: string }>`select id from staff_users where email = ${`${role}@example.com`}`.execute(database.db))
    .rows[0]?.id

describe('the external-user staff routes', () => {
  it('declare the permissions of the legal review and the sensitive-details export', () => {
    const routes = app.routeTable.filter(
      (route) => route.method !== 'HEAD' && /poa-documents|sensitive-details/.test(route.url),
    )
    expect(routes.map((route) => [route.method, route.url, route.permission])).toEqual([
      ['GET', '/api/poa-documents', 'legal.poa.review'],
      ['POST', '/api/poa-documents/:documentId/decision', 'legal.poa.review'],
      ['PUT', '/api/accounts/:accountNumber/sensitive-details', 'accounts.contact.update'],
      ['POST', '/api/accounts/:accountNumber/sensitive-details/export', 'accounts.sensitive_details.export'],
    ])
  })
})

describe('legal review of powers of attorney', () => {
  it.each([...access.roles])('answers the %s the pending documents only if they are a legal reviewer', async (role) => {
    const response = await send(role, 'GET', '/api/poa-documents')
    if (!reviewers.includes(role)) {
      expect(response.statusCode).toBe(403)
      expect(response.json()).toEqual({
        error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'legal.poa.review' } },
      })
      return
    }
    expect(response.statusCode).toBe(200)
    const items = response.json().items as { id: string; accountNumber: string; attorney: { email: string } }[]
    expect(items.map((item) => item.accountNumber)).toEqual(expect.arrayContaining([0, 1, 2].map(accountNumber)))
    expect(items.find((item) => item.accountNumber === accountNumber(0))).toMatchObject({
      id: poaDocumentIds.get(0),
      attorney: { email: 'attorney-0@portal.example', displayName: 'Attorney 0' },
      description: 'Lasting power of attorney 0, notarised, with ID',
      submittedAt: now.toISOString(),
    })
  })

  it('refuses every other role a decision, and leaves the grant waiting', async () => {
    for (const role of access.roles.filter((candidate) => !reviewers.includes(candidate))) {
      const response = await send(role, 'POST', `/api/poa-documents/${poaDocumentIds.get(0)}/decision`, {
        decision: 'approve',
      })
      expect(response.statusCode, role).toBe(403)
    }
    expect(await grantStatus(0)).toBe('pending_approval')
  })

  it('lets the legal reviewer approve: the attorney’s grant becomes active, audited as theirs', async () => {
    const response = await send('legal_reviewer', 'POST', `/api/poa-documents/${poaDocumentIds.get(0)}/decision`, {
      decision: 'approve',
      note: 'Notarised original and ID seen',
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      id: poaDocumentIds.get(0),
      status: 'approved',
      grantId: grantIds.get(0),
      grantStatus: 'active',
    })
    expect(await grantStatus(0)).toBe('active')
    const [event] = await auditOf('legal.poa.approved')
    expect(event).toMatchObject({
      actor_id: await staffIdOf('legal_reviewer'),
      account_id: accountIds[0],
      after: { status: 'approved', grant: 'active', note: 'Notarised original and ID seen' },
    })
    const again = await send('legal_reviewer', 'POST', `/api/poa-documents/${poaDocumentIds.get(0)}/decision`, {
      decision: 'reject',
      note: 'changed my mind',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('POA_ALREADY_REVIEWED')
    // The attorney was told when it was recorded and when it was approved, at their own address.
    expect((await noticesTo('attorney-0@portal.example')).map((notice) => notice.subject)).toEqual([
      'Your power of attorney has been received',
      'Your power of attorney has been approved',
    ])
  })

  it('will not reject without a reason, and a rejection with one revokes the grant', async () => {
    const url = `/api/poa-documents/${poaDocumentIds.get(1)}/decision`
    const bare = await send('legal_reviewer', 'POST', url, { decision: 'reject', note: '   ' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error).toMatchObject({ code: 'POA_REJECTION_REASON_REQUIRED', details: [{ path: 'note' }] })
    expect(await grantStatus(1)).toBe('pending_approval')
    const rejected = await send('legal_reviewer', 'POST', url, {
      decision: 'reject',
      note: 'The document is not notarised',
    })
    expect(rejected.statusCode).toBe(200)
    expect(await grantStatus(1)).toBe('revoked')
    const notices = await noticesTo('attorney-1@portal.example')
    expect(notices.map((notice) => notice.subject)).toEqual([
      'Your power of attorney has been received',
      'Your power of attorney was not accepted',
    ])
    expect(notices[1]?.body).toContain('The document is not notarised')
    const pending = await send('legal_reviewer', 'GET', '/api/poa-documents')
    const left = pending.json().items.map((item: { accountNumber: string }) => item.accountNumber)
    expect(left).toContain(accountNumber(2))
    expect(left).not.toContain(accountNumber(0))
    expect(left).not.toContain(accountNumber(1))
  })
})

describe('the verification questions', () => {
  it.each([...access.roles])('tells the %s the questions only if they may record a verification', async (role) => {
    const response = await send(role, 'GET', '/api/verification-questions')
    if (!access.can({ kind: 'staff', role }, 'accounts.verification.record')) {
      expect(response.statusCode).toBe(403)
      return
    }
    expect(response.statusCode).toBe(200)
    // gb, the holder: four the agent ticks, two compared with the sealed values; never the SSN.
    expect(response.json()).toEqual({
      market: 'gb',
      caller: 'holder',
      callers: ['holder', 'authorized_user', 'property_manager', 'power_of_attorney', 'third_party'],
      ticked: ['full_name', 'account_number', 'service_address', 'recent_payment_amount'],
      answered: ['date_of_birth', 'security_answer'],
    })
  })
})

describe('caller verification against the sealed details', () => {
  const verify = (payload: object) => send('agent', 'POST', `/api/accounts/${accountNumber(3)}/verifications`, payload)
  const attempts = async () =>
    Number(
      (
        await sql<{
          count: string
        }>`select count(*) as count from verification_attempts where account_id = ${accountIds[3]}`.execute(database.db)
      ).rows[0]?.count,
    )

  beforeAll(async () => {
    const stored = await send('agent', 'PUT', `/api/accounts/${accountNumber(3)}/sensitive-details`, onFile)
    expect(stored.statusCode).toBe(204)
  })

  it.each([
    {
      refusal: 'a question the market does not ask, naming where it stands and the questions there are',
      passed: ['account_number', 'mothers_maiden_name'],
      error: {
        code: 'UNKNOWN_VERIFICATION_QUESTION',
        details: [{ path: 'passed.1', message: expect.stringContaining('recent_payment_amount') }],
      },
    },
    {
      refusal: 'a tick on a sealed question: the caller’s answer decides, and nothing is recorded',
      passed: ['account_number', 'security_answer'],
      error: { code: 'VERIFICATION_ANSWER_REQUIRED', details: [{ path: 'answers.security_answer' }] },
    },
  ])('refuses $refusal', async ({ passed, error }) => {
    const before = await attempts()
    const response = await verify({ passed, failed: [] })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject(error)
    expect(await attempts()).toBe(before)
  })

  it('passes a caller whose answers match what is sealed, however they are spaced or cased', async () => {
    const response = await verify({
      passed: ['account_number'],
      failed: [],
      answers: { security_answer: '  biscuit   THE dog ', date_of_birth: '1958-02-14' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      outcome: 'passed',
      answers: { security_answer: 'matched', date_of_birth: 'matched' },
      account: { number: accountNumber(3) },
    })
  })

  it('fails a caller with a wrong answer even when the agent ticked everything else, showing nothing', async () => {
    const response = await verify({
      passed: ['account_number', 'service_address'],
      failed: [],
      answers: { security_answer: 'Marmalade the cat' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      outcome: 'failed',
      caller: 'holder',
      reason: null,
      flaggedForReview: false,
      answers: { security_answer: 'did_not_match' },
      account: null,
    })
    // Neither the answer given nor the one on file goes into the log or the attempts.
    const stored = JSON.stringify([
      (await sql`select * from verification_attempts`.execute(database.db)).rows,
      (
        await sql`select after, context from audit_events where action like 'accounts.verification.%'`.execute(
          database.db,
        )
      ).rows,
    ])
    for (const value of ['Marmalade', 'Biscuit', 'biscuit', '3306', '1958-02-14']) expect(stored).not.toContain(value)
  })

  it('counts an answer with nothing on file as neither passed nor failed', async () => {
    const response = await send('agent', 'POST', `/api/accounts/${accountNumber(5)}/verifications`, {
      passed: [],
      failed: [],
      answers: { date_of_birth: '1970-01-01' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ outcome: 'failed', answers: { date_of_birth: 'not_on_file' } })
  })
})

describe('the audited export of the sealed details', () => {
  const url = `/api/accounts/${accountNumber(4)}/sensitive-details/export`
  const exportAs = (role: access.Role, reason = 'Subject access request SAR-1') =>
    app.inject({ method: 'POST', url, headers: as(role), payload: { reason } })

  beforeAll(async () => {
    const stored = await send('agent', 'PUT', `/api/accounts/${accountNumber(4)}/sensitive-details`, {
      dateOfBirth: '1949-12-01',
      securityAnswer: 'Ystradgynlais',
      ssnLastFour: '0042',
    })
    expect(stored.statusCode).toBe(204)
  })

  it.each([...access.roles])('gives the %s the details only if their role may export them', async (role) => {
    const response = await exportAs(role)
    if (!exporters.includes(role)) {
      expect(response.statusCode).toBe(403)
      expect(response.json()).toEqual({
        error: {
          code: 'FORBIDDEN',
          message: expect.any(String),
          details: { permission: 'accounts.sensitive_details.export' },
        },
      })
      expect(response.body).not.toContain('Ystradgynlais')
      return
    }
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.json()).toEqual({
      accountNumber: accountNumber(4),
      dateOfBirth: '1949-12-01',
      securityAnswer: 'Ystradgynlais',
      ssnLastFour: '0042',
      exportedAt: now.toISOString(),
    })
  })

  it('writes an audit event for every read, naming who, why and which fields, never the values', async () => {
    const before = (await auditOf('accounts.sensitive_details.exported')).length
    expect((await exportAs('supervisor', 'Fraud review FR-7')).statusCode).toBe(200)
    expect((await exportAs('supervisor', 'Fraud review FR-7')).statusCode).toBe(200)
    const events = await auditOf('accounts.sensitive_details.exported')
    expect(events).toHaveLength(before + 2)
    expect(events.at(-1)).toEqual({
      actor_id: await staffIdOf('supervisor'),
      account_id: accountIds[4],
      after: { fields: ['dateOfBirth', 'securityAnswer', 'ssnLastFour'], reason: 'Fraud review FR-7' },
    })
    const logged = JSON.stringify(events)
    for (const value of ['1949-12-01', 'Ystradgynlais', '0042']) expect(logged).not.toContain(value)
    // A refused export is not a read.
    expect((await exportAs('agent')).statusCode).toBe(403)
    expect(await auditOf('accounts.sensitive_details.exported')).toHaveLength(before + 2)
  })

  it('needs a reason, and answers an unknown account as not found', async () => {
    const blank = await exportAs('legal_reviewer', '  ')
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.details[0].path).toBe('body.reason')
    const nowhere = await send('legal_reviewer', 'POST', '/api/accounts/A-FFFFFFF0/sensitive-details/export', {
      reason: 'checking',
    })
    expect(nowhere.statusCode).toBe(404)
  })

  it('round-trips the values, keeping what a partial update leaves out', async () => {
    const changed = await send('supervisor', 'PUT', `/api/accounts/${accountNumber(4)}/sensitive-details`, {
      securityAnswer: 'Crickhowell',
    })
    expect(changed.statusCode).toBe(204)
    expect((await exportAs('legal_reviewer')).json()).toMatchObject({
      dateOfBirth: '1949-12-01',
      securityAnswer: 'Crickhowell',
      ssnLastFour: '0042',
    })
    const none = await send('supervisor', 'POST', `/api/accounts/${accountNumber(5)}/sensitive-details/export`, {
      reason: 'checking',
    })
    expect(none.json()).toMatchObject({ dateOfBirth: null, securityAnswer: null, ssnLastFour: null })
  })

  it('stores no plaintext: neither the column text nor its decoded bytes hold the values', async () => {
    const { rows } = await sql<Record<string, string | null>>`
      select date_of_birth_sealed, security_answer_sealed, ssn_last_four_sealed
      from account_secrets where account_id = ${accountIds[4]}`.execute(database.db)
    const columns = Object.values(rows[0] ?? {}).filter((value): value is string => value !== null)
    expect(columns).toHaveLength(3)
    const bytes = Buffer.concat(
      columns.flatMap((column) => [
        Buffer.from(column),
        ...column.split('.').map((part) => Buffer.from(part, 'base64url')),
      ]),
    )
    for (const value of ['1949-12-01', 'Crickhowell', 'crickhowell', '0042']) {
      expect(bytes.includes(Buffer.from(value)), value).toBe(false)
    }
    // Each value is sealed for its own account and column: copied to another account it does not open.
    await sql`insert into account_secrets (account_id, security_answer_sealed, updated_at)
      values (${accountIds[2]}, ${rows[0]?.['security_answer_sealed'] ?? null}, ${now})`.execute(database.db)
    await expect(
      access.readSensitiveDetails({
        tx: database.db,
        accountId: accountIds[2] as string,
        dataKey,
      }),
    ).rejects.toThrow()
  })
})

const addUser = (index: number, payload: Record<string, unknown>, role: access.Role = 'agent') =>
  send(role, 'POST', `/api/accounts/${accountNumber(index)}/external-users`, payload)

describe('authorized users added by an agent for the holder', () => {
  it('adds a full authorized user with their relationship to the holder, noted on the account and audited', async () => {
    const response = await addUser(6, {
      email: 'sam.spouse@portal.example',
      displayName: 'Sam Spouse',
      kind: 'authorized_full',
      relationship: 'Spouse',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json().grant).toMatchObject({ kind: 'authorized_full', status: 'active', relationship: 'Spouse' })
    // the account's internal row id is not part of the answer
    expect(response.json().grant).not.toHaveProperty('accountId')
    const [event] = (await auditOf('access.grant.created')).filter((row) => row.account_id === accountIds[6])
    expect(event).toMatchObject({
      actor_id: await staffIdOf('agent'),
      after: { kind: 'authorized_full', relationship: 'Spouse' },
    })
    const notes = await sql<{
      body: string
    }>`select body from account_notes where account_id = ${accountIds[6]}`.execute(database.db)
    expect(notes.rows.map((row) => row.body)).toContain(
      'sam.spouse@portal.example given authorized user (full access) access (Spouse of the account holder).',
    )
  })

  it('adds a limited one too, and refuses an authorized user without a relationship, changing nothing', async () => {
    const limited = await addUser(6, {
      email: 'lee.lodger@portal.example',
      displayName: 'Lee Lodger',
      kind: 'authorized_limited',
      relationship: 'lodger',
    })
    expect(limited.statusCode).toBe(201)
    const before = (await auditOf('access.grant.created')).length
    const bare = await addUser(6, { email: 'nobody@portal.example', displayName: 'No Body', kind: 'authorized_full' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error).toMatchObject({ code: 'INVALID_GRANT', details: [{ path: 'relationship' }] })
    expect(await auditOf('access.grant.created')).toHaveLength(before)
    const created = await sql`select 1 from external_users where email = 'nobody@portal.example'`.execute(database.db)
    expect(created.rows).toHaveLength(0)
  })

  it('is refused to a role that may not manage authorized users', async () => {
    const response = await addUser(
      6,
      { email: 'x@portal.example', displayName: 'X', kind: 'authorized_full', relationship: 'son' },
      'executive',
    )
    expect(response.statusCode).toBe(403)
  })
})

describe('who may use an account', () => {
  beforeAll(async () => {
    await inTransaction(database.db, (tx) =>
      setTestEmail(tx, { accountNumber: accountNumber(6), address: 'bill.fixture6@home.example', actor, at: now }),
    )
    for (const payload of [
      { email: 'pat.manager@lettings.example', displayName: 'Pat Manager', kind: 'property_manager' },
      {
        email: 'ola.attorney@law.example',
        displayName: 'Ola Attorney',
        kind: 'power_of_attorney',
        poaDocument: 'Lasting power of attorney, notarised',
        relationship: 'daughter',
      },
      { email: 'sun.solar@solar.example', displayName: 'Sun Solar', kind: 'third_party', scope: ['usage'], days: 60 },
    ]) {
      expect((await addUser(6, payload)).statusCode).toBe(201)
    }
  })

  it('lists the holder, authorized users, the property manager, the attorney under review and the third party', async () => {
    const response = await send('agent', 'GET', `/api/accounts/${accountNumber(6)}/users`)
    expect(response.statusCode).toBe(200)
    const { items } = response.json() as { items: Record<string, unknown>[] }
    const agentName = 'agent'
    expect(items.map((item) => [item['kind'], item['email']])).toEqual([
      ['holder', 'bill.fixture6@home.example'],
      ['authorized_full', 'sam.spouse@portal.example'],
      ['authorized_limited', 'lee.lodger@portal.example'],
      ['property_manager', 'pat.manager@lettings.example'],
      ['power_of_attorney', 'ola.attorney@law.example'],
      ['third_party', 'sun.solar@solar.example'],
    ])
    expect(items[0]).toMatchObject({ displayName: 'Bill Fixture6', portalLogin: false, addedBy: null })
    expect(items[1]).toMatchObject({
      level: 'authorized user (full access)',
      status: 'active',
      since: now.toISOString(),
      relationship: 'Spouse',
      addedBy: { kind: 'staff', id: await staffIdOf('agent'), displayName: expect.stringContaining(agentName) },
      portalLogin: true,
    })
    expect(items[4]).toMatchObject({
      status: 'pending_approval',
      relationship: 'daughter',
      poaDocument: { status: 'pending', reviewedAt: null },
    })
    // 60 days from 2026-11-20T09:00Z is 2027-01-19T09:00Z.
    expect(items[5]).toMatchObject({ scope: ['usage'], validTo: '2027-01-19T09:00:00.000Z' })
  })

  it('audits the list as a view of the account', async () => {
    const views = async () =>
      (
        await sql<{ context: { sections: string[] } }>`select context from audit_events
          where action = 'accounts.account.viewed' and account_id = ${accountIds[6]}`.execute(database.db)
      ).rows.filter((row) => row.context.sections.includes('account_users')).length
    const before = await views()
    await send('supervisor', 'GET', `/api/accounts/${accountNumber(6)}/users`)
    expect(await views()).toBe(before + 1)
  })

  it.each([...access.roles])('answers the %s the list only if they may read the account', async (role) => {
    const response = await send(role, 'GET', `/api/accounts/${accountNumber(6)}/users`)
    expect(response.statusCode).toBe(access.can({ kind: 'staff', role }, 'accounts.account.read') ? 200 : 403)
  })

  it('answers an unknown account as not found', async () => {
    const response = await send('agent', 'GET', '/api/accounts/A-FFFFFFF0/users')
    expect(response.statusCode).toBe(404)
  })
})

describe('verification that fits the caller', () => {
  const holderEmail = 'bill.fixture7@home.example'
  const spouseEmail = 'robin.spouse@portal.example'
  const questions = (index: number, caller: string) =>
    send('agent', 'GET', `/api/accounts/${accountNumber(index)}/verification-questions?caller=${caller}`)
  const verify = (index: number, payload: object) =>
    send('agent', 'POST', `/api/accounts/${accountNumber(index)}/verifications`, payload)
  const failures = async (index: number) =>
    Number(
      (
        await sql<{ count: string }>`select count(*) as count from verification_attempts
          where account_id = ${accountIds[index]} and outcome = 'failed'`.execute(database.db)
      ).rows[0]?.count,
    )

  beforeAll(async () => {
    await inTransaction(database.db, (tx) =>
      setTestEmail(tx, { accountNumber: accountNumber(7), address: holderEmail, actor, at: now }),
    )
    const added = await addUser(7, {
      email: spouseEmail,
      displayName: 'Robin Spouse',
      kind: 'authorized_full',
      relationship: 'husband',
    })
    expect(added.statusCode).toBe(201)
    await sql`update accounts set market = 'us' where id = ${accountIds[8]}`.execute(database.db)
  })

  it('never asks a Great Britain account for the SSN, whoever calls; a United States holder may be', async () => {
    for (const caller of ['holder', 'authorized_user', 'property_manager', 'power_of_attorney', 'third_party']) {
      const gb = await questions(7, caller)
      expect(gb.statusCode).toBe(200)
      expect(gb.json().market).toBe('gb')
      expect([...gb.json().ticked, ...gb.json().answered]).not.toContain('ssn_last_four')
    }
    const us = await questions(8, 'holder')
    expect(us.json()).toMatchObject({ market: 'us', answered: expect.arrayContaining(['ssn_last_four']) })
  })

  it('asks the holder and an authorized user different questions', async () => {
    const holder = (await questions(7, 'holder')).json()
    const user = (await questions(7, 'authorized_user')).json()
    expect(holder).toMatchObject({
      caller: 'holder',
      ticked: ['full_name', 'account_number', 'service_address', 'recent_payment_amount'],
      answered: ['date_of_birth', 'security_answer'],
    })
    // The seed: name on the account, relationship to the holder, the authorized user's email on file.
    expect(user).toMatchObject({
      caller: 'authorized_user',
      ticked: ['name_on_account'],
      answered: ['caller_email', 'relationship'],
    })
  })

  it('refuses an SSN answer on a Great Britain account, naming the field, and records nothing', async () => {
    const before = await failures(7)
    const response = await verify(7, { passed: ['account_number'], failed: [], answers: { ssn_last_four: '1234' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'UNKNOWN_VERIFICATION_QUESTION',
      details: [{ path: 'answers.ssn_last_four' }],
    })
    expect(await failures(7)).toBe(before)
  })

  it('verifies an authorized user on the name on the account, their relationship and their own email', async () => {
    const response = await verify(7, {
      caller: 'authorized_user',
      passed: ['name_on_account'],
      failed: [],
      answers: { caller_email: 'Robin.Spouse@portal.example', relationship: 'My Husband' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      outcome: 'passed',
      caller: 'authorized_user',
      answers: { caller_email: 'matched', relationship: 'matched' },
      account: { number: accountNumber(7) },
    })
    const wrong = await verify(7, {
      caller: 'authorized_user',
      passed: ['name_on_account'],
      failed: [],
      answers: { caller_email: spouseEmail, relationship: 'brother' },
    })
    expect(wrong.json()).toMatchObject({ outcome: 'failed', answers: { relationship: 'did_not_match' }, account: null })
  })

  it('does not verify as an authorized user someone who is not one, nor an authorized user on the holder’s questions', async () => {
    const stranger = await verify(7, {
      caller: 'authorized_user',
      passed: ['name_on_account'],
      failed: [],
      answers: { caller_email: holderEmail, relationship: 'husband' },
    })
    expect(stranger.json()).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('No authorized user with that email'),
      answers: { caller_email: 'did_not_match' },
      account: null,
    })
    const asHolder = await verify(7, { caller: 'holder', passed: [], failed: [], answers: { relationship: 'husband' } })
    expect(asHolder.statusCode).toBe(400)
    expect(asHolder.json().error.details).toEqual([{ path: 'answers.relationship', message: expect.any(String) }])
  })

  it('accepts an email request only from an address on file for that caller', async () => {
    const holderOk = await verify(7, {
      channel: 'email',
      senderEmail: holderEmail,
      passed: ['account_number', 'full_name'],
      failed: [],
    })
    expect(holderOk.json()).toMatchObject({ outcome: 'passed', answers: { sender_email: 'matched' } })
    const userOk = await verify(7, {
      channel: 'email',
      caller: 'authorized_user',
      senderEmail: spouseEmail,
      passed: ['name_on_account'],
      failed: [],
      answers: { relationship: 'husband' },
    })
    expect(userOk.json()).toMatchObject({
      outcome: 'passed',
      answers: { sender_email: 'matched', relationship: 'matched' },
    })
    // The authorized user's address is on file for them, not for the holder.
    const before = await failures(7)
    const refused = await verify(7, {
      channel: 'email',
      senderEmail: 'bill.fixture7@lookalike.example',
      passed: ['account_number', 'full_name'],
      failed: [],
    })
    expect(refused.statusCode).toBe(200)
    expect(refused.json()).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('not on file'),
      answers: { sender_email: 'did_not_match' },
      account: null,
    })
    const spouseAsHolder = await verify(7, {
      channel: 'email',
      senderEmail: spouseEmail,
      passed: ['account_number'],
      failed: [],
    })
    expect(spouseAsHolder.json()).toMatchObject({ outcome: 'failed', answers: { sender_email: 'did_not_match' } })
    expect(await failures(7)).toBe(before + 2)
  })

  it('flags the account for supervisor review after three refused emails', async () => {
    const refused = () =>
      verify(8, { channel: 'email', senderEmail: 'spoof@elsewhere.example', passed: ['account_number'], failed: [] })
    const flags = []
    for (let attempt = 0; attempt < 3; attempt++) flags.push((await refused()).json().flaggedForReview)
    expect(flags).toEqual([false, false, true])
  })

  it('needs the sender’s address for an email request, and records nothing without it', async () => {
    const before = await failures(7)
    const response = await verify(7, { channel: 'email', passed: ['account_number'], failed: [] })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'SENDER_EMAIL_REQUIRED', details: [{ path: 'senderEmail' }] })
    expect(await failures(7)).toBe(before)
  })
})
