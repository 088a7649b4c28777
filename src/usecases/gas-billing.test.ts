/**
 * Issue 21, item 3 (MET-3, BIL-1): a gas meter that reads volume is billed in kWh, and the statement
 * line shows the conversion (volume, correction factor, calorific value, kWh).
 */
import { describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../db/index.js'
import { seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { billingTestDatabase, openTestHome } from './testing.js'

const actor = systemActor('test')
const at = new Date('2026-11-24T09:00:00Z')
const database = billingTestDatabase({ seedCatalogue: seedTariffCatalogue, actor, at })
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)

/** A gas-only home on the variable tariff from 1 August 2026, read at the start and end of August. */
async function gasHome(n: number, unit: metering.RegisterUnit, opening: string, closing: string) {
  const tariffCode = 'G-1R-VAR-22-11-01-A'
  const serial = `21G000000${n}`
  const { accountId, meterPointId } = await openTestHome(database.db, {
    number: `A-${String(n).padStart(8, '0')}`,
    customer: { kind: 'person', title: 'Ms', givenName: 'Gas', familyName: `Home${n}` },
    property: { line1: `${n} Mill Lane` },
    openedOn: '2026-08-01',
    meterPoints: [
      { fuel: 'gas', identifier: String(4_100_000 + n), meterSerial: serial, type: 'traditional', unit, tariffCode },
    ],
    actor,
    at,
  })
  // Local midnights: 1 August and 1 September 2026 (BST, UTC+1).
  for (const [readAt, value] of [
    ['2026-07-31T23:00:00Z', opening],
    ['2026-08-31T23:00:00Z', closing],
  ] as const) {
    await run((tx) =>
      metering.submitReading({
        tx,
        meterPointId,
        meterSerial: serial,
        register: 'S',
        readAt: new Date(readAt),
        value,
        source: 'customer',
        actor,
        at,
      }),
    )
  }
  const { statement } = await run((tx) =>
    billing.billAccount({ tx, accountId, on: '2026-09-01', kind: 'periodic', actor, at }),
  )
  const full = await run((tx) => billing.getStatement({ tx, number: statement.number }))
  const energy = full.lines.filter((line) => line.kind === 'energy')
  return { energy, full }
}

describe('gas billed in kWh from volume (issue 21, item 3)', () => {
  it('converts a metric meter’s m³ with the default calorific value where none is loaded', async () => {
    // 100.0 m³ used (1,000.0 → 1,100.0); no calorific value loaded: 39.5 MJ/m³.
    // 100.0 × 1.02264 = 102.264; × 39.5 = 4,039.428 MJ; ÷ 3.6 = 1,122.0633… → 1,122.063 kWh
    // (a plausible month: 3.2 m³ a day, under the 22.28 m³ a day a reading is held above)
    const { energy, full } = await gasHome(1, 'm3', '01000.0', '01100.0')
    expect(energy).toHaveLength(1)
    expect(energy[0]?.quantity).toBe('1122.063')
    expect(energy[0]?.source).toMatchObject({
      gas: {
        volume: '100.0',
        volumeUnit: 'm3',
        correctionFactor: '1.02264',
        calorificValueMjPerM3: '39.5',
        kwh: '1122.063',
      },
    })
    expect(energy[0]?.description).toContain(
      '100.0 m³ × 1.02264 (volume correction) × 39.5 MJ/m³ (calorific value) ÷ 3.6 = 1122.063 kWh',
    )
    // the bill explanation (BIL-9) carries the same conversion, once per register advance
    expect(full.explanation.usage[0]?.gasConversions).toEqual([
      {
        volume: '100.0',
        volumeUnit: 'm3',
        cubicMetres: '100.0',
        correctionFactor: '1.02264',
        calorificValueMjPerM3: '39.5',
        kwh: '1122.063',
      },
    ])
  })

  it('converts an imperial meter’s hundreds of ft³ to m³ first, with the loaded calorific value', async () => {
    await run((tx) =>
      metering.loadCalorificValues({
        tx,
        text: 'valid_from,valid_to,mj_per_m3\n2026-08-01,2026-09-01,39.2\n',
        fileName: 'cv-2026-08.csv',
        actor,
        at,
      }),
    )
    // 100.0 hcf used (500.0 → 600.0); August's calorific value 39.2 MJ/m³ (the last day of use is 31 August).
    // 100.0 × 2.83 = 283.000 m³; × 1.02264 = 289.40712; × 39.2 = 11,344.759104 MJ;
    // ÷ 3.6 = 3,151.3219733… → 3,151.322 kWh
    const { energy } = await gasHome(2, 'hcf', '00500.0', '00600.0')
    expect(energy).toHaveLength(1)
    expect(energy[0]?.quantity).toBe('3151.322')
    expect(energy[0]?.source).toMatchObject({
      gas: { volume: '100.0', volumeUnit: 'hcf', cubicMetres: '283.000', calorificValueMjPerM3: '39.2' },
    })
    expect(energy[0]?.description).toContain('100.0 hundreds of ft³ × 2.83 = 283.000 m³ × 1.02264')
  })
})
