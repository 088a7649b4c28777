import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Database } from '../db/index.js'
import type * as assist from '../modules/assist/index.js'
import type * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import type { PaymentProcessor } from '../modules/payments/index.js'
import { defaultBodyTimeoutMs, type SignInLimits } from '../shared/config.js'
import {
  accessPolicyOf,
  commsTransports,
  type DeliveryQueue,
  defaultProcessor,
  inProcessDeliveryQueue,
} from '../usecases/index.js'
import { authorise, type RouteRecord, requirePermissionOnEveryRoute } from './auth.js'
import { cutSlowBodies } from './body-timeout.js'
import { refuseCardNumbers } from './card-guard.js'
import type { AppContext } from './context.js'
import { errorBody, handleError, handleFrameworkError } from './errors.js'
import { limitJsonDepth } from './json-body.js'
import { loggerOptions } from './logging.js'
import { limitSignIns } from './rate-limits.js'
import { declareImpliedErrors } from './responses.js'
import { accountRoutes } from './routes/accounts.js'
import { auditRoutes } from './routes/audit.js'
import { billingRoutes } from './routes/billing.js'
import { brandRoutes } from './routes/brand.js'
import { caseRoutes } from './routes/cases.js'
import { collectionsRoutes } from './routes/collections.js'
import { commsRoutes } from './routes/comms.js'
import { dashboardRoutes } from './routes/dashboard.js'
import { externalUserRoutes } from './routes/external-users.js'
import { healthRoutes } from './routes/health.js'
import { meteringRoutes } from './routes/metering.js'
import { moveRoutes } from './routes/moves.js'
import { octopusMeteringRoutes } from './routes/octopus-metering.js'
import { octopusProductRoutes } from './routes/octopus-products.js'
import { paymentRoutes } from './routes/payments.js'
import { portalRoutes } from './routes/portal.js'
import { priceRoutes } from './routes/prices.js'
import { sessionRoutes } from './routes/session.js'
import { settingsRoutes } from './routes/settings.js'
import { signUpRoutes } from './routes/sign-up.js'
import { staffRoutes } from './routes/staff.js'
import { suggestedReplyRoutes } from './routes/suggested-replies.js'
import { timelineRoutes } from './routes/timeline.js'
import { secureHeaders } from './security-headers.js'
import { refuseHostileText } from './text-guard.js'

export type App = FastifyInstance & { readonly routeTable: readonly RouteRecord[] }

export interface BuildAppOptions {
  readonly database: Database
  readonly clock?: () => Date
  /** pino logging; off in tests. */
  readonly logger?: boolean
  /** Where the log goes (standard output by default); the card-number test reads it back. */
  readonly logStream?: { write(line: string): void }
  /** The built web console to serve at `/` (defaults to web/dist when it exists). */
  readonly webRoot?: string | null
  /** Send Secure cookies (defaults to whether the public URL is https). */
  readonly secureCookies?: boolean
  /** The payment processor (defaults to the built-in test processor, the only one the configuration allows). */
  readonly paymentProcessor?: PaymentProcessor
  /**
   * The origin every link is built on (`CUTTLE_PUBLIC_URL`), never the request's Host header; default
   * `http://localhost:3000`. When it is https, cookies are Secure and HSTS is sent.
   */
  readonly publicUrl?: string
  /** The key sensitive data is sealed with; by default a random key for this app only (tests). */
  readonly dataKey?: string
  /** How queued messages go out (default: the built-in outbox). */
  readonly transports?: comms.Transports
  /**
   * Where routes enqueue the messages they queued: the pg-boss delivery worker in the server; by
   * default an in-process queue that delivers nothing until its `runQueued` is called (tests).
   */
  readonly deliveryQueue?: DeliveryQueue
  /** A language model for suggested replies (default: none). */
  readonly replyModel?: assist.ReplyModel
  /** Sign-in and password attempts per minute, per address and per login (tests make them small). */
  readonly signInLimits?: SignInLimits
  /** A request body not received within this many milliseconds is answered 408 and cut off. */
  readonly bodyTimeoutMs?: number
  /** Take the client's address from `X-Forwarded-For` (set only behind a reverse proxy you run). */
  readonly trustProxy?: boolean
}

const defaultWebRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist')

/** The HTTP application: the JSON API under /api, its OpenAPI at /openapi.json and /docs, and the console. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logStream) : false,
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { coerceTypes: false } },
    // A URL Fastify cannot route (bad percent-encoding) is answered in the documented error shape.
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  limitJsonDepth(app)

  let supplier = await market.getSupplier(options.database.db)
  const transports = options.transports ?? commsTransports(undefined)
  const publicUrl = new URL(options.publicUrl ?? 'http://localhost:3000').origin
  const context: AppContext = {
    db: options.database.db,
    backend: options.database.backend,
    clock: options.clock ?? (() => new Date()),
    accessPolicy: () => accessPolicyOf(supplier.settings),
    supplier: () => supplier,
    async reloadSupplier() {
      supplier = await market.getSupplier(options.database.db)
    },
    secureCookies: options.secureCookies ?? publicUrl.startsWith('https:'),
    paymentProcessor: options.paymentProcessor ?? defaultProcessor(),
    publicUrl,
    dataKey: options.dataKey ?? randomBytes(32).toString('base64'),
    transports,
    deliveryQueue:
      options.deliveryQueue ?? inProcessDeliveryQueue({ db: options.database.db, transports, clock: options.clock }),
    replyModel: options.replyModel,
  }

  const routeTable = requirePermissionOnEveryRoute(app)
  declareImpliedErrors(app)
  await app.register(cookie)
  // Hardening shared by every route (issue 19): headers, no-store, slow bodies, sign-in limits.
  await secureHeaders(app, { https: publicUrl.startsWith('https:') })
  cutSlowBodies(app, options.bodyTimeoutMs ?? defaultBodyTimeoutMs)
  await limitSignIns(app, options.signInLimits)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cuttle API',
        version: '0.1.0',
        description:
          'The Cuttle HTTP API. Sign in with POST /api/session (a session cookie) or send `Authorization: Bearer <API token>`. Errors are `{ "error": { "code", "message", "details" } }`; lists are paged with an opaque `cursor`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cuttle_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  authorise(app, context)
  refuseHostileText(app)
  refuseCardNumbers(app)

  app.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger())
  await app.register(healthRoutes(context))
  await app.register(sessionRoutes(context), { prefix: '/api' })
  await app.register(accountRoutes(context), { prefix: '/api' })
  await app.register(staffRoutes(context), { prefix: '/api' })
  await app.register(auditRoutes(context), { prefix: '/api' })
  await app.register(settingsRoutes(context), { prefix: '/api' })
  await app.register(brandRoutes(context), { prefix: '/api' })
  await app.register(meteringRoutes(context), { prefix: '/api' })
  await app.register(billingRoutes(context), { prefix: '/api' })
  await app.register(commsRoutes(context), { prefix: '/api' })
  await app.register(paymentRoutes(context), { prefix: '/api' })
  await app.register(collectionsRoutes(context), { prefix: '/api' })
  await app.register(caseRoutes(context), { prefix: '/api' })
  await app.register(dashboardRoutes(context), { prefix: '/api' })
  await app.register(timelineRoutes(context), { prefix: '/api' })
  await app.register(moveRoutes(context), { prefix: '/api' })
  await app.register(suggestedReplyRoutes(context), { prefix: '/api' })
  await app.register(portalRoutes(context), { prefix: '/api' })
  await app.register(externalUserRoutes(context), { prefix: '/api' })
  await app.register(priceRoutes(context), { prefix: '/api' })
  await app.register(signUpRoutes(context), { prefix: '/api' })
  await app.register(octopusMeteringRoutes(context))
  await app.register(octopusProductRoutes(context))

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot
  const serveWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'))
  if (serveWeb) {
    // Files are sent by our own route (so it declares its permission like every other); any path that
    // is not a built asset gets the console's index.html, where the client-side router takes over.
    await app.register(fastifyStatic, { root: webRoot, serve: false })
    app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, (request, reply) => {
      let path: string
      try {
        path = decodeURIComponent(request.url.split('?')[0] ?? '/')
      } catch {
        return reply
          .status(400)
          .send(
            errorBody('MALFORMED_URL', 'The URL is not valid', [
              { path: 'url', message: 'malformed percent-encoding' },
            ]),
          )
      }
      if (path.startsWith('/api/') || path.startsWith('/v1/')) {
        return reply.status(404).send(errorBody('ROUTE_NOT_FOUND', `There is no ${request.method} ${path}`))
      }
      const file = normalize(path).replace(/^([/\\])+/, '')
      if (file && !file.startsWith('..') && existsSync(join(webRoot, file)) && statSync(join(webRoot, file)).isFile()) {
        return reply
          .header('cache-control', file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(file)
      }
      // The customer portal is its own entry page (portal.html) when the build has one; the rest is the console's.
      const portalPage = path === '/portal' || path.startsWith('/portal/')
      const page = portalPage && existsSync(join(webRoot, 'portal.html')) ? 'portal.html' : 'index.html'
      return reply.header('cache-control', 'no-cache').sendFile(page)
    })
  }
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith('/v1/')
      ? reply.status(404).send({ detail: 'Not found.' })
      : reply
          .status(404)
          .send(
            errorBody('ROUTE_NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]}`, [
              { path: 'url', message: 'no such route' },
            ]),
          ),
  )
  await app.ready()
  return Object.assign(app, { routeTable })
}
