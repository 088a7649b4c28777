/**
 * The customer portal's calls over `/api/portal` (UI-2), on the shared generated client
 * (`shared/api-client.ts`): paths, bodies and answers are the ones `/openapi.json` declares. Requests
 * go with the portal's own cookie (`cuttle_portal`); every error answer becomes a thrown `ApiError`, so
 * screens show the server's own message. A 401 on a request made while signed in ends the portal
 * session (`onSessionEnded`), which shows the portal's sign-in. Money is a string of minor units.
 */
import { ApiError } from '../api.js'
import {
  createCuttleClient,
  dataOf,
  expectUnauthenticatedHeader,
  type paths,
  type RequestOf,
  type ResponseOf,
} from '../shared/api-client.js'
import { brand } from '../shared/brand.js'

/** The signed-in customer and the accounts they reach (the answer of sign-in, `me` and accepting an invitation). */
export type PortalSession = ResponseOf<'/api/portal/me', 'get'>
export type PortalUser = PortalSession['user']
export type PortalAccountSummary = PortalSession['accounts'][number]
/** How this person is attached to an account (USR-2). */
export type PortalUserKind = PortalAccountSummary['kind']
/** What this person may do on one account; each portal screen is shown only when its capability is here. */
export type PortalCapability = PortalAccountSummary['allows'][number]

export type PortalAccount = ResponseOf<'/api/portal/accounts/{accountNumber}', 'get'>
export type PortalStatement = ResponseOf<'/api/portal/accounts/{accountNumber}/statements', 'get'>['items'][number]

type UsagePath = '/api/portal/accounts/{accountNumber}/usage'
export type PortalUsageGranularity = NonNullable<
  NonNullable<paths[UsagePath]['get']['parameters']['query']>['granularity']
>
export type PortalUsageSeries = ResponseOf<UsagePath, 'get'>

type PaymentsPath = '/api/portal/accounts/{accountNumber}/payments'
export type PortalPayments = ResponseOf<PaymentsPath, 'get'>
export type PortalPayment = PortalPayments['items'][number]
export type PortalPaymentMethod = PortalPayments['methods'][number]
export type PortalPaymentInput = RequestOf<PaymentsPath, 'post'>

type ContactPath = '/api/portal/accounts/{accountNumber}/contact'
export type PortalContact = ResponseOf<ContactPath, 'get'>
export type BillingMode = PortalContact['billingMode']
/** A contact field a person may change; the server decides by their access (the holder all of them). */
export type ContactField = PortalContact['editable'][number]
export type PortalContactChange = RequestOf<ContactPath, 'patch'>

export type AuthorizedUserLevel = RequestOf<'/api/portal/accounts/{accountNumber}/users/{userId}', 'patch'>['level']
export type PortalAccountUser = ResponseOf<'/api/portal/accounts/{accountNumber}/users', 'get'>[number]

type SuppliesPath = '/api/portal/accounts/{accountNumber}/supplies'
/** The account's supplies: meters with their registers, and the tariff each is on with its rates. */
export type PortalSupplies = ResponseOf<SuppliesPath, 'get'>
export type PortalSupply = PortalSupplies['items'][number]
export type PortalReadingInput = RequestOf<'/api/portal/accounts/{accountNumber}/readings', 'post'>
export type PortalReading = ResponseOf<'/api/portal/accounts/{accountNumber}/readings', 'post'>
type MessagesPath = '/api/portal/accounts/{accountNumber}/messages'
/** One message of the customer's conversation with the supplier. */
export type PortalMessage = ResponseOf<MessagesPath, 'get'>['items'][number]
export type PortalMessageInput = RequestOf<MessagesPath, 'post'>

export type PortfolioAccount = ResponseOf<'/api/portal/portfolio', 'get'>['items'][number]

/** A tenant moving in (the supply starts in their name) or out (it stops), asked by a property manager. */
export type TenantRequestInput = RequestOf<'/api/portal/accounts/{accountNumber}/tenant-requests', 'post'>
/** A tenant request as the manager sees it: the case it became and where it is. */
export type TenantRequest = ResponseOf<'/api/portal/portfolio/tenant-requests', 'get'>['items'][number]

/**
 * The portal's query keys (`@tanstack/react-query`): one account's data sits under
 * `['account', accountNumber]`, so a write invalidates exactly what it changes.
 */
export const portalKeys = {
  session: ['session'] as const,
  account: (accountNumber: string) => ['account', accountNumber] as const,
  statements: (accountNumber: string) => ['account', accountNumber, 'statements'] as const,
  usage: (accountNumber: string, range: { granularity: PortalUsageGranularity; from: string; to: string }) =>
    ['account', accountNumber, 'usage', range] as const,
  payments: (accountNumber: string) => ['account', accountNumber, 'payments'] as const,
  contact: (accountNumber: string) => ['account', accountNumber, 'contact'] as const,
  users: (accountNumber: string) => ['account', accountNumber, 'users'] as const,
  supplies: (accountNumber: string) => ['account', accountNumber, 'supplies'] as const,
  messages: (accountNumber: string) => ['account', accountNumber, 'messages'] as const,
  portfolio: ['portfolio'] as const,
  tenantRequests: ['portfolio', 'tenant-requests'] as const,
}

let sessionEnded: ((error: ApiError) => void) | null = null

/**
 * Call `handler` when a request made while signed in answers 401 (the portal session expired or was
 * ended elsewhere); answers a function that stops it.
 */
export function onSessionEnded(handler: (error: ApiError) => void): () => void {
  sessionEnded = handler
  return () => {
    if (sessionEnded === handler) sessionEnded = null
  }
}

const client = createCuttleClient({ onUnauthenticated: (error) => sessionEnded?.(error) })

/** For requests whose 401 is their own answer (probing the session, signing in): not a session that ended. */
const expectsUnauthenticated = { headers: { [expectUnauthenticatedHeader]: '1' } }

/** The data of a call; a network failure names the supplier, as the portal always has. */
async function call<Data>(request: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  try {
    return await dataOf(request)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NETWORK_ERROR') {
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: `We could not reach ${brand().name}. Check your connection and try again.`,
        details: error.details,
      })
    }
    throw error
  }
}

const path = (accountNumber: string) => ({ params: { path: { accountNumber } } })
const userPath = (accountNumber: string, userId: string) => ({ params: { path: { accountNumber, userId } } })

/** The signed-in customer, or null when nobody is signed in. @throws ApiError when the portal cannot answer */
export async function currentSession(): Promise<PortalSession | null> {
  // The probe answers null rather than a 401 (which the browser would log as an error).
  const { me } = await call(client.GET('/api/portal/session/probe'))
  return me
}

/** Sign in with email and password. @throws ApiError (the server's refusal, e.g. wrong password) */
export function signIn(input: { email: string; password: string }): Promise<PortalSession> {
  return call(client.POST('/api/portal/session', { body: input, ...expectsUnauthenticated }))
}

/** End the portal session, once every request already on its way has come back (`whenIdle`). */
export async function signOut(): Promise<void> {
  await client.whenIdle()
  await call(client.DELETE('/api/portal/session', expectsUnauthenticated))
}

/** Accept an invitation to an account, creating the invitee's login; signs them in. */
export function acceptInvitation({
  token,
  displayName,
  password,
}: {
  token: string
  displayName: string
  password: string
}): Promise<PortalSession> {
  return call(
    client.POST('/api/portal/invitations/{token}/accept', {
      params: { path: { token } },
      body: { displayName, password },
      ...expectsUnauthenticated,
    }),
  )
}

/** One account with its balance and what this person may do on it. */
export function accountDetail({ accountNumber }: { accountNumber: string }): Promise<PortalAccount> {
  return call(client.GET('/api/portal/accounts/{accountNumber}', path(accountNumber)))
}

/** The account's statements, newest first. */
export async function statements({ accountNumber }: { accountNumber: string }): Promise<PortalStatement[]> {
  const { items } = await call(client.GET('/api/portal/accounts/{accountNumber}/statements', path(accountNumber)))
  return items
}

/** Where a statement's PDF is served (opened as a link, so the browser downloads it with the cookie). */
export function statementPdfUrl({ accountNumber, number }: { accountNumber: string; number: string }): string {
  return `/api/portal/accounts/${encodeURIComponent(accountNumber)}/statements/${encodeURIComponent(number)}/pdf`
}

/** Usage between local dates [from, to), the same series as the staff console's. */
export function usage({
  accountNumber,
  granularity,
  from,
  to,
}: {
  accountNumber: string
  granularity: PortalUsageGranularity
  from: string
  to: string
}): Promise<PortalUsageSeries> {
  return call(
    client.GET('/api/portal/accounts/{accountNumber}/usage', {
      params: { path: { accountNumber }, query: { granularity, from, to } },
    }),
  )
}

/** Payment history and the kept payment methods. */
export function payments({ accountNumber }: { accountNumber: string }): Promise<PortalPayments> {
  return call(client.GET('/api/portal/accounts/{accountNumber}/payments', path(accountNumber)))
}

/**
 * Pay towards the account. The key is the caller's, one per submission, so a retry of the same
 * submission is never charged twice. @throws ApiError PAYMENT_DECLINED (402) with the reason
 */
export async function pay({
  accountNumber,
  idempotencyKey,
  input,
}: {
  accountNumber: string
  idempotencyKey: string
  input: PortalPaymentInput
}): Promise<PortalPayment> {
  const { payment } = await call(
    client.POST('/api/portal/accounts/{accountNumber}/payments', {
      params: { path: { accountNumber }, header: { 'idempotency-key': idempotencyKey } },
      body: input,
    }),
  )
  return payment
}

/** Contact details and billing preferences. */
export function contact({ accountNumber }: { accountNumber: string }): Promise<PortalContact> {
  return call(client.GET('/api/portal/accounts/{accountNumber}/contact', path(accountNumber)))
}

/** Change contact details or preferences; answers with them as saved. @throws ApiError with field problems */
export function updateContact({
  accountNumber,
  change,
}: {
  accountNumber: string
  change: PortalContactChange
}): Promise<PortalContact> {
  return call(client.PATCH('/api/portal/accounts/{accountNumber}/contact', { ...path(accountNumber), body: change }))
}

/** The account's supplies with their meters and the tariff each is on. */
export function supplies({ accountNumber }: { accountNumber: string }): Promise<PortalSupplies> {
  return call(client.GET('/api/portal/accounts/{accountNumber}/supplies', path(accountNumber)))
}

/** Give a meter reading. @throws ApiError READING_REJECTED with the field and why */
export function submitReading({
  accountNumber,
  input,
}: {
  accountNumber: string
  input: PortalReadingInput
}): Promise<PortalReading> {
  return call(client.POST('/api/portal/accounts/{accountNumber}/readings', { ...path(accountNumber), body: input }))
}

/** This person's conversation with the supplier on the account, oldest first. */
export async function messages({ accountNumber }: { accountNumber: string }): Promise<PortalMessage[]> {
  const { items } = await call(client.GET('/api/portal/accounts/{accountNumber}/messages', path(accountNumber)))
  return items
}

/** Write to the supplier; answers the conversation with the message in it. @throws ApiError with field problems */
export async function sendMessage({
  accountNumber,
  input,
}: {
  accountNumber: string
  input: PortalMessageInput
}): Promise<PortalMessage[]> {
  const { items } = await call(
    client.POST('/api/portal/accounts/{accountNumber}/messages', { ...path(accountNumber), body: input }),
  )
  return items
}

/** The people who may use the account. */
export function accountUsers({ accountNumber }: { accountNumber: string }): Promise<PortalAccountUser[]> {
  return call(client.GET('/api/portal/accounts/{accountNumber}/users', path(accountNumber)))
}

/** Invite someone to use the account at a level (the holder only); the email is sent at once. */
export async function inviteUser({
  accountNumber,
  email,
  level,
}: {
  accountNumber: string
  email: string
  level: AuthorizedUserLevel
}): Promise<void> {
  await call(
    client.POST('/api/portal/accounts/{accountNumber}/users/invitations', {
      ...path(accountNumber),
      body: { email, level },
    }),
  )
}

/** Change an authorized user's level. */
export async function changeUserLevel({
  accountNumber,
  userId,
  level,
}: {
  accountNumber: string
  userId: string
  level: AuthorizedUserLevel
}): Promise<void> {
  await call(
    client.PATCH('/api/portal/accounts/{accountNumber}/users/{userId}', {
      ...userPath(accountNumber, userId),
      body: { level },
    }),
  )
}

/** Remove someone's access to the account. */
export async function removeUser({ accountNumber, userId }: { accountNumber: string; userId: string }): Promise<void> {
  await call(client.DELETE('/api/portal/accounts/{accountNumber}/users/{userId}', userPath(accountNumber, userId)))
}

/** A property manager's accounts with their balances. */
export async function portfolio(): Promise<PortfolioAccount[]> {
  const { items } = await call(client.GET('/api/portal/portfolio'))
  return items
}

/**
 * Every account's latest statement, or all issued in `month` ('YYYY-MM'), as one ZIP of PDFs; read
 * whole so a refusal shows as a message rather than a page of JSON. @throws ApiError
 */
export async function portfolioStatementsZip({ month }: { month?: string }): Promise<{ blob: Blob; fileName: string }> {
  const request = client.GET('/api/portal/portfolio/statements.zip', {
    params: { query: month ? { month } : {} },
    parseAs: 'blob',
  })
  const blob = await call<Blob>(request)
  const { response } = await request
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'portfolio-statements.zip'
  return { blob, fileName }
}

/** The tenant requests this property manager made, newest first, each with its state. */
export async function tenantRequests(): Promise<TenantRequest[]> {
  const { items } = await call(client.GET('/api/portal/portfolio/tenant-requests'))
  return items
}

/** Ask for a tenant's supply to start or stop at a property of the portfolio. @throws ApiError with field problems */
export function requestTenantChange({
  accountNumber,
  input,
}: {
  accountNumber: string
  input: TenantRequestInput
}): Promise<TenantRequest> {
  return call(
    client.POST('/api/portal/accounts/{accountNumber}/tenant-requests', { ...path(accountNumber), body: input }),
  )
}

/** How each kind of access is named to customers. */
export const kindLabels: Readonly<Record<PortalUserKind, string>> = {
  holder: 'Account holder',
  authorized_full: 'Authorized user (full)',
  authorized_limited: 'Authorized user (limited)',
  property_manager: 'Property manager',
  power_of_attorney: 'Power of attorney',
  third_party: 'Third party',
}
