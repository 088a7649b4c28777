import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import { inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as audit from '../modules/audit/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden, Unauthenticated, withCode } from '../shared/errors.js'
import type { AppContext } from './context.js'

/**
 * What a route needs: a named permission, any signed-in user, or nobody (sign-in, health, docs);
 * `customer` is a signed-in portal user (the `cuttle_portal` cookie), whose route then checks the grant.
 */
export type RoutePermission = access.Permission | 'authenticated' | 'public' | 'customer'

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission
    /** Allowed while the user's password has expired (only what is needed to change it). */
    allowExpiredPassword?: boolean
  }
  interface FastifyRequest {
    principal: access.StaffPrincipal | null
    customer: access.CustomerPrincipal | null
  }
}

export const sessionCookie = 'cuttle_session'
export const portalCookie = 'cuttle_portal'

/** Third-party routes we serve but do not write: the API docs page and its assets. */
const publicPrefixes = ['/docs']

export class PasswordExpired extends withCode(Forbidden, 'PASSWORD_EXPIRED') {}

/**
 * Refuses to register a route that does not declare its permission, so none can be forgotten;
 * `every route declares a permission` in the tests lists them all.
 */
export function requirePermissionOnEveryRoute(app: FastifyInstance): RouteRecord[] {
  const registered: RouteRecord[] = []
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { permission?: RoutePermission }
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (config.permission === undefined && publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...config, permission: 'public' } as RouteOptions['config']
      for (const method of methods) registered.push({ method: String(method), url: route.url, permission: 'public' })
      return
    }
    if (config.permission === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare a permission`)
    }
    if (
      !['authenticated', 'public', 'customer'].includes(config.permission) &&
      !access.isPermission(config.permission)
    ) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares an unknown permission '${config.permission}'`,
      )
    }
    for (const method of methods)
      registered.push({ method: String(method), url: route.url, permission: config.permission })
  })
  return registered
}

export interface RouteRecord {
  readonly method: string
  readonly url: string
  readonly permission: RoutePermission
}

/**
 * The actor a request acts as, for the audit log: the person of a browser session, or the API token
 * itself (never the person it belongs to).
 * @throws Unauthenticated when nobody is signed in
 */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.principal) throw new Unauthenticated('Sign in first')
  return access.actorOfPrincipal(request.principal)
}

export function principalOf(request: FastifyRequest): access.StaffPrincipal {
  if (!request.principal) throw new Unauthenticated('Sign in first')
  return request.principal
}

/**
 * An API token from `Authorization: Bearer <token>`, or from HTTP Basic with the token as the user
 * name and an empty password — how clients of the Octopus-compatible API send their key.
 */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)
  if (bearer) return bearer[1]
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
  if (!basic?.[1]) return undefined
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
  const user = decoded.split(':')[0]
  return user ? user : undefined
}

/** The one policy check every request passes: who is asking, and may they do this. */
export function authorise(app: FastifyInstance, context: AppContext) {
  app.decorateRequest('principal', null)
  app.decorateRequest('customer', null)
  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission
    if (permission === undefined || permission === 'public') return
    if (permission === 'customer') {
      const portalToken = request.cookies[portalCookie]
      request.customer = portalToken
        ? await access.resolveExternalSession({
            tx: context.db,
            sessionToken: portalToken,
            policy: context.accessPolicy(),
            at: context.clock(),
          })
        : null
      if (!request.customer) throw new Unauthenticated('Sign in to your account first')
      return
    }
    const at = context.clock()
    const token = bearerToken(request)
    const sessionToken = request.cookies[sessionCookie]
    const policy = context.accessPolicy()
    // No transaction: one read, and at most one single-row touch a minute.
    const tx = context.db
    const principal = token
      ? await access.resolveApiToken({ tx, token, policy, at })
      : sessionToken
        ? await access.resolveSession({ tx, sessionToken, policy, at })
        : null
    if (!principal) throw new Unauthenticated(token ? 'The API token is not valid' : 'Sign in first')
    request.principal = principal
    if (principal.mustChangePassword && !request.routeOptions.config.allowExpiredPassword) {
      throw new PasswordExpired(`Your password is older than ${policy.passwordMaxAgeDays} days: change it to continue`)
    }
    if (permission === 'authenticated' || access.can(principal, permission)) return
    await inTransaction(context.db, (tx) =>
      audit.record(tx, {
        actor: access.actorOfPrincipal(principal),
        action: 'access.permission.denied',
        subject: { type: 'route', id: `${request.method} ${request.routeOptions.url}` },
        context: { permission, role: principal.role },
        at,
      }),
    )
    throw new Forbidden(`Your role (${access.roleInfo(principal.role).label}) does not allow this`, { permission })
  })
}

/**
 * What the signed-in principal may do, for a route whose answer is shaped by permissions (the account
 * overview, meter points): the same `access.can` the preHandler asks. @throws Unauthenticated
 */
export function allowsOf(request: FastifyRequest): (permission: access.Permission) => boolean {
  const principal = principalOf(request)
  return (permission) => access.can(principal, permission)
}
