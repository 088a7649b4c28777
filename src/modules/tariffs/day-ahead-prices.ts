/**
 * Agile's half-hourly prices from a day-ahead file (issue 22): one CSV row per region and settlement
 * period of a local date, for a dynamic product. A region's day is loaded whole (every period of the
 * date: 46, 48 or 50) before the day begins, and never replaced: the half hours of a dynamic tariff
 * are unique in the database, and customers may already have been told them.
 */
import type { Change } from '../../db/index.js'
import { isLocalDate, settlementPeriodStart, settlementPeriodsOfDay, startOfLocalDay } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { halfHourMs } from './bands.js'
import { cellProblem, completeVat, csvRowReader, splitCsv } from './price-change-rules.js'
import { InvalidPriceChange } from './price-changes.js'
import { decimalPattern, listed, type Problem, tariffCodeOf } from './product-rules.js'
import { setRates } from './rates.js'
import * as store from './store.js'
import type { NewRate } from './types.js'

/** The columns of a day-ahead file, in any order; one of the VAT columns may be left out. */
export const dayAheadColumns = ['product', 'region', 'date', 'period', 'value_exc_vat', 'value_inc_vat'] as const

/** At most this many rows: 14 regions × 50 periods × 7 days. */
export const maxDayAheadRows = 4900

/** One region's day of a day-ahead file, as loaded (or, in a dry run, as it would be). */
export interface DayAheadDay {
  readonly tariffCode: string
  readonly region: string
  readonly date: string
  readonly periods: number
  /** The lowest and highest price of the day, inc VAT. */
  readonly lowestIncVat: string
  readonly highestIncVat: string
}

function toPence(text: string): number {
  return Number(text)
}

/**
 * Check a day-ahead file (and, unless `dryRun`, load it): every row names a dynamic product's
 * tariff in a GSP region, a local date that has not begun, one of its settlement periods, and a
 * price exc or inc VAT (the other worked out at the product's VAT); each region's day is complete
 * and not loaded already. Prices are one for every payment method. Audited with `setRates`' event
 * and a summary `tariffs.dynamic_prices.loaded`.
 * @throws InvalidPriceChange naming each line and column (the first 50)
 */
export async function loadDayAheadPrices({
  tx,
  csv,
  dryRun = false,
  actor,
  at,
}: Change & { csv: string; dryRun?: boolean | undefined }): Promise<{ loaded: number; days: DayAheadDay[] }> {
  const problems: Problem[] = []
  const refuse = () =>
    new InvalidPriceChange(`The day-ahead file has ${problems.length} problem(s); nothing was loaded`, listed(problems))
  const { records, problems: split } = splitCsv(csv)
  problems.push(...split)
  if (problems.length > 0) throw refuse()
  const [header, ...data] = records
  if (!header) throw new InvalidPriceChange('The file is empty', [{ path: 'csv', message: 'it needs a header row' }])
  const names = header.cells.map((name) => name.trim().toLowerCase())
  const index = new Map<string, number>()
  names.forEach((name, i) => {
    if (!(dayAheadColumns as readonly string[]).includes(name))
      problems.push(cellProblem(1, name || `${i + 1}`, `unknown column; the columns are ${dayAheadColumns.join(', ')}`))
    else if (index.has(name)) problems.push(cellProblem(1, name, 'the column is named twice'))
    else index.set(name, i)
  })
  for (const required of ['product', 'region', 'date', 'period'])
    if (!index.has(required)) problems.push(cellProblem(1, required, 'the column is missing'))
  if (!index.has('value_exc_vat') && !index.has('value_inc_vat'))
    problems.push(cellProblem(1, 'value_exc_vat', 'the file needs value_exc_vat, value_inc_vat or both'))
  if (data.length === 0) problems.push({ path: 'csv', message: 'the file has no prices' })
  if (data.length > maxDayAheadRows)
    problems.push({ path: 'csv', message: `at most ${maxDayAheadRows} rows in one file, not ${data.length}` })
  if (problems.length > 0) throw refuse()

  type Row = {
    line: number
    productCode: string
    region: string
    date: string
    period: number
    exc: string | null
    inc: string | null
  }
  const rows: Row[] = []
  for (const record of data) {
    const reader = csvRowReader(record, names, index, problems)
    if (!reader) continue
    const { push, cellOf } = reader
    const { line } = record
    const productCode = cellOf('product').toUpperCase()
    const regionText = cellOf('region').toUpperCase()
    const region = regionText.startsWith('_') ? regionText : `_${regionText}`
    if (!accounts.gspRegionOf(region))
      push('region', `'${cellOf('region')}' is not one of the 14 GSP regions (_A to _P)`)
    const date = cellOf('date')
    let periods = 0
    if (!isLocalDate(date)) push('date', `'${date}' is not a date written YYYY-MM-DD`)
    else {
      periods = settlementPeriodsOfDay(date).length
      if (!(startOfLocalDay(date) > at))
        push('date', `${date} has begun: a day-ahead file prices a day before it starts`)
    }
    const periodText = cellOf('period')
    const period = /^\d{1,2}$/.test(periodText) ? Number(periodText) : Number.NaN
    if (periods > 0 && !(period >= 1 && period <= periods))
      push('period', `'${periodText}' is not a settlement period of ${date} (1 to ${periods})`)
    const exc = cellOf('value_exc_vat') || null
    const inc = cellOf('value_inc_vat') || null
    if (exc === null && inc === null) push('value_exc_vat', 'a price is needed exc or inc VAT')
    if (exc !== null && !decimalPattern.test(exc))
      push('value_exc_vat', `'${exc}' is not pence with at most 4 decimals`)
    if (inc !== null && !decimalPattern.test(inc))
      push('value_inc_vat', `'${inc}' is not pence with at most 4 decimals`)
    rows.push({ line, productCode, region, date, period, exc, inc })
  }
  if (problems.length > 0) throw refuse()

  const codeOf = (row: Row) =>
    tariffCodeOf({ productCode: row.productCode, fuel: 'electricity', registerKind: '1R', region: row.region })
  const tariffs = new Map(
    (await store.tariffsWithProduct(tx, { codes: [...new Set(rows.map(codeOf))] })).map((t) => [t.code, t]),
  )
  const days = new Map<string, { tariff: store.TariffWithProduct; row: Row; periods: Map<number, Row> }>()
  for (const row of rows) {
    const code = codeOf(row)
    const tariff = tariffs.get(code)
    if (!tariff) {
      problems.push(
        cellProblem(row.line, 'product', `there is no tariff ${code} (${row.productCode} in ${row.region})`),
      )
      continue
    }
    if (tariff.structure !== 'dynamic') {
      problems.push(cellProblem(row.line, 'product', `${row.productCode} is not a dynamic (Agile) product`))
      continue
    }
    const key = `${code}|${row.date}`
    const day = days.get(key) ?? days.set(key, { tariff, row, periods: new Map() }).get(key)!
    const earlier = day.periods.get(row.period)
    if (earlier)
      problems.push(cellProblem(row.line, 'period', `period ${row.period} is priced on line ${earlier.line} already`))
    else day.periods.set(row.period, row)
  }
  for (const { tariff, row, periods } of days.values()) {
    const count = settlementPeriodsOfDay(row.date).length
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((period) => !periods.has(period))
    if (missing.length > 0)
      problems.push(
        cellProblem(
          row.line,
          'period',
          `${tariff.code} on ${row.date} lacks period(s) ${missing.join(', ')}: a day is loaded whole (${count} periods)`,
        ),
      )
  }
  if (problems.length > 0) throw refuse()

  const rates: NewRate[] = []
  const summary: DayAheadDay[] = []
  for (const { tariff, row, periods } of days.values()) {
    const dayStart = startOfLocalDay(row.date)
    const stored = await store.ratesOverlapping(tx, {
      tariffIds: [tariff.id],
      kinds: ['dynamic_unit'],
      from: dayStart,
      to: new Date(dayStart.getTime() + periods.size * halfHourMs),
    })
    if (stored.length > 0) {
      problems.push(
        cellProblem(
          row.line,
          'date',
          `${tariff.code} already has prices for ${row.date}; day-ahead prices are never replaced`,
        ),
      )
      continue
    }
    let lowest: string | null = null
    let highest: string | null = null
    for (const priced of [...periods.values()].sort((a, b) => a.period - b.period)) {
      const { valueExcVat, valueIncVat } = completeVat({
        valueExcVat: priced.exc,
        valueIncVat: priced.inc,
        vatPercent: tariff.vat_percent,
      })
      if (lowest === null || toPence(valueIncVat) < toPence(lowest)) lowest = valueIncVat
      if (highest === null || toPence(valueIncVat) > toPence(highest)) highest = valueIncVat
      const validFrom = settlementPeriodStart({ date: priced.date, period: priced.period })
      rates.push({
        tariffCode: tariff.code,
        kind: 'dynamic_unit',
        paymentMethod: null,
        valueExcVat,
        valueIncVat,
        validFrom,
        validTo: new Date(validFrom.getTime() + halfHourMs),
      })
    }
    summary.push({
      tariffCode: tariff.code,
      region: tariff.region,
      date: row.date,
      periods: periods.size,
      lowestIncVat: lowest ?? '0',
      highestIncVat: highest ?? '0',
    })
  }
  if (problems.length > 0) throw refuse()
  if (dryRun) return { loaded: 0, days: summary }
  const { inserted } = await setRates({ tx, rates, actor, at })
  await audit.record(tx, {
    actor,
    action: 'tariffs.dynamic_prices.loaded',
    subject: { type: 'product', id: [...days.values()][0]!.tariff.product_id },
    after: {
      products: [...new Set([...days.values()].map((day) => day.tariff.product_code))],
      days: summary.map((day) => ({ tariff: day.tariffCode, date: day.date, periods: day.periods })),
      rates: inserted,
    },
    at,
  })
  return { loaded: inserted, days: summary }
}
