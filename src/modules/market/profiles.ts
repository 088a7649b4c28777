/**
 * MKT-1: what differs between countries. Each supplier runs on one profile; code asks the profile
 * rather than testing for a country.
 */
export const markets = ['gb', 'us'] as const
export type Market = (typeof markets)[number]

/**
 * Who a caller says they are (seed "Account Users", "Verifying User Authority"): each is checked on
 * their own questions. The holder on the account's security details; the others on the account and on
 * what is on file about them (their own email, an authorized user's relationship to the holder).
 */
export const callerKinds = [
  'holder',
  'authorized_user',
  'property_manager',
  'power_of_attorney',
  'third_party',
] as const
export type CallerKind = (typeof callerKinds)[number]

/**
 * The questions for one kind of caller: `ticked` the agent checks by eye against the account page;
 * `answered` the caller's answer is typed and the server compares it with what is on file (sealed
 * details, or the caller's own email and relationship), saying only whether it matched.
 */
export interface CallerQuestions {
  readonly ticked: readonly string[]
  readonly answered: readonly string[]
}

// The people other than the holder are checked the same way in both markets: the seed's lines for
// authorized users ("Name on the account", "Relationship to account holder", "Authorized user's email
// on file"); a property manager "listed as authorized user or property manager" (looked up by their
// contact details) and the property they manage; an attorney and a third party by their own email on
// file and the name on the account (their access is checked in force: approved, within its dates).
const othersThanHolder: Omit<Record<CallerKind, CallerQuestions>, 'holder'> = {
  authorized_user: { ticked: ['name_on_account'], answered: ['caller_email', 'relationship'] },
  property_manager: { ticked: ['service_address', 'account_number'], answered: ['caller_email'] },
  power_of_attorney: { ticked: ['name_on_account', 'service_address'], answered: ['caller_email'] },
  third_party: { ticked: ['name_on_account', 'account_number'], answered: ['caller_email'] },
}

export interface MarketProfile {
  readonly market: Market
  readonly name: string
  readonly currency: 'GBP' | 'USD'
  readonly locale: string
  readonly timeZone: string
  /** VAT or sales tax on domestic energy, as an exact decimal percentage. */
  readonly domesticTaxPercent: string
  readonly taxName: string
  /** gb: half-hourly settlement periods in local time (46/48/50 a day). */
  readonly settlementPeriods: boolean
  /** gb backbilling: energy used more than this many months before the bill may not be charged. */
  readonly backbillingLimitMonths: number | null
  /**
   * gb (Ofgem SLC 23): customers hear of a price rise at least this many days before it takes effect,
   * so a rise may be approved only for a date this many days after the approval day or later; null
   * where the market sets no such notice. A fall needs no notice.
   */
  readonly priceChangeNoticeDays: number | null
  /** Questions an agent asks to verify a caller (USR-4), by who the caller says they are. */
  readonly verificationQuestions: Readonly<Record<CallerKind, CallerQuestions>>
  readonly supplyPointKinds: readonly string[]
  readonly postcodeLabel: string
}

export const marketProfiles: Readonly<Record<Market, MarketProfile>> = {
  gb: {
    market: 'gb',
    name: 'Great Britain',
    currency: 'GBP',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    domesticTaxPercent: '5',
    taxName: 'VAT',
    settlementPeriods: true,
    backbillingLimitMonths: 12,
    priceChangeNoticeDays: 30,
    // Never the SSN: Great Britain has none. Name, address or postcode, date of birth, security answer.
    verificationQuestions: {
      holder: {
        ticked: ['full_name', 'account_number', 'service_address', 'recent_payment_amount'],
        answered: ['date_of_birth', 'security_answer'],
      },
      ...othersThanHolder,
    },
    supplyPointKinds: ['mpan', 'mprn'],
    postcodeLabel: 'Postcode',
  },
  us: {
    market: 'us',
    name: 'United States',
    currency: 'USD',
    locale: 'en-US',
    timeZone: 'America/New_York',
    domesticTaxPercent: '0',
    taxName: 'Sales tax',
    settlementPeriods: false,
    backbillingLimitMonths: null,
    // set by each state's commission, not by one national rule
    priceChangeNoticeDays: null,
    // The seed's phone questions: account number, service address, last four of the SSN or the
    // account password (the security answer), a recent payment or bill amount.
    verificationQuestions: {
      holder: {
        ticked: ['account_number', 'service_address', 'recent_payment_amount'],
        answered: ['ssn_last_four', 'security_answer'],
      },
      ...othersThanHolder,
    },
    supplyPointKinds: ['esiid'],
    postcodeLabel: 'ZIP code',
  },
}

/** The profile of a market. */
export function profileOf(market: Market): MarketProfile {
  return marketProfiles[market]
}
