/**
 * The console, the portal and the API documentation under the Content-Security-Policy every response
 * carries (issue 19, hole 7: helmet, a strict `default-src 'self'`): the real server (`cuttle serve`
 * on PGlite with demo data) serving the built web app, driven through Chromium. Every page a
 * supervisor reaches, the account's tabs (the usage chart draws on a canvas), the portal's sign-in
 * and /docs with its operations are loaded while every `securitypolicyviolation` and every console
 * message about the policy is collected: there must be none, and no uncaught error. Screenshots go to
 * artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Console,
  expectBrowserErrors,
  expectText,
  openConsole,
  demoPassword as password,
  screenshots,
} from './harness.js'

const supervisor = { email: 'supervisor@goodeggenergy.example', role: 'Supervisor' }

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

/** What the browser refused under the policy, and errors nobody caught, since the last `take()`. */
const violations: string[] = []
const uncaught: string[] = []

function take(): { violations: string[]; uncaught: string[] } {
  const seen = { violations: [...violations], uncaught: [...uncaught] }
  violations.length = 0
  uncaught.length = 0
  return seen
}

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'csp', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
  // Reported by each document as it happens, through the console (which outlives navigations).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`)
    })
  })
  page.on('console', (message) => {
    const text = message.text()
    if (/securitypolicyviolation|Content Security Policy/i.test(text)) violations.push(text)
  })
  page.on('pageerror', (error) => uncaught.push(error.message))
})

afterAll(async () => {
  await browserConsole?.close()
})

describe('the console under the Content-Security-Policy', () => {
  it('is served with a strict policy that would report an inline script', async () => {
    const response = await page.goto(baseUrl)
    const policy = response?.headers()['content-security-policy'] ?? ''
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    await page.getByTestId('login-email').waitFor()
    expect(take()).toEqual({ violations: [], uncaught: [] })

    // The watch works: an inline script is refused and reported (an error in the browser's console).
    expectBrowserErrors(page, /securitypolicyviolation|Content Security Policy/)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.inlineRan = true'
      document.body.append(script)
    })
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan)).toBeUndefined()
    take()
  })

  it('loads every page of the supervisor’s navigation without a violation', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(supervisor.email)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await expectText(page.getByTestId('role-badge'), supervisor.role)
    await page.getByTestId('dashboard').waitFor()

    const pages: Array<[string, string]> = [
      ['nav-cases', 'Cases'],
      ['nav-approvals', 'Approvals'],
      ['nav-review-flags', 'Review flags'],
      ['nav-activity', 'Activity report'],
    ]
    for (const [link, title] of pages) {
      await page.getByTestId(link).click()
      await expectText(page.locator('h1.page-title'), title)
      await page.waitForLoadState('networkidle')
      expect(take(), link).toEqual({ violations: [], uncaught: [] })
    }
  })

  it('opens an account and each of its tabs, the usage chart included, without a violation', async () => {
    await page.getByTestId('search-input').fill('Ashworth')
    await page.getByTestId('search-input').press('Enter')
    await page.getByTestId('search-result').filter({ hasText: 'Eleanor Ashworth' }).first().click()
    await page.getByTestId('account-number').waitFor()
    await expectText(page.getByTestId('service-address'), '14 Mill Lane')

    const tabs = await page
      .getByRole('tab')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''))
    expect(tabs).toContain('tab-usage')
    for (const tab of tabs) {
      await page.getByTestId(tab).click()
      if (tab === 'tab-usage') await page.getByTestId('usage-chart').locator('canvas').waitFor()
      else await page.locator('[role="tabpanel"]').waitFor()
      // Let what the tab loads arrive and render.
      await page.waitForLoadState('networkidle')
      expect(take(), tab).toEqual({ violations: [], uncaught: [] })
    }
    await page.screenshot({ path: join(screenshots, 'csp-account.png'), fullPage: true })
  })

  it('shows the portal’s sign-in without a violation', async () => {
    await page.goto(`${baseUrl}/portal`)
    await page.getByTestId('portal-email').waitFor()
    await page.waitForLoadState('networkidle')
    expect(take()).toEqual({ violations: [], uncaught: [] })
  })

  it('renders the API documentation at /docs with its operations, without a violation', async () => {
    const response = await page.goto(`${baseUrl}/docs`)
    expect(response?.headers()['content-security-policy'] ?? '').toContain("default-src 'self'")
    const operations = page.locator('.opblock')
    await operations.first().waitFor()
    expect(await operations.count()).toBeGreaterThan(20)
    await page.locator('.opblock-summary-path').filter({ hasText: '/api/accounts' }).first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(take()).toEqual({ violations: [], uncaught: [] })
    await page.screenshot({ path: join(screenshots, 'csp-docs.png') })
  })
})
