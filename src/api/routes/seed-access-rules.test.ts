/**
 * The seed's access rules that the routes used to contradict ("Account Users", and "Populate
 * Snippets" for PSR): field technicians see the visit, not the bills; executives view escalated
 * cases; collections specialists record PSR and vulnerability needs; supervisors read and clear the
 * failed-verification review flags.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { seedTariffCatalogue } from '../../demo/tariff-catalogue.js'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import * as market from '../../modules/market/index.js'
import * as metering from '../../modules/metering/index.js'
import { systemActor } from '../../shared/actor.js'
import { accountViewSectionPermission, accountViewSections } from '../../usecases/index.js'
import { openTestHomeIn } from '../../usecases/testing.js'
import { sharedTestApp } from '../testing.js'

const now = new Date('2026-11-20T09:00:00Z')
const actor = systemActor('test')
let accountNumber = ''
let accountId = ''

const auditCount = async (action: string) =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from audit_events where action = ${action}`.execute(
        testApp.database.db,
      )
    ).rows[0]?.n,
  )

// One account with a smart meter on the variable tariff, contacts, a note about money and PSR needs.
const testApp = sharedTestApp({
  at: () => now,
  seed: async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at: now })
    await seedTariffCatalogue({ tx, from: '2026-09-30', to: '2026-10-01', at: now, actor })
    accountNumber = 'A-10000000'
    ;({ accountId } = await openTestHomeIn(tx, {
      number: accountNumber,
      customer: { kind: 'person', title: null, givenName: 'Bill', familyName: 'Fixture0' },
      property: { line1: '1 Meter Street' },
      openedOn: '2026-10-01',
      meterPoints: [
        {
          fuel: 'electricity',
          identifier: metering.withCheckDigit('100000000001'),
          meterSerial: '21F0000000',
          type: 'smart',
          tariffCode: 'E-1R-VAR-22-11-01-A',
        },
      ],
      actor,
      at: now,
    }))
    await accounts.updateContacts({
      tx,
      accountNumber,
      emails: [{ address: 'bill@example.com', primary: true }],
      phones: [{ number: '07700 900123', label: 'mobile', primary: true }],
      actor,
      at: now,
    })
    await accounts.addNote({
      tx,
      accountNumber,
      type: 'general',
      body: 'Promised to pay the £412.50 balance on Friday',
      actor,
      authorName: 'Agent',
      at: now,
    })
    await accounts.registerVulnerability({
      tx,
      accountId,
      register: 'psr',
      category: 'medical_equipment',
      consentGiven: true,
      consentOn: '2026-11-01',
      note: 'Oxygen concentrator in the front room',
      actor,
      at: now,
    })
    await accounts.registerVulnerability({
      tx,
      accountId,
      register: 'vulnerable',
      category: 'financial_hardship',
      consentGiven: true,
      actor,
      at: now,
    })
  },
})

describe('a field technician opening an account ("View service address and appointment details", "Access customer contact information")', () => {
  it('opens the account in a field-visit view: holder, service address, contacts, meters and PSR needs', async () => {
    const response = await testApp.send('field_technician', 'GET', `/api/accounts/${accountNumber}`)
    expect(response.statusCode).toBe(200)
    const view = response.json()
    expect(view.sections).toEqual(['summary', 'reviewFlags', 'contacts', 'siteNeeds', 'meterPoints'])
    expect(view.account.number).toBe(accountNumber)
    expect(view.customer.displayName).toContain('Fixture0')
    expect(view.property.addressLines).toEqual(['1 Meter Street'])
    expect(view.contacts.phones).toEqual([{ number: '07700 900123', label: 'mobile', primary: true }])
    expect(view.siteNeeds).toEqual([{ category: 'medical_equipment' }])
    expect(view.meterPoints).toHaveLength(1)
    expect(view.meterPoints[0].meters[0].serial).toMatch(/\S/)
    expect(view.meterPoints[0].meters[0].registers.length).toBeGreaterThan(0)
  })

  it('shows no billing information: no billing mode, no notes (they talk about money), no tariff, no agreements', async () => {
    const response = await testApp.send('field_technician', 'GET', `/api/accounts/${accountNumber}`)
    expect(response.statusCode).toBe(200)
    const view = response.json()
    expect(view).not.toHaveProperty('preferences')
    expect(view).not.toHaveProperty('billingAddress')
    expect(view).not.toHaveProperty('notes')
    expect(response.body).not.toContain('412.50')
    expect(response.body).not.toMatch(/tariff|agreement|product/i)
    expect(response.body).not.toContain('financial_hardship')
    expect(response.body).not.toContain('Oxygen')
  })

  it('gets the meter points without the tariff, product and agreement fields', async () => {
    const technician = await testApp.send('field_technician', 'GET', `/api/accounts/${accountNumber}/meter-points`)
    expect(technician.statusCode).toBe(200)
    expect(technician.json().items.length).toBeGreaterThan(0)
    for (const item of technician.json().items) expect(item).not.toHaveProperty('agreements')
    expect(technician.body).not.toMatch(/tariffCode|productCode|productName/)
    const agent = await testApp.send('agent', 'GET', `/api/accounts/${accountNumber}/meter-points`)
    expect(agent.json().items[0].agreements[0]).toMatchObject({
      tariffCode: expect.any(String),
      productName: expect.any(String),
    })
  })

  it('records the sections the technician was shown in the audit log', async () => {
    const rows = await sql<{ context: { sections: string[] } }>`
      select context from audit_events
      where action = 'accounts.account.viewed' and account_id = ${accountId} and actor_id = (
        select id from staff_users where email = 'field_technician@example.com')
      order by id`.execute(testApp.database.db)
    expect(rows.rows.map((row) => row.context.sections)).toContainEqual([
      'summary',
      'reviewFlags',
      'contacts',
      'siteNeeds',
      'meterPoints',
    ])
  })
})

describe('the account overview for every role', () => {
  it.each([...access.roles])('gives the %s exactly the sections its permissions allow', async (role) => {
    const response = await testApp.send(role, 'GET', `/api/accounts/${accountNumber}`)
    const held = access.permissionsOf(role)
    if (!held.has('accounts.service_address.read')) {
      expect(response.statusCode).toBe(403)
      return
    }
    expect(response.statusCode).toBe(200)
    const view = response.json()
    const allowed = accountViewSections.filter((section) => held.has(accountViewSectionPermission[section]))
    expect(view.sections).toEqual(allowed)
    const fieldsOf = {
      summary: ['account', 'customer', 'property'],
      reviewFlags: ['reviewFlags'],
      contacts: ['contacts'],
      siteNeeds: ['siteNeeds'],
      meterPoints: ['meterPoints'],
      preferences: ['preferences', 'billingAddress'],
      notes: ['notes'],
      standing: ['standing'],
      money: ['money'],
      lastStatement: ['lastStatement'],
      supplies: ['supplies'],
      vulnerabilities: ['vulnerabilities'],
      openCases: ['openCases'],
    } as const
    for (const section of accountViewSections) {
      for (const field of fieldsOf[section]) {
        expect(Object.hasOwn(view, field), `${role} ${section}.${field}`).toBe(allowed.includes(section))
      }
    }
  })
})

describe('executives and escalated cases ("View escalated cases")', () => {
  let escalated = ''
  let urgent = ''
  let ordinary = ''

  beforeAll(async () => {
    const open = async (body: Record<string, unknown>) =>
      (await testApp.send('agent', 'POST', `/api/accounts/${accountNumber}/cases`, body)).json().case.number as string
    escalated = await open({ type: 'complaint_escalation', subject: 'Rude call, wants a manager' })
    urgent = await open({ type: 'service_request', priority: 'urgent', subject: 'No supply' })
    ordinary = await open({ type: 'service_request', subject: 'Meter reading query' })
  })

  it('lists the escalated cases (complaint escalations and urgent cases) for an executive, and no others', async () => {
    const response = await testApp.send('executive', 'GET', '/api/escalated-cases')
    expect(response.statusCode).toBe(200)
    const numbers = response.json().items.map((item: { number: string }) => item.number)
    expect(numbers.sort()).toEqual([escalated, urgent].sort())
    expect(numbers).not.toContain(ordinary)
  })

  it('opens an escalated case for an executive with its history, and answers 404 for one that is not escalated', async () => {
    const opened = await testApp.send('executive', 'GET', `/api/escalated-cases/${escalated}`)
    expect(opened.statusCode).toBe(200)
    expect(opened.json()).toMatchObject({ number: escalated, accountNumber, type: 'complaint_escalation' })
    const other = await testApp.send('executive', 'GET', `/api/escalated-cases/${ordinary}`)
    expect(other.statusCode).toBe(404)
    expect(other.json().error.code).toBe('CASE_NOT_FOUND')
  })

  it('gives an executive no other case power: the general queue, notes and status changes stay refused', async () => {
    const queue = await testApp.send('executive', 'GET', '/api/cases')
    expect(queue.statusCode).toBe(403)
    const note = await testApp.send('executive', 'POST', `/api/cases/${escalated}/notes`, { body: 'Looking into it' })
    expect(note.statusCode).toBe(403)
    const status = await testApp.send('executive', 'POST', `/api/cases/${escalated}/status`, { status: 'in_progress' })
    expect(status.statusCode).toBe(403)
  })

  it('keeps the escalated queue from roles without cases.escalated.read (an agent)', async () => {
    const response = await testApp.send('agent', 'GET', '/api/escalated-cases')
    expect(response.statusCode).toBe(403)
  })
})

describe('collections specialists and PSR needs ("When discussing debt … check for any vulnerabilities")', () => {
  it('lets a collections specialist add a PSR need and take it off again, audited', async () => {
    const before = await auditCount('accounts.vulnerability.registered')
    const added = await testApp.send(
      'collections_specialist',
      'POST',
      `/api/accounts/${accountNumber}/vulnerabilities`,
      {
        register: 'psr',
        category: 'pensionable_age',
        consentGiven: true,
        consentOn: '2026-11-20',
      },
    )
    expect(added.statusCode).toBe(201)
    expect(await auditCount('accounts.vulnerability.registered')).toBe(before + 1)
    const removed = await testApp.send(
      'collections_specialist',
      'DELETE',
      `/api/accounts/${accountNumber}/vulnerabilities/${added.json().vulnerability.id}`,
    )
    expect(removed.statusCode).toBe(204)
  })

  it('still refuses roles that do not talk to customers about their needs (IT administrator, executive)', async () => {
    for (const role of ['it_administrator', 'executive', 'field_technician'] as const) {
      const response = await testApp.send(role, 'POST', `/api/accounts/${accountNumber}/vulnerabilities`, {
        register: 'psr',
        category: 'dementia',
        consentGiven: true,
      })
      expect(response.statusCode, role).toBe(403)
    }
  })
})

describe('the failed-verification review flag ("Flag the account for supervisor review")', () => {
  let flagId = ''

  beforeAll(async () => {
    await inTransaction(testApp.database.db, async (tx) => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await access.recordVerification({
          tx,
          accountId,
          channel: 'phone',
          passed: [],
          failed: ['account_number'],
          actor: { kind: 'staff', id: 'usr_agent' },
          at: now,
        })
      }
    })
  })

  it('lists the open flag for a supervisor, with the account number and holder', async () => {
    const response = await testApp.send('supervisor', 'GET', '/api/review-flags?status=open')
    expect(response.statusCode).toBe(200)
    const { items, nextCursor } = response.json()
    expect(nextCursor).toBeNull()
    expect(items).toEqual([
      expect.objectContaining({
        accountNumber,
        reason: 'repeated_verification_failures',
        customerName: expect.stringContaining('Fixture0'),
        clearedAt: null,
      }),
    ])
    flagId = items[0].id
  })

  it('shows the open flag on the account overview as a banner for anyone opening the account', async () => {
    for (const role of ['agent', 'field_technician', 'supervisor'] as const) {
      const view = (await testApp.send(role, 'GET', `/api/accounts/${accountNumber}`)).json()
      expect(view.reviewFlags, role).toEqual([
        { id: flagId, reason: 'repeated_verification_failures', raisedAt: now.toISOString() },
      ])
    }
  })

  it('refuses the list and the clearing to an agent, and changes nothing', async () => {
    const list = await testApp.send('agent', 'GET', '/api/review-flags')
    expect(list.statusCode).toBe(403)
    const clear = await testApp.send('agent', 'POST', `/api/review-flags/${flagId}/clear`, {
      note: 'Caller was the holder',
    })
    expect(clear.statusCode).toBe(403)
    const open = await testApp.send('supervisor', 'GET', '/api/review-flags')
    expect(open.json().items).toHaveLength(1)
  })

  it('refuses a clearing without a note, naming the field', async () => {
    const response = await testApp.send('supervisor', 'POST', `/api/review-flags/${flagId}/clear`, { note: '   ' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.note' })])
  })

  it('lets a supervisor clear it with a note, audited; the banner goes and a second clearing is a conflict', async () => {
    const before = await auditCount('accounts.review_flag.cleared')
    const response = await testApp.send('supervisor', 'POST', `/api/review-flags/${flagId}/clear`, {
      note: 'Called the holder back on the number on file: it was her, she had forgotten the number',
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id: flagId, clearedAt: now.toISOString(), clearNote: expect.any(String) })
    expect(await auditCount('accounts.review_flag.cleared')).toBe(before + 1)
    const open = await testApp.send('supervisor', 'GET', '/api/review-flags')
    expect(open.json().items).toEqual([])
    const cleared = await testApp.send('supervisor', 'GET', '/api/review-flags?status=cleared')
    expect(cleared.json().items.map((item: { id: string }) => item.id)).toEqual([flagId])
    const view = (await testApp.send('agent', 'GET', `/api/accounts/${accountNumber}`)).json()
    expect(view.reviewFlags).toEqual([])
    const again = await testApp.send('supervisor', 'POST', `/api/review-flags/${flagId}/clear`, { note: 'Again' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('REVIEW_FLAG_ALREADY_CLEARED')
  })

  it('answers 404 for a flag that does not exist and 400 for a cursor it never gave', async () => {
    const missing = await testApp.send('supervisor', 'POST', '/api/review-flags/flg_00000000000000000000000000/clear', {
      note: 'Nothing',
    })
    expect(missing.statusCode).toBe(404)
    const cursor = await testApp.send('supervisor', 'GET', '/api/review-flags?cursor=nonsense')
    expect(cursor.statusCode).toBe(400)
  })
})
