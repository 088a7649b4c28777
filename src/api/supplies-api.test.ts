import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import * as metering from '../modules/metering/index.js'
import type { App } from './app.js'
import { eleanorA1F2E3D4C, openTestApp, type Send, seedSupplier } from './testing.js'

let database: Database
let app: App
let send: Send
const now = new Date('2026-11-22T09:00:00Z')
const account = '/api/accounts/A-1F2E3D4C'
// The property is in Cambridge, region _A: distributor 10.
const mpan = metering.withCheckDigit('100000000501')
const londonMpan = metering.withCheckDigit('120000000501')
const mprn = '9988776'

const electricity = {
  fuel: 'electricity',
  identifier: mpan,
  suppliedFrom: '2026-01-01',
  meters: [{ serial: 'E26S000001', type: 'traditional', registers: [{ identifier: 'S', rate: 'standard' }] }],
}

beforeAll(async () => {
  ;({ database, app, send } = await openTestApp({
    at: () => now,
    seed: async (tx) => {
      await seedSupplier(tx, now, [{ ...eleanorA1F2E3D4C, emails: [], phones: [] }])
    },
  }))
})
afterAll(async () => {
  await app.close()
  await database.close()
})

async function meterPoints() {
  const response = await send('billing_specialist', 'GET', `${account}/meter-points`)
  expect(response.statusCode).toBe(200)
  return response.json().items as { identifier: string; suppliedTo: string | null; meters: unknown[] }[]
}

describe('registering a supply', () => {
  it('is refused to a role without metering.meter_point.register, and changes nothing', async () => {
    const refused = await send('agent', 'POST', `${account}/meter-points`, electricity)
    expect(refused.statusCode).toBe(403)
    expect(await meterPoints()).toEqual([])
  })

  it('names the field of each bad detail, and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ ...electricity, identifier: `${mpan.slice(0, 12)}${(Number(mpan[12]) + 1) % 10}` }, 'identifier'],
      [{ ...electricity, identifier: londonMpan }, 'identifier'],
      [
        {
          ...electricity,
          meters: [{ ...electricity.meters[0], registers: [{ identifier: 'S', rate: 'standard', unit: 'm3' }] }],
        },
        'meters.0.registers.0.unit',
      ],
      [{ ...electricity, suppliedFrom: '2023-01-01' }, 'suppliedFrom'],
      [{ ...electricity, fuel: 'gas', identifier: '12345678901' }, 'identifier'],
    ]
    for (const [body, path] of cases) {
      const response = await send('billing_specialist', 'POST', `${account}/meter-points`, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(response.json())).toContain(path)
    }
    const mismatch = await send('billing_specialist', 'POST', `${account}/meter-points`, {
      ...electricity,
      identifier: londonMpan,
    })
    expect(JSON.stringify(mismatch.json())).toContain('_C (London)')
    expect(await meterPoints()).toEqual([])
  })

  it('refuses hostile input with a 4xx', async () => {
    for (const body of [
      { ...electricity, extra: true },
      { ...electricity, meters: [electricity.meters[0], { ...electricity.meters[0], serial: 'OTHER' }] },
      { ...electricity, identifier: '1'.repeat(400) },
      { ...electricity, suppliedFrom: '2026-02-30' },
      { ...electricity, meters: [{ ...electricity.meters[0], registers: [] }] },
      { ...electricity, tariffCode: 'NO-SUCH-TARIFF' },
    ]) {
      const response = await send('billing_specialist', 'POST', `${account}/meter-points`, body)
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500)
    }
    expect(await meterPoints()).toEqual([])
  })

  it('registers an MPAN with its region, meter and registers, then refuses it a second time', async () => {
    const response = await send('billing_specialist', 'POST', `${account}/meter-points`, electricity)
    expect(response.statusCode).toBe(201)
    expect(response.json().meterPoint).toMatchObject({
      identifier: mpan,
      gspRegion: '_A',
      distributorId: '10',
      suppliedFrom: '2026-01-01',
      suppliedTo: null,
      meters: [
        {
          serial: 'E26S000001',
          type: 'traditional',
          installedOn: '2026-01-01',
          registers: [{ identifier: 'S', rate: 'standard', digits: 5, unit: 'kWh' }],
        },
      ],
    })
    const again = await send('supervisor', 'POST', `${account}/meter-points`, electricity)
    expect(again.statusCode).toBe(409)
  })

  it('registers an MPRN whose register reads hundreds of cubic feet', async () => {
    const response = await send('supervisor', 'POST', `${account}/meter-points`, {
      fuel: 'gas',
      identifier: mprn,
      suppliedFrom: '2026-01-01',
      meters: [
        { serial: 'G26I000001', type: 'traditional', registers: [{ identifier: 'S', rate: 'standard', unit: 'hcf' }] },
      ],
    })
    expect(response.statusCode).toBe(201)
    expect(response.json().meterPoint).toMatchObject({ fuel: 'gas', identifier: mprn, gspRegion: null })
    expect(response.json().meterPoint.meters[0].registers[0].unit).toBe('hcf')
  })
})

describe('exchanging a meter', () => {
  const exchange = {
    on: '2026-06-01',
    oldSerial: 'E26S000001',
    removalReadings: [{ register: 'S', value: '1500' }],
    newMeter: { serial: 'E26M000002', type: 'smart', registers: [{ identifier: 'S', rate: 'standard' }] },
    installReadings: [{ register: 'S', value: '3' }],
  }
  const url = `${account}/meter-points/${mpan}/exchange`

  it('refuses a missing reading, a reused serial or a future date by field, and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ ...exchange, installReadings: [] }, 'installReadings'],
      [{ ...exchange, removalReadings: [{ register: 'X', value: '1' }] }, 'removalReadings'],
      [{ ...exchange, newMeter: { ...exchange.newMeter, serial: 'e26s000001' } }, 'newMeter.serial'],
      [{ ...exchange, on: '2026-12-01' }, 'on'],
      [{ ...exchange, oldSerial: 'NOPE' }, 'oldSerial'],
    ]
    for (const [body, path] of cases) {
      const response = await send('billing_specialist', 'POST', url, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(response.json())).toContain(path)
    }
    const readings = await send('billing_specialist', 'GET', `${account}/readings?meterPoint=${mpan}`)
    expect(readings.json().items).toEqual([])
    const [point] = (await meterPoints()).filter((item) => item.identifier === mpan)
    expect(point?.meters).toHaveLength(1)
  })

  it('refuses a removal reading the reading rules refuse, named by its place', async () => {
    await send('billing_specialist', 'POST', `${account}/readings`, {
      meterPoint: mpan,
      meterSerial: 'E26S000001',
      register: 'S',
      readAt: '2026-05-01T08:00:00Z',
      value: '1400',
      source: 'field',
    })
    const response = await send('billing_specialist', 'POST', url, {
      ...exchange,
      removalReadings: [{ register: 'S', value: '1000' }],
    })
    expect(response.statusCode).toBe(400)
    expect(JSON.stringify(response.json())).toContain('removalReadings.0.value')
  })

  it('records removal and install readings and ends the old meter the day the new one starts', async () => {
    const refused = await send('agent', 'POST', url, exchange)
    expect(refused.statusCode).toBe(403)
    const response = await send('billing_specialist', 'POST', url, exchange)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.meterPoint.meters).toMatchObject([
      { serial: 'E26S000001', removedOn: '2026-06-01' },
      { serial: 'E26M000002', type: 'smart', installedOn: '2026-06-01', removedOn: null },
    ])
    expect(body.removalReadings).toMatchObject([{ kind: 'removal', value: '1500.0', meterSerial: 'E26S000001' }])
    expect(body.installReadings).toMatchObject([{ kind: 'install', value: '3.0', meterSerial: 'E26M000002' }])
  })
})

describe('exchanging a meter on the day itself', () => {
  it('dates the readings at the start of the day, so a morning exchange is not in the future', async () => {
    const response = await send('supervisor', 'POST', `${account}/meter-points/${mpan}/exchange`, {
      on: '2026-11-22',
      oldSerial: 'E26M000002',
      removalReadings: [{ register: 'S', value: '900' }],
      newMeter: { serial: 'E26M000003', type: 'smart', registers: [{ identifier: 'S', rate: 'standard' }] },
      installReadings: [{ register: 'S', value: '0' }],
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().installReadings).toMatchObject([{ readAt: '2026-11-22T00:00:00.000Z', kind: 'install' }])
  })
})

describe('ending a supply', () => {
  const url = `${account}/meter-points/${mprn}/end-supply`

  it('refuses a date on or before the start, ends it, and refuses to end it twice', async () => {
    expect((await send('agent', 'POST', url, { on: '2026-10-01' })).statusCode).toBe(403)
    const early = await send('billing_specialist', 'POST', url, { on: '2026-01-01' })
    expect(early.statusCode).toBe(400)
    expect(JSON.stringify(early.json())).toContain('"on"')
    const ended = await send('billing_specialist', 'POST', url, { on: '2026-10-01' })
    expect(ended.statusCode).toBe(200)
    expect(ended.json()).toEqual({ identifier: mprn, suppliedFrom: '2026-01-01', suppliedTo: '2026-10-01' })
    expect((await meterPoints()).find((point) => point.identifier === mprn)?.suppliedTo).toBe('2026-10-01')
    expect((await send('billing_specialist', 'POST', url, { on: '2026-11-01' })).statusCode).toBe(409)
    const unknown = await send('billing_specialist', 'POST', `${account}/meter-points/1234567/end-supply`, {
      on: '2026-11-01',
    })
    expect(unknown.statusCode).toBe(404)
  })
})

describe('importing supplies from a CSV', () => {
  const header = 'account_number,mpan_mprn,fuel,meter_serial,meter_type,register_id,rate,unit,supply_start'
  const e7 = metering.withCheckDigit('100000000777')
  const gas = '55501234'
  const good = [
    header,
    `A-1F2E3D4C,${e7},electricity,E7M0001,traditional,DY,day,kWh,2026-03-01`,
    `A-1F2E3D4C,${e7},electricity,E7M0001,traditional,NT,night,kWh,2026-03-01`,
    `a-1f2e3d4c,${gas},gas,GIMP0001,traditional,S,standard,hcf,2026-03-01`,
  ].join('\n')
  const importCsv = (csv: string, who: 'billing_specialist' | 'agent' = 'billing_specialist') =>
    send(who, 'POST', '/api/supplies/import', { csv })

  it('refuses a file with problems whole, naming each by line and column', async () => {
    const before = await meterPoints()
    const bad = [
      header,
      `A-1F2E3D4C,${e7.slice(0, 12)}${(Number(e7[12]) + 1) % 10},electricity,E7M0001,traditional,DY,day,kWh,2026-03-01`,
      `A-1F2E3D4C,${gas},gas,GIMP0001,traditional,S,standard,kWh,2026-03-01`,
      `A-00000000,${metering.withCheckDigit('100000000778')},electricity,X1,smart,S,standard,kWh,2026-03-01`,
      `A-1F2E3D4C,${metering.withCheckDigit('120000000779')},electricity,X2,smart,S,standard,kWh,2026-03-01`,
      `A-1F2E3D4C,${metering.withCheckDigit('100000000780')},electricity,X3,smart,S,standard,kWh,2026-03-01`,
      `A-1F2E3D4C,${metering.withCheckDigit('100000000780')},electricity,X4,smart,R,standard,kWh,2026-03-01`,
      'A-1F2E3D4C,too,few',
    ].join('\n')
    const response = await importCsv(bad)
    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('SUPPLIES_FILE_REJECTED')
    const places = (error.details as { line: number; column: string }[]).map(({ line, column }) => `${line}:${column}`)
    expect(places).toEqual(['2:mpan_mprn', '3:unit', '7:meter_serial', '8:'])
    // Rows good on their own are checked against the database only once the whole file reads well.
    const second = await importCsv(bad.split('\n').slice(0, 1).concat(bad.split('\n').slice(3, 5)).join('\n'))
    expect(second.statusCode).toBe(400)
    expect(
      (second.json().error.details as { line: number; column: string; message: string }[]).map(
        ({ line, column }) => `${line}:${column}`,
      ),
    ).toEqual(['2:account_number', '3:mpan_mprn'])
    expect(JSON.stringify(second.json())).toContain('London')
    expect(await meterPoints()).toEqual(before)
  })

  it('refuses a wrong header and a role without the permission', async () => {
    const response = await importCsv('account,mpan\nA-1F2E3D4C,1')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toMatchObject([{ line: 1, column: '' }])
    expect((await importCsv(good, 'agent')).statusCode).toBe(403)
  })

  it('loads a good file: one meter point a MPAN or MPRN, one register a row', async () => {
    const response = await importCsv(good)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ accounts: 1, meterPoints: 2, registers: 3 })
    const points = await meterPoints()
    expect(points.find((point) => point.identifier === e7)).toMatchObject({
      gspRegion: '_A',
      meters: [
        {
          serial: 'E7M0001',
          registers: [
            { identifier: 'DY', rate: 'day', unit: 'kWh' },
            { identifier: 'NT', rate: 'night', unit: 'kWh' },
          ],
        },
      ],
    })
    expect(points.find((point) => point.identifier === gas)).toMatchObject({
      meters: [{ serial: 'GIMP0001', registers: [{ identifier: 'S', unit: 'hcf' }] }],
    })
    // The same file again: each meter point is named as registered already, on its first line.
    const again = await importCsv(good)
    expect(again.statusCode).toBe(400)
    expect(again.json().error.details).toMatchObject([
      { line: 2, column: 'mpan_mprn', message: `${e7} is already registered` },
      { line: 4, column: 'mpan_mprn', message: `${gas} is already registered` },
    ])
  })
})
