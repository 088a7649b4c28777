/**
 * The pure rules of a price change (issue 22): reading its CSV (RFC 4180: quoted fields, doubled
 * quotes, CRLF or LF), checking every row and cell, and completing a price given only exc or only
 * inc VAT. Every problem names its line and column. No database, no clock.
 */
import {
  compareDecimals,
  decimalToString,
  multiplyDecimals,
  parseDecimal,
  roundDecimal,
  toDecimal,
} from '../../shared/money.js'
import { addDays } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import { decimalPattern, type Problem } from './product-rules.js'
import type { Fuel, PaymentMethod, RateKind, RegisterKind } from './types.js'
import { fuels, paymentMethods, registerKinds } from './types.js'

/** At most this many rows in one file: 14 regions × 2 fuels × 2 methods × 4 kinds is 224 per product. */
export const maxPriceChangeRows = 5000

/** The kinds a price change sets; dynamic (Agile) prices come from a day-ahead file instead. */
export const priceChangeKinds = [
  'standard_unit',
  'day_unit',
  'night_unit',
  'off_peak_unit',
  'peak_unit',
  'standing_charge',
] as const satisfies readonly RateKind[]

/** The columns a price change's CSV has, in any order; `register` is optional, and one of the VAT columns may be left out. */
export const priceChangeColumns = [
  'product',
  'region',
  'fuel',
  'register',
  'payment_method',
  'kind',
  'value_exc_vat',
  'value_inc_vat',
] as const

/** One row of a price change's CSV, checked: a price of one tariff, kind and payment method. */
export interface PriceRow {
  /** The line of the file (the header is line 1). */
  readonly line: number
  readonly productCode: string
  readonly region: accounts.GspCode
  readonly fuel: Fuel
  readonly registerKind: RegisterKind
  /** Null: one price for every payment method (export). */
  readonly paymentMethod: PaymentMethod | null
  readonly kind: (typeof priceChangeKinds)[number]
  /** As written, or null when the other column carries the price. */
  readonly valueExcVat: string | null
  readonly valueIncVat: string | null
}

/** The problem of a line and column: path `csv.<line>.<column>`, and the message saying both. */
function cellProblem(line: number, column: string, message: string): Problem {
  return { path: `csv.${line}.${column}`, message: `line ${line}, column ${column}: ${message}` }
}

/**
 * Split CSV text into lines of cells with the line each record starts on. Quoted fields may hold
 * commas, doubled quotes and line breaks. Answers the problems instead of throwing.
 */
export function splitCsv(text: string): { records: { line: number; cells: string[] }[]; problems: Problem[] } {
  const records: { line: number; cells: string[] }[] = []
  const problems: Problem[] = []
  let line = 1
  let start = 1
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let wasQuoted = false
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const endRecord = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0] === '' && !wasQuoted)) records.push({ line: start, cells })
    cells = []
    cell = ''
    wasQuoted = false
  }
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    const code = c.charCodeAt(0)
    if (code < 32 && c !== '\n' && c !== '\r' && c !== '\t') {
      problems.push(
        cellProblem(line, `${cells.length + 1}`, `a control character (code ${code}${code === 0 ? ', NUL' : ''})`),
      )
      if (problems.length >= 20) break
      continue
    }
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        cell += c
      }
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
      wasQuoted = true
    } else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\r' && body[i + 1] === '\n') {
      // CRLF: the LF ends the record
    } else if (c === '\n' || c === '\r') {
      endRecord()
      line++
      start = line
    } else cell += c
  }
  if (quoted) problems.push(cellProblem(start, `${cells.length + 1}`, 'a quoted field is never closed'))
  else if (cell !== '' || cells.length > 0 || wasQuoted) endRecord()
  return { records, problems }
}

/**
 * The price of a row exc and inc VAT, both to 4 decimals: the one given, and the other computed at
 * `vatPercent`, rounded half-up to 4 decimals (so setRates' 0.0001p tolerance holds).
 */
export function completeVat({
  valueExcVat,
  valueIncVat,
  vatPercent,
}: {
  valueExcVat: string | null
  valueIncVat: string | null
  vatPercent: string
}): { valueExcVat: string; valueIncVat: string } {
  const factor = multiplyDecimals(toDecimal(vatPercent), { numerator: 1n, denominator: 100n })
  const onePlus = { numerator: factor.denominator + factor.numerator, denominator: factor.denominator }
  // as stored: pence to 4 decimals (exact: the text has at most 4)
  const four = (text: string) => decimalToString(roundDecimal(parseDecimal(text), 'half-up', 4))
  if (valueExcVat !== null && valueIncVat !== null)
    return { valueExcVat: four(valueExcVat), valueIncVat: four(valueIncVat) }
  if (valueExcVat !== null) {
    const inc = roundDecimal(multiplyDecimals(parseDecimal(valueExcVat), onePlus), 'half-up', 4)
    return { valueExcVat: four(valueExcVat), valueIncVat: decimalToString(inc) }
  }
  if (valueIncVat === null) throw new Error('unreachable: a row has a price exc or inc VAT')
  const inc = parseDecimal(valueIncVat)
  const exc = roundDecimal(
    { numerator: inc.numerator * onePlus.denominator, denominator: inc.denominator * onePlus.numerator },
    'half-up',
    4,
  )
  return { valueExcVat: decimalToString(exc), valueIncVat: four(valueIncVat) }
}

/**
 * Read a price change's CSV: a header naming the columns (`priceChangeColumns`, any order, at least
 * one of the VAT columns), then one price per row. Every row and cell is checked; all problems are
 * answered at once (the caller lists the first 50), each naming its line and column.
 */
export function readPriceChangeCsv(
  text: string,
  {
    products,
  }: {
    /** A price cap's levels: the file has no product column, and each row prices each of these products. */
    products?: readonly string[] | undefined
  } = {},
): { rows: PriceRow[]; problems: Problem[] } {
  const { records, problems } = splitCsv(text)
  if (problems.length > 0) return { rows: [], problems }
  const [header, ...data] = records
  if (!header) return { rows: [], problems: [{ path: 'csv', message: 'the file is empty: it needs a header row' }] }
  const names = header.cells.map((name) => name.trim().toLowerCase())
  const index = new Map<string, number>()
  names.forEach((name, i) => {
    if (!(priceChangeColumns as readonly string[]).includes(name))
      problems.push(
        cellProblem(1, name || `${i + 1}`, `unknown column; the columns are ${priceChangeColumns.join(', ')}`),
      )
    else if (index.has(name)) problems.push(cellProblem(1, name, 'the column is named twice'))
    else index.set(name, i)
  })
  for (const required of ['region', 'fuel', 'payment_method', 'kind', ...(products ? [] : ['product'])])
    if (!index.has(required)) problems.push(cellProblem(1, required, 'the column is missing'))
  if (products && index.has('product'))
    problems.push(
      cellProblem(1, 'product', "a price cap's levels name no product: the products that follow it are given"),
    )
  if (!index.has('value_exc_vat') && !index.has('value_inc_vat'))
    problems.push(cellProblem(1, 'value_exc_vat', 'the file needs value_exc_vat, value_inc_vat or both'))
  if (problems.length > 0) return { rows: [], problems }
  if (data.length === 0) return { rows: [], problems: [{ path: 'csv', message: 'the file has no prices' }] }
  if (data.length > maxPriceChangeRows)
    return {
      rows: [],
      problems: [{ path: 'csv', message: `at most ${maxPriceChangeRows} rows in one change, not ${data.length}` }],
    }

  const rows: PriceRow[] = []
  for (const record of data) {
    const reader = csvRowReader(record, names, index, problems)
    if (!reader) continue
    const { push, cellOf } = reader
    const { line } = record
    const productCodes = products ?? [cellOf('product').toUpperCase()]
    if (!products && !/^[A-Z0-9][A-Z0-9-]{0,48}[A-Z0-9]$/.test(productCodes[0]!))
      push('product', `'${cellOf('product')}' is not a product code`)
    const regionText = cellOf('region').toUpperCase()
    const region = regionText.startsWith('_') ? regionText : `_${regionText}`
    if (!accounts.gspRegionOf(region))
      push('region', `'${cellOf('region')}' is not one of the 14 GSP regions (_A to _P)`)
    const fuel = cellOf('fuel').toLowerCase()
    if (!(fuels as readonly string[]).includes(fuel)) push('fuel', `'${cellOf('fuel')}' is not electricity or gas`)
    const kind = cellOf('kind').toLowerCase()
    if (!(priceChangeKinds as readonly string[]).includes(kind))
      push('kind', `'${cellOf('kind')}' is not one of ${priceChangeKinds.join(', ')}`)
    const registerText = cellOf('register').toUpperCase()
    const registerKind = registerText || (kind === 'day_unit' || kind === 'night_unit' ? '2R' : '1R')
    if (!(registerKinds as readonly string[]).includes(registerKind))
      push('register', `'${cellOf('register')}' is not 1R or 2R`)
    const methodText = cellOf('payment_method').toUpperCase()
    const paymentMethod = methodText === '' || methodText === 'ANY' ? null : methodText
    if (paymentMethod !== null && !(paymentMethods as readonly string[]).includes(paymentMethod))
      push('payment_method', `'${cellOf('payment_method')}' is not DIRECT_DEBIT, NON_DIRECT_DEBIT or empty (any)`)
    const exc = cellOf('value_exc_vat') || null
    const inc = cellOf('value_inc_vat') || null
    if (exc === null && inc === null) push('value_exc_vat', 'a price is needed exc or inc VAT')
    if (exc !== null && !decimalPattern.test(exc))
      push('value_exc_vat', `'${exc}' is not pence with at most 4 decimals`)
    if (inc !== null && !decimalPattern.test(inc))
      push('value_inc_vat', `'${inc}' is not pence with at most 4 decimals`)
    if (kind === 'standing_charge' && (exc?.startsWith('-') || inc?.startsWith('-')))
      push(exc !== null ? 'value_exc_vat' : 'value_inc_vat', 'a standing charge is not negative')
    for (const productCode of productCodes)
      rows.push({
        line,
        productCode,
        region: region as accounts.GspCode,
        fuel: fuel as Fuel,
        registerKind: registerKind as RegisterKind,
        paymentMethod: paymentMethod as PaymentMethod | null,
        kind: kind as PriceRow['kind'],
        valueExcVat: exc,
        valueIncVat: inc,
      })
  }
  return { rows: problems.length > 0 ? [] : rows, problems }
}

export { cellProblem }

/**
 * One data row of a CSV read by its header: `cellOf(column)` its trimmed cell ('' when the file has no
 * such column), `push(column, message)` a problem on that line. A row with the wrong number of cells
 * is a problem of its own, and null.
 */
export function csvRowReader(
  { line, cells }: { line: number; cells: string[] },
  names: readonly string[],
  index: ReadonlyMap<string, number>,
  problems: Problem[],
): { push: (column: string, message: string) => void; cellOf: (column: string) => string } | null {
  const push = (column: string, message: string) => problems.push(cellProblem(line, column, message))
  if (cells.length !== names.length) {
    push('*', `${cells.length} cells where the header has ${names.length}`)
    return null
  }
  return {
    push,
    cellOf: (column) => {
      const i = index.get(column)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    },
  }
}

/**
 * A price of a change that rises: it replaces a price in force with a higher one, compared exactly
 * exc VAT. A new price (none in force before it) is not a rise: nobody paid the old one.
 */
export function isRise(price: { readonly oldExcVat: string | null; readonly valueExcVat: string }): boolean {
  return price.oldExcVat !== null && compareDecimals(parseDecimal(price.valueExcVat), parseDecimal(price.oldExcVat)) > 0
}

/** The tariffs of a change (by code, in first-seen order) with a unit rate or standing charge that rises for some payment method. */
export function risingTariffCodes(
  prices: readonly { readonly tariffCode: string; readonly oldExcVat: string | null; readonly valueExcVat: string }[],
): string[] {
  return [...new Set(prices.filter(isRise).map((price) => price.tariffCode))]
}

/**
 * The earliest effective date a rise decided on the local date `day` may take when customers need
 * `noticeDays` days' notice: `noticeDays` days later (decided on 2026-11-20 with 30 days: 2026-12-20).
 */
export function earliestNoticedDate(day: string, noticeDays: number): string {
  return addDays(day, noticeDays)
}
