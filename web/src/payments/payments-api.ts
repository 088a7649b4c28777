/**
 * The payments API (PAY-1..7, ACC-6) as the console uses it: the answers `/openapi.json` declares for
 * `src/api/routes/payments.ts` (generated, never written here) and typed calls over the shared client.
 * Money is a string of minor units both ways ("1250" is £12.50); never a float.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { ApiClient } from '../api.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'

export type AccountPayments = ResponseOf<'/api/accounts/{accountNumber}/payments', 'get'>
export type Payment = AccountPayments['items'][number]
export type PaymentStatus = Payment['status']
export type PaymentMethodKind = Payment['method']
export type PaymentEvent = Payment['events'][number]
export type KeptPaymentMethod = AccountPayments['methods'][number]
export type DirectDebit = NonNullable<AccountPayments['directDebit']>
export type CreditRequest = AccountPayments['creditRequests'][number]

export type TakePaymentInput = RequestOf<'/api/accounts/{accountNumber}/payments', 'post'>
/** What an agent may take: `check` is the API's word for a cheque. */
export type TakeMethod = TakePaymentInput['method']

export type AdequacyReview = ResponseOf<'/api/accounts/{accountNumber}/direct-debit/adequacy', 'get'>

export type Arrangements = ResponseOf<'/api/accounts/{accountNumber}/arrangements', 'get'>
export type Arrangement = Arrangements['items'][number]
export type Instalment = Arrangement['schedule'][number]
export type Frequency = Arrangement['frequency']

export type Approvals = ResponseOf<'/api/approvals', 'get'>
/** A business Direct Debit over the supplier's threshold, waiting for a manual approval. */
export type DirectDebitApproval = Approvals['directDebits'][number]

export type AccountStatusColour = ResponseOf<'/api/accounts/{accountNumber}/status', 'get'>
export type StatusColour = AccountStatusColour['colour']

export type NewMethod = RequestOf<'/api/accounts/{accountNumber}/payment-methods', 'post'>
export type NewCard = Extract<NewMethod, { kind: 'card' }>['card']
export type NewBankAccount = Extract<NewMethod, { kind: 'bank_account' }>['bankAccount']

const account = (accountNumber: string) => ({ path: { accountNumber } })

/** The account's payments, kept methods, Direct Debit and credit requests. */
export function accountPayments(
  api: ApiClient,
  { accountNumber, limit = 20, cursor }: { accountNumber: string; limit?: number; cursor?: string | null },
): Promise<AccountPayments> {
  return dataOf(
    api.client.GET('/api/accounts/{accountNumber}/payments', {
      params: { path: { accountNumber }, query: { limit, ...(cursor ? { cursor } : {}) } },
    }),
  )
}

/**
 * Take a payment. 201 (or 200 when the key was seen before) with the payment; a decline is an
 * `ApiError` PAYMENT_DECLINED (402) with `details.retryable` and `details.payment`.
 * @throws ApiError INVALID_PAYMENT, PAYMENT_DECLINED, IDEMPOTENCY_KEY_REUSED, CARD_NUMBER_REFUSED
 */
export function takePayment(
  api: ApiClient,
  { accountNumber, idempotencyKey, input }: { accountNumber: string; idempotencyKey: string; input: TakePaymentInput },
): Promise<ResponseOf<'/api/accounts/{accountNumber}/payments', 'post'>> {
  return dataOf(
    api.client.POST('/api/accounts/{accountNumber}/payments', {
      params: { path: { accountNumber }, header: { 'idempotency-key': idempotencyKey } },
      body: input,
    }),
  )
}

/** Keep a card or bank account (only its token, brand and last four digits are stored). */
export async function addPaymentMethod(
  api: ApiClient,
  { accountNumber, method }: { accountNumber: string; method: NewMethod },
): Promise<KeptPaymentMethod> {
  const { paymentMethod } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/payment-methods', { params: account(accountNumber), body: method }),
  )
  return paymentMethod
}

export async function removePaymentMethod(
  api: ApiClient,
  { accountNumber, paymentMethodId }: { accountNumber: string; paymentMethodId: string },
): Promise<void> {
  await api.client.DELETE('/api/accounts/{accountNumber}/payment-methods/{paymentMethodId}', {
    params: { path: { accountNumber, paymentMethodId } },
  })
}

/**
 * Ask for a goodwill credit or a refund. `pending` is true when it waits for a supervisor (202).
 * @throws ApiError INVALID_CREDIT_REQUEST, REFUND_EXCEEDS_CREDIT, IDEMPOTENCY_KEY_REUSED
 */
export function requestCredit(
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
): Promise<ResponseOf<'/api/accounts/{accountNumber}/credits', 'post'>> {
  const params = { path: { accountNumber }, header: { 'idempotency-key': idempotencyKey } }
  if (kind === 'refund') {
    return dataOf(
      api.client.POST('/api/accounts/{accountNumber}/refunds', {
        params,
        body: { amountMinor, reason, ...(refundToPaymentMethodId ? { refundToPaymentMethodId } : {}) },
      }),
    )
  }
  return dataOf(api.client.POST('/api/accounts/{accountNumber}/credits', { params, body: { amountMinor, reason } }))
}

export async function setUpDirectDebit(
  api: ApiClient,
  {
    accountNumber,
    ...body
  }: { accountNumber: string } & RequestOf<'/api/accounts/{accountNumber}/direct-debit', 'put'>,
): Promise<DirectDebit> {
  const { directDebit } = await dataOf(
    api.client.PUT('/api/accounts/{accountNumber}/direct-debit', { params: account(accountNumber), body }),
  )
  return directDebit
}

export async function cancelDirectDebit(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<void> {
  await api.client.DELETE('/api/accounts/{accountNumber}/direct-debit', { params: account(accountNumber) })
}

export function adequacyReview(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<AdequacyReview> {
  return dataOf(
    api.client.GET('/api/accounts/{accountNumber}/direct-debit/adequacy', { params: account(accountNumber) }),
  )
}

export function arrangements(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<Arrangements> {
  return dataOf(api.client.GET('/api/accounts/{accountNumber}/arrangements', { params: account(accountNumber) }))
}

/** @throws ApiError NOTHING_PAST_DUE, ARRANGEMENT_EXISTS, INVALID_ARRANGEMENT (field problems) */
export function createArrangement(
  api: ApiClient,
  {
    accountNumber,
    ...body
  }: { accountNumber: string } & RequestOf<'/api/accounts/{accountNumber}/arrangements', 'post'>,
): Promise<ResponseOf<'/api/accounts/{accountNumber}/arrangements', 'post'>> {
  return dataOf(api.client.POST('/api/accounts/{accountNumber}/arrangements', { params: account(accountNumber), body }))
}

export function arrangementLetterUrl({
  accountNumber,
  arrangementId,
}: {
  accountNumber: string
  arrangementId: string
}) {
  return `/api/accounts/${encodeURIComponent(accountNumber)}/arrangements/${encodeURIComponent(arrangementId)}/letter`
}

export function approvals(api: ApiClient): Promise<Approvals> {
  return dataOf(api.client.GET('/api/approvals'))
}

/** @throws ApiError CANNOT_APPROVE_OWN_REQUEST, CREDIT_REQUEST_DECIDED */
export async function decideCredit(
  api: ApiClient,
  { requestId, approve, note }: { requestId: string; approve: boolean; note?: string },
): Promise<CreditRequest> {
  const { request } = await dataOf(
    api.client.POST('/api/approvals/credits/{requestId}', {
      params: { path: { requestId } },
      body: note ? { approve, note } : { approve },
    }),
  )
  return request
}

export function decideDirectDebit(
  api: ApiClient,
  { collectionId, approve }: { collectionId: string; approve: boolean },
): Promise<ResponseOf<'/api/approvals/direct-debits/{collectionId}', 'post'>> {
  return dataOf(
    api.client.POST('/api/approvals/direct-debits/{collectionId}', {
      params: { path: { collectionId } },
      body: { approve },
    }),
  )
}

/**
 * Screens that change an account's money say so, so the header's status colour (and anything else
 * showing the balance) can fetch again without being wired to every form.
 */
export const accountChangedEvent = 'cuttle:account-changed'

export function announceAccountChanged(accountNumber: string): void {
  window.dispatchEvent(new CustomEvent(accountChangedEvent, { detail: { accountNumber } }))
}

/**
 * What a change to one account's money or collections makes stale in the cache: everything read for
 * that account (payments, arrangements, messages, collections, the header's balance and status) and
 * the collections worklist, which lists past-due amounts and the last action.
 */
export function invalidateAccount(queryClient: QueryClient, accountNumber: string): Promise<void> {
  return Promise.all(accountKeys(accountNumber).map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
    () => undefined,
  )
}

/** The query keys `invalidateAccount` invalidates, for a write's `invalidates`. */
export function accountKeys(accountNumber: string): QueryKey[] {
  return [
    ['account', accountNumber],
    ['collections', 'worklist'],
  ]
}

/** The permission to approve credits over the agent's limit (the approvals page). */
export const approvalsPermission = 'payments.credit.approve_over_limit'

export type NextCollection = ResponseOf<
  '/api/accounts/{accountNumber}/direct-debit/next-collection',
  'get'
>['nextCollection']

/** The Direct Debit's next collection: its date and amount, and any amount a billing specialist set. */
export async function nextCollection(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<NextCollection> {
  const { nextCollection } = await dataOf(
    api.client.GET('/api/accounts/{accountNumber}/direct-debit/next-collection', { params: account(accountNumber) }),
  )
  return nextCollection
}

/** Set the amount of the next collection (billing specialists). @throws ApiError INVALID_DIRECT_DEBIT */
export async function setNextCollection(
  api: ApiClient,
  { accountNumber, amountMinor, reason }: { accountNumber: string; amountMinor: string; reason: string },
): Promise<NextCollection> {
  const { nextCollection } = await dataOf(
    api.client.PUT('/api/accounts/{accountNumber}/direct-debit/next-collection', {
      params: account(accountNumber),
      body: { amountMinor, reason },
    }),
  )
  return nextCollection
}
