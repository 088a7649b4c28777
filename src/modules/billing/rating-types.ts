/**
 * The rating engine's input and result (BIL-1).
 */
import type { GasConversion, HalfHourColumns } from '../metering/index.js'
import type { BandWindow, DispatchSpan, PaymentMethod, ProductStructure, Rate, RateKind } from '../tariffs/index.js'

export interface RatingInput {
  /** Billing period [from, to): instants, normally local midnights (Europe/London). */
  readonly period: { readonly from: Date; readonly to: Date }
  readonly paymentMethod: PaymentMethod
  readonly meterPoints: readonly RatedMeterPoint[]
}

export interface RatedMeterPoint {
  readonly meterPointId: string
  /** MPAN or MPRN. */
  readonly identifier: string
  readonly fuel: 'electricity' | 'gas'
  readonly direction: 'import' | 'export'
  /** The agreements overlapping the period, each with everything needed to price it. */
  readonly agreements: readonly RatedAgreement[]
  readonly consumption: IntervalConsumption | RegisterConsumption
  /** Smart-charging dispatches of the account's devices on this meter point (intelligent tariffs only). */
  readonly dispatches: readonly DispatchSpan[]
}

export interface RatedAgreement {
  readonly agreementId: string
  readonly tariffCode: string
  readonly productCode: string
  readonly productName: string
  readonly structure: ProductStructure
  /** Exact decimal text: '5', '20', '0'. */
  readonly vatPercent: string
  readonly validFrom: Date
  readonly validTo: Date | null
  /** The tariff's prices (`tariffs.ratesFor`): every kind and payment method. */
  readonly rates: readonly Rate[]
  /** The tariff's time-of-use bands (`tariffs.bandsFor`). */
  readonly bands: readonly BandWindow[]
}

export interface IntervalConsumption {
  readonly kind: 'intervals'
  /**
   * Half-hourly kWh, any order; only those starting inside the period count. A list of half hours
   * (kWh as exact decimal text, up to 3 dp), or columns with kWh in thousandths (how a billing batch
   * reads them from the store).
   */
  readonly intervals: HalfHours
}

export type HalfHours = readonly HalfHourKwh[] | HalfHourColumns

export interface HalfHourKwh {
  readonly start: Date
  readonly kwh: string
  readonly quality: 'actual' | 'estimated'
}

export interface RegisterRead {
  readonly readingId: string | null
  readonly readAt: Date
  readonly value: string
  readonly estimated: boolean
}

export interface RegisterConsumption {
  readonly kind: 'registers'
  /** One entry per register: the reads that open and close the billed period. */
  readonly registers: readonly {
    /** Register identifier, e.g. 'S', '01'. */
    readonly register: string
    readonly rate: 'standard' | 'day' | 'night' | 'export'
    readonly from: RegisterRead
    readonly to: RegisterRead
    /** kWh used between the reads (exact decimal text, rollover already allowed for). */
    readonly units: string
    /** For a gas register that reads volume: how its advance became `units` kWh. */
    readonly gas?: GasConversion
  }[]
}

export interface ChargeLine {
  readonly meterPointId: string
  readonly identifier: string
  readonly agreementId: string
  readonly tariffCode: string
  readonly kind: 'energy' | 'standing_charge' | 'export_credit'
  readonly rateKind: RateKind
  readonly from: Date
  readonly to: Date
  /** kWh (3 dp) or days (a whole number). */
  readonly quantity: string
  readonly unit: 'kWh' | 'day'
  /** p/kWh or p/day exc VAT, 4 dp; for dynamic (Agile) lines the kWh-weighted average. */
  readonly ratePence: string
  readonly vatPercent: string
  /** Exc VAT, in pence; negative for export credits. */
  readonly amountMinor: bigint
  readonly source: {
    readonly intervals?: number
    readonly estimatedIntervals?: number
    readonly readingIds?: readonly string[]
    readonly estimated?: boolean
    /** Gas read in volume: the register's advance, the correction factor, the calorific value and the kWh. */
    readonly gas?: GasConversion
  }
  /** Half hours billed off-peak only because a smart-charge dispatch covered them (intelligent). */
  readonly dispatchHalfHours?: number
  /** For people: "Peak 412.503 kWh × 24.5000p", "Standing charge 31 days × 47.8500p". */
  readonly description: string
}

export interface RatingProblem {
  readonly meterPointId: string
  readonly from: Date
  readonly to: Date
  readonly reason: string
}

export interface RatingVat {
  /** The rate, as the shortest exact text: '5', '20', '0', '12.5'. */
  readonly vatPercent: string
  readonly netMinor: bigint
  readonly vatMinor: bigint
}

export interface RatingUsage {
  readonly meterPointId: string
  readonly direction: 'import' | 'export'
  /** kWh charged (or credited, for export), 3 dp. */
  readonly kwh: string
  /** The energy lines' amounts exc VAT, without standing charges: chargedMinor / kwh is the average unit price. */
  readonly chargedMinor: bigint
}

export interface RatingResult {
  readonly lines: readonly ChargeLine[]
  /** One entry per distinct VAT rate, lowest rate first. */
  readonly vat: readonly RatingVat[]
  /** The sum of the line amounts (export credits negative). */
  readonly netMinor: bigint
  readonly vatMinor: bigint
  /** netMinor + vatMinor. */
  readonly totalMinor: bigint
  /** Anything that could not be priced: the billing engine holds the statement with these reasons. */
  readonly problems: readonly RatingProblem[]
  /** Per meter point, for comparison between periods. */
  readonly usage: readonly RatingUsage[]
}
