/**
 * The demo's smart meters report each day (for `cuttle simulate --demo-data`): the half-hourly homes
 * send the day before's half hours (and export), the car's charging is recorded as dispatches, and on
 * the 1st of a month and on the bill day the electricity and gas registers are read, each read the last one plus what was
 * used since, so the registers keep climbing as the half hours say. A day already reported is left as
 * it is. Deterministic from the seed and the day.
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import { addDecimals, type DecimalInput, decimal, decimalToString, roundDecimal } from '../shared/money.js'
import { addDays, localDateOf, startOfLocalDay } from '../shared/time.js'
import { demoAccountNumber } from './people.js'
import {
  demoBillDay,
  demoMpan,
  demoMprn,
  demoSerial,
  isReadingDay,
  loadDemoHalfHours,
  smartHomeAwaitingData,
  supplyShape,
} from './supply.js'
import { householdSeries, random } from './usage.js'

/** Gas used a day, in tenths of a cubic metre: more in winter, with the day's weather. */
function gasTenthsOn(seed: number, index: number, date: string): bigint {
  const next = random(seed * 7_000_003 + index * 31 + Number(date.replaceAll('-', '')))
  const month = Number(date.slice(5, 7))
  const winter = month <= 3 || month >= 11 ? 4.0 : month === 4 || month === 10 ? 2.5 : 1.1
  return BigInt(Math.round(winter * (0.7 + next() * 0.6) * 10))
}

/** The newest reading of a meter point's register, or null. */
async function lastRead(tx: Tx, accountNumber: string, identifier: string) {
  const { items } = await metering.listReadings({ tx, accountNumber, meterPoint: identifier, limit: 1 })
  return items[0] ?? null
}

/** A register read: the last one plus what was used, to a tenth, half-up, exactly. */
const readAfter = (last: string, used: DecimalInput) =>
  decimalToString(roundDecimal(addDecimals(last, used), 'half-up', 1))

/**
 * The first `usageAccounts` demo accounts' smart meters report the day before `on`. Answers how many
 * half hours arrived. @throws what the metering module throws for data it refuses
 */
export async function arriveDemoMeterData({
  db,
  seed,
  on,
  usageAccounts,
  actor,
  at,
}: {
  db: Db
  seed: number
  on: string
  usageAccounts: number
  actor: Actor
  at: Date
}): Promise<number> {
  const day = addDays(on, -1)
  let arrived = 0
  for (let index = 0; index < usageAccounts; index++) {
    const shape = supplyShape(index)
    if (!shape.smart) continue
    arrived += await inTransaction(db, async (tx) => {
      const accountNumber = demoAccountNumber({ seed, index })
      const home = await smartHomeAwaitingData(tx, { seed, index, on })
      if (!home) return 0
      const { account, region, importPoint } = home
      const exportPoint = shape.solar
        ? await metering.findMeterPoint({ tx, identifier: demoMpan(region, index, 'export') })
        : undefined
      const series = householdSeries(
        { seed: seed + Number(day.replaceAll('-', '')), index, ev: shape.ev, solar: shape.solar },
        day,
        on,
      )
      const loaded = await loadDemoHalfHours({
        tx,
        accountId: account.id,
        accountNumber,
        importPointId: importPoint.id,
        exportPointId: exportPoint?.id ?? null,
        series,
        ev: shape.ev,
        actor,
        at,
      })
      if (isReadingDay(on, demoBillDay({ seed, index, openedOn: account.openedOn })))
        await readRegisters({ tx, seed, index, accountNumber, importPoint, on, actor, at })
      return loaded
    })
  }
  return arrived
}

/** On the 1st and the bill day: each register read as its last read plus what was used since (gas: the demo's daily use). */
async function readRegisters({
  tx,
  seed,
  index,
  accountNumber,
  importPoint,
  on,
  actor,
  at,
}: {
  tx: Tx
  seed: number
  index: number
  accountNumber: string
  importPoint: { id: string; identifier: string }
  on: string
  actor: Actor
  at: Date
}) {
  const shape = supplyShape(index)
  const readAt = startOfLocalDay(on)
  const electricity = shape.economy7 ? null : await lastRead(tx, accountNumber, importPoint.identifier)
  if (electricity && electricity.readAt < readAt) {
    const used = await metering.usageSeries({
      tx,
      meterPointId: importPoint.id,
      from: localDateOf(electricity.readAt),
      to: on,
      granularity: 'month',
    })
    await metering.submitReading({
      tx,
      meterPointId: importPoint.id,
      meterSerial: demoSerial(index, 'E'),
      register: 'S',
      readAt,
      // Exact: the last read plus the kWh used, rounded half-up to a tenth.
      value: readAfter(electricity.value, used.totalKwh),
      source: 'smart',
      actor,
      at,
    })
  }
  if (!shape.gas) return
  const gasPoint = await metering.findMeterPoint({ tx, identifier: demoMprn(index) })
  const gas = gasPoint ? await lastRead(tx, accountNumber, demoMprn(index)) : null
  if (!gasPoint || !gas || gas.readAt >= readAt) return
  let tenths = 0n
  for (let date = localDateOf(gas.readAt); date < on; date = addDays(date, 1)) tenths += gasTenthsOn(seed, index, date)
  await metering.submitReading({
    tx,
    meterPointId: gasPoint.id,
    meterSerial: demoSerial(index, 'G'),
    register: 'S',
    readAt,
    value: readAfter(gas.value, decimal(tenths, 10n)),
    source: 'smart',
    actor,
    at,
  })
}
