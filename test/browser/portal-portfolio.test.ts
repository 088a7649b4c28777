/**
 * The property manager's portfolio end to end (USR-2, UI-2): the demo's letting agent signs in to the
 * portal, downloads every account's latest statement as one ZIP of PDFs, and asks for a tenant's
 * supply to stop at one of the properties; the request shows in their list with its state.
 * Screenshots go to artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Console, expectText, openConsole, demoPassword as password, screenshots } from './harness.js'

const manager = { email: 'lettings@portal.example' }

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'portal-portfolio', viewport: { width: 1280, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const pathOf = (url: string) => new URL(url).pathname

describe('a property manager in the portal', () => {
  it('downloads the whole portfolio’s latest statements as one ZIP of PDFs', async () => {
    await page.goto(`${baseUrl}/portal`)
    await page.getByTestId('portal-email').fill(manager.email)
    await page.getByTestId('portal-password').fill(password)
    await page.getByTestId('portal-sign-in-submit').click()
    await page.getByTestId('portfolio-row').first().waitFor()
    await page.getByTestId('portfolio-bulk-download').waitFor()

    const [response, download] = await Promise.all([
      page.waitForResponse((r) => pathOf(r.url()) === '/api/portal/portfolio/statements.zip'),
      page.waitForEvent('download'),
      page.getByTestId('portfolio-bulk-download').click(),
    ])
    expect(response.status(), `the ZIP answered ${response.status()}`).toBe(200)
    expect(download.suggestedFilename()).toMatch(/^portfolio-statements-latest-\d{4}-\d{2}-\d{2}\.zip$/)
    const bytes = readFileSync((await download.path()) as string)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    expect(bytes.includes(Buffer.from('.pdf'))).toBe(true)
    expect(bytes.includes(Buffer.from('contents.csv'))).toBe(true)
    await page.screenshot({ path: join(screenshots, 'portal-portfolio-download.png'), fullPage: true })
  })

  it('asks for a tenant’s supply to stop and sees the request in its list', async () => {
    const moveOut = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
    await page.getByTestId('tenant-request-form').waitFor()
    await page.getByTestId('tenant-request-kind').selectOption('move_out')
    await page.getByTestId('tenant-request-date').fill(moveOut)
    await page.getByTestId('tenant-request-reading').fill('4521.3')
    await page.getByTestId('tenant-request-note').fill('Keys left with the concierge')
    const [answer] = await Promise.all([
      page.waitForResponse((r) => /\/tenant-requests$/.test(pathOf(r.url())) && r.request().method() === 'POST'),
      page.getByTestId('tenant-request-submit').click(),
    ])
    expect(answer.status(), `POST tenant-requests answered ${await answer.text()}`).toBe(201)
    const caseNumber = ((await answer.json()) as { caseNumber: string }).caseNumber
    await expectText(page.getByTestId('tenant-request-message'), caseNumber)
    const row = page.locator(`[data-testid="tenant-request-row"][data-case="${caseNumber}"]`)
    await expectText(row, 'Move out')
    await expectText(row.getByTestId('tenant-request-status'), 'Open')
    await page.getByTestId('tenant-requests').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'portal-portfolio-tenant-request.png'), fullPage: true })
  })
})
