/**
 * Issue 22, item 3 (MET-1, MET-2): a supply registered through the use case, its meter exchanged
 * mid-period, and the statement spanning the exchange billed from both meters' readings.
 */
import { describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../db/index.js'
import { seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { exchangeAccountMeter, registerAccountSupply } from './supplies.js'
import { billingTestDatabase, openTestHome } from './testing.js'

const actor = systemActor('test')
const at = new Date('2026-11-24T09:00:00Z')
const database = billingTestDatabase({ seedCatalogue: seedTariffCatalogue, actor, at })
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)

describe('a statement across a meter exchange', () => {
  it('bills the removed meter to its removal reading and the new one from its install reading', async () => {
    const accountNumber = 'A-5A5A0001'
    const mpan = metering.withCheckDigit('100000007001')
    const { accountId } = await openTestHome(database.db, {
      number: accountNumber,
      customer: { kind: 'person', givenName: 'Swap', familyName: 'Meters' },
      property: { line1: '1 Exchange Row' },
      openedOn: '2026-08-01',
      meterPoints: [],
      actor,
      at,
    })
    const point = await run((tx) =>
      registerAccountSupply({
        tx,
        accountNumber,
        supply: {
          fuel: 'electricity',
          identifier: mpan,
          suppliedFrom: '2026-08-01',
          tariffCode: 'E-1R-VAR-22-11-01-A',
          meters: [{ serial: 'OLD0001', type: 'traditional', registers: [{ identifier: 'S', rate: 'standard' }] }],
        },
        actor,
        at,
      }),
    )
    expect(point).toMatchObject({ identifier: mpan, gspRegion: '_A', suppliedFrom: '2026-08-01' })
    const read = (serial: string, readAt: string, value: string) =>
      run((tx) =>
        metering.submitReading({
          tx,
          meterPointId: point.id,
          meterSerial: serial,
          register: 'S',
          readAt: new Date(readAt),
          value,
          source: 'customer',
          actor,
          at,
        }),
      )
    // The start of 1 August (BST): 1,000.0 on the old meter.
    await read('OLD0001', '2026-07-31T23:00:00Z', '1000')
    // Exchanged on 15 August: the old meter leaves at 1,100.0, the new one starts at 2.0.
    await run((tx) =>
      exchangeAccountMeter({
        tx,
        accountNumber,
        identifier: mpan,
        exchange: {
          on: '2026-08-15',
          oldSerial: 'OLD0001',
          removalReadings: [{ register: 'S', value: '1100' }],
          newMeter: { serial: 'NEW0002', type: 'smart', registers: [{ identifier: 'S', rate: 'standard' }] },
          installReadings: [{ register: 'S', value: '2' }],
        },
        actor,
        at,
      }),
    )
    // The start of 1 September: 152.0 on the new meter.
    await read('NEW0002', '2026-08-31T23:00:00Z', '152')

    const { statement } = await run((tx) =>
      billing.billAccount({ tx, accountId, on: '2026-09-01', kind: 'periodic', actor, at }),
    )
    const full = await run((tx) => billing.getStatement({ tx, number: statement.number }))
    const energy = full.lines.filter((line) => line.kind === 'energy')
    // 100.0 kWh on the old meter (1,000.0 → 1,100.0) and 150.0 on the new (2.0 → 152.0): 250 kWh,
    // not an estimate for the removed meter and not 152 − 1,000.
    const total = energy.reduce((sum, line) => sum + Number(line.quantity), 0)
    expect(total).toBe(250)
    expect(full.closingReadings.every((reading) => !reading.estimated)).toBe(true)
    expect(full.closingReadings.map((reading) => reading.value).sort()).toEqual(['1100.0', '152.0'])
  })
})
