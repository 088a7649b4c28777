/**
 * The payments API (PAY-1..7, ACC-6) as the console uses it: the shapes of
 * `src/api/routes/payments.ts` and typed calls over the shared client's `send`. Money is a string
 * of minor units both ways ("1250" is £12.50); never a float.
 */
import type { ApiClient } from '../api.js'

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'returned'
export type PaymentMethodKind = 'card' | 'bank_account' | 'direct_debit' | 'check' | 'cash'
/** What an agent may take: `check` is the API's word for a cheque. */
export type TakeMethod = 'card' | 'bank_account' | 'check' | 'cash'

export type PaymentEvent = {
  status: PaymentStatus
  source: 'taken' | 'processor' | 'staff'
  detail: string | null
  occurredAt: string
}

export type Payment = {
  id: string
  confirmationNumber: string
  method: PaymentMethodKind
  /** "Visa •••• 4242" for cards and bank accounts. */
  methodLabel: string | null
  amountMinor: string
  currency: string
  statementId: string | null
  status: PaymentStatus
  failure: { code: string; message: string } | null
  reference: string | null
  source: 'staff' | 'direct_debit' | 'customer'
  takenOn: string
  /** When the money shows on the account: read back with the confirmation number. */
  postsOn: string
  createdAt: string
  events: PaymentEvent[]
}

export type KeptPaymentMethod = {
  id: string
  kind: 'card' | 'bank_account'
  brand: string
  last4: string
  expiryMonth: number | null
  expiryYear: number | null
  holderName: string | null
  createdAt: string
}

export type DirectDebit = {
  id: string
  paymentMethodId: string
  kind: 'fixed' | 'variable'
  amountMinor: string | null
  debtRepaymentMinor: string
  paymentDay: number
  status: 'active' | 'cancelled'
  createdAt: string
}

export type CreditRequest = {
  id: string
  accountId: string
  /** Only in the approvals queue. */
  accountNumber?: string
  kind: 'goodwill_credit' | 'refund'
  amountMinor: string
  currency: string
  reason: string
  status: 'pending_approval' | 'completed' | 'rejected'
  needsApproval: boolean
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  decisionNote: string | null
}

export type AccountPayments = {
  items: Payment[]
  nextCursor: string | null
  methods: KeptPaymentMethod[]
  directDebit: DirectDebit | null
  creditRequests: CreditRequest[]
}

export type AdequacyReview = {
  currentMinor: string | null
  projectedAnnualMinor: string
  balanceMinor: string
  recommendedMinor: string
  basisDays: number
}

export type Frequency = 'weekly' | 'fortnightly' | 'monthly'

export type Instalment = {
  seq: number
  dueOn: string
  amountMinor: string
  paidMinor: string
  state: 'paid' | 'part_paid' | 'due' | 'missed' | 'scheduled'
}

export type Arrangement = {
  id: string
  pastDueMinor: string
  downPaymentMinor: string
  instalmentMinor: string
  frequency: Frequency
  startsOn: string
  graceDays: number
  status: 'active' | 'completed' | 'broken' | 'cancelled'
  createdAt: string
  endedAt: string | null
  endReason: string | null
  paidMinor: string
  schedule: Instalment[]
}

export type Arrangements = { items: Arrangement[]; today: string; pastDueMinor: string; downPaymentPercent: number }

/** A business Direct Debit over the supplier's threshold, waiting for a manual approval. */
export type DirectDebitApproval = {
  id: string
  accountNumber: string
  collectOn: string
  amountMinor: string
  thresholdMinor: string
}

export type Approvals = { credits: CreditRequest[]; directDebits: DirectDebitApproval[] }

export type StatusColour = 'green' | 'yellow' | 'red' | 'gray'
export type AccountStatusColour = {
  colour: StatusColour
  reasons: { colour: StatusColour; code: string; detail: string }[]
}

export type NewCard = { number: string; expiryMonth: number; expiryYear: number; cvc: string; holderName?: string }
export type NewBankAccount = { accountNumber: string; bankCode: string; holderName: string }

export type TakePaymentInput = {
  method: TakeMethod
  amountMinor: string
  paymentMethodId?: string
  card?: NewCard & { save?: boolean }
  statementNumber?: string
  reference?: string
}

const base = (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`

/** The account's payments, kept methods, Direct Debit and credit requests. */
export function accountPayments(
  api: ApiClient,
  { accountNumber, limit = 20, cursor }: { accountNumber: string; limit?: number; cursor?: string | null },
): Promise<AccountPayments> {
  const params = new URLSearchParams({ limit: String(limit) })
  if (cursor) params.set('cursor', cursor)
  return api.send<AccountPayments>({ path: `${base(accountNumber)}/payments?${params}` })
}

/**
 * Take a payment. 201 (or 200 when the key was seen before) with the payment; a decline is an
 * `ApiError` PAYMENT_DECLINED (402) with `details.retryable` and `details.payment`.
 * @throws ApiError INVALID_PAYMENT, PAYMENT_DECLINED, IDEMPOTENCY_KEY_REUSED, CARD_NUMBER_REFUSED
 */
export async function takePayment(
  api: ApiClient,
  { accountNumber, idempotencyKey, input }: { accountNumber: string; idempotencyKey: string; input: TakePaymentInput },
): Promise<{ payment: Payment; replayed: boolean }> {
  return api.send({
    method: 'POST',
    path: `${base(accountNumber)}/payments`,
    headers: { 'Idempotency-Key': idempotencyKey },
    body: input,
  })
}

/** Keep a card or bank account (only its token, brand and last four digits are stored). */
export async function addPaymentMethod(
  api: ApiClient,
  {
    accountNumber,
    method,
  }: {
    accountNumber: string
    method: { kind: 'card'; card: NewCard } | { kind: 'bank_account'; bankAccount: NewBankAccount }
  },
): Promise<KeptPaymentMethod> {
  const { paymentMethod } = await api.send<{ paymentMethod: KeptPaymentMethod }>({
    method: 'POST',
    path: `${base(accountNumber)}/payment-methods`,
    body: method,
  })
  return paymentMethod
}

export function removePaymentMethod(
  api: ApiClient,
  { accountNumber, paymentMethodId }: { accountNumber: string; paymentMethodId: string },
): Promise<void> {
  return api.send({
    method: 'DELETE',
    path: `${base(accountNumber)}/payment-methods/${encodeURIComponent(paymentMethodId)}`,
  })
}

/**
 * Ask for a goodwill credit or a refund. `pending` is true when it waits for a supervisor (202).
 * @throws ApiError INVALID_CREDIT_REQUEST, REFUND_EXCEEDS_CREDIT, IDEMPOTENCY_KEY_REUSED
 */
export async function requestCredit(
  api: ApiClient,
  {
    accountNumber,
    kind,
    idempotencyKey,
    amountMinor,
    reason,
    refundToPaymentMethodId,
  }: {
    accountNumber: string
    kind: 'goodwill_credit' | 'refund'
    idempotencyKey: string
    amountMinor: string
    reason: string
    refundToPaymentMethodId?: string
  },
): Promise<{ request: CreditRequest; replayed: boolean }> {
  return api.send({
    method: 'POST',
    path: `${base(accountNumber)}/${kind === 'refund' ? 'refunds' : 'credits'}`,
    headers: { 'Idempotency-Key': idempotencyKey },
    body: {
      amountMinor,
      reason,
      ...(kind === 'refund' && refundToPaymentMethodId ? { refundToPaymentMethodId } : {}),
    },
  })
}

export async function setUpDirectDebit(
  api: ApiClient,
  {
    accountNumber,
    ...body
  }: {
    accountNumber: string
    paymentMethodId: string
    kind: 'fixed' | 'variable'
    amountMinor?: string
    debtRepaymentMinor?: string
    paymentDay: number
  },
): Promise<DirectDebit> {
  const { directDebit } = await api.send<{ directDebit: DirectDebit }>({
    method: 'PUT',
    path: `${base(accountNumber)}/direct-debit`,
    body,
  })
  return directDebit
}

export function cancelDirectDebit(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<void> {
  return api.send({ method: 'DELETE', path: `${base(accountNumber)}/direct-debit` })
}

export function adequacyReview(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<AdequacyReview> {
  return api.send({ path: `${base(accountNumber)}/direct-debit/adequacy` })
}

export function arrangements(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<Arrangements> {
  return api.send({ path: `${base(accountNumber)}/arrangements` })
}

/** @throws ApiError NOTHING_PAST_DUE, ARRANGEMENT_EXISTS, INVALID_ARRANGEMENT (field problems) */
export async function createArrangement(
  api: ApiClient,
  {
    accountNumber,
    ...body
  }: {
    accountNumber: string
    downPaymentMinor?: string
    instalmentMinor: string
    frequency: Frequency
    startsOn?: string
  },
): Promise<{ arrangement: Arrangement; messageId: string }> {
  return api.send({ method: 'POST', path: `${base(accountNumber)}/arrangements`, body })
}

export function arrangementLetterUrl({
  accountNumber,
  arrangementId,
}: {
  accountNumber: string
  arrangementId: string
}) {
  return `/api${base(accountNumber)}/arrangements/${encodeURIComponent(arrangementId)}/letter`
}

export function approvals(api: ApiClient): Promise<Approvals> {
  return api.send({ path: '/approvals' })
}

/** @throws ApiError CANNOT_APPROVE_OWN_REQUEST, CREDIT_REQUEST_DECIDED */
export async function decideCredit(
  api: ApiClient,
  { requestId, approve, note }: { requestId: string; approve: boolean; note?: string },
): Promise<CreditRequest> {
  const { request } = await api.send<{ request: CreditRequest }>({
    method: 'POST',
    path: `/approvals/credits/${encodeURIComponent(requestId)}`,
    body: note ? { approve, note } : { approve },
  })
  return request
}

export function decideDirectDebit(
  api: ApiClient,
  { collectionId, approve }: { collectionId: string; approve: boolean },
): Promise<{ outcome: string; paymentId: string | null }> {
  return api.send({
    method: 'POST',
    path: `/approvals/direct-debits/${encodeURIComponent(collectionId)}`,
    body: { approve },
  })
}

export function accountStatusColour(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<AccountStatusColour> {
  return api.send({ path: `${base(accountNumber)}/status` })
}

/**
 * Screens that change an account's money say so, so the header's status colour (and anything else
 * showing the balance) can fetch again without being wired to every form.
 */
export const accountChangedEvent = 'cuttle:account-changed'

export function announceAccountChanged(accountNumber: string): void {
  window.dispatchEvent(new CustomEvent(accountChangedEvent, { detail: { accountNumber } }))
}

/** The permission to approve credits over the agent's limit (the approvals page). */
export const approvalsPermission = 'payments.credit.approve_over_limit'
