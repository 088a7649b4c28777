import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { billingFixture } from '../demo/billing-fixture.js'
import type * as access from '../modules/access/index.js'
import { sharedTestApp } from './testing.js'

const now = new Date('2026-11-20T09:00:00Z')
const opened = sharedTestApp({ at: () => now, fixture: (db) => billingFixture({ db, count: 3, at: now }) })
const first = 'A-10000000'
const second = 'A-10000001'
/** Only the preview's test bills this one. */
const third = 'A-10000002'

const billNow = (role: access.Role, account = first, on = '2026-11-01') =>
  opened.send(role, 'POST', `/api/accounts/${account}/statements`, { on })

describe('the billing API', () => {
  it('previews what Bill now would make, writing nothing, and the bill then made matches it', async () => {
    const counts = async () =>
      (
        await sql<{ statements: number; postings: number }>`select
          (select count(*)::int from statements) as statements,
          (select count(*)::int from ledger_postings) as postings`.execute(opened.database.db)
      ).rows[0]
    const before = await counts()
    const url = `/api/accounts/${third}/bill-preview?on=2026-11-01`
    expect((await opened.app.inject({ url, headers: opened.as('agent') })).statusCode).toBe(403)
    const previewed = await opened.app.inject({ url, headers: opened.as('billing_specialist') })
    expect(previewed.statusCode).toBe(200)
    const { statement: draft, holdReasons } = previewed.json()
    expect(draft).not.toHaveProperty('number')
    expect(draft).not.toHaveProperty('id')
    expect(draft).toMatchObject({ kind: 'periodic', periodTo: '2026-11-01T00:00:00.000Z' })
    expect(draft.lines.length).toBeGreaterThan(0)
    expect(await counts()).toEqual(before)
    // The preview was a view of the account, audited as one.
    const { rows } = await sql<{ context: { sections: string[] } }>`select context from audit_events
      where action = 'accounts.account.viewed' order by seq desc limit 1`.execute(opened.database.db)
    expect(rows[0]?.context.sections).toEqual(['bill_preview'])

    const made = (await billNow('billing_specialist', third)).json().statement
    for (const field of ['status', 'netMinor', 'vatMinor', 'totalMinor', 'postedMinor', 'periodFrom', 'periodTo']) {
      expect(made[field], field).toBe(draft[field])
    }
    expect(made.holdReasons).toEqual(holdReasons)
    expect(draft.holdReasons).toEqual(holdReasons)
    const again = await opened.app.inject({ url, headers: opened.as('billing_specialist') })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'NOTHING_TO_BILL', message: expect.stringContaining(made.number) })
  })

  it('lets only a role that may recalculate bills bill an account, once per period', async () => {
    expect((await billNow('agent')).statusCode).toBe(403)
    const made = await billNow('billing_specialist')
    expect(made.statusCode).toBe(201)
    const body = made.json()
    expect(body).toMatchObject({ created: true, statement: { status: 'issued', kind: 'periodic', currency: 'GBP' } })
    expect(body.statement.number).toMatch(/^S-\d{8}$/)
    expect(body.statement.totalMinor).toMatch(/^\d+$/)
    const again = await billNow('billing_specialist')
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ created: false, statement: { number: body.statement.number } })
  })

  it('lists and shows statements with their lines and explanation, as an audited view', async () => {
    const list = await opened.app.inject({ url: `/api/accounts/${first}/statements`, headers: opened.as('agent') })
    expect(list.statusCode).toBe(200)
    const [item] = list.json().items
    const detail = await opened.app.inject({
      url: `/api/accounts/${first}/statements/${item.number}`,
      headers: opened.as('agent'),
    })
    expect(detail.statusCode).toBe(200)
    const { statement } = detail.json()
    expect(statement.lines.length).toBeGreaterThan(1)
    expect(statement.lines[0]).toMatchObject({
      kind: 'energy',
      unit: 'kWh',
      amountMinor: expect.stringMatching(/^\d+$/),
    })
    expect(statement.explanation.usage[0]).toMatchObject({ kwh: expect.any(String) })
    // The billing state kept for the next statement and internal row links stay inside.
    for (const field of ['openingReadings', 'closingReadings', 'documentId'])
      expect(statement).not.toHaveProperty(field)
    expect(statement.lines[0]).not.toHaveProperty('agreementId')
    const lines = statement.lines.reduce(
      (sum: bigint, line: { amountMinor: string }) => sum + BigInt(line.amountMinor),
      0n,
    )
    expect(String(lines)).toBe(statement.netMinor)
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_events
      where action = 'accounts.account.viewed' and context::text like '%statement%'`.execute(opened.database.db)
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2)
  })

  it('answers another account’s statement number as not found', async () => {
    const list = await opened.app.inject({ url: `/api/accounts/${first}/statements`, headers: opened.as('agent') })
    const number = list.json().items[0].number
    const response = await opened.app.inject({
      url: `/api/accounts/${second}/statements/${number}`,
      headers: opened.as('agent'),
    })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('STATEMENT_NOT_FOUND')
  })

  it('serves the statement as a PDF, and a duplicate marked as such', async () => {
    const number = (
      await opened.app.inject({ url: `/api/accounts/${first}/statements`, headers: opened.as('agent') })
    ).json().items[0].number
    const pdf = await opened.app.inject({
      url: `/api/accounts/${first}/statements/${number}/pdf`,
      headers: opened.as('agent'),
    })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const duplicate = await opened.app.inject({
      url: `/api/accounts/${first}/statements/${number}/pdf?duplicate=true`,
      headers: opened.as('agent'),
    })
    expect(duplicate.headers['content-disposition']).toContain('-duplicate.pdf')
    expect(duplicate.rawPayload.equals(pdf.rawPayload)).toBe(false)
  })

  it('keeps statements from a field technician', async () => {
    const response = await opened.app.inject({
      url: `/api/accounts/${first}/statements`,
      headers: opened.as('field_technician'),
    })
    expect(response.statusCode).toBe(403)
  })

  it('gives the balance with what is past due', async () => {
    const response = await opened.app.inject({ url: `/api/accounts/${first}/balance`, headers: opened.as('agent') })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ currency: 'GBP', pastDueMinor: '0', buckets: { current: body.balanceMinor } })
    expect(BigInt(body.balanceMinor)).toBeGreaterThan(0n)
  })

  it('rebills the latest statement, and lets only a billing specialist review the held ones', async () => {
    const number = (
      await opened.app.inject({ url: `/api/accounts/${first}/statements`, headers: opened.as('agent') })
    ).json().items[0].number
    expect((await opened.send('agent', 'POST', `/api/statements/${number}/rebill`)).statusCode).toBe(403)
    const rebilled = await opened.send('billing_specialist', 'POST', `/api/statements/${number}/rebill`)
    expect(rebilled.statusCode).toBe(201)
    expect(rebilled.json().statement).toMatchObject({ kind: 'rebill', version: 2, postedMinor: '0' })
    expect((await opened.app.inject({ url: '/api/statements/held', headers: opened.as('agent') })).statusCode).toBe(403)
    const held = await opened.app.inject({ url: '/api/statements/held', headers: opened.as('billing_specialist') })
    expect(held.statusCode).toBe(200)
    expect(held.json()).toEqual({ items: [] })
    const reject = await opened.send('billing_specialist', 'POST', `/api/statements/${number}/reject`, {
      reason: 'not held',
    })
    expect(reject.statusCode).toBe(409)
    expect(reject.json().error.code).toBe('STATEMENT_NOT_HELD')
  })

  it('issues a final bill to a move-out date for a role that may, and never to a date still to come', async () => {
    const finalBill = (role: access.Role, moveOutOn: string) =>
      opened.send(role, 'POST', `/api/accounts/${second}/final-bill`, { moveOutOn })
    expect((await finalBill('agent', '2026-11-01')).statusCode).toBe(403)
    const future = await finalBill('billing_specialist', '2026-11-21')
    expect(future.statusCode).toBe(400)
    expect(future.json().error).toMatchObject({
      code: 'INVALID_MOVE_DATE',
      details: [{ path: 'moveOutOn', message: 'on or before 2026-11-20' }],
    })
    const made = await finalBill('billing_specialist', '2026-11-01')
    expect(made.statusCode).toBe(201)
    expect(made.json()).toMatchObject({ created: true, statement: { kind: 'final', status: 'issued' } })
    expect(made.json().statement.periodTo).toBe(new Date('2026-11-01T00:00:00Z').toISOString())
  })

  it('refuses a bad date naming the field', async () => {
    const response = await billNow('billing_specialist', second, '01/11/2026')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].path).toContain('on')
  })

  it('puts only uninvoiced business charges on documents, for a role that may', async () => {
    const number = (
      await opened.app.inject({ url: `/api/accounts/${second}/statements`, headers: opened.as('agent') })
    ).json().items[0]?.number
    const made = number ?? (await billNow('billing_specialist', second)).json().statement.number
    const payload = { kind: 'invoice', statements: [made] }
    const url = `/api/accounts/${second}/documents`
    expect((await opened.app.inject({ method: 'POST', url, headers: opened.as('agent'), payload })).statusCode).toBe(
      403,
    )
    const refused = await opened.app.inject({ method: 'POST', url, headers: opened.as('billing_specialist'), payload })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({
      code: 'INVALID_DOCUMENT',
      details: [{ path: 'statements.0', message: expect.stringMatching(/not an uninvoiced charge/) }],
    })
    const view = await opened.app.inject({
      url: `/api/accounts/${second}/business-billing`,
      headers: opened.as('agent'),
    })
    expect(view.json()).toEqual({ uninvoiced: [], documents: [] })
  })
})
