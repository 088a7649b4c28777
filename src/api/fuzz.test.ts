/**
 * API-1: a fuzz of every operation in `/openapi.json`. Each path parameter, query parameter and body
 * field gets hostile values (NUL, a lone surrogate, 100,000 characters, impossible dates, wrong types,
 * negative and huge numbers, a made-up cursor, a card number), sent as a role that may call the
 * operation, and every operation also gets a card number in a header and JSON nested 60,000 deep.
 * Nothing may answer 5xx, every 4xx has the documented error shape (or Octopus's under `/v1/`), and a
 * slot whose every answer was a 4xx wrote nothing.
 *
 * "Wrote nothing" is a fingerprint of the row count of every table, except what a refused request
 * rightly leaves behind: audit events of views and refusals (`…viewed`, `…read`, `…denied`,
 * `…failed`, `…refused`, `…exported`), which the audit rules require, and the failed-attempt count a
 * wrong password leaves on a staff user (it counts toward lockout). Values are picked by a seeded
 * generator, so a run is repeatable; portal (customer) routes are called without a customer session,
 * so they show only that their guards hold before sign-in.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { billingFixture } from '../demo/billing-fixture.js'
import { random as seededRandom } from '../demo/usage.js'
import * as access from '../modules/access/index.js'
import type { App } from './app.js'
import { type ActAs, openTestApp } from './testing.js'

let database: Database
let app: App
let as: ActAs
const now = new Date('2026-11-20T09:00:00Z')
const account = 'A-10000001'

beforeAll(async () => {
  ;({ database, app, as } = await openTestApp({
    at: () => now,
    fixture: (db) => billingFixture({ db, count: 2, at: now }),
    // Sign-in limits out of the way: the fuzz sends many requests to one invitation or login on purpose.
    app: { signInLimits: { perIpPerMinute: 1_000_000, perLoginPerMinute: 1_000_000 } },
  }))
  await countWrites()
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

/** A Fisher–Yates shuffle driven by the seeded generator. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

/** Percent-encoding, with a lone surrogate sent as the bytes a hostile client would send (ED A0 80). */
function encoded(text: string): string {
  return text
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('')
}

const card = '4242 4242 4242 4242'
/** Values for any slot (sent as text in a path or query, as JSON strings in a body). */
const hostileText = [
  'nul \u0000 here',
  'lone \ud800 surrogate',
  'x'.repeat(100_000),
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '-1',
  '99999999999999999999999',
  'bm9wZQ',
  card,
  '%',
  "' or 1=1 --",
]
/** Values only a JSON body can carry: wrong types, extreme numbers. */
const hostileJson: unknown[] = [123, -1, 1e308, -1e308, 0.5, true, null, [], {}, ['x'], { nested: { deeper: 1 } }]
const perSlot = 6

type Schema = {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  minimum?: number
  minLength?: number
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  default?: unknown
}
type Operation = {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema?: Schema }[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}

/** A plausible value for a schema: the request around the one hostile value should be as valid as we can make it. */
function plausible(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return 'x'
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const option = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0]
  if (option) return plausible(option, name)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1)
    case 'boolean':
      return true
    case 'array':
      return [plausible(schema.items)]
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, plausible(schema.properties?.[key], key)] as const),
      )
    default:
      if (schema.format === 'date' || /On$|^from$|^to$/.test(name)) return '2026-11-20'
      if (schema.format === 'date-time' || /At$/.test(name)) return '2026-11-20T09:00:00Z'
      if (/accountNumber/.test(name)) return account
      if (/amount|Minor$/.test(name)) return '100'
      if (/email/i.test(name)) return 'fuzz@example.com'
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1))
  }
}

/** The slots of an operation: each path and query parameter, and each body field one level down. */
function slotsOf(operation: Operation): { where: 'path' | 'query' | 'body'; name: string }[] {
  const slots: { where: 'path' | 'query' | 'body'; name: string }[] = []
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path' || parameter.in === 'query') slots.push({ where: parameter.in, name: parameter.name })
  }
  const body = operation.requestBody?.content?.['application/json']?.schema
  for (const [key, property] of Object.entries(body?.properties ?? {})) {
    slots.push({ where: 'body', name: key })
    for (const inner of Object.keys(property.properties ?? {})) slots.push({ where: 'body', name: `${key}.${inner}` })
  }
  return slots
}

function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]]
  if (rest.length === 0) return { ...base, [head]: value }
  const inner = base[head]
  return {
    ...base,
    [head]: withValue(
      inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : {},
      rest.join('.'),
      value,
    ),
  }
}

/**
 * Every row written (inserted, updated or deleted) in any table, counted by a row trigger this test
 * adds to each table; refused requests roll back, and so does their count. Not counted (see the
 * file's summary): audit events of views and refusals, and the last-seen time a session keeps.
 */
async function countWrites(): Promise<void> {
  await sql`create table fuzz_writes (table_name text not null, operation text not null)`.execute(database.db)
  await sql`create function fuzz_count_write() returns trigger language plpgsql as $$
    begin
      if tg_table_name in ('staff_sessions', 'external_sessions') and tg_op = 'UPDATE' then return null; end if;
      -- A wrong current password counts toward lockout (hole 8): the count is the refusal's own record.
      if tg_table_name = 'staff_users' and tg_op = 'UPDATE'
        and to_jsonb(new) - 'failed_logins' - 'locked_until' = to_jsonb(old) - 'failed_logins' - 'locked_until' then
        return null;
      end if;
      if tg_table_name = 'audit_events' then
        if new.action ~ '[.](viewed|read|denied|failed|refused|exported)$' then return null; end if;
      end if;
      insert into fuzz_writes values (tg_table_name, tg_op);
      return null;
    end $$`.execute(database.db)
  const tables = await sql<{ relname: string }>`select c.relname from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname <> 'fuzz_writes'`.execute(database.db)
  for (const { relname } of tables.rows) {
    await sql`create trigger fuzz_count_write after insert or update or delete on ${sql.table(relname)}
      for each row execute function fuzz_count_write()`.execute(database.db)
  }
}

/** What has been written so far, as `table:operation` counts. */
async function fingerprint(): Promise<string> {
  const result = await sql<{ t: string; n: string }>`select table_name || ':' || operation as t, count(*)::text as n
    from fuzz_writes group by 1 order by 1`.execute(database.db)
  return result.rows.map((row) => `${row.t}=${row.n}`).join(' ')
}

/** `details`, when an error has them, is a list of `{ path, message }`. */
function detailsNameFields(details: unknown): boolean {
  return (
    Array.isArray(details) &&
    details.every((item) => typeof item?.path === 'string' && typeof item?.message === 'string')
  )
}

function roleFor(permission: string): access.Role | null {
  if (permission === 'public' || permission === 'customer') return null
  if (permission === 'authenticated') return 'agent'
  return access.roles.find((role) => access.permissionsOf(role).has(permission as access.Permission)) ?? 'supervisor'
}

describe('the API under hostile input', () => {
  it('answers every operation in /openapi.json without a 5xx, in the error shape, and writes nothing it refuses', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>
    }
    // The demo's mulberry32 generator, so the values each slot gets are the same every run.
    const random = seededRandom(19)
    const problems: string[] = []
    let requests = 0
    let operations = 0

    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations++
        const fastifyUrl = template.replace(/\{(\w+)\}/g, ':$1')
        const route = app.routeTable.find((r) => r.url === fastifyUrl && r.method === method.toUpperCase())
        const role = roleFor(route?.permission ?? 'public')
        const headers = (extra: Record<string, string> = {}) => (role ? as(role, extra) : extra)
        const octopus = template.startsWith('/v1/')
        const pathParams = Object.fromEntries(
          (operation.parameters ?? [])
            .filter((p) => p.in === 'path')
            .map((p) => [p.name, String(plausible(p.schema, p.name))]),
        )
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema
        const baseBody = bodySchema ? (plausible(bodySchema) as Record<string, unknown>) : undefined
        const requiredQuery = Object.fromEntries(
          (operation.parameters ?? [])
            .filter((p) => p.in === 'query' && (p as { required?: boolean }).required)
            .map((p) => [p.name, String(plausible(p.schema, p.name))]),
        )

        const send = async (
          label: string,
          options: { path?: Record<string, string>; query?: Record<string, string>; body?: unknown; raw?: string },
          extraHeaders: Record<string, string> = {},
        ) => {
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
            encoded(options.path?.[name] ?? pathParams[name] ?? 'x'),
          )
          const query = Object.entries({ ...requiredQuery, ...options.query })
            .map(([key, value]) => `${encoded(key)}=${encoded(value)}`)
            .join('&')
          const hasBody = method !== 'get' && method !== 'delete' && method !== 'head'
          requests++
          const response = await app.inject({
            method: method.toUpperCase() as 'GET',
            url: query ? `${path}?${query}` : path,
            headers: headers({
              ...extraHeaders,
              ...(hasBody ? { 'content-type': 'application/json' } : {}),
            }),
            ...(hasBody ? { payload: options.raw ?? JSON.stringify(options.body ?? baseBody ?? {}) } : {}),
          })
          const where = `${method.toUpperCase()} ${template} ${label}`
          if (response.statusCode >= 500)
            problems.push(`${where}: ${response.statusCode} ${response.body.slice(0, 300)}`)
          else if (response.statusCode >= 400) {
            let body: { error?: { code?: unknown; message?: unknown; details?: unknown }; detail?: unknown } = {}
            try {
              body = response.json()
            } catch {
              // not JSON: reported below
            }
            const shaped = octopus
              ? body && typeof body === 'object'
              : typeof body.error?.code === 'string' &&
                typeof body.error.message === 'string' &&
                (body.error.details === undefined || detailsNameFields(body.error.details))
            if (!shaped)
              problems.push(`${where}: ${response.statusCode} not in the error shape: ${response.body.slice(0, 200)}`)
          }
          return response.statusCode
        }

        for (const slot of slotsOf(operation)) {
          const values: unknown[] = slot.where === 'body' ? [...hostileText, ...hostileJson] : [...hostileText]
          const picked = shuffled(values, random).slice(0, perSlot)
          // Always NUL and the card number: the two every field must refuse.
          for (const must of [hostileText[0], card]) if (!picked.includes(must)) picked.push(must)
          const before = await fingerprint()
          const statuses: number[] = []
          for (const value of picked) {
            const label = `${slot.where}.${slot.name}=${JSON.stringify(value)?.slice(0, 30)}`
            if (slot.where === 'path') statuses.push(await send(label, { path: { [slot.name]: String(value) } }))
            else if (slot.where === 'query') statuses.push(await send(label, { query: { [slot.name]: String(value) } }))
            else statuses.push(await send(label, { body: withValue(baseBody ?? {}, slot.name, value) }))
          }
          if (statuses.every((status) => status >= 400 && status < 500)) {
            const after = await fingerprint()
            if (after !== before) {
              const was = new Set(before.split(' '))
              problems.push(
                `${method.toUpperCase()} ${template} ${slot.where}.${slot.name}: refused but wrote ${after
                  .split(' ')
                  .filter((count) => !was.has(count))
                  .join(' ')}`,
              )
            }
          }
        }

        // Every operation: a card number in a header, and (with a body) JSON nested 60,000 deep.
        const before = await fingerprint()
        const carded = await send('idempotency-key card', {}, { 'idempotency-key': card, 'x-reference': card })
        const deep =
          method === 'get' || method === 'delete'
            ? 400
            : await send('60,000-deep JSON', { raw: `${'{"a":'.repeat(60_000)}1${'}'.repeat(60_000)}` })
        if (carded !== 400 || deep !== 400) {
          problems.push(`${method.toUpperCase()} ${template}: card header ${carded}, deep JSON ${deep} (want 400s)`)
        }
        if ((await fingerprint()) !== before) problems.push(`${method.toUpperCase()} ${template}: refused but wrote`)
      }
    }
    expect(operations).toBeGreaterThan(100)
    expect(requests).toBeGreaterThan(1_000)
    expect(problems).toEqual([])
  }, 120_000)
})
