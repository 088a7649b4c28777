/**
 * MKT-1: what differs between countries. Each supplier runs on one profile; code asks the profile
 * rather than testing for a country.
 */
export const markets = ['gb', 'us'] as const
export type Market = (typeof markets)[number]

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
  /** Questions an agent may use to verify a caller (USR-4). */
  readonly verificationQuestions: readonly string[]
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
    verificationQuestions: ['account_number', 'service_address', 'security_answer', 'recent_payment_amount'],
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
    verificationQuestions: ['account_number', 'service_address', 'ssn_last_four', 'recent_payment_amount'],
    supplyPointKinds: ['esiid'],
    postcodeLabel: 'ZIP code',
  },
}

/** The profile of a market. */
export function profileOf(market: Market): MarketProfile {
  return marketProfiles[market]
}
