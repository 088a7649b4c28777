/**
 * What one Direct Debit collection asks for, from the instruction and the account's balance. Pure: no
 * database, clock or I/O.
 *
 * - fixed: the fixed amount, plus the debt repayment element while the account owes money;
 * - variable: what the bills left owing;
 * - variable with a debt repayment element: a payment plan. The seed's rule is that setting the
 *   whole Direct Debit amount to be the debt repayment element "will stop Kraken requesting the
 *   whole amount", so the collection is the element alone (never more than is owed), not the
 *   balance with the element on top (which would take the debt twice).
 */
export function directDebitAmount({
  kind,
  amountMinor,
  debtRepaymentMinor,
  balanceMinor,
}: {
  kind: 'fixed' | 'variable'
  amountMinor: bigint | null
  debtRepaymentMinor: bigint
  /** The ledger balance: positive when the customer owes money. */
  balanceMinor: bigint
}): bigint {
  const owed = balanceMinor > 0n ? balanceMinor : 0n
  if (kind === 'fixed') return (amountMinor ?? 0n) + (owed > 0n ? debtRepaymentMinor : 0n)
  if (debtRepaymentMinor > 0n) return debtRepaymentMinor < owed ? debtRepaymentMinor : owed
  return owed
}
