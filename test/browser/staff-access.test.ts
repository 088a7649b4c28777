/**
 * Staff access end to end (issue 19 hole 1, USR-5): the real server (`cuttle serve` on PGlite with demo
 * data) serving the built web app, driven through Chromium. The IT administrator invites a field
 * technician (a role without money powers, so no second approval) on the Staff page and gets a one-time
 * link; the invited person opens it in a browser nobody signed in to, is told why a weak password is
 * refused, sets a strong one and signs in. On My security they set up an authenticator app (the code
 * computed here from the secret the page shows) and issue, use and revoke an API token. Everything the
 * test checks it makes itself. Screenshots go to artifacts/screenshots/.
 */
import { join } from 'node:path'
import * as OTPAuth from 'otpauth'
import type { BrowserContext, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Console,
  expectAccessible,
  expectBrowserErrors,
  expectText,
  openConsole,
  demoPassword as password,
  screenshots,
  watchBrowserErrors,
} from './harness.js'

const admin = { email: 'admin@goodeggenergy.example', role: 'IT Administrator' }
const stamp = Date.now()
const invited = {
  email: `tess-${stamp}@example.com`,
  displayName: 'Tess Technician',
  role: 'Field Service Technician',
  password: 'lantern-orchard-basalt-quill',
}

let browserConsole: Console | undefined
let page: Page
let baseUrl: string
let invitedContext: BrowserContext | undefined
let invitedPage: Page

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'staff-access', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
  // A second browser with no session: the invited person's.
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser behind the page')
  invitedContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })
  invitedPage = await invitedContext.newPage()
  invitedPage.setDefaultTimeout(20_000)
  watchBrowserErrors(invitedPage)
})

afterAll(async () => {
  await invitedContext?.close()
  await browserConsole?.close()
})

const isPost = (path: RegExp) => (response: Response) =>
  response.request().method() === 'POST' && path.test(new URL(response.url()).pathname)

describe('staff access in the console', () => {
  let invitationLink = ''

  it('lets the IT administrator invite a field technician and hands over a one-time link', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(admin.email)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await expectText(page.getByTestId('role-badge'), admin.role)

    await page.getByTestId('nav-staff').click()
    await page.getByTestId('staff-page').waitFor()
    await page.locator('[data-testid="staff-user"]').first().waitFor()
    await page.getByTestId('staff-invite').click()
    const dialog = page.getByTestId('invite-staff-dialog')
    await dialog.waitFor()
    await expectAccessible(page, 'inviting a member of staff')
    await dialog.getByTestId('invite-email').fill(invited.email)
    await dialog.getByTestId('invite-name').fill(invited.displayName)
    await dialog.getByTestId('invite-role').selectOption('field_technician')
    const [created] = await Promise.all([
      page.waitForResponse(isPost(/^\/api\/staff$/)),
      dialog.getByTestId('invite-submit').click(),
    ])
    expect(created.status()).toBe(201)
    expect(await created.json()).toMatchObject({ user: { passwordSet: false }, roleRequest: null })

    invitationLink = await dialog.getByTestId('invitation-link').inputValue()
    // The secret travels in the fragment, which the browser never sends to the server.
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl}/staff/invitations/accept#secret=csi_`))
    // A role without money powers needs no second administrator.
    expect(await dialog.getByTestId('invitation-awaiting-approval').count()).toBe(0)
    await page.screenshot({ path: join(screenshots, 'staff-access-invitation.png') })
    await dialog.getByTestId('invitation-done').click()

    const row = page.locator(`[data-testid="staff-user"][data-email="${invited.email}"]`)
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('invited')
    await expectText(row.getByTestId('role-badge'), invited.role)
    await expectText(row.getByTestId('staff-status'), 'Invited')
  })

  it('refuses a weak password on the public invitation page, by field, then accepts a strong one', async () => {
    await invitedPage.goto(invitationLink)
    await invitedPage.getByTestId('staff-invitation-page').waitFor()
    // The secret is taken out of the address bar once read.
    await expect.poll(() => new URL(invitedPage.url()).hash).toBe('')

    await invitedPage.getByTestId('staff-invitation-password').fill('123456789012')
    await invitedPage.getByTestId('staff-invitation-confirm').fill('123456789012')
    expectBrowserErrors(invitedPage, /status of 400 .*\/api\/staff\/invitations\/accept\)$/)
    const [refused] = await Promise.all([
      invitedPage.waitForResponse(isPost(/^\/api\/staff\/invitations\/accept$/)),
      invitedPage.getByTestId('staff-invitation-submit').click(),
    ])
    expect(refused.status()).toBe(400)
    const problem = invitedPage.getByTestId('staff-invitation-password-problem')
    await problem.waitFor()
    expect((await problem.textContent())?.length).toBeGreaterThan(0)
    await invitedPage.screenshot({ path: join(screenshots, 'staff-access-weak-password.png') })

    await invitedPage.getByTestId('staff-invitation-password').fill(invited.password)
    await invitedPage.getByTestId('staff-invitation-confirm').fill(invited.password)
    const [accepted] = await Promise.all([
      invitedPage.waitForResponse(isPost(/^\/api\/staff\/invitations\/accept$/)),
      invitedPage.getByTestId('staff-invitation-submit').click(),
    ])
    expect(accepted.status()).toBe(200)
    await expectText(invitedPage.getByTestId('staff-invitation-accepted'), 'You can sign in now')
  })

  it('signs the new field technician in with the password they chose', async () => {
    await invitedPage.getByTestId('staff-invitation-sign-in').click()
    await invitedPage.getByTestId('login-email').fill(invited.email)
    await invitedPage.getByTestId('login-password').fill(invited.password)
    await invitedPage.getByTestId('login-submit').click()
    await expectText(invitedPage.getByTestId('user-name'), invited.displayName)
    await expectText(invitedPage.getByTestId('role-badge'), invited.role)
    // Not an access manager: no Staff or Tokens pages.
    expect(await invitedPage.getByTestId('nav-staff').count()).toBe(0)
    expect(await invitedPage.getByTestId('nav-tokens').count()).toBe(0)
  })

  it('sets up an authenticator app on My security with a code from the secret it shows once', async () => {
    await invitedPage.getByTestId('nav-my-security').click()
    await invitedPage.getByTestId('my-security-page').waitFor()
    await invitedPage.getByTestId('totp-start').click()
    const shown = (await invitedPage.getByTestId('totp-secret').textContent()) ?? ''
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/)
    const secret = shown.replace(/\s/g, '')
    await expectText(invitedPage.getByTestId('totp-uri'), `otpauth://totp/`)
    await invitedPage.screenshot({ path: join(screenshots, 'staff-access-totp.png') })

    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate()
    await invitedPage.getByTestId('totp-code').fill(code)
    await invitedPage.getByTestId('totp-confirm').click()
    await expectText(invitedPage.getByTestId('totp-enrolled'), 'Your authenticator app is set up')
    expect(await invitedPage.getByTestId('totp-secret').count()).toBe(0)
  })

  it('issues an API token with one chosen permission, shows its secret once, and revokes it', async () => {
    const tokens = invitedPage.getByTestId('my-tokens')
    await tokens.getByTestId('my-tokens-empty').waitFor()
    await invitedPage.getByTestId('token-new').click()
    const dialog = invitedPage.getByTestId('create-token-dialog')
    await dialog.waitFor()
    await expectAccessible(invitedPage, 'creating an API token')
    await dialog.getByTestId('token-name').fill('meter-read export')
    await dialog.getByTestId('token-days').fill('91')
    await dialog.getByTestId('create-token-submit').click()
    await expectText(dialog, 'Between 1 and 90 days')
    await dialog.getByTestId('token-days').fill('7')
    await dialog.getByTestId('token-scope-some').check()
    await dialog.locator('[data-permission="field.appointment.read"]').check()
    const [issued] = await Promise.all([
      invitedPage.waitForResponse(isPost(/^\/api\/tokens$/)),
      dialog.getByTestId('create-token-submit').click(),
    ])
    expect(issued.status()).toBe(201)
    expect(await issued.json()).toMatchObject({ permissions: ['field.appointment.read'], serviceAccountId: null })
    const secret = await dialog.getByTestId('new-token-secret').inputValue()
    expect(secret.length).toBeGreaterThan(20)
    await invitedPage.screenshot({ path: join(screenshots, 'staff-access-token.png') })
    await dialog.getByTestId('new-token-done').click()

    // The token works, as the new user, with only the permission chosen.
    const asToken = () => fetch(`${baseUrl}/api/session`, { headers: { authorization: `Bearer ${secret}` } })
    const before = await asToken()
    expect(before.status).toBe(200)
    expect(((await before.json()) as { user: { email: string; permissions: string[] } }).user).toMatchObject({
      email: invited.email,
      permissions: ['field.appointment.read'],
    })

    const row = tokens.locator('[data-testid="api-token"][data-name="meter-read export"]')
    await row.waitFor()
    expect(await row.getAttribute('data-state')).toBe('live')
    await row.getByTestId('api-token-revoke').click()
    const confirm = invitedPage.getByTestId('revoke-token-dialog')
    await confirm.waitFor()
    const [revoked] = await Promise.all([
      invitedPage.waitForResponse(
        (response) => response.request().method() === 'DELETE' && /\/api\/tokens\//.test(response.url()),
      ),
      confirm.getByTestId('revoke-token-confirm').click(),
    ])
    expect(revoked.status()).toBe(204)
    await expectText(invitedPage.getByTestId('token-outcome'), 'Revoked')
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked')
    expect((await asToken()).status).toBe(401)
  })

  it('shows the administrator the new user active with an authenticator, and the revoked token', async () => {
    await page.getByTestId('staff-page').getByRole('button', { name: 'Refresh' }).click()
    const row = page.locator(`[data-testid="staff-user"][data-email="${invited.email}"]`)
    await expect.poll(() => row.getAttribute('data-status')).toBe('active')
    await row.getByTestId('staff-reset-totp').waitFor()

    await page.getByTestId('nav-tokens').click()
    await page.getByTestId('tokens-page').waitFor()
    const token = page.locator('[data-testid="api-token"][data-name="meter-read export"]')
    await token.waitFor()
    expect(await token.getAttribute('data-state')).toBe('revoked')
    await expectText(token.getByTestId('api-token-owner'), invited.displayName)
    await page.screenshot({ path: join(screenshots, 'staff-access-tokens.png'), fullPage: true })
  })
})
