/**
 * Issue 21, items 3 and 10 (MET-3, MET-5): a gas register reading volume is estimated and checked in
 * its own unit, never as if its figures were kWh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import * as metering from './index.js'
import { openMeteringTestAccount } from './testing.js'

let database: Database
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-22T10:00:00Z')
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let accountId = ''
let propertyId = ''

beforeAll(async () => {
  database = await openTestDatabase()
  ;({ accountId, propertyId } = await run((tx) => openMeteringTestAccount(tx, { actor: agent, at })))
}, 120_000)
afterAll(() => database.close())

/** A gas point on meter `serial` (one register S of `unit`) with one actual reading, 1,000.0, at `firstAt`. */
async function gasPoint(n: number, unit: 'm3' | 'hcf', firstAt: string) {
  const serial = `G4UNIT0${n}`
  const [point] = await run((tx) =>
    metering.registerMeterPoints({
      tx,
      actor: agent,
      at,
      meterPoints: [
        {
          fuel: 'gas',
          identifier: String(7_100_000 + n),
          propertyId,
          accountId,
          suppliedFrom: '2024-01-01',
          meters: [
            {
              serial,
              type: 'traditional',
              installedOn: '2023-06-01',
              registers: [{ identifier: 'S', rate: 'standard', digits: 5, unit }],
            },
          ],
        },
      ],
    }),
  )
  const gas = { meterPointId: point?.id ?? '', serial }
  const first = await submit(gas, firstAt, '1000.0')
  expect(first.status).toBe('accepted')
  return gas
}

type GasPoint = { meterPointId: string; serial: string }

/** A customer's reading `value` of the point's register S at `readAt`. */
function submit({ meterPointId, serial }: GasPoint, readAt: string, value: string) {
  return run((tx) =>
    metering.submitReading({
      tx,
      meterPointId,
      meterSerial: serial,
      register: 'S',
      readAt: new Date(readAt),
      value,
      source: 'customer',
      actor: agent,
      at,
    }),
  )
}

/** An estimate of the point's register S at `readAt`. */
function estimate({ meterPointId, serial }: GasPoint, readAt: string) {
  return run((tx) =>
    metering.estimateReading({
      tx,
      meterPointId,
      meterSerial: serial,
      register: 'S',
      readAt: new Date(readAt),
      actor: agent,
      at,
    }),
  )
}

describe('estimating a gas register with no history', () => {
  it('writes the typical home’s use as cubic metres on an m³ register', async () => {
    const point = await gasPoint(1, 'm3', '2026-01-01T00:00:00Z')
    // 1 January to 15 March 2026 (GMT) is 31 + 28 + 14 = 73 days: 9,500 kWh × 73 ÷ 365 = 1,900 kWh.
    // No calorific value loaded for 14 March (the last day of use): 39.5 MJ/m³.
    // 1,900 kWh × 3.6 = 6,840 MJ; ÷ (1.02264 × 39.5 = 40.39428 MJ a m³) = 169.3309… → 169.3 m³
    // 1,000.0 + 169.3 = 1,169.3 (as kWh it would have been 1,000.0 + 1,900.0 = 2,900.0)
    const { reading, method } = await estimate(point, '2026-03-15T00:00:00Z')
    expect(method).toBe('profile')
    expect(reading).toMatchObject({ value: '1169.3', source: 'estimated', status: 'accepted', advance: '169.3' })
  })

  it('writes it as hundreds of cubic feet on an imperial register, with the calorific value in force', async () => {
    await run((tx) =>
      metering.loadCalorificValues({
        tx,
        text: 'valid_from,valid_to,mj_per_m3\n2026-05-01,2026-06-01,39.2\n',
        fileName: 'cv-2026-05.csv',
        actor: agent,
        at,
      }),
    )
    const point = await gasPoint(2, 'hcf', '2026-03-01T00:00:00Z')
    // 1 March to 13 May 2026 (local midnight, 23:00 UTC on the 12th) is 31 + 30 + 12 = 73 days:
    // 1,900 kWh = 6,840 MJ. The last day of use, 12 May, has 39.2 MJ/m³ loaded.
    // One hcf is 2.83 m³ × 1.02264 × 39.2 = 113.44759104 MJ; 6,840 ÷ 113.44759104 = 60.2921… → 60.3
    // 1,000.0 + 60.3 = 1,060.3
    const { reading, method } = await estimate(point, '2026-05-12T23:00:00Z')
    expect(method).toBe('profile')
    expect(reading).toMatchObject({ value: '1060.3', advance: '60.3' })
  })
})

describe('the daily ceiling on an m³ register', () => {
  it('holds a reading above 250 kWh a day’s worth of cubic metres, and accepts one at it', async () => {
    // No history: 250 kWh a day × 3.6 = 900 MJ; ÷ 40.39428 = 22.280382… m³ a day (default 39.5 MJ/m³).
    // Over 10 days: 222.80382… m³ → at most 222.9 m³ (2,229 tenths, rounded up).
    const over = await gasPoint(3, 'm3', '2026-01-01T00:00:00Z')
    // 223.0 m³ in 10 days: 22.3 m³ a day, about 250.2 kWh a day
    const held = await submit(over, '2026-01-11T00:00:00Z', '1223.0')
    expect(held.status).toBe('held')
    expect(held.reason).toBe('implies 223.0 m³ over 10 days (22.3 a day), more than the 22.3 a day expected at most')
    const within = await gasPoint(4, 'm3', '2026-01-01T00:00:00Z')
    // 222.9 m³: within the 2,229 tenths
    const accepted = await submit(within, '2026-01-11T00:00:00Z', '1222.9')
    expect(accepted).toMatchObject({ status: 'accepted', advance: '222.9' })
  })
})
