/**
 * The portal's session ending mid-visit (issue 20, item 2): the portal's cookie is gone, the next
 * request answers 401, and the customer lands on the portal's own sign-in (not the console's) with a
 * notice, at the same address.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Console, expectBrowserErrors, openConsole, demoPassword as password } from './harness.js'

let browserConsole: Console | undefined
let page: Page
let baseUrl: string
beforeAll(async () => {
  browserConsole = await openConsole({ name: 'portal-401', viewport: { width: 1280, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})
afterAll(async () => {
  await browserConsole?.close()
})

it('shows the portal’s sign-in with a notice when a request answers 401 mid-session', async () => {
  await page.goto(`${baseUrl}/portal`)
  await page.getByTestId('portal-email').fill('eleanor@portal.example')
  await page.getByTestId('portal-password').fill(password)
  await page.getByTestId('portal-sign-in-submit').click()
  await page.getByTestId('portal-balance').waitFor()
  await page.context().clearCookies()
  // The 401 the next request gets is the point of the test; the browser logs it.
  expectBrowserErrors(page, /status of 401 .*\/api\/portal\/accounts\//)
  await page.getByTestId('portal-tab-payments').click()
  await page.getByTestId('portal-email').waitFor()
  expect(await page.getByRole('status').first().textContent()).toContain('Your session has ended')
  expect(await page.getByTestId('portal').count()).toBe(1)
  expect(new URL(page.url()).pathname).toMatch(/^\/portal\/accounts\//)
})
