import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import * as audit from '../audit/index.js'
import * as metering from './index.js'
import { openMeteringTestAccount } from './testing.js'

let database: Database
const agent = { kind: 'staff', id: 'usr_agent' } as const
const migration = { kind: 'system', id: 'migration' } as const
const at = new Date('2026-11-22T10:00:00Z')
const transferAt = new Date('2026-11-12T00:00:00Z')
let accountId: string

/** Two homes on the test account made alike: one has its readings one at a time, the other in bulk. */
const twins = {
  single: { mpan: metering.withCheckDigit('100000000001'), mprn: '7654321', e7: 'E7SINGLE', gas: 'GASSINGLE' },
  bulk: { mpan: metering.withCheckDigit('100000000002'), mprn: '7654322', e7: 'E7BULK', gas: 'GASBULK' },
}
type Twin = (typeof twins)[keyof typeof twins]
const ids = new Map<string, string>()

const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)

/** The twin's transfer readings: day and night of its Economy 7 meter and its gas meter. */
function transferReadings(twin: Twin): metering.TransferReading[] {
  const on = (identifier: string) => ids.get(identifier) ?? ''
  return [
    { meterPointId: on(twin.mpan), meterSerial: twin.e7, register: 'DY', readAt: transferAt, value: '12000.0' },
    { meterPointId: on(twin.mpan), meterSerial: twin.e7, register: 'NT', readAt: transferAt, value: '100' },
    { meterPointId: on(twin.mprn), meterSerial: twin.gas, register: 'S', readAt: transferAt, value: '2000.5' },
  ]
}

/** Every reading of the twin's meter points, as what was recorded (without ids), in order. */
async function readingsOf(tx: Tx, twin: Twin) {
  const { rows } = await sql<Record<string, unknown>>`
    select p.fuel, g.identifier as register, r.read_at, r.value::text as value, r.source, r.kind, r.status,
      r.reason, r.advance::text as advance, r.is_rollover, r.ingestion_id, r.actor_kind, r.actor_id, r.created_at
    from register_readings r join registers g on g.id = r.register_id join meter_points p on p.id = r.meter_point_id
    where p.identifier in (${twin.mpan}, ${twin.mprn})
    order by p.fuel, g.identifier, r.read_at, r.source`.execute(tx)
  return rows
}

beforeAll(async () => {
  database = await openTestDatabase()
  const opened = await run((tx) => openMeteringTestAccount(tx, { actor: agent, at }))
  accountId = opened.accountId
  const base = { propertyId: opened.propertyId, accountId, suppliedFrom: '2024-01-01' }
  for (const twin of Object.values(twins)) {
    const registered = await run((tx) =>
      metering.registerMeterPoints({
        tx,
        actor: agent,
        at,
        meterPoints: [
          {
            ...base,
            fuel: 'electricity',
            identifier: twin.mpan,
            profileClass: '02',
            meters: [
              {
                serial: twin.e7,
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
            ...base,
            fuel: 'gas',
            identifier: twin.mprn,
            meters: [
              {
                serial: twin.gas,
                type: 'traditional',
                installedOn: '2020-01-01',
                registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
              },
            ],
          },
        ],
      }),
    )
    for (const point of registered) ids.set(point.identifier, point.id)
    // What the old supplier read: the day register's own pace, the night register near the end of
    // its dial, and an estimate since that the transfer reading supersedes.
    const earlier = [
      { register: 'DY', readAt: new Date('2026-08-01T00:00:00Z'), value: '10000.0', source: 'field' as const },
      { register: 'DY', readAt: new Date('2026-10-01T00:00:00Z'), value: '10300.0', source: 'field' as const },
      { register: 'NT', readAt: new Date('2026-10-01T00:00:00Z'), value: '99900.0', source: 'field' as const },
      { register: 'NT', readAt: new Date('2026-11-01T00:00:00Z'), value: '99950.0', source: 'estimated' as const },
    ]
    for (const reading of earlier) {
      await run((tx) =>
        metering.submitReading({
          tx,
          meterPointId: ids.get(twin.mpan) ?? '',
          meterSerial: twin.e7,
          ...reading,
          actor: agent,
          at,
        }),
      )
    }
  }
})

afterAll(async () => {
  await database?.close()
})

describe('transfer readings recorded in bulk', () => {
  it('records what submitting each reading alone records: held, rolled over, superseding an estimate', async () => {
    for (const reading of transferReadings(twins.single)) {
      await run((tx) => metering.submitReading({ tx, ...reading, source: 'transfer', actor: migration, at }))
    }
    const result = await run((tx) =>
      metering.recordTransferReadings({ tx, readings: transferReadings(twins.bulk), actor: migration, at }),
    )
    expect(result).toEqual({ recorded: 3, held: 1, unchanged: 0 })
    const single = await run((tx) => readingsOf(tx, twins.single))
    const bulk = await run((tx) => readingsOf(tx, twins.bulk))
    expect(bulk).toEqual(single)
    // The rules did decide: the day read is held, the night one rolled over and its estimate superseded.
    expect(bulk.map((row) => [row.register, row.source, row.status, row.advance, row.is_rollover])).toEqual([
      ['DY', 'field', 'accepted', null, false],
      ['DY', 'field', 'accepted', '300.0', false],
      ['DY', 'transfer', 'held', '1700.0', false],
      ['NT', 'field', 'accepted', null, false],
      ['NT', 'estimated', 'superseded', '50.0', false],
      ['NT', 'transfer', 'accepted', '200.0', true],
      ['S', 'transfer', 'accepted', null, false],
    ])
  })

  it('audits the readings once for the account, naming each of them', async () => {
    const events = await audit.listForAccount({
      db: database.db,
      accountId,
      actionPrefix: 'metering.readings.transferred',
      limit: 10,
    })
    expect(events).toHaveLength(1)
    expect(events[0]?.subjectId).toBe(accountId)
    expect(events[0]?.after).toMatchObject({
      recorded: 3,
      held: 1,
      readings: [
        { meterPoint: twins.bulk.mpan, serial: 'E7BULK', register: 'DY', value: '12000.0', status: 'held' },
        { meterPoint: twins.bulk.mpan, serial: 'E7BULK', register: 'NT', value: '100.0', status: 'accepted' },
        { meterPoint: twins.bulk.mprn, serial: 'GASBULK', register: 'S', value: '2000.5', status: 'accepted' },
      ],
    })
  })

  it('leaves readings already recorded as they are when they come again', async () => {
    const again = await run((tx) =>
      metering.recordTransferReadings({ tx, readings: transferReadings(twins.bulk), actor: migration, at }),
    )
    expect(again).toEqual({ recorded: 0, held: 0, unchanged: 3 })
  })

  it('refuses them all, naming the bad reading and why, and writes nothing when one reading is bad', async () => {
    const later = new Date('2026-11-20T00:00:00Z')
    const [, , gas] = transferReadings(twins.bulk)
    const readings: metering.TransferReading[] = [
      { ...(gas as metering.TransferReading), readAt: later, value: '2010.0' },
      // Lower than the day register's last counting read (the held 12000.0 does not count).
      {
        meterPointId: ids.get(twins.bulk.mpan) ?? '',
        meterSerial: 'E7BULK',
        register: 'DY',
        readAt: later,
        value: '5000',
      },
    ]
    await run(async (tx) => {
      const before = await readingsOf(tx, twins.bulk)
      const refused = await metering
        .recordTransferReadings({ tx, readings, actor: migration, at })
        .catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(metering.ReadingRejected)
      expect((refused as InstanceType<typeof metering.ReadingRejected>).details).toEqual([
        {
          path: '1.value',
          message: `${twins.bulk.mpan}: 5000.0 is lower than the previous reading 10300.0 on 2026-10-01`,
        },
      ])
      expect(await readingsOf(tx, twins.bulk)).toEqual(before)
    })
  })

  it('refuses a second transfer reading of the same register in one call', async () => {
    const [, , gas] = transferReadings(twins.bulk) as [unknown, unknown, metering.TransferReading]
    const refused = await run((tx) =>
      metering.recordTransferReadings({
        tx,
        readings: [
          { ...gas, readAt: new Date('2026-11-20T00:00:00Z'), value: '2010.0' },
          { ...gas, readAt: new Date('2026-11-21T00:00:00Z'), value: '2012.0' },
        ],
        actor: migration,
        at,
      }),
    ).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(metering.ReadingRejected)
    expect((refused as InstanceType<typeof metering.ReadingRejected>).details).toMatchObject([{ path: '1.register' }])
  })
})
