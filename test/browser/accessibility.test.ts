/**
 * Every page of the console and the portal, each as a role that can see it, checked with axe-core
 * for serious or critical WCAG 2.2 AA violations (`expectAccessible`). The other browser tests check
 * the pages they pass through on their journeys; this one walks every route in the console's router
 * (web/src/router.tsx) and the portal's (web/src/portal/portal-routes.ts), each tab of an account
 * included, so none is left out. Elements are found by role and label, as a screen reader would.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchPortalRoute, type PortalRoute } from '../../web/src/portal/portal-routes.js'
import { matchRoute, type Route } from '../../web/src/router.js'
import { isStaffInvitationPath } from '../../web/src/staff/staff-invitation-route.js'
import {
  type Console,
  demoPassword,
  expectAccessible as expectAccessibleOnly,
  expectBrowserErrors,
  expectText,
  openConsole,
} from './harness.js'

// Every route of both routers: adding a route without adding it here fails the typecheck, and the
// last test fails until this file walks it.
const consoleRoutes = {
  dashboard: true,
  search: true,
  account: true,
  'held-statements': true,
  approvals: true,
  'collections-worklist': true,
  'poa-review': true,
  prices: true,
  'review-flags': true,
  cases: true,
  case: true,
  'escalated-cases': true,
  'escalated-case': true,
  activity: true,
  'my-security': true,
  staff: true,
  tokens: true,
  'supplier-details': true,
  'not-found': true,
} satisfies Record<Route['name'], true>
const portalRoutes = {
  home: true,
  account: true,
  invitation: true,
  quote: true,
  'sign-up': true,
  'not-found': true,
} satisfies Record<PortalRoute['name'], true>
const checked = new Set<string>()
// The sign-in pages share their paths with the dashboard and the portal's home, so they are checked
// with the harness's own expectAccessible and not counted as those routes.

/** Check the page with axe, and note which route of which router it is. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await expectAccessibleOnly(page, name)
  const { pathname, search } = new URL(page.url())
  if (isStaffInvitationPath(pathname)) checked.add('staff invitation')
  else if (pathname === '/portal' || pathname.startsWith('/portal/'))
    checked.add(`portal ${matchPortalRoute(pathname).name}`)
  else checked.add(`console ${matchRoute({ pathname, search }).name}`)
}

let browserConsole: Console | undefined
let page: Page
let baseUrl: string
/** The path of Eleanor Ashworth's account, as the agent found it. */
let ashworthAccount = ''

beforeAll(async () => {
  browserConsole = await openConsole({ name: 'accessibility', viewport: { width: 1366, height: 900 } })
  ;({ baseUrl, page } = browserConsole)
})

afterAll(async () => {
  await browserConsole?.close()
})

/** Let what the page loads arrive and render before axe looks at it. */
async function settle(): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.getByRole('main').first().waitFor()
}

/** Sign in to the console through its form, signing out whoever was signed in. */
async function signIn(email: string): Promise<void> {
  await page.context().clearCookies()
  await page.goto(baseUrl)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
  await settle()
}

/** Follow a link in the console's main navigation and check the page it opens. */
async function visitNav(label: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click()
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await settle()
  await expectAccessible(page, `${label} (${new URL(page.url()).pathname})`)
}

/** Each tab of the account page open in turn, checked. */
async function visitEveryTab(where: string): Promise<string[]> {
  const tabs = await page.getByRole('tab').allTextContents()
  expect(tabs.length).toBeGreaterThan(0)
  for (const name of tabs) {
    await page.getByRole('tab', { name, exact: true }).click()
    await page.getByRole('tabpanel').waitFor()
    await settle()
    await expectAccessible(page, `${where}, tab ${name}`)
  }
  return tabs
}

describe('the accessibility check itself', () => {
  it('fails on a page with an input nobody labelled and a button with no name', async () => {
    await page.context().clearCookies()
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    await page.evaluate(() => {
      const unlabelled = document.createElement('input')
      const nameless = document.createElement('button')
      document.querySelector('main')?.append(unlabelled, nameless)
    })
    const failure = await expectAccessibleOnly(page, 'a broken page').then(
      () => '',
      (error: Error) => error.message,
    )
    expect(failure).toContain('label (critical)')
    expect(failure).toContain('button-name (critical)')
  })
})

describe('the console’s pages, as the roles that see them', () => {
  it('the sign-in page', async () => {
    await page.context().clearCookies()
    await page.goto(baseUrl)
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    await expectAccessibleOnly(page, 'sign-in')
  })

  it('the public page where invited staff set a password', async () => {
    await page.goto(`${baseUrl}/staff/invitations/accept`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'staff invitation')
  })

  it('an agent: dashboard, search, an account and each of its tabs, cases and a case, my security, a missing page', async () => {
    await signIn('agent@goodeggenergy.example')
    await expectAccessible(page, 'dashboard')

    const search = page.getByRole('banner').getByRole('searchbox', { name: 'Search accounts' })
    await search.fill('Ashworth')
    await search.press('Enter')
    const result = page.getByRole('link', { name: /Eleanor Ashworth/ }).first()
    await result.waitFor()
    await settle()
    await expectAccessible(page, 'search results')

    await result.click()
    await page.getByRole('heading', { level: 1, name: /Eleanor Ashworth/ }).waitFor()
    ashworthAccount = new URL(page.url()).pathname
    const tabs = await visitEveryTab('account')
    expect(tabs).toEqual(expect.arrayContaining(['Overview', 'Billing', 'Payments', 'Usage']))

    // The demo has no cases: raise an escalated one, for the cases queue and the executive's list.
    const raised = await page.request.post(`${baseUrl}/api${ashworthAccount}/cases`, {
      data: {
        type: 'complaint_escalation',
        priority: 'high',
        subject: 'Estimated bills, escalated',
        description: 'Third complaint about estimated bills.',
      },
    })
    expect(raised.status(), await raised.text()).toBe(201)

    await visitNav('Cases', 'Cases')
    await page.getByRole('button', { name: 'Unassigned' }).click()
    await page
      .getByRole('main')
      .getByRole('link', { name: /^C-\d{8}$/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: 'Estimated bills, escalated' }).waitFor()
    await settle()
    await expectAccessible(page, 'a case')

    await visitNav('My security', 'My security')

    await page.goto(`${baseUrl}/nowhere-at-all`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'not found')
  })

  it('a supervisor: approvals, review flags, the activity report', async () => {
    await signIn('supervisor@goodeggenergy.example')
    await visitNav('Approvals', 'Approvals')
    await visitNav('Review flags', 'Review flags')
    await visitNav('Activity', 'Activity report')
  })

  it('a billing specialist: held statements, and no supplier details (the permission matrix keeps them for IT)', async () => {
    await signIn('billing@goodeggenergy.example')
    await visitNav('Held statements', 'Held statements')
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link', { name: 'Supplier details' }).count()).toBe(0)
    await page.goto(`${baseUrl}/settings/supplier`)
    await page.getByText("The supplier's details are kept by IT administrators.").waitFor()
    expect(await page.getByLabel('VAT number').count()).toBe(0)
  })

  it('a collections specialist: the collections worklist', async () => {
    await signIn('collections@goodeggenergy.example')
    await visitNav('Collections', /Collections/)
  })

  it('a legal reviewer: powers of attorney to review', async () => {
    await signIn('legal@goodeggenergy.example')
    await visitNav('Power of attorney', /Power/)
  })

  it('a pricing analyst: products and price changes', async () => {
    await signIn('pricing@goodeggenergy.example')
    await visitNav('Prices', 'Prices')
  })

  it('an executive: escalated cases and one of them', async () => {
    await signIn('executive@goodeggenergy.example')
    await visitNav('Escalated cases', 'Escalated cases')
    await page
      .getByRole('main')
      .getByRole('link', { name: /^C-\d{8}$/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: 'Estimated bills, escalated' }).waitFor()
    await settle()
    await expectAccessible(page, 'an escalated case')
  })

  it('an IT administrator: staff, API tokens and the supplier details, with a problem shown beside its field', async () => {
    await signIn('admin@goodeggenergy.example')
    await visitNav('Staff', 'Staff')
    await visitNav('Tokens', /token/i)
    await visitNav('Supplier details', 'Supplier details')
    const vat = page.getByLabel('VAT number')
    const seeded = await vat.inputValue()
    await vat.fill('123')
    // The refusal is the point: the server answers 400 naming the field.
    expectBrowserErrors(page, /status of 400 .*\/api\/settings\/details\)$/)
    await page.getByRole('button', { name: 'Save details' }).click()
    const problem = page.getByTestId('supplier-vatNumber-error')
    await problem.waitFor()
    expect(await problem.textContent()).toBe('Must look like GB 123 4567 89')
    expect(await vat.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page, 'supplier details with a problem beside the VAT number')
    await vat.fill(seeded === '' ? 'GB 123 4567 89' : seeded)
    // A real change (the demo's number is 0808 157 0192), so Save is enabled.
    await page.getByLabel('Customer service phone').fill('0808 157 0100')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByTestId('supplier-details-outcome').waitFor()
    expect(await problem.count()).toBe(0)
  })

  it('a field technician: the field view of an account', async () => {
    await signIn('field@goodeggenergy.example')
    // A technician opens an account by its number, not by a search.
    const open = page.getByRole('banner').getByRole('searchbox', { name: 'Open an account by its number' })
    await open.fill(ashworthAccount.split('/').pop() ?? '')
    await open.press('Enter')
    await page.getByRole('heading', { level: 1, name: /Eleanor Ashworth/ }).waitFor()
    await settle()
    await visitEveryTab('field view of an account')
  })
})

describe('the portal’s pages', () => {
  /** Sign in to the portal through its form. */
  async function signInToPortal(email: string): Promise<void> {
    await page.context().clearCookies()
    await page.goto(`${baseUrl}/portal`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(demoPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await settle()
  }

  it('sign-in, an invitation that is not valid, and a missing page', async () => {
    await page.context().clearCookies()
    await page.goto(`${baseUrl}/portal`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessibleOnly(page, 'portal sign-in')

    await page.goto(`${baseUrl}/portal/invitations/not-a-real-invitation`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'portal invitation')

    await page.goto(`${baseUrl}/portal/quote`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'portal quote')

    // Without a quote the sign-up page sends the visitor to get one first.
    await page.goto(`${baseUrl}/portal/sign-up`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'portal sign-up')

    await page.goto(`${baseUrl}/portal/nowhere-at-all`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await settle()
    await expectAccessible(page, 'portal not found')
  })

  it('an account holder: her one account, where she lands, and each of its tabs', async () => {
    await signInToPortal('eleanor@portal.example')
    await page.getByRole('tablist').waitFor()
    await settle()
    await visitEveryTab('portal account')
  })

  it('a property manager: the portfolio', async () => {
    await signInToPortal('lettings@portal.example')
    await expectText(page.getByRole('main'), 'portfolio')
    await expectAccessible(page, 'portal portfolio')
  })
})

describe('the walk', () => {
  it('reached every route of the console and the portal, and the staff invitation page', () => {
    const every = [
      ...Object.keys(consoleRoutes).map((name) => `console ${name}`),
      ...Object.keys(portalRoutes).map((name) => `portal ${name}`),
      'staff invitation',
    ]
    expect([...checked].sort()).toEqual(every.sort())
  })
})
