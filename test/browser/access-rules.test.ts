/**
 * Issue 19's access rules in the console end to end: the real server (`cuttle serve` on PGlite with
 * demo data) serving the built web app, driven through Chromium. A field technician opens the demo
 * holder's account by its number and gets the field-visit view (address, contacts, meters; nothing
 * of bills, payments or tariffs); an agent sees who may use the account and adds an authorized user
 * with their relationship; a supervisor clears the review flag three failed verifications raised,
 * and the account's banner goes; an executive reads the escalated cases and nothing else of cases.
 * What each test checks it makes itself, through the API as an agent. Screenshots go to
 * artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Console,
  expectAccessible,
  expectBrowserErrors,
  expectText,
  openConsole,
  demoPassword as password,
  screenshots,
} from './harness.js'

const agent = { email: 'agent@goodeggenergy.example', role: 'Customer Service Agent' }
const supervisor = { email: 'supervisor@goodeggenergy.example', role: 'Supervisor' }
const technician = { email: 'field@goodeggenergy.example', role: 'Field Service Technician' }
const executive = { email: 'executive@goodeggenergy.example', role: 'Executive' }
const stamp = Date.now()

let browserConsole: Console | undefined
let page: Page
let baseUrl: string
/** The demo holder Eleanor Ashworth's account, found by the agent's search. */
let accountNumber = ''
let agentCookie = ''

/** Every API answer the page got that was not a success: the console showed an error for each. */
const refused: string[] = []
const noteRefusals = (response: Response) => {
  const url = new URL(response.url())
  if (url.pathname.startsWith('/api/') && response.status() >= 400)
    refused.push(`${response.request().method()} ${url.pathname} ${response.status()}`)
}

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'access-rules', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
  page.on('response', noteRefusals)
  agentCookie = await apiSession(agent.email)
  const found = await api<{ items: Array<{ accountNumber: string; customerName: string }> }>(
    'GET',
    '/api/accounts?q=Ashworth&limit=5',
  )
  accountNumber = found.items.find((item) => item.customerName === 'Eleanor Ashworth')?.accountNumber ?? ''
  expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
})

afterAll(async () => {
  await browserConsole?.close()
})

describe('a field technician', () => {
  it('opens the account by its number and sees the field-visit view: address, contacts and meters, no bills, payments or tariffs', async () => {
    await signIn(technician)
    refused.length = 0
    // Technicians do not search customers; the box opens an account by its number (as typed).
    await page.getByTestId('search-input').fill(accountNumber.toLowerCase())
    await page.getByTestId('search-input').press('Enter')
    await page.getByTestId('account-number').waitFor()
    await expectText(page.getByTestId('account-number'), accountNumber)
    await expectText(page.getByTestId('customer-name'), 'Eleanor Ashworth')
    await expectText(page.getByTestId('service-address'), '14 Mill Lane')
    await page.getByRole('heading', { name: 'Contact details' }).waitFor()

    // Overview and usage (meters and readings): no billing, payments, collections, cases or messages.
    const tabs = await page.getByRole('tab').allTextContents()
    expect(tabs).toEqual(['Overview', 'Usage'])
    for (const hidden of ['billing-address', 'balance-summary', 'note-body', 'verify-caller', 'move-out'])
      expect(await page.getByTestId(hidden).count(), hidden).toBe(0)
    await page.screenshot({ path: join(screenshots, 'field-visit-overview.png'), fullPage: true })

    const meterPoints = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/meter-points'))
    await page.getByTestId('tab-usage').click()
    await page.getByTestId('usage-tab').waitFor()
    const { items } = (await (await meterPoints).json()) as { items: Array<{ mpan?: string; meters: unknown[] }> }
    expect(items.length).toBeGreaterThan(0)
    expect(JSON.stringify(items)).not.toMatch(/tariffCode|productName|agreements/)
    await page.locator('[data-testid^="meter-point-"]').first().waitFor()
    await page.getByTestId('readings-list').waitFor()
    expect(await page.getByTestId('tariff-history').count()).toBe(0)
    expect(await page.locator('.callout-error, [role="alert"]').count()).toBe(0)
    expect(refused).toEqual([])
    await page.screenshot({ path: join(screenshots, 'field-visit-usage.png'), fullPage: true })
  })
})

describe('an agent on the account’s Users tab', () => {
  it('sees the holder and the authorized user, and adds an authorized user with their relationship', async () => {
    await signIn(agent)
    await page.goto(`${baseUrl}/accounts/${accountNumber}?tab=users`)
    await page.getByTestId('users-tab').waitFor()
    const user = (kind: string, name: string) =>
      page.locator(`[data-testid="account-user"][data-kind="${kind}"]`).filter({ hasText: name }).first()
    await user('holder', 'Eleanor Ashworth').waitFor()
    // The demo gives Oliver Ashworth a limited login to Eleanor's account.
    await user('authorized_limited', 'Oliver Ashworth').waitFor()

    const spouse = { name: 'Arthur Ashworth', email: `arthur-${stamp}@example.com` }
    await page.getByTestId('add-user-name').fill(spouse.name)
    await page.getByTestId('add-user-email').fill(spouse.email)
    await page.getByTestId('add-user-relationship').fill('Spouse')
    await page.getByTestId('add-user-level').selectOption('full')
    const [added] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/external-users'),
      ),
      page.getByTestId('add-user-submit').click(),
    ])
    expect(added.status(), await added.text()).toBe(201)
    await expectText(page.getByTestId('add-user-message'), `${spouse.name} was added`)

    const row = page.locator(`[data-testid="account-user"][data-email="${spouse.email}"]`)
    await row.waitFor()
    expect(await row.getAttribute('data-kind')).toBe('authorized_full')
    await expectText(row, spouse.name)
    await expectText(row, 'Spouse')
    await expectText(row, 'Amira Agent')
    await page.screenshot({ path: join(screenshots, 'account-users-tab.png'), fullPage: true })
  })
})

describe('a supervisor with an account flagged for review', () => {
  it('finds the flag under Review flags, clears it with a note, and the account’s banner is gone', async () => {
    // Three failed verifications in a day flag the account for supervisor review.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await api<{ outcome: string; flaggedForReview: boolean }>(
        'POST',
        `/api/accounts/${accountNumber}/verifications`,
        { channel: 'phone', caller: 'holder', passed: [], failed: ['account_number'] },
      )
      expect(result.outcome).toBe('failed')
      expect(result.flaggedForReview).toBe(attempt === 3)
    }

    await signIn(supervisor)
    await page.goto(`${baseUrl}/accounts/${accountNumber}`)
    await expectText(page.getByTestId('review-flag-banner'), 'Flagged for supervisor review')

    await page.getByTestId('nav-review-flags').click()
    await page.getByTestId('review-flags-page').waitFor()
    const flag = page.locator(`[data-testid="review-flag"][data-account="${accountNumber}"]`)
    await expectText(flag, 'Eleanor Ashworth')
    await expectText(flag, 'repeated failed identity verification')
    await page.screenshot({ path: join(screenshots, 'review-flags-open.png'), fullPage: true })

    await flag.getByTestId('review-flag-clear').click()
    const dialog = page.getByTestId('review-flag-dialog')
    await dialog.waitFor()
    await expectAccessible(page, 'clearing a review flag')
    // A flag is cleared with what the supervisor found, never without.
    await dialog.getByTestId('review-flag-confirm').click()
    await expectText(dialog.getByTestId('review-flag-problem'), 'Say what you found')
    await dialog.getByTestId('review-flag-note').fill('Called the holder back on the number on file; it was her.')
    const [cleared] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/clear')),
      dialog.getByTestId('review-flag-confirm').click(),
    ])
    expect(cleared.status(), await cleared.text()).toBe(200)
    await expectText(page.getByTestId('review-flag-outcome'), `Cleared: ${accountNumber}`)
    await flag.waitFor({ state: 'detached' })

    await page.goto(`${baseUrl}/accounts/${accountNumber}`)
    await page.getByTestId('account-number').waitFor()
    await expectText(page.getByTestId('customer-name'), 'Eleanor Ashworth')
    expect(await page.getByTestId('review-flag-banner').count()).toBe(0)
  })
})

describe('an executive', () => {
  it('reads the escalated cases, opens one with its notes and history, and sees no other case', async () => {
    const subject = `Complaint escalated to the ombudsman ${stamp}`
    const note = 'Customer wrote to the chief executive; reply due within five working days.'
    const escalated = await api<{ case: { number: string } }>('POST', `/api/accounts/${accountNumber}/cases`, {
      type: 'complaint_escalation',
      priority: 'high',
      subject,
      description: 'Third complaint about estimated bills; the customer asked for it to be escalated.',
    })
    await api('POST', `/api/cases/${escalated.case.number}/notes`, { body: note })
    const ordinary = await api<{ case: { number: string } }>('POST', `/api/accounts/${accountNumber}/cases`, {
      type: 'service_request',
      subject: `Move the meter ${stamp}`,
      description: 'An ordinary request: not escalated.',
    })

    await signIn(executive)
    refused.length = 0
    // Executives hold no case power but the escalated cases: one case entry in the nav.
    expect(await page.getByTestId('nav-cases').count()).toBe(0)
    await page.getByTestId('nav-escalated-cases').click()
    await page.getByTestId('escalated-cases-page').waitFor()
    const row = page.locator(`[data-testid="case-row"][data-case="${escalated.case.number}"]`)
    await expectText(row, subject)
    expect(await page.locator(`[data-testid="case-row"][data-case="${ordinary.case.number}"]`).count()).toBe(0)
    await page.screenshot({ path: join(screenshots, 'escalated-cases.png'), fullPage: true })

    await row.getByTestId('case-link').click()
    const detail = page.getByTestId('escalated-case-page')
    await detail.waitFor()
    expect(new URL(page.url()).pathname).toBe(`/escalated-cases/${escalated.case.number}`)
    await expectText(page.getByTestId('case-subject-title'), subject)
    await expectText(page.getByTestId('case-account'), accountNumber)
    await expectText(page.getByTestId('case-notes'), note)
    await expectText(page.getByTestId('case-history'), 'Opened')
    // Read-only: no note form, no status, priority or assignment.
    for (const control of ['case-note-body', 'case-next-status', 'case-assign-submit', 'case-attachment-upload'])
      expect(await page.getByTestId(control).count(), control).toBe(0)
    expect(refused).toEqual([])
    await page.screenshot({ path: join(screenshots, 'escalated-case.png'), fullPage: true })

    // A case that is not escalated is not there for the executive, in the console or the API (the
    // browser logs the API's 404 as a failed request).
    expectBrowserErrors(page, new RegExp(`status of 404 .*/api/escalated-cases/${ordinary.case.number}\\)$`))
    await page.goto(`${baseUrl}/escalated-cases/${ordinary.case.number}`)
    await expectText(page.getByTestId('escalated-case-error'), `No escalated case ${ordinary.case.number}`)
  })
})

/** Sign in through the console, signing out whoever an earlier test left signed in. */
async function signIn({ email, role }: { email: string; role: string }): Promise<void> {
  await page.goto(baseUrl)
  await page.getByTestId('login-email').or(page.getByTestId('role-badge')).first().waitFor()
  if (await page.getByTestId('role-badge').isVisible()) {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('login-email').waitFor()
  }
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await expectText(page.getByTestId('role-badge'), role)
}

/** Sign in through the API and answer the cookie header for the session. */
async function apiSession(email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status, `sign-in for ${email}: ${await response.clone().text()}`).toBe(200)
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('cuttle_session='))
  expect(cookie, `a session cookie for ${email}`).toBeTruthy()
  return cookie ?? ''
}

/** Call the API as the agent, expecting a success. */
async function api<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: agentCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300)
  return (await response.json().catch(() => null)) as T
}
