import { camelFields } from '../../shared/row-mapping.js'
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
    ...camelFields(row, [
      'id',
      'number',
      'account_id',
      'status_at',
      'subject',
      'description',
      'opened_at',
      'resolved_at',
      'resolved_by_id',
      'resolution_note',
    ]),
    type: row.type as CaseType,
    priority: row.priority as Priority,
    status: row.status as CaseStatus,
    assignee:
      row.assignee_user_id !== null
        ? { kind: 'user', userId: row.assignee_user_id }
        : row.assignee_team !== null
          ? { kind: 'team', team: row.assignee_team as Role }
          : { kind: 'none' },
    openedBy: { kind: row.opened_by_kind, id: row.opened_by_id },
    resolutionSeconds:
      row.resolved_at === null ? null : Math.floor((row.resolved_at.getTime() - row.opened_at.getTime()) / 1000),
  }
}

export function toNote(row: store.NoteRow): CaseNote {
  return {
    ...camelFields(row, ['id', 'case_id', 'body', 'created_at']),
    createdBy: { kind: row.created_by_kind, id: row.created_by_id },
  }
}

export function toAttachmentInfo(row: store.AttachmentInfoRow): AttachmentInfo {
  return {
    ...camelFields(row, ['id', 'case_id', 'file_name', 'size_bytes', 'sha256', 'uploaded_at']),
    contentType: row.content_type as AttachmentContentType,
    uploadedBy: { kind: row.uploaded_by_kind, id: row.uploaded_by_id },
  }
}

export function toEvent(row: store.EventRow): CaseEvent {
  return {
    ...camelFields(row, ['id', 'detail', 'occurred_at']),
    kind: row.kind as CaseEvent['kind'],
    from: row.from_value,
    to: row.to_value,
    actor: { kind: row.actor_kind, id: row.actor_id },
  }
}
