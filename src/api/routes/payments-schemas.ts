/**
 * Declared response shapes of the payments routes (and the card their requests carry), and the arrangement shape the collections routes
 * answer too (API-1). Money is a string of minor units; the account's own row id is left out, the
 * account number in the path names the account.
 */
import { z } from 'zod'
import { DateOut, InstantOut, MinorOut } from '../responses.js'

/** A card as a request carries it, to pay with or to keep (staff and portal alike); never stored. */
export const CardIn = z.strictObject({
  number: z.string().min(12).max(23),
  expiryMonth: z.number().int(),
  expiryYear: z.number().int(),
  cvc: z.string().max(4),
  holderName: z.string().max(100).optional(),
})

const PaymentStatus = z.enum(['pending', 'succeeded', 'failed', 'returned'])

/** A payment with its events (taken, what the processor said, what staff recorded). */
export const PaymentOut = z.object({
  id: z.string(),
  confirmationNumber: z.string().describe('read back to the customer, like P-7K4M-9QX2'),
  method: z.enum(['card', 'bank_account', 'direct_debit', 'check', 'cash']),
  methodLabel: z.string().nullable().describe('"Visa •••• 4242" for cards and bank accounts'),
  amountMinor: MinorOut,
  currency: z.string(),
  statementId: z.string().nullable(),
  status: PaymentStatus,
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  reference: z.string().nullable(),
  source: z.enum(['staff', 'direct_debit', 'customer']),
  takenOn: DateOut,
  postsOn: DateOut.describe('when the money shows on the account'),
  createdAt: InstantOut,
  events: z.array(
    z.object({
      status: PaymentStatus,
      source: z.enum(['taken', 'processor', 'staff']),
      detail: z.string().nullable(),
      occurredAt: InstantOut,
    }),
  ),
})

/** A kept card or bank account: its brand and last four digits, never the number nor the token. */
export const PaymentMethodOut = z.object({
  id: z.string(),
  kind: z.enum(['card', 'bank_account']),
  brand: z.string(),
  last4: z.string(),
  expiryMonth: z.number().int().nullable(),
  expiryYear: z.number().int().nullable(),
  holderName: z.string().nullable(),
  createdAt: InstantOut,
})

export const DirectDebitOut = z.object({
  id: z.string(),
  paymentMethodId: z.string(),
  kind: z.enum(['fixed', 'variable']),
  amountMinor: MinorOut.nullable().describe('the fixed monthly amount; null for a variable Direct Debit'),
  debtRepaymentMinor: MinorOut,
  paymentDay: z.number().int(),
  status: z.enum(['active', 'cancelled']),
  createdAt: InstantOut,
})

/** A credit request's fields after its id and account: what it is, and where its approval stands. */
export const creditRequestFields = {
  kind: z.enum(['goodwill_credit', 'refund']),
  amountMinor: MinorOut,
  currency: z.string(),
  reason: z.string(),
  status: z.enum(['pending_approval', 'completed', 'rejected']),
  needsApproval: z.boolean(),
  requestedBy: z.string(),
  requestedAt: InstantOut,
  decidedBy: z.string().nullable(),
  decidedAt: InstantOut.nullable(),
  decisionNote: z.string().nullable(),
}

/** A goodwill credit or a refund, done or waiting for a supervisor. */
export const CreditRequestOut = z.object({
  id: z.string(),
  accountNumber: z.string().optional().describe('in the approvals queue only'),
  ...creditRequestFields,
})

/** A business Direct Debit over the supplier's threshold, waiting for a manual approval. */
export const DirectDebitApprovalOut = z.object({
  id: z.string(),
  accountNumber: z.string(),
  collectOn: DateOut,
  amountMinor: MinorOut,
  thresholdMinor: MinorOut,
})

export const AdequacyReviewOut = z.object({
  currentMinor: MinorOut.nullable().describe('the fixed Direct Debit now, if there is one'),
  projectedAnnualMinor: MinorOut.describe("the last year's charges, scaled up for a younger account"),
  balanceMinor: MinorOut,
  recommendedMinor: MinorOut.describe('the monthly amount recommended, rounded up to a whole unit'),
  basisDays: z.number().int().describe('days of charges the projection is based on'),
})

/** A payment arrangement with each instalment and where it stands. */
export const ArrangementOut = z.object({
  id: z.string(),
  pastDueMinor: MinorOut,
  downPaymentMinor: MinorOut,
  instalmentMinor: MinorOut,
  frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
  startsOn: DateOut,
  graceDays: z.number().int(),
  status: z.enum(['active', 'completed', 'broken', 'cancelled']),
  createdAt: InstantOut,
  endedAt: InstantOut.nullable(),
  endReason: z.string().nullable(),
  paidMinor: MinorOut,
  schedule: z.array(
    z.object({
      seq: z.number().int().describe('0 is the down payment'),
      dueOn: DateOut,
      amountMinor: MinorOut,
      paidMinor: MinorOut,
      state: z.enum(['paid', 'part_paid', 'due', 'missed', 'scheduled']),
    }),
  ),
})

const StatusColour = z.enum(['green', 'yellow', 'red', 'gray'])

/** The account's status colour, computed from rules, with every reason that applies. */
export const AccountStatusOut = z.object({
  colour: StatusColour,
  reasons: z.array(
    z.object({
      colour: StatusColour,
      code: z.string(),
      detail: z.string().describe('for people, e.g. "£231.68 past due since 1 October 2026"'),
      amountMinor: MinorOut.optional(),
      on: DateOut.optional(),
      reference: z.string().optional(),
    }),
  ),
})

/** The bytes of a file a route sends as they are (Fastify does not serialise a Buffer). */
