import { Conflict, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import type { GasConversion } from '../metering/index.js'
import type { BackbillingBreach } from './backbilling.js'

export const statementKinds = ['periodic', 'final', 'rebill', 'corrected_final'] as const
export type StatementKind = (typeof statementKinds)[number]
export const statementStatuses = ['held', 'issued', 'rejected', 'superseded', 'uninvoiced', 'invoiced'] as const
export type StatementStatus = (typeof statementStatuses)[number]
export const billingOrigins = ['native', 'migrated', 'shell'] as const
export type BillingOrigin = (typeof billingOrigins)[number]

/** Why a statement waits for a billing specialist instead of being issued (BIL-3). */
export const holdCodes = [
  'missing_rates',
  'no_agreement',
  'negative_consumption',
  'charge_far_above_usual',
  'estimated_too_long',
  'no_reading',
] as const
export type HoldCode = (typeof holdCodes)[number]

export interface HoldReason {
  readonly code: HoldCode
  /** In plain words, for the billing specialist deciding what to do. */
  readonly message: string
  /** The technical cause behind the message (meter point, exact span, rate kind), where there is one. */
  readonly detail?: string | undefined
}

export interface BillingProfile {
  readonly accountId: string
  readonly cycleDay: number
  readonly paymentMethod: 'DIRECT_DEBIT' | 'NON_DIRECT_DEBIT'
  readonly origin: BillingOrigin
  readonly transferAt: Date | null
  readonly readingPrevented: boolean
  readonly business: boolean
}

/** The reading a register was billed to: the next statement starts from it. */
export interface ClosingReading {
  readonly meterPointId: string
  readonly registerId: string
  readonly readingId: string | null
  readonly readAt: string
  readonly value: string
  readonly estimated: boolean
}

export interface StatementLine {
  readonly position: number
  readonly meterPointId: string | null
  readonly identifier: string | null
  readonly agreementId: string | null
  readonly tariffCode: string | null
  readonly kind: 'energy' | 'standing_charge' | 'export_credit' | 'backbilling_writeoff'
  readonly rateKind: string | null
  readonly from: Date
  readonly to: Date
  readonly quantity: string
  readonly unit: string
  readonly ratePence: string | null
  readonly vatPercent: string
  readonly amountMinor: bigint
  readonly source: Record<string, unknown>
  readonly description: string
}

/** One meter point's part of a statement, exc VAT, as decimal strings (JSON keeps no bigint). */
export interface UsageSummary {
  readonly meterPointId: string
  readonly identifier: string
  readonly direction: string
  readonly kwh: string
  readonly energyMinor: string
  readonly standingMinor: string
  readonly standingDays: number
  /** Gas read in volume: each register advance's conversion to kWh (volume, correction factor, calorific value, kWh). */
  readonly gasConversions?: readonly GasConversionSummary[]
}

/** How a gas volume became kWh on a statement: metering's `GasConversion`, as stored. */
export type GasConversionSummary = GasConversion

/** Usage and price effects between this statement and the one before (BIL-9). */
export interface Explanation {
  readonly days: number
  readonly estimated: boolean
  readonly usage: readonly UsageSummary[]
  readonly backbilling?:
    | {
        readonly cutoff: string
        readonly oldChargesMinor: string
        readonly writeoffMinor: string
        readonly reason: string
        /** The supplier's failings behind the write-off (seed 002), when anything is written off. */
        readonly breaches?: readonly BackbillingBreach[] | undefined
      }
    | undefined
  readonly comparison?:
    | {
        readonly previousNumber: string
        readonly previousDays: number
        readonly previousNetMinor: string
        readonly changeMinor: string
        /** The part of the change due to using more or less energy, at the old average price. */
        readonly usageEffectMinor: string
        /** The part due to prices (unit rates and standing charges), on this period's usage. */
        readonly priceEffectMinor: string
        /** The rest: more or fewer days of standing charge, and rounding. */
        readonly otherEffectMinor: string
        readonly summary: string
      }
    | undefined
}

export interface Statement {
  readonly id: string
  readonly number: string
  readonly accountId: string
  readonly kind: StatementKind
  readonly status: StatementStatus
  readonly periodFrom: Date
  readonly periodTo: Date
  readonly version: number
  readonly replacesStatementId: string | null
  /** Business: the invoice or credit note it is on. */
  readonly documentId: string | null
  readonly currency: string
  readonly paymentMethod: string
  readonly netMinor: bigint
  readonly vatMinor: bigint
  readonly totalMinor: bigint
  readonly writeoffMinor: bigint
  /** What the statement moved the balance by: total, less the write-off and what a replaced statement had charged. */
  readonly postedMinor: bigint
  /** Balances are positive when the customer owes, negative when in credit; null until issued. */
  readonly openingBalanceMinor: bigint | null
  /** BIL-10: what moved the balance since the previous statement's cut-off, by kind; null until issued. */
  readonly chargesMinor: bigint | null
  readonly paymentsMinor: bigint | null
  readonly creditsMinor: bigint | null
  /** Refunds, returned payments, a rebilled statement's reversal: positive when it adds to what is owed. */
  readonly adjustmentsMinor: bigint | null
  readonly closingBalanceMinor: bigint | null
  /** BIL-10: the ledger cut-offs (customer posting sequence) its movements run between; null until issued. */
  readonly openingCutoffPostingId: bigint | null
  readonly cutoffPostingId: bigint | null
  readonly dueOn: string | null
  readonly holdReasons: readonly HoldReason[]
  readonly explanation: Explanation
  readonly openingReadings: readonly ClosingReading[]
  readonly closingReadings: readonly ClosingReading[]
  readonly createdAt: Date
  readonly issuedAt: Date | null
}

export interface StatementDetail extends Statement {
  readonly lines: readonly StatementLine[]
  readonly settlement: { readonly kind: 'refund' | 'payment_request' | 'none'; readonly amountMinor: bigint } | null
}

/** What "Bill now" would make (`previewBill`): the draft with the status it would get, and why it would be held. */
export interface BillPreview {
  readonly statement: StatementDetail
  readonly holdReasons: readonly HoldReason[]
}

export interface HistoricalBill {
  readonly id: string
  readonly source: string
  readonly reference: string
  readonly issuedOn: string
  readonly periodFrom: string
  readonly periodTo: string
  readonly totalMinor: bigint
  readonly readings: readonly { register: string; value: string; readOn: string }[]
}

export class StatementNotFound extends withCode(NotFound, 'STATEMENT_NOT_FOUND') {}
export class NotBillable extends withCode(Conflict, 'NOT_BILLABLE') {}
export class NothingToBill extends withCode(Conflict, 'NOTHING_TO_BILL') {}
export class StatementNotHeld extends withCode(Conflict, 'STATEMENT_NOT_HELD') {}
export class StatementNotRebillable extends withCode(Conflict, 'STATEMENT_NOT_REBILLABLE') {}
export class InvalidBillingRequest extends withCode(ValidationFailed, 'INVALID_BILLING_REQUEST') {}
export class BillingAccountNotFound extends withCode(NotFound, 'ACCOUNT_NOT_FOUND') {}

/** BIL-4: a business invoice (charges) or credit note (credits). */
export interface BillingDocument {
  readonly id: string
  readonly number: string
  readonly accountId: string
  readonly kind: 'invoice' | 'credit_note'
  readonly status: 'unissued' | 'issued'
  readonly currency: string
  readonly totalMinor: bigint
  readonly needsPaymentApproval: boolean
  readonly dueOn: string | null
  readonly createdAt: Date
  readonly issuedAt: Date | null
  /** The statements (rated periods and rebill differences) on it. */
  readonly statementNumbers: readonly string[]
}

export class InvalidDocument extends withCode(ValidationFailed, 'INVALID_DOCUMENT') {}
export class DocumentNotFound extends withCode(NotFound, 'DOCUMENT_NOT_FOUND') {}
export class DocumentIssued extends withCode(Conflict, 'DOCUMENT_ISSUED') {}
