/**
 * Move out and move in: a change of tenancy (ACC-9) with its final bill (BIL-7), in one transaction.
 *
 * Dates: `on` is the move date, the first day the next occupant is responsible for. The leaving
 * account is supplied `[…, on)`, its final bill runs to the start of `on` (billing's `on` is the
 * exclusive end, as in BIL-7's test: moving out after 31 August bills `on: '2026-09-01'`), final
 * readings are taken at that instant, the start of the local day, and the account is closed with
 * `closedOn = on`. The next account opens on `on`, supplied and on its tariffs from the start of
 * that day. The start of a local day is computed by src/shared/time, so a clock-change day is
 * 23 or 25 hours long like any other.
 */

import type { Change } from '../db/index.js'
import { type Db, inTransaction, type Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import type { Actor } from '../shared/actor.js'
import { Conflict, ValidationFailed, withCode } from '../shared/errors.js'
import { type Currency, formatMoney, money } from '../shared/money.js'
import { isLocalDate, localDateOf, startOfLocalDay } from '../shared/time.js'
import type { AccountCall } from './account-view.js'
import { adequacyReviewOverdue } from './adequacy-review-overdue.js'
import { drawAccountNumber } from './open-account.js'

export class InvalidMoveDate extends withCode(ValidationFailed, 'INVALID_MOVE_DATE') {}
export class NotAnOccupierAccount extends withCode(Conflict, 'NOT_AN_OCCUPIER_ACCOUNT') {}

/** A reading taken on moving out, per register. */
export interface FinalReadingInput {
  /** The MPAN core or MPRN. */
  readonly meterPoint: string
  readonly meterSerial: string
  readonly register: string
  readonly value: string
  /** Who read it: the customer by default. */
  readonly source?: 'customer' | 'agent' | 'field' | undefined
}

/** The next occupant: a full `name`, or its parts. */
export interface OccupantInput {
  readonly name?: string | null | undefined
  readonly title?: string | null | undefined
  readonly givenName?: string | null | undefined
  readonly familyName?: string | null | undefined
  readonly email?: string | null | undefined
  readonly phone?: string | null | undefined
}

export interface MoveResult {
  readonly closedAccount: {
    readonly number: string
    readonly customerName: string
    readonly status: 'closed'
    readonly openedOn: string
    readonly closedOn: string
  }
  readonly finalStatement: {
    readonly number: string
    readonly kind: string
    readonly status: string
    readonly periodFrom: Date
    readonly periodTo: Date
    readonly currency: string
    readonly totalMinor: bigint
    readonly closingBalanceMinor: bigint | null
    /** Whether the final read of some register was estimated (BIL-7: corrected when the actual arrives). */
    readonly estimated: boolean
    /** False when the account was already billed to the move date (then there is no new final bill). */
    readonly created: boolean
    /** The final balance settlement: null while the statement is held, or when it is not a final bill. */
    readonly settlement: { readonly kind: 'refund' | 'payment_request' | 'none'; readonly amountMinor: bigint } | null
  }
  readonly finalReadings: readonly metering.Reading[]
  readonly newAccount: {
    readonly number: string
    readonly customerName: string
    readonly occupier: boolean
    readonly openedOn: string
    readonly meterPoints: readonly { readonly identifier: string; readonly tariffCode: string }[]
  }
}

/** A named occupant as a customer: "Jane Q Public" is given names "Jane Q" and family name "Public". */
function customerOf(occupant: OccupantInput): accounts.NewCustomer {
  const name = occupant.name?.trim().replace(/\s+/g, ' ')
  if (name) {
    const parts = name.split(' ')
    const familyName = parts.pop() ?? name
    return { kind: 'person', title: occupant.title ?? null, givenName: parts.join(' ') || null, familyName }
  }
  return {
    kind: 'person',
    title: occupant.title ?? null,
    givenName: occupant.givenName?.trim() || null,
    familyName: occupant.familyName?.trim() || null,
  }
}

function formatMinor(amountMinor: bigint, currency: string): string {
  return formatMoney(money(amountMinor, currency as Currency))
}

async function recordFinalReadings({
  tx,
  accountNumber,
  on,
  readings,
  actor,
  at,
}: AccountCall & {
  on: string
  readings: readonly FinalReadingInput[]
}): Promise<metering.Reading[]> {
  const recorded: metering.Reading[] = []
  for (const [index, input] of readings.entries()) {
    const point = await metering.meterPointOfAccount({ tx, accountNumber, identifier: input.meterPoint.trim() })
    try {
      const { reading } = await metering.recordReading({
        tx,
        meterPointId: point.meterPointId,
        meterSerial: input.meterSerial,
        register: input.register,
        readAt: startOfLocalDay(on),
        value: input.value,
        source: input.source ?? 'customer',
        kind: 'final',
        actor,
        at,
      })
      recorded.push(reading)
    } catch (error) {
      // Name the reading in the request that was refused, not only its field.
      if (error instanceof metering.ReadingRejected && Array.isArray(error.details)) {
        throw new metering.ReadingRejected(
          error.message,
          error.details.map((problem) => ({ ...problem, path: `finalReadings.${index}.${String(problem['path'])}` })),
        )
      }
      throw error
    }
  }
  return recorded
}

async function changeTenancy({
  tx,
  leaving,
  on,
  finalReadings,
  occupant,
  tariffCode,
  reason,
  actor,
  authorName,
  at,
}: Change & {
  leaving: accounts.TenancyAccount
  on: string
  finalReadings: readonly FinalReadingInput[]
  occupant: accounts.NextOccupant
  tariffCode: string | null | undefined
  reason: 'move_out' | 'move_in'
  authorName: string | null
}): Promise<MoveResult> {
  if (!isLocalDate(on)) throw new InvalidMoveDate('A move is on a date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  if (leaving.status === 'closed') {
    throw new accounts.AccountAlreadyClosed(`Account ${leaving.number} was closed on ${leaving.closedOn ?? '?'}`, {
      closedOn: leaving.closedOn,
    })
  }
  const today = localDateOf(at)
  if (on > today) {
    throw new InvalidMoveDate(`A move is recorded on the day or after it, and ${on} is after today (${today})`, [
      { path: 'on', message: `on or before ${today}` },
    ])
  }
  if (on <= leaving.openedOn) {
    throw new InvalidMoveDate(`Account ${leaving.number} opened on ${leaving.openedOn}: a move must come after that`, [
      { path: 'on', message: `after ${leaving.openedOn}` },
    ])
  }

  // 1. The final readings, at the start of the move date: the last reading of this account, the
  // first of the next.
  const readings = await recordFinalReadings({
    tx,
    accountNumber: leaving.number,
    on,
    readings: finalReadings,
    actor,
    at,
  })

  // 2. The final bill to the start of the move date (estimating any register without a fresh read)
  // and, when it is issued, the final balance settlement.
  const billed = await billing.billAccount({
    tx,
    accountId: leaving.id,
    on,
    kind: 'final',
    adequacyReviewOverdue: await adequacyReviewOverdue({ tx, accountId: leaving.id, at }),
    actor,
    at,
  })
  const statement = await billing.getStatement({ tx, number: billed.statement.number })

  // 3. The next occupant's account at the same property.
  let opened: accounts.TenancyAccount | undefined
  for (let attempt = 0; !opened; attempt++) {
    try {
      opened = await accounts.openNextOccupierAccount({
        tx,
        previousAccountId: leaving.id,
        number: drawAccountNumber(),
        occupant,
        openedOn: on,
        actor,
        at,
      })
    } catch (error) {
      if (!(error instanceof accounts.AccountNumberTaken) || attempt >= 5) throw error
    }
  }

  // 4. Supply and tariffs pass to it from the move date.
  const supply = await metering.transferSupply({ tx, fromAccountId: leaving.id, toAccountId: opened.id, on, actor, at })
  const agreements = await tariffs.transferAgreements({
    tx,
    fromAccountId: leaving.id,
    toAccountId: opened.id,
    meterPointIds: supply.map((transfer) => transfer.meterPointId),
    on,
    tariffCode,
    actor,
    at,
  })

  // 5. The leaving account closes.
  const closed = await accounts.closeAccount({ tx, accountId: leaving.id, on, reason, actor, at })

  // 6. A note on each account saying what happened.
  const estimated = statement.closingReadings.some((reading) => reading.estimated)
  const settlement = statement.settlement
  const isFinal = statement.kind === 'final' || statement.kind === 'corrected_final'
  const billSentence = isFinal
    ? `Final bill ${statement.number} (${statement.status}) ${formatMinor(statement.totalMinor, statement.currency)}` +
      (estimated ? ' on an estimated final read' : ' on actual final reads') +
      (settlement
        ? settlement.kind === 'refund'
          ? `; final balance refund of ${formatMinor(settlement.amountMinor, statement.currency)}.`
          : settlement.kind === 'payment_request'
            ? `; final balance of ${formatMinor(settlement.amountMinor, statement.currency)} requested.`
            : '; nothing left to settle.'
        : '; held for review: the final balance settlement follows its release.')
    : `Already billed to ${on} by ${statement.number} (${statement.kind}): no final bill was made; a billing specialist must settle the final balance.`
  const points = supply.map((transfer) => transfer.identifier).join(', ')
  const tariffList = agreements
    .map((agreement) => `${agreement.started.tariffCode}`)
    .filter((code, index, all) => all.indexOf(code) === index)
    .join(', ')
  const leavingNote =
    `${reason === 'move_in' ? 'Replaced by a named occupant' : 'Moved out'}: account closed on ${on} (change of tenancy). ` +
    `${billSentence} Final readings: ${readings.length === 0 ? 'none given' : readings.map((r) => `${r.meterPoint} ${r.register} ${r.value} (${r.status})`).join(', ')}. ` +
    `Supply of ${points} passed to ${opened.number} (${opened.customerName}) from ${on}.`
  const openingNote =
    `Opened on ${on} for ${opened.occupier ? 'the unknown new occupier ("The Occupier")' : opened.customerName}, ` +
    `following ${leaving.number} (${leaving.customerName}), closed that day. ` +
    `Supplied through ${points} from ${on} on ${tariffList || 'no tariff'}.`
  await accounts.addNote({
    tx,
    accountNumber: leaving.number,
    type: 'service',
    body: leavingNote,
    actor,
    authorName,
    at,
  })
  await accounts.addNote({
    tx,
    accountNumber: opened.number,
    type: 'service',
    body: openingNote,
    actor,
    authorName,
    at,
  })

  return {
    closedAccount: {
      number: closed.number,
      customerName: closed.customerName,
      status: 'closed',
      openedOn: closed.openedOn,
      closedOn: on,
    },
    finalStatement: {
      number: statement.number,
      kind: statement.kind,
      status: statement.status,
      periodFrom: statement.periodFrom,
      periodTo: statement.periodTo,
      currency: statement.currency,
      totalMinor: statement.totalMinor,
      closingBalanceMinor: statement.closingBalanceMinor,
      estimated,
      created: billed.created,
      settlement,
    },
    finalReadings: readings,
    newAccount: {
      number: opened.number,
      customerName: opened.customerName,
      occupier: opened.occupier,
      openedOn: on,
      meterPoints: supply.map((transfer) => ({
        identifier: transfer.identifier,
        tariffCode:
          agreements.find((agreement) => agreement.meterPointId === transfer.meterPointId)?.started.tariffCode ?? '',
      })),
    },
  }
}

/** What a move out or a move in is asked with: the leaving account, the date and the final readings. */
interface Move {
  db: Db | Tx
  accountNumber: string
  on: string
  finalReadings?: readonly FinalReadingInput[] | undefined
  /** The next account's tariff for every meter point; the same tariffs as now when absent. */
  tariffCode?: string | null | undefined
  actor: Actor
  authorName?: string | null | undefined
  at: Date
}

/**
 * Move out (ACC-9 with BIL-7), in one transaction: the final readings given are recorded as actual
 * readings at the start of the move date; the account gets its final bill to that instant (final
 * reads estimated where none was given) and, when issued, its final balance settlement; the supply
 * and tariffs of its meter points pass to the next account, opened at the same property for the
 * named new occupant or "The Occupier"; the account closes on the move date; each account gets a
 * service note. Anything refused rolls the whole move back.
 * @throws accounts.AccountNotFound, accounts.AccountAlreadyClosed, InvalidMoveDate (not a date,
 *   after today, not after the account opened), accounts.InvalidAccountDetails (the occupant),
 *   metering.MeterPointNotOnAccount, metering.ReadingRejected, metering.SupplyNotTransferable,
 *   billing.NothingToBill (already billed past the move date), billing.NotBillable,
 *   tariffs.AgreementNotFound, tariffs.AgreementOverlap, tariffs.TariffNotFound, tariffs.InvalidAgreement
 */
export function moveOut({
  newOccupant = null,
  ...move
}: Move & {
  /** The next occupant, or null for "The Occupier". */
  newOccupant?: OccupantInput | null | undefined
}): Promise<MoveResult> {
  return handOver(move, 'move_out', () =>
    newOccupant
      ? { customer: customerOf(newOccupant), email: newOccupant.email, phone: newOccupant.phone }
      : { customer: accounts.occupierCustomer },
  )
}

/**
 * Move in (ACC-9): a named customer takes over a property whose account is "The Occupier". The
 * occupier account is final billed for what was used while it was unnamed and closed on the move
 * date, and the customer's account opens there, as `moveOut` does for any account.
 * @throws NotAnOccupierAccount when the account has a named customer (move that one out instead),
 *   and everything moveOut throws
 */
export function moveIn({
  customer,
  ...move
}: Move & {
  /** Who moves in to the "The Occupier" account `accountNumber`. */
  customer: OccupantInput
}): Promise<MoveResult> {
  return handOver(move, 'move_in', (leaving) => {
    if (!leaving.occupier) {
      throw new NotAnOccupierAccount(
        `Account ${leaving.number} is ${leaving.customerName}'s, not "The Occupier": record a move-out instead`,
      )
    }
    return { customer: customerOf(customer), email: customer.email, phone: customer.phone }
  })
}

/**
 * Lock the tenancy of the account `accountNumber` and change it over to the occupant `occupantOf`
 * names for it, in one transaction.
 */
function handOver(
  { db, accountNumber, on, finalReadings = [], tariffCode, actor, authorName = null, at }: Move,
  reason: 'move_out' | 'move_in',
  occupantOf: (leaving: accounts.TenancyAccount) => accounts.NextOccupant,
): Promise<MoveResult> {
  return inTransaction(db, async (tx) => {
    const leaving = await accounts.lockTenancy({ tx, accountNumber })
    const occupant = occupantOf(leaving)
    return changeTenancy({ tx, leaving, on, finalReadings, occupant, tariffCode, reason, actor, authorName, at })
  })
}
