/**
 * Words and chips for payments, credits and arrangements, shared by the payments tab, the approvals
 * queue and the collections screens.
 */
import { ApiError } from '../api.js'
import { capitalise } from '../shared/format.js'
import type { CreditRequest, Instalment, KeptPaymentMethod, PaymentMethodKind, PaymentStatus } from './payments-api.js'

export const methodLabels: Record<PaymentMethodKind, string> = {
  card: 'Card',
  bank_account: 'Bank account',
  direct_debit: 'Direct Debit',
  check: 'Cheque',
  cash: 'Cash',
}

const paymentTones: Record<PaymentStatus, string> = {
  pending: 'info',
  succeeded: 'positive',
  failed: 'danger',
  returned: 'warning',
}

export function PaymentStatusChip({ status }: { status: PaymentStatus }) {
  return (
    <span className={`chip chip-${paymentTones[status] ?? 'neutral'}`} data-testid="payment-status">
      {capitalise(status)}
    </span>
  )
}

const creditLabels: Record<CreditRequest['status'], { text: string; tone: string }> = {
  pending_approval: { text: 'Waiting for approval', tone: 'warning' },
  completed: { text: 'Applied', tone: 'positive' },
  rejected: { text: 'Rejected', tone: 'danger' },
}

export function CreditStatusChip({ status }: { status: CreditRequest['status'] }) {
  const { text, tone } = creditLabels[status] ?? { text: capitalise(status), tone: 'neutral' }
  return <span className={`chip chip-${tone}`}>{text}</span>
}

export const creditKindLabels: Record<CreditRequest['kind'], string> = {
  goodwill_credit: 'Goodwill credit',
  refund: 'Refund',
}

const instalmentLabels: Record<Instalment['state'], { text: string; tone: string }> = {
  paid: { text: 'Paid', tone: 'positive' },
  part_paid: { text: 'Part paid', tone: 'info' },
  due: { text: 'Due', tone: 'warning' },
  missed: { text: 'Missed', tone: 'danger' },
  scheduled: { text: 'Scheduled', tone: 'neutral' },
}

export function InstalmentStateChip({ state }: { state: Instalment['state'] }) {
  const { text, tone } = instalmentLabels[state] ?? { text: capitalise(state), tone: 'neutral' }
  return (
    <span className={`chip chip-${tone}`} data-testid="instalment-state">
      {text}
    </span>
  )
}

const brandLabels: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'Amex',
  discover: 'Discover',
}

/** "Visa •••• 4242, expires 12/2030"; "Bank account •••• 6789". */
export function methodDescription(method: KeptPaymentMethod, { expiry = true }: { expiry?: boolean } = {}): string {
  // A bank account's brand is the scheme it is debited through ("Direct Debit"), not a name to show.
  const brand =
    method.kind === 'bank_account' ? 'Bank account' : (brandLabels[method.brand.toLowerCase()] ?? method.brand)
  const expires =
    expiry && method.expiryMonth && method.expiryYear
      ? `, expires ${String(method.expiryMonth).padStart(2, '0')}/${method.expiryYear}`
      : ''
  return `${brand} •••• ${method.last4}${expires}`
}

export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback
}
