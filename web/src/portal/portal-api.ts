/**
 * The customer portal's typed client over `/api/portal` (UI-2). Requests go with the portal's own
 * cookie (`cuttle_portal`, `credentials: 'same-origin'`); every error response
 * `{ error: { code, message, details } }` becomes a thrown `ApiError`, as in the staff console, so
 * screens show the server's own message. Money is a string of minor units throughout.
 */
import { ApiError, type UsageSeries } from '../api.js'
import { brand } from '../shared/brand.js'

/** How this person is attached to an account (USR-2). */
export type PortalUserKind =
  | 'holder'
  | 'authorized_full'
  | 'authorized_limited'
  | 'property_manager'
  | 'power_of_attorney'
  | 'third_party'

/** What this person may do on one account; each portal screen is shown only when its capability is here. */
export type PortalCapability =
  | 'view_bills'
  | 'view_usage'
  | 'view_payments'
  | 'pay'
  | 'update_contact'
  | 'manage_users'
  | 'contact_service'
  | 'bulk_statements'
  | 'tenant_requests'
  | 'change_billing_preferences'
  | 'replace_primary_email'

export type PortalUser = { id: string; email: string; displayName: string }

export type PortalAccountSummary = {
  accountNumber: string
  name: string
  address: string
  kind: PortalUserKind
  allows: PortalCapability[]
}

/** The signed-in customer and the accounts they reach (the answer of sign-in, `me` and accepting an invitation). */
export type PortalSession = { user: PortalUser; accounts: PortalAccountSummary[] }

export type PortalAccount = {
  accountNumber: string
  name: string
  address: string
  /** Positive: the customer owes; negative: in credit. */
  balanceMinor: string
  /** `active` or `closed` today; typed loosely so a new status shows rather than breaks the page. */
  status: string
  kind: PortalUserKind
  allows: PortalCapability[]
}

export type PortalStatement = {
  number: string
  /** ISO instants or dates of the billed period [from, to). */
  periodFrom: string
  periodTo: string
  totalMinor: string
  dueOn: string
  status: string
}

export type PortalUsageGranularity = 'day' | 'week' | 'month'

/**
 * Usage as the portal answers it: the staff series' buckets and total. The echo of the request
 * (`granularity`, `from`, `to`) is optional here because the first server build leaves it out;
 * screens draw from what they asked for.
 */
export type PortalUsageSeries = Pick<UsageSeries, 'totalKwh' | 'items'> &
  Partial<Omit<UsageSeries, 'totalKwh' | 'items'>> & { meterPoints?: string[] }

export type PortalPayment = {
  confirmationNumber: string
  method: string
  /** "Visa •••• 4242" for cards and bank accounts; null for other methods. */
  methodLabel: string | null
  amountMinor: string
  status: string
  postsOn: string
  createdAt: string
}

export type PortalPaymentMethod = {
  id: string
  kind: string
  brand: string | null
  last4: string | null
  expiryMonth: number | null
  expiryYear: number | null
}

export type PortalCard = { number: string; expiryMonth: number; expiryYear: number; cvc: string }

export type PortalPaymentInput =
  | { amountMinor: string; card: PortalCard }
  | { amountMinor: string; paymentMethodId: string }

export type BillingMode = 'paper' | 'paperless'

/** A contact field a person may change; the server decides by their access (the holder all of them). */
export type ContactField = 'phone' | 'smsEnrolled' | 'billingMode' | 'email'

export type PortalContact = {
  email?: string | null
  phone?: string | null
  billingMode: BillingMode
  smsEnrolled?: boolean
  /** The fields this person may change; billing preferences and the primary email are the holder's. */
  editable?: ContactField[]
}

export type PortalContactChange = Partial<{
  email: string
  phone: string
  billingMode: BillingMode
  smsEnrolled: boolean
}>

export type AuthorizedUserLevel = 'full' | 'limited'

export type PortalAccountUser = {
  id: string
  email: string
  displayName: string
  kind: PortalUserKind
  status: string
  validTo: string | null
}

export type PortfolioAccount = { accountNumber: string; name: string; address: string; balanceMinor: string }

/** A tenant moving in (the supply starts in their name) or out (it stops), asked by a property manager. */
export type TenantRequestInput =
  | {
      kind: 'move_in'
      tenantName: string
      tenantEmail: string
      moveInOn: string
      openingReading?: string
      note?: string
    }
  | { kind: 'move_out'; moveOutOn: string; closingReading?: string; note?: string }

/** A tenant request as the manager sees it: the case it became and where it is. */
export type TenantRequest = {
  caseNumber: string
  accountNumber: string
  address: string
  kind: 'move_in' | 'move_out'
  /** The move date, 'YYYY-MM-DD'. */
  on: string | null
  /** The case's status: open, in_progress, waiting_on_customer, resolved, closed. */
  status: string
  statusAt: string
  openedAt: string
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

async function request<T>({
  method = 'GET',
  path,
  body,
  headers: extraHeaders,
}: {
  method?: Method
  path: string
  body?: unknown
  headers?: Record<string, string>
}): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(`/api/portal${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: `We could not reach ${brand().name}. Check your connection and try again.`,
      details: String(cause),
    })
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let payload: unknown
  try {
    payload = text ? JSON.parse(text) : undefined
  } catch {
    payload = text
  }
  if (response.ok) return payload as T
  const error = typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown }
    throw new ApiError({
      status: response.status,
      code: typeof code === 'string' ? code : `HTTP_${response.status}`,
      message: typeof message === 'string' && message ? message : `The server answered ${response.status}.`,
      details,
    })
  }
  throw new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    details: payload,
  })
}

const account = (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`

/** The signed-in customer, or null when nobody is signed in. @throws ApiError when the portal cannot answer */
export async function currentSession(): Promise<PortalSession | null> {
  // The probe answers null rather than a 401 (which the browser would log as an error).
  const { me } = await request<{ me: PortalSession | null }>({ path: '/session/probe' })
  return me
}

/** Sign in with email and password. @throws ApiError (the server's refusal, e.g. wrong password) */
export function signIn(input: { email: string; password: string }): Promise<PortalSession> {
  return request<PortalSession>({ method: 'POST', path: '/session', body: input })
}

/** End the portal session. */
export async function signOut(): Promise<void> {
  await request<void>({ method: 'DELETE', path: '/session' })
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
  return request<PortalSession>({
    method: 'POST',
    path: `/invitations/${encodeURIComponent(token)}/accept`,
    body: { displayName, password },
  })
}

/** One account with its balance and what this person may do on it. */
export function accountDetail({ accountNumber }: { accountNumber: string }): Promise<PortalAccount> {
  return request<PortalAccount>({ path: account(accountNumber) })
}

/** The account's statements, newest first. */
export async function statements({ accountNumber }: { accountNumber: string }): Promise<PortalStatement[]> {
  const { items } = await request<{ items: PortalStatement[] }>({ path: `${account(accountNumber)}/statements` })
  return items
}

/** Where a statement's PDF is served (opened as a link, so the browser downloads it with the cookie). */
export function statementPdfUrl({ accountNumber, number }: { accountNumber: string; number: string }): string {
  return `/api/portal${account(accountNumber)}/statements/${encodeURIComponent(number)}/pdf`
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
  const params = new URLSearchParams({ granularity, from, to })
  return request<PortalUsageSeries>({ path: `${account(accountNumber)}/usage?${params}` })
}

/** Payment history and the kept payment methods. */
export function payments({
  accountNumber,
}: {
  accountNumber: string
}): Promise<{ items: PortalPayment[]; methods: PortalPaymentMethod[] }> {
  return request({ path: `${account(accountNumber)}/payments` })
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
  const { payment } = await request<{ payment: PortalPayment }>({
    method: 'POST',
    path: `${account(accountNumber)}/payments`,
    headers: { 'Idempotency-Key': idempotencyKey },
    body: input,
  })
  return payment
}

/** Contact details and billing preferences. */
export function contact({ accountNumber }: { accountNumber: string }): Promise<PortalContact> {
  return request<PortalContact>({ path: `${account(accountNumber)}/contact` })
}

/** Change contact details or preferences; answers with them as saved. @throws ApiError with field problems */
export function updateContact({
  accountNumber,
  change,
}: {
  accountNumber: string
  change: PortalContactChange
}): Promise<PortalContact> {
  return request<PortalContact>({ method: 'PATCH', path: `${account(accountNumber)}/contact`, body: change })
}

/** The people who may use the account. */
export function accountUsers({ accountNumber }: { accountNumber: string }): Promise<PortalAccountUser[]> {
  return request<PortalAccountUser[]>({ path: `${account(accountNumber)}/users` })
}

/**
 * Invite someone to use the account at a level (the holder only). The answer is whatever the server
 * says about the invitation; screens only need that it succeeded.
 */
export function inviteUser({
  accountNumber,
  email,
  level,
}: {
  accountNumber: string
  email: string
  level: AuthorizedUserLevel
}): Promise<unknown> {
  return request<unknown>({
    method: 'POST',
    path: `${account(accountNumber)}/users/invitations`,
    body: { email, level },
  })
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
  await request<unknown>({
    method: 'PATCH',
    path: `${account(accountNumber)}/users/${encodeURIComponent(userId)}`,
    body: { level },
  })
}

/** Remove someone's access to the account. */
export async function removeUser({ accountNumber, userId }: { accountNumber: string; userId: string }): Promise<void> {
  await request<unknown>({ method: 'DELETE', path: `${account(accountNumber)}/users/${encodeURIComponent(userId)}` })
}

/**
 * A property manager's accounts with their balances. The contract names the list `accounts`; the
 * first server build answers `items`, so either is read.
 */
export async function portfolio(): Promise<PortfolioAccount[]> {
  const answer = await request<{ accounts?: PortfolioAccount[]; items?: PortfolioAccount[] }>({ path: '/portfolio' })
  return answer.accounts ?? answer.items ?? []
}

/**
 * Every account's latest statement, or all issued in `month` ('YYYY-MM'), as one ZIP of PDFs; read
 * whole so a refusal shows as a message rather than a page of JSON. @throws ApiError
 */
export async function portfolioStatementsZip({ month }: { month?: string }): Promise<{ blob: Blob; fileName: string }> {
  const query = month ? `?${new URLSearchParams({ month })}` : ''
  let response: Response
  try {
    response = await fetch(`/api/portal/portfolio/statements.zip${query}`, { credentials: 'same-origin' })
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: `We could not reach ${brand().name}. Check your connection and try again.`,
      details: String(cause),
    })
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: unknown }
    }
    throw new ApiError({
      status: response.status,
      code: payload.error?.code ?? `HTTP_${response.status}`,
      message: payload.error?.message ?? `The server answered ${response.status}.`,
      details: payload.error?.details,
    })
  }
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'portfolio-statements.zip'
  return { blob: await response.blob(), fileName }
}

/** The tenant requests this property manager made, newest first, each with its state. */
export async function tenantRequests(): Promise<TenantRequest[]> {
  const { items } = await request<{ items: TenantRequest[] }>({ path: '/portfolio/tenant-requests' })
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
  return request<TenantRequest>({ method: 'POST', path: `${account(accountNumber)}/tenant-requests`, body: input })
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
