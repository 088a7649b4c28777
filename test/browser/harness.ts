/**
 * What every browser test shares: a real `cuttle serve` on a copy of the demo data the global setup
 * seeded (which also builds the web app and the server when their sources changed), on PGlite on a
 * free port, headless Chromium, waiting
 * for text, an accessibility check of a page (axe-core, WCAG 2.2 AA) and a watch on the browser's
 * console: a test fails at its end on any error the page logged or threw that it did not expect.
 * Screenshots go to artifacts/screenshots/.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Locator, type Page } from 'playwright-core'
import { afterEach, expect } from 'vitest'
import { cuttleEnv, demoTemplateVariable, projectRoot } from './cuttle-env.js'

export { projectRoot }
export const screenshots = join(projectRoot, 'artifacts', 'screenshots')
export const demoPassword = 'GoodEgg-demo-2026'
/** How long the page may take to show something after an action (the first search warms caches). */
export const uiTimeoutMs = 20_000

export interface Console {
  readonly baseUrl: string
  readonly page: Page
  close(): Promise<void>
}

/**
 * Start Cuttle on a copy of the demo data the global setup seeded (test/browser/global-setup.ts) on a
 * free port, and open a page in Chromium. Each file gets its own copy, so what one file changes no
 * other file sees.
 */
export async function openConsole({
  name,
  viewport,
}: {
  name: string
  viewport: { width: number; height: number }
}): Promise<Console> {
  const template = process.env[demoTemplateVariable]
  if (!template)
    throw new Error(`openConsole: ${demoTemplateVariable} is not set; run through vitest.browser.config.ts`)
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `cuttle-browser-${name}-`))
  cpSync(template, dataDir, { recursive: true })
  const { child } = await startServer({ port, dataDir })
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const context = await browser.newContext({ viewport, locale: 'en-GB' })
  const page = await context.newPage()
  page.setDefaultTimeout(uiTimeoutMs)
  watchBrowserErrors(page)
  mkdirSync(screenshots, { recursive: true })
  return {
    baseUrl: `http://localhost:${port}`,
    page,
    async close() {
      await browser.close()
      await stopServer(child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Wait until the element's text contains `text`, failing with what it did show. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + uiTimeoutMs
  let seen = ''
  while (Date.now() < deadline) {
    seen = (await locator.textContent({ timeout: uiTimeoutMs }).catch(() => null)) ?? ''
    if (seen.includes(text)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(seen, `text of ${locator}`).toContain(text)
}

/** The WCAG 2.2 AA rules, by axe-core's tags. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Run axe-core on the page as it is now and fail on any serious or critical WCAG 2.2 AA violation,
 * listing each rule's id, help and the selectors of the elements that break it.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
          .map(
            (node) =>
              `    ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n')}`,
    )
  expect(blocking, `accessibility violations on ${name}:\n${blocking.join('\n')}`).toEqual([])
}

interface WatchedPage {
  errors: string[]
  expected: { pattern: RegExp; seen: boolean }[]
}

const watched = new Map<Page, WatchedPage>()

/**
 * Collect every error the page logs to its console (a failed request included) or throws; the
 * harness fails the current test at its end when there is one it was not told to expect.
 */
export function watchBrowserErrors(page: Page): void {
  if (watched.has(page)) return
  const watch: WatchedPage = { errors: [], expected: [] }
  watched.set(page, watch)
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url } = message.location()
    watch.errors.push(url ? `${message.text()} (${url})` : message.text())
  })
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`))
  page.on('close', () => watched.delete(page))
}

/**
 * Tell the harness that this test means the page to log errors matching `pattern` (a refusal the test
 * provokes on purpose); the test then also fails if no such error was logged.
 */
export function expectBrowserErrors(page: Page, ...patterns: RegExp[]): void {
  const watch = watched.get(page)
  if (!watch) throw new Error('expectBrowserErrors: the page is not watched (see watchBrowserErrors)')
  for (const pattern of patterns) watch.expected.push({ pattern, seen: false })
}

// Registered in every file that uses the harness: after each test, what its pages logged.
afterEach(() => {
  const problems: string[] = []
  for (const watch of watched.values()) {
    for (const error of watch.errors) {
      const expected = watch.expected.find(({ pattern }) => pattern.test(error))
      if (expected) expected.seen = true
      else problems.push(`browser error: ${error}`)
    }
    for (const { pattern, seen } of watch.expected) {
      if (!seen) problems.push(`expected a browser error matching ${pattern}, but none was logged`)
    }
    watch.errors = []
    watch.expected = []
  }
  expect(problems, problems.join('\n')).toEqual([])
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

/** Serve the seeded data in `dataDir` (`cuttle serve`) and resolve once it prints its address. */
function startServer({ port, dataDir }: { port: number; dataDir: string }): Promise<{ child: ChildProcess }> {
  const child = spawn('node', ['bin/cuttle.js', 'serve'], {
    cwd: projectRoot,
    env: cuttleEnv({ dataDir, port }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
  })
  const address = `http://localhost:${port}`
  let stdout = ''
  let stderr = ''

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer)
      void stopServer(child)
      reject(new Error(`${reason}\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`))
    }
    const timer = setTimeout(() => fail(`cuttle serve did not print ${address} within 300 s`), 300_000)
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
      if (stdout.includes(address)) {
        clearTimeout(timer)
        resolve({ child })
      }
    })
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', (error) => fail(`cuttle serve could not be run: ${error.message}`))
    child.on('exit', (code, signal) => fail(`cuttle serve exited early (code ${code}, signal ${signal})`))
  })
}

/** Stop the server's process group: politely, then firmly after 10 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const pid = child.pid
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal)
    } catch {
      // Already gone.
    }
  }
  signalGroup('SIGTERM')
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref())
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signalGroup('SIGKILL')
    await exited
  }
}
