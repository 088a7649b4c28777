import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as market from '../modules/market/index.js'
import { systemActor } from '../shared/actor.js'
import { type App, buildApp } from './app.js'

/**
 * API-1: every operation in /openapi.json declares what it answers, a 2xx body and its errors, so
 * Fastify serialises only declared fields and a client can be generated from the document.
 */
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }

/**
 * Operations whose success body is not declared yet, shrinking to none as issue 20 is worked through.
 * The test fails when one here is declared (take it off) and when one not here is undeclared.
 */
const notYetDeclared = new Set<string>([
  'POST /api/session',
  'GET /api/session',
  'DELETE /api/session',
  'POST /api/session/password',
  'POST /api/session/totp',
  'POST /api/session/totp/confirm',
  'GET /api/accounts',
  'POST /api/accounts',
  'GET /api/accounts/{accountNumber}',
  'GET /api/review-flags',
  'POST /api/review-flags/{flagId}/clear',
  'GET /api/accounts/{accountNumber}/notes',
  'POST /api/accounts/{accountNumber}/notes',
  'PUT /api/accounts/{accountNumber}/contacts',
  'PUT /api/accounts/{accountNumber}/preferences',
  'GET /api/audit/activity',
  'GET /api/audit/verify',
  'GET /api/settings',
  'PATCH /api/settings',
  'GET /api/accounts/{accountNumber}/statements',
  'POST /api/accounts/{accountNumber}/statements',
  'GET /api/accounts/{accountNumber}/statements/{number}',
  'GET /api/accounts/{accountNumber}/statements/{number}/pdf',
  'GET /api/accounts/{accountNumber}/balance',
  'POST /api/accounts/{accountNumber}/final-bill',
  'POST /api/statements/{number}/rebill',
  'GET /api/statements/held',
  'POST /api/statements/{number}/release',
  'POST /api/statements/{number}/reject',
  'GET /api/accounts/{accountNumber}/historical-bills',
  'GET /api/accounts/{accountNumber}/business-billing',
  'POST /api/accounts/{accountNumber}/documents',
  'POST /api/documents/{number}/issue',
  'GET /api/accounts/{accountNumber}/cases',
  'POST /api/accounts/{accountNumber}/cases',
  'GET /api/cases',
  'GET /api/escalated-cases',
  'GET /api/escalated-cases/{caseRef}',
  'GET /api/cases/{caseRef}',
  'POST /api/cases/{caseRef}/notes',
  'POST /api/cases/{caseRef}/attachments',
  'GET /api/cases/{caseRef}/attachments/{attachmentId}',
  'POST /api/cases/{caseRef}/status',
  'POST /api/cases/{caseRef}/resolve',
  'POST /api/cases/{caseRef}/priority',
  'POST /api/cases/{caseRef}/assignment',
  'GET /api/dashboard',
  'GET /api/reports/agents',
  'GET /api/accounts/{accountNumber}/timeline',
  'POST /api/accounts/{accountNumber}/move-out',
  'POST /api/accounts/{accountNumber}/move-in',
  'POST /api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply',
  'GET /api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply',
  'POST /api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/review',
  'POST /api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/send',
  'POST /api/accounts/{accountNumber}/inbound-messages/{messageId}/suggested-reply/discard',
  'POST /api/portal/session',
  'DELETE /api/portal/session',
  'GET /api/portal/me',
  'GET /api/portal/accounts/{accountNumber}',
  'GET /api/portal/accounts/{accountNumber}/statements',
  'GET /api/portal/accounts/{accountNumber}/statements/{number}/pdf',
  'GET /api/portal/accounts/{accountNumber}/usage',
  'GET /api/portal/accounts/{accountNumber}/payments',
  'POST /api/portal/accounts/{accountNumber}/payments',
  'GET /api/portal/accounts/{accountNumber}/contact',
  'PATCH /api/portal/accounts/{accountNumber}/contact',
  'GET /api/portal/accounts/{accountNumber}/users',
  'POST /api/portal/accounts/{accountNumber}/users/invitations',
  'PATCH /api/portal/accounts/{accountNumber}/users/{userId}',
  'DELETE /api/portal/accounts/{accountNumber}/users/{userId}',
  'POST /api/portal/invitations/{token}/accept',
  'GET /api/portal/portfolio',
  'GET /api/portal/portfolio/statements.zip',
  'GET /api/portal/portfolio/tenant-requests',
  'POST /api/portal/accounts/{accountNumber}/tenant-requests',
  'POST /api/accounts/{accountNumber}/external-users',
  'GET /api/poa-documents',
  'POST /api/poa-documents/{documentId}/decision',
  'POST /api/accounts/{accountNumber}/verifications',
  'PUT /api/accounts/{accountNumber}/sensitive-details',
  'POST /api/accounts/{accountNumber}/sensitive-details/export',
  'PATCH /api/accounts/{accountNumber}/authorized-users/{userId}',
  'DELETE /api/accounts/{accountNumber}/authorized-users/{userId}',
  'GET /v1/electricity-meter-points/{point}/meters/{serial}/consumption/',
  'GET /v1/electricity-meter-points/{point}/meters/{serial}/consumption',
  'GET /v1/gas-meter-points/{point}/meters/{serial}/consumption/',
  'GET /v1/gas-meter-points/{point}/meters/{serial}/consumption',
  'GET /v1/electricity-meter-points/{mpan}/',
  'GET /v1/electricity-meter-points/{mpan}',
  'GET /v1/industry/grid-supply-points/',
  'GET /v1/industry/grid-supply-points',
  'GET /v1/accounts/{number}/',
  'GET /v1/accounts/{number}',
  'GET /v1/products/',
  'GET /v1/products',
  'GET /v1/products/{code}/',
  'GET /v1/products/{code}',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/standard-unit-rates/',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/standard-unit-rates',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/day-unit-rates/',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/day-unit-rates',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/night-unit-rates/',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/night-unit-rates',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/standing-charges/',
  'GET /v1/products/{code}/electricity-tariffs/{tariff}/standing-charges',
  'GET /v1/products/{code}/gas-tariffs/{tariff}/standard-unit-rates/',
  'GET /v1/products/{code}/gas-tariffs/{tariff}/standard-unit-rates',
  'GET /v1/products/{code}/gas-tariffs/{tariff}/standing-charges/',
  'GET /v1/products/{code}/gas-tariffs/{tariff}/standing-charges',
])

let database: Database
let app: App
let operations: { name: string; operation: Operation }[]

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, (tx) =>
    market.configureSupplier({
      tx,
      name: 'Good Egg Energy',
      market: 'gb',
      actor: systemActor('test'),
      at: new Date('2026-11-22T09:00:00Z'),
    }),
  )
  app = await buildApp({ database, webRoot: null })
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>
  }
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  )
})

afterAll(async () => {
  await app?.close()
  await database?.close()
})

describe('the OpenAPI document', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(100)
  })

  it('declares a success response with a body schema on every operation', () => {
    const missing = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status))
        return !success.some(
          ([status, response]) =>
            status === '204' || Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
        )
      })
      .map(({ name }) => name)
    expect(missing.filter((name) => !notYetDeclared.has(name))).toEqual([])
    expect([...notYetDeclared].filter((name) => !missing.includes(name))).toEqual([])
  })

  it('declares at least one error response on every operation', () => {
    const missing = operations
      .filter(({ operation }) => !Object.keys(operation.responses ?? {}).some((status) => /^[45]\d\d$/.test(status)))
      .map(({ name }) => name)
    expect(missing).toEqual([])
  })

  it('documents errors in the one error shape', () => {
    const document = operations.find(({ name }) => name === 'GET /api/accounts/{accountNumber}')
    expect(document?.operation.responses?.['401']?.content?.['application/json']?.schema).toBeDefined()
  })
})
