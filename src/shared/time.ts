import { Temporal } from 'temporal-polyfill'
import { InvariantBroken, ValidationFailed, withCode } from './errors.js'
import { type DateRange, type InstantRange, range } from './range.js'

/**
 * Local days, months and settlement periods: the only place that knows about time zones and
 * daylight saving. There is no clock here; every function is given its instants (`Date`, UTC) or
 * local dates ('YYYY-MM-DD' strings). A local day starts at local midnight (or the first moment
 * after it when midnight does not exist) and ends where the next local day starts, so it lasts
 * 23, 24 or 25 hours; settlement periods are the consecutive 30-minute slices of it, numbered from 1.
 */

export const LONDON = 'Europe/London'

const periodMs = 30 * 60 * 1000

export type SettlementPeriod = { readonly period: number; readonly startAt: Date; readonly endAt: Date }

export class InvalidLocalDate extends withCode(ValidationFailed, 'INVALID_LOCAL_DATE') {}

export class InvalidMonth extends withCode(ValidationFailed, 'INVALID_MONTH') {}

export class InvalidInstant extends withCode(ValidationFailed, 'INVALID_INSTANT') {}

export class UnknownTimeZone extends withCode(ValidationFailed, 'UNKNOWN_TIME_ZONE') {}

export class InvalidSettlementPeriod extends withCode(ValidationFailed, 'INVALID_SETTLEMENT_PERIOD') {}

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/
const monthPattern = /^\d{4}-\d{2}$/

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (any year), and back: integer arithmetic
 * (H. Hinnant's civil-calendar algorithms), the fast path of the date arithmetic below, which a
 * billing run calls millions of times.
 */
function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function dateOfEpochDay(epochDay: number): string {
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shifted = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
  const month = shifted < 10 ? shifted + 3 : shifted - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  // Beyond four-digit years, Temporal's own extended form ('+010000-01-01').
  if (year < 0 || year > 9999) return Temporal.PlainDate.from({ year, month, day }).toString()
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The epoch day of a real date written 'YYYY-MM-DD', or null. */
function epochDayOfText(value: unknown): number | null {
  if (typeof value !== 'string' || !localDatePattern.test(value)) return null
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return epochDayOf(year, month, day)
}

/** Whether the text is a real calendar date written 'YYYY-MM-DD'. Throws nothing. */
export function isLocalDate(value: unknown): value is string {
  return epochDayOfText(value) !== null
}

function epochDay(date: string): number {
  const days = epochDayOfText(date)
  if (days === null) throw new InvalidLocalDate(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`)
  return days
}

function plainDate(date: string): Temporal.PlainDate {
  epochDay(date)
  return Temporal.PlainDate.from(date)
}

function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN
  if (Number.isNaN(ms)) throw new InvalidInstant(`Not a valid instant: ${String(instant)}`)
  return withTimeZone(timeZone, () => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone))
}

function withTimeZone<T>(timeZone: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof RangeError) throw new UnknownTimeZone(`Unknown time zone: ${timeZone}`, { timeZone })
    throw error
  }
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** A local date as people write it: '2025-12-06' → '6 December 2025'. @throws InvalidLocalDate */
export function longDateText(date: string): string {
  if (!isLocalDate(date)) throw new InvalidLocalDate(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`)
  const [year, month, day] = date.split('-')
  return `${Number(day)} ${monthNames[Number(month) - 1]} ${year}`
}

/** The local date ('YYYY-MM-DD') of an instant in the zone. @throws InvalidInstant, UnknownTimeZone */
export function localDateOf(instant: Date, timeZone: string = LONDON): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN
  if (Number.isNaN(ms)) throw new InvalidInstant(`Not a valid instant: ${String(instant)}`)
  for (const day of localDaysOverlapping(Math.floor(ms / dayMs), timeZone)) {
    if (ms >= day.startMs && ms < day.endMs) return day.date
  }
  throw new InvariantBroken(`No local day in ${timeZone} holds ${instant.toISOString()}`)
}

const dayMs = 24 * 60 * 60 * 1000

/** Remembered zone answers, a bounded number: forgotten all at once when full. */
class Memo<T> {
  private readonly entries = new Map<string, T>()
  constructor(private readonly limit: number) {}
  get(key: string, make: () => T): T {
    const found = this.entries.get(key)
    if (found !== undefined) return found
    const made = make()
    if (this.entries.size >= this.limit) this.entries.clear()
    this.entries.set(key, made)
    return made
  }
}

type LocalDay = { readonly date: string; readonly startMs: number; readonly endMs: number }
const localDaysMemo = new Memo<readonly LocalDay[]>(20_000)
const dayStartMemo = new Memo<number>(20_000)

/**
 * The local days (with their instant ranges) that overlap one UTC day: those from the local date
 * of its first instant to that of its last, since local dates never go backwards.
 */
function localDaysOverlapping(utcDay: number, timeZone: string): readonly LocalDay[] {
  return localDaysMemo.get(`${timeZone}|${utcDay}`, () => {
    const first = epochDayOfPlain(zoned(new Date(utcDay * dayMs), timeZone).toPlainDate())
    const last = epochDayOfPlain(zoned(new Date((utcDay + 1) * dayMs - 1), timeZone).toPlainDate())
    const days: LocalDay[] = []
    for (let day = first; day <= last; day++) {
      const date = dateOfEpochDay(day)
      days.push({ date, startMs: dayStartMs(date, timeZone), endMs: dayStartMs(dateOfEpochDay(day + 1), timeZone) })
    }
    return days
  })
}

function epochDayOfPlain(date: Temporal.PlainDate): number {
  return epochDayOf(date.year, date.month, date.day)
}

function dayStartMs(date: string, timeZone: string): number {
  return dayStartMemo.get(`${timeZone}|${date}`, () => {
    const day = plainDate(date)
    // toZonedDateTime without a time gives the start of the day, even where midnight is skipped
    return withTimeZone(timeZone, () => day.toZonedDateTime({ timeZone }).epochMilliseconds)
  })
}

/** The local wall-clock time ('HH:MM') of an instant in the zone. @throws InvalidInstant, UnknownTimeZone */
export function localTimeOf(instant: Date, timeZone: string = LONDON): string {
  return zoned(instant, timeZone).toPlainTime().toString({ smallestUnit: 'minute' })
}

/** The instant the local day starts in the zone. @throws InvalidLocalDate, UnknownTimeZone */
export function startOfLocalDay(date: string, timeZone: string = LONDON): Date {
  epochDay(date)
  return new Date(dayStartMs(date, timeZone))
}

/**
 * The instant a calendar date begins in UTC, for a date that is no one's local day: a bound on the
 * instants the API accepts, a far-past default, or a date-only value handed to `Intl.DateTimeFormat`
 * with `timeZone: 'UTC'` so that it prints as that same date. A customer's or supplier's day starts
 * at `startOfLocalDay` instead, which in a British summer is 23:00 UTC the day before.
 * @throws InvalidLocalDate
 */
export function utcMidnight(date: string): Date {
  return new Date(epochDay(date) * dayMs)
}

/** The half-open instant range of one local day: 23, 24 or 25 hours long. @throws InvalidLocalDate, UnknownTimeZone */
export function localDayRange(date: string, timeZone: string = LONDON): InstantRange {
  return range(startOfLocalDay(date, timeZone), startOfLocalDay(addDays(date, 1), timeZone))
}

/**
 * The instant range from the start of `dates.from` to the start of `dates.to` (open stays open).
 * @throws InvalidLocalDate, UnknownTimeZone
 */
export function instantRangeOf(dates: DateRange, timeZone: string = LONDON): InstantRange {
  return range(startOfLocalDay(dates.from, timeZone), dates.to === null ? null : startOfLocalDay(dates.to, timeZone))
}

/** The date `days` days after (or before, when negative) the given date. @throws InvalidLocalDate */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new InvalidLocalDate(`Days must be a whole number: ${days}`)
  return dateOfEpochDay(epochDay(date) + days)
}

/**
 * The same day `months` months before `date` (the month's last day when it has no such day: 28
 * February a year before 29 February). @throws InvalidLocalDate
 */
export function monthsBefore(date: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new InvalidLocalDate(`Months must be a whole number: ${months}`)
  epochDay(date) // refuses what is not a date
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months
  const year = Math.floor(month / 12)
  const monthOfYear = month - year * 12
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, monthOfYear + 1))
  return `${String(year).padStart(4, '0')}-${String(monthOfYear + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole days from `fromDate` to `toDate`, negative when `toDate` is earlier. @throws InvalidLocalDate */
export function daysBetween(fromDate: string, toDate: string): number {
  return epochDay(toDate) - epochDay(fromDate)
}

/** The month ('YYYY-MM') a date falls in. @throws InvalidLocalDate */
export function monthOf(date: string): string {
  return plainDate(date).toPlainYearMonth().toString()
}

/**
 * The dates of a month ('YYYY-MM') as a half-open range from its first day to the next month's first day.
 * @throws InvalidMonth
 */
export function monthDateRange(month: string): DateRange {
  let first: Temporal.PlainDate
  try {
    if (!monthPattern.test(month)) throw new RangeError()
    first = Temporal.PlainYearMonth.from(month, { overflow: 'reject' }).toPlainDate({ day: 1 })
  } catch {
    throw new InvalidMonth(`Not a month written YYYY-MM: ${JSON.stringify(month)}`)
  }
  return range(first.toString(), first.add({ months: 1 }).toString())
}

/**
 * Whether the local day is not 24 hours long (clocks go forward or back that day).
 * @throws InvalidLocalDate, UnknownTimeZone
 */
export function isClockChangeDay(date: string, timeZone: string = LONDON): boolean {
  const day = localDayRange(date, timeZone)
  return day.to!.getTime() - day.from.getTime() !== 24 * 60 * 60 * 1000
}

/**
 * The settlement periods of a local day: consecutive 30-minute UTC slices from its start to the
 * next day's start, numbered from 1 — 48 normally, 46 when clocks go forward, 50 when they go back.
 * @throws InvalidLocalDate, UnknownTimeZone; InvariantBroken for a zone whose day is not whole half hours
 */
export function settlementPeriodsOfDay(date: string, timeZone: string = LONDON): SettlementPeriod[] {
  const startMs = startOfLocalDay(date, timeZone).getTime()
  const count = periodCount(date, timeZone, startMs)
  return Array.from({ length: count }, (_, index) => ({
    period: index + 1,
    startAt: new Date(startMs + index * periodMs),
    endAt: new Date(startMs + (index + 1) * periodMs),
  }))
}

function periodCount(date: string, timeZone: string, startMs: number): number {
  const lengthMs = startOfLocalDay(addDays(date, 1), timeZone).getTime() - startMs
  if (lengthMs % periodMs !== 0) {
    throw new InvariantBroken(`The local day ${date} in ${timeZone} is not a whole number of half hours`)
  }
  return lengthMs / periodMs
}

/** The local date and settlement period (1-based) an instant falls in. @throws InvalidInstant, UnknownTimeZone */
export function settlementPeriodOf(instant: Date, timeZone: string = LONDON): { date: string; period: number } {
  const date = localDateOf(instant, timeZone)
  const startMs = startOfLocalDay(date, timeZone).getTime()
  return { date, period: Math.floor((instant.getTime() - startMs) / periodMs) + 1 }
}

/**
 * The instant a settlement period starts.
 * @throws InvalidSettlementPeriod when the day has no such period; InvalidLocalDate, UnknownTimeZone
 */
export function settlementPeriodStart({
  date,
  period,
  timeZone = LONDON,
}: {
  date: string
  period: number
  timeZone?: string
}): Date {
  const startMs = startOfLocalDay(date, timeZone).getTime()
  const count = periodCount(date, timeZone, startMs)
  if (!Number.isInteger(period) || period < 1 || period > count) {
    throw new InvalidSettlementPeriod(`${date} in ${timeZone} has periods 1 to ${count}, not ${period}`, {
      date,
      period,
      periods: count,
    })
  }
  return new Date(startMs + (period - 1) * periodMs)
}

/** An instant with its local offset, as Octopus writes them: `2025-10-26T01:30:00+01:00` or `…Z`. */
export function withLocalOffset(instant: Date, timeZone: string = LONDON): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    timeZoneName: 'longOffset',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const offset = part('timeZoneName').replace('GMT', '')
  const zone = offset === '' || offset === '+00:00' ? 'Z' : offset
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${zone}`
}
