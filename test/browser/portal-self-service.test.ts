/**
 * Customer self-service in the portal end to end (UI-2, PAY, USR-3): the real server (`cuttle serve`
 * on PGlite with demo data) serving the built web app at /portal, driven through Chromium. The demo
 * account holder pays with the test card and sees the payment in her history, switches between
 * paper and paperless bills and finds the choice kept after a reload, and moves her authorized user
 * from limited to full access and back. Issue 22 item 7: she lands on her one account without a
 * picker, sees her tariff and rates, has a meter reading refused with the reason beside the field,
 * writes to the supplier and sees her message in the thread, is told once why a card was declined,
 * and at 390 px wide no portal page scrolls sideways. Screenshots go to artifacts/screenshots/.
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

// The demo's portal logins (src/demo/portal.ts): the holder and a limited authorized user.
const holder = 'eleanor@portal.example'
const authorizedUser = 'oliver@portal.example'

let browserConsole: Console | undefined
let page: Page
let baseUrl: string
let accountNumber = ''

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'portal-self-service', viewport: { width: 1280, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const pathOf = (url: string) => new URL(url).pathname

/** The pence in the first £ amount of a text (`£250.06 to pay` → 25006). */
function penceIn(text: string | null): number {
  const match = /£([\d,]+)\.(\d{2})/.exec(text ?? '')
  if (!match) throw new Error(`no £ amount in ${text}`)
  return Number((match[1] ?? '').replaceAll(',', '')) * 100 + Number(match[2])
}
const poundsOf = (pence: number) =>
  `£${Math.floor(pence / 100).toLocaleString('en-GB')}.${String(pence % 100).padStart(2, '0')}`

async function openTab(name: string) {
  await page.getByTestId(`portal-tab-${name}`).click()
  await page.getByTestId(`portal-panel-${name}`).waitFor()
}

describe('customer self-service in the portal', () => {
  it('signs the account holder in', async () => {
    await page.goto(`${baseUrl}/portal`)
    await page.getByTestId('portal-email').fill(holder)
    await page.getByTestId('portal-password').fill(password)
    const [signIn] = await Promise.all([
      page.waitForResponse((r) => pathOf(r.url()) === '/api/portal/session' && r.request().method() === 'POST'),
      page.getByTestId('portal-sign-in-submit').click(),
    ])
    expect(signIn.status(), `POST /api/portal/session answered ${await signIn.text()}`).toBe(200)
    const session = (await signIn.json()) as { accounts: Array<{ accountNumber: string; kind: string }> }
    accountNumber = session.accounts.find((account) => account.kind === 'holder')?.accountNumber ?? ''
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
    expect(session.accounts, 'the demo holder has one account').toHaveLength(1)
    // One account: no picker, the account itself.
    await expectText(page.getByTestId('portal-account-number'), accountNumber)
    expect(await page.getByTestId('account-picker').count()).toBe(0)
    expect(pathOf(page.url())).toBe(`/portal/accounts/${accountNumber}`)
  })

  it('pays with the test card and sees the payment in the history', async () => {
    expect(accountNumber, 'the account opened by the previous test').not.toBe('')
    await openTab('payments')
    await page.getByTestId('portal-payment-history').waitFor()
    const balanceBefore = penceIn(await page.getByTestId('portal-balance').textContent())
    await page.getByTestId('portal-pay-now').click()
    await page.getByTestId('portal-pay-amount').fill('12.34')
    await page.getByTestId('portal-pay-source').selectOption('new')
    await page.getByTestId('portal-card-number').fill('4242 4242 4242 4242')
    await page.getByTestId('portal-card-month').selectOption('12')
    await page.getByTestId('portal-card-year').selectOption(String(new Date().getFullYear() + 3))
    await page.getByTestId('portal-card-cvc').fill('123')
    await page.screenshot({ path: join(screenshots, 'portal-pay-form.png'), fullPage: true })

    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && pathOf(r.url()).endsWith(`/${accountNumber}/payments`)),
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && pathOf(r.url()).endsWith(`/${accountNumber}/payments`),
      ),
      page.getByTestId('portal-pay-submit').click(),
    ])
    expect(request.headers()['idempotency-key'], 'each payment carries an idempotency key').toBeTruthy()
    expect(request.postDataJSON()).toMatchObject({ amountMinor: '1234', card: { number: '4242424242424242' } })
    expect(response.status(), `POST …/payments answered ${await response.text()}`).toBeLessThan(300)
    await page.getByTestId('portal-payment-confirmation').waitFor()
    const confirmation = ((await page.getByTestId('portal-confirmation-number').textContent()) ?? '').trim()
    expect(confirmation).not.toBe('')

    const row = page.locator(`[data-testid="portal-payment-row"][data-confirmation="${confirmation}"]`)
    await expectText(row, '£12.34')
    await expectText(page.getByTestId('portal-balance'), poundsOf(balanceBefore - 1234))
    await page.screenshot({ path: join(screenshots, 'portal-paid.png'), fullPage: true })
    // The card's number is never shown back, only its last four.
    expect(await page.getByTestId('portal-payment-history').textContent()).not.toContain('4242424242424242')

    await page.reload()
    await page.getByTestId('portal-payment-history').waitFor()
    await expectText(page.locator(`[data-testid="portal-payment-row"][data-confirmation="${confirmation}"]`), '£12.34')
  })

  it('switches between paper and paperless bills and keeps the choice after a reload', async () => {
    await openTab('contact')
    const paperless = page.getByTestId('portal-billing-paperless')
    await paperless.waitFor()
    const wasPaperless = await paperless.isChecked()
    const other = wasPaperless ? 'paper' : 'paperless'
    const back = wasPaperless ? 'paperless' : 'paper'

    await page.getByTestId(`portal-billing-${other}`).check()
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => pathOf(r.url()).endsWith(`/${accountNumber}/contact`) && r.request().method() !== 'GET',
      ),
      page.getByTestId('portal-contact-save').click(),
    ])
    expect(saved.status(), `saving the contact answered ${await saved.text()}`).toBeLessThan(300)
    await expectText(page.getByTestId('portal-contact-message'), 'Your details are saved.')

    await page.reload()
    await page.getByTestId(`portal-billing-${other}`).waitFor()
    expect(page.url()).toContain('tab=contact')
    expect(await page.getByTestId(`portal-billing-${other}`).isChecked(), `${other} kept after a reload`).toBe(true)
    await page.screenshot({ path: join(screenshots, 'portal-contact-preference.png'), fullPage: true })

    // And back again, leaving the demo as it was.
    await page.getByTestId(`portal-billing-${back}`).check()
    await page.getByTestId('portal-contact-save').click()
    await expectText(page.getByTestId('portal-contact-message'), 'Your details are saved.')
    await page.reload()
    await page.getByTestId(`portal-billing-${back}`).waitFor()
    expect(await page.getByTestId(`portal-billing-${back}`).isChecked()).toBe(true)
  })

  it('sends her post to another address, names a wrong postcode beside its field, and goes back to the supply address', async () => {
    // The refusal of the wrong postcode (400) is the point of the step; the browser logs it.
    expectBrowserErrors(page, /status of 400 .*\/contact/)
    await openTab('contact')
    const postcode = page.getByLabel('Postcode')
    await postcode.waitFor()
    await page.getByLabel('Address line 1').fill('Flat 3, 7 Quay Side')
    await page.getByLabel('Town').fill('Wisbech')
    await postcode.fill('NOT A CODE')
    await page.getByTestId('portal-contact-save').click()
    await expectText(page.getByTestId('portal-billing-address'), 'ot a UK postcode')
    await postcode.fill('pe13 1aa')
    await page.getByTestId('portal-contact-save').click()
    await expectText(page.getByTestId('portal-contact-message'), 'Your details are saved.')
    await page.reload()
    await page.getByLabel('Postcode').waitFor()
    expect(await page.getByLabel('Postcode').inputValue()).toBe('PE13 1AA')
    // Emptied again: the post goes to the supply address.
    for (const label of ['Address line 1', 'Town', 'Postcode']) await page.getByLabel(label).fill('')
    await page.getByTestId('portal-contact-save').click()
    await expectText(page.getByTestId('portal-contact-message'), 'Your details are saved.')
  })

  it('moves the authorized user from limited to full access and back', async () => {
    await openTab('users')
    const row = page.locator(`[data-testid="portal-user-row"][data-email="${authorizedUser}"]`)
    await row.waitFor()
    expect(await row.getAttribute('data-kind')).toBe('authorized_limited')

    for (const [level, kind] of [
      ['full', 'authorized_full'],
      ['limited', 'authorized_limited'],
    ] as const) {
      await row.getByTestId('portal-user-level').selectOption(level)
      const [changed] = await Promise.all([
        page.waitForResponse((r) => r.request().method() !== 'GET' && pathOf(r.url()).includes('/users/')),
        row.getByTestId('portal-user-save-level').click(),
      ])
      expect(changed.status(), `changing the level answered ${await changed.text()}`).toBeLessThan(300)
      await expectText(page.getByTestId('portal-users-notice'), `now has ${level} access`)
      await page
        .locator(`[data-testid="portal-user-row"][data-email="${authorizedUser}"][data-kind="${kind}"]`)
        .waitFor()
      if (level === 'full') await page.screenshot({ path: join(screenshots, 'portal-user-full.png'), fullPage: true })
      await page.reload()
      const reloaded = page.locator(`[data-testid="portal-user-row"][data-email="${authorizedUser}"]`)
      await reloaded.waitFor()
      expect(await reloaded.getAttribute('data-kind'), `${level} kept after a reload`).toBe(kind)
      expect(await reloaded.getByTestId('portal-user-level').inputValue()).toBe(level)
    }
    await page.screenshot({ path: join(screenshots, 'portal-user-limited-again.png'), fullPage: true })
  })

  it('says once why a card was declined', async () => {
    // The 402 of the declined card is the point of the test; the browser logs it.
    expectBrowserErrors(page, /status of 402 .*\/payments/)
    await openTab('payments')
    await page.getByTestId('portal-pay-now').click()
    await page.getByTestId('portal-pay-amount').fill('5.00')
    await page.getByTestId('portal-pay-source').selectOption('new')
    await page.getByTestId('portal-card-number').fill('4000 0000 0000 0002')
    await page.getByTestId('portal-card-month').selectOption('12')
    await page.getByTestId('portal-card-year').selectOption(String(new Date().getFullYear() + 3))
    await page.getByTestId('portal-card-cvc').fill('123')
    await page.getByTestId('portal-pay-submit').click()
    const declined = page.getByTestId('portal-payment-declined')
    await expectText(declined, 'The card was declined')
    const said = (await declined.textContent()) ?? ''
    expect(said.match(/declined/gi), `said once: ${said}`).toHaveLength(1)
    // "Pay against" offers only bills with something left to pay.
    const against = page.getByLabel('Pay against')
    if ((await against.count()) > 0) {
      const options = await against.locator('option').allTextContents()
      for (const option of options.slice(1)) expect(option).toContain('to pay')
      expect(options.join(' ')).not.toContain('£0.00 to pay')
    }
    await page.getByRole('button', { name: 'Cancel' }).click()
  })

  it('shows her tariff and rates, and refuses a meter reading that does not fit with the reason beside the field', async () => {
    // The refusal (400) is the point of the test; the browser logs it.
    expectBrowserErrors(page, /status of 400 .*\/readings/)
    await page.getByRole('tab', { name: 'Meters and tariff' }).click()
    const tariff = page.getByTestId('portal-tariff').first()
    await expectText(tariff, 'p a kWh')
    await expectText(tariff, 'p a day')
    const reading = page.getByLabel('Meter reading', { exact: true }).first()
    await reading.fill('123456789')
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()).endsWith('/readings')),
      page.getByRole('button', { name: 'Send reading' }).first().click(),
    ])
    expect(answer.status(), `the refusal is a 4xx: ${await answer.text()}`).toBe(400)
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null)
    expect(await reading.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await reading.getAttribute('aria-describedby')) ?? ''
    const beside = await page.locator(`[id="${describedBy}"]`).textContent()
    expect(beside, 'the reason is beside the field').toMatch(/digits/)
    await page.screenshot({ path: join(screenshots, 'portal-reading-refused.png'), fullPage: true })
  })

  it('writes to the supplier and sees the message in the thread', async () => {
    await page.getByRole('tab', { name: 'Messages' }).click()
    await page.getByLabel('Subject').fill('Moving house')
    await page.getByLabel('Message', { exact: true }).fill('We move out on 14 December. What happens to my final bill?')
    const [sent] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()).endsWith('/messages')),
      page.getByRole('button', { name: 'Send', exact: true }).click(),
    ])
    expect(sent.status(), `sending answered ${await sent.text()}`).toBe(201)
    await expectText(page.getByTestId('portal-message-notice'), 'Your message is with our team')
    const thread = page.getByRole('list', { name: 'Messages, oldest first' })
    await expectText(thread, 'Moving house')
    await page.reload()
    await expectText(page.getByRole('list', { name: 'Messages, oldest first' }), 'What happens to my final bill?')
    await page.screenshot({ path: join(screenshots, 'portal-messages.png'), fullPage: true })
  })

  it('never scrolls sideways at 390 px wide, on any tab', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${baseUrl}/portal`)
    await expectText(page.getByTestId('portal-account-number'), accountNumber)
    const tabs = page.getByRole('tablist', { name: 'Account sections' }).getByRole('tab')
    const names = await tabs.allTextContents()
    expect(names.length).toBeGreaterThan(4)
    const wide: string[] = []
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click()
      await page.getByRole('tabpanel').waitFor()
      await page.waitForLoadState('networkidle')
      const measured = await page.evaluate(() => {
        const width = document.documentElement.scrollWidth
        const culprits = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > 391)
          .slice(-3)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
        return { width, culprits }
      })
      if (measured.width > 390) wide.push(`${name}: ${measured.width}px (${measured.culprits.join(', ')})`)
      const slug = name.toLowerCase().replaceAll(/[^a-z]+/g, '-')
      await page.screenshot({ path: join(screenshots, `portal-390-${slug}.png`), fullPage: true })
    }
    expect(wide).toEqual([])
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})
