/**
 * The checks a report's range of local dates gets (the agent report, the activity report): each
 * date a YYYY-MM-DD, `to` not before `from`, and at most `maxDays` days in all when there is a cap.
 * Answers the problems by field, none when the range is good. Pure.
 */
import { daysBetween, isLocalDate } from '../shared/time.js'

export function dateRangeProblems({
  from,
  to,
  maxDays,
}: {
  from: string | undefined
  to: string | undefined
  maxDays?: number
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (from !== undefined && !isLocalDate(from)) problems.push({ path: 'from', message: 'a date YYYY-MM-DD' })
  if (to !== undefined && !isLocalDate(to)) problems.push({ path: 'to', message: 'a date YYYY-MM-DD' })
  if (problems.length > 0 || from === undefined || to === undefined) return problems
  const days = daysBetween(from, to)
  if (days < 0 || (maxDays !== undefined && days >= maxDays)) {
    problems.push({
      path: 'to',
      message: maxDays === undefined ? 'on or after from' : `on or after from, at most ${maxDays} days in all`,
    })
  }
  return problems
}
