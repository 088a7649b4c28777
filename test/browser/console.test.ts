/**
 * The agent console end to end: the real server (`cuttle serve` on PGlite with demo data) serving
 * the built web app, driven through Chromium. Screenshots go to artifacts/screenshots/.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Console, expectBrowserErrors, expectText, openConsole, screenshots } from './harness.js'

const agent = { email: 'agent@goodeggenergy.example', password: 'GoodEgg-demo-2026' }

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'console', viewport: { width: 1366, height: 860 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

describe('the agent console', () => {
  it('shows the server’s message when the password is wrong', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(agent.email)
    await page.getByTestId('login-password').fill('not-the-password')
    // The refused sign-in is logged by the browser as a failed request; nothing else may be.
    expectBrowserErrors(page, /status of 401 .*\/api\/session\)$/)
    await page.screenshot({ path: join(screenshots, 'login.png') })

    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'POST'),
      page.getByTestId('login-submit').click(),
    ])
    expect(response.status()).toBe(401)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('INVALID_CREDENTIALS')

    await expectText(page.getByTestId('login-error'), error.message)
  })

  it('signs the agent in, finds a misspelt surname, and saves a note that survives a reload', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(agent.email)
    await page.getByTestId('login-password').fill(agent.password)
    await page.getByTestId('login-submit').click()
    await expectText(page.getByTestId('role-badge'), 'Customer Service Agent')

    await page.getByTestId('search-input').fill('Ashwroth')
    await page.getByTestId('search-input').press('Enter')
    const result = page.getByTestId('search-result').filter({ hasText: 'Eleanor Ashworth' }).first()
    await result.waitFor()
    await page.screenshot({ path: join(screenshots, 'search.png') })

    await result.click()
    await page.getByTestId('account-number').waitFor()
    await expectText(page.getByTestId('customer-name'), 'Eleanor Ashworth')
    await expectText(page.getByTestId('service-address'), '14 Mill Lane')
    await expectText(page.getByTestId('service-address'), 'CB1 2AB')
    expect(page.url()).toMatch(/\/accounts\/A-[0-9A-F]{8}$/)
    // At a glance: what she owes and how she pays, and what each supply is on today.
    await page.getByTestId('glance-balance').waitFor()
    await expectText(page.getByTestId('glance-pays-by'), 'Direct Debit on day')
    expect(await page.getByTestId('glance-supply').count()).toBeGreaterThanOrEqual(2)
    await expectText(page.getByTestId('glance-supplies'), 'Standing charge')
    await expectText(page.getByTestId('glance-needs'), 'open case')

    const body = `Called about the smart meter install; browser test ${Date.now()}`
    await page.getByTestId('note-type').selectOption('general')
    await page.getByTestId('note-body').fill(body)
    await page.getByTestId('note-save').click()
    await expectText(page.getByTestId('note-item').first(), body)
    await expectText(page.getByTestId('note-item').first(), 'General')
    await page.screenshot({ path: join(screenshots, 'account.png'), fullPage: true })

    await page.reload()
    await page.getByTestId('account-number').waitFor()
    await page.getByTestId('note-item').filter({ hasText: body }).waitFor()
    await expectText(page.getByTestId('note-item').first(), body)

    // Her post goes elsewhere for a while: a mailing address, then back to the service address.
    await page.getByTestId('billing-address-change').click()
    const dialog = page.getByRole('dialog', { name: 'Billing address' })
    await dialog.getByLabel('Address line 1').fill('c/o 2 Harbour Street')
    await dialog.getByLabel('Town').fill('Whitby')
    await dialog.getByLabel('Postcode').fill('yo21 3pu')
    await dialog.getByRole('button', { name: 'Save address' }).click()
    await expectText(page.getByTestId('billing-address'), 'YO21 3PU')
    await page.getByTestId('billing-address-change').click()
    await page
      .getByRole('dialog', { name: 'Billing address' })
      .getByRole('button', { name: 'Use the service address' })
      .click()
    await page.getByTestId('billing-address').waitFor({ state: 'detached' })
  })

  it('shows the account’s usage: half-hourly chart, daily figures, readings and a reading form', async () => {
    await signInAsAgent()
    await openAccount('Ashworth', 'Eleanor Ashworth')

    const meterPoints = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/meter-points'))
    const readings = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/readings') && r.request().method() === 'GET',
    )
    const halfHourly = page.waitForResponse((r) => isUsage(r.url(), 'halfhour'))
    await page.getByTestId('tab-usage').click()
    await page.getByTestId('usage-tab').waitFor()
    expect((await meterPoints).status()).toBe(200)

    const halfHourlyResponse = await halfHourly
    expect(halfHourlyResponse.status()).toBe(200)
    const halfHourlyBody = (await halfHourlyResponse.json()) as UsageBody
    // The demo gives this account's smart meter a year of half-hourly data up to yesterday.
    expect(halfHourlyBody.items.length).toBeGreaterThan(0)
    expect(Number(halfHourlyBody.totalKwh)).toBeGreaterThan(0)
    await page.getByTestId(`meter-point-${halfHourlyBody.meterPoint}`).waitFor()
    await page.getByTestId('tariff-history').first().waitFor()

    const chart = page.getByTestId('usage-chart')
    await chart.locator('canvas').waitFor()
    expect(Number(await chart.getAttribute('data-points'))).toBe(halfHourlyBody.items.length)
    expect(await paintedBarPixels(chart)).toBeGreaterThan(500)
    await expectText(page.getByTestId('usage-total'), 'kWh')
    await page.getByTestId('readings-list').waitFor()
    await page.screenshot({ path: join(screenshots, 'usage-halfhourly.png'), fullPage: true })

    const daily = page.waitForResponse((r) => isUsage(r.url(), 'day'))
    await page.getByTestId('granularity-day').click()
    const dailyResponse = await daily
    expect(dailyResponse.status()).toBe(200)
    const dailyBody = (await dailyResponse.json()) as UsageBody
    expect(dailyBody.items.length).toBeGreaterThan(0)
    const rows = page.getByTestId('usage-table').locator('tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(dailyBody.items.length)
    await chart.locator('canvas').waitFor()
    expect(await paintedBarPixels(chart)).toBeGreaterThan(500)
    await page.screenshot({ path: join(screenshots, 'usage-daily.png'), fullPage: true })

    // A reading lower than the register's last is refused, with the reason beside the value.
    const { items: shownReadings } = (await (await readings).json()) as {
      items: Array<{ meterSerial: string; register: string; value: string; status: string }>
    }
    const form = page.getByTestId('reading-form')
    await form.waitFor()
    const meterSerial = await page.getByTestId('reading-meter').inputValue()
    const register = await page.getByTestId('reading-register').inputValue()
    const last = shownReadings.find(
      (reading) =>
        reading.meterSerial === meterSerial && reading.register === register && reading.status === 'accepted',
    )
    expect(last, `an accepted demo reading on ${meterSerial}/${register}`).toBeDefined()

    const submitted = () =>
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/readings') && r.request().method() === 'POST')
    const rejected = submitted()
    expectBrowserErrors(page, /status of 4\d\d .*\/readings\)$/)
    await page.getByTestId('reading-value').fill('0')
    await page.getByTestId('reading-submit').click()
    const rejectedResponse = await rejected
    // The HTTP status (422) is the API test's to check; here: the reason reaches the field.
    expect(rejectedResponse.status()).toBeGreaterThanOrEqual(400)
    const { error } = (await rejectedResponse.json()) as {
      error: { code: string; details: Array<{ path: string; message: string }> }
    }
    expect(error.code).toBe('READING_REJECTED')
    const valueProblem = error.details.find((detail) => detail.path === 'value')
    expect(valueProblem).toBeDefined()
    // Shown as a sentence: the first letter capitalised.
    await expectText(page.getByTestId('reading-value-error'), valueProblem?.message.slice(1) ?? '')
    await form.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'usage-reading-rejected.png') })

    // A plausible one (read two minutes ago) is saved and shown, and the list (newest first) starts with it.
    const value = (Number(last?.value) + 25).toFixed(1)
    const accepted = submitted()
    await page.getByTestId('reading-read-at').fill(londonInputValue(Date.now() - 120_000))
    await page.getByTestId('reading-value').fill(value)
    await page.getByTestId('reading-submit').click()
    expect((await accepted).status()).toBe(201)
    await expectText(page.getByTestId('reading-result'), value)
    expect(await page.getByTestId('reading-result').getAttribute('data-status')).toBe('accepted')
    await expectText(page.getByTestId('readings-list').locator('tbody tr').first(), value)

    // One that implies far more use than usual (read now) is kept but held, and the form says why.
    const doubtful = (Number(value) + 5000).toFixed(1)
    const held = submitted()
    await page.getByTestId('reading-value').fill(doubtful)
    await page.getByTestId('reading-submit').click()
    const heldResponse = await held
    expect(heldResponse.status()).toBe(201)
    const { reading } = (await heldResponse.json()) as { reading: { status: string; reason: string | null } }
    expect(reading.status).toBe('held')
    expect(await page.getByTestId('reading-result').getAttribute('data-status')).toBe('held')
    await expectText(page.getByTestId('reading-result'), reading.reason ?? 'held for review')
    await form.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'usage-reading-held.png') })
  })

  it('opens a statement with its breakdown, its explanation and its PDF', async () => {
    await signInAsAgent()
    await openAccount('Ashworth', 'Eleanor Ashworth')

    const statements = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/statements') && r.request().method() === 'GET',
    )
    await page.getByTestId('tab-billing').click()
    const listResponse = await statements
    expect(listResponse.status()).toBe(200)
    const { items } = (await listResponse.json()) as { items: Array<{ number: string; totalMinor: string }> }
    // The demo bills this account monthly from its first agreement: a year of statements, newest first.
    expect(items.length).toBeGreaterThan(3)
    await page.getByTestId('balance-summary').waitFor()
    expect(await page.getByTestId('statement-row').count()).toBe(items.length)
    await page.screenshot({ path: join(screenshots, 'billing-tab.png') })

    const newest = items[0]!
    const detailResponse = page.waitForResponse((r) =>
      new URL(r.url()).pathname.endsWith(`/statements/${newest.number}`),
    )
    await page.getByTestId('statement-row').first().getByRole('button', { name: newest.number }).click()
    const detail = (await (await detailResponse).json()) as {
      statement: { lines: unknown[]; explanation: { comparison?: { summary: string } } }
    }
    await page.getByTestId('statement-detail').waitFor()
    expect(await page.getByTestId('statement-line').count()).toBe(detail.statement.lines.length)
    expect(detail.statement.lines.length).toBeGreaterThan(1)
    const summary = detail.statement.explanation.comparison?.summary
    expect(summary).toBeTruthy()
    await expectText(page.getByTestId('statement-explanation'), summary ?? '')
    expect(new URL(page.url()).searchParams.get('statement')).toBe(newest.number)

    const href = await page.getByTestId('statement-pdf').getAttribute('href')
    expect(href).toContain(`/statements/${newest.number}/pdf`)
    const pdf = await page.request.get(new URL(href ?? '', baseUrl).toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    // Kept beside the screenshots, with a picture of each page where poppler's pdftoppm is installed (CI).
    const statementFile = join(screenshots, 'agent-statement.pdf')
    writeFileSync(statementFile, await pdf.body())
    spawnSync('pdftoppm', ['-png', '-r', '70', statementFile, join(screenshots, 'agent-statement-pdf-page')])
    await page.getByTestId('statement-detail').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'statement-detail.png'), fullPage: true })
  })

  it('shows the billing specialist the newest statement: its lines, why it changed, and its PDF', async () => {
    const specialist = { email: 'billing@goodeggenergy.example', password: 'GoodEgg-demo-2026' }
    await page.goto(baseUrl)
    await page.getByTestId('login-email').or(page.getByTestId('role-badge')).first().waitFor()
    if (await page.getByTestId('role-badge').isVisible()) {
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByTestId('login-email').waitFor()
    }
    await page.getByTestId('login-email').fill(specialist.email)
    await page.getByTestId('login-password').fill(specialist.password)
    await page.getByTestId('login-submit').click()
    await expectText(page.getByTestId('role-badge'), 'Billing Specialist')
    await openAccount('Ashworth', 'Eleanor Ashworth')

    const statements = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/statements') && r.request().method() === 'GET',
    )
    const balance = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/balance'))
    await page.getByTestId('tab-billing').click()
    const listResponse = await statements
    expect(listResponse.status()).toBe(200)
    const { items } = (await listResponse.json()) as {
      items: Array<{ number: string; status: string; totalMinor: string }>
    }
    // The demo bills Eleanor monthly: an empty list is a failure, not a pass.
    expect(items.length).toBeGreaterThan(3)
    expect((await balance).status()).toBe(200)
    await page.getByTestId('balance-summary').waitFor()
    await expectText(page.getByTestId('balance-summary'), '£')
    await page
      .getByTestId('statement-row')
      .nth(items.length - 1)
      .waitFor()
    expect(await page.getByTestId('statement-row').count()).toBe(items.length)
    // Billing specialists may bill and rebill.
    await page.getByTestId('bill-now').waitFor()
    await page.screenshot({ path: join(screenshots, 'billing-specialist-billing-tab.png'), fullPage: true })

    const newest = items[0]!
    const detailResponse = page.waitForResponse((r) =>
      new URL(r.url()).pathname.endsWith(`/statements/${newest.number}`),
    )
    await page.getByTestId('statement-row').first().getByRole('button', { name: newest.number }).click()
    const { statement } = (await (await detailResponse).json()) as {
      statement: {
        totalMinor: string
        paymentsMinor: string | null
        closingBalanceMinor: string | null
        lines: Array<{ description: string; amountMinor: string }>
        explanation: { comparison?: { summary: string } }
      }
    }
    const detail = page.getByTestId('statement-detail')
    await detail.waitFor()
    expect(await detail.getAttribute('data-number')).toBe(newest.number)
    expect(new URL(page.url()).searchParams.get('statement')).toBe(newest.number)

    // The breakdown: every line, each with the server's description, and the statement's total.
    expect(statement.lines.length).toBeGreaterThan(1)
    const lines = page.getByTestId('statement-line')
    expect(await lines.count()).toBe(statement.lines.length)
    for (const [index, line] of statement.lines.entries()) {
      await expectText(lines.nth(index), line.description)
    }
    const pounds = (minor: string) => {
      const value = BigInt(minor)
      const abs = value < 0n ? -value : value
      const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
      return `${value < 0n ? '−' : ''}£${whole}.${(abs % 100n).toString().padStart(2, '0')}`
    }
    await expectText(page.getByTestId('statement-total'), pounds(statement.totalMinor))
    // The account summary shows the payments since the last statement, as the ledger has them: the
    // demo's Direct Debit paid the last statement before this one was made.
    expect(BigInt(statement.paymentsMinor ?? '0')).toBeGreaterThan(0n)
    const summaryRow = (label: string) => detail.locator('.statement-summary tr').filter({ hasText: label })
    await expectText(summaryRow('Payments received'), pounds(statement.paymentsMinor ?? '0'))

    // The explanation: the comparison with the previous statement, as the server words it.
    const summary = statement.explanation.comparison?.summary
    expect(summary, 'the newest statement is compared with the one before').toBeTruthy()
    await expectText(page.getByTestId('statement-explanation'), summary ?? '')
    if (newest.status === 'issued') await page.getByTestId('rebill').waitFor()

    // The PDF link serves a PDF, with this page's session.
    const href = await page.getByTestId('statement-pdf').getAttribute('href')
    expect(href).toContain(`/statements/${newest.number}/pdf`)
    expect(await page.getByTestId('statement-pdf').getAttribute('target')).toBe('_blank')
    const pdf = await page.request.get(new URL(href ?? '', baseUrl).toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const duplicateHref = await page.getByTestId('statement-duplicate-pdf').getAttribute('href')
    expect(duplicateHref).toContain('duplicate=true')

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(screenshots, 'billing-specialist-statement-detail.png'), fullPage: true })

    // Bill now shows what it would make first, and makes it only when confirmed.
    const [previewed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/bill-preview')),
      page.getByTestId('bill-now').click(),
    ])
    expect(previewed.status()).toBe(200)
    const preview = (await previewed.json()) as { statement: { totalMinor: string; lines: unknown[] } }
    const previewPanel = page.getByTestId('bill-now-preview')
    await previewPanel.waitFor()
    expect(await page.getByTestId('bill-now-preview-line').count()).toBe(preview.statement.lines.length)
    await expectText(page.getByTestId('bill-now-confirm'), pounds(preview.statement.totalMinor))
    await previewPanel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'billing-specialist-bill-now-preview.png'), fullPage: true })
    const [billed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/statements')),
      page.getByTestId('bill-now-confirm').click(),
    ])
    expect(billed.status()).toBe(201)
    const made = (await billed.json()) as { statement: { number: string; totalMinor: string } }
    expect(made.statement.totalMinor).toBe(preview.statement.totalMinor)
    await expectText(page.getByTestId('bill-now-result'), made.statement.number)
    expect(await previewPanel.count()).toBe(0)
  })
})

type UsageBody = { meterPoint: string; totalKwh: string; items: Array<{ label: string; kwh: string }> }

function isUsage(url: string, granularity: string): boolean {
  const parsed = new URL(url)
  return parsed.pathname.endsWith('/usage') && parsed.searchParams.get('granularity') === granularity
}

/** Sign in as the demo agent, unless an earlier test left the session signed in. */
async function signInAsAgent(): Promise<void> {
  await page.goto(baseUrl)
  await page.getByTestId('login-email').or(page.getByTestId('role-badge')).first().waitFor()
  if (await page.getByTestId('login-email').isVisible()) {
    await page.getByTestId('login-email').fill(agent.email)
    await page.getByTestId('login-password').fill(agent.password)
    await page.getByTestId('login-submit').click()
  }
  await expectText(page.getByTestId('role-badge'), 'Customer Service Agent')
}

/** Search from the top bar and open the first result for `name`. */
async function openAccount(query: string, name: string): Promise<void> {
  await page.getByTestId('search-input').fill(query)
  await page.getByTestId('search-input').press('Enter')
  const result = page.getByTestId('search-result').filter({ hasText: name }).first()
  await result.click()
  await page.getByTestId('account-number').waitFor()
  await expectText(page.getByTestId('customer-name'), name)
}

/** How many canvas pixels inside `chart` are painted in a bar colour (actual teal or estimated amber). */
async function paintedBarPixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')
    if (!context) return 0
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    const near = (r: number, g: number, b: number, [R, G, B]: number[]) =>
      Math.abs(r - (R ?? 0)) < 24 && Math.abs(g - (G ?? 0)) < 24 && Math.abs(b - (B ?? 0)) < 24
    let painted = 0
    for (let at = 0; at < data.length; at += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[at], data[at + 1], data[at + 2], data[at + 3]]
      if (a > 200 && (near(r, g, b, [15, 111, 140]) || near(r, g, b, [224, 164, 58]))) painted++
    }
    return painted
  })
}

/** An instant as a `datetime-local` value in London time (`2026-03-04T14:05`). */
function londonInputValue(instant: number): string {
  const parts: Record<string, string> = {}
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`
}
