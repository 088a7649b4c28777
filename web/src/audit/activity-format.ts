/**
 * Words for the activity report: the groups, a sentence per audit action, and the CSV of what the
 * screen shows.
 */
import type { ActivityItem, ActivityKind } from './activity-api.js'

export const kindLabels: Readonly<Record<ActivityKind, string>> = {
  sign_in: 'Sign-ins',
  account_view: 'Accounts viewed',
  change: 'Changes',
  payment: 'Payments',
  message: 'Messages',
}

const actionLabels: Readonly<Record<string, string>> = {
  'access.session.started': 'Signed in',
  'access.session.ended': 'Signed out',
  'access.login.failed': 'Sign-in failed',
  'access.login.refused': 'Sign-in refused (locked)',
  'access.user.locked': 'Locked out after failed sign-ins',
  'access.permission.denied': 'Refused: no permission',
  'access.password.changed': 'Changed their password',
  'accounts.account.viewed': 'Viewed account',
  'accounts.search.performed': 'Searched accounts',
  'metering.consumption.read': 'Read usage',
  'accounts.note.added': 'Added a note',
  'accounts.contacts.updated': 'Updated contact details',
  'accounts.preferences.updated': 'Updated preferences',
  'payments.payment.taken': 'Took a payment',
  'comms.message.queued': 'Sent a message',
  'comms.message.received': 'Received a message',
  'comms.call.logged': 'Logged a call',
  'audit.activity.viewed': 'Read an activity report',
  'reports.agent_activity.viewed': 'Read the agent report',
  'reports.agent_activity.exported': 'Exported the agent report',
}

/** `cases.case.priority_changed` → `Cases: case priority changed`, for actions without a label of their own. */
export function actionLabel(action: string): string {
  const known = actionLabels[action]
  if (known) return known
  const [module = '', ...rest] = action.split('.')
  const words = rest.join(' ').replaceAll('_', ' ')
  return `${module.charAt(0).toUpperCase()}${module.slice(1)}: ${words}`
}

/** The few words of context worth a glance: sections viewed, the search, why a sign-in failed. */
export function detailOf(item: ActivityItem): string {
  const context = item.context ?? {}
  const parts: string[] = []
  const sections = context['sections']
  if (Array.isArray(sections) && sections.length > 0) parts.push(`sections: ${sections.join(', ')}`)
  if (typeof context['query'] === 'string') parts.push(`search: “${context['query']}”`)
  if (typeof context['reason'] === 'string') parts.push(`reason: ${context['reason']}`)
  if (typeof context['permission'] === 'string') parts.push(`permission: ${context['permission']}`)
  if (parts.length === 0 && !item.accountNumber && item.subjectType !== 'account')
    parts.push(`${item.subjectType.replaceAll('_', ' ')} ${item.subjectId}`)
  return parts.join(' · ')
}

/** One CSV field (RFC 4180), a leading = + - @ made text so a spreadsheet does not run it. */
function csvField(value: string | null): string {
  if (value === null) return ''
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The events shown, as CSV with a header row and CRLF line ends. */
export function activityCsv(items: readonly ActivityItem[]): string {
  const header = [
    'occurred_at',
    'group',
    'action',
    'description',
    'account_number',
    'subject_type',
    'subject_id',
    'detail',
  ]
  const rows = items.map((item) => [
    item.occurredAt,
    kindLabels[item.kind],
    item.action,
    actionLabel(item.action),
    item.accountNumber,
    item.subjectType,
    item.subjectId,
    detailOf(item),
  ])
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}
