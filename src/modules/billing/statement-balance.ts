/**
 * A statement's balance summary from the ledger (BIL-10): the customer postings between the previous
 * statement's cut-off and its own, grouped by kind from the reason their journal records. Pure.
 *
 * opening + charges − payments − credits + adjustments = closing, the ledger's balance at the cut-off.
 */
import type * as ledger from '../ledger/index.js'
import type { Statement } from './types.js'

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

/** What the identity needs of an issued statement. */
export type Reconcilable = Pick<
  Statement,
  | 'openingBalanceMinor'
  | 'chargesMinor'
  | 'paymentsMinor'
  | 'creditsMinor'
  | 'adjustmentsMinor'
  | 'closingBalanceMinor'
  | 'openingCutoffPostingId'
  | 'cutoffPostingId'
>

/**
 * Where an issued statement disagrees with the ledger (empty when it reconciles): its own figures must
 * add up, its opening and closing must be the ledger's balances at its two cut-offs, and each kind's
 * figure must be the ledger's postings between them of that kind.
 */
export function reconciliationProblems(
  statement: Reconcilable,
  ledgerFacts: { openingMinor: bigint; closingMinor: bigint; movements: readonly ledger.Movement[] },
): string[] {
  const { openingBalanceMinor: opening, chargesMinor: charges, paymentsMinor: payments } = statement
  const { creditsMinor: credits, adjustmentsMinor: adjustments, closingBalanceMinor: closing } = statement
  if (
    opening === null ||
    charges === null ||
    payments === null ||
    credits === null ||
    adjustments === null ||
    closing === null ||
    statement.openingCutoffPostingId === null ||
    statement.cutoffPostingId === null
  ) {
    return ['it is missing a figure of its balance summary or a cut-off']
  }
  const problems: string[] = []
  const sum = opening + charges - payments - credits + adjustments
  if (sum !== closing) {
    problems.push(
      `opening ${opening} + charges ${charges} − payments ${payments} − credits ${credits} + adjustments ${adjustments} = ${sum}, not the closing ${closing}`,
    )
  }
  if (opening !== ledgerFacts.openingMinor) {
    problems.push(
      `opening ${opening} is not the ledger's ${ledgerFacts.openingMinor} at posting ${statement.openingCutoffPostingId}`,
    )
  }
  if (closing !== ledgerFacts.closingMinor) {
    problems.push(
      `closing ${closing} is not the ledger's ${ledgerFacts.closingMinor} at posting ${statement.cutoffPostingId}`,
    )
  }
  const fromLedger = statementBalance({
    openingMinor: ledgerFacts.openingMinor,
    openingCutoffPostingId: statement.openingCutoffPostingId,
    movements: ledgerFacts.movements,
  })
  const figures: [string, bigint, bigint][] = [
    ['charges', charges, fromLedger.chargesMinor],
    ['payments', payments, fromLedger.paymentsMinor],
    ['credits', credits, fromLedger.creditsMinor],
    ['adjustments', adjustments, fromLedger.adjustmentsMinor],
  ]
  for (const [name, stated, posted] of figures) {
    if (stated !== posted) problems.push(`${name} ${stated} are not the ledger's ${posted} between its cut-offs`)
  }
  return problems
}
