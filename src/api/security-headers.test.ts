import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect as connectSocket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import { billingFixture } from '../demo/billing-fixture.js'
import * as access from '../modules/access/index.js'
import * as comms from '../modules/comms/index.js'
import { systemActor } from '../shared/actor.js'
import { inProcessDeliveryQueue } from '../usecases/index.js'
import { type App, buildApp } from './app.js'
import { isSignInRoute } from './rate-limits.js'
import { staffPassword } from './testing.js'

let database: Database
/** Served at http://localhost:3000 (the default public URL), with a built console to serve. */
let app: App
/** Served at https://cuttle.example.test, delivering email to an outbox the test reads. */
let httpsApp: App
const outbox = comms.outboxEmailTransport()
let delivery: ReturnType<typeof inProcessDeliveryQueue>
const now = new Date('2026-11-22T09:00:00Z')
const webRoot = mkdtempSync(join(tmpdir(), 'cuttle-web-'))
const portalPassword = 'Portal-password-2026'
const holderEmail = 'holder@portal.example'
const accountNumber = `A-${(0x10000000).toString(16).toUpperCase()}`
const agent = { email: 'agent@example.com', password: staffPassword }

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  const [accountId = ''] = (await billingFixture({ db: database.db, count: 1, at: now })).accountIds
  await inTransaction(database.db, async (tx) => {
    await access.createStaffUser({ tx, ...agent, displayName: 'Agent', role: 'agent', actor, at: now })
    const holder = await access.createExternalUser({
      tx,
      email: holderEmail,
      displayName: 'Holder',
      password: portalPassword,
      actor,
      at: now,
    })
    await access.grantAccountAccess({ tx, accountId, userId: holder.id, kind: 'holder', scope: [], actor, at: now })
  })
  mkdirSync(join(webRoot, 'assets'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>')
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("console")')
  app = await buildApp({ database, clock: () => now, webRoot })
  const transports = { ...comms.builtInTransports(), email: outbox }
  delivery = inProcessDeliveryQueue({ db: database.db, transports, clock: () => now })
  httpsApp = await buildApp({
    database,
    clock: () => now,
    webRoot: null,
    publicUrl: 'https://cuttle.example.test',
    transports,
    deliveryQueue: delivery,
  })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await httpsApp?.close()
  await database?.close()
  rmSync(webRoot, { recursive: true, force: true })
})

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy'])
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("style-src 'self'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('no-referrer')
}

describe('security headers', () => {
  it('are on the console, the API docs, an API answer, and on errors', async () => {
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/' }),
      app.inject({ method: 'GET', url: '/accounts/A-10000000' }),
      app.inject({ method: 'GET', url: '/assets/app.js' }),
      app.inject({ method: 'GET', url: '/docs/' }),
      app.inject({ method: 'GET', url: '/health' }),
      app.inject({ method: 'GET', url: '/api/session' }),
      app.inject({ method: 'GET', url: '/api/no-such-route' }),
      app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, body: '{' }),
    ])
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 401, 404, 400])
    for (const response of responses) expectSecurityHeaders(response.headers)
  })

  it('send HSTS only when the public URL is https', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security']).toBeUndefined()
    const https = await httpsApp.inject({ method: 'GET', url: '/api/session' })
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(String(https.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
  })

  it('make cookies Secure when the public URL is https, and only then', async () => {
    const signIn = (on: App) => on.inject({ method: 'POST', url: '/api/session', payload: agent })
    const overHttps = (await signIn(httpsApp)).cookies.find((cookie) => cookie.name === 'cuttle_session')
    expect(overHttps).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
    const overHttp = (await signIn(app)).cookies.find((cookie) => cookie.name === 'cuttle_session')
    expect(overHttp?.secure).toBeUndefined()
  })
})

describe('caching', () => {
  it('stores nothing from /api/ or from a signed-in /v1/ route, and lets public product lists be cached', async () => {
    const session = await app.inject({ method: 'POST', url: '/api/session', payload: agent })
    const cookie = `cuttle_session=${session.cookies.find((c) => c.name === 'cuttle_session')?.value}`
    expect(session.headers['cache-control']).toBe('no-store')
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).headers).toMatchObject({
      'cache-control': 'no-store',
    })
    expect((await app.inject({ method: 'GET', url: '/api/session' })).headers['cache-control']).toBe('no-store')
    const consumption = await app.inject({
      method: 'GET',
      url: '/v1/electricity-meter-points/1200000000001/meters/S1/consumption/',
    })
    expect(consumption.headers['cache-control']).toBe('no-store')
    const products = await app.inject({ method: 'GET', url: '/v1/products/' })
    expect(products.statusCode).toBe(200)
    expect(products.headers['cache-control']).not.toBe('no-store')
  })
})

describe('links in messages', () => {
  it('start with the configured public URL whatever Host header the request came with', async () => {
    const signIn = await httpsApp.inject({
      method: 'POST',
      url: '/api/portal/session',
      payload: { email: holderEmail, password: portalPassword },
    })
    const cookie = `cuttle_portal=${signIn.cookies.find((c) => c.name === 'cuttle_portal')?.value}`
    const invited = await httpsApp.inject({
      method: 'POST',
      url: `/api/portal/accounts/${accountNumber}/users/invitations`,
      headers: { cookie, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      payload: { email: 'spouse@portal.example', level: 'limited' },
    })
    expect(invited.statusCode).toBe(201)
    // The route only queues the invitation; the delivery worker sends it.
    await delivery.runQueued()
    const email = outbox.sent.find((sent) => sent.to === 'spouse@portal.example')
    expect(email?.text).toMatch(/https:\/\/cuttle\.example\.test\/portal\/invitations\/\S+/)
    expect(email?.text).not.toContain('evil.example')
  })
})

describe('sign-in rate limits', () => {
  let limited: App
  beforeAll(async () => {
    limited = await buildApp({
      database,
      clock: () => now,
      webRoot: null,
      signInLimits: { perIpPerMinute: 6, perLoginPerMinute: 3 },
    })
  })
  afterAll(async () => {
    await limited?.close()
  })
  const attempt = (email: string, password: string, remoteAddress: string) =>
    limited.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress })

  it('apply to every sign-in, invitation, password and sign-up route (every public write), and to nothing else', () => {
    const routes = limited.routeTable
      .filter((route) => isSignInRoute({ method: route.method, url: route.url, config: route }))
      .map((route) => `${route.method} ${route.url}`)
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/session',
        'POST /api/session/password',
        'POST /api/portal/session',
        'POST /api/portal/invitations/:token/accept',
        'POST /api/sign-ups',
      ]),
    )
    expect(routes.every((route) => /session|password|invitations\/(:token\/)?accept|sign-ups/.test(route))).toBe(true)
  })

  it('refuse a login tried too often, from any address and however the email is typed, even with the right password', async () => {
    expect((await attempt(agent.email, 'a wrong password', '192.0.2.1')).statusCode).toBe(401)
    expect((await attempt(' Agent@Example.com', 'another wrong one', '192.0.2.2')).statusCode).toBe(401)
    expect((await attempt(agent.email, 'and a third', '192.0.2.3')).statusCode).toBe(401)
    const refused = await attempt(agent.email, agent.password, '192.0.2.4')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/Too many attempts/),
        details: [expect.any(Object)],
      },
    })
    expect(refused.json().error.details[0].path).toBe('body.email')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.cookies).toHaveLength(0)
    expectSecurityHeaders(refused.headers)
  })

  it('refuse an address that tries too many logins', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await attempt(`nobody${i}@example.com`, 'a guess', '198.51.100.7')).statusCode).toBe(401)
    }
    const refused = await attempt('nobody6@example.com', 'a guess', '198.51.100.7')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', details: [{ path: 'client' }] })
    // Another address is still heard.
    expect((await attempt('nobody7@example.com', 'a guess', '198.51.100.8')).statusCode).toBe(401)
  })

  it('count the client behind a trusted proxy by X-Forwarded-For, and ignore that header otherwise', async () => {
    const behindProxy = await buildApp({
      database,
      clock: () => now,
      webRoot: null,
      trustProxy: true,
      signInLimits: { perIpPerMinute: 2, perLoginPerMinute: 100 },
    })
    const direct = await buildApp({
      database,
      clock: () => now,
      webRoot: null,
      signInLimits: { perIpPerMinute: 2, perLoginPerMinute: 100 },
    })
    try {
      const via = (target: App, client: string, i: number) =>
        target.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: `proxied${i}@example.com`, password: 'a guess' },
          remoteAddress: '10.0.0.1',
          headers: { 'x-forwarded-for': client },
        })
      // Behind the proxy, each client has its own count.
      for (let i = 0; i < 3; i++) expect((await via(behindProxy, `192.0.2.${50 + i}`, i)).statusCode).toBe(401)
      // Without trust, a client cannot escape its count by claiming another address.
      expect((await via(direct, '192.0.2.60', 0)).statusCode).toBe(401)
      expect((await via(direct, '192.0.2.61', 1)).statusCode).toBe(401)
      expect((await via(direct, '192.0.2.62', 2)).statusCode).toBe(429)
    } finally {
      await behindProxy.close()
      await direct.close()
    }
  })

  it('count portal sign-ins per login too', async () => {
    const portal = (remoteAddress: string) =>
      limited.inject({
        method: 'POST',
        url: '/api/portal/session',
        payload: { email: holderEmail, password: 'not the password' },
        remoteAddress,
      })
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      expect((await portal(address)).statusCode).toBe(401)
    expect((await portal('203.0.113.4')).statusCode).toBe(429)
  })
})

describe('slow request bodies', () => {
  it('are answered 408 and cut off when the body does not arrive in time', async () => {
    const slow = await buildApp({ database, clock: () => now, webRoot: null, bodyTimeoutMs: 300 })
    try {
      await slow.listen({ port: 0, host: '127.0.0.1' })
      const address = slow.server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connectSocket({ port, host: '127.0.0.1' })
        let received = ''
        let trickle: NodeJS.Timeout | undefined
        // A guard, not a measurement: a server that never cuts the body fails the test here.
        const guard = setTimeout(() => {
          socket.destroy()
          reject(new Error(`the slow body was not cut off; received: ${received}`))
        }, 20_000)
        socket.on('connect', () => {
          socket.write(
            'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
          )
          // One byte at a time: the whole body would take far longer than the limit.
          trickle = setInterval(() => socket.write(' '), 100)
        })
        socket.on('data', (chunk) => {
          received += chunk.toString('utf8')
        })
        socket.on('error', () => {})
        socket.on('close', () => {
          clearInterval(trickle)
          clearTimeout(guard)
          resolve(received)
        })
      })
      expect(answer).toMatch(/^HTTP\/1\.1 408 /)
      expect(answer).toContain('"code":"REQUEST_TIMEOUT"')
      expect(answer.toLowerCase()).toContain('connection: close')
      expect(answer.toLowerCase()).toContain('content-security-policy:')
    } finally {
      await slow.close()
    }
  })
})
