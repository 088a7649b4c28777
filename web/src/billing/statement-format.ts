/**
 * How statements read on screen: kinds and statuses in words, meter points as MPAN or MPRN,
 * quantities and rates exactly as the server sent them. Periods are formatted in one place for the
 * whole console (`shared/format.ts`, `formatPeriod`).
 */
import type { StatementKind, StatementStatus } from '../api.js'

export const statementKindLabels: Readonly<Record<StatementKind, string>> = {
  periodic: 'Periodic',
  final: 'Final',
  rebill: 'Rebill',
  corrected_final: 'Corrected final',
}

/** The kind in words; a kind the console does not know yet is shown as sent. */
export function statementKindLabel(kind: string): string {
  return statementKindLabels[kind as StatementKind] ?? kind.replaceAll('_', ' ')
}

const statusChips: Readonly<Record<StatementStatus, { label: string; tone: string }>> = {
  held: { label: 'Held', tone: 'chip-warning' },
  issued: { label: 'Issued', tone: 'chip-positive' },
  rejected: { label: 'Rejected', tone: 'chip-neutral' },
  superseded: { label: 'Superseded', tone: 'chip-neutral' },
  uninvoiced: { label: 'Uninvoiced', tone: 'chip-info' },
  invoiced: { label: 'Invoiced', tone: 'chip-positive' },
}

/** The status chip's label and colour class; an unknown status shows as sent, in a neutral chip. */
export function statementStatusChip(status: string): { label: string; tone: string } {
  return (
    statusChips[status as StatementStatus] ?? {
      label: status.charAt(0).toUpperCase() + status.slice(1).replaceAll('_', ' '),
      tone: 'chip-neutral',
    }
  )
}

/** Replaced or rejected statements no longer count towards the balance; the list dims them. */
export function isSpent(status: string): boolean {
  return status === 'superseded' || status === 'rejected'
}

/** MPAN cores (electricity) are 13 digits; MPRNs (gas) are 6 to 10. */
export function meterPointLabel(identifier: string): string {
  return /^\d{13}$/.test(identifier) ? `MPAN ${identifier}` : `MPRN ${identifier}`
}

export function paymentMethodLabel(method: string): string {
  if (method === 'DIRECT_DEBIT') return 'Direct Debit'
  if (method === 'NON_DIRECT_DEBIT') return 'Pays on receipt'
  return method.charAt(0).toUpperCase() + method.slice(1).toLowerCase().replaceAll('_', ' ')
}

/** Drop trailing zeros after the point, keeping at least `keep` decimals: `31.000` → `31`. */
function trimDecimals(decimal: string, keep: number): string {
  const [whole = decimal, fraction = ''] = decimal.split('.')
  let kept = fraction
  while (kept.length > keep && kept.endsWith('0')) kept = kept.slice(0, -1)
  return kept ? `${whole}.${kept}` : whole
}

/** A line's quantity with its unit (`569.678 kWh`, `31 days`); money lines (a write-off) have none. */
export function formatQuantity(quantity: string, unit: string): string {
  if (unit === 'kWh') return `${quantity} kWh`
  if (unit === 'day') {
    const days = trimDecimals(quantity, 0)
    return `${days} ${days === '1' ? 'day' : 'days'}`
  }
  return ''
}

/** A 4-decimal pence rate per unit, without zeros past the penny: `25.60p/kWh`, `6.6667p/kWh`, `46.00p/day`. */
export function formatRate(ratePence: string | null, unit: string): string {
  if (ratePence === null) return ''
  const per = unit === 'day' ? '/day' : unit === 'kWh' ? '/kWh' : ''
  return `${trimDecimals(ratePence, 2)}p${per}`
}

/** `5.00` → `5%`. */
export function formatPercent(percent: string): string {
  return `${trimDecimals(percent, 0)}%`
}

/** A statement's balance figures as the server sends them: strings of minor units, null until issued. */
export type BalanceFigures = {
  readonly openingBalanceMinor: string | null
  readonly chargesMinor: string | null
  readonly paymentsMinor: string | null
  readonly creditsMinor: string | null
  readonly adjustmentsMinor: string | null
  readonly closingBalanceMinor: string | null
}

/**
 * What the figures' ledger identity (BIL-10: opening + charges − payments − credits + adjustments =
 * closing) gives for the closing balance, exactly; null when a figure is missing (not issued, or
 * issued before the summary was recorded by kind), so there is nothing to check.
 */
export function closingByIdentity(statement: BalanceFigures): string | null {
  const figures = [
    statement.openingBalanceMinor,
    statement.chargesMinor,
    statement.paymentsMinor,
    statement.creditsMinor,
    statement.adjustmentsMinor,
  ]
  if (figures.some((figure) => figure === null || !/^-?\d+$/.test(figure))) return null
  const [opening, charges, payments, credits, adjustments] = figures.map((figure) => BigInt(figure ?? '0'))
  return String((opening ?? 0n) + (charges ?? 0n) - (payments ?? 0n) - (credits ?? 0n) + (adjustments ?? 0n))
}
