/**
 * Supplies (MET-1, MET-2): registering a meter point at an account's property with its meter and
 * registers and starting its supply on a date (optionally on a tariff), ending a supply, and
 * exchanging a meter. The account's property comes from accounts, the meter point from metering,
 * the agreement from tariffs: composed here, in the caller's transaction.
 */
import * as accounts from '../modules/accounts/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { isLocalDate, startOfLocalDay } from '../shared/time.js'
import type { AccountCall } from './account-view.js'

export interface RegisterInput {
  readonly identifier: string
  readonly rate: metering.RegisterRate
  /** 5 when absent. */
  readonly digits?: number | undefined
  /** kWh for electricity; m3 (the default) or hcf for gas. */
  readonly unit?: metering.RegisterUnit | undefined
}

export interface MeterInput {
  readonly serial: string
  readonly type: metering.MeterType
  readonly registers: readonly RegisterInput[]
}

/** A meter point to register at the account's property, supplied from `suppliedFrom`. */
export interface SupplyInput {
  readonly fuel: metering.Fuel
  /** MPAN core (13 digits, or the 21-digit full MPAN) or MPRN (6 to 10 digits). */
  readonly identifier: string
  readonly direction?: metering.Direction | undefined
  readonly profileClass?: string | null | undefined
  /** Only for an independent network's MPAN (distributor 24–38) at a property with no region. */
  readonly gspRegion?: string | null | undefined
  readonly suppliedFrom: string
  /** The tariff the point is on from the supply start; none when absent. */
  readonly tariffCode?: string | null | undefined
  readonly meters: readonly MeterInput[]
}

/** The problems of one supply, paths relative to it (`identifier`, `meters.0.registers.1.unit`). */
type Problem = { path: string; message: string }

function problemsOf(error: { details: unknown }): Problem[] {
  return Array.isArray(error.details)
    ? error.details.map((problem: Record<string, unknown>) => ({
        path: String(problem['path'] ?? ''),
        message: String(problem['message'] ?? ''),
      }))
    : []
}

/** The account and its property, open on the supply date. @throws AccountNotKnown, AccountAlreadyClosed */
async function openAccountOf(tx: AccountCall['tx'], accountNumber: string) {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw new metering.AccountNotKnown(`No account ${accountNumber}`)
  if (account.status === 'closed') {
    throw new accounts.AccountAlreadyClosed(`Account ${account.number} was closed on ${account.closedOn ?? '?'}`, {
      closedOn: account.closedOn,
    })
  }
  return account
}

/**
 * What is wrong with a supply for this account before metering checks its identifiers: the supply
 * date (a date, not before the account opened) and, for an MPAN whose distributor fixes its region,
 * a region other than the property's (named on `identifier`).
 */
function supplyProblems(
  supply: SupplyInput,
  account: { number: string; openedOn: string; property: { gspRegion: string | null; postcode: string } },
): Problem[] {
  const problems: Problem[] = []
  if (!isLocalDate(supply.suppliedFrom)) problems.push({ path: 'suppliedFrom', message: 'a date YYYY-MM-DD' })
  else if (supply.suppliedFrom < account.openedOn) {
    problems.push({
      path: 'suppliedFrom',
      message: `on or after ${account.openedOn}, when account ${account.number} opened`,
    })
  }
  const propertyRegion = account.property.gspRegion
  if (supply.fuel === 'electricity') {
    const parsed = metering.parseMpanCore(supply.identifier)
    if (parsed.ok && parsed.gspRegion && propertyRegion && parsed.gspRegion !== propertyRegion) {
      const name = (code: string) => accounts.gspRegionOf(code)?.name ?? code
      problems.push({
        path: 'identifier',
        message: `distributor ${parsed.distributorId} is in region ${parsed.gspRegion} (${name(parsed.gspRegion)}), but the property at ${account.property.postcode} is in ${propertyRegion} (${name(propertyRegion)})`,
      })
    }
    if (supply.gspRegion && propertyRegion && supply.gspRegion !== propertyRegion) {
      problems.push({ path: 'gspRegion', message: `the property is in region ${propertyRegion}` })
    }
  }
  return problems
}

/** The identifier as metering stores it: an MPAN's 13-digit core, an MPRN's digits. */
function normalisedIdentifier(supply: SupplyInput): string {
  const digits = supply.identifier.replace(/\s+/g, '')
  if (supply.fuel !== 'electricity') return digits
  const parsed = metering.parseMpanCore(digits)
  return parsed.ok ? parsed.core : digits
}

function newMeterPoint(
  supply: SupplyInput,
  account: { id: string; property: { id: string; gspRegion: string | null } },
): metering.NewMeterPoint {
  return {
    fuel: supply.fuel,
    identifier: supply.identifier,
    direction: supply.direction ?? 'import',
    profileClass: supply.profileClass ?? null,
    gspRegion: supply.fuel === 'electricity' ? (account.property.gspRegion ?? supply.gspRegion ?? null) : null,
    propertyId: account.property.id,
    accountId: account.id,
    suppliedFrom: supply.suppliedFrom,
    meters: supply.meters.map((meter) => ({
      serial: meter.serial,
      type: meter.type,
      installedOn: supply.suppliedFrom,
      registers: meter.registers.map((register) => ({
        identifier: register.identifier,
        rate: register.rate,
        digits: register.digits ?? 5,
        ...(register.unit ? { unit: register.unit } : {}),
      })),
    })),
  }
}

/**
 * Register meter points at the account's property and supply them to it, each from its date, on
 * its tariff when one is given. Problems are gathered across all of them first (paths prefixed with
 * `prefix(index)`), so nothing is written unless every one is good.
 * @throws metering.InvalidMeterPoint naming each bad field, MeterPointTaken, AccountNotKnown,
 *   AccountAlreadyClosed, and tariffs' errors for a tariff that does not fit
 */
export async function registerSuppliesOf({
  tx,
  accountNumber,
  supplies,
  prefix = (index) => `${index}.`,
  actor,
  at,
}: AccountCall & {
  supplies: readonly SupplyInput[]
  prefix?: (index: number) => string
}): Promise<{ id: string; identifier: string }[]> {
  const account = await openAccountOf(tx, accountNumber)
  const problems = supplies.flatMap((supply, index) =>
    supplyProblems(supply, account).map((problem) => ({ ...problem, path: `${prefix(index)}${problem.path}` })),
  )
  if (problems.length > 0) throw new metering.InvalidMeterPoint('Some supply details are not valid', problems)
  let registered: { id: string; identifier: string }[]
  try {
    registered = await metering.registerMeterPoints({
      tx,
      meterPoints: supplies.map((supply) => newMeterPoint(supply, account)),
      actor,
      at,
    })
  } catch (error) {
    if (error instanceof metering.InvalidMeterPoint) {
      throw new metering.InvalidMeterPoint(
        error.message,
        problemsOf(error).map((problem) => {
          const [index, ...rest] = problem.path.split('.')
          return { ...problem, path: `${prefix(Number(index))}${rest.join('.')}` }
        }),
      )
    }
    if (error instanceof metering.MeterPointTaken && Array.isArray(error.details)) {
      const taken = new Set(error.details.map((problem: Record<string, unknown>) => String(problem['identifier'])))
      throw new metering.MeterPointTaken(
        error.message,
        supplies.flatMap((supply, index) => {
          const identifier = normalisedIdentifier(supply)
          return taken.has(identifier)
            ? [{ path: `${prefix(index)}identifier`, identifier, message: `${identifier} is already registered` }]
            : []
        }),
      )
    }
    throw error
  }
  for (const [index, supply] of supplies.entries()) {
    const point = registered[index]
    if (!point || !supply.tariffCode) continue
    await tariffs.startAgreement({
      tx,
      accountId: account.id,
      meterPointId: point.id,
      tariffCode: supply.tariffCode,
      from: startOfLocalDay(supply.suppliedFrom),
      actor,
      at,
    })
  }
  return registered
}

/**
 * Register one meter point at the account's property and start its supply (the console's and the
 * API's "add a supply"): problems are named by the field of the supply (`identifier`, `meters.0.serial`).
 * @returns the meter point as the account shows it
 */
export async function registerAccountSupply({
  tx,
  accountNumber,
  supply,
  actor,
  at,
}: AccountCall & { supply: SupplyInput }): Promise<metering.MeterPointView> {
  const [point] = await registerSuppliesOf({ tx, accountNumber, supplies: [supply], prefix: () => '', actor, at })
  const views = await metering.meterPointsOfAccount({ tx, accountNumber })
  const view = views.find((candidate) => candidate.id === point?.id)
  if (!view) throw new Error('unreachable: the meter point just registered is on the account')
  return view
}

/**
 * End the account's supply of one of its meter points at the local date `on` (the first day no
 * longer supplied). Tariff agreements are left as they are: billing stops at the supply's end.
 * @throws MeterPointNotOnAccount, InvalidSupplyEnd, SupplyAlreadyEnded
 */
export async function endAccountSupply({
  tx,
  accountNumber,
  identifier,
  on,
  actor,
  at,
}: AccountCall & { identifier: string; on: string }): Promise<{ identifier: string; from: string; to: string }> {
  const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier })
  const ended = await metering.endSupply({
    tx,
    accountId: point.accountId,
    meterPointId: point.meterPointId,
    on,
    actor,
    at,
  })
  return { identifier, from: ended.from, to: ended.to }
}

/**
 * Exchange the meter of one of the account's meter points: removal readings of the old meter,
 * install readings of the new one, on `on`.
 * @throws MeterPointNotOnAccount, InvalidMeter, ReadingRejected
 */
export async function exchangeAccountMeter({
  tx,
  accountNumber,
  identifier,
  exchange,
  actor,
  at,
}: AccountCall & {
  identifier: string
  exchange: {
    readonly on: string
    readonly oldSerial: string
    readonly removalReadings: readonly metering.ExchangeReading[]
    readonly newMeter: MeterInput
    readonly installReadings: readonly metering.ExchangeReading[]
  }
}): Promise<{ meterPoint: metering.MeterPointView; removed: metering.Reading[]; installed: metering.Reading[] }> {
  const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier })
  const { removed, installed } = await metering.exchangeMeter({
    tx,
    meterPointId: point.meterPointId,
    oldSerial: exchange.oldSerial,
    on: exchange.on,
    removalReadings: exchange.removalReadings,
    newMeter: {
      serial: exchange.newMeter.serial,
      type: exchange.newMeter.type,
      registers: exchange.newMeter.registers.map((register) => ({
        identifier: register.identifier,
        rate: register.rate,
        digits: register.digits ?? 5,
        ...(register.unit ? { unit: register.unit } : {}),
      })),
    },
    installReadings: exchange.installReadings,
    actor,
    at,
  })
  const views = await metering.meterPointsOfAccount({ tx, accountNumber })
  const view = views.find((candidate) => candidate.id === point.meterPointId)
  if (!view) throw new Error('unreachable: the meter point is on the account')
  return { meterPoint: view, removed, installed }
}
