/** How messages read in the console: channel names and status chips (COM-1's statuses). */
import { formatDuration } from '../shared/duration.js'
import type { Channel, MessageStatus } from './comms-api.js'

export const channelLabels: Readonly<Record<Channel, string>> = {
  email: 'Email',
  sms: 'SMS',
  letter: 'Letter',
  phone_call: 'Phone call',
}

const statusTones: Readonly<Record<MessageStatus, string>> = {
  queued: 'neutral',
  sent: 'info',
  delivered: 'positive',
  opened: 'positive',
  clicked: 'positive',
  failed: 'danger',
  bounced: 'danger',
  received: 'info',
  completed: 'neutral',
}

export function MessageStatusChip({ status }: { status: MessageStatus }) {
  return (
    <span className={`chip chip-${statusTones[status] ?? 'neutral'}`} data-testid="message-status" data-status={status}>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  )
}

/** A handle time as `4 min 05 s`. */
export const formatHandleTime = formatDuration

/** A `datetime-local` input's value for now, in the browser's time. */
export function nowForInput(): string {
  const now = new Date()
  now.setSeconds(0, 0)
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** A `datetime-local` value as an ISO instant, or null when it is not a time. */
export function inputToInstant(value: string): string | null {
  const date = new Date(value)
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null
}
