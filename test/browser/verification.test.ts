/**
 * Caller verification in the agent console end to end (USR-4 with SEC-1): the real server (`cuttle
 * start` on PGlite with demo data) serving the built web app, driven through Chromium. The agent keeps
 * a security answer for Eleanor Ashworth (the demo seeds none), then verifies a caller: a wrong answer
 * fails with "did not match", the right one with the account number passes, and further failures flag
 * the account for supervisor review. The value on file is never shown. Who is calling is asked
 * first: an authorized user is checked on their own email and relationship, not the holder's security
 * details. Screenshots go to artifacts/screenshots/.
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
const securityAnswer = 'Marmalade the cat'

let browserConsole: Console | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'verification', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

const isVerification = (response: Response) =>
  response.request().method() === 'POST' &&
  /\/api\/accounts\/[^/]+\/verifications$/.test(new URL(response.url()).pathname)

describe('verifying a caller in the agent console', () => {
  let accountNumber = ''

  it('keeps a security answer for the account holder, sealed', async () => {
    await signIn(agent)
    await openAccount('Ashworth', 'Eleanor Ashworth')
    accountNumber = (await page.getByTestId('account-number').textContent())?.trim() ?? ''
    expect(accountNumber).toMatch(/^A-[0-9A-F]{8}$/)

    const kept = await page.request.put(`${baseUrl}/api/accounts/${accountNumber}/sensitive-details`, {
      data: { securityAnswer, dateOfBirth: '1958-03-14' },
    })
    expect(kept.status()).toBe(204)
  })

  it('fails a caller who gives the wrong security answer, saying only that it did not match', async () => {
    await page.getByTestId('verify-caller').click()
    const dialog = page.getByTestId('verification-dialog')
    await dialog.waitFor()
    await expectAccessible(page, 'verifying a caller')
    expect(await dialog.getByTestId('verification-channel').inputValue()).toBe('phone')
    // The sealed questions are typed, never ticked.
    expect(await dialog.locator('[data-testid="verification-security_answer-passed"]').count()).toBe(0)
    expect(await dialog.getByTestId('verification-account_number-not_asked').isChecked()).toBe(true)

    // Nothing asked is not sent: it would count as a failed attempt.
    await dialog.getByTestId('verification-submit').click()
    await expectText(dialog.getByTestId('verification-error'), 'at least one question')

    await dialog.getByTestId('verification-answer-security_answer').fill('Biscuit the dog')
    await page.screenshot({ path: join(screenshots, 'verification-form.png') })
    const [checked] = await Promise.all([
      page.waitForResponse(isVerification),
      dialog.getByTestId('verification-submit').click(),
    ])
    expect(checked.status()).toBe(200)
    const body = (await checked.json()) as { outcome: string; answers: Record<string, string>; account: unknown }
    expect(body).toMatchObject({ outcome: 'failed', answers: { security_answer: 'did_not_match' }, account: null })

    const result = dialog.getByTestId('verification-result')
    expect(await result.getAttribute('data-outcome')).toBe('failed')
    await expectText(dialog.getByTestId('verification-outcome'), 'Not verified')
    await expectText(dialog.getByTestId('verification-answer-result-security_answer'), 'Did not match')
    expect(await dialog.getByTestId('verification-flagged').count()).toBe(0)
    expect(await dialog.textContent()).not.toContain(securityAnswer)
    await page.screenshot({ path: join(screenshots, 'verification-failed.png') })
  })

  it('passes a caller who gives the account number and the right security answer', async () => {
    const dialog = page.getByTestId('verification-dialog')
    await dialog.getByTestId('verification-again').click()
    await dialog.getByTestId('verification-account_number-passed').check()
    // Said as callers say it: case and spacing do not matter.
    await dialog.getByTestId('verification-answer-security_answer').fill('  marmalade THE cat ')
    const [checked] = await Promise.all([
      page.waitForResponse(isVerification),
      dialog.getByTestId('verification-submit').click(),
    ])
    expect(checked.status()).toBe(200)
    const body = (await checked.json()) as { outcome: string; answers: Record<string, string> }
    expect(body).toMatchObject({ outcome: 'passed', answers: { security_answer: 'matched' } })

    expect(await dialog.getByTestId('verification-result').getAttribute('data-outcome')).toBe('passed')
    await expectText(dialog.getByTestId('verification-outcome'), 'Verified: Eleanor Ashworth')
    await expectText(dialog.getByTestId('verification-answer-result-security_answer'), 'Matched')
    expect(await dialog.textContent()).not.toContain(securityAnswer)
    await page.screenshot({ path: join(screenshots, 'verification-passed.png') })
  })

  it('flags the account for supervisor review at the third failure in 24 hours', async () => {
    const dialog = page.getByTestId('verification-dialog')
    for (const attempt of [2, 3]) {
      await dialog.getByTestId('verification-again').click()
      await dialog.getByTestId('verification-account_number-failed').check()
      await dialog.getByTestId('verification-answer-date_of_birth').fill('1960-01-01')
      const [checked] = await Promise.all([
        page.waitForResponse(isVerification),
        dialog.getByTestId('verification-submit').click(),
      ])
      expect(checked.status()).toBe(200)
      expect(await dialog.getByTestId('verification-result').getAttribute('data-outcome')).toBe('failed')
      await expectText(dialog.getByTestId('verification-answer-result-date_of_birth'), 'Did not match')
      expect(await dialog.getByTestId('verification-flagged').count()).toBe(attempt === 3 ? 1 : 0)
    }
    await expectText(dialog.getByTestId('verification-flagged'), 'flagged for supervisor review')
    expect(await dialog.textContent()).not.toContain('1958-03-14')
    await page.screenshot({ path: join(screenshots, 'verification-flagged.png') })

    await dialog.getByTestId('verification-done').click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('asks who is calling first, and checks an authorized user on their own details, not the holder’s', async () => {
    // The holder adds her husband as an authorized user, through an agent (the API here).
    const spouse = { displayName: 'Arthur Ashworth', email: `arthur-${Date.now()}@example.com` }
    const added = await page.request.post(`${baseUrl}/api/accounts/${accountNumber}/external-users`, {
      data: { ...spouse, kind: 'authorized_full', relationship: 'Spouse' },
    })
    expect(added.status(), await added.text()).toBe(201)

    await page.getByTestId('verify-caller').click()
    const dialog = page.getByTestId('verification-dialog')
    await dialog.waitFor()
    // Who is calling comes first; the holder by default, asked the holder's questions from the GB profile.
    const fields = dialog.locator('[data-testid^="verification-caller"], [data-testid^="verification-question-"]')
    await fields.nth(1).waitFor()
    expect(await fields.first().getAttribute('data-testid')).toBe('verification-caller')
    expect(await dialog.getByTestId('verification-caller').inputValue()).toBe('holder')
    await dialog.getByTestId('verification-question-full_name').waitFor()
    await dialog.getByTestId('verification-answer-security_answer').waitFor()
    await dialog.getByTestId('verification-answer-date_of_birth').waitFor()
    // A Great Britain account is never asked for an SSN; the holder is not asked for a relationship.
    for (const absent of ['verification-answer-ssn_last_four', 'verification-answer-relationship'])
      expect(await dialog.getByTestId(absent).count(), absent).toBe(0)
    await page.screenshot({ path: join(screenshots, 'verification-caller-holder.png') })

    await dialog.getByTestId('verification-caller').selectOption('authorized_user')
    await dialog.getByTestId('verification-question-name_on_account').waitFor()
    await dialog.getByTestId('verification-answer-caller_email').waitFor()
    await dialog.getByTestId('verification-answer-relationship').waitFor()
    for (const absent of [
      'verification-question-full_name',
      'verification-answer-security_answer',
      'verification-answer-date_of_birth',
    ])
      expect(await dialog.getByTestId(absent).count(), absent).toBe(0)
    await page.screenshot({ path: join(screenshots, 'verification-caller-authorized-user.png') })

    await dialog.getByTestId('verification-name_on_account-passed').check()
    await dialog.getByTestId('verification-answer-caller_email').fill(spouse.email.toUpperCase())
    await dialog.getByTestId('verification-answer-relationship').fill('spouse')
    const [checked] = await Promise.all([
      page.waitForResponse(isVerification),
      dialog.getByTestId('verification-submit').click(),
    ])
    expect(checked.status()).toBe(200)
    const body = (await checked.json()) as { outcome: string; answers: Record<string, string> }
    expect(body).toMatchObject({ outcome: 'passed', answers: { caller_email: 'matched', relationship: 'matched' } })
    expect(await dialog.getByTestId('verification-result').getAttribute('data-outcome')).toBe('passed')
    await expectText(dialog.getByTestId('verification-answer-result-relationship'), 'Matched')
    await dialog.getByTestId('verification-done').click()
    await dialog.waitFor({ state: 'detached' })
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
