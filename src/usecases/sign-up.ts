/**
 * ONB-2 Sign-up: a customer signs up from a quote (or an agent does it for them on the phone). The
 * request is checked whole first (postcode in the quote's region, MPAN check digit and region, MPRN,
 * the product on sale with prices there, its eligibility rules, the bank account), and every problem
 * is named by its field; then ONE transaction opens the account, registers the meter points, starts
 * the agreements, keeps the bank account and sets up the Direct Debit, records the consents in a
 * note and queues the welcome email. A refused request writes nothing.
 *
 * The supply is pending: the industry switch completes it. Metering has no pending state for a
 * supply, so the meter points are supplied to the account from the requested start date (5 working
 * days after sign-up), in the future, and the agreements start then too; the account is open from
 * the day of sign-up. Working days here are Monday to Friday: bank holidays are not counted out.
 */

import { type Db, inTransaction } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { DomainError, NotFound, ValidationFailed, withCode } from '../shared/errors.js'
import { addDecimals, type Decimal, decimal, formatMoney } from '../shared/money.js'
import { addDays, localDateOf, startOfLocalDay } from '../shared/time.js'
import type { DeliveryQueue } from './communications.js'
import { drawAccountNumber } from './open-account.js'
import {
  exactYearPence,
  penceOf,
  productsOnSale,
  regionOfPostcode,
  typicalConsumptionKwh,
  variantFor,
  whyNotQuoted,
} from './quote.js'

/** Some sign-up details are wrong or the product is not one the customer can have: each field named. */
export class SignUpRefused extends withCode(ValidationFailed, 'SIGN_UP_REFUSED') {}
/** No open account signed up with this email within its cooling-off period. */
export class SignUpNotFound extends withCode(NotFound, 'SIGN_UP_NOT_FOUND') {}

/** Days the customer may cancel in after signing up (Consumer Contracts Regulations 2013). */
export const coolingOffDays = 14
/** Working days from sign-up to the requested supply start. */
export const switchWorkingDays = 5

/** The actor of a sign-up made on the public page: no one is signed in. */
export const publicSignUp: Actor = systemActor('public-sign-up')

/**
 * The Direct Debit Guarantee, in the wording the Bacs scheme prescribes: it must be shown in full
 * before a mandate is confirmed. `{supplier}` is the supplier's name.
 */
export function directDebitGuarantee(supplier: string): string {
  return [
    'The Direct Debit Guarantee',
    'This Guarantee is offered by all banks and building societies that accept instructions to pay Direct Debits.',
    `If there are any changes to the amount, date or frequency of your Direct Debit ${supplier} will notify you 10 working days in advance of your account being debited or as otherwise agreed. If you request ${supplier} to collect a payment, confirmation of the amount and date will be given to you at the time of the request.`,
    `If an error is made in the payment of your Direct Debit, by ${supplier} or your bank or building society, you are entitled to a full and immediate refund of the amount paid from your bank or building society.`,
    `If you receive a refund you are not entitled to, you must pay it back when ${supplier} asks you to.`,
    'You can cancel a Direct Debit at any time by simply contacting your bank or building society. Written confirmation may be required. Please also notify us.',
  ].join('\n\n')
}

export type SignUpPayment =
  | {
      readonly method: 'DIRECT_DEBIT'
      readonly accountHolder: string
      /** 6 digits. */
      readonly sortCode: string
      /** 8 digits. */
      readonly accountNumber: string
      /** The customer saw the Direct Debit Guarantee in full and accepts the mandate. */
      readonly guaranteeAcknowledged: boolean
    }
  | { readonly method: 'NON_DIRECT_DEBIT' }

export interface SignUpRequest {
  readonly customer: {
    readonly title?: string | null | undefined
    readonly givenName: string
    readonly familyName: string
    readonly email: string
    readonly phone: string
  }
  readonly supplyAddress: accounts.Address
  /** The region the quote was for: the supply address's postcode and the MPAN must be in it. */
  readonly region: string
  /** The import MPAN: a 13-digit core or the 21-digit full MPAN. */
  readonly mpan: string
  /** The gas MPRN, for a gas supply too. */
  readonly mprn?: string | null | undefined
  /** The import product. */
  readonly productCode: string
  /** An export tariff for the same home, with its export MPAN. */
  readonly exportProductCode?: string | null | undefined
  readonly exportMpan?: string | null | undefined
  /** Declared by the customer: a smart meter that reads half-hourly. */
  readonly hasSmartMeter?: boolean | undefined
  /** Declared by the customer: an electric car or a charger registered with us. */
  readonly hasEvOrCharger?: boolean | undefined
  /** kWh a year, for the estimate in the welcome email; Ofgem's typical medium values when not given. */
  readonly electricityKwh?: number | undefined
  readonly gasKwh?: number | undefined
  readonly payment: SignUpPayment
  readonly consents: { readonly terms: boolean; readonly marketing: boolean }
}

export interface SignUpResult {
  readonly accountNumber: string
  readonly openedOn: string
  /** The requested supply start: pending until the switch completes. */
  readonly supplyStartsOn: string
  readonly supplyStatus: 'pending'
  readonly coolingOffEndsOn: string
  readonly meterPoints: readonly { readonly identifier: string; readonly tariffCode: string }[]
  readonly directDebit: { readonly bankLast4: string; readonly paymentDay: number } | null
  readonly welcomeMessageId: string
}

type Problem = { path: string; message: string }

/** A meter point the sign-up registers, with the tariff it goes on. */
interface SupplyPoint {
  readonly fuel: tariffs.Fuel
  readonly identifier: string
  readonly direction?: 'import' | 'export'
  readonly tariffCode: string
}

/** The date `days` working days (Monday to Friday) after `date`. */
export function addWorkingDays(date: string, days: number): string {
  let day = date
  for (let left = days; left > 0; ) {
    day = addDays(day, 1)
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return day
}

/** One fuel's tariff in the region and its prices for the way of paying, or why not. */
function tariffIn(
  detail: tariffs.ProductDetail,
  fuel: tariffs.Fuel,
  region: string,
  paymentMethod: tariffs.PaymentMethod,
) {
  const tariff = detail.tariffs.find(
    (candidate) => candidate.fuel === fuel && candidate.region === region && candidate.registerKind === '1R',
  )
  if (!tariff) return null
  return { tariff, variant: variantFor(tariff, paymentMethod) ?? null }
}

/** A product on sale by code, or the problem with it under `path`. */
async function productOnSale(
  onSale: readonly tariffs.Product[],
  code: string,
  path: string,
  problems: Problem[],
): Promise<tariffs.Product | null> {
  const product = onSale.find((candidate) => candidate.code === code.trim().toUpperCase())
  if (!product) problems.push({ path, message: `${code} is not a product on sale to homes` })
  return product ?? null
}

interface Checked {
  readonly postcode: string
  readonly region: accounts.GspCode
  readonly mpan: string
  readonly mprn: string | null
  readonly exportMpan: string | null
  readonly product: tariffs.ProductDetail
  readonly exportProduct: tariffs.ProductDetail | null
  readonly electricity: NonNullable<ReturnType<typeof tariffIn>>
  readonly gas: NonNullable<ReturnType<typeof tariffIn>> | null
  readonly exportTariff: NonNullable<ReturnType<typeof tariffIn>> | null
  readonly paymentMethod: tariffs.PaymentMethod
}

/** Every check that needs no write, all problems at once. @throws SignUpRefused */
async function check(db: Db, request: SignUpRequest, at: Date): Promise<Checked> {
  const problems: Problem[] = []
  const region = accounts.gspRegionOf(request.region)?.code
  if (!region) problems.push({ path: 'region', message: 'a GSP region, _A to _P, as the quote gave it' })

  let postcode = request.supplyAddress.postcode
  try {
    const placed = regionOfPostcode(request.supplyAddress.postcode)
    postcode = placed.postcode
    if (region && placed.region !== region && !placed.others.includes(region)) {
      const name = accounts.gspRegionOf(placed.region)?.name ?? placed.region
      problems.push({
        path: 'supplyAddress.postcode',
        message: `${placed.postcode} is in ${name} (${placed.region}), not the quote's region ${region}: ask for a quote for this postcode`,
      })
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    problems.push({ path: 'supplyAddress.postcode', message: 'a full Great Britain postcode, like SW9 8AB' })
  }

  const mpan = metering.parseMpanCore(request.mpan)
  if (!mpan.ok) problems.push({ path: 'mpan', message: mpan.reason })
  else if (region && mpan.gspRegion && mpan.gspRegion !== region) {
    problems.push({
      path: 'mpan',
      message: `distributor ${mpan.distributorId} is in region ${mpan.gspRegion}, not ${region}: check the MPAN on a bill`,
    })
  }
  const mprn = request.mprn ? metering.parseMprn(request.mprn) : null
  if (mprn && !mprn.ok) problems.push({ path: 'mprn', message: mprn.reason })
  const exportMpan = request.exportMpan ? metering.parseMpanCore(request.exportMpan) : null
  if (exportMpan && !exportMpan.ok) problems.push({ path: 'exportMpan', message: exportMpan.reason })
  else if (exportMpan?.ok && mpan.ok && exportMpan.core === mpan.core) {
    problems.push({ path: 'exportMpan', message: 'the export MPAN is a different number from the import MPAN' })
  }

  const paymentMethod: tariffs.PaymentMethod = request.payment.method
  if (request.payment.method === 'DIRECT_DEBIT') {
    if (!request.payment.guaranteeAcknowledged) {
      problems.push({
        path: 'payment.guaranteeAcknowledged',
        message: 'show the Direct Debit Guarantee and confirm it was read',
      })
    }
    if (!/^\d{6}$/.test(request.payment.sortCode.replace(/[\s-]/g, ''))) {
      problems.push({ path: 'payment.sortCode', message: 'a sort code of 6 digits, like 20-00-00' })
    }
    if (!/^\d{8}$/.test(request.payment.accountNumber.replace(/\s/g, ''))) {
      problems.push({ path: 'payment.accountNumber', message: 'a UK account number of 8 digits' })
    }
    if (request.payment.accountHolder.trim() === '') {
      problems.push({ path: 'payment.accountHolder', message: 'the name on the bank account' })
    }
  }
  if (!request.consents.terms)
    problems.push({ path: 'consents.terms', message: 'the terms must be accepted to sign up' })

  // The product, its prices in the region, and its eligibility rules.
  const onSale = await productsOnSale(db, at)
  const chosen = await productOnSale(onSale, request.productCode, 'productCode', problems)
  let product: tariffs.ProductDetail | null = null
  let electricity: ReturnType<typeof tariffIn> = null
  let gas: ReturnType<typeof tariffIn> = null
  if (chosen) {
    if (chosen.direction === 'EXPORT') {
      problems.push({
        path: 'productCode',
        message: 'an export tariff goes in exportProductCode, with the export MPAN',
      })
    } else {
      product = await tariffs.getProduct({ tx: db, code: chosen.code, tariffsActiveAt: at })
      const reason = whyNotQuoted(chosen)
      // Tariffs priced by the time of day or the half hour are billed from half-hourly reads.
      if (reason && chosen.structure !== 'day_night' && request.hasSmartMeter !== true) {
        problems.push({
          path: 'hasSmartMeter',
          message: `${chosen.displayName} needs a smart meter that sends half-hourly readings`,
        })
      }
      if (chosen.structure === 'intelligent' && request.hasEvOrCharger !== true) {
        problems.push({
          path: 'hasEvOrCharger',
          message: `${chosen.displayName} is an EV tariff: it needs an electric car or a charger registered with us`,
        })
      }
      if (region) {
        electricity = tariffIn(product, 'electricity', region, paymentMethod)
        if (!electricity?.variant?.standingCharge) {
          problems.push({
            path: 'productCode',
            message: `${chosen.displayName} has no electricity prices in ${region}`,
          })
        }
        if (request.mprn) {
          gas = tariffIn(product, 'gas', region, paymentMethod)
          if (!gas?.variant?.standingCharge) {
            problems.push({ path: 'mprn', message: `${chosen.displayName} does not supply gas in ${region}` })
          }
        }
      }
    }
  }
  let exportProduct: tariffs.ProductDetail | null = null
  let exportTariff: ReturnType<typeof tariffIn> = null
  if (request.exportProductCode) {
    const chosenExport = await productOnSale(onSale, request.exportProductCode, 'exportProductCode', problems)
    if (chosenExport && chosenExport.direction !== 'EXPORT') {
      problems.push({ path: 'exportProductCode', message: `${chosenExport.displayName} is not an export tariff` })
    } else if (chosenExport) {
      if (!request.exportMpan) {
        problems.push({ path: 'exportMpan', message: `${chosenExport.displayName} needs the home's export MPAN` })
      }
      exportProduct = await tariffs.getProduct({ tx: db, code: chosenExport.code, tariffsActiveAt: at })
      exportTariff = region ? tariffIn(exportProduct, 'electricity', region, 'DIRECT_DEBIT') : null
      if (region && !exportTariff) {
        problems.push({ path: 'exportProductCode', message: `${chosenExport.displayName} has no tariff in ${region}` })
      }
    }
  } else if (request.exportMpan) {
    problems.push({ path: 'exportProductCode', message: 'an export MPAN needs an export tariff to go with it' })
  }

  if (problems.length > 0 || !region || !mpan.ok || !product || !electricity) {
    throw new SignUpRefused('The sign-up cannot go ahead as it is', problems)
  }
  return {
    postcode,
    region,
    mpan: mpan.core,
    mprn: mprn?.ok ? mprn.mprn : null,
    exportMpan: exportMpan?.ok ? exportMpan.core : null,
    product,
    exportProduct,
    electricity,
    gas,
    exportTariff,
    paymentMethod,
  }
}

/** The welcome email's key facts: rates, standing charges and the estimate, written out. */
function keyFacts(checked: Checked, request: SignUpRequest, currency: 'GBP' | 'USD') {
  const supplies: { fuel: tariffs.Fuel; priced: NonNullable<ReturnType<typeof tariffIn>> }[] = [
    { fuel: 'electricity', priced: checked.electricity },
  ]
  if (checked.gas) supplies.push({ fuel: 'gas', priced: checked.gas })
  const unitRates: string[] = []
  const standingCharges: string[] = []
  let exact: Decimal | null = decimal(0n)
  for (const { fuel, priced } of supplies) {
    const variant = priced.variant
    const units = [
      ['', variant?.standardUnitRate],
      ['day ', variant?.dayUnitRate],
      ['night ', variant?.nightUnitRate],
    ] as const
    const shown = units.filter(([, price]) => price).map(([label, price]) => `${label}${price?.incVat}p per kWh`)
    unitRates.push(`${fuel} ${shown.join(', ') || 'by time of day (see your tariff)'}`)
    standingCharges.push(`${fuel} ${variant?.standingCharge?.incVat ?? '?'}p per day`)
    const kwh = fuel === 'electricity' ? request.electricityKwh : request.gasKwh
    const annualKwh = kwh ?? typicalConsumptionKwh.medium[fuel]
    if (exact && variant?.standardUnitRate && variant.standingCharge && !whyNotQuoted(checked.product.product)) {
      exact = addDecimals(
        exact,
        exactYearPence(annualKwh, variant.standardUnitRate.incVat, variant.standingCharge.incVat),
      )
    } else exact = null
  }
  const assumed = supplies
    .map(({ fuel }) => {
      const given = fuel === 'electricity' ? request.electricityKwh : request.gasKwh
      return `${(given ?? typicalConsumptionKwh.medium[fuel]).toLocaleString('en-GB')} kWh of ${fuel}${given === undefined ? ' (typical)' : ''}`
    })
    .join(' and ')
  const estimatedAnnualCost = exact
    ? `${formatMoney({ amountMinor: penceOf(exact), currency })} a year for ${assumed}, at today's prices`
    : 'not estimated: the cost depends on when you use energy'
  return {
    unitRates: unitRates.join('; '),
    standingCharges: standingCharges.join('; '),
    estimatedAnnualCost,
    annualCostMinor: exact ? penceOf(exact) : null,
  }
}

/**
 * Sign a customer up (ONB-2): check everything, then in one transaction open the account, register
 * the meter points supplied from the pending start date, start the agreements, set up the Direct
 * Debit, record the consents and queue the welcome email; the email is handed to delivery after
 * the commit. @throws SignUpRefused naming each field; PaymentMethodRejected; MeterPointTaken when
 * an MPAN or MPRN is already registered; accounts.InvalidAccountDetails
 */
export async function signUp({
  db,
  request,
  processor,
  queue,
  actor = publicSignUp,
  at,
}: {
  db: Db
  request: SignUpRequest
  processor: payments.PaymentProcessor
  queue: DeliveryQueue
  actor?: Actor
  at: Date
}): Promise<SignUpResult> {
  const checked = await check(db, request, at)
  const today = localDateOf(at)
  const supplyStartsOn = addWorkingDays(today, switchWorkingDays)
  const coolingOffEndsOn = addDays(today, coolingOffDays)
  const payment = request.payment
  // The bank account is tokenised before the transaction: the number never reaches the database.
  const bank =
    payment.method === 'DIRECT_DEBIT'
      ? await processor.tokenizeBankAccount({
          accountNumber: payment.accountNumber.replace(/\s/g, ''),
          bankCode: payment.sortCode.replace(/[\s-]/g, ''),
          holderName: payment.accountHolder,
        })
      : null

  const result = await inTransaction(db, async (tx) => {
    const supplier = await market.getSupplier(tx)
    const customer = request.customer
    let opened: { id: string; number: string } | undefined
    for (let attempt = 0; !opened; attempt++) {
      try {
        ;[opened] = await accounts.createAccounts({
          tx,
          accounts: [
            {
              number: drawAccountNumber(),
              customer: {
                kind: 'person',
                title: customer.title ?? null,
                givenName: customer.givenName,
                familyName: customer.familyName,
              },
              property: { ...request.supplyAddress, postcode: checked.postcode, gspRegion: checked.region },
              billingAddress: null,
              emails: [{ address: customer.email, primary: true }],
              phones: [{ number: customer.phone, label: 'mobile', primary: true }],
              billingMode: 'paperless',
              market: supplier.market,
              openedOn: today,
            },
          ],
          actor,
          at,
        })
      } catch (error) {
        if (!(error instanceof accounts.AccountNumberTaken) || attempt >= 5) throw error
      }
    }
    const account = opened
    const supply = await accounts.findAccountSupply({ tx, accountNumber: account.number })
    if (!supply) throw new Error('unreachable: an account just opened has its property')
    await billing.setBillingProfile({
      tx,
      accountId: account.id,
      changes: { paymentMethod: checked.paymentMethod },
      actor,
      at,
    })

    // The meter points, supplied from the pending start date, and their agreements from then.
    const points: SupplyPoint[] = [
      { fuel: 'electricity', identifier: checked.mpan, tariffCode: checked.electricity.tariff.code },
    ]
    if (checked.mprn && checked.gas)
      points.push({ fuel: 'gas', identifier: checked.mprn, tariffCode: checked.gas.tariff.code })
    if (checked.exportMpan && checked.exportTariff) {
      points.push({
        fuel: 'electricity',
        identifier: checked.exportMpan,
        direction: 'export',
        tariffCode: checked.exportTariff.tariff.code,
      })
    }
    const registered = await metering.registerMeterPoints({
      tx,
      meterPoints: points.map((point) => ({
        fuel: point.fuel,
        identifier: point.identifier,
        direction: point.direction ?? 'import',
        gspRegion: point.fuel === 'electricity' ? checked.region : null,
        propertyId: supply.property.id,
        accountId: account.id,
        suppliedFrom: supplyStartsOn,
        meters: [],
      })),
      actor,
      at,
    })
    const from = startOfLocalDay(supplyStartsOn)
    for (const [index, point] of points.entries()) {
      const meterPoint = registered[index]
      if (!meterPoint) throw new Error('unreachable: one registered meter point per point given')
      await tariffs.startAgreement({
        tx,
        accountId: account.id,
        meterPointId: meterPoint.id,
        tariffCode: point.tariffCode,
        from,
        actor,
        at,
      })
    }
    if (checked.exportMpan) {
      await metering.configureExport({
        tx,
        exportIdentifier: checked.exportMpan,
        importIdentifier: checked.mpan,
        actor,
        at,
      })
    }

    // The Direct Debit: variable (each bill's balance), collected on the supply start's day of the month.
    let directDebit: SignUpResult['directDebit'] = null
    if (bank) {
      const method = await payments.addPaymentMethod({
        tx,
        accountId: account.id,
        method: bank,
        processor: processor.name,
        actor,
        at,
      })
      const paymentDay = Math.min(28, Number(supplyStartsOn.slice(8, 10)))
      await payments.setupDirectDebit({
        tx,
        accountId: account.id,
        paymentMethodId: method.id,
        kind: 'variable',
        paymentDay,
        actor,
        at,
      })
      directDebit = { bankLast4: bank.last4, paymentDay }
    }

    const facts = keyFacts(checked, request, supplier.profile.currency)
    const paymentNote = directDebit
      ? `Direct Debit from the account ending ${directDebit.bankLast4}, on day ${directDebit.paymentDay} of the month, for each bill's balance`
      : 'paying each bill when it comes (not by Direct Debit)'
    await accounts.addNote({
      tx,
      accountNumber: account.number,
      type: 'general',
      body: [
        `Signed up ${actor === publicSignUp ? 'online' : 'by an agent'} on ${today} for ${checked.product.product.displayName}.`,
        `Terms accepted. Marketing: ${request.consents.marketing ? 'consented' : 'not consented'}.`,
        directDebit ? 'The Direct Debit Guarantee was shown in full and acknowledged before the mandate.' : null,
        `Declared: smart meter ${request.hasSmartMeter ? 'yes' : 'no'}, EV or charger ${request.hasEvOrCharger ? 'yes' : 'no'}.`,
        `Supply start requested for ${supplyStartsOn} (pending the switch). Cooling-off ends ${coolingOffEndsOn}.`,
      ]
        .filter((line) => line !== null)
        .join('\n'),
      actor,
      authorName: null,
      at,
    })
    const message = await comms.send({
      tx,
      accountId: account.id,
      channel: 'email',
      template: 'welcome',
      fields: {
        productName: checked.product.product.displayName,
        unitRates: facts.unitRates,
        standingCharges: facts.standingCharges,
        estimatedAnnualCost: facts.estimatedAnnualCost,
        paymentNote,
        supplyStart: supplyStartsOn,
        coolingOffEnds: coolingOffEndsOn,
      },
      actor,
      at,
    })
    return {
      accountNumber: account.number,
      openedOn: today,
      supplyStartsOn,
      supplyStatus: 'pending' as const,
      coolingOffEndsOn,
      meterPoints: points.map((point) => ({ identifier: point.identifier, tariffCode: point.tariffCode })),
      directDebit,
      welcomeMessageId: message.id,
    }
  })
  await queue.enqueue([result.welcomeMessageId])
  return result
}
