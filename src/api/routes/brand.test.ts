/**
 * The web app's brand (GET /api/brand) and its two entry pages: the supplier's name, currency, locale
 * and time zone come from the supplier in force, without signing in; the server answers portal paths
 * with portal.html and every other page path with the console's index.html.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import * as market from '../../modules/market/index.js'
import { systemActor } from '../../shared/actor.js'
import { type App, buildApp } from '../app.js'

const now = new Date('2026-11-20T12:00:00Z')
let database: Database
let app: App
let webRoot: string

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, (tx) =>
    market.configureSupplier({ tx, name: 'Prairie Light & Power', market: 'us', actor: systemActor('test'), at: now }),
  )
  webRoot = mkdtempSync(join(tmpdir(), 'cuttle-web-'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>console</title>')
  writeFileSync(join(webRoot, 'portal.html'), '<!doctype html><title>portal</title>')
  app = await buildApp({ database, clock: () => now, webRoot })
})

afterAll(async () => {
  await app.close()
  await database.close()
  rmSync(webRoot, { recursive: true, force: true })
})

describe('GET /api/brand', () => {
  it("answers anyone with the supplier's name and its market's currency, locale and time zone", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/brand' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      name: 'Prairie Light & Power',
      currency: 'USD',
      locale: 'en-US',
      timeZone: 'America/New_York',
    })
  })

  it('is documented with its response body', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(document.paths['/api/brand'].get.responses['200'].content['application/json'].schema).toBeDefined()
  })
})

describe('the entry pages', () => {
  it('sends the portal page for /portal and every path below it', async () => {
    for (const url of ['/portal', '/portal/', '/portal/accounts/A-1', '/portal/invitations/abc?x=1']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toContain('<title>portal</title>')
    }
  })

  it("sends the console's page for every other path, including ones that only start with 'portal'", async () => {
    for (const url of ['/', '/accounts/A-1', '/staff/invitations/accept', '/portals', '/portal-help']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toContain('<title>console</title>')
    }
  })
})
