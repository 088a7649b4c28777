/**
 * Which delivery statuses can follow which, per channel; pure. A provider's report that would move a
 * message backwards (delivered after opened) or out of an end state (anything after bounced) is
 * impossible and refused; the same status twice is a repeat, not a move.
 */
import type { Channel, DeliveryStatus, MessageStatus } from './types.js'

const email: Readonly<Partial<Record<MessageStatus, readonly DeliveryStatus[]>>> = {
  queued: ['sent', 'failed'],
  // Opens and clicks can be reported before the receiving server's delivery report.
  sent: ['delivered', 'opened', 'clicked', 'bounced', 'failed'],
  // A receiving server may accept a message and bounce it later.
  delivered: ['opened', 'clicked', 'bounced'],
  opened: ['clicked'],
}

const sms: Readonly<Partial<Record<MessageStatus, readonly DeliveryStatus[]>>> = {
  queued: ['sent', 'failed'],
  sent: ['delivered', 'failed'],
}

const letter: Readonly<Partial<Record<MessageStatus, readonly DeliveryStatus[]>>> = {
  queued: ['sent', 'failed'],
  // Posted letters may be returned to sender.
  sent: ['delivered', 'bounced'],
  delivered: ['bounced'],
}

const byChannel: Readonly<Record<Channel, Readonly<Partial<Record<MessageStatus, readonly DeliveryStatus[]>>>>> = {
  email,
  sms,
  letter,
  phone_call: {},
}

/** The statuses a message on `channel` may move to from `from`. Throws nothing. */
export function nextStatuses(channel: Channel, from: MessageStatus): readonly DeliveryStatus[] {
  return byChannel[channel][from] ?? []
}

/** Whether a message on `channel` may move from `from` to `to`. Throws nothing. */
export function canMove(channel: Channel, from: MessageStatus, to: MessageStatus): boolean {
  return (nextStatuses(channel, from) as readonly MessageStatus[]).includes(to)
}
