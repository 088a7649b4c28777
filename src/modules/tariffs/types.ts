import type { GspCode } from '../accounts/index.js'

export const directions = ['IMPORT', 'EXPORT'] as const
export type Direction = (typeof directions)[number]

/** How a product's unit rates apply (TAR-2). */
export const structures = ['single', 'day_night', 'time_of_use', 'dynamic', 'intelligent', 'export'] as const
export type ProductStructure = (typeof structures)[number]

export const fuels = ['electricity', 'gas'] as const
export type Fuel = (typeof fuels)[number]

/** '1R' one register (single rate, time of use, dynamic), '2R' two registers (day/night, Economy 7). */
export const registerKinds = ['1R', '2R'] as const
export type RegisterKind = (typeof registerKinds)[number]

/**
 * What a rate prices. `standard_unit`, `day_unit`, `night_unit` and `standing_charge` are served by
 * the Octopus endpoints of the same names; `off_peak_unit` and `peak_unit` price time-of-use bands
 * and `dynamic_unit` the half hours of a dynamic (Agile) tariff: both are served as windowed
 * standard-unit-rates. Unit rates are pence per kWh, standing charges pence per day.
 */
export const rateKinds = [
  'standard_unit',
  'day_unit',
  'night_unit',
  'off_peak_unit',
  'peak_unit',
  'dynamic_unit',
  'standing_charge',
] as const
export type RateKind = (typeof rateKinds)[number]
export type UnitRateKind = Exclude<RateKind, 'standing_charge'>
/** The kinds a time-of-use band can name; time outside every band is `standard_unit`. */
export const bandRateKinds = ['standard_unit', 'day_unit', 'night_unit', 'off_peak_unit', 'peak_unit'] as const
export type BandRateKind = (typeof bandRateKinds)[number]
/** The rate lists the Octopus API serves per tariff. */
export const servedRateKinds = ['standard_unit', 'day_unit', 'night_unit', 'standing_charge'] as const
export type ServedRateKind = (typeof servedRateKinds)[number]

export const paymentMethods = ['DIRECT_DEBIT', 'NON_DIRECT_DEBIT'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

export const bandTimeZones = ['Europe/London', 'UTC'] as const
export type BandTimeZone = (typeof bandTimeZones)[number]

export const dispatchSources = ['smart-charge', 'bump-charge'] as const
export type DispatchSource = (typeof dispatchSources)[number]

export interface NewBand {
  readonly rateKind: BandRateKind
  /** 'HH:MM' on a half hour, in `timeZone`; an end at or before the start wraps past midnight. */
  readonly startTime: string
  readonly endTime: string
  readonly timeZone: BandTimeZone
  readonly validFrom: Date
  readonly validTo?: Date | null | undefined
}

export interface NewTariff {
  readonly fuel: Fuel
  readonly registerKind: RegisterKind
  readonly region: GspCode
  /** Time-of-use windows: required for time-of-use and intelligent tariffs, optional for day/night. */
  readonly bands?: readonly NewBand[] | undefined
}

export interface NewProduct {
  /** 'AGILE-24-10-01': capitals, digits and hyphens. */
  readonly code: string
  readonly direction: Direction
  readonly fullName: string
  readonly displayName: string
  readonly description?: string | undefined
  readonly isVariable: boolean
  readonly isGreen?: boolean | undefined
  readonly isTracker?: boolean | undefined
  readonly isPrepay?: boolean | undefined
  readonly isBusiness?: boolean | undefined
  readonly isRestricted?: boolean | undefined
  /** Months of the contract; required for a fixed product. */
  readonly term: number | null
  readonly availableFrom: Date
  readonly availableTo?: Date | null | undefined
  /** 'GOOD_EGG_ENERGY'. */
  readonly brand: string
  readonly structure: ProductStructure
  /** Exact percent; defaults to 0 for export, 20 for business and 5 (gb domestic) otherwise. */
  readonly vatPercent?: string | undefined
  /** Charged per fuel when a fixed agreement is left early; 0 (the default) for none. */
  readonly exitFeeMinor?: bigint | undefined
  /** The other half of an import/export pair (Flux); create both in one transaction. */
  readonly pairedProductCode?: string | null | undefined
  readonly tariffs: readonly NewTariff[]
}

export interface NewRate {
  readonly tariffCode: string
  readonly kind: RateKind
  /** Null: one price for every payment method. */
  readonly paymentMethod: PaymentMethod | null
  /** Pence, at most 4 decimal places ('23.3333'). */
  readonly valueExcVat: string
  /** Pence; must equal valueExcVat × (1 + VAT) to within 0.0001p. */
  readonly valueIncVat: string
  /** On a half-hour boundary. */
  readonly validFrom: Date
  /** On a half-hour boundary, or null for open-ended. */
  readonly validTo: Date | null
}

export interface Product {
  readonly id: string
  readonly code: string
  readonly direction: Direction
  readonly fullName: string
  readonly displayName: string
  readonly description: string
  readonly isVariable: boolean
  readonly isGreen: boolean
  readonly isTracker: boolean
  readonly isPrepay: boolean
  readonly isBusiness: boolean
  readonly isRestricted: boolean
  readonly term: number | null
  readonly availableFrom: Date
  readonly availableTo: Date | null
  readonly brand: string
  readonly structure: ProductStructure
  readonly vatPercent: string
  readonly exitFeeMinor: bigint
  readonly exitFeesType: 'NONE' | 'PER_FUEL'
  readonly pairedProductCode: string | null
}

export interface Tariff {
  readonly id: string
  readonly code: string
  readonly productCode: string
  readonly fuel: Fuel
  readonly registerKind: RegisterKind
  readonly region: GspCode
}

/** A stored rate: the same fields as the rate that was set. */
export type Rate = NewRate

export interface Band {
  readonly rateKind: BandRateKind
  readonly startTime: string
  readonly endTime: string
  readonly timeZone: BandTimeZone
  readonly validFrom: Date
  readonly validTo: Date | null
}

export interface Price {
  readonly excVat: string
  readonly incVat: string
}

/** A tariff's prices for one payment method at one instant (product details, TAR-1). */
export interface PriceVariant {
  readonly paymentMethod: PaymentMethod
  readonly standingCharge: Price | null
  /** The unit rate in force at the instant: for time-of-use and dynamic tariffs, that half hour's. */
  readonly standardUnitRate: Price | null
  readonly dayUnitRate: Price | null
  readonly nightUnitRate: Price | null
}

export interface TariffPrices extends Tariff {
  /** Direct debit first; non-direct-debit only when the tariff has such prices at the instant. */
  readonly variants: readonly PriceVariant[]
}

export interface ProductDetail {
  readonly product: Product
  readonly tariffsActiveAt: Date
  readonly tariffs: readonly TariffPrices[]
}

export interface ProductFilters {
  readonly isVariable?: boolean | undefined
  readonly isGreen?: boolean | undefined
  readonly isTracker?: boolean | undefined
  readonly isPrepay?: boolean | undefined
  readonly isBusiness?: boolean | undefined
  readonly brand?: string | undefined
}

export interface Agreement {
  readonly id: string
  readonly accountId: string
  readonly meterPointId: string
  readonly tariffCode: string
  readonly productCode: string
  readonly productName: string
  readonly validFrom: Date
  readonly validTo: Date | null
  /** The contracted end of a fixed term, kept when the agreement ends earlier. */
  readonly termEndsAt: Date | null
  /** Set when a change ended the agreement: the exit fee charged, 0 when none was due. */
  readonly exitFeeMinorApplied: bigint | null
}

export interface NewDispatch {
  readonly deviceId: string
  readonly startAt: Date
  readonly endAt: Date
  readonly source: DispatchSource
  /** kWh added, exact decimal text, when known. */
  readonly energyKwh?: string | null | undefined
}

export interface Dispatch {
  readonly id: string
  readonly accountId: string
  readonly meterPointId: string
  readonly deviceId: string
  readonly startAt: Date
  readonly endAt: Date
  readonly source: DispatchSource
  readonly energyKwh: string | null
}
