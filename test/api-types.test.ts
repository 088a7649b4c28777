import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { currentDocument, generatedFile, openApiToTypeScript, typeOf } from '../scripts/api-types.js'
import { openTestDatabase } from '../src/db/testing.js'
import type { ResponseOf } from '../web/src/shared/api-client.js'

describe('the generated API types', () => {
  it('are up to date with /openapi.json (run `npm run generate:api` after changing a route)', async () => {
    const expected = openApiToTypeScript(await currentDocument(await openTestDatabase()))
    expect(readFileSync(generatedFile, 'utf8') === expected, 'web/src/generated/api-schema.ts is stale').toBe(true)
  })

  it('give the web client the declared answer of each operation', () => {
    expectTypeOf<ResponseOf<'/health', 'get'>>().toEqualTypeOf<{ status: 'ok'; database: 'pglite' | 'postgres' }>()
  })

  it('turn JSON Schema into TypeScript types', () => {
    expect(typeOf({ type: 'string' })).toBe('string')
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null')
    expect(typeOf({ anyOf: [{ type: 'integer' }, { type: 'null' }] })).toBe('number | null')
    expect(typeOf({ enum: ['open', 'closed'] })).toBe('"open" | "closed"')
    expect(typeOf({ const: 'ok' })).toBe('"ok"')
    expect(typeOf({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } })).toBe(
      '(string | number)[]',
    )
    expect(typeOf({ $ref: '#/components/schemas/Error' })).toBe(`components['schemas']["Error"]`)
    expect(
      typeOf({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'boolean' } }, required: ['a'] }),
    ).toBe('{\n  a: string\n  b?: boolean\n}')
    expect(typeOf({ type: 'object', additionalProperties: { type: 'number' } })).toBe('{\n  [key: string]: number\n}')
    expect(typeOf({ type: 'object', properties: {}, additionalProperties: false })).toBe('Record<string, never>')
    expect(typeOf(undefined)).toBe('unknown')
  })
})
