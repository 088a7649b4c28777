/**
 * Issue 21, item 3 (MET-3, BIL-1): gas in kWh from volume, and the calorific values it uses.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { decimalToString, roundDecimal } from '../../shared/money.js'
import * as metering from './index.js'

describe('gas in kWh from volume', () => {
  it('converts a metric meter’s cubic metres with the correction factor and the calorific value', () => {
    // 1,000.0 m³ × 1.02264 = 1,022.64 m³ corrected; × 39.5 MJ/m³ = 40,394.28 MJ;
    // ÷ 3.6 MJ/kWh = 11,220.6333… kWh → 11,220.633 kWh (3 dp, half up)
    const gas = metering.kwhFromVolume({ volume: '1000.0', unit: 'm3', calorificValueMjPerM3: '39.5' })
    expect(gas).toEqual({
      volume: '1000.0',
      volumeUnit: 'm3',
      cubicMetres: '1000.0',
      correctionFactor: '1.02264',
      calorificValueMjPerM3: '39.5',
      kwh: '11220.633',
    })
    expect(metering.gasConversionText(gas)).toBe(
      '1000.0 m³ × 1.02264 (volume correction) × 39.5 MJ/m³ (calorific value) ÷ 3.6 = 11220.633 kWh',
    )
  })

  it('turns an imperial meter’s hundreds of cubic feet into cubic metres first', () => {
    // 100.0 hcf × 2.83 = 283.000 m³; × 1.02264 = 289.40712 m³ corrected; × 39.2 MJ/m³ =
    // 11,344.759104 MJ; ÷ 3.6 = 3,151.3219733… kWh → 3,151.322 kWh
    const gas = metering.kwhFromVolume({ volume: '100.0', unit: 'hcf', calorificValueMjPerM3: '39.2' })
    expect(gas.cubicMetres).toBe('283.000')
    expect(gas.kwh).toBe('3151.322')
    expect(metering.gasConversionText(gas)).toContain('100.0 hundreds of ft³ × 2.83 = 283.000 m³ × 1.02264')
  })

  it('rounds half up only once, at the end', () => {
    // 0.1 m³ × 1.02264 × 39.5 ÷ 3.6 = 4.0394280 ÷ 3.6 = 1.1220633… kWh → 1.122 kWh
    expect(metering.kwhFromVolume({ volume: '0.1', unit: 'm3', calorificValueMjPerM3: '39.5' }).kwh).toBe('1.122')
  })
})

describe('volume from kWh', () => {
  it('is the exact inverse of kWh from volume', () => {
    // 11,220.633 kWh × 3.6 = 40,394.2788 MJ; ÷ (1.02264 × 39.5 = 40.39428) = 1,000.0000297… m³
    const m3 = metering.unitsFromKwh({ kwh: '11220.633', unit: 'm3', calorificValueMjPerM3: '39.5' })
    expect(decimalToString(roundDecimal(m3, 'half-up', 4))).toBe('1000.0000')
    // 3,151.322 kWh × 3.6 = 11,344.7592 MJ; ÷ (2.83 × 1.02264 × 39.2 = 113.44759104) = 100.0000023… hcf
    const hcf = metering.unitsFromKwh({ kwh: '3151.322', unit: 'hcf', calorificValueMjPerM3: '39.2' })
    expect(decimalToString(roundDecimal(hcf, 'half-up', 4))).toBe('100.0000')
    expect(metering.unitsFromKwh({ kwh: '12.5', unit: 'kWh' })).toEqual({ numerator: 125n, denominator: 10n })
  })
})

let database: Database
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-22T10:00:00Z')
const run = <T>(work: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
  inTransaction(database.db, work)

describe('calorific values by date', () => {
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(async () => {
    await database?.close()
  })

  it('uses 39.5 MJ/m³ where nothing is loaded, and the loaded value on the days it covers', async () => {
    expect(await run((tx) => metering.calorificValueOn({ tx, date: '2025-01-15' }))).toBe('39.5')
    const text = ['valid_from,valid_to,mj_per_m3', '2025-01-01,2025-02-01,39.2', '2025-02-01,2025-03-01,39.85'].join(
      '\n',
    )
    const loaded = await run((tx) => metering.loadCalorificValues({ tx, text, fileName: 'cv.csv', actor: agent, at }))
    expect(loaded).toEqual({ loaded: 2, from: '2025-01-01', to: '2025-03-01' })
    expect(await run((tx) => metering.calorificValueOn({ tx, date: '2025-01-31' }))).toBe('39.2')
    expect(await run((tx) => metering.calorificValueOn({ tx, date: '2025-02-01' }))).toBe('39.85')
    // valid_to is exclusive: 1 March is not covered
    expect(await run((tx) => metering.calorificValueOn({ tx, date: '2025-03-01' }))).toBe('39.5')
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'metering.calorific_values.loaded'`.execute(
      database.db,
    )
    expect(rows[0]?.n).toBe(1)
  })

  it('rejects a file whole, naming each bad line, and loads nothing of it', async () => {
    const text = [
      'valid_from,valid_to,mj_per_m3',
      '2025-03-01,2025-04-01,39.4',
      '2025-04-01,2025-03-15,39.4',
      '2025-05-01,2025-06-01,395',
      '2025-02-15,2025-03-01,39.1',
    ].join('\n')
    const attempt = run((tx) => metering.loadCalorificValues({ tx, text, fileName: 'bad.csv', actor: agent, at }))
    await expect(attempt).rejects.toBeInstanceOf(metering.CalorificValuesRejected)
    const error = (await attempt.catch((e: unknown) => e)) as InstanceType<typeof metering.CalorificValuesRejected>
    const details = error.details as { path: string; message: string }[]
    expect(details.map((problem) => problem.path)).toEqual(['line 3', 'line 4', 'line 5'])
    expect(details[2]?.message).toContain('already loaded from 2025-02-01 to 2025-03-01')
    // the good line 2 was not loaded either
    expect(await run((tx) => metering.calorificValueOn({ tx, date: '2025-03-10' }))).toBe('39.5')
  })
})
