/**
 * Display formatting for the console. Staff work in UK time, so instants are shown in
 * Europe/London whatever the browser's zone; Intl does the daylight-saving arithmetic.
 */
import type { NoteType } from '../api.js'

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
})

// Calendar dates (`2021-03-04`) carry no zone: formatting them in UTC keeps the day unchanged.
const calendarDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/** An ISO instant as `4 Mar 2026, 14:05 GMT`, in London time. */
export function formatLondonDateTime(isoInstant: string): string {
  const date = new Date(isoInstant)
  return Number.isNaN(date.getTime()) ? isoInstant : londonDateTime.format(date)
}

/** A `YYYY-MM-DD` calendar date as `4 Mar 2021`. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date)
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

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })

/** The London calendar date (`YYYY-MM-DD`) of an instant; for the end of [from, to), the day before. */
export function londonDateOf(isoInstant: string, { endExclusive = false }: { endExclusive?: boolean } = {}): string {
  return londonDay.format(new Date(new Date(isoInstant).getTime() - (endExclusive ? 1 : 0)))
}

/** A billed period [from, to) as `1 Oct 2026 – 31 Oct 2026` in London dates. */
export function formatPeriod(fromInstant: string, toInstant: string): string {
  return `${formatCalendarDate(londonDateOf(fromInstant))} – ${formatCalendarDate(londonDateOf(toInstant, { endExclusive: true }))}`
}
