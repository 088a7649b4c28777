import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { settlementPeriodsOfDay } from '../shared/time.js'
import type { App } from './app.js'
import { type ActAs, eleanorA1F2E3D4C, openTestApp, type Send, seedSupplier } from './testing.js'

let database: Database
let app: App
const now = new Date('2026-11-22T09:00:00Z')
let basicAuth = ''
const mpan = metering.withCheckDigit('100000000011')
const exportMpan = metering.withCheckDigit('100000000012')
const mprn = '8765432'

let as: ActAs
let send: Send

/** A role that holds the permission, and one that does not. */
function rolesFor(permission: access.Permission): { holder: access.Role; other: access.Role } {
  const holder = access.roles.find((role) => access.permissionsOf(role).has(permission))
  const other = access.roles.find((role) => !access.permissionsOf(role).has(permission))
  if (!holder || !other) throw new Error(`no holder/non-holder for ${permission}`)
  return { holder, other }
}

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line
}

beforeAll(async () => {
  const actor = systemActor('test')
  ;({ database, app, as, send } = await openTestApp({
    at: () => now,
    seed: async (tx) => {
      const [opened] = await seedSupplier(tx, now, [{ ...eleanorA1F2E3D4C, emails: [], phones: [] }])
      const supply = await accounts.findAccountSupply({ tx, accountNumber: 'A-1F2E3D4C' })
      const base = { propertyId: supply?.property.id ?? '', accountId: opened?.id ?? '', suppliedFrom: '2024-02-01' }
      await metering.registerMeterPoints({
        tx,
        actor,
        at: now,
        meterPoints: [
          {
            ...base,
            fuel: 'electricity',
            identifier: mpan,
            meters: [
              {
                serial: '21E0000001',
                type: 'smart',
                installedOn: '2023-01-01',
                registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
              },
            ],
          },
          {
            ...base,
            fuel: 'electricity',
            identifier: exportMpan,
            direction: 'export',
            meters: [
              {
                serial: '21X0000001',
                type: 'smart',
                installedOn: '2023-01-01',
                registers: [{ identifier: 'E', rate: 'export', digits: 5 }],
              },
            ],
          },
          {
            ...base,
            fuel: 'gas',
            identifier: mprn,
            meters: [
              {
                serial: '21G0000001',
                type: 'smart',
                installedOn: '2023-01-01',
                registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
              },
            ],
          },
        ],
      })
      // Two clock-change days and the ordinary day between them.
      const rows: string[] = [metering.intervalCsvHeader]
      for (const day of ['2025-10-25', '2025-10-26', '2025-10-27']) {
        for (const period of settlementPeriodsOfDay(day)) rows.push(`${mpan},${period.startAt.toISOString()},0.5,A`)
      }
      await metering.ingestIntervalCsv({
        tx,
        lines: linesOf(rows.join('\n')),
        fileName: null,
        sha256: null,
        actor,
        at: now,
      })
      const agent = await access.findStaffUser(tx, 'agent@example.com')
      const token = await access.createApiToken({
        tx,
        userId: agent?.id ?? '',
        name: 'octopus client',
        expiresAt: null,
        actor,
        at: now,
      })
      basicAuth = `Basic ${Buffer.from(`${token.token}:`).toString('base64')}`
    },
  }))
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the console’s metering API', () => {
  it('lists the account’s meter points with meters and registers', async () => {
    const response = await app.inject({ url: '/api/accounts/A-1F2E3D4C/meter-points', headers: as('agent') })
    expect(response.statusCode).toBe(200)
    const items = response.json().items as { identifier: string; gspRegion: string; meters: { serial: string }[] }[]
    expect(items.map((item) => item.identifier).sort()).toEqual([mpan, exportMpan, mprn].sort())
    expect(items.find((item) => item.identifier === mpan)).toMatchObject({
      gspRegion: '_A',
      gspRegionName: 'Eastern England',
      meters: [expect.objectContaining({ serial: '21E0000001' })],
      agreements: [],
    })
    // The meters' and registers' own row ids are internal: the declared response leaves them out.
    const meter = (items.find((item) => item.identifier === mpan)?.meters[0] ?? {}) as Record<string, unknown>
    expect(meter).not.toHaveProperty('id')
    expect((meter.registers as Record<string, unknown>[])[0]).not.toHaveProperty('id')
  })

  it('sums usage into local days, with 50 half hours on the day the clocks go back', async () => {
    const response = await app.inject({
      url: `/api/accounts/A-1F2E3D4C/usage?meterPoint=${mpan}&from=2025-10-25&to=2025-10-28&granularity=day`,
      headers: as('agent'),
    })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(
      body.items.map((item: { label: string; intervals: number; kwh: string }) => [
        item.label,
        item.intervals,
        item.kwh,
      ]),
    ).toEqual([
      ['2025-10-25', 48, '24'],
      ['2025-10-26', 50, '25'],
      ['2025-10-27', 48, '24'],
    ])
    expect(body.totalKwh).toBe('73')
  })

  it('answers a reading with 201, and a lower one with the reason next to the field', async () => {
    const submit = (value: string, readAt: string) =>
      send('agent', 'POST', '/api/accounts/A-1F2E3D4C/readings', {
        meterPoint: mpan,
        meterSerial: '21E0000001',
        register: 'S',
        readAt,
        value,
        source: 'customer',
      })
    const first = await submit('12000', '2026-10-01T08:00:00Z')
    expect(first.statusCode).toBe(201)
    expect(first.json().reading).toMatchObject({ value: '12000.0', status: 'accepted', source: 'customer' })
    const lower = await submit('11000', '2026-11-01T08:00:00Z')
    expect(lower.statusCode).toBe(400)
    expect(lower.json().error).toMatchObject({
      code: 'READING_REJECTED',
      details: [expect.objectContaining({ path: 'value' })],
    })
    const list = await app.inject({ url: '/api/accounts/A-1F2E3D4C/readings', headers: as('agent') })
    expect(list.json().items.map((item: { value: string }) => item.value)).toEqual(['12000.0'])
  })

  it('answers 404 for a meter point that is not on the account', async () => {
    const response = await app.inject({
      url: `/api/accounts/A-1F2E3D4C/usage?meterPoint=1234567890123&from=2025-10-25&to=2025-10-26`,
      headers: as('agent'),
    })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('METER_POINT_NOT_FOUND')
  })

  it('lets only a role with the reading permission submit one', async () => {
    const { other } = rolesFor('metering.reading.create')
    const response = await app.inject({
      method: 'POST',
      url: '/api/accounts/A-1F2E3D4C/readings',
      headers: as(other),
      payload: {
        meterPoint: mpan,
        meterSerial: '21E0000001',
        register: 'S',
        readAt: '2026-11-01T08:00:00Z',
        value: '12100',
      },
    })
    expect(response.statusCode).toBe(403)
  })

  it('lets only an export specialist configure export', async () => {
    const { holder, other } = rolesFor('metering.export.configure')
    const refused = await send(other, 'POST', `/api/meter-points/${exportMpan}/export`, { importMpan: mpan })
    expect(refused.statusCode).toBe(403)
    const done = await send(holder, 'POST', `/api/meter-points/${exportMpan}/export`, { importMpan: mpan })
    expect(done.statusCode).toBe(200)
  })
})

describe('the Octopus-compatible API', () => {
  const consumption = (query: string, auth: string | null = basicAuth) =>
    app.inject({
      url: `/v1/electricity-meter-points/${mpan}/meters/21E0000001/consumption/${query}`,
      headers: auth ? { authorization: auth } : {},
    })

  it('needs the API key as the Basic user name, and says so in Octopus’s shape', async () => {
    const response = await consumption('', null)
    expect(response.statusCode).toBe(401)
    expect(response.json()).toHaveProperty('detail')
  })

  it('pages half-hourly consumption newest first with absolute next and previous links', async () => {
    const first = await consumption('?period_from=2025-10-26T00:00:00Z&period_to=2025-10-27T00:00:00Z&page_size=20')
    expect(first.statusCode).toBe(200)
    const body = first.json()
    // 2025-10-26 00:00Z is 01:00 BST; up to 27 Oct 00:00Z (local midnight, GMT): 48 half hours
    expect(body.count).toBe(48)
    expect(body.results).toHaveLength(20)
    expect(body.previous).toBeNull()
    expect(body.next).toMatch(/^http:\/\/localhost(:\d+)?\/v1\/electricity-meter-points\/.+page=2/)
    expect(body.results[0]).toEqual({
      consumption: 0.5,
      interval_start: '2025-10-26T23:30:00Z',
      interval_end: '2025-10-27T00:00:00Z',
    })
    const last = await consumption(
      '?period_from=2025-10-26T00:00:00Z&period_to=2025-10-27T00:00:00Z&page_size=20&page=3',
    )
    expect(last.json().results).toHaveLength(8)
    expect(last.json().next).toBeNull()
    expect(last.json().previous).toMatch(/page=2/)
  })

  it('orders oldest first on request, with local offsets across the clock change', async () => {
    const response = await consumption(
      '?period_from=2025-10-26T00:00:00Z&period_to=2025-10-26T02:00:00Z&order_by=period',
    )
    const starts = response.json().results.map((row: { interval_start: string }) => row.interval_start)
    expect(starts).toEqual([
      '2025-10-26T01:00:00+01:00',
      '2025-10-26T01:30:00+01:00',
      '2025-10-26T01:00:00Z',
      '2025-10-26T01:30:00Z',
    ])
  })

  it('groups by local day, keeping 25 hours of the day the clocks go back in one bucket', async () => {
    const response = await consumption(
      '?period_from=2025-10-25T00:00:00%2B01:00&period_to=2025-10-28T00:00:00Z&group_by=day&order_by=period',
    )
    expect(response.json().results).toEqual([
      { consumption: 24, interval_start: '2025-10-25T00:00:00+01:00', interval_end: '2025-10-26T00:00:00+01:00' },
      { consumption: 25, interval_start: '2025-10-26T00:00:00+01:00', interval_end: '2025-10-27T00:00:00Z' },
      { consumption: 24, interval_start: '2025-10-27T00:00:00Z', interval_end: '2025-10-28T00:00:00Z' },
    ])
  })

  it('groups by hour without merging the repeated hour', async () => {
    const response = await consumption('?period_from=2025-10-26T00:00:00Z&period_to=2025-10-26T02:00:00Z&group_by=hour')
    expect(response.json().count).toBe(2)
  })

  it('never sends a bucket starting before period_from', async () => {
    const response = await consumption('?period_from=2025-10-25T12:00:00Z&period_to=2025-10-26T00:00:00Z&group_by=day')
    const rows = response.json().results as { interval_start: string }[]
    for (const row of rows)
      expect(Date.parse(row.interval_start)).toBeGreaterThanOrEqual(Date.parse('2025-10-25T12:00:00Z'))
  })

  it('answers a bad period_from with the field’s error', async () => {
    const response = await consumption('?period_from=yesterday')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ period_from: ['Enter a valid date/time.'] })
  })

  it('answers an unknown meter serial with Not found', async () => {
    const response = await app.inject({
      url: `/v1/electricity-meter-points/${mpan}/meters/NOPE/consumption/`,
      headers: { authorization: basicAuth },
    })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ detail: 'Not found.' })
  })

  it('serves the meter point’s GSP and profile class publicly', async () => {
    const response = await app.inject({ url: `/v1/electricity-meter-points/${mpan}/` })
    expect(response.json()).toEqual({ gsp: '_A', mpan, profile_class: null })
  })

  it('finds the grid supply point of a postcode', async () => {
    const response = await app.inject({ url: '/v1/industry/grid-supply-points/?postcode=CB1%202AB' })
    expect(response.json()).toMatchObject({ count: 1, next: null, previous: null, results: [{ group_id: '_A' }] })
  })

  it('shows the account with its meter points, meters and registers', async () => {
    const response = await app.inject({ url: '/v1/accounts/A-1F2E3D4C/', headers: { authorization: basicAuth } })
    expect(response.statusCode).toBe(200)
    const property = response.json().properties[0]
    expect(property).toMatchObject({ postcode: 'CB1 2AB', town: 'Cambridge' })
    expect(
      property.electricity_meter_points
        .map((point: { mpan: string; is_export: boolean }) => [point.mpan, point.is_export])
        .sort(),
    ).toEqual(
      [
        [mpan, false],
        [exportMpan, true],
      ].sort(),
    )
    expect(property.gas_meter_points[0]).toMatchObject({ mprn, meters: [{ serial_number: '21G0000001' }] })
  })
})
