/**
 * Supplies in bulk (issue 22, item 3): a CSV of one row per register,
 *
 *   account_number,mpan_mprn,fuel,meter_serial,meter_type,register_id,rate,unit,supply_start
 *
 * checked whole and loaded in one transaction: every problem is named by its line and column, and a
 * file with any problem changes nothing. The rows of one meter point (its MPAN or MPRN) give one
 * meter with its registers and must agree on the account, fuel, meter and supply start. Each
 * account's meter points are registered at its property, as `registerAccountSupply` does one.
 */
import { type Db, inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { isLocalDate } from '../shared/time.js'
import { registerSuppliesOf, type SupplyInput } from './supplies.js'

export const suppliesCsvColumns = [
  'account_number',
  'mpan_mprn',
  'fuel',
  'meter_serial',
  'meter_type',
  'register_id',
  'rate',
  'unit',
  'supply_start',
] as const
type Column = (typeof suppliesCsvColumns)[number]
export const suppliesCsvHeader = suppliesCsvColumns.join(',')

/** One problem of a supplies file: its line (1 is the header) and column ('' for the whole line). */
export type SupplyFileProblem = {
  readonly line: number
  readonly column: Column | ''
  /** `line 3 fuel`, for callers that show problems by path. */
  readonly path: string
  readonly message: string
}

/** A supplies file with a problem: nothing was loaded. `details` names every problem by line and column. */
export class SuppliesFileRejected extends withCode(ValidationFailed, 'SUPPLIES_FILE_REJECTED') {}

const maxRows = 10_000

interface Row {
  readonly line: number
  readonly fields: Readonly<Record<Column, string>>
}

/** A meter point of the file: its rows (one a register) and the supply they make. */
interface PointOfFile {
  readonly accountNumber: string
  readonly rows: Row[]
  supply: SupplyInput
}

function problemAt(line: number, column: Column | '', message: string): SupplyFileProblem {
  return { line, column, path: column ? `line ${line} ${column}` : `line ${line}`, message }
}

/** Check every row on its own and gather the rows of each meter point. Pure. */
function readFile(text: string, problems: SupplyFileProblem[]): PointOfFile[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop()
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase())
  if (header.join(',') !== suppliesCsvHeader) {
    problems.push(problemAt(1, '', `the header must be ${suppliesCsvHeader}`))
    return []
  }
  if (lines.length < 2) {
    problems.push(problemAt(1, '', 'the file has no rows'))
    return []
  }
  if (lines.length - 1 > maxRows) {
    problems.push(problemAt(1, '', `at most ${maxRows} rows a file, not ${lines.length - 1}`))
    return []
  }
  const points = new Map<string, PointOfFile>()
  for (const [index, text] of lines.entries()) {
    if (index === 0) continue
    const line = index + 1
    if (text.trim() === '') {
      problems.push(problemAt(line, '', 'an empty line'))
      continue
    }
    const values = text.split(',').map((value) => value.trim())
    if (values.length !== suppliesCsvColumns.length) {
      problems.push(problemAt(line, '', `${suppliesCsvColumns.length} columns are needed, not ${values.length}`))
      continue
    }
    const fields = Object.fromEntries(suppliesCsvColumns.map((column, at) => [column, values[at] ?? ''])) as Record<
      Column,
      string
    >
    const before = problems.length
    const bad = (column: Column, message: string) => problems.push(problemAt(line, column, message))
    const accountNumber = fields.account_number.toUpperCase()
    if (!/^A-[0-9A-F]{8}$/.test(accountNumber)) bad('account_number', 'an account number like A-1F2E3D4C')
    const fuel = fields.fuel.toLowerCase()
    let identifier = fields.mpan_mprn.replace(/\s+/g, '')
    if (fuel === 'electricity') {
      const parsed = metering.parseMpanCore(identifier)
      if (parsed.ok) identifier = parsed.core
      else bad('mpan_mprn', parsed.reason)
    } else if (fuel === 'gas') {
      const parsed = metering.parseMprn(identifier)
      if (!parsed.ok) bad('mpan_mprn', parsed.reason)
    } else bad('fuel', 'electricity or gas')
    if (!/^[A-Za-z0-9-]{1,20}$/.test(fields.meter_serial)) {
      bad('meter_serial', 'a meter serial is 1 to 20 letters, digits or dashes')
    }
    const type = fields.meter_type.toLowerCase()
    if (!(metering.meterTypes as readonly string[]).includes(type))
      bad('meter_type', 'smart, traditional or prepayment')
    const register = fields.register_id.toUpperCase()
    if (!/^[A-Z0-9]{1,4}$/.test(register)) bad('register_id', 'a register id is 1 to 4 letters or digits')
    const rate = fields.rate.toLowerCase()
    if (!(metering.registerRates as readonly string[]).includes(rate)) {
      bad('rate', `one of ${metering.registerRates.join(', ')}`)
    }
    const unit = fields.unit.toLowerCase() === 'kwh' ? 'kWh' : fields.unit.toLowerCase()
    if (fuel === 'electricity' && unit !== 'kWh') bad('unit', 'an electricity register reads kWh')
    if (fuel === 'gas' && unit !== 'm3' && unit !== 'hcf') bad('unit', 'a gas register reads m3 or hcf')
    if (!isLocalDate(fields.supply_start)) bad('supply_start', 'a date YYYY-MM-DD')
    if (problems.length > before) continue

    const row: Row = { line, fields }
    const known = points.get(identifier)
    if (!known) {
      points.set(identifier, {
        accountNumber,
        rows: [row],
        supply: {
          fuel: fuel as metering.Fuel,
          identifier,
          suppliedFrom: fields.supply_start,
          meters: [
            {
              serial: fields.meter_serial,
              type: type as metering.MeterType,
              registers: [
                { identifier: register, rate: rate as metering.RegisterRate, unit: unit as metering.RegisterUnit },
              ],
            },
          ],
        },
      })
      continue
    }
    // The rows of one meter point are its registers: the rest is said once and must agree.
    const first = known.rows[0]
    const meter = known.supply.meters[0]
    if (!first || !meter) continue
    const differs = (column: Column, value: string, expected: string) => {
      if (value !== expected) bad(column, `${identifier} has ${expected} on line ${first.line}`)
    }
    differs('account_number', accountNumber, known.accountNumber)
    differs('fuel', fuel, known.supply.fuel)
    differs('meter_serial', fields.meter_serial.toUpperCase(), meter.serial.toUpperCase())
    differs('meter_type', type, meter.type)
    differs('supply_start', fields.supply_start, known.supply.suppliedFrom)
    const repeated = known.rows.find((other) => other.fields.register_id.toUpperCase() === register)
    if (repeated) bad('register_id', `register ${register} of ${identifier} is on line ${repeated.line} already`)
    if (problems.length > before) continue
    known.rows.push(row)
    known.supply = {
      ...known.supply,
      meters: [
        {
          ...meter,
          registers: [
            ...meter.registers,
            { identifier: register, rate: rate as metering.RegisterRate, unit: unit as metering.RegisterUnit },
          ],
        },
      ],
    }
  }
  return [...points.values()]
}

/** The line and column of a problem metering or the use case named by its path in a supply. */
function placeOf(point: PointOfFile, path: string): { line: number; column: Column | '' } {
  const first = point.rows[0]?.line ?? 1
  const register = /^meters\.0\.registers\.(\d+)\.(\w+)$/.exec(path)
  if (register) {
    const line = point.rows[Number(register[1])]?.line ?? first
    const field = register[2]
    return { line, column: field === 'rate' ? 'rate' : field === 'unit' ? 'unit' : 'register_id' }
  }
  const columns: Record<string, Column> = {
    identifier: 'mpan_mprn',
    gspRegion: 'mpan_mprn',
    direction: 'mpan_mprn',
    profileClass: 'mpan_mprn',
    suppliedFrom: 'supply_start',
    'meters.0.serial': 'meter_serial',
    'meters.0.type': 'meter_type',
    'meters.0.registers': 'register_id',
  }
  return { line: first, column: columns[path] ?? '' }
}

/**
 * Load a supplies CSV: check it whole, then register each account's meter points at its property,
 * in one transaction.
 * @throws SuppliesFileRejected naming every problem by line and column; nothing is written then
 */
export async function importSupplies({
  db,
  text,
  actor,
  at,
}: {
  db: Db
  text: string
  actor: Actor
  at: Date
}): Promise<{ accounts: number; meterPoints: number; registers: number }> {
  const problems: SupplyFileProblem[] = []
  const points = readFile(text, problems)
  if (problems.length > 0) throw new SuppliesFileRejected(rejection(problems), problems)
  return inTransaction(db, async (tx) => {
    const byAccount = new Map<string, PointOfFile[]>()
    for (const point of points) {
      const list = byAccount.get(point.accountNumber)
      if (list) list.push(point)
      else byAccount.set(point.accountNumber, [point])
    }
    for (const [accountNumber, ofAccount] of byAccount) {
      const named = (message: string) =>
        ofAccount.map((point) => problemAt(point.rows[0]?.line ?? 1, 'account_number', message))
      if (!(await accounts.findAccountSupply({ tx, accountNumber }))) {
        problems.push(...named(`no account ${accountNumber}`))
        continue
      }
      try {
        await registerSuppliesOf({
          tx,
          accountNumber,
          supplies: ofAccount.map((point) => point.supply),
          prefix: (index) => `${index}/`,
          actor,
          at,
        })
      } catch (error) {
        // Every refusal below comes before anything of this account is written, so the transaction
        // goes on to check the other accounts, and is rolled back at the end.
        if (error instanceof accounts.AccountAlreadyClosed) {
          problems.push(...named(error.message))
          continue
        }
        if (!(error instanceof metering.InvalidMeterPoint || error instanceof metering.MeterPointTaken)) throw error
        for (const detail of Array.isArray(error.details) ? error.details : []) {
          const [index, path] = String(detail['path'] ?? '').split('/')
          const point = ofAccount[Number(index)]
          if (!point) continue
          const { line, column } = placeOf(point, path ?? '')
          problems.push(problemAt(line, column, String(detail['message'] ?? error.message)))
        }
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line)
      throw new SuppliesFileRejected(rejection(problems), problems)
    }
    return {
      accounts: byAccount.size,
      meterPoints: points.length,
      registers: points.reduce((sum, point) => sum + point.rows.length, 0),
    }
  })
}

function rejection(problems: readonly SupplyFileProblem[]): string {
  return `The supplies file was not loaded: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}`
}
