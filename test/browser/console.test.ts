/**
 * The agent console end to end: the real server (`cuttle start` on PGlite with demo data) serving
 * the built web app, driven through Chromium. Screenshots go to artifacts/screenshots/.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const screenshots = join(projectRoot, 'artifacts', 'screenshots')
const agent = { email: 'agent@goodeggenergy.example', password: 'GoodEgg-demo-2026' }
// How long the page may take to show something after an action (the first search warms caches).
const uiTimeoutMs = 20_000

let server: ChildProcess | undefined
let dataDir: string | undefined
let browser: Browser | undefined
let page: Page
let baseUrl: string

beforeAll(async () => {
  buildWebAppIfStale()
  const port = await freePort()
  dataDir = mkdtempSync(join(tmpdir(), 'cuttle-browser-'))
  const started = await startServer({ port, dataDir })
  server = started.child
  baseUrl = `http://localhost:${port}`

  browser = await chromium.launch({
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
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-GB' })
  page = await context.newPage()
  page.setDefaultTimeout(uiTimeoutMs)
  mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  if (server) await stopServer(server)
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the agent console', () => {
  it('shows the server’s message when the password is wrong', async () => {
    await page.goto(baseUrl)
    await page.getByTestId('login-email').fill(agent.email)
    await page.getByTestId('login-password').fill('not-the-password')
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
  })
})

/** Wait until the element's text contains `text`, failing with what it did show. */
async function expectText(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + uiTimeoutMs
  let seen = ''
  while (Date.now() < deadline) {
    seen = (await locator.textContent({ timeout: uiTimeoutMs }).catch(() => null)) ?? ''
    if (seen.includes(text)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(seen, `text of ${locator}`).toContain(text)
}

/** Build web/dist when it is missing or older than the console's sources. */
function buildWebAppIfStale(): void {
  const built = join(projectRoot, 'web', 'dist', 'index.html')
  if (existsSync(built) && newestChange(join(projectRoot, 'web', 'src')) <= statSync(built).mtimeMs) return
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: projectRoot, stdio: 'pipe' })
}

function newestChange(folder: string): number {
  let newest = statSync(folder).mtimeMs
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

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

/** Start `cuttle start` on PGlite and resolve once it prints its address. */
function startServer({ port, dataDir }: { port: number; dataDir: string }): Promise<{ child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CUTTLE_DATA_DIR: dataDir }
  delete env['DATABASE_URL']
  const child = spawn('node', ['bin/cuttle.js', 'start', '--accounts', '200'], {
    cwd: projectRoot,
    env,
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
    const timer = setTimeout(() => fail(`cuttle start did not print ${address} within 120 s`), 120_000)
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
    child.on('error', (error) => fail(`cuttle start could not be run: ${error.message}`))
    child.on('exit', (code, signal) => fail(`cuttle start exited early (code ${code}, signal ${signal})`))
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
