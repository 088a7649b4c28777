/**
 * The periods usage is shown for, in UK local dates [from, to): the one each granularity opens on,
 * the same length earlier or later, and how a period is written. The console's usage tab and the
 * portal's share them.
 */
import type { UsageGranularity } from '../api.js'
import { addDays, addMonths, daysBetween, mondayOf, monthsBetween } from '../shared/calendar.js'
import { formatCalendarDate } from '../shared/format.js'
import { localToday } from './usage-chart.js'

/** A period of usage by one granularity, as local dates [from, to). */
export type Range<G extends UsageGranularity = UsageGranularity> = { granularity: G; from: string; to: string }

/**
 * The period each granularity opens on, as local dates [from, to): the last 7 days ending yesterday
 * (half-hourly data arrives the next day), the last 30 days, the last 26 weeks (Monday to Sunday, this
 * week included) and the last 12 months (this month included).
 */
export function defaultRange<G extends UsageGranularity>(granularity: G, today: string = localToday()): Range<G> {
  switch (granularity) {
    case 'halfhour':
      return { granularity, from: addDays(today, -7), to: today }
    case 'day':
      return { granularity, from: addDays(today, -30), to: today }
    case 'week': {
      const nextMonday = addDays(mondayOf(today), 7)
      return { granularity, from: addDays(nextMonday, -26 * 7), to: nextMonday }
    }
    case 'month': {
      const nextMonth = addMonths(`${today.slice(0, 7)}-01`, 1)
      return { granularity, from: addMonths(nextMonth, -12), to: nextMonth }
    }
  }
}

/** The same length of period, earlier (`-1`) or later (`1`). Monthly ranges move by whole months. */
export function shiftRange<G extends UsageGranularity>(range: Range<G>, direction: -1 | 1): Range<G> {
  if (range.granularity === 'month' && range.from.endsWith('-01') && range.to.endsWith('-01')) {
    const months = monthsBetween(range.from, range.to) * direction
    return { ...range, from: addMonths(range.from, months), to: addMonths(range.to, months) }
  }
  const days = daysBetween(range.from, range.to) * direction
  return { ...range, from: addDays(range.from, days), to: addDays(range.to, days) }
}

/** `1 Mar 2026 – 31 Mar 2026`, or the one day. */
export function describeRange({ from, to }: { from: string; to: string }): string {
  const last = addDays(to, -1)
  return last === from ? formatCalendarDate(from) : `${formatCalendarDate(from)} – ${formatCalendarDate(last)}`
}
