import { Conflict, Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'returned'
export type PaymentMethodKind = 'card' | 'bank_account' | 'direct_debit' | 'check' | 'cash'

export interface PaymentMethod {
  readonly id: string
  readonly kind: 'card' | 'bank_account'
  readonly brand: string
  readonly last4: string
  readonly expiryMonth: number | null
  readonly expiryYear: number | null
  readonly holderName: string | null
  readonly createdAt: Date
}

export interface PaymentEvent {
  readonly status: PaymentStatus
  readonly source: 'taken' | 'processor' | 'staff'
  readonly detail: string | null
  readonly occurredAt: Date
}

export interface Payment {
  readonly id: string
  readonly confirmationNumber: string
  readonly accountId: string
  readonly method: PaymentMethodKind
  /** "Visa •••• 4242" for cards and bank accounts. */
  readonly methodLabel: string | null
  readonly amountMinor: bigint
  readonly currency: string
  readonly statementId: string | null
  readonly status: PaymentStatus
  readonly failure: { readonly code: string; readonly message: string } | null
  readonly reference: string | null
  readonly source: 'staff' | 'direct_debit' | 'customer'
  readonly takenOn: string
  /** When the money shows on the account: read back to the customer with the confirmation number. */
  readonly postsOn: string
  readonly createdAt: Date
  readonly events: readonly PaymentEvent[]
}

export interface CreditRequest {
  readonly id: string
  readonly accountId: string
  readonly accountNumber?: string
  readonly kind: 'goodwill_credit' | 'refund'
  readonly amountMinor: bigint
  readonly currency: string
  readonly reason: string
  readonly status: 'pending_approval' | 'completed' | 'rejected'
  readonly needsApproval: boolean
  readonly requestedBy: string
  readonly requestedAt: Date
  readonly decidedBy: string | null
  readonly decidedAt: Date | null
  readonly decisionNote: string | null
}

export class InvalidPayment extends withCode(ValidationFailed, 'INVALID_PAYMENT') {}
export class PaymentNotFound extends withCode(NotFound, 'PAYMENT_NOT_FOUND') {}
export class PaymentMethodNotFound extends withCode(NotFound, 'PAYMENT_METHOD_NOT_FOUND') {}
/** The same idempotency key sent with a different request. */
export class IdempotencyKeyReused extends withCode(Conflict, 'IDEMPOTENCY_KEY_REUSED') {}
/** The processor declined the payment; the payment is recorded as failed. */
export class PaymentDeclined extends withCode(Conflict, 'PAYMENT_DECLINED') {}
export class InvalidCreditRequest extends withCode(ValidationFailed, 'INVALID_CREDIT_REQUEST') {}
export class RefundExceedsCredit extends withCode(Conflict, 'REFUND_EXCEEDS_CREDIT') {}
export class CreditRequestNotFound extends withCode(NotFound, 'CREDIT_REQUEST_NOT_FOUND') {}
export class CreditRequestDecided extends withCode(Conflict, 'CREDIT_REQUEST_DECIDED') {}
export class CannotApproveOwnRequest extends withCode(Forbidden, 'CANNOT_APPROVE_OWN_REQUEST') {}
export class InvalidDirectDebit extends withCode(ValidationFailed, 'INVALID_DIRECT_DEBIT') {}
export class InvalidArrangement extends withCode(ValidationFailed, 'INVALID_ARRANGEMENT') {}
export class ArrangementExists extends withCode(Conflict, 'ARRANGEMENT_EXISTS') {}
export class NothingPastDue extends withCode(Conflict, 'NOTHING_PAST_DUE') {}
export class CollectionNotFound extends withCode(NotFound, 'DIRECT_DEBIT_COLLECTION_NOT_FOUND') {}
