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
    expect(missing).toEqual([])
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
