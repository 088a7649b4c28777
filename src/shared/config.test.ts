import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigurationInvalid, configFrom, dataKeyFile, dataKeyOf } from './config.js'

const key = () => randomBytes(32).toString('base64')
const production = { CUTTLE_ENV: 'production', CUTTLE_PUBLIC_URL: 'https://cuttle.example.test' }
const folders: string[] = []
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'cuttle-config-'))
  folders.push(folder)
  return folder
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** The refusal for an environment: its one-line message and the variable it names. */
function refusal(env: Record<string, string>) {
  try {
    configFrom(env, '/srv/cuttle')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationInvalid)
    const invalid = error as ConfigurationInvalid
    expect(invalid.message).not.toContain('\n')
    return { message: invalid.message, variable: (invalid.details as { path: string }[])[0]?.path }
  }
  throw new Error('the environment was accepted')
}

describe('the configuration', () => {
  it('listens on 127.0.0.1:3000 and links to http://localhost:3000 when nothing is set', () => {
    const config = configFrom({}, '/srv/cuttle')
    expect(config).toMatchObject({
      production: false,
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      https: false,
      dataDir: '/srv/cuttle/.cuttle',
      databaseUrl: undefined,
      dataKey: undefined,
      log: false,
      jobs: true,
      smtp: undefined,
      replyModel: undefined,
      paymentProcessor: 'test',
      signInLimits: { perIpPerMinute: 100, perLoginPerMinute: 10 },
      bodyTimeoutMs: 30_000,
      trustProxy: false,
    })
  })

  it('follows PORT in the default public URL, and HOST when it says to listen elsewhere', () => {
    const config = configFrom({ PORT: '8080', HOST: '0.0.0.0', CUTTLE_DATA_DIR: 'data' }, '/srv/cuttle')
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', publicUrl: 'http://localhost:8080' })
    expect(config.dataDir).toBe('/srv/cuttle/data')
  })

  it('keeps only the origin of the public URL, and turns on https when it is https', () => {
    const config = configFrom({ CUTTLE_PUBLIC_URL: 'https://Cuttle.Example.test/' })
    expect(config).toMatchObject({ publicUrl: 'https://cuttle.example.test', https: true })
  })

  it('refuses a bad value in one line naming the variable', () => {
    expect(refusal({ PORT: 'eighty' })).toMatchObject({ variable: 'PORT', message: expect.stringMatching(/^PORT /) })
    expect(refusal({ PORT: '70000' }).variable).toBe('PORT')
    expect(refusal({ CUTTLE_ENV: 'prod' }).variable).toBe('CUTTLE_ENV')
    expect(refusal({ CUTTLE_PUBLIC_URL: 'cuttle.example.test' }).variable).toBe('CUTTLE_PUBLIC_URL')
    expect(refusal({ CUTTLE_PUBLIC_URL: 'https://cuttle.example.test/app' }).variable).toBe('CUTTLE_PUBLIC_URL')
    expect(refusal({ CUTTLE_LOG: 'yes' }).variable).toBe('CUTTLE_LOG')
    expect(refusal({ DATABASE_URL: 'mysql://db/cuttle' }).variable).toBe('DATABASE_URL')
    expect(refusal({ CUTTLE_SMTP_URL: 'http://mail' }).variable).toBe('CUTTLE_SMTP_URL')
    expect(refusal({ CUTTLE_PAYMENT_PROCESSOR: 'stripe' }).variable).toBe('CUTTLE_PAYMENT_PROCESSOR')
    expect(refusal({ CUTTLE_REPLY_MODEL_URL: 'http://127.0.0.1:8000/v1/chat/completions' }).variable).toBe(
      'CUTTLE_REPLY_MODEL',
    )
    expect(refusal({ HOST: 'a host' }).variable).toBe('HOST')
  })

  it('in production, refuses to start without a data key, with a weak one, or without an https public URL', () => {
    expect(refusal({ ...production })).toMatchObject({
      variable: 'CUTTLE_DATA_KEY',
      message: expect.stringContaining('required in production'),
    })
    expect(refusal({ ...production, CUTTLE_DATA_KEY: 'correct horse battery staple' }).variable).toBe('CUTTLE_DATA_KEY')
    expect(refusal({ CUTTLE_ENV: 'production', CUTTLE_DATA_KEY: key() }).variable).toBe('CUTTLE_PUBLIC_URL')
    expect(
      refusal({ ...production, CUTTLE_DATA_KEY: key(), CUTTLE_PUBLIC_URL: 'http://cuttle.example.test' }),
    ).toMatchObject({ variable: 'CUTTLE_PUBLIC_URL', message: expect.stringContaining('https') })
    // NODE_ENV=production is production too.
    expect(refusal({ NODE_ENV: 'production', CUTTLE_PUBLIC_URL: 'https://cuttle.example.test' }).variable).toBe(
      'CUTTLE_DATA_KEY',
    )
  })

  it('in production, starts with a well-formed key and an https public URL, with Secure cookies', () => {
    const dataKey = key()
    const config = configFrom({ ...production, CUTTLE_DATA_KEY: dataKey })
    expect(config).toMatchObject({ production: true, https: true, dataKey, publicUrl: 'https://cuttle.example.test' })
  })
})

describe('the data key', () => {
  it('is generated into the data folder on first start (0600), said once, and reused after', () => {
    const dataDir = tempFolder()
    const config = { ...configFrom({}), dataDir }
    const said: string[] = []
    const first = dataKeyOf(config, (line) => said.push(line))
    const second = dataKeyOf(config, (line) => said.push(line))
    expect(second).toBe(first)
    expect(Buffer.from(first, 'base64')).toHaveLength(32)
    expect(said).toHaveLength(1)
    expect(said[0]).toContain(dataKeyFile(dataDir))
    expect(statSync(dataKeyFile(dataDir)).mode & 0o777).toBe(0o600)
    // Another folder, another key: never a constant.
    expect(dataKeyOf({ ...config, dataDir: tempFolder() }, () => {})).not.toBe(first)
  })

  it('is the configured one when CUTTLE_DATA_KEY is set, and writes no file', () => {
    const dataDir = tempFolder()
    const dataKey = key()
    expect(dataKeyOf({ ...configFrom({ CUTTLE_DATA_KEY: dataKey }), dataDir })).toBe(dataKey)
    expect(existsSync(dataKeyFile(dataDir))).toBe(false)
  })

  it('refuses a key file that holds no key rather than sealing with it', () => {
    const dataDir = tempFolder()
    writeFileSync(dataKeyFile(dataDir), 'not a key\n', { mode: 0o600 })
    expect(() => dataKeyOf({ ...configFrom({}), dataDir }, () => {})).toThrow(ConfigurationInvalid)
    expect(readFileSync(dataKeyFile(dataDir), 'utf8')).toBe('not a key\n')
  })
})

describe('cuttle start in production, as a process', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  /** Run the CLI with only the environment given (and PATH), in a fresh data folder. */
  const cuttle = (args: string[], env: Record<string, string>) => {
    const dataDir = tempFolder()
    const result = spawnSync(process.execPath, [join(root, 'bin', 'cuttle.js'), ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', CUTTLE_DATA_DIR: dataDir, CUTTLE_JOBS: '0', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
    return { status: result.status, stderr: result.stderr.trim(), dataDir }
  }

  it('refuses to start without the data key: one line on stderr, exit code 1, nothing created', () => {
    const run = cuttle(['start'], { CUTTLE_ENV: 'production', CUTTLE_PUBLIC_URL: 'https://cuttle.example.test' })
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^cuttle: CUTTLE_DATA_KEY is required in production/)
    expect(existsSync(join(run.dataDir, 'pgdata'))).toBe(false)
  })

  it('refuses a public URL that is not https, and refuses to seed the demo', () => {
    const http = cuttle(['start'], {
      NODE_ENV: 'production',
      CUTTLE_DATA_KEY: key(),
      CUTTLE_PUBLIC_URL: 'http://cuttle.example.test',
    })
    expect(http.status).toBe(1)
    expect(http.stderr).toMatch(/^cuttle: CUTTLE_PUBLIC_URL must be an https:\/\/ URL in production$/)
    const seed = cuttle(['seed'], { ...production, CUTTLE_DATA_KEY: key() })
    expect(seed.status).toBe(1)
    expect(seed.stderr).toMatch(/^cuttle: Refusing to seed the demo supplier in production/)
    expect(seed.stderr.split('\n')).toHaveLength(1)
  })
})
