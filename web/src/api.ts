/**
 * The console's typed client over the Cuttle JSON API (`/api`). Every request goes with the session
 * cookie (`credentials: 'same-origin'`); every error response `{ error: { code, message, details } }`
 * becomes a thrown `ApiError`, so screens handle failures by code rather than by status.
 */

import { createCuttleClient } from './shared/api-client.js'

export type RoleCode =
  | 'agent'
  | 'supervisor'
  | 'billing_specialist'
  | 'field_technician'
  | 'collections_specialist'
  | 'it_administrator'
  | 'executive'
  | 'export_specialist'
  | 'legal_reviewer'

export type BadgeColour = 'blue' | 'purple' | 'green' | 'orange' | 'red' | 'black' | 'gold'

export type StaffUser = {
  id: string
  email: string
  displayName: string
  role: RoleCode
  roleLabel: string
  badgeColour: BadgeColour
  permissions: string[]
  mustChangePassword: boolean
}

export type AccountStatus = 'active' | 'closed'

export type AccountSearchItem = {
  accountId: string
  accountNumber: string
  customerName: string
  serviceAddress: string
  postcode: string
  /** `active` or `closed` today; typed loosely so a new status shows rather than breaks the list. */
  status: string
}

export type Page<T> = { items: T[]; nextCursor: string | null }

export type NoteType = 'general' | 'billing' | 'payment' | 'service'

export type AccountNote = {
  id: string
  type: NoteType
  body: string
  createdAt: string
  author: { id: string; displayName: string }
}

export type PostalAddress = { addressLines: string[]; town: string; postcode: string }

/** An open "flag for supervisor review" raised by repeated failed verification. */
export type AccountReviewFlag = { id: string; reason: string; raisedAt: string }

/**
 * The account overview, shaped by the caller's permissions: `sections` lists what came, and a section
 * the caller may not see is absent (a field technician gets no billing address, preferences or notes).
 */
export type AccountOverview = {
  sections: string[]
  account: { id: string; number: string; status: AccountStatus; openedOn: string; market: string }
  customer: { id: string; kind: 'person' | 'business'; displayName: string }
  property: PostalAddress & { gspRegion: { code: string; name: string } | null }
  reviewFlags?: AccountReviewFlag[]
  billingAddress?: PostalAddress | null
  contacts?: {
    emails: Array<{ address: string; primary: boolean }>
    phones: Array<{ number: string; label: string | null; primary: boolean }>
  }
  preferences?: { billingMode: 'paperless' | 'paper' }
  notes?: Page<AccountNote>
  /** PSR need categories that matter on a visit. */
  siteNeeds?: Array<{ category: string }>
  meterPoints?: MeterPointView[]
}

export type Fuel = 'electricity' | 'gas'
export type SupplyDirection = 'import' | 'export'
export type MeterType = 'smart' | 'traditional' | 'prepayment'

export type MeterRegister = { identifier: string; rate: string; digits: number }

export type Meter = {
  serial: string
  type: MeterType
  /** Calendar dates (`YYYY-MM-DD`). */
  installedOn: string
  removedOn: string | null
  registers: MeterRegister[]
}

/** One agreement of the meter point's tariff history; `validFrom`/`validTo` are ISO instants. */
export type TariffAgreement = {
  tariffCode: string
  productCode: string
  productName: string
  validFrom: string
  validTo: string | null
}

export type MeterPointView = {
  id: string
  fuel: Fuel
  /** MPAN core (electricity) or MPRN (gas). */
  identifier: string
  direction: SupplyDirection
  profileClass: string | null
  gspRegion: string | null
  /** For an export MPAN: the import MPAN it is linked to. */
  linkedImport: string | null
  suppliedFrom: string
  suppliedTo: string | null
  meters: Meter[]
  /** Absent for a caller who may not read tariffs (a field technician). */
  agreements?: TariffAgreement[]
}

export type UsageGranularity = 'halfhour' | 'day' | 'week' | 'month'

/** One bucket of usage; `kwh` is an exact decimal string, `estimated` counts estimated half hours. */
export type UsageBucket = {
  start: string
  end: string
  /** `YYYY-MM-DD` (local start date), with ` P<n>` (settlement period) for half hours. */
  label: string
  kwh: string
  intervals: number
  estimated: number
}

export type UsageSeries = {
  meterPoint: string
  direction: SupplyDirection
  granularity: UsageGranularity
  timeZone: string
  unit: 'kWh'
  /** Local dates; `to` is exclusive. */
  from: string
  to: string
  totalKwh: string
  /** Buckets with no data are left out. */
  items: UsageBucket[]
}

export type ReadingSource = 'customer' | 'smart' | 'agent' | 'field' | 'industry' | 'estimated' | 'transfer'
/** `accepted`, `held` (waiting for review, with its reason) or `superseded`; reviews add `released`/`discarded`. */
export type ReadingStatus = 'accepted' | 'held' | 'superseded' | 'released' | 'discarded'

export type MeterReading = {
  id: string
  meterPoint: string
  meterSerial: string
  register: string
  readAt: string
  value: string
  source: ReadingSource
  /** A `ReadingStatus`; typed loosely so a new status shows rather than breaks the list. */
  status: string
  reason: string | null
}

export type NewReading = {
  meterPoint: string
  meterSerial: string
  register: string
  /** ISO instant. */
  readAt: string
  value: string
  source: 'customer' | 'agent'
}

/** Why a billing run held a statement for review (`charge_far_above_usual`, `estimated_too_long`, …). */
export type HoldReason = { code: string; message: string }

export type StatementKind = 'periodic' | 'final' | 'rebill' | 'corrected_final'
/** Business periods are `uninvoiced` until they go on an invoice or credit note, then `invoiced`. */
export type StatementStatus = 'held' | 'issued' | 'rejected' | 'superseded' | 'uninvoiced' | 'invoiced'

export type StatementUsage = {
  meterPointId: string
  identifier: string
  direction: string
  kwh: string
  energyMinor: string
  standingMinor: string
  standingDays: number
}

/** A statement; money fields are strings of integer minor units (a positive balance is owed). */
export type Statement = {
  id: string
  number: string
  accountId: string
  kind: StatementKind
  status: StatementStatus
  periodFrom: string
  periodTo: string
  version: number
  replacesStatementId: string | null
  currency: string
  /** `DIRECT_DEBIT` or `NON_DIRECT_DEBIT`. */
  paymentMethod: string
  netMinor: string
  vatMinor: string
  totalMinor: string
  writeoffMinor: string
  /** What the statement moved the balance by: the total, less a write-off and what a replaced version had charged. */
  postedMinor: string
  openingBalanceMinor: string | null
  paymentsMinor: string | null
  creditsMinor: string | null
  closingBalanceMinor: string | null
  dueOn: string | null
  holdReasons: HoldReason[]
  explanation: {
    days: number
    estimated: boolean
    usage: StatementUsage[]
    backbilling?: { cutoff: string; oldChargesMinor: string; writeoffMinor: string; reason: string }
    comparison?: {
      previousNumber: string
      previousDays: number
      previousNetMinor: string
      changeMinor: string
      usageEffectMinor: string
      priceEffectMinor: string
      otherEffectMinor: string
      summary: string
    }
  }
  createdAt: string
  issuedAt: string | null
}

export type StatementLine = {
  position: number
  identifier: string | null
  tariffCode: string | null
  kind: 'energy' | 'standing_charge' | 'export_credit' | 'backbilling_writeoff'
  rateKind: string | null
  from: string
  to: string
  quantity: string
  unit: string
  ratePence: string | null
  vatPercent: string
  amountMinor: string
  /** Where the line came from: half hours counted and estimated, the readings used, a rule. */
  source: Record<string, unknown>
  description: string
}

export type FinalSettlement = { kind: 'refund' | 'payment_request' | 'none'; amountMinor: string }

export type StatementDetail = Statement & {
  lines: StatementLine[]
  /** Final statements: the refund or payment request for the final balance. */
  settlement: FinalSettlement | null
}

/** A statement in the held-statements queue, with its account's number. */
export type HeldStatement = Statement & { accountNumber: string }

export type AccountBalance = {
  balanceMinor: string
  pastDueMinor: string
  buckets: { current: string; days1to30: string; days31to60: string; days61to90: string; over90: string }
  currency: string
}

export type BillingDocument = {
  id: string
  number: string
  kind: 'invoice' | 'credit_note'
  status: 'unissued' | 'issued'
  currency: string
  totalMinor: string
  needsPaymentApproval: boolean
  dueOn: string | null
  createdAt: string
  issuedAt: string | null
  statementNumbers: string[]
}

export type HistoricalBill = {
  id: string
  source: string
  reference: string
  issuedOn: string
  periodFrom: string
  periodTo: string
  totalMinor: string
  readings: { register: string; value: string; readOn: string }[]
}

/** One problem with one input field, as the server reports it in `error.details`. */
export type FieldProblem = { path: string; message: string }

/** A failed API call: the server's stable `code`, its human `message` and any `details`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor({
    status,
    code,
    message,
    details,
  }: { status: number; code: string; message: string; details?: unknown }) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }

  /**
   * The field problems in `details`, keyed by field path (`body`, `newPassword`), ready to show
   * beside the field. Paths may be strings or arrays (zod issue paths), and request-schema problems
   * are prefixed with the request part (`body.type`), which is dropped; several problems for one
   * field are joined.
   */
  fieldProblems(): Record<string, string> {
    const problems: Record<string, string> = {}
    if (!Array.isArray(this.details)) return problems
    for (const entry of this.details) {
      if (typeof entry !== 'object' || entry === null) continue
      const { path, message } = entry as { path?: unknown; message?: unknown }
      const key = fieldKey(path)
      if (!key || typeof message !== 'string' || !message) continue
      const sentence = message.charAt(0).toUpperCase() + message.slice(1)
      problems[key] = problems[key] ? `${problems[key]}; ${message}` : sentence
    }
    return problems
  }
}

const requestParts = new Set(['body', 'query', 'querystring', 'params'])

function fieldKey(path: unknown): string {
  const segments = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : []
  // `body.type` is the request body's `type`; a lone `body` is a field of that name (a note's body).
  if (segments.length > 1 && requestParts.has(segments[0] ?? '')) segments.shift()
  return segments.join('.')
}

export type ApiClientOptions = {
  /** Called when a request made while signed in comes back 401, so the app can show the sign-in page. */
  onUnauthenticated?: (error: ApiError) => void
}

export type RequestInput = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  body?: unknown
  /** Extra request headers (`Idempotency-Key` for payments, credits and refunds). */
  headers?: Record<string, string>
  /** Leave 401 to the caller (signing in, checking the session) instead of the global handler. */
  expectUnauthenticated?: boolean
}

/** Build the client; the app makes one and shares it through React context. */
export function createApiClient({ onUnauthenticated }: ApiClientOptions = {}) {
  const client = createCuttleClient({ onUnauthenticated })

  async function request<T>({
    method = 'GET',
    path,
    body,
    headers: extraHeaders,
    expectUnauthenticated = false,
  }: RequestInput): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
      })
    } catch (cause) {
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: 'Cuttle could not be reached. Check your connection and try again.',
        details: String(cause),
      })
    }
    if (response.status === 204) return undefined as T
    const payload = await readJson(response)
    if (response.ok) return payload as T
    const error = toApiError(response, payload)
    if (error.status === 401 && !expectUnauthenticated) onUnauthenticated?.(error)
    throw error
  }

  return {
    /** The generated client: every path, parameter, body and answer checked against `/openapi.json`. */
    client,

    /**
     * Any API request, for screens that keep their typed calls beside them (`payments/payments-api.ts`,
     * `collections/collections-api.ts`); errors are `ApiError`s and a 401 signs out, as for every call.
     */
    send: request,

    /** The signed-in staff user, or null when there is no session. */
    async currentUser(): Promise<StaffUser | null> {
      // The probe answers null rather than a 401 (which the browser would log as an error).
      const { user } = await request<{ user: StaffUser | null }>({ path: '/session/probe' })
      return user
    },

    /** Sign in. @throws ApiError INVALID_CREDENTIALS, ACCOUNT_LOCKED or TOTP_REQUIRED */
    async signIn(input: { email: string; password: string; totp?: string }): Promise<StaffUser> {
      const { user } = await request<{ user: StaffUser }>({
        method: 'POST',
        path: '/session',
        body: input,
        expectUnauthenticated: true,
      })
      return user
    },

    /** End the session. */
    async signOut(): Promise<void> {
      await request<void>({ method: 'DELETE', path: '/session', expectUnauthenticated: true })
    },

    /**
     * Replace an expired password. A wrong current password is a 401 (INVALID_CREDENTIALS) that
     * does not end the session, so it is left to the form. @throws ApiError with field problems
     */
    async changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
      await request<void>({ method: 'POST', path: '/session/password', body: input, expectUnauthenticated: true })
    },

    /** Ranked, misspelling-tolerant account search; pass `cursor` from the previous page for more. */
    async searchAccounts({
      q,
      limit = 20,
      cursor,
    }: {
      q: string
      limit?: number
      cursor?: string | null
    }): Promise<Page<AccountSearchItem>> {
      const params = new URLSearchParams({ q, limit: String(limit) })
      if (cursor) params.set('cursor', cursor)
      return request<Page<AccountSearchItem>>({ path: `/accounts?${params}` })
    },

    /** The account overview in one call. @throws ApiError NOT_FOUND */
    async accountOverview({ accountNumber }: { accountNumber: string }): Promise<AccountOverview> {
      return request<AccountOverview>({ path: `/accounts/${encodeURIComponent(accountNumber)}` })
    },

    /** Add an immutable note to an account. @throws ApiError with field problems in details */
    async addNote({
      accountNumber,
      type,
      body,
    }: {
      accountNumber: string
      type: NoteType
      body: string
    }): Promise<AccountNote> {
      const { note } = await request<{ note: AccountNote }>({
        method: 'POST',
        path: `/accounts/${encodeURIComponent(accountNumber)}/notes`,
        body: { type, body },
      })
      return note
    },

    /** The account's meter points with their meters, registers and tariff history. */
    async meterPoints({ accountNumber }: { accountNumber: string }): Promise<MeterPointView[]> {
      const { items } = await request<{ items: MeterPointView[] }>({
        path: `/accounts/${encodeURIComponent(accountNumber)}/meter-points`,
      })
      return items
    },

    /**
     * Usage of one meter point between local dates [from, to) in Europe/London.
     * @throws ApiError when the range is too long (31 days half-hourly, 800 otherwise) or reversed
     */
    async usage({
      accountNumber,
      meterPoint,
      from,
      to,
      granularity,
    }: {
      accountNumber: string
      meterPoint: string
      from: string
      to: string
      granularity: UsageGranularity
    }): Promise<UsageSeries> {
      const params = new URLSearchParams({ meterPoint, from, to, granularity })
      return request<UsageSeries>({ path: `/accounts/${encodeURIComponent(accountNumber)}/usage?${params}` })
    },

    /** A page of the account's register readings, newest first; pass `cursor` for the next page. */
    async readings({
      accountNumber,
      meterPoint,
      limit = 20,
      cursor,
    }: {
      accountNumber: string
      meterPoint?: string
      limit?: number
      cursor?: string | null
    }): Promise<Page<MeterReading>> {
      const params = new URLSearchParams({ limit: String(limit) })
      if (meterPoint) params.set('meterPoint', meterPoint)
      if (cursor) params.set('cursor', cursor)
      return request<Page<MeterReading>>({ path: `/accounts/${encodeURIComponent(accountNumber)}/readings?${params}` })
    },

    /**
     * Submit a meter reading; it comes back `accepted`, or `held` for review with its reason.
     * @throws ApiError READING_REJECTED (422) with field problems in details
     */
    async submitReading({ accountNumber, ...reading }: NewReading & { accountNumber: string }): Promise<MeterReading> {
      const { reading: saved } = await request<{ reading: MeterReading }>({
        method: 'POST',
        path: `/accounts/${encodeURIComponent(accountNumber)}/readings`,
        body: reading,
      })
      return saved
    },

    /** The account's statements, every version, newest period first (BIL-2). */
    async statements({
      accountNumber,
      limit = 20,
      cursor,
    }: {
      accountNumber: string
      limit?: number
      cursor?: string | null
    }): Promise<Page<Statement>> {
      const params = new URLSearchParams({ limit: String(limit) })
      if (cursor) params.set('cursor', cursor)
      return request<Page<Statement>>({ path: `/accounts/${encodeURIComponent(accountNumber)}/statements?${params}` })
    },

    /** One statement with its lines, explanation and final settlement. @throws ApiError STATEMENT_NOT_FOUND */
    async statement({ accountNumber, number }: { accountNumber: string; number: string }): Promise<StatementDetail> {
      const { statement } = await request<{ statement: StatementDetail }>({
        path: `/accounts/${encodeURIComponent(accountNumber)}/statements/${encodeURIComponent(number)}`,
      })
      return statement
    },

    /** Where the statement's PDF (or a duplicate of it) is served. */
    statementPdfUrl({
      accountNumber,
      number,
      duplicate,
    }: {
      accountNumber: string
      number: string
      duplicate: boolean
    }) {
      return `/api/accounts/${encodeURIComponent(accountNumber)}/statements/${encodeURIComponent(number)}/pdf?duplicate=${duplicate}`
    },

    /** The balance (positive: the customer owes) and what is past due. */
    async balance({ accountNumber }: { accountNumber: string }): Promise<AccountBalance> {
      return request<AccountBalance>({ path: `/accounts/${encodeURIComponent(accountNumber)}/balance` })
    },

    /**
     * Bill the account now, up to the start of `on` (`YYYY-MM-DD`, default today); the same period
     * again answers with the statement already made (`created: false`).
     * @throws ApiError NOTHING_TO_BILL, NOT_BILLABLE
     */
    async billNow({
      accountNumber,
      on,
    }: {
      accountNumber: string
      on?: string
    }): Promise<{ statement: Statement; created: boolean }> {
      return request({
        method: 'POST',
        path: `/accounts/${encodeURIComponent(accountNumber)}/statements`,
        body: on ? { on } : {},
      })
    },

    /** Statements a billing run held for review, oldest first (billing specialists). */
    async heldStatements({ limit }: { limit?: number } = {}): Promise<HeldStatement[]> {
      const query = limit === undefined ? '' : `?${new URLSearchParams({ limit: String(limit) })}`
      const { items } = await request<{ items: HeldStatement[] }>({ path: `/statements/held${query}` })
      return items
    },

    /** Issue a held statement: it is posted to the account. @throws ApiError STATEMENT_NOT_HELD */
    async releaseStatement({ number }: { number: string }): Promise<Statement> {
      const { statement } = await request<{ statement: Statement }>({
        method: 'POST',
        path: `/statements/${encodeURIComponent(number)}/release`,
      })
      return statement
    },

    /**
     * Reject a held statement with the reason (3–500 characters): nothing is charged and the period
     * can be billed again. @throws ApiError with a `reason` field problem, or STATEMENT_NOT_HELD
     */
    async rejectStatement({ number, reason }: { number: string; reason: string }): Promise<Statement> {
      const { statement } = await request<{ statement: Statement }>({
        method: 'POST',
        path: `/statements/${encodeURIComponent(number)}/reject`,
        body: { reason },
      })
      return statement
    },

    /** Issue a held statement, or reject it with the reason. @throws ApiError with field problems */
    async decideHeld({ number, reject }: { number: string; reject?: string }): Promise<Statement> {
      const { statement } = await request<{ statement: Statement }>({
        method: 'POST',
        path: `/statements/${encodeURIComponent(number)}/${reject === undefined ? 'release' : 'reject'}`,
        ...(reject === undefined ? {} : { body: { reason: reject } }),
      })
      return statement
    },

    /** A business account's uninvoiced charges and credits, and its invoices and credit notes. */
    async businessBilling({
      accountNumber,
    }: {
      accountNumber: string
    }): Promise<{ uninvoiced: Statement[]; documents: BillingDocument[] }> {
      return request({ path: `/accounts/${encodeURIComponent(accountNumber)}/business-billing` })
    },

    /** Put charges on a new invoice or credits on a new credit note. @throws ApiError INVALID_DOCUMENT */
    async createDocument({
      accountNumber,
      kind,
      statements,
    }: {
      accountNumber: string
      kind: 'invoice' | 'credit_note'
      statements: string[]
    }): Promise<BillingDocument> {
      const { document } = await request<{ document: BillingDocument }>({
        method: 'POST',
        path: `/accounts/${encodeURIComponent(accountNumber)}/documents`,
        body: { kind, statements },
      })
      return document
    },

    /** Issue an invoice or credit note to the customer. @throws ApiError DOCUMENT_ISSUED */
    async issueDocument({ number }: { number: string }): Promise<BillingDocument> {
      const { document } = await request<{ document: BillingDocument }>({
        method: 'POST',
        path: `/documents/${encodeURIComponent(number)}/issue`,
      })
      return document
    },

    /** Bills from the old billing system (migrated accounts), newest first. */
    async historicalBills({ accountNumber }: { accountNumber: string }): Promise<HistoricalBill[]> {
      const { items } = await request<{ items: HistoricalBill[] }>({
        path: `/accounts/${encodeURIComponent(accountNumber)}/historical-bills`,
      })
      return items
    },

    /** Rebill the account's latest statement. @throws ApiError STATEMENT_NOT_REBILLABLE */
    async rebill({ number }: { number: string }): Promise<Statement> {
      const { statement } = await request<{ statement: Statement }>({
        method: 'POST',
        path: `/statements/${encodeURIComponent(number)}/rebill`,
      })
      return statement
    },
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const error = typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown }
    return new ApiError({
      status: response.status,
      code: typeof code === 'string' ? code : `HTTP_${response.status}`,
      message: typeof message === 'string' ? message : response.statusText || 'The request failed.',
      details,
    })
  }
  // Not the API's error shape (a proxy, a crash page): still a stable code for the screens.
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    details: payload,
  })
}
