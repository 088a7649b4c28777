/**
 * What reaches a log (SEC-1, PAY-1): no personal data. One rule for errors: an error is logged as its
 * type, code, SQLSTATE fields that name schema objects (constraint, table, column), and its message and
 * stack with every quoted value and card number taken out; never the SQL, its parameters, or the
 * `detail`/`where`/`hint` a database error carries (a constraint violation's detail holds the row's
 * values: a note, a date of birth). Every other logged field has its card numbers masked.
 */
import type { FastifyServerOptions } from 'fastify'
import { maskCardNumbers, maskCardNumbersDeep } from '../modules/payments/index.js'

/**
 * The message with the values a database puts in it taken out: `invalid input syntax for type date:
 * "1990-02-30"` keeps its words and loses the value, and card numbers are masked. Names of schema
 * objects (`constraint "accounts_pkey"`) stay: they say where, not who.
 */
export function redactedMessage(message: string): string {
  return maskCardNumbers(
    message
      .replace(/:\s*"(?:[^"\\]|\\.)*"/g, ': "[value]"')
      .replace(/(Key\s*\().*?(\)=\().*?(\))/gs, '$1[columns]$2[values]$3')
      .replace(/\b(value|input|string|literal|text)\s+'(?:[^'\\]|\\.)*'/gi, "$1 '[value]'"),
  )
}

type Logged = {
  [key: string]: unknown
  type: string
  message: string
  stack: string
  code?: string
  statusCode?: number
  severity?: string
  constraint?: string
  table?: string
  column?: string
  cause?: Logged
}

const schemaFields = ['severity', 'constraint', 'table', 'column'] as const

/** An error as it may be logged (see the file's summary); causes are followed three deep. */
export function redactedError(error: unknown, depth = 0): Logged {
  if (!(error instanceof Error)) return { type: typeof error, message: redactedMessage(String(error)), stack: '' }
  const source = error as Error & Record<string, unknown>
  const message = redactedMessage(error.message)
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line))
  const logged: Logged = { type: error.name, message, stack: [`${error.name}: ${message}`, ...frames].join('\n') }
  if (typeof source['code'] === 'string') logged.code = source['code']
  if (typeof source['statusCode'] === 'number') logged.statusCode = source['statusCode']
  for (const field of schemaFields) {
    if (typeof source[field] === 'string') logged[field] = source[field]
  }
  if (error.cause !== undefined && depth < 3) logged.cause = redactedError(error.cause, depth + 1)
  return logged
}

/** Whether a value is a plain JSON-ish object or array (not a request, a stream or an error). */
const plain = (value: unknown) =>
  Array.isArray(value) ||
  (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)

/** The pino options of the HTTP server's log: the request summary, the error rule, masked fields and messages. */
export function loggerOptions(stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      // PAY-1: a card number typed into a URL never reaches the log; headers and bodies are not logged.
      req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: request.method,
        url: maskCardNumbers(request.url),
        hostname: request.hostname,
        remoteAddress: request.ip,
      }),
      err: (error: unknown) => redactedError(error),
      cause: (error: unknown) => redactedError(error),
    },
    formatters: {
      log: (object: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(object).map(([key, value]) => [
            key,
            plain(value) || typeof value === 'string' ? maskCardNumbersDeep(value) : value,
          ]),
        ),
    },
    hooks: {
      logMethod(args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskCardNumbers(arg) : arg)),
        )
      },
    },
    ...(stream ? { stream } : {}),
  }
}
