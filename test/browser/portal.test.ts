/**
 * The customer portal end to end (UI-2, USR-2, USR-3): the real server (`cuttle serve` on PGlite with
 * demo data) serving the built web app at /portal, driven through Chromium. The demo account holder
 * signs in, sees her bills and downloads a statement PDF, and invites an authorized user at the
 * limited level; the invitee accepts the invitation (the token read from the API's answer, or from
 * the account's outbox as staff see it) and sees only bills, usage and payment history.
 * Screenshots go to artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Console, expectText, openConsole, demoPassword as password, screenshots } from './harness.js'

const holder = { email: 'eleanor@portal.example' }
const invitee = {
  email: `portal-invitee-${Date.now()}@example.com`,
  displayName: 'Robin Ashworth',
  password: 'Invited-user-2026!',
}

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'portal', viewport: { width: 1280, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const pathOf = (url: string) => new URL(url).pathname

describe('the customer portal', () => {
  let accountNumber = ''
  let invitationToken: string | null = null

  it('signs the account holder in and shows her bills, with a statement PDF to download', async () => {
    await page.goto(`${baseUrl}/portal`)
    await page.getByTestId('portal-email').waitFor()
    // The portal is its own layout: none of the staff console's navigation.
    expect(await page.getByTestId('role-badge').count()).toBe(0)
    await page.screenshot({ path: join(screenshots, 'portal-sign-in.png') })

    await page.getByTestId('portal-email').fill(holder.email)
    await page.getByTestId('portal-password').fill(password)
    const [signIn] = await Promise.all([
      page.waitForResponse((r) => pathOf(r.url()) === '/api/portal/session' && r.request().method() === 'POST'),
      page.getByTestId('portal-sign-in-submit').click(),
    ])
    expect(signIn.status(), `POST /api/portal/session answered ${await signIn.text()}`).toBe(200)
    const session = (await signIn.json()) as { accounts: Array<{ accountNumber: string; kind: string }> }
    const own = session.accounts.find((account) => account.kind === 'holder')
    expect(own, 'the demo holder holds an account').toBeTruthy()
    accountNumber = own?.accountNumber ?? ''

    // Her one account: she lands on it, with no list of accounts to pick from.
    await expectText(page.getByTestId('portal-account-number'), accountNumber)
    expect(await page.getByTestId('account-picker').count()).toBe(0)
    await page.getByTestId('portal-balance').waitFor()

    await page.getByTestId('portal-tab-bills').click()
    const statement = page.getByTestId('portal-statement').first()
    await statement.waitFor()
    await page.screenshot({ path: join(screenshots, 'portal-bills.png'), fullPage: true })

    const href = await statement.getByTestId('portal-statement-pdf').getAttribute('href')
    expect(href).toMatch(/^\/api\/portal\/accounts\/.+\/statements\/.+\/pdf$/)
    // Fetched from the page, so it goes with the portal cookie exactly as the link would.
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' })
      const bytes = new Uint8Array(await response.arrayBuffer())
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        magic: String.fromCharCode(...bytes.slice(0, 5)),
        size: bytes.length,
      }
    }, href ?? '')
    expect(pdf.status).toBe(200)
    expect(pdf.type).toContain('application/pdf')
    expect(pdf.magic).toBe('%PDF-')
    expect(pdf.size).toBeGreaterThan(500)
  })

  it('invites an authorized user at the limited level', async () => {
    expect(accountNumber, 'the account opened by the previous test').not.toBe('')
    await page.getByTestId('portal-tab-users').click()
    await page.getByTestId('portal-invite').waitFor()
    await page.getByTestId('portal-invite-email').fill(invitee.email)
    await page.getByTestId('portal-invite-level').selectOption('limited')
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && pathOf(r.url()).endsWith('/users/invitations')),
      page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()).endsWith('/users/invitations')),
      page.getByTestId('portal-invite-submit').click(),
    ])
    expect(request.postDataJSON()).toEqual({ email: invitee.email, level: 'limited' })
    expect(response.status(), `POST …/users/invitations answered ${await response.text()}`).toBeLessThan(300)
    await expectText(page.getByTestId('portal-invite-message'), `Invitation sent to ${invitee.email}`)
    await page.screenshot({ path: join(screenshots, 'portal-invitation-sent.png'), fullPage: true })

    invitationToken = findToken(await response.text()) ?? (await tokenFromOutbox(accountNumber))
    if (!invitationToken) {
      // Neither the API's answer nor the account's outbox (as staff see it) carries the token: the
      // journey stops at "invitation sent"; the next test says so rather than passing quietly.
      console.warn('portal.test: no invitation token in the API answer or the outbox; stopping at "invitation sent"')
    }
  })

  it('lets the invitee accept and see only bills, usage and payment history', async () => {
    expect(
      invitationToken,
      'an invitation token (from POST …/users/invitations or the outbox); none was exposed',
    ).toBeTruthy()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('portal-email').waitFor()

    await page.goto(`${baseUrl}/portal/invitations/${encodeURIComponent(invitationToken ?? '')}`)
    await page.getByTestId('invitation-page').waitFor()
    await page.getByTestId('invitation-name').fill(invitee.displayName)
    await page.getByTestId('invitation-password').fill(invitee.password)
    await page.getByTestId('invitation-confirm').fill(invitee.password)
    await page.screenshot({ path: join(screenshots, 'portal-invitation-accept.png') })
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()).endsWith('/accept')),
      page.getByTestId('invitation-submit').click(),
    ])
    expect(accepted.status(), `POST …/accept answered ${await accepted.text()}`).toBe(200)
    await expectText(page.getByTestId('portal-user-name'), invitee.displayName)

    // Signed out and in again with the new login, as the invitee would next time.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('portal-email').fill(invitee.email)
    await page.getByTestId('portal-password').fill(invitee.password)
    await page.getByTestId('portal-sign-in-submit').click()
    await expectText(page.getByTestId('portal-account-number'), accountNumber)

    for (const tab of ['bills', 'usage', 'payments']) {
      expect(await page.getByTestId(`portal-tab-${tab}`).count(), `the ${tab} tab`).toBe(1)
    }
    for (const tab of ['contact', 'users']) {
      expect(await page.getByTestId(`portal-tab-${tab}`).count(), `no ${tab} tab`).toBe(0)
    }
    await page.getByTestId('portal-tab-bills').click()
    await page.getByTestId('portal-statement').first().waitFor()
    await page.getByTestId('portal-tab-usage').click()
    await page.getByTestId('portal-usage').waitFor()
    await page.getByTestId('portal-tab-payments').click()
    await page.getByTestId('portal-payment-history').waitFor()
    expect(await page.getByTestId('portal-pay-now').count(), 'no Pay now for a limited user').toBe(0)
    expect(await page.getByTestId('portal-pay').count()).toBe(0)
    await page.screenshot({ path: join(screenshots, 'portal-limited-user.png'), fullPage: true })
  })
})

/** An invitation token (`cpi_…`) or an invitation link anywhere in a text. */
function findToken(text: string): string | null {
  const link = /\/portal\/invitations\/([A-Za-z0-9_-]{16,})/.exec(text)
  if (link?.[1]) return link[1]
  return /\bcpi_[A-Za-z0-9_-]{16,}/.exec(text)?.[0] ?? null
}

/**
 * The invitation email as staff see it on the account (the built-in outbox): signs a supervisor in
 * through the API in the same browser context (a separate cookie from the portal's) and reads the
 * newest messages.
 */
async function tokenFromOutbox(account: string): Promise<string | null> {
  const signIn = await page.request.post(`${baseUrl}/api/session`, {
    data: { email: 'supervisor@goodeggenergy.example', password },
  })
  if (!signIn.ok()) return null
  try {
    const list = await page.request.get(`${baseUrl}/api/accounts/${account}/messages?limit=10`)
    if (!list.ok()) return null
    const text = await list.text()
    const found = findToken(text)
    if (found) return found
    const { items } = JSON.parse(text) as { items?: Array<{ id: string }> }
    for (const message of items ?? []) {
      const detail = await page.request.get(`${baseUrl}/api/accounts/${account}/messages/${message.id}`)
      const token = detail.ok() ? findToken(await detail.text()) : null
      if (token) return token
    }
    return null
  } finally {
    await page.request.delete(`${baseUrl}/api/session`)
  }
}
