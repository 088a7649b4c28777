/**
 * A billing fixture for the run test, the crash test and the billing benchmark: `count` domestic
 * accounts opened on the 1st (so all are due on the 1st), each with a smart meter on the variable
 * tariff and a month of half-hourly data, deterministic from the index.
 */
import { type Db, inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { systemActor } from '../shared/actor.js'
import { addDays, settlementPeriodsOfDay, startOfLocalDay } from '../shared/time.js'
import { seedTariffCatalogue } from './tariff-catalogue.js'

const actor = systemActor('fixture')

export interface BillingFixture {
  /** The date every fixture account is due. */
  readonly on: string
  readonly accountIds: string[]
}

export async function billingFixture({
  db,
  count,
  month = '2026-10',
  batch = 250,
  at = new Date('2026-11-20T09:00:00Z'),
  onProgress,
}: {
  db: Db
  count: number
  /** The month of data, 'YYYY-MM': the accounts are due on the 1st of the next. */
  month?: string
  batch?: number
  at?: Date
  onProgress?: (done: number) => void
}): Promise<BillingFixture> {
  const first = `${month}-01`
  const nextMonth =
    Number(month.slice(5, 7)) === 12
      ? `${Number(month.slice(0, 4)) + 1}-01`
      : `${month.slice(0, 5)}${String(Number(month.slice(5, 7)) + 1).padStart(2, '0')}`
  const on = `${nextMonth}-01`
  await inTransaction(db, async (tx) => {
    await market.configureSupplier({ tx, name: 'Fixture Energy', market: 'gb', actor, at })
    await seedTariffCatalogue({ tx, from: addDays(first, -1), to: first, at, actor })
  })
  const days: string[] = []
  for (let date = first; date < on; date = addDays(date, 1)) days.push(date)
  const periods = days.flatMap((date) => settlementPeriodsOfDay(date))
  // Each batch: the accounts, meter points and agreements in one short transaction (it records audit
  // events, so it holds the chain's lock to its commit), then the month of half hours in another,
  // unaudited, which can load while the next batch's accounts are made.
  const makeBatch = async (start: number): Promise<string[]> => {
    const size = Math.min(batch, count - start)
    const made = await inTransaction(db, async (tx) => {
      const opened = await accounts.createAccounts({
        tx,
        actor,
        at,
        accounts: Array.from({ length: size }, (_, i) => {
          const index = start + i
          return {
            number: `A-${(0x10000000 + index).toString(16).toUpperCase()}`,
            customer: { kind: 'person' as const, title: null, givenName: 'Bill', familyName: `Fixture${index}` },
            property: {
              line1: `${index + 1} Meter Street`,
              town: 'Cambridge',
              postcode: 'CB1 2AB',
              gspRegion: '_A' as const,
            },
            billingAddress: null,
            emails: [],
            phones: [],
            billingMode: 'paperless' as const,
            market: 'gb' as const,
            openedOn: first,
          }
        }),
      })
      const supplies = await Promise.all(
        opened.map((account) => accounts.findAccountSupply({ tx, accountNumber: account.number })),
      )
      const registered = await metering.registerMeterPoints({
        tx,
        actor,
        at,
        meterPoints: opened.map((account, i) => ({
          fuel: 'electricity' as const,
          identifier: metering.withCheckDigit(`10${String(start + i + 1).padStart(10, '0')}`),
          propertyId: supplies[i]?.property.id ?? '',
          accountId: account.id,
          suppliedFrom: first,
          meters: [
            {
              serial: `21F${String(start + i).padStart(7, '0')}`,
              type: 'smart' as const,
              installedOn: '2020-01-01',
              registers: [{ identifier: 'S', rate: 'standard' as const, digits: 5 }],
            },
          ],
        })),
      })
      for (const [i, point] of registered.entries()) {
        await tariffs.startAgreement({
          tx,
          accountId: opened[i]!.id,
          meterPointId: point.id,
          tariffCode: 'E-1R-VAR-22-11-01-A',
          from: startOfLocalDay(first),
          to: null,
          actor,
          at,
        })
      }
      return { accountIds: opened.map((account) => account.id), meterPointIds: registered.map((point) => point.id) }
    })
    const rows: metering.IntervalToStage[] = []
    for (const [i, meterPointId] of made.meterPointIds.entries()) {
      for (const [p, period] of periods.entries()) {
        const kwh = (((start + i) * 7 + p * 13) % 600) / 1000 + 0.05
        rows.push({
          line: rows.length + 1,
          meterPointId,
          intervalStart: period.startAt,
          kwh: kwh.toFixed(3),
          quality: 'actual',
        })
      }
    }
    await inTransaction(db, (tx) => metering.loadIntervals({ tx, ingestionId: `fixture-${start}`, rows, at }))
    return made.accountIds
  }
  const starts: number[] = []
  for (let start = 0; start < count; start += batch) starts.push(start)
  const made = new Map<number, string[]>()
  let done = 0
  const take = async (start: number) => {
    made.set(start, await makeBatch(start))
    done += Math.min(batch, count - start)
    onProgress?.(done)
  }
  // The first batch alone: it makes the month's partitions, which two at once would both try to make.
  const firstStart = starts.shift()
  if (firstStart !== undefined) await take(firstStart)
  const worker = async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) await take(start)
  }
  await Promise.all(Array.from({ length: 2 }, worker))
  const accountIds = [...made.entries()].sort(([a], [b]) => a - b).flatMap(([, ids]) => ids)
  return { on, accountIds }
}
