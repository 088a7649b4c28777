/**
 * Display formatting for the web app. Instants are shown in the supplier's time zone and locale
 * (`brand.ts`, from the server) whatever the browser's zone; Intl does the daylight-saving
 * arithmetic. Formatters are built on first use, after the brand has loaded.
 */
import type { NoteType } from '../api.js'
import { brand } from './brand.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * An `Intl.DateTimeFormat` in the supplier's locale and time zone (or UTC, for calendar dates, which
 * carry no zone), made once per brand and options.
 */
export function dateFormat(
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
  { utc = false, locale }: { utc?: boolean; locale?: string } = {},
): Intl.DateTimeFormat {
  const current = brand()
  const timeZone = utc ? 'UTC' : current.timeZone
  const inLocale = locale ?? current.locale
  const key = `${inLocale}|${timeZone}|${JSON.stringify(options)}`
  let made = formatters.get(key)
  if (!made) {
    made = new Intl.DateTimeFormat(inLocale, { ...options, timeZone })
    formatters.set(key, made)
  }
  return made
}

/** An ISO instant as `4 Mar 2026, 14:05 GMT`, in the supplier's time zone. */
export function formatLocalDateTime(isoInstant: string): string {
  const date = new Date(isoInstant)
  if (Number.isNaN(date.getTime())) return isoInstant
  return dateFormat({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date)
}

/** The hour of the day (0–23) an instant falls in, in the supplier's time zone. */
export function localHourOf(date: Date): number {
  const hour = dateFormat({ hour: 'numeric', hourCycle: 'h23' }).format(date)
  return Number.parseInt(hour, 10)
}

/** A `YYYY-MM-DD` calendar date as `4 Mar 2021`. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDate
  // Calendar dates carry no zone: formatting them in UTC keeps the day unchanged.
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }, { utc: true }).format(date)
}

export const noteTypeLabels: Readonly<Record<NoteType, string>> = {
  general: 'General',
  billing: 'Billing',
  payment: 'Payment',
  service: 'Service',
}

/** `active` → `Active`, for status values the console has no special label for. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replaceAll('_', ' ')
}

/** The supplier's calendar date (`YYYY-MM-DD`) of an instant; for the end of [from, to), the day before. */
export function localDateOf(isoInstant: string, { endExclusive = false }: { endExclusive?: boolean } = {}): string {
  // en-CA writes dates as YYYY-MM-DD; only the zone comes from the brand.
  return dateFormat({}, { locale: 'en-CA' }).format(new Date(new Date(isoInstant).getTime() - (endExclusive ? 1 : 0)))
}

/** A billed period [from, to) as `1 Oct 2026 – 31 Oct 2026` in the supplier's dates. */
export function formatPeriod(fromInstant: string, toInstant: string): string {
  return `${formatCalendarDate(localDateOf(fromInstant))} – ${formatCalendarDate(localDateOf(toInstant, { endExclusive: true }))}`
}
