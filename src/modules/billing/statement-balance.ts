/**
 * A statement's balance summary from the ledger (BIL-10): the customer postings between the previous
 * statement's cut-off and its own, grouped by kind from the reason their journal records. Pure.
 *
 * opening + charges − payments − credits + adjustments = closing, the ledger's balance at the cut-off.
 */
import type * as ledger from '../ledger/index.js'

/** How a movement is shown on a statement. */
export type MovementKind = 'charge' | 'payment' | 'credit' | 'adjustment'

/**
 * The kind of a journal's customer postings by its reason: statement charges and fees are charges;
 * payments received are payments; goodwill credits are credits; everything else (refunds, returned or
 * failed payments, a rebilled statement's reversal, any other reversal or write-off) is an adjustment.
 */
export function movementKindOf(movement: Pick<ledger.Movement, 'reason' | 'reversal'>): MovementKind {
  if (movement.reversal) return 'adjustment'
  const { reason } = movement
  if (reason === 'statement.charge' || reason === 'statement.final' || reason.startsWith('fee.')) return 'charge'
  if (reason === 'payment.received') return 'payment'
  if (reason.startsWith('credit.')) return 'credit'
  return 'adjustment'
}

/** The balance summary of a statement; payments and credits are positive for money off the balance. */
export interface StatementBalance {
  openingCutoffPostingId: bigint
  cutoffPostingId: bigint
  openingMinor: bigint
  chargesMinor: bigint
  paymentsMinor: bigint
  creditsMinor: bigint
  /** Signed: positive when it adds to what the customer owes (a refund, a returned payment). */
  adjustmentsMinor: bigint
  closingMinor: bigint
}

/** The summary from the opening (the previous statement's closing and cut-off) and the movements since. */
export function statementBalance({
  openingMinor,
  openingCutoffPostingId,
  movements,
}: {
  openingMinor: bigint
  openingCutoffPostingId: bigint
  movements: readonly ledger.Movement[]
}): StatementBalance {
  const sums: Record<MovementKind, bigint> = { charge: 0n, payment: 0n, credit: 0n, adjustment: 0n }
  let cutoffPostingId = openingCutoffPostingId
  for (const movement of movements) {
    sums[movementKindOf(movement)] += movement.amountMinor
    if (movement.lastPostingId > cutoffPostingId) cutoffPostingId = movement.lastPostingId
  }
  const chargesMinor = sums.charge
  const paymentsMinor = -sums.payment
  const creditsMinor = -sums.credit
  const adjustmentsMinor = sums.adjustment
  return {
    openingCutoffPostingId,
    cutoffPostingId,
    openingMinor,
    chargesMinor,
    paymentsMinor,
    creditsMinor,
    adjustmentsMinor,
    closingMinor: openingMinor + chargesMinor - paymentsMinor - creditsMinor + adjustmentsMinor,
  }
}

/** What the identity needs of a statement row that has a cut-off. */
export interface Reconcilable {
  opening_balance_minor: bigint | null
  charges_minor: bigint | null
  payments_minor: bigint | null
  credits_minor: bigint | null
  adjustments_minor: bigint | null
  closing_balance_minor: bigint | null
}

/** Whether a statement's own figures add up: opening + charges − payments − credits + adjustments = closing. */
export function addsUp(row: Reconcilable): boolean {
  const { opening_balance_minor, charges_minor, payments_minor, credits_minor, adjustments_minor } = row
  if (
    opening_balance_minor === null ||
    charges_minor === null ||
    payments_minor === null ||
    credits_minor === null ||
    adjustments_minor === null ||
    row.closing_balance_minor === null
  ) {
    return false
  }
  return (
    opening_balance_minor + charges_minor - payments_minor - credits_minor + adjustments_minor ===
    row.closing_balance_minor
  )
}
