import type * as store from './store.js'
import type { Message, SmsEnrolment, StatusEvent } from './types.js'

/** A stored message as the module returns it. */
export function toMessage(row: store.MessageRow): Message {
  return {
    id: row.id,
    accountId: row.account_id,
    channel: row.channel as Message['channel'],
    direction: row.direction as Message['direction'],
    templateKey: row.template_key,
    subject: row.subject,
    body: row.body,
    recipient: row.recipient,
    sender: row.sender,
    status: row.status as Message['status'],
    statusAt: row.status_at,
    related: row.related_type && row.related_id ? { type: row.related_type, id: row.related_id } : null,
    handleSeconds: row.handle_seconds,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    createdBy: { kind: row.created_by_kind as Message['createdBy']['kind'], id: row.created_by_id },
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    deliveryAttempts: row.delivery_attempts,
    failureReason: row.failure_reason,
  }
}

export function toStatusEvent(row: store.EventRow): StatusEvent {
  return {
    status: row.status as StatusEvent['status'],
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    detail: row.detail,
    recordedBy: { kind: row.recorded_by_kind as StatusEvent['recordedBy']['kind'], id: row.recorded_by_id },
  }
}

export function toSmsEnrolment(accountId: string, row: store.SmsEnrolmentRow | undefined): SmsEnrolment {
  return {
    accountId,
    enrolled: row?.enrolled ?? false,
    phoneNumber: row?.phone_number ?? null,
    updatedAt: row?.updated_at ?? null,
  }
}
