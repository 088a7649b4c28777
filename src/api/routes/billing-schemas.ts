/**
 * The billing shapes responses carry (statements, their lines, business documents), declared once
 * for the billing routes and the dashboard. Money is a string of minor units; the billing state kept
 * for the next statement (opening and closing readings) and internal row links stay inside.
 */
import { z } from 'zod'
import * as billing from '../../modules/billing/index.js'
import { DateOut, InstantOut, MinorOut } from '../responses.js'

const UsageSummary = z.object({
  meterPointId: z.string(),
  identifier: z.string().describe('MPAN core or MPRN'),
  direction: z.string(),
  kwh: z.string().describe('an exact decimal'),
  energyMinor: MinorOut,
  standingMinor: MinorOut,
  standingDays: z.number().int(),
  gasConversions: z
    .array(
      z.object({
        volume: z.string().describe('the register advance, in `volumeUnit`'),
        volumeUnit: z.enum(['m3', 'hcf']).describe('cubic metres, or hundreds of cubic feet (imperial)'),
        cubicMetres: z.string().describe('the volume in m³ (hcf × 2.83)'),
        correctionFactor: z.string().describe('volume correction, 1.02264'),
        calorificValueMjPerM3: z.string(),
        kwh: z.string().describe('m³ × correction factor × calorific value ÷ 3.6, to 3 dp'),
      }),
    )
    .optional()
    .describe('gas read in volume: how each register advance became kWh'),
})

/** What a statement is made of and how it compares with the one before (BIL-9). */
const Explanation = z.object({
  days: z.number().int(),
  estimated: z.boolean(),
  usage: z.array(UsageSummary),
  backbilling: z
    .object({
      cutoff: DateOut,
      oldChargesMinor: MinorOut,
      writeoffMinor: MinorOut,
      reason: z.string(),
      breaches: z
        .array(z.enum(['not_billed_for_over_a_year', 'rebilled_higher_for_over_a_year', 'adequacy_review_overdue']))
        .optional()
        .describe("the supplier's failings that made the back-bill its fault (seed 002)"),
    })
    .optional(),
  comparison: z
    .object({
      previousNumber: z.string(),
      previousDays: z.number().int(),
      previousNetMinor: MinorOut,
      changeMinor: MinorOut,
      usageEffectMinor: MinorOut.describe('the part of the change due to using more or less energy'),
      priceEffectMinor: MinorOut.describe('the part due to prices, on this period’s usage'),
      otherEffectMinor: MinorOut.describe('the rest: days of standing charge, and rounding'),
      summary: z.string(),
    })
    .optional(),
})

/** A statement; a positive balance is owed by the customer. */
/** Why a statement waits for a billing specialist: in plain words, with the technical cause where there is one. */
const HoldReason = z.object({
  code: z.enum(billing.holdCodes),
  message: z.string(),
  detail: z.string().optional().describe('the technical cause: meter point, exact span, rate kind'),
})

export const Statement = z.object({
  id: z.string(),
  number: z.string(),
  accountId: z.string(),
  kind: z.enum(billing.statementKinds),
  status: z.enum(billing.statementStatuses),
  periodFrom: InstantOut,
  periodTo: InstantOut,
  version: z.number().int(),
  replacesStatementId: z.string().nullable(),
  currency: z.string(),
  paymentMethod: z.string().describe('DIRECT_DEBIT or NON_DIRECT_DEBIT'),
  netMinor: MinorOut,
  vatMinor: MinorOut,
  totalMinor: MinorOut,
  writeoffMinor: MinorOut,
  postedMinor: MinorOut.describe(
    'what the statement moved the balance by: the total, less a write-off and what a replaced version charged',
  ),
  openingBalanceMinor: MinorOut.nullable(),
  chargesMinor: MinorOut.nullable(),
  paymentsMinor: MinorOut.nullable(),
  creditsMinor: MinorOut.nullable(),
  adjustmentsMinor: MinorOut.nullable(),
  closingBalanceMinor: MinorOut.nullable(),
  dueOn: DateOut.nullable(),
  holdReasons: z.array(HoldReason),
  explanation: Explanation,
  createdAt: InstantOut,
  issuedAt: InstantOut.nullable(),
})

/** A statement in the held-statements queue, with its account's number. */
export const HeldStatement = Statement.extend({ accountNumber: z.string() })

const StatementLine = z.object({
  position: z.number().int(),
  identifier: z.string().nullable(),
  tariffCode: z.string().nullable(),
  kind: z.enum(['energy', 'standing_charge', 'export_credit', 'backbilling_writeoff']),
  rateKind: z.string().nullable(),
  from: InstantOut,
  to: InstantOut,
  quantity: z.string().describe('an exact decimal, in `unit`'),
  unit: z.string(),
  ratePence: z.string().nullable(),
  vatPercent: z.string(),
  amountMinor: MinorOut,
  source: z
    .record(z.string(), z.unknown())
    .describe('where the line came from: half hours counted and estimated, the readings used, a rule'),
  description: z.string(),
})

/** One statement with its lines and, for a final statement, the settlement of the final balance. */
export const StatementDetail = Statement.extend({
  lines: z.array(StatementLine),
  settlement: z.object({ kind: z.enum(['refund', 'payment_request', 'none']), amountMinor: MinorOut }).nullable(),
})

/** What "Bill now" would make (BIL-3): the draft, numbered only when it is made, and why it would be held. */
export const BillPreview = z.object({
  statement: StatementDetail.omit({ id: true, number: true }).describe(
    'the draft as billing would record it now; `status` is the one it would get (held, issued or uninvoiced)',
  ),
  holdReasons: z.array(HoldReason),
})

/** BIL-4: a business invoice (charges) or credit note (credits). */
export const BillingDocument = z.object({
  id: z.string(),
  number: z.string(),
  accountId: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  status: z.enum(['unissued', 'issued']),
  currency: z.string(),
  totalMinor: MinorOut,
  needsPaymentApproval: z.boolean(),
  dueOn: DateOut.nullable(),
  createdAt: InstantOut,
  issuedAt: InstantOut.nullable(),
  statementNumbers: z.array(z.string()),
})

/** A bill from the old billing system (BIL-8). */
export const HistoricalBill = z.object({
  id: z.string(),
  source: z.string(),
  reference: z.string(),
  issuedOn: DateOut,
  periodFrom: DateOut,
  periodTo: DateOut,
  totalMinor: MinorOut,
  readings: z.array(z.object({ register: z.string(), value: z.string(), readOn: DateOut })),
})

/** What is past due by how many days past due it is (not yet due is `current`). */
export const AgeingBuckets = z.object({
  current: MinorOut,
  days1to30: MinorOut,
  days31to60: MinorOut,
  days61to90: MinorOut,
  over90: MinorOut,
})

/** The balance (positive: the customer owes) and what is past due, by age. */
export const AccountBalance = z.object({
  balanceMinor: MinorOut,
  pastDueMinor: MinorOut,
  buckets: AgeingBuckets,
  currency: z.string(),
})
