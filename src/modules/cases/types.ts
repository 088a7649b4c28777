import type { Role } from '../access/index.js'

export const caseTypes = [
  'billing_dispute',
  'service_request',
  'complaint_escalation',
  'meter_test_request',
  'account_investigation',
] as const
export type CaseType = (typeof caseTypes)[number]

export const priorities = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof priorities)[number]

/**
 * An escalated case: a complaint escalation, or any case at urgent priority (CAS-3's emergencies).
 * Executives "View escalated cases" (`cases.escalated.read`) and only those.
 */
export const escalatedCaseTypes: readonly CaseType[] = ['complaint_escalation']
export const escalatedPriorities: readonly Priority[] = ['urgent']

/** Whether a case is escalated (see `escalatedCaseTypes`, `escalatedPriorities`). Pure; throws nothing. */
export function isEscalated(found: { readonly type: CaseType; readonly priority: Priority }): boolean {
  return escalatedCaseTypes.includes(found.type) || escalatedPriorities.includes(found.priority)
}

/** Where a case is; `transitions.ts` says which moves are allowed. */
export const caseStatuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** The statuses in which a case still needs work (CAS-2 counts these). */
export const activeStatuses: readonly CaseStatus[] = ['open', 'in_progress', 'waiting_on_customer']

/** Who a case is with: a named staff user, a team (every team is a role), or nobody yet. */
export type Assignee =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly team: Role }
  | { readonly kind: 'none' }

export interface Case {
  readonly id: string
  /** The reference given to the customer: `C-00000042`. */
  readonly number: string
  readonly accountId: string
  readonly type: CaseType
  readonly priority: Priority
  readonly status: CaseStatus
  readonly statusAt: Date
  readonly subject: string
  readonly description: string
  readonly assignee: Assignee
  readonly openedAt: Date
  readonly openedBy: { readonly kind: string; readonly id: string }
  readonly resolvedAt: Date | null
  readonly resolvedById: string | null
  readonly resolutionNote: string | null
  /** resolvedAt − openedAt in whole seconds, once resolved (or closed); null while active. */
  readonly resolutionSeconds: number | null
}

export interface CaseNote {
  readonly id: string
  readonly caseId: string
  readonly body: string
  readonly createdAt: Date
  readonly createdBy: { readonly kind: string; readonly id: string }
}

export type AttachmentContentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain'

/** What is known about an attachment without its bytes. */
export interface AttachmentInfo {
  readonly id: string
  readonly caseId: string
  readonly fileName: string
  readonly contentType: AttachmentContentType
  readonly sizeBytes: number
  readonly sha256: string
  readonly uploadedAt: Date
  readonly uploadedBy: { readonly kind: string; readonly id: string }
}

export interface CaseEvent {
  readonly id: string
  readonly kind: 'opened' | 'status_changed' | 'assigned' | 'priority_changed'
  readonly from: string | null
  readonly to: string | null
  readonly detail: string | null
  readonly occurredAt: Date
  readonly actor: { readonly kind: string; readonly id: string }
}

export interface CaseDetail extends Case {
  readonly notes: readonly CaseNote[]
  readonly attachments: readonly AttachmentInfo[]
  readonly history: readonly CaseEvent[]
}

/** Per staff user over a period: cases they opened, and cases they resolved with the time it took. */
export interface CaseTotals {
  readonly userId: string
  readonly opened: number
  readonly resolved: number
  /** Sum of resolvedAt − openedAt over the resolved ones, in seconds. */
  readonly resolutionSecondsTotal: number
}
