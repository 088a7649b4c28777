import type { Role } from '../access/index.js'
import type * as store from './store.js'
import type {
  AttachmentContentType,
  AttachmentInfo,
  Case,
  CaseEvent,
  CaseNote,
  CaseStatus,
  CaseType,
  Priority,
} from './types.js'

export function toCase(row: store.CaseRow): Case {
  return {
    id: row.id,
    number: row.number,
    accountId: row.account_id,
    type: row.type as CaseType,
    priority: row.priority as Priority,
    status: row.status as CaseStatus,
    statusAt: row.status_at,
    subject: row.subject,
    description: row.description,
    assignee:
      row.assignee_user_id !== null
        ? { kind: 'user', userId: row.assignee_user_id }
        : row.assignee_team !== null
          ? { kind: 'team', team: row.assignee_team as Role }
          : { kind: 'none' },
    openedAt: row.opened_at,
    openedBy: { kind: row.opened_by_kind, id: row.opened_by_id },
    resolvedAt: row.resolved_at,
    resolvedById: row.resolved_by_id,
    resolutionNote: row.resolution_note,
    resolutionSeconds:
      row.resolved_at === null ? null : Math.floor((row.resolved_at.getTime() - row.opened_at.getTime()) / 1000),
  }
}

export function toNote(row: store.NoteRow): CaseNote {
  return {
    id: row.id,
    caseId: row.case_id,
    body: row.body,
    createdAt: row.created_at,
    createdBy: { kind: row.created_by_kind, id: row.created_by_id },
  }
}

export function toAttachmentInfo(row: store.AttachmentInfoRow): AttachmentInfo {
  return {
    id: row.id,
    caseId: row.case_id,
    fileName: row.file_name,
    contentType: row.content_type as AttachmentContentType,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    uploadedBy: { kind: row.uploaded_by_kind, id: row.uploaded_by_id },
  }
}

export function toEvent(row: store.EventRow): CaseEvent {
  return {
    id: row.id,
    kind: row.kind as CaseEvent['kind'],
    from: row.from_value,
    to: row.to_value,
    detail: row.detail,
    occurredAt: row.occurred_at,
    actor: { kind: row.actor_kind, id: row.actor_id },
  }
}
