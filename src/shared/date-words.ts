/**
 * Dates inside sentences the server writes (the account timeline's titles and summaries), in the
 * supplier's locale as the console shows them: `4 Mar 2026` in en-GB, `Mar 4, 2026` in en-US. A local
 * date ('YYYY-MM-DD') carries no zone, so it is formatted as that same date in UTC; an instant is first
 * turned into the supplier's local date (`localDateOf`).
 */
import { addDays, localDateOf, utcMidnight } from './time.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

function dateFormat(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear}`
  let made = formatters.get(key)
  if (!made) {
    made = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    })
    formatters.set(key, made)
  }
  return made
}

/** A local date as `4 Mar 2026` in the locale. @throws InvalidLocalDate */
export function dateWords(date: string, locale: string): string {
  return dateFormat(locale, true).format(utcMidnight(date))
}

/** The local date of an instant in the zone, as `4 Mar 2026` in the locale. @throws InvalidInstant, UnknownTimeZone */
export function instantDateWords(instant: Date, locale: string, timeZone: string): string {
  return dateWords(localDateOf(instant, timeZone), locale)
}

/**
 * The local dates from `first` to `last`, both included, as `1 Oct – 31 Oct 2026` (the year once
 * when both are in it), `1 Dec 2025 – 31 Jan 2026` otherwise, and one date when they are the same.
 * @throws InvalidLocalDate
 */
export function dateSpanWords(first: string, last: string, locale: string): string {
  if (first === last) return dateWords(first, locale)
  const sameYear = first.slice(0, 4) === last.slice(0, 4)
  return `${dateFormat(locale, !sameYear).format(utcMidnight(first))} – ${dateWords(last, locale)}`
}

/** A half-open period of instants [from, to) as its local dates, the last being the day before `to`'s. */
export function periodWords(from: Date, to: Date, locale: string, timeZone: string): string {
  return dateSpanWords(localDateOf(from, timeZone), addDays(localDateOf(to, timeZone), -1), locale)
}
