import type { Actor } from '../../shared/actor.js'

export const channels = ['email', 'sms', 'letter', 'phone_call'] as const
export type Channel = (typeof channels)[number]

/** The channels a template can be sent through (a phone call is logged, never sent). */
export const sendChannels = ['email', 'sms', 'letter'] as const
export type SendChannel = (typeof sendChannels)[number]

export const directions = ['outbound', 'inbound'] as const
export type Direction = (typeof directions)[number]

/**
 * Where a message is. Outbound email, SMS and letters move from `queued` through the delivery
 * statuses (`transitions.ts` says which moves are possible); an inbound email is `received`; a phone
 * call, either way, is `completed` when it is logged.
 */
export const statuses = [
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'failed',
  'bounced',
  'received',
  'completed',
] as const
export type MessageStatus = (typeof statuses)[number]

/** The statuses a provider or webhook may report for a message after it was sent. */
export const deliveryStatuses = ['sent', 'delivered', 'opened', 'clicked', 'failed', 'bounced'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/** The business record a message belongs to: `{ type: 'payment_arrangement', id: 'arr_…' }`. */
export interface RelatedRecord {
  readonly type: string
  readonly id: string
}

export interface Message {
  readonly id: string
  readonly accountId: string
  readonly channel: Channel
  readonly direction: Direction
  readonly templateKey: string | null
  readonly subject: string | null
  readonly body: string
  /** Outbound: the address, number or one-line postal address it went to. Inbound: ours, if known. */
  readonly recipient: string | null
  /** Inbound: the address or number it came from. */
  readonly sender: string | null
  readonly status: MessageStatus
  readonly statusAt: Date
  readonly related: RelatedRecord | null
  /** Phone calls: how long the call took, talk and wrap-up, in seconds. */
  readonly handleSeconds: number | null
  /** When it was written, received, or the call started. */
  readonly occurredAt: Date
  readonly createdAt: Date
  readonly createdBy: { readonly kind: Actor['kind']; readonly id: string | null }
  readonly provider: string | null
  readonly providerMessageId: string | null
  readonly deliveryAttempts: number
  readonly failureReason: string | null
}

export interface StatusEvent {
  readonly status: MessageStatus
  readonly occurredAt: Date
  readonly recordedAt: Date
  readonly detail: string | null
  readonly recordedBy: { readonly kind: Actor['kind']; readonly id: string | null }
}

export interface MessageDetail extends Message {
  /** Every status the message has had, oldest first. */
  readonly history: readonly StatusEvent[]
  /** A letter's PDF can be fetched with `letterPdf`. */
  readonly hasPdf: boolean
}

export interface SmsEnrolment {
  readonly accountId: string
  readonly enrolled: boolean
  /** National digits (07700900123). */
  readonly phoneNumber: string | null
  readonly updatedAt: Date | null
}

/** What `send` and `preview` produce before anything is stored. */
export interface ComposedMessage {
  readonly channel: SendChannel
  readonly templateKey: string
  readonly subject: string
  readonly body: string
  readonly recipient: string
  /** Letters: the postal address, line by line. */
  readonly address: readonly string[] | null
}
