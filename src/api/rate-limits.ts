/**
 * Sign-in and password attempts are limited per client address and per login (issue 19, hole 7;
 * ASVS 2.2.1), with @fastify/rate-limit's counters. The routes are chosen by one rule, here, so route
 * files do not change: every public POST under /api/ (signing in, accepting an invitation: a public
 * /api/ route is always one of those, as api.test.ts checks) and every POST whose URL names a password.
 * The per-address limit is checked before the body is read; the per-login one after (it needs the
 * email, or the signed-in user for a password change). Both count every attempt, right or wrong.
 */
import { createHash } from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { defaultSignInLimits, type SignInLimits } from '../shared/config.js'
import { DomainError } from '../shared/errors.js'

export class TooManyAttempts extends DomainError {
  readonly code = 'RATE_LIMITED'
  readonly kind = 'rate_limited' as const
}

const minute = 60_000

/** Whether a route takes a password or a sign-in secret, and so is rate limited. */
export function isSignInRoute(route: { method: string | string[]; url: string; config?: unknown }): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  if (!methods.includes('POST') || !route.url.startsWith('/api/')) return false
  const permission = (route.config as { permission?: string } | undefined)?.permission
  return permission === 'public' || /password/i.test(route.url)
}

/** One login however it is typed: NFKC, trimmed, lower case. */
function normalisedLogin(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase()
}

/** Who the attempt is for: the email in the body, the signed-in user, or the invitation token (hashed). */
function loginOf(request: FastifyRequest): string | null {
  const body = request.body as { email?: unknown } | undefined
  if (body && typeof body.email === 'string' && body.email.trim()) return `email:${normalisedLogin(body.email)}`
  if (request.principal) return `staff:${request.principal.userId}`
  if (request.customer) return `customer:${request.customer.id}`
  const token = (request.params as { token?: unknown } | undefined)?.token
  if (typeof token === 'string') return `token:${createHash('sha256').update(token).digest('hex')}`
  return null
}

/**
 * Register the limits: `limits.perIpPerMinute` attempts a minute from one address (IPv6 by /64), and
 * `limits.perLoginPerMinute` for one login. Must run before the routes are registered.
 */
export async function limitSignIns(app: FastifyInstance, limits: SignInLimits = defaultSignInLimits): Promise<void> {
  await app.register(rateLimit, { global: false })
  const perIp = app.createRateLimit({ max: limits.perIpPerMinute, timeWindow: minute })
  const perLogin = app.createRateLimit({
    max: limits.perLoginPerMinute,
    timeWindow: minute,
    keyGenerator: (request) => loginOf(request) ?? '',
  })

  const refuse = (reply: FastifyReply, retryAfterSeconds: number, path: string, what: string): never => {
    reply.header('retry-after', String(retryAfterSeconds))
    throw new TooManyAttempts(`Too many attempts ${what}: try again in ${retryAfterSeconds} seconds`, [
      { path, message: `too many attempts; retry after ${retryAfterSeconds} seconds` },
    ])
  }
  const checkIp = async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await perIp(request)
    if (!result.isAllowed && result.isExceeded) refuse(reply, result.ttlInSeconds, 'client', 'from this address')
  }
  const checkLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (loginOf(request) === null) return
    const result = await perLogin(request)
    if (!result.isAllowed && result.isExceeded) {
      const body = request.body as { email?: unknown } | undefined
      refuse(reply, result.ttlInSeconds, typeof body?.email === 'string' ? 'body.email' : 'login', 'for this login')
    }
  }

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isSignInRoute(route)) return
    route.onRequest = [...asList(route.onRequest), checkIp]
    // preHandler: after the body is parsed and the session resolved (the shared hooks run first).
    route.preHandler = [...asList(route.preHandler), checkLogin]
  })
}

function asList<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return []
  return Array.isArray(hooks) ? hooks : [hooks]
}
