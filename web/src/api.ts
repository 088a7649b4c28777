/**
 * The console's client over the Cuttle JSON API (`/api`) and the names its screens use for the API's
 * shapes. The shapes are the server's declared answers, generated from `/openapi.json`
 * (`shared/api-client.ts`), never written by hand here; every call goes through the shared
 * `openapi-fetch` client, so an error answer becomes a thrown `ApiError` and a 401 signs out.
 */
import {
  createCuttleClient,
  dataOf,
  expectUnauthenticatedHeader,
  type RequestOf,
  type ResponseOf,
} from './shared/api-client.js'
import type { ApiError } from './shared/api-error.js'

export { ApiError, type FieldProblem } from './shared/api-error.js'

export type StaffUser = ResponseOf<'/api/session', 'get'>['user']
export type RoleCode = StaffUser['role']
export type BadgeColour = StaffUser['badgeColour']

export type AccountSearchItem = ResponseOf<'/api/accounts', 'get'>['items'][number]

/** One page of a list; `nextCursor` fetches the next. */
export type Page<T> = { items: T[]; nextCursor: string | null }

/**
 * The account overview, shaped by the caller's permissions: `sections` lists what came, and a section
 * the caller may not see is absent (a field technician gets no billing address, preferences or notes).
 */
export type AccountOverview = ResponseOf<'/api/accounts/{accountNumber}', 'get'>
export type AccountStatus = AccountOverview['account']['status']
export type AccountNote = ResponseOf<'/api/accounts/{accountNumber}/notes', 'post'>['note']
export type NoteType = AccountNote['type']
export type PostalAddress = NonNullable<AccountOverview['billingAddress']>
/** An open "flag for supervisor review" raised by repeated failed verification. */
export type AccountReviewFlag = NonNullable<AccountOverview['reviewFlags']>[number]

export type MeterPointView = ResponseOf<'/api/accounts/{accountNumber}/meter-points', 'get'>['items'][number]
export type Fuel = MeterPointView['fuel']
export type SupplyDirection = MeterPointView['direction']
export type Meter = MeterPointView['meters'][number]
export type MeterType = Meter['type']
export type MeterRegister = Meter['registers'][number]
/** One agreement of the meter point's tariff history; `validFrom`/`validTo` are ISO instants. */
export type TariffAgreement = NonNullable<MeterPointView['agreements']>[number]

export type UsageSeries = ResponseOf<'/api/accounts/{accountNumber}/usage', 'get'>
export type UsageGranularity = UsageSeries['granularity']
export type UsageBucket = UsageSeries['items'][number]

export type MeterReading = ResponseOf<'/api/accounts/{accountNumber}/readings', 'get'>['items'][number]
export type ReadingSource = MeterReading['source']
export type ReadingStatus = MeterReading['status']
export type NewReading = RequestOf<'/api/accounts/{accountNumber}/readings', 'post'>

/** A statement; money fields are strings of integer minor units (a positive balance is owed). */
export type Statement = ResponseOf<'/api/accounts/{accountNumber}/statements', 'get'>['items'][number]
export type StatementKind = Statement['kind']
export type StatementStatus = Statement['status']
/** Why a billing run held a statement for review (`charge_far_above_usual`, `estimated_too_long`, …). */
export type HoldReason = Statement['holdReasons'][number]
export type StatementUsage = Statement['explanation']['usage'][number]
export type StatementDetail = ResponseOf<'/api/accounts/{accountNumber}/statements/{number}', 'get'>['statement']
export type BillPreview = ResponseOf<'/api/accounts/{accountNumber}/bill-preview', 'get'>
export type StatementLine = StatementDetail['lines'][number]
export type FinalSettlement = NonNullable<StatementDetail['settlement']>
/** A statement in the held-statements queue, with its account's number. */
export type HeldStatement = ResponseOf<'/api/statements/held', 'get'>['items'][number]

export type AccountBalance = ResponseOf<'/api/accounts/{accountNumber}/balance', 'get'>
export type BusinessBilling = ResponseOf<'/api/accounts/{accountNumber}/business-billing', 'get'>
export type BillingDocument = BusinessBilling['documents'][number]
export type HistoricalBill = ResponseOf<'/api/accounts/{accountNumber}/historical-bills', 'get'>['items'][number]

export type ApiClientOptions = {
  /** Called when a request made while signed in comes back 401, so the app can show the sign-in page. */
  onUnauthenticated?: (error: ApiError) => void
}

/** Build the client; the app makes one and shares it through React context. */
export function createApiClient({ onUnauthenticated }: ApiClientOptions = {}) {
  const client = createCuttleClient({ onUnauthenticated })
  /** Leave a 401 to the caller (signing in, checking the session) instead of the global handler. */
  const expectUnauthenticated = { headers: { [expectUnauthenticatedHeader]: '1' } }
  const account = (accountNumber: string) => ({ path: { accountNumber } })

  return {
    /** The generated client: every path, parameter, body and answer checked against `/openapi.json`. */
    client,

    /** The signed-in staff user, or null when there is no session. */
    async currentUser(): Promise<StaffUser | null> {
      // The probe answers null rather than a 401 (which the browser would log as an error).
      const { user } = await dataOf(client.GET('/api/session/probe'))
      return user
    },

    /** Sign in. @throws ApiError INVALID_CREDENTIALS, ACCOUNT_LOCKED or TOTP_REQUIRED */
    async signIn(input: RequestOf<'/api/session', 'post'>): Promise<StaffUser> {
      const { user } = await dataOf(client.POST('/api/session', { body: input, ...expectUnauthenticated }))
      return user
    },

    /** End the session, once every request already on its way has come back (`whenIdle`). */
    async signOut(): Promise<void> {
      await client.whenIdle()
      await client.DELETE('/api/session', expectUnauthenticated)
    },

    /**
     * Replace an expired password. A wrong current password is a 401 (INVALID_CREDENTIALS) that
     * does not end the session, so it is left to the form. @throws ApiError with field problems
     */
    async changePassword(input: RequestOf<'/api/session/password', 'post'>): Promise<void> {
      await client.POST('/api/session/password', { body: input, ...expectUnauthenticated })
    },

    /** Ranked, misspelling-tolerant account search; pass `cursor` from the previous page for more. */
    searchAccounts({
      q,
      limit = 20,
      cursor,
    }: {
      q: string
      limit?: number
      cursor?: string | null
    }): Promise<Page<AccountSearchItem>> {
      return dataOf(client.GET('/api/accounts', { params: { query: { q, limit, ...(cursor ? { cursor } : {}) } } }))
    },

    /** The account overview in one call. @throws ApiError NOT_FOUND */
    accountOverview({ accountNumber }: { accountNumber: string }): Promise<AccountOverview> {
      return dataOf(client.GET('/api/accounts/{accountNumber}', { params: account(accountNumber) }))
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
      const { note } = await dataOf(
        client.POST('/api/accounts/{accountNumber}/notes', { params: account(accountNumber), body: { type, body } }),
      )
      return note
    },

    /** The account's meter points with their meters, registers and tariff history. */
    async meterPoints({ accountNumber }: { accountNumber: string }): Promise<MeterPointView[]> {
      const { items } = await dataOf(
        client.GET('/api/accounts/{accountNumber}/meter-points', { params: account(accountNumber) }),
      )
      return items
    },

    /**
     * Usage of one meter point between local dates [from, to) in the supplier's time zone.
     * @throws ApiError when the range is too long (31 days half-hourly, 800 otherwise) or reversed
     */
    usage({
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
      return dataOf(
        client.GET('/api/accounts/{accountNumber}/usage', {
          params: { ...account(accountNumber), query: { meterPoint, from, to, granularity } },
        }),
      )
    },

    /** A page of the account's register readings, newest first; pass `cursor` for the next page. */
    readings({
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
      return dataOf(
        client.GET('/api/accounts/{accountNumber}/readings', {
          params: {
            ...account(accountNumber),
            query: { limit, ...(meterPoint ? { meterPoint } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      )
    },

    /**
     * Submit a meter reading; it comes back `accepted`, or `held` for review with its reason.
     * @throws ApiError READING_REJECTED (422) with field problems in details
     */
    async submitReading({ accountNumber, ...reading }: NewReading & { accountNumber: string }): Promise<MeterReading> {
      const { reading: saved } = await dataOf(
        client.POST('/api/accounts/{accountNumber}/readings', { params: account(accountNumber), body: reading }),
      )
      return saved
    },

    /** The account's statements, every version, newest period first (BIL-2). */
    statements({
      accountNumber,
      limit = 20,
      cursor,
    }: {
      accountNumber: string
      limit?: number
      cursor?: string | null
    }): Promise<Page<Statement>> {
      return dataOf(
        client.GET('/api/accounts/{accountNumber}/statements', {
          params: { ...account(accountNumber), query: { limit, ...(cursor ? { cursor } : {}) } },
        }),
      )
    },

    /** One statement with its lines, explanation and final settlement. @throws ApiError STATEMENT_NOT_FOUND */
    async statement({ accountNumber, number }: { accountNumber: string; number: string }): Promise<StatementDetail> {
      const { statement } = await dataOf(
        client.GET('/api/accounts/{accountNumber}/statements/{number}', {
          params: { path: { accountNumber, number } },
        }),
      )
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
    balance({ accountNumber }: { accountNumber: string }): Promise<AccountBalance> {
      return dataOf(client.GET('/api/accounts/{accountNumber}/balance', { params: account(accountNumber) }))
    },

    /**
     * What billing the account now, up to the start of `on` (default today), would make: the draft,
     * the status it would get and why it would be held. Writes nothing.
     * @throws ApiError NOTHING_TO_BILL, NOT_BILLABLE
     */
    billPreview({ accountNumber, on }: { accountNumber: string; on?: string }): Promise<BillPreview> {
      return dataOf(
        client.GET('/api/accounts/{accountNumber}/bill-preview', {
          params: { ...account(accountNumber), query: on ? { on } : {} },
        }),
      )
    },

    /**
     * Bill the account now, up to the start of `on` (`YYYY-MM-DD`, default today); the same period
     * again answers with the statement already made (`created: false`).
     * @throws ApiError NOTHING_TO_BILL, NOT_BILLABLE
     */
    billNow({
      accountNumber,
      on,
    }: {
      accountNumber: string
      on?: string
    }): Promise<ResponseOf<'/api/accounts/{accountNumber}/statements', 'post'>> {
      return dataOf(
        client.POST('/api/accounts/{accountNumber}/statements', {
          params: account(accountNumber),
          body: on ? { on } : {},
        }),
      )
    },

    /** Statements a billing run held for review, oldest first (billing specialists). */
    async heldStatements({ limit }: { limit?: number } = {}): Promise<HeldStatement[]> {
      const { items } = await dataOf(
        client.GET('/api/statements/held', { params: { query: limit === undefined ? {} : { limit } } }),
      )
      return items
    },

    /** Issue a held statement: it is posted to the account. @throws ApiError STATEMENT_NOT_HELD */
    async releaseStatement({ number }: { number: string }): Promise<Statement> {
      const { statement } = await dataOf(
        client.POST('/api/statements/{number}/release', { params: { path: { number } } }),
      )
      return statement
    },

    /**
     * Reject a held statement with the reason (3–500 characters): nothing is charged and the period
     * can be billed again. @throws ApiError with a `reason` field problem, or STATEMENT_NOT_HELD
     */
    async rejectStatement({ number, reason }: { number: string; reason: string }): Promise<Statement> {
      const { statement } = await dataOf(
        client.POST('/api/statements/{number}/reject', { params: { path: { number } }, body: { reason } }),
      )
      return statement
    },

    /** Issue a held statement, or reject it with the reason. @throws ApiError with field problems */
    decideHeld({ number, reject }: { number: string; reject?: string }): Promise<Statement> {
      const decided =
        reject === undefined
          ? client.POST('/api/statements/{number}/release', { params: { path: { number } } })
          : client.POST('/api/statements/{number}/reject', { params: { path: { number } }, body: { reason: reject } })
      return dataOf<{ statement: Statement }>(decided).then(({ statement }) => statement)
    },

    /** A business account's uninvoiced charges and credits, and its invoices and credit notes. */
    businessBilling({ accountNumber }: { accountNumber: string }): Promise<BusinessBilling> {
      return dataOf(client.GET('/api/accounts/{accountNumber}/business-billing', { params: account(accountNumber) }))
    },

    /** Put charges on a new invoice or credits on a new credit note. @throws ApiError INVALID_DOCUMENT */
    async createDocument({
      accountNumber,
      kind,
      statements,
    }: {
      accountNumber: string
      kind: BillingDocument['kind']
      statements: string[]
    }): Promise<BillingDocument> {
      const { document } = await dataOf(
        client.POST('/api/accounts/{accountNumber}/documents', {
          params: account(accountNumber),
          body: { kind, statements },
        }),
      )
      return document
    },

    /** Issue an invoice or credit note to the customer. @throws ApiError DOCUMENT_ISSUED */
    async issueDocument({ number }: { number: string }): Promise<BillingDocument> {
      const { document } = await dataOf(client.POST('/api/documents/{number}/issue', { params: { path: { number } } }))
      return document
    },

    /** Bills from the old billing system (migrated accounts), newest first. */
    async historicalBills({ accountNumber }: { accountNumber: string }): Promise<HistoricalBill[]> {
      const { items } = await dataOf(
        client.GET('/api/accounts/{accountNumber}/historical-bills', { params: account(accountNumber) }),
      )
      return items
    },

    /** Rebill the account's latest statement. @throws ApiError STATEMENT_NOT_REBILLABLE */
    async rebill({ number }: { number: string }): Promise<Statement> {
      const { statement } = await dataOf(
        client.POST('/api/statements/{number}/rebill', { params: { path: { number } } }),
      )
      return statement
    },
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
