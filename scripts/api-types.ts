/**
 * The web app's API types, generated from `/openapi.json` (issue 20, item 2). The output has the
 * shape `openapi-typescript` gives (`paths[path][method]` with `parameters`, `requestBody` and
 * `responses[status].content[mediaType]`), which `openapi-fetch` reads; it is generated here because
 * openapi-typescript needs the TypeScript compiler's JavaScript API, which TypeScript 7 no longer
 * ships. Run `npm run generate:api` after changing a route; a test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Database } from '../src/db/index.js'

type Schema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema | Schema[]
  prefixItems?: Schema[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  description?: string
  nullable?: boolean
  default?: unknown
}

type Parameter = { in: 'query' | 'path' | 'header' | 'cookie'; name: string; required?: boolean; schema?: Schema }
type Operation = {
  summary?: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> }
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>
}
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * A property name as TypeScript needs it: bare when it is an identifier or a number (status codes are
 * numeric keys, which openapi-fetch matches), quoted otherwise.
 */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$|^[1-9]\d*$/.test(name) ? name : JSON.stringify(name)
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n')
}

/** The TypeScript type of a JSON Schema (the subset zod's JSON Schema output uses). */
export function typeOf(schema: Schema | boolean | undefined): string {
  if (schema === undefined || schema === true) return 'unknown'
  if (schema === false) return 'never'
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '')
    return `components['schemas'][${JSON.stringify(name)}]`
  }
  let type: string
  if (schema.const !== undefined) type = JSON.stringify(schema.const)
  else if (schema.enum) type = schema.enum.map((value) => JSON.stringify(value)).join(' | ')
  else if (schema.anyOf) type = union(schema.anyOf.map(typeOf))
  else if (schema.oneOf) type = union(schema.oneOf.map(typeOf))
  else if (schema.allOf) type = schema.allOf.map((part) => wrap(typeOf(part))).join(' & ')
  else if (Array.isArray(schema.type)) type = union(schema.type.map((one) => typeOf({ ...schema, type: one })))
  else type = typeOfKind(schema)
  return schema.nullable ? union([type, 'null']) : type
}

function typeOfKind(schema: Schema): string {
  switch (schema.type) {
    case 'string':
      return 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map(typeOf).join(', ')}]`
      if (Array.isArray(schema.items)) return `[${schema.items.map(typeOf).join(', ')}]`
      return `${wrap(typeOf(schema.items))}[]`
    case 'object':
      return objectType(schema)
    default:
      return schema.properties ? objectType(schema) : 'unknown'
  }
}

function objectType(schema: Schema): string {
  const required = new Set(schema.required ?? [])
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    return `${docOf(property.description)}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property)}`
  })
  const extra = schema.additionalProperties
  if (extra && extra !== true) lines.push(`[key: string]: ${typeOf(extra)}`)
  else if (extra === true || (!schema.properties && extra === undefined)) lines.push('[key: string]: unknown')
  if (lines.length === 0) return 'Record<string, never>'
  return `{\n${indent(lines.join('\n'))}\n}`
}

/** A one-line doc comment, or nothing. */
function docOf(text: string | undefined): string {
  return text ? `/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : ''
}

function union(types: string[]): string {
  const unique = [...new Set(types)]
  return unique.length === 1 ? (unique[0] as string) : unique.map(wrap).join(' | ')
}

/** Parenthesise a union or intersection where it is an operand. */
function wrap(type: string): string {
  return /^[\w'"[\]. ]+$/.test(type) || type.startsWith('{') ? type : `(${type})`
}

function parametersType(parameters: Parameter[] = []): string {
  const groups = (['query', 'header', 'path', 'cookie'] as const).map((place) => {
    const here = parameters.filter((parameter) => parameter.in === place)
    if (here.length === 0) return `${place}?: never`
    const fields = here.map(
      (parameter) => `${key(parameter.name)}${parameter.required ? '' : '?'}: ${typeOf(parameter.schema)}`,
    )
    const optional = here.every((parameter) => !parameter.required) ? '?' : ''
    return `${place}${optional}: {\n${indent(fields.join('\n'))}\n}`
  })
  return `{\n${indent(groups.join('\n'))}\n}`
}

function contentType(content: Record<string, { schema?: Schema }> | undefined): string {
  if (!content || Object.keys(content).length === 0) return 'never'
  const entries = Object.entries(content).map(
    ([mediaType, media]) => `${JSON.stringify(mediaType)}: ${typeOf(media.schema)}`,
  )
  return `{\n${indent(entries.join('\n'))}\n}`
}

function operationType(operation: Operation): string {
  const body = operation.requestBody
  const requestBody = body
    ? `requestBody${body.required === false ? '?' : ''}: {\n${indent(`content: ${contentType(body.content)}`)}\n}`
    : 'requestBody?: never'
  const responses = Object.entries(operation.responses ?? {}).map(
    ([status, response]) =>
      `${key(status)}: {\n${indent(`headers: { [name: string]: unknown }\ncontent: ${contentType(response.content)}`)}\n}`,
  )
  return `{\n${indent(
    [
      `parameters: ${parametersType(operation.parameters)}`,
      requestBody,
      `responses: {\n${indent(responses.join('\n'))}\n}`,
    ].join('\n'),
  )}\n}`
}

/** The whole generated module: `paths`, `components` and `operations`-free, as openapi-fetch expects. */
export function openApiToTypeScript(document: OpenApiDocument): string {
  const paths = Object.keys(document.paths)
    .sort()
    .map((path) => {
      const item = document.paths[path] ?? {}
      const entries = methods.map((method) =>
        item[method] ? `${docOf(item[method].summary)}${method}: ${operationType(item[method])}` : `${method}?: never`,
      )
      return `${JSON.stringify(path)}: {\n${indent(entries.join('\n'))}\n}`
    })
  const schemas = Object.keys(document.components?.schemas ?? {})
    .sort()
    .map((name) => `${JSON.stringify(name)}: ${typeOf(document.components?.schemas?.[name])}`)
  return [
    '// Generated from /openapi.json by scripts/api-types.ts (`npm run generate:api`). Do not edit.',
    '',
    `export interface paths {\n${indent(paths.join('\n'))}\n}`,
    '',
    `export interface components {\n  schemas: {\n${indent(schemas.join('\n'), '    ')}\n  }\n}`,
    '',
  ].join('\n')
}

/** Where the generated types live in the web app. */
export const generatedFile = fileURLToPath(new URL('../web/src/generated/api-schema.ts', import.meta.url))

/**
 * The OpenAPI document of the app as it is built now. Only the routes matter, so any migrated
 * database does (a fresh in-memory one unless given; it is closed afterwards either way).
 */
export async function currentDocument(given?: Database): Promise<OpenApiDocument> {
  const { buildApp } = await import('../src/api/app.js')
  const { connect } = await import('../src/db/connect.js')
  const { migrate } = await import('../src/db/migrate.js')
  const { inTransaction } = await import('../src/db/transaction.js')
  const market = await import('../src/modules/market/index.js')
  const { systemActor } = await import('../src/shared/actor.js')
  const database = given ?? (await connect({ dataDir: 'memory' }))
  try {
    await migrate(database)
    await inTransaction(database.db, (tx) =>
      market.configureSupplier({
        tx,
        name: 'Cuttle',
        market: 'gb',
        actor: systemActor('generate-api-types'),
        at: new Date('2026-01-01T00:00:00Z'),
      }),
    )
    const app = await buildApp({ database, webRoot: null })
    try {
      return (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDocument
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(generatedFile, openApiToTypeScript(await currentDocument()))
  console.log(`wrote ${generatedFile.replace(`${process.cwd()}/`, '')}`)
}
