export const fuels = ['electricity', 'gas'] as const
export type Fuel = (typeof fuels)[number]
export type Direction = 'import' | 'export'

export const meterTypes = ['smart', 'traditional', 'prepayment'] as const
export type MeterType = (typeof meterTypes)[number]

export const registerRates = ['standard', 'day', 'night', 'peak', 'off_peak', 'export'] as const
export type RegisterRate = (typeof registerRates)[number]

export const readingSources = ['customer', 'smart', 'agent', 'field', 'industry', 'estimated', 'transfer'] as const
export type ReadingSource = (typeof readingSources)[number]

export const readingKinds = ['normal', 'install', 'removal', 'final', 'initial'] as const
export type ReadingKind = (typeof readingKinds)[number]

/** accepted and released readings count; held ones wait for review; superseded estimates do not. */
export type ReadingStatus = 'accepted' | 'held' | 'superseded' | 'released' | 'discarded'

export type IntervalQuality = 'actual' | 'estimated'
export type Granularity = 'halfhour' | 'hour' | 'day' | 'week' | 'month' | 'quarter'

/** What a register's dial counts: kWh, cubic metres (SMETS2 and modern gas meters) or hundreds of cubic feet (imperial gas meters). */
export type RegisterUnit = 'kWh' | 'm3' | 'hcf'
export const registerUnits: readonly RegisterUnit[] = ['kWh', 'm3', 'hcf']

export interface NewRegister {
  readonly identifier: string
  readonly rate: RegisterRate
  /** The dial's digits; readings wrap to 0 after 10^digits − 1. */
  readonly digits: number
  /** kWh when absent for electricity, m3 for gas; electricity registers are always kWh. */
  readonly unit?: RegisterUnit
}

export interface NewMeter {
  readonly serial: string
  readonly type: MeterType
  readonly installedOn: string
  readonly registers: readonly NewRegister[]
}

export interface NewMeterPoint {
  readonly fuel: Fuel
  /** MPAN core (13 digits, or the 21-digit full MPAN) or MPRN. */
  readonly identifier: string
  readonly direction?: Direction
  readonly profileClass?: string | null
  /** Needed when the MPAN's distributor is an independent network (ids 24–38). */
  readonly gspRegion?: string | null
  readonly propertyId: string
  readonly accountId: string
  readonly suppliedFrom: string
  readonly meters: readonly NewMeter[]
}

export interface RegisterView {
  readonly id: string
  readonly identifier: string
  readonly rate: RegisterRate
  readonly digits: number
  readonly unit: RegisterUnit
}

export interface MeterView {
  readonly id: string
  readonly serial: string
  readonly type: MeterType
  readonly installedOn: string
  readonly removedOn: string | null
  readonly registers: readonly RegisterView[]
}

export interface MeterPointView {
  readonly id: string
  readonly fuel: Fuel
  readonly identifier: string
  readonly direction: Direction
  readonly profileClass: string | null
  readonly gspRegion: string | null
  readonly distributorId: string | null
  /** For an export MPAN: the import MPAN it is linked to. */
  readonly linkedImport: string | null
  readonly suppliedFrom: string
  readonly suppliedTo: string | null
  readonly meters: readonly MeterView[]
}

export interface Reading {
  readonly id: string
  readonly meterPoint: string
  readonly meterSerial: string
  readonly register: string
  readonly readAt: Date
  readonly value: string
  readonly source: ReadingSource
  readonly kind: ReadingKind
  readonly status: ReadingStatus
  readonly reason: string | null
  /** Units since the previous actual reading on the register, when there is one. */
  readonly advance: string | null
  readonly isRollover: boolean
}

export interface UsageBucket {
  readonly start: Date
  readonly end: Date
  /** Local date of the bucket's start ('YYYY-MM-DD'), with ' P<n>' (settlement period) for half hours. */
  readonly label: string
  readonly kwh: string
  readonly intervals: number
  readonly estimated: number
}

export interface RowProblem {
  readonly line: number
  readonly message: string
}

export interface IngestionSummary {
  readonly ingestionId: string
  readonly total: number
  readonly inserted: number
  readonly revised: number
  readonly unchanged: number
  /** Register readings kept but held for review (D0010). */
  readonly held: number
  readonly rejected: number
  readonly problems: readonly RowProblem[]
}
