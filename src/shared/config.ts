/**
 * The process's configuration (issue 19, hole 7): the environment is read once, here, validated with
 * zod, and handed to the interfaces as one typed value. Nothing else in src/ reads `process.env`
 * (modules get the values they need passed in). Production mode (`CUTTLE_ENV=production` or
 * `NODE_ENV=production`) refuses to start without its secrets: a well-formed `CUTTLE_DATA_KEY` and an
 * https `CUTTLE_PUBLIC_URL`.
 *
 * This file is the one exception to "src/shared does no I/O": besides the environment it reads (and
 * on first use writes) the development data key in the data folder.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { ValidationFailed, withCode } from './errors.js'

/** A configuration value is missing or invalid; the message is one line naming the variable. */
export class ConfigurationInvalid extends withCode(ValidationFailed, 'CONFIGURATION_INVALID') {}

export interface SmtpSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`. */
  readonly url: string
  readonly from: string
}

export interface ReplyModelSettings {
  readonly url: string
  readonly model: string
  readonly apiKey: string | undefined
}

export interface Config {
  /** `CUTTLE_ENV=production` or `NODE_ENV=production`. */
  readonly production: boolean
  readonly port: number
  /** The address to listen on: 127.0.0.1 unless `HOST` says otherwise (`0.0.0.0` for every interface). */
  readonly host: string
  /** PostgreSQL; when absent the embedded PGlite in `dataDir` is used. */
  readonly databaseUrl: string | undefined
  /** `CUTTLE_DATA_DIR`, default `./.cuttle`, as an absolute path: PGlite's files and the development data key. */
  readonly dataDir: string
  /** The origin people reach Cuttle at, with no trailing slash: every link in a message or a page of results starts with it. */
  readonly publicUrl: string
  /** Cookies carry `Secure`, and HSTS is sent, when the public URL is https. */
  readonly https: boolean
  /** `CUTTLE_DATA_KEY`: the key sensitive personal data is sealed with; in development a generated one is used when absent. */
  readonly dataKey: string | undefined
  /** `CUTTLE_LOG=1`: request logging (pino) on standard output. */
  readonly log: boolean
  /** `CUTTLE_JOBS=0` leaves scheduled work to another process or to cron. */
  readonly jobs: boolean
  readonly smtp: SmtpSettings | undefined
  readonly replyModel: ReplyModelSettings | undefined
  /** Only the built-in test processor ships. */
  readonly paymentProcessor: 'test'
  /** `CUTTLE_PASSWORD`: a password for `cuttle users create` that stays out of the shell history. */
  readonly password: string | undefined
  /** Sign-in and password attempts allowed per minute, per client address and per login. */
  readonly signInLimits: SignInLimits
  /** A request body not received within this many milliseconds is cut off. */
  readonly bodyTimeoutMs: number
  /**
   * Behind a reverse proxy: take the client's address from `X-Forwarded-For` (per-address sign-in
   * limits then count clients, not the proxy). Off by default: a client could claim any address.
   */
  readonly trustProxy: boolean
}

export interface SignInLimits {
  readonly perIpPerMinute: number
  readonly perLoginPerMinute: number
}

export const defaultSignInLimits: SignInLimits = { perIpPerMinute: 100, perLoginPerMinute: 10 }
export const defaultBodyTimeoutMs = 30_000

const text = z.string().trim()
const optionalText = text.optional().transform((value) => (value ? value : undefined))
const flag = (fallback: '0' | '1') =>
  z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .default(fallback)
    .transform((value) => value === '1')
const whole = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)

function urlWith(protocols: readonly string[]) {
  return (value: string | undefined, context: z.RefinementCtx) => {
    if (value === undefined) return
    try {
      const url = new URL(value)
      if (!protocols.includes(url.protocol)) {
        context.addIssue({ code: 'custom', message: `must be a ${protocols.join(' or ')}// URL` })
      }
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a URL' })
    }
  }
}

/** A data key as production wants it: 32 random bytes in base64 (`openssl rand -base64 32`). */
export function isWellFormedDataKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}=?$|^[A-Za-z0-9_-]{43}$/.test(key) && Buffer.from(key, 'base64').length === 32
}

const environment = z.object({
  CUTTLE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
    .optional(),
  NODE_ENV: optionalText,
  PORT: whole(3000, 0, 65535),
  HOST: text
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address')
    .optional()
    .default('127.0.0.1'),
  DATABASE_URL: optionalText.superRefine(urlWith(['postgres:', 'postgresql:'])),
  CUTTLE_DATA_DIR: optionalText,
  CUTTLE_PUBLIC_URL: optionalText.superRefine((value, context) => {
    if (value === undefined) return
    let url: URL
    try {
      url = new URL(value)
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a URL like https://cuttle.example.com' })
      return
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      context.addIssue({ code: 'custom', message: 'must be an http:// or https:// URL' })
    } else if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      context.addIssue({ code: 'custom', message: 'must be an origin like https://cuttle.example.com (no path)' })
    }
  }),
  CUTTLE_DATA_KEY: optionalText,
  CUTTLE_LOG: flag('0'),
  CUTTLE_JOBS: flag('1'),
  CUTTLE_SMTP_URL: optionalText.superRefine(urlWith(['smtp:', 'smtps:'])),
  CUTTLE_SMTP_FROM: optionalText,
  CUTTLE_REPLY_MODEL_URL: optionalText.superRefine(urlWith(['http:', 'https:'])),
  CUTTLE_REPLY_MODEL: optionalText,
  CUTTLE_REPLY_MODEL_KEY: optionalText,
  CUTTLE_PAYMENT_PROCESSOR: z.enum(['test'], { error: "must be 'test' (the only processor built in)" }).default('test'),
  CUTTLE_PASSWORD: z.string().optional(),
  CUTTLE_SIGN_IN_LIMIT_PER_IP: whole(defaultSignInLimits.perIpPerMinute, 1, 100_000),
  CUTTLE_SIGN_IN_LIMIT_PER_LOGIN: whole(defaultSignInLimits.perLoginPerMinute, 1, 10_000),
  CUTTLE_BODY_TIMEOUT_SECONDS: whole(defaultBodyTimeoutMs / 1000, 1, 3600),
  CUTTLE_TRUST_PROXY: flag('0'),
})

type Environment = Readonly<Record<string, string | undefined>>

function refuse(variable: string, message: string): never {
  throw new ConfigurationInvalid(`${variable} ${message}`, [{ path: variable, message }])
}

/**
 * The configuration an environment describes, with relative paths resolved against `cwd`.
 * @throws ConfigurationInvalid naming the first variable that is wrong (one line)
 */
export function configFrom(env: Environment, cwd: string = process.cwd()): Config {
  const parsed = environment.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    refuse(String(issue?.path[0] ?? 'the environment'), issue?.message ?? 'is invalid')
  }
  const e = parsed.data
  const production = e.CUTTLE_ENV === 'production' || e.NODE_ENV === 'production'
  if (e.CUTTLE_REPLY_MODEL_URL && !e.CUTTLE_REPLY_MODEL) {
    refuse('CUTTLE_REPLY_MODEL', 'must name the model when CUTTLE_REPLY_MODEL_URL is set')
  }
  if (e.CUTTLE_SMTP_FROM && !e.CUTTLE_SMTP_URL) refuse('CUTTLE_SMTP_URL', 'must be set when CUTTLE_SMTP_FROM is')
  if (production) {
    if (!e.CUTTLE_DATA_KEY) {
      refuse('CUTTLE_DATA_KEY', 'is required in production: generate one with `openssl rand -base64 32`')
    }
    if (!isWellFormedDataKey(e.CUTTLE_DATA_KEY)) {
      refuse('CUTTLE_DATA_KEY', 'must be 32 random bytes in base64 in production (`openssl rand -base64 32`)')
    }
    if (!e.CUTTLE_PUBLIC_URL) refuse('CUTTLE_PUBLIC_URL', 'is required in production: the https:// address people use')
    if (!e.CUTTLE_PUBLIC_URL.startsWith('https:')) refuse('CUTTLE_PUBLIC_URL', 'must be an https:// URL in production')
  }
  const publicUrl = new URL(e.CUTTLE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(cwd, e.CUTTLE_DATA_DIR ?? '.cuttle'),
    publicUrl,
    https: publicUrl.startsWith('https:'),
    dataKey: e.CUTTLE_DATA_KEY,
    log: e.CUTTLE_LOG,
    jobs: e.CUTTLE_JOBS,
    smtp: e.CUTTLE_SMTP_URL
      ? { url: e.CUTTLE_SMTP_URL, from: e.CUTTLE_SMTP_FROM ?? 'Cuttle <no-reply@cuttle.localhost>' }
      : undefined,
    replyModel:
      e.CUTTLE_REPLY_MODEL_URL && e.CUTTLE_REPLY_MODEL
        ? { url: e.CUTTLE_REPLY_MODEL_URL, model: e.CUTTLE_REPLY_MODEL, apiKey: e.CUTTLE_REPLY_MODEL_KEY }
        : undefined,
    paymentProcessor: e.CUTTLE_PAYMENT_PROCESSOR,
    password: e.CUTTLE_PASSWORD,
    signInLimits: {
      perIpPerMinute: e.CUTTLE_SIGN_IN_LIMIT_PER_IP,
      perLoginPerMinute: e.CUTTLE_SIGN_IN_LIMIT_PER_LOGIN,
    },
    bodyTimeoutMs: e.CUTTLE_BODY_TIMEOUT_SECONDS * 1000,
    trustProxy: e.CUTTLE_TRUST_PROXY,
  }
}

/** The process's configuration, read from its environment. @throws ConfigurationInvalid (one line) */
export function loadConfig(): Config {
  return configFrom(process.env)
}

/** Where the development data key lives. */
export function dataKeyFile(dataDir: string): string {
  return join(dataDir, 'data.key')
}

/**
 * The key sensitive data is sealed with (SEC-1, hole 13): `CUTTLE_DATA_KEY` when given; otherwise,
 * outside production, a random key generated into `<dataDir>/data.key` (mode 0600) on first use, said
 * once through `say`, and reused after. Never a constant from the source code.
 * @throws ConfigurationInvalid in production without a key, or when the key file is not a key
 */
export function dataKeyOf(config: Config, say: (line: string) => void = (line) => console.error(line)): string {
  if (config.dataKey) return config.dataKey
  if (config.production) refuse('CUTTLE_DATA_KEY', 'is required in production')
  const file = dataKeyFile(config.dataDir)
  mkdirSync(config.dataDir, { recursive: true })
  try {
    // `wx`: two processes starting at once do not both write; the second reads the first's key.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    say(
      `cuttle: generated a development data key in ${file}; keep it with the data (sealed details cannot be read without it) and set CUTTLE_DATA_KEY in production`,
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
  const key = readFileSync(file, 'utf8').trim()
  if (!isWellFormedDataKey(key)) refuse(file, 'does not hold a data key (32 bytes in base64): restore it or remove it')
  return key
}
