import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { addDays, settlementPeriodsOfDay, startOfLocalDay } from '../../shared/time.js'
import * as metering from './index.js'
import { openMeteringTestAccount, smartImportPoint } from './testing.js'

let database: Database
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-22T10:00:00Z')

// MPAN cores in Eastern England (_A, distributor 10) with valid check digits.
const importMpan = metering.withCheckDigit('100000000001')
const exportMpan = metering.withCheckDigit('100000000002')
const e7Mpan = metering.withCheckDigit('100000000003')
const otherMpan = metering.withCheckDigit('190000000004')
const mprn = '7654321'

let accountId: string
let propertyId: string
let importId: string
let exportId: string
let e7Id: string
let gasId: string

const run = <T>(work: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
  inTransaction(database.db, work)

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line
}

function csv(rows: string[]): string {
  return [metering.intervalCsvHeader, ...rows].join('\n')
}

beforeAll(async () => {
  database = await openTestDatabase()
  const opened = await run((tx) => openMeteringTestAccount(tx, { actor: agent, at }))
  accountId = opened.accountId
  propertyId = opened.propertyId
  const registered = await run((tx) =>
    metering.registerMeterPoints({
      tx,
      actor: agent,
      at,
      meterPoints: [
        smartImportPoint({ identifier: importMpan, accountId, propertyId }),
        {
          fuel: 'electricity',
          identifier: exportMpan,
          direction: 'export',
          propertyId,
          accountId,
          suppliedFrom: '2024-01-01',
          meters: [
            {
              serial: '21L0000001X',
              type: 'smart',
              installedOn: '2023-06-01',
              registers: [{ identifier: 'E', rate: 'export', digits: 5 }],
            },
          ],
        },
        {
          fuel: 'electricity',
          identifier: e7Mpan,
          profileClass: '02',
          propertyId,
          accountId,
          suppliedFrom: '2024-01-01',
          meters: [
            {
              serial: 'E7TRAD01',
              type: 'traditional',
              installedOn: '2020-01-01',
              registers: [
                { identifier: 'DY', rate: 'day', digits: 5 },
                { identifier: 'NT', rate: 'night', digits: 5 },
              ],
            },
          ],
        },
        {
          fuel: 'gas',
          identifier: mprn,
          propertyId,
          accountId,
          suppliedFrom: '2024-01-01',
          meters: [
            {
              serial: 'G4SMART01',
              type: 'smart',
              installedOn: '2023-06-01',
              registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
            },
          ],
        },
      ],
    }),
  )
  ;[importId, exportId, e7Id, gasId] = registered.map((point) => point.id) as [string, string, string, string]
})
afterAll(() => database.close())

describe('meter points', () => {
  it('derives the distributor and GSP region from the MPAN core', async () => {
    const points = await run((tx) => metering.meterPointsOfAccount({ tx, accountNumber: 'A-0000ABCD' }))
    const point = points.find((candidate) => candidate.identifier === importMpan)
    expect(point).toMatchObject({ fuel: 'electricity', direction: 'import', distributorId: '10', gspRegion: '_A' })
    expect(point?.meters[0]?.registers).toEqual([expect.objectContaining({ identifier: 'S', rate: 'standard' })])
    expect(points.map((candidate) => candidate.identifier).sort()).toEqual(
      [importMpan, exportMpan, e7Mpan, mprn].sort(),
    )
    expect(gasId).toBeDefined()
  })

  it('refuses an MPAN whose check digit is wrong, naming the field, and writes nothing', async () => {
    const bad = `${importMpan.slice(0, 12)}${(Number(importMpan[12]) + 1) % 10}`
    const attempt = run((tx) =>
      metering.registerMeterPoints({
        tx,
        actor: agent,
        at,
        meterPoints: [
          { fuel: 'gas', identifier: '123456', propertyId, accountId, suppliedFrom: '2024-01-01', meters: [] },
          { fuel: 'electricity', identifier: bad, propertyId, accountId, suppliedFrom: '2024-01-01', meters: [] },
        ],
      }),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_METER_POINT',
      details: [expect.objectContaining({ path: '1.identifier', message: expect.stringContaining('check digit') })],
    })
    expect(await run((tx) => metering.findMeterPoint({ tx, identifier: '123456' }))).toBeUndefined()
  })

  it.each([
    ['an MPRN that is not 6 to 10 digits', '12345', 'INVALID_METER_POINT'],
    ['a meter point that is already registered', mprn, 'METER_POINT_TAKEN'],
  ])('refuses %s', async (_case, identifier, code) => {
    await expect(
      run((tx) =>
        metering.registerMeterPoints({
          tx,
          actor: agent,
          at,
          meterPoints: [{ fuel: 'gas', identifier, propertyId, accountId, suppliedFrom: '2024-01-01', meters: [] }],
        }),
      ),
    ).rejects.toMatchObject({ code })
  })
})

describe('configure export', () => {
  it('refuses to link an import MPAN as the export', async () => {
    await expect(
      run((tx) =>
        metering.configureExport({ tx, exportIdentifier: importMpan, importIdentifier: e7Mpan, actor: agent, at }),
      ),
    ).rejects.toMatchObject({ code: 'EXPORT_NOT_CONFIGURABLE' })
  })

  it('links the export MPAN to its import MPAN, once', async () => {
    await run((tx) =>
      metering.configureExport({ tx, exportIdentifier: exportMpan, importIdentifier: importMpan, actor: agent, at }),
    )
    await run((tx) =>
      metering.configureExport({ tx, exportIdentifier: exportMpan, importIdentifier: importMpan, actor: agent, at }),
    )
    const points = await run((tx) => metering.meterPointsOfAccount({ tx, accountNumber: 'A-0000ABCD' }))
    expect(points.find((point) => point.identifier === exportMpan)?.linkedImport).toBe(importMpan)
    await expect(
      run((tx) =>
        metering.configureExport({ tx, exportIdentifier: exportMpan, importIdentifier: e7Mpan, actor: agent, at }),
      ),
    ).rejects.toMatchObject({ code: 'EXPORT_NOT_CONFIGURABLE' })
  })

  it('refuses a meter point that does not exist', async () => {
    await expect(
      run((tx) =>
        metering.configureExport({ tx, exportIdentifier: otherMpan, importIdentifier: importMpan, actor: agent, at }),
      ),
    ).rejects.toMatchObject({ code: 'METER_POINT_NOT_FOUND' })
  })
})

describe('register readings', () => {
  const read = (register: 'DY' | 'NT', value: string, readAt: string, source: metering.ReadingSource = 'customer') =>
    run((tx) =>
      metering.submitReading({
        tx,
        meterPointId: e7Id,
        meterSerial: 'E7TRAD01',
        register,
        readAt: new Date(readAt),
        value,
        source,
        actor: agent,
        at,
      }),
    )

  it('accepts a first reading and then a higher one, with the advance', async () => {
    expect(await read('DY', '10000', '2026-01-01T09:00:00Z')).toMatchObject({ status: 'accepted', advance: null })
    expect(await read('DY', '10250.5', '2026-02-01T09:00:00Z')).toMatchObject({ status: 'accepted', advance: '250.5' })
  })

  it('refuses a reading lower than the previous one, with the reason, and keeps nothing', async () => {
    await expect(read('DY', '10100', '2026-03-01T09:00:00Z')).rejects.toMatchObject({
      code: 'READING_REJECTED',
      message: expect.stringContaining('lower than the previous reading 10250.5'),
    })
    const page = await run((tx) => metering.listReadings({ tx, accountNumber: 'A-0000ABCD', limit: 50 }))
    expect(page.items.map((item) => item.value)).not.toContain('10100.0')
  })

  it('refuses a reading dated in the future and one that is not a number', async () => {
    await expect(read('DY', '10300', '2026-12-01T09:00:00Z')).rejects.toMatchObject({ code: 'READING_REJECTED' })
    await expect(read('DY', '10,300', '2026-03-01T09:00:00Z')).rejects.toMatchObject({
      code: 'READING_REJECTED',
      details: [expect.objectContaining({ path: 'value' })],
    })
  })

  it('holds a reading that implies far more use than expected, with the reason', async () => {
    const held = await read('DY', '19000', '2026-03-01T09:00:00Z')
    expect(held.status).toBe('held')
    expect(held.reason).toMatch(/implies 8749\.5 kWh over 28 days/)
  })

  it('treats a reading past the dial’s end as a rollover when the usage is plausible', async () => {
    await read('NT', '99900', '2026-01-01T09:00:00Z')
    const rolled = await read('NT', '00150', '2026-01-11T09:00:00Z')
    expect(rolled).toMatchObject({ status: 'accepted', isRollover: true, advance: '250.0' })
  })

  it('recognises the same reading sent twice', async () => {
    const first = await read('NT', '400', '2026-01-20T09:00:00Z')
    const again = await read('NT', '400.0', '2026-01-20T09:00:00Z')
    expect(again.id).toBe(first.id)
  })

  it('lets a held reading be released or discarded once', async () => {
    const page = await run((tx) => metering.listReadings({ tx, accountNumber: 'A-0000ABCD', limit: 50 }))
    const held = page.items.find((item) => item.status === 'held')
    expect(held).toBeDefined()
    await run((tx) =>
      metering.reviewReading({ tx, readingId: held?.id ?? '', decision: 'discard', note: 'typo', actor: agent, at }),
    )
    await expect(
      run((tx) =>
        metering.reviewReading({ tx, readingId: held?.id ?? '', decision: 'release', note: 'x', actor: agent, at }),
      ),
    ).rejects.toMatchObject({ code: 'READING_NOT_HELD' })
  })

  it('estimates a reading from the register’s history and supersedes it when an actual arrives', async () => {
    const estimate = await run((tx) =>
      metering.estimateReading({
        tx,
        meterPointId: e7Id,
        meterSerial: 'E7TRAD01',
        register: 'DY',
        readAt: new Date('2026-03-03T09:00:00Z'),
        actor: agent,
        at,
      }),
    )
    expect(estimate.method).toBe('history')
    expect(estimate.reading).toMatchObject({ source: 'estimated', status: 'accepted' })
    // 250.5 units over 31 days from 10250.5 on 1 Feb: 30 days later about 242.4 more
    expect(Number(estimate.reading.value)).toBeCloseTo(10250.5 + (250.5 / 31) * 30, 0)
    await read('DY', '10450', '2026-03-04T09:00:00Z')
    const page = await run((tx) => metering.listReadings({ tx, accountNumber: 'A-0000ABCD', limit: 50 }))
    expect(page.items.find((item) => item.id === estimate.reading.id)?.status).toBe('superseded')
  })

  it('pages readings newest first with a cursor', async () => {
    const first = await run((tx) => metering.listReadings({ tx, accountNumber: 'A-0000ABCD', limit: 2 }))
    expect(first.items).toHaveLength(2)
    const second = await run((tx) =>
      metering.listReadings({ tx, accountNumber: 'A-0000ABCD', limit: 2, cursor: first.nextCursor ?? undefined }),
    )
    expect(second.items[0]?.readAt.getTime()).toBeLessThanOrEqual(first.items[1]?.readAt.getTime() ?? 0)
    expect(second.items[0]?.id).not.toBe(first.items[1]?.id)
  })
})

describe('meter exchange', () => {
  it('records removal and install readings and moves to the new meter', async () => {
    await run((tx) =>
      metering.submitReading({
        tx,
        meterPointId: gasId,
        meterSerial: 'G4SMART01',
        register: 'S',
        readAt: new Date('2026-05-01T09:00:00Z'),
        value: '5000',
        source: 'smart',
        actor: agent,
        at,
      }),
    )
    await run((tx) =>
      metering.exchangeMeter({
        tx,
        meterPointId: gasId,
        oldSerial: 'G4SMART01',
        on: '2026-06-01',
        removalReadings: [{ register: 'S', value: '5100' }],
        newMeter: { serial: 'G4SMART02', type: 'smart', registers: [{ identifier: 'S', rate: 'standard', digits: 5 }] },
        installReadings: [{ register: 'S', value: '0' }],
        actor: agent,
        at,
      }),
    )
    const points = await run((tx) => metering.meterPointsOfAccount({ tx, accountNumber: 'A-0000ABCD' }))
    const meters = points.find((point) => point.identifier === mprn)?.meters ?? []
    expect(meters.map((meter) => [meter.serial, meter.removedOn])).toEqual([
      ['G4SMART01', '2026-06-01'],
      ['G4SMART02', null],
    ])
    // a low reading on the new meter is fine: it follows the install reading, not the old meter's
    const next = await run((tx) =>
      metering.submitReading({
        tx,
        meterPointId: gasId,
        meterSerial: 'G4SMART02',
        register: 'S',
        readAt: new Date('2026-07-01T09:00:00Z'),
        value: '80',
        source: 'customer',
        actor: agent,
        at,
      }),
    )
    expect(next).toMatchObject({ status: 'accepted', advance: '80.0' })
  })
})

describe('half-hourly ingestion', () => {
  const day = '2025-10-26' // the clocks go back: 50 settlement periods
  const periods = settlementPeriodsOfDay(day)
  const rows = periods.map(
    (period, index) => `${importMpan},${period.startAt.toISOString()},${((index % 5) * 0.1 + 0.1).toFixed(1)},A`,
  )

  const ingest = (text: string) =>
    run((tx) =>
      metering.ingestIntervalCsv({ tx, lines: linesOf(text), fileName: 'test.csv', sha256: null, actor: agent, at }),
    )

  it('stores a clock-change day’s 50 half hours and buckets them into one local day', async () => {
    const summary = await ingest(csv(rows))
    expect(summary).toMatchObject({ total: 50, inserted: 50, revised: 0, unchanged: 0, rejected: 0 })
    const usage = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: day, to: addDays(day, 1), granularity: 'day' }),
    )
    expect(usage.items).toHaveLength(1)
    expect(usage.items[0]).toMatchObject({ label: day, intervals: 50 })
    const half = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: day, to: addDays(day, 1), granularity: 'halfhour' }),
    )
    expect(half.items).toHaveLength(50)
    expect(half.items[49]?.label).toBe(`${day} P50`)
    expect(half.totalKwh).toBe(usage.totalKwh)
  })

  it('changes nothing when the same file comes twice', async () => {
    const summary = await ingest(csv(rows))
    expect(summary).toMatchObject({ total: 50, inserted: 0, revised: 0, unchanged: 50 })
  })

  it('replaces a corrected value and records the change', async () => {
    const corrected = [...rows]
    corrected[3] = `${importMpan},${periods[3]?.startAt.toISOString()},9.999,A`
    const summary = await ingest(csv(corrected))
    expect(summary).toMatchObject({ inserted: 0, revised: 1, unchanged: 49 })
    const { rows: revisions } = await sql<{
      old_kwh: string
      new_kwh: string
    }>`select old_kwh, new_kwh from interval_revisions`.execute(database.db)
    expect(revisions).toEqual([{ old_kwh: '0.400', new_kwh: '9.999' }])
  })

  it('never lets an estimate replace an actual', async () => {
    const estimate = [`${importMpan},${periods[0]?.startAt.toISOString()},5,E`]
    const summary = await ingest(csv(estimate))
    expect(summary).toMatchObject({ inserted: 0, revised: 0, unchanged: 1 })
  })

  it('keeps the good rows and reports every bad one with its line and reason', async () => {
    const spring = settlementPeriodsOfDay('2026-03-29') // the clocks go forward: 46 periods
    const text = csv([
      `${importMpan},${spring[0]?.startAt.toISOString()},0.2,A`,
      `${otherMpan},${spring[1]?.startAt.toISOString()},0.2,A`,
      `${importMpan},not-a-time,0.2,A`,
      `${importMpan},${spring[2]?.startAt.toISOString()},abc,A`,
      `${importMpan},2099-01-01T00:00:00Z,0.2,A`,
      ...spring.slice(3).map((period) => `${importMpan},${period.startAt.toISOString()},0.3,E`),
    ])
    const summary = await ingest(text)
    expect(summary).toMatchObject({ total: 48, inserted: 44, rejected: 4 })
    expect(summary.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6])
    expect(summary.problems[0]?.message).toMatch(/not known/)
    const usage = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: '2026-03-29', to: '2026-03-30', granularity: 'day' }),
    )
    expect(usage.items[0]).toMatchObject({ intervals: 44, estimated: 43 })
  })

  it('rejects a file with the wrong header whole', async () => {
    await expect(ingest(`mpan,start,value\n${importMpan},2026-01-01T00:00:00Z,0.1,A`)).rejects.toMatchObject({
      code: 'FILE_REJECTED',
    })
  })

  it('lets an actual replace an estimate, recorded as a revision', async () => {
    const spring = settlementPeriodsOfDay('2026-03-29')
    const summary = await ingest(csv([`${importMpan},${spring[10]?.startAt.toISOString()},0.3,A`]))
    expect(summary).toMatchObject({ revised: 1 })
    const usage = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: '2026-03-29', to: '2026-03-30', granularity: 'day' }),
    )
    expect(usage.items[0]).toMatchObject({ intervals: 44, estimated: 42 })
  })

  it('fills gaps with estimates from the meter’s own history, leaving actuals alone', async () => {
    const filled = await run((tx) =>
      metering.fillIntervalGaps({ tx, meterPointId: importId, from: '2026-03-29', to: '2026-03-30', actor: agent, at }),
    )
    expect(filled.inserted).toBe(2)
    const usage = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: '2026-03-29', to: '2026-03-30', granularity: 'day' }),
    )
    expect(usage.items[0]).toMatchObject({ intervals: 46, estimated: 44 })
  })

  it('records export intervals against the export meter point, separately', async () => {
    const start = startOfLocalDay('2026-06-21')
    await ingest(csv([`${exportMpan},${start.toISOString()},1.5,A`]))
    const exported = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: exportId, from: '2026-06-21', to: '2026-06-22', granularity: 'day' }),
    )
    const imported = await run((tx) =>
      metering.usageSeries({ tx, meterPointId: importId, from: '2026-06-21', to: '2026-06-22', granularity: 'day' }),
    )
    expect(exported.totalKwh).toBe('1.5')
    expect(imported.items).toEqual([])
  })

  it('refuses a usage range that is too long for its granularity', async () => {
    await expect(
      run((tx) =>
        metering.usageSeries({
          tx,
          meterPointId: importId,
          from: '2026-01-01',
          to: '2026-03-01',
          granularity: 'halfhour',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_USAGE_RANGE' })
  })
})

describe('half hours read for a billing batch', () => {
  it('come as columns holding exactly what is read one meter point at a time: a short clock-change day, gaps, estimates', async () => {
    // 2025-03-30 has 46 half hours; every seventh is missing and every fifth estimated.
    const from = startOfLocalDay('2025-03-29')
    const to = startOfLocalDay('2025-04-01')
    const rows = ['2025-03-29', '2025-03-30', '2025-03-31']
      .flatMap((date) => settlementPeriodsOfDay(date))
      .map((period, index) => ({
        line: index + 1,
        meterPointId: gasId,
        intervalStart: period.startAt,
        kwh: `${index % 9}.${String((index * 37) % 1000).padStart(3, '0')}`,
        quality: index % 5 === 0 ? ('estimated' as const) : ('actual' as const),
      }))
      .filter((_, index) => index % 7 !== 3)
    await run((tx) => metering.loadIntervals({ tx, ingestionId: 'ing_packed', rows, at }))
    const one = await run((tx) => metering.intervalsForBilling({ tx, meterPointId: gasId, from, to }))
    const many = await run((tx) => metering.intervalsForBillingMany({ tx, meterPointIds: [gasId, importId], from, to }))
    const packed = many.get(gasId)
    expect(packed).toBeDefined()
    expect(many.has(importId)).toBe(false)
    const columns = metering.halfHourColumns(packed!)
    expect(one).toHaveLength(rows.length)
    // In the order read: compared as sets of (start, kWh, quality), and the starts all distinct.
    const asRows = Array.from(columns.startsMs, (ms, i) => ({
      start: new Date(ms),
      kwh: (columns.thousandths[i]! / 1000).toFixed(3),
      quality: columns.estimated[i] === 1 ? 'estimated' : 'actual',
    })).sort((a, b) => a.start.getTime() - b.start.getTime())
    expect(asRows).toEqual(one)
    expect(columns.estimated.reduce((sum, flag) => sum + flag, 0)).toBe(
      rows.filter((row) => row.quality === 'estimated').length,
    )
  })
})
