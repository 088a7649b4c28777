import { describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../db/index.js'
import { catalogueCodes, seedTariffCatalogue } from '../demo/tariff-catalogue.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, settlementPeriodsOfDay } from '../shared/time.js'
import { statementSupplies } from './statement-facts.js'
import { billingTestDatabase, openTestHome } from './testing.js'

const actor = systemActor('test')
const at = new Date('2026-06-08T09:00:00Z')
const database = billingTestDatabase({ seedCatalogue: seedTariffCatalogue, actor, at })
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
const goTariff = `E-1R-${catalogueCodes.go}-A`
let serial = 0

/** A smart home in region _A on Egg Go from 2026-06-01, with half-hourly data for its first week. */
async function goHome(kwhAt: (start: Date) => string) {
  serial += 1
  const number = `A-${String(700 + serial).padStart(8, '0')}`
  const mpan = metering.withCheckDigit(`10${String(700 + serial).padStart(10, '0')}`)
  const meterSerial = `21E${String(700 + serial).padStart(7, '0')}`
  const home = await openTestHome(database.db, {
    number,
    customer: { kind: 'person', title: 'Ms', givenName: 'Test', familyName: `Smart${serial}` },
    property: { line1: `${serial} Fen Road` },
    openedOn: '2026-06-01',
    meterPoints: [{ fuel: 'electricity', identifier: mpan, meterSerial, type: 'smart', tariffCode: goTariff }],
    actor,
    at,
  })
  const rows: metering.IntervalToStage[] = []
  for (let date = '2026-06-01'; date < '2026-06-08'; date = addDays(date, 1)) {
    for (const period of settlementPeriodsOfDay(date)) {
      rows.push({
        line: rows.length + 1,
        meterPointId: home.meterPointId,
        intervalStart: period.startAt,
        kwh: kwhAt(period.startAt),
        quality: 'actual',
      })
    }
  }
  await run((tx) => metering.loadIntervals({ tx, ingestionId: `ing_${number}`, rows, at }))
  return { ...home, number, meterSerial }
}

/** Whether a half hour starts in Go's off-peak window, 00:30–05:30 London time (BST in June: 23:30–04:30 UTC). */
const offPeak = (start: Date) => {
  const minute = start.getUTCHours() * 60 + start.getUTCMinutes()
  return minute >= 23 * 60 + 30 || minute < 4 * 60 + 30
}

async function billAndDescribe(home: { accountId: string; number: string }) {
  const { statement } = await run((tx) =>
    billing.billAccount({ tx, accountId: home.accountId, on: '2026-06-08', kind: 'periodic', actor, at }),
  )
  return run(async (tx) => {
    const detail = await billing.getStatement({ tx, number: statement.number })
    return statementSupplies({ tx, accountNumber: home.number, statement: detail })
  })
}

describe('what a statement says of a half-hourly supply on a time-of-use tariff', () => {
  it('gives the tariff’s comparison rate whenever the customer used energy, and the register reads nearest the period’s ends', async () => {
    // One home uses 1 kWh every off-peak half hour and nothing else; the other 1 kWh every peak half hour.
    const night = await goHome((start) => (offPeak(start) ? '1.000' : '0.000'))
    const day = await goHome((start) => (offPeak(start) ? '0.000' : '1.000'))
    // The night home's meter also sent register reads: one the morning the period starts, an
    // estimate the day after it ends, and one too far before the period to count.
    const submitted = new Date('2026-06-10T09:00:00Z')
    for (const [readAt, value, source] of [
      ['2026-04-01T08:00:00Z', '5000.0', 'smart'],
      ['2026-06-01T08:00:00Z', '5210.0', 'smart'],
      ['2026-06-09T08:00:00Z', '5280.0', 'estimated'],
    ] as const) {
      await run((tx) =>
        metering.submitReading({
          tx,
          meterPointId: night.meterPointId,
          meterSerial: night.meterSerial,
          register: 'S',
          readAt: new Date(readAt),
          value,
          source,
          actor,
          at: submitted,
        }),
      )
    }

    const [nightSupply] = await billAndDescribe(night)
    const [daySupply] = await billAndDescribe(day)

    // Egg Go in region _A, Direct Debit, VAT included: off-peak 8.10p × 1.05 = 8.505p for 00:30–05:30
    // (10 of a day's 48 half hours), peak 25.00p × 1.05 = 26.25p for the other 38, standing charge
    // 47.00p × 1.05 = 49.35p a day. Every day of 1–8 June has 48 half hours, so on a flat profile the
    // mean unit price is (10 × 8.505 + 38 × 26.25) ÷ 48 = 1,082.55 ÷ 48 = 22.553125p.
    // At 2,500 kWh a year: (2,500 × 22.553125 + 365 × 49.35) ÷ 2,500 = (56,382.8125 + 18,012.75) ÷ 2,500
    //   = 29.758225 → 29.76p/kWh, for both homes although one used only off-peak and the other only peak.
    expect(nightSupply).toMatchObject({
      tariffComparisonRate: '29.76',
      tariffComparisonBasis: '2,500 kWh a year, used evenly through the day',
    })
    expect(daySupply).toMatchObject({ tariffComparisonRate: '29.76' })
    // Their own years differ: the night home's projection is far cheaper than the day home's.
    expect(nightSupply?.projectedAnnualCostMinor).toBeLessThan(daySupply?.projectedAnnualCostMinor ?? 0n)

    expect(nightSupply).toMatchObject({
      billedFrom: 'half_hourly',
      readings: [
        {
          register: 'S',
          from: { value: '5210.0', on: '2026-06-01', estimated: false },
          to: { value: '5280.0', on: '2026-06-09', estimated: true },
        },
      ],
    })
    // No register reads at all: the statement says it is billed from half-hourly data, with no readings.
    expect(daySupply).toMatchObject({ billedFrom: 'half_hourly', readings: [] })
  })
})
