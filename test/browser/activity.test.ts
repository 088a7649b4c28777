/**
 * The activity report (AUD-2) end to end: an agent views an account, then a supervisor, who may not
 * list staff, types the agent's email on the Activity page and sees that view among the accounts
 * viewed. Screenshots go to artifacts/screenshots/.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Console, demoPassword, expectText, openConsole, screenshots } from './harness.js'

const agent = 'agent@goodeggenergy.example'
const supervisor = 'supervisor@goodeggenergy.example'

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'activity', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

async function signInAs(email: string, role: string) {
  await page.goto(baseUrl)
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(demoPassword)
  await page.getByTestId('login-submit').click()
  await expectText(page.getByTestId('role-badge'), role)
}

describe('the activity report', () => {
  it('shows a supervisor the account an agent viewed', async () => {
    await signInAs(agent, 'Customer Service Agent')
    expect(await page.getByTestId('nav-activity').count()).toBe(0)
    await page.getByTestId('search-input').fill('Ashworth')
    await page.getByTestId('search-input').press('Enter')
    const result = page.getByTestId('search-result').filter({ hasText: 'Eleanor Ashworth' }).first()
    await result.click()
    await page.getByTestId('account-number').waitFor()
    const accountNumber = ((await page.getByTestId('account-number').textContent()) ?? '').trim()
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByTestId('login-email').waitFor()

    await signInAs(supervisor, 'Supervisor')
    await page.getByTestId('nav-activity').click()
    await page.getByTestId('activity-user').fill(agent)
    await page.getByTestId('activity-show').click()
    await expectText(page.getByTestId('activity-who'), 'Amira Agent')
    expect(page.url()).toContain('/audit/activity?user=agent%40goodeggenergy.example')

    const views = page.getByTestId('activity-group-account_view')
    const viewed = views.locator('[data-testid="activity-row"][data-action="accounts.account.viewed"]').first()
    await expectText(viewed, accountNumber)
    await expectText(viewed, 'Viewed account')
    await expectText(
      page.getByTestId('activity-group-sign_in').locator('[data-action="access.session.started"]').first(),
      'Signed in',
    )
    await page.screenshot({ path: join(screenshots, 'activity-report.png'), fullPage: true })

    // Only the accounts viewed, as CSV: the download holds the view and nothing from the other groups.
    for (const kind of ['sign_in', 'change', 'payment', 'message'])
      await page.getByTestId(`activity-kind-${kind}`).uncheck()
    expect(await page.getByTestId('activity-group-sign_in').count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('activity-csv').click()])
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const csv = readFileSync(path, 'utf8')
    expect(csv.split('\r\n')[0]).toBe(
      'occurred_at,group,action,description,account_number,subject_type,subject_id,detail',
    )
    expect(csv).toContain(`Accounts viewed,accounts.account.viewed,Viewed account,${accountNumber}`)
    expect(csv).not.toContain('access.session.started')
  })
})
