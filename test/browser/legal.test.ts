/**
 * Legal review of powers of attorney end to end (USR-2): the real server (`cuttle serve` on PGlite
 * with demo data) serving the built web app, driven through Chromium. An agent records two powers of
 * attorney on the demo holder's account through the API (the document waits for the legal team); the
 * legal reviewer signs in, finds them under "Power of attorney", refuses to reject one without a
 * reason, rejects it with one and approves the other after confirming. The holder's users list (the
 * portal API) then shows the approved attorney active and the rejected one revoked. Everything the
 * test checks it makes itself. Screenshots go to artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Console,
  expectAccessible,
  expectText,
  openConsole,
  demoPassword as password,
  screenshots,
} from './harness.js'

const legal = { email: 'legal@goodeggenergy.example', role: 'Legal Reviewer' }
const agent = { email: 'agent@goodeggenergy.example' }
const holder = { email: 'eleanor@portal.example' }
const stamp = Date.now()
const approved = { email: `attorney-${stamp}@example.com`, displayName: 'Margaret Ashworth' }
const rejected = { email: `claimant-${stamp}@example.com`, displayName: 'Gerald Unknown' }

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'legal', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

/** Sign in through the API and answer the cookie header for the session. */
async function apiSession(path: '/api/session' | '/api/portal/session', email: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status, `${path} for ${email}: ${await response.clone().text()}`).toBe(200)
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('cuttle_session=') || pair.startsWith('cuttle_portal='))
  expect(cookie, `a session cookie for ${email}`).toBeTruthy()
  return { cookie: cookie ?? '', body: (await response.json()) as Record<string, unknown> }
}

const isDecision = (response: Response) =>
  response.request().method() === 'POST' &&
  /^\/api\/poa-documents\/[^/]+\/decision$/.test(new URL(response.url()).pathname)

describe('legal review of powers of attorney in the console', () => {
  let accountNumber = ''
  let holderCookie = ''

  it('has two powers of attorney waiting on the holder’s account, recorded by an agent', async () => {
    const portal = await apiSession('/api/portal/session', holder.email)
    holderCookie = portal.cookie
    const accounts = portal.body['accounts'] as Array<{ accountNumber: string; kind: string }>
    accountNumber = accounts.find((account) => account.kind === 'holder')?.accountNumber ?? ''
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)

    const { cookie } = await apiSession('/api/session', agent.email)
    for (const [person, document] of [
      [approved, 'Lasting power of attorney (notarised), passport and proof of relationship'],
      [rejected, 'Unsigned letter of authority'],
    ] as const) {
      const response = await fetch(`${baseUrl}/api/accounts/${accountNumber}/external-users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ ...person, kind: 'power_of_attorney', poaDocument: document }),
      })
      expect(response.status, await response.clone().text()).toBe(201)
      expect(((await response.json()) as { grant: { status: string } }).grant.status).toBe('pending_approval')
    }
    // The agent may record a power of attorney but never review one.
    expect((await fetch(`${baseUrl}/api/poa-documents`, { headers: { cookie } })).status).toBe(403)
  })

  it('shows the legal reviewer the queue: account, attorney, when it was uploaded and the document', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(legal.email)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await expectText(page.getByTestId('role-badge'), legal.role)
    // The reviewer has the legal queue, and none of the agent's or supervisor's work queues.
    expect(await page.getByTestId('nav-cases').count()).toBe(0)
    expect(await page.getByTestId('nav-approvals').count()).toBe(0)

    await page.getByTestId('nav-poa-review').click()
    await page.getByTestId('poa-review-page').waitFor()
    const row = page.locator(`[data-testid="poa-document"][data-attorney="${approved.email}"]`)
    await row.waitFor()
    expect(await row.getAttribute('data-account')).toBe(accountNumber)
    await expectText(row, approved.displayName)
    await expectText(row, 'Lasting power of attorney (notarised)')
    expect((await row.locator('td').nth(2).textContent())?.trim()).toMatch(/\d{4}/)
    await page.screenshot({ path: join(screenshots, 'legal-poa-queue.png'), fullPage: true })
  })

  it('will not reject without a reason, then rejects with one after confirming', async () => {
    const row = page.locator(`[data-testid="poa-document"][data-attorney="${rejected.email}"]`)
    await row.getByTestId('poa-reject').click()
    const dialog = page.getByTestId('poa-decision-dialog')
    await dialog.waitFor()
    await expectAccessible(page, 'deciding a power of attorney')
    await dialog.getByTestId('poa-decision-confirm').click()
    await expectText(dialog.getByTestId('poa-decision-problem'), 'Say why')
    await page.screenshot({ path: join(screenshots, 'legal-poa-reject-reason.png') })

    await dialog.getByTestId('poa-decision-note').fill('Not notarised, and no ID was provided')
    const [decision] = await Promise.all([
      page.waitForResponse(isDecision),
      dialog.getByTestId('poa-decision-confirm').click(),
    ])
    expect(decision.status()).toBe(200)
    expect(await decision.json()).toMatchObject({ status: 'rejected', grantStatus: 'revoked' })
    await expectText(page.getByTestId('poa-outcome'), `Rejected: ${rejected.displayName}`)
    await row.waitFor({ state: 'detached' })
  })

  it('approves the notarised document after confirming, and the attorney’s access becomes active', async () => {
    const row = page.locator(`[data-testid="poa-document"][data-attorney="${approved.email}"]`)
    await row.getByTestId('poa-approve').click()
    const dialog = page.getByTestId('poa-decision-dialog')
    await dialog.waitFor()
    await expectText(dialog.getByTestId('poa-decision-summary'), accountNumber)
    await page.screenshot({ path: join(screenshots, 'legal-poa-confirm.png') })
    const [decision] = await Promise.all([
      page.waitForResponse(isDecision),
      dialog.getByTestId('poa-decision-confirm').click(),
    ])
    expect(decision.status()).toBe(200)
    expect(await decision.json()).toMatchObject({ status: 'approved', grantStatus: 'active' })
    await expectText(page.getByTestId('poa-outcome'), `Approved: ${approved.displayName}`)
    await row.waitFor({ state: 'detached' })
    await page.screenshot({ path: join(screenshots, 'legal-poa-approved.png'), fullPage: true })

    // Asserted through the API: the holder's list of users on the account.
    const users = await fetch(`${baseUrl}/api/portal/accounts/${accountNumber}/users`, {
      headers: { cookie: holderCookie },
    })
    expect(users.status, await users.clone().text()).toBe(200)
    const items = (await users.json()) as Array<{ email: string; kind: string; status: string }>
    expect(items.find((user) => user.email === approved.email)).toMatchObject({
      kind: 'power_of_attorney',
      status: 'active',
    })
    // A revoked grant is no longer a user of the account.
    expect(items.find((user) => user.email === rejected.email)).toBeUndefined()
  })
})
