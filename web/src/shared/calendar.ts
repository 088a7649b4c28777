/**
 * Calendar arithmetic on `YYYY-MM-DD` dates: whole days and months, no time zone involved (a local
 * date is a label here, not an instant). The one copy the console's screens share.
 */

function partsOf(date: string): [number, number, number] {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  return [year, month, day]
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = partsOf(date)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** The date `months` after `date`, on the same day of the month or the month's last day when it has fewer. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = partsOf(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = partsOf(from)
  const [ty, tm, td] = partsOf(to)
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000)
}

/** Whole calendar months from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = partsOf(from)
  const [toYear, toMonth] = partsOf(to)
  return (toYear - fromYear) * 12 + (toMonth - fromMonth)
}

/** The Monday on or before `date` (weeks start on Monday). */
export function mondayOf(date: string): string {
  const [year, month, day] = partsOf(date)
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}
