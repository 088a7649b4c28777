/**
 * Customer service in the agent console end to end (UI-1, CAS-1..2, COM-3..4, ACC-4): the real
 * server (`cuttle serve` on PGlite with demo data) serving the built web app, driven through
 * Chromium. The agent opens the dashboard, opens an account in good standing, raises a billing
 * dispute (the status colour turns red with the dispute as its reason), logs an email the customer
 * sent asking why the bill went up, opens its suggested reply, edits it, marks it reviewed and sends
 * it, then finds the reply in the message log and on the timeline. Everything the test checks it
 * makes itself. Screenshots go to artifacts/screenshots/.
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

const agent = { email: 'agent@goodeggenergy.example', role: 'Customer Service Agent' }

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'customer-service', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const isPost = (pattern: RegExp) => (response: Response) =>
  response.request().method() === 'POST' && pattern.test(new URL(response.url()).pathname)

describe('customer service in the agent console', () => {
  let accountNumber = ''
  let inboundId = ''
  const replySubject = 'Re: Why did my bill go up?'

  it('shows the agent their dashboard: cases, tasks, recent accounts and today’s volumes', async () => {
    await signIn(agent)
    await page.getByTestId('dashboard-today').waitFor()
    await page.getByTestId('dashboard-cases').waitFor()
    await page.getByTestId('dashboard-tasks').waitFor()
    expect(await page.getByTestId('nav-cases').count()).toBe(1)
    // The agent report is a supervisor's.
    expect(await page.getByTestId('agent-report').count()).toBe(0)
    await page.screenshot({ path: join(screenshots, 'customer-service-dashboard.png'), fullPage: true })
  })

  it('raises a billing dispute on an account in good standing, which turns it red with the dispute as the reason', async () => {
    await openAccount('Ashworth', 'Eleanor Ashworth')
    accountNumber = (await page.getByTestId('account-number').textContent())?.trim() ?? ''
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
    await page.locator('[data-testid="status-colour"][data-colour="green"]').waitFor()

    await page.getByTestId('tab-cases').click()
    await page.getByTestId('cases-tab').waitFor()
    await page.getByTestId('raise-case').click()
    await page.getByTestId('case-type').selectOption('billing_dispute')
    await page.getByTestId('case-priority-input').selectOption('high')
    await page.getByTestId('case-subject').fill('November bill higher than expected')
    await page
      .getByTestId('case-description')
      .fill('The customer disputes the November statement: usage looks too high.')
    const [opened] = await Promise.all([
      page.waitForResponse(isPost(/\/api\/accounts\/A-[0-9A-F]{8}\/cases$/)),
      page.getByTestId('raise-case-submit').click(),
    ])
    expect(opened.status()).toBe(201)
    const { case: raised } = (await opened.json()) as { case: { number: string; status: string } }
    expect(raised.status).toBe('open')
    await expectText(page.getByTestId('case-raised'), raised.number)
    await page.locator(`[data-testid="case-row"][data-case="${raised.number}"]`).waitFor()

    // CAS-2: the header's status colour turns red, and says why.
    await page.locator('[data-testid="status-colour"][data-colour="red"]').waitFor()
    await page.locator('[data-testid="status-colour-reasons"] li[data-code="active_dispute"]').waitFor()
    await expectText(page.getByTestId('status-colour-reasons'), 'billing dispute')
    await page.screenshot({ path: join(screenshots, 'customer-service-dispute-red.png'), fullPage: true })
  })

  it('logs an email from the customer and answers it with the reviewed, edited suggested reply', async () => {
    await page.getByTestId('tab-communications').click()
    await page.getByTestId('communications-tab').waitFor()
    await page.getByTestId('message-log').waitFor()

    await page.getByTestId('log-inbound-email').click()
    await page.getByTestId('inbound-email-dialog').waitFor()
    await expectAccessible(page, 'logging an inbound email')
    await page.getByTestId('inbound-from').fill('eleanor.ashworth@example.com')
    await page.getByTestId('inbound-subject').fill('Why did my bill go up?')
    await page
      .getByTestId('inbound-body')
      .fill('Hello, my latest bill is much higher than last month. Why did my bill go up? Thanks, Eleanor')
    const [logged] = await Promise.all([
      page.waitForResponse(isPost(/\/inbound-emails$/)),
      page.getByTestId('inbound-submit').click(),
    ])
    expect(logged.status()).toBe(201)
    inboundId = ((await logged.json()) as { message: { id: string } }).message.id
    const inboundRow = page.locator(`[data-testid="message-row"][data-id="${inboundId}"]`)
    await inboundRow.waitFor()
    expect(await inboundRow.getAttribute('data-status')).toBe('received')

    // The logged email is open; ask for its suggested reply.
    const detail = page.getByTestId('message-detail')
    await expectText(detail.getByTestId('message-body'), 'Why did my bill go up?')
    const [drafted] = await Promise.all([
      page.waitForResponse(isPost(/\/suggested-reply$/)),
      detail.getByTestId('suggested-reply-open').click(),
    ])
    expect(drafted.status()).toBe(201)
    const reply = page.getByTestId('suggested-reply')
    await reply.getByTestId('suggested-reply-intent').waitFor()
    expect(await reply.getByTestId('suggested-reply-intent').getAttribute('data-intent')).toBe('bill_query')
    await expectText(reply.getByTestId('suggested-reply-confidence'), '%')
    await reply.getByTestId('suggested-reply-sources').locator('summary').click()
    // Not sent unread: Send waits for the review.
    expect(await reply.getByTestId('suggested-reply-send').isDisabled()).toBe(true)

    const drafts = reply.getByTestId('suggested-reply-body')
    const personal =
      'I am sorry the bill came as a surprise, Eleanor. I have raised a dispute so we can check it for you.'
    await drafts.fill(`${personal}\n\n${await drafts.inputValue()}`)
    const [reviewed] = await Promise.all([
      page.waitForResponse(isPost(/\/suggested-reply\/review$/)),
      reply.getByTestId('suggested-reply-review').click(),
    ])
    expect(reviewed.status()).toBe(200)
    const { suggestedReply } = (await reviewed.json()) as {
      suggestedReply: { status: string; editedBody: string | null }
    }
    expect(suggestedReply.status).toBe('reviewed')
    expect(suggestedReply.editedBody).toContain(personal)
    await reply.getByTestId('suggested-reply-reviewed').waitFor()
    expect(await reply.getByTestId('suggested-reply-send').isEnabled()).toBe(true)
    await reply.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(screenshots, 'customer-service-suggested-reply.png') })

    const [sent] = await Promise.all([
      page.waitForResponse(isPost(/\/suggested-reply\/send$/)),
      reply.getByTestId('suggested-reply-send').click(),
    ])
    expect(sent.status()).toBe(201)
    const { message } = (await sent.json()) as { message: { id: string; subject: string; body: string } }
    expect(message.subject).toBe(replySubject)
    expect(message.body).toContain(personal)
    await page.getByTestId('suggested-reply-sent').waitFor()
  })

  it('shows the sent reply in the message log and on the timeline', async () => {
    const sentRow = page
      .locator('[data-testid="message-row"][data-direction="outbound"]')
      .filter({ hasText: replySubject })
      .first()
    await sentRow.waitFor()
    // Sending only queued it; the log looks again until the delivery worker has sent it.
    await page
      .locator(
        '[data-testid="message-row"][data-direction="outbound"]:is([data-status="sent"], [data-status="delivered"])',
      )
      .filter({ hasText: replySubject })
      .first()
      .waitFor({ timeout: 20_000 })
    await page.screenshot({ path: join(screenshots, 'customer-service-comms-log.png'), fullPage: true })

    await page.getByTestId('tab-timeline').click()
    await page.getByTestId('timeline').waitFor()
    await page.getByTestId('timeline-item').filter({ hasText: replySubject }).first().waitFor()
    await page.locator('[data-testid="timeline-item"][data-kind="case"]').first().waitFor()

    // Only communications: the kind filter asks the server again.
    for (const kind of ['statement', 'payment', 'reading', 'note', 'change', 'case']) {
      await page.getByTestId(`timeline-kind-${kind}`).uncheck()
    }
    const [onlyMessages] = await Promise.all([
      page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname.endsWith('/timeline') && new URL(r.url()).searchParams.get('kinds') === 'message',
      ),
      page.getByTestId('timeline-kind-visit').uncheck(),
    ])
    expect(onlyMessages.status()).toBe(200)
    await page.getByTestId('timeline-item').filter({ hasText: replySubject }).first().waitFor()
    const kinds = await page
      .getByTestId('timeline-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))
    expect(new Set(kinds)).toEqual(new Set(['message']))
    await page.screenshot({ path: join(screenshots, 'customer-service-timeline.png'), fullPage: true })

    // Reloading keeps the tab (it is in the address).
    await page.goto(`${baseUrl}/accounts/${accountNumber}?tab=timeline`)
    await page.getByTestId('timeline').waitFor()
  })

  it('moves the customer out: the final bill, and The Occupier’s account opened at the same address', async () => {
    await page.goto(`${baseUrl}/accounts/${accountNumber}`)
    await page.getByTestId('move-out').click()
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
    await page.getByTestId('move-out-on').fill(today)
    const [moved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/move-out')),
      page.getByTestId('move-out-submit').click(),
    ])
    expect(moved.status()).toBe(201)
    const body = (await moved.json()) as { newAccount: { number: string; customerName: string } }
    expect(body.newAccount.customerName).toBe('The Occupier')
    await expectText(page.getByTestId('move-out-result'), body.newAccount.number)
    await page.screenshot({ path: join(screenshots, 'customer-service-move-out.png') })
  })
})

async function signIn({ email, role }: { email: string; role: string }): Promise<void> {
  await page.goto(baseUrl)
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
