/**
 * Payments in the agent console end to end (PAY-2, PAY-4): the real server (`cuttle serve` on PGlite
 * with demo data) serving the built web app, driven through Chromium. The agent takes a card payment
 * (a decline first, then a success whose answer is lost and sent again under the same idempotency
 * key) and reads back the confirmation number; asks for a goodwill credit over the limit, which waits;
 * a supervisor approves it from the approvals queue. Everything the test checks it makes itself.
 * Screenshots go to artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page, Request } from 'playwright-core'
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

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'payments', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const isPaymentPost = (request: Request) =>
  request.method() === 'POST' && /\/api\/accounts\/A-[0-9A-F]{8}\/payments$/.test(new URL(request.url()).pathname)

describe('payments in the agent console', () => {
  let accountNumber = ''
  let creditRequestId = ''

  it('takes a card payment: a decline, then a payment whose lost answer is sent again without charging twice', async () => {
    await signIn(agent)
    // Approving over the limit is a supervisor's: the agent has no approvals page in the navigation.
    expect(await page.getByTestId('nav-approvals').count()).toBe(0)
    await openAccount('Ashworth', 'Eleanor Ashworth')
    accountNumber = (await page.getByTestId('account-number').textContent())?.trim() ?? ''
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
    await page.getByTestId('status-colour').waitFor()

    const loaded = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith(`/${accountNumber}/payments`) && r.request().method() === 'GET',
    )
    await page.getByTestId('tab-payments').click()
    expect((await loaded).status()).toBe(200)
    await page.getByTestId('payment-history').waitFor()
    // Her variable Direct Debit's next collection: a date and the amount the balance says now.
    await expectText(page.getByTestId('next-collection'), 'Next collection: £')
    // Setting that amount is a billing specialist's, not an agent's.
    expect(await page.getByTestId('next-collection-edit').count()).toBe(0)
    await page.getByTestId('take-payment').click()
    const dialog = page.getByTestId('take-payment-dialog')
    await dialog.waitFor()
    await expectAccessible(page, 'taking a payment')
    const nextYear = String(new Date().getFullYear() + 2)

    async function enterCard(number: string) {
      await page.getByTestId('take-payment-method-card').click()
      await page.getByTestId('take-payment-card-source').selectOption('new')
      await page.getByTestId('take-payment-card-number').fill(number)
      await page.getByTestId('take-payment-card-month').selectOption('12')
      await page.getByTestId('take-payment-card-year').selectOption(nextYear)
      await page.getByTestId('take-payment-card-cvc').fill('123')
    }

    // A declined card: the server's message, and the failed payment recorded under its own key.
    // The browser logs the decline (402) and the lost answer as failed requests.
    expectBrowserErrors(page, /status of 402 .*\/payments\)$/, /ERR_CONNECTION_RESET|net::ERR_FAILED/)
    await page.getByTestId('take-payment-amount').fill('12.50')
    await enterCard('4000 0000 0000 0002')
    const [declinedRequest, declinedResponse] = await Promise.all([
      page.waitForRequest(isPaymentPost),
      page.waitForResponse((r) => isPaymentPost(r.request())),
      page.getByTestId('take-payment-submit').click(),
    ])
    expect(declinedResponse.status()).toBe(402)
    const declined = (await declinedResponse.json()) as { error: { code: string; message: string } }
    expect(declined.error.code).toBe('PAYMENT_DECLINED')
    await expectText(page.getByTestId('take-payment-declined'), declined.error.message)
    // The card number and security code left the form when it was sent.
    expect(await page.getByTestId('take-payment-card-number').inputValue()).toBe('')
    expect(await page.getByTestId('take-payment-card-cvc').inputValue()).toBe('')
    const declinedKey = declinedRequest.headers()['idempotency-key']
    expect(declinedKey).toMatch(/^[0-9a-f-]{36}$/)
    // Sent as minor units typed exactly: £12.50 is "1250".
    expect((declinedRequest.postDataJSON() as { amountMinor: string }).amountMinor).toBe('1250')

    // The good card; its answer is lost on the way back (the server did take the payment).
    let dropped = false
    await page.route('**/api/accounts/*/payments', async (route) => {
      if (route.request().method() !== 'POST' || dropped) return route.continue()
      dropped = true
      await route.fetch()
      await route.abort('connectionreset')
    })
    await enterCard('4242 4242 4242 4242')
    const lostRequest = page.waitForRequest(isPaymentPost)
    await page.getByTestId('take-payment-submit').click()
    const firstKey = (await lostRequest).headers()['idempotency-key']
    await page.getByTestId('take-payment-unknown').waitFor()
    expect(firstKey).not.toBe(declinedKey)

    // Sent again: the same key, so the server answers with the payment it already took.
    await enterCard('4242 4242 4242 4242')
    const [retryRequest, retryResponse] = await Promise.all([
      page.waitForRequest(isPaymentPost),
      page.waitForResponse((r) => isPaymentPost(r.request())),
      page.getByTestId('take-payment-submit').click(),
    ])
    await page.unroute('**/api/accounts/*/payments')
    expect(retryRequest.headers()['idempotency-key']).toBe(firstKey)
    expect(retryResponse.status()).toBe(200)
    const { payment, replayed } = (await retryResponse.json()) as {
      payment: { confirmationNumber: string; status: string; postsOn: string; methodLabel: string }
      replayed: boolean
    }
    expect(replayed).toBe(true)
    expect(payment.status).toBe('succeeded')
    expect(payment.methodLabel).toBe('Visa •••• 4242')

    await expectText(page.getByTestId('confirmation-number'), payment.confirmationNumber)
    await expectText(page.getByTestId('payment-confirmation'), 'Read the confirmation number back to the customer')
    await expectText(page.getByTestId('confirmation-amount'), '£12.50')
    expect(await page.getByTestId('confirmation-posts-on').textContent()).toBeTruthy()
    // No input anywhere on the page still holds the card number.
    const values = await page
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    expect(values.some((value) => value.replace(/\D/g, '').includes('4242424242424242'))).toBe(false)
    await page.screenshot({ path: join(screenshots, 'payments-confirmation.png') })

    await page.getByTestId('take-payment-done').click()
    const row = page.locator(`[data-testid="payment-row"][data-confirmation="${payment.confirmationNumber}"]`)
    await row.waitFor()
    // Taken once, though sent twice.
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute('data-status')).toBe('succeeded')
    await page.screenshot({ path: join(screenshots, 'payments-tab.png'), fullPage: true })
  })

  it('asks for a goodwill credit over the limit, which waits for a supervisor', async () => {
    await page.getByTestId('give-credit').click()
    await page.getByTestId('credit-dialog').waitFor()
    await expectAccessible(page, 'asking for a credit')
    await page.getByTestId('credit-amount').fill('150')
    await page.getByTestId('credit-reason').fill(`Missed engineer appointment, browser test ${Date.now()}`)
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/credits')),
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/credits')),
      page.getByTestId('credit-submit').click(),
    ])
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect((request.postDataJSON() as { amountMinor: string }).amountMinor).toBe('15000')
    expect(response.status()).toBe(202)
    const body = (await response.json()) as { request: { id: string; status: string } }
    expect(body.request.status).toBe('pending_approval')
    creditRequestId = body.request.id
    const result = page.getByTestId('credit-result')
    await expectText(result, 'waiting for a supervisor’s approval')
    expect(await result.getAttribute('data-status')).toBe('pending_approval')
    await page.screenshot({ path: join(screenshots, 'payments-credit-waiting.png') })
    await page.getByTestId('credit-done').click()
    await page.locator('[data-testid="credit-request-row"][data-status="pending_approval"]').first().waitFor()
  })

  it('lets a supervisor approve it from the approvals queue', async () => {
    expect(creditRequestId, 'the credit request made by the previous test').not.toBe('')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(supervisor)
    const queue = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/approvals')
    await page.getByTestId('nav-approvals').click()
    expect((await queue).status()).toBe(200)
    const row = page.locator(`[data-testid="approval-credit"][data-id="${creditRequestId}"]`)
    await row.waitFor()
    await expectText(row, accountNumber)
    await expectText(row, '£150.00')
    await row.getByTestId('approval-note').fill('Approved: engineer missed the appointment')
    await page.screenshot({ path: join(screenshots, 'approvals-queue.png'), fullPage: true })

    const [decision] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/approvals/credits/${creditRequestId}`),
      row.getByTestId('approval-approve').click(),
    ])
    expect(decision.status()).toBe(200)
    const { request } = (await decision.json()) as { request: { status: string } }
    expect(request.status).toBe('completed')
    await expectText(page.getByTestId('approval-outcome'), 'approved and applied')
    await row.waitFor({ state: 'detached' })
    await page.screenshot({ path: join(screenshots, 'approvals-approved.png'), fullPage: true })

    // On the account the credit now shows as applied.
    await page.goto(`${baseUrl}/accounts/${accountNumber}?tab=payments`)
    await page.getByTestId('credit-requests').waitFor()
    await page.locator('[data-testid="credit-request-row"][data-status="completed"]').first().waitFor()
  })
})

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

/** Search from the top bar and open the first result for `name`. */
async function openAccount(query: string, name: string): Promise<void> {
  await page.getByTestId('search-input').fill(query)
  await page.getByTestId('search-input').press('Enter')
  await page.getByTestId('search-result').filter({ hasText: name }).first().click()
  await page.getByTestId('account-number').waitFor()
  await expectText(page.getByTestId('customer-name'), name)
}
