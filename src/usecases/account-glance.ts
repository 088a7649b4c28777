/**
 * The account at a glance (issue 22 item 6, ACC-3): what the customer owes and what they are on, in
 * the overview's one request. Each part comes only to a caller holding its permission, as the
 * overview's other sections do: the standing (status colour and its reasons), the money (balance,
 * past due, the last statement and payment, the Direct Debit), the supplies (each meter point's
 * meters and the tariff it is on now, with its rates), the vulnerability registers and the open
 * cases. Reads only; the overview records the view.
 */
import type { Db, Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as cases from '../modules/cases/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { localDateOf } from '../shared/time.js'
import type { Allows } from './account-view.js'
import { type AccountStatus, accountStatus } from './collections.js'

/** The parts of the glance, each shown only to a caller holding its permission. */
export const glanceSections = [
  'standing',
  'money',
  'lastStatement',
  'supplies',
  'vulnerabilities',
  'openCases',
] as const
export type GlanceSection = (typeof glanceSections)[number]

export const glanceSectionPermission = {
  standing: 'accounts.account.read',
  money: 'payments.history.read',
  lastStatement: 'billing.statement.read',
  supplies: 'tariffs.tariff.read',
  vulnerabilities: 'accounts.account.read',
  openCases: 'cases.case.read',
} as const satisfies Record<GlanceSection, Parameters<Allows>[0]>

export interface GlanceMoney {
  readonly currency: string
  /** Positive when the customer owes, negative in credit. */
  readonly balanceMinor: bigint
  readonly pastDueMinor: bigint
  readonly oldestPastDueOn: string | null
  readonly nextDueOn: string | null
  readonly lastPayment: {
    readonly confirmationNumber: string
    readonly amountMinor: bigint
    readonly method: string
    readonly status: string
    readonly takenOn: string
  } | null
  readonly directDebit: {
    readonly kind: string
    readonly paymentDay: number
    /** The next collection's date and amount, as the money day will take it. */
    readonly nextCollection: { readonly collectOn: string; readonly amountMinor: bigint } | null
  } | null
}

export interface GlanceStatement {
  readonly number: string
  readonly status: string
  readonly periodFrom: Date
  readonly periodTo: Date
  readonly issuedAt: Date | null
  readonly dueOn: string | null
  readonly totalMinor: bigint
}

export interface GlanceSupply {
  readonly identifier: string
  readonly fuel: metering.Fuel
  readonly direction: metering.Direction
  readonly meters: readonly { readonly serial: string; readonly type: metering.MeterType }[]
  /** The tariff the supply is on today; null when it is on none. */
  readonly tariff: {
    readonly code: string
    readonly productCode: string
    readonly productName: string
    readonly since: Date
    readonly termEndsAt: Date | null
    /** The prices for the way the account pays, inc VAT, in pence. */
    readonly paymentMethod: tariffs.PaymentMethod
    readonly standingCharge: string | null
    readonly unitRates: readonly { readonly name: 'standard' | 'day' | 'night'; readonly incVat: string }[]
  } | null
}

export interface AccountGlance {
  readonly standing?: AccountStatus
  readonly money?: GlanceMoney
  readonly lastStatement?: GlanceStatement | null
  readonly supplies?: readonly GlanceSupply[]
  readonly vulnerabilities?: readonly {
    readonly register: string
    readonly category: string
    readonly reviewOn: string | null
  }[]
  readonly openCases?: {
    /** Open cases counted, up to 20; `more` when there are more. */
    readonly count: number
    readonly more: boolean
    readonly newest: readonly { readonly number: string; readonly type: string; readonly subject: string }[]
  }
}

/** The glance sections a caller may see. Pure; throws nothing. */
export function glanceSectionsFor(allows: Allows): GlanceSection[] {
  return glanceSections.filter((section) => allows(glanceSectionPermission[section]))
}

/** The account at a glance: the parts in `sections`, read as of `at`. Throws only database failures. */
export async function accountGlance({
  tx,
  accountId,
  accountNumber,
  sections,
  at,
}: {
  tx: Tx
  accountId: string
  accountNumber: string
  sections: readonly GlanceSection[]
  at: Date
}): Promise<AccountGlance> {
  const shows = new Set(sections)
  const today = localDateOf(at)
  const directDebit =
    shows.has('money') || shows.has('supplies') ? await payments.directDebitOf({ tx, accountId }) : null
  const [standing, money, lastStatement, supplies, vulnerabilities, openCases] = await Promise.all([
    shows.has('standing') ? accountStatus({ tx, accountId, at }) : undefined,
    shows.has('money') ? moneyOf(tx, accountId, today, directDebit) : undefined,
    shows.has('lastStatement') ? lastStatementOf(tx, accountNumber) : undefined,
    shows.has('supplies')
      ? suppliesOf(tx, accountId, at, directDebit ? 'DIRECT_DEBIT' : 'NON_DIRECT_DEBIT')
      : undefined,
    shows.has('vulnerabilities') ? accounts.vulnerabilitiesOf({ tx, accountId }) : undefined,
    shows.has('openCases') ? openCasesOf(tx, accountId) : undefined,
  ])
  return {
    ...(standing ? { standing } : {}),
    ...(money ? { money } : {}),
    ...(lastStatement !== undefined ? { lastStatement } : {}),
    ...(supplies ? { supplies } : {}),
    ...(vulnerabilities
      ? {
          vulnerabilities: vulnerabilities.map(({ register, category, reviewOn }) => ({
            register,
            category,
            reviewOn,
          })),
        }
      : {}),
    ...(openCases ? { openCases } : {}),
  }
}

async function moneyOf(
  tx: Tx,
  accountId: string,
  today: string,
  directDebit: Awaited<ReturnType<typeof payments.directDebitOf>>,
): Promise<GlanceMoney> {
  const [position, supplier, paid, next] = await Promise.all([
    ledger.collectionsPosition({ tx, accountId, asOf: today }),
    market.getSupplier(tx),
    payments.paymentsOf({ tx, accountId, limit: 1 }),
    directDebit ? payments.nextCollection({ tx, accountId, on: today }) : null,
  ])
  const last = paid.items[0]
  return {
    currency: supplier.profile.currency,
    balanceMinor: position.balanceMinor,
    pastDueMinor: position.pastDueMinor,
    oldestPastDueOn: position.oldestPastDueOn,
    nextDueOn: position.nextDueOn,
    lastPayment: last
      ? {
          confirmationNumber: last.confirmationNumber,
          amountMinor: last.amountMinor,
          method: last.methodLabel ?? last.method,
          status: last.status,
          takenOn: last.takenOn,
        }
      : null,
    directDebit: directDebit
      ? {
          kind: directDebit.kind,
          paymentDay: directDebit.paymentDay,
          nextCollection: next ? { collectOn: next.collectOn, amountMinor: next.amountMinor } : null,
        }
      : null,
  }
}

async function lastStatementOf(tx: Tx, accountNumber: string): Promise<GlanceStatement | null> {
  const latest = (await billing.listStatements({ tx, accountNumber, limit: 1 })).items[0]
  if (!latest) return null
  const { number, status, periodFrom, periodTo, issuedAt, dueOn, totalMinor } = latest
  return { number, status, periodFrom, periodTo, issuedAt, dueOn, totalMinor }
}

/**
 * The account's supplies now, each with its meters and the tariff it is on with its rates for the
 * way the account pays (by Direct Debit or not), as the glance shows them; also the portal's. Throws
 * only database failures.
 */
export async function suppliesOfAccount({ tx, accountId, at }: { tx: Tx; accountId: string; at: Date }) {
  const directDebit = await payments.directDebitOf({ tx, accountId })
  return suppliesOf(tx, accountId, at, directDebit ? 'DIRECT_DEBIT' : 'NON_DIRECT_DEBIT')
}

async function suppliesOf(
  tx: Tx,
  accountId: string,
  at: Date,
  paymentMethod: tariffs.PaymentMethod,
): Promise<GlanceSupply[]> {
  const [points, agreements] = await Promise.all([
    metering.meterPointsOfAccountId({ tx, accountId }),
    tariffs.agreementsOfAccount({ tx, accountId }),
  ])
  const products = new Map<string, Promise<tariffs.ProductDetail>>()
  const productOf = (code: string) => {
    let found = products.get(code)
    if (!found) {
      found = tariffs.getProduct({ tx, code, tariffsActiveAt: at })
      products.set(code, found)
    }
    return found
  }
  const supplies: GlanceSupply[] = []
  for (const point of points) {
    if (point.suppliedTo !== null && point.suppliedTo <= localDateOf(at)) continue
    const agreement = agreements.find(
      (candidate) =>
        candidate.meterPointId === point.id &&
        candidate.validFrom <= at &&
        (candidate.validTo === null || candidate.validTo > at),
    )
    let tariff: GlanceSupply['tariff'] = null
    if (agreement) {
      const prices = (await productOf(agreement.productCode)).tariffs.find((t) => t.code === agreement.tariffCode)
      const variant =
        prices?.variants.find((candidate) => candidate.paymentMethod === paymentMethod) ?? prices?.variants[0]
      const unitRates = (
        [
          ['standard', variant?.standardUnitRate],
          ['day', variant?.dayUnitRate],
          ['night', variant?.nightUnitRate],
        ] as const
      ).flatMap(([name, price]) => (price ? [{ name, incVat: price.incVat }] : []))
      tariff = {
        code: agreement.tariffCode,
        productCode: agreement.productCode,
        productName: agreement.productName,
        since: agreement.validFrom,
        termEndsAt: agreement.termEndsAt,
        paymentMethod: variant?.paymentMethod ?? paymentMethod,
        standingCharge: variant?.standingCharge?.incVat ?? null,
        unitRates,
      }
    }
    supplies.push({
      identifier: point.identifier,
      fuel: point.fuel,
      direction: point.direction,
      meters: point.meters
        .filter((meter) => meter.removedOn === null)
        .map((meter) => ({ serial: meter.serial, type: meter.type })),
      tariff,
    })
  }
  return supplies
}

/** How many open cases the glance counts before it says "more". */
const casesCounted = 20

async function openCasesOf(tx: Db | Tx, accountId: string): Promise<NonNullable<AccountGlance['openCases']>> {
  const { items, nextCursor } = await cases.listCases({
    tx,
    filter: { accountId, statuses: cases.activeStatuses },
    limit: casesCounted,
  })
  return {
    count: items.length,
    more: nextCursor !== null,
    newest: items.slice(0, 3).map((item) => ({ number: item.number, type: item.type, subject: item.subject })),
  }
}
