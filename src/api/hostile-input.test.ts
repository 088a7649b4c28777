/**
 * API-1, SEC-1: hostile input is refused in the documented error shape naming the field, and changes
 * nothing; what does reach an error log carries no personal data.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import { billingFixture } from '../demo/billing-fixture.js'
import type { App } from './app.js'
import { redactedError } from './logging.js'
import { type ActAs, openTestApp, type Send, staffPassword } from './testing.js'

let database: Database
let app: App
let as: ActAs
let send: Send
const logLines: string[] = []
const now = new Date('2026-11-20T09:00:00Z')
const account = 'A-10000001'

beforeAll(async () => {
  ;({ database, app, as, send } = await openTestApp({
    at: () => now,
    fixture: (db) => billingFixture({ db, count: 2, at: now }),
    app: { logger: true, logStream: { write: (line: string) => void logLines.push(line) } },
  }))
}, 120_000)

afterAll(async () => {
  await app?.close()
  await database?.close()
})

type Detail = { path: string; message: string }

/** POST to the sign-in route, which anyone may call: a body as given, with any headers. */
const postSignIn = (payload: string | object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/session', headers, payload })

/** The error of a response, after checking it has the documented shape. */
function errorOf(response: { statusCode: number; json(): unknown }) {
  const body = response.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } }
  expect(typeof body.error?.code, JSON.stringify(body)).toBe('string')
  expect(typeof body.error?.message).toBe('string')
  expect(body.error?.details, JSON.stringify(body)).toEqual(expect.arrayContaining([]))
  return body.error as { code: string; message: string; details: Detail[] }
}

async function noteCount(): Promise<number> {
  const result = await sql<{ n: string }>`select count(*)::text as n from account_notes`.execute(database.db)
  return Number(result.rows[0]?.n)
}

describe('strings (one rule for every route)', () => {
  it('refuses a NUL in a body field with a 400 naming it, even on the sign-in route before anyone is signed in', async () => {
    const response = await postSignIn({ email: 'agent@example.com\u0000', password: staffPassword })
    expect(response.statusCode).toBe(400)
    expect(errorOf(response)).toMatchObject({ code: 'TEXT_REFUSED', details: [{ path: 'body.email' }] })
  })

  it('refuses lone surrogates and control characters in notes, queries and path parameters, and stores nothing', async () => {
    const before = await noteCount()
    for (const body of ['half an emoji \ud800 here', 'a bell \u0007', 'a trailing low surrogate \udc00']) {
      const response = await send('agent', 'POST', `/api/accounts/${account}/notes`, { type: 'general', body })
      expect(response.statusCode, body).toBe(400)
      expect(errorOf(response).details).toEqual([{ path: 'body.body', message: expect.any(String) }])
    }
    const search = await send('agent', 'GET', '/api/accounts?q=Ash%00worth')
    expect(search.statusCode).toBe(400)
    expect(errorOf(search).details[0]?.path).toBe('query.q')
    const cases = await send('agent', 'GET', '/api/cases/C-%00')
    expect(cases.statusCode).toBe(400)
    expect(errorOf(cases).details[0]?.path).toBe('params.caseRef')
    expect(await noteCount()).toBe(before)
  })

  it('keeps tabs, new lines and every script in free text', async () => {
    const response = await send('agent', 'POST', `/api/accounts/${account}/notes`, {
      type: 'general',
      body: 'Called:\tno answer\r\nŁódź, 東京, emoji 🙂',
    })
    expect(response.statusCode).toBe(201)
  })

  it('refuses a 100,000-character string where a route wants a short one', async () => {
    const response = await postSignIn({ email: 'x'.repeat(100_001), password: 'y' })
    expect(response.statusCode).toBe(400)
    expect(errorOf(response).details[0]?.path).toBe('body.email')
  })
})

describe('dates (one date schema)', () => {
  it('refuses impossible and implausible dates with a 400 naming the field', async () => {
    for (const date of ['2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01']) {
      const query = await send('supervisor', 'GET', `/api/audit/activity?userId=agent@example.com&from=${date}`)
      expect(query.statusCode, date).toBe(400)
      expect(errorOf(query).details[0]?.path).toBe('query.from')
      const body = await send('agent', 'PUT', `/api/accounts/${account}/sensitive-details`, { dateOfBirth: date })
      expect(body.statusCode, date).toBe(400)
      expect(errorOf(body).details[0]?.path).toBe('body.dateOfBirth')
    }
  })

  it('accepts the first and last dates of the range and a leap day', async () => {
    for (const date of ['1900-01-01', '2100-12-31', '2024-02-29']) {
      const query = await send('supervisor', 'GET', `/api/audit/activity?userId=agent@example.com&from=${date}`)
      expect(query.statusCode, date).not.toBe(400)
    }
  })

  it('refuses instants outside the range, and Octopus periods on impossible dates in its own shape', async () => {
    const reading = await app.inject({
      method: 'POST',
      url: `/api/accounts/${account}/readings`,
      headers: as('agent'),
      payload: {
        meterPoint: '1000000000011',
        meterSerial: 'X',
        register: '1',
        readAt: '0000-01-01T00:00:00Z',
        value: '1',
      },
    })
    expect(reading.statusCode).toBe(400)
    expect(errorOf(reading).details.map((detail) => detail.path)).toContain('body.readAt')
    const octopus = await app.inject({ method: 'GET', url: '/v1/products/?available_at=2026-02-30T00:00Z' })
    expect(octopus.statusCode).toBe(400)
    expect(octopus.json()).not.toHaveProperty('error')
  })
})

describe('bodies, URLs and cursors', () => {
  it('refuses JSON nested 60,000 deep with BODY_TOO_DEEP naming the body, before signing in', async () => {
    const deep = `${'['.repeat(60_000)}${']'.repeat(60_000)}`
    for (const url of ['/api/session', `/api/accounts/${account}/notes`]) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { ...as('agent'), 'content-type': 'application/json' },
        payload: deep,
      })
      expect(response.statusCode, url).toBe(400)
      expect(errorOf(response)).toMatchObject({ code: 'BODY_TOO_DEEP', details: [{ path: 'body' }] })
    }
    const shallow = await postSignIn('{"email": "a@example.com", "password": "[{\\"not nesting\\": [[[["}', {
      'content-type': 'application/json',
    })
    expect(shallow.statusCode).toBe(401)
  })

  it('answers a made-up cursor with a 400 naming query.cursor on every paged list', async () => {
    const lists = [
      '/api/accounts?q=Ashworth',
      `/api/accounts/${account}/notes`,
      `/api/accounts/${account}/statements`,
      `/api/accounts/${account}/readings`,
      `/api/accounts/${account}/payments`,
      `/api/accounts/${account}/messages`,
      `/api/accounts/${account}/cases`,
      '/api/cases',
    ]
    for (const cursor of ['not-a-cursor', Buffer.from('2026-13-45|x').toString('base64url'), 'e30']) {
      for (const url of lists) {
        const response = await send('supervisor', 'GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`)
        expect(response.statusCode, `${url} ${cursor}`).toBe(400)
        expect(errorOf(response)).toMatchObject({ code: 'INVALID_CURSOR', details: [{ path: 'query.cursor' }] })
      }
    }
    const timeline = await send('supervisor', 'GET', `/api/accounts/${account}/timeline?before=bm9wZQ`)
    expect(timeline.statusCode).toBe(400)
    expect(errorOf(timeline).details[0]?.path).toBe('query.before')
  })

  it('answers a malformed URL, a large body, a foreign media type and an unknown route in the error shape', async () => {
    const badUrl = await send('agent', 'GET', `/api/accounts/%E0%A4%A/notes`)
    expect(badUrl.statusCode).toBe(400)
    expect(errorOf(badUrl)).toMatchObject({ code: 'MALFORMED_URL', details: [{ path: 'url' }] })
    const large = await postSignIn({ email: 'a@example.com', password: 'x'.repeat(1_100_000) })
    expect(large.statusCode).toBe(413)
    expect(errorOf(large).details).toEqual([{ path: 'body', message: 'too large' }])
    const xml = await postSignIn('<session/>', { 'content-type': 'application/xml' })
    expect(xml.statusCode).toBe(415)
    expect(errorOf(xml).details[0]?.path).toBe('headers.content-type')
    const missing = await app.inject({ method: 'GET', url: '/api/nowhere' })
    expect(missing.statusCode).toBe(404)
    expect(errorOf(missing).code).toBe('ROUTE_NOT_FOUND')
    const octopus = await app.inject({ method: 'GET', url: '/v1/products/%E0%A4%A/' })
    expect(octopus.statusCode).toBe(400)
    expect(octopus.json()).toHaveProperty('detail')
  })
})

describe('error logs (SEC-1)', () => {
  it('log a database error without the SQL, its parameters or the row it refused', async () => {
    // A constraint the schema does not have, so the database refuses a note a route accepts.
    await sql`alter table account_notes add constraint hostile_test_refuse check (body not like '%1961-03-14%')`.execute(
      database.db,
    )
    try {
      logLines.length = 0
      const response = await send('agent', 'POST', `/api/accounts/${account}/notes`, {
        type: 'general',
        body: 'Mrs Quillfeather-Ashby was born on 1961-03-14',
      })
      expect(response.statusCode).toBe(500)
      const log = logLines.join('')
      expect(log).toContain('hostile_test_refuse')
      expect(log).not.toContain('1961-03-14')
      expect(log).not.toContain('Quillfeather')
      expect(log).not.toMatch(/insert into/i)
    } finally {
      await sql`alter table account_notes drop constraint hostile_test_refuse`.execute(database.db)
    }
  })

  it('keep an error’s type, code and constraint, and drop its parameters, detail and quoted values', () => {
    const error = Object.assign(new Error('invalid input syntax for type date: "1961-02-30"'), {
      code: '22007',
      constraint: 'customers_birth',
      parameters: ['Quillfeather', '4242 4242 4242 4242'],
      query: 'insert into customers values ($1, $2)',
      detail: 'Failing row contains (Quillfeather, 1961-02-30).',
      cause: new Error('card 4242.4242.4242.4242 refused'),
    })
    const logged = JSON.stringify(redactedError(error))
    expect(JSON.parse(logged)).toMatchObject({ type: 'Error', code: '22007', constraint: 'customers_birth' })
    for (const secret of ['1961-02-30', 'Quillfeather', '4242.4242', '4242 4242', 'insert into', 'Failing row'])
      expect(logged).not.toContain(secret)
  })
})
