/**
 * The case shapes responses carry (CAS-1), declared once for the case routes and the dashboard.
 */
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import * as cases from '../../modules/cases/index.js'
import { InstantOut } from '../responses.js'

/** The types of file a case may keep (checked from the bytes on upload). */
export const attachmentContentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
] as const satisfies readonly cases.AttachmentContentType[]

/** A member of staff (or the system) who did something: their kind and id. */
const StaffRef = z.object({ kind: z.string(), id: z.string() })

/** Who a case is with: a named staff user, a team (every team is a role), or nobody yet. */
const Assignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string() }),
  z.object({ kind: z.literal('team'), team: z.enum(access.roles) }),
  z.object({ kind: z.literal('none') }),
])

/** A case with its account's number. */
export const Case = z.object({
  id: z.string(),
  number: z.string().describe('the reference given to the customer, like C-00000042'),
  accountId: z.string(),
  accountNumber: z.string(),
  type: z.enum(cases.caseTypes),
  priority: z.enum(cases.priorities),
  status: z.enum(cases.caseStatuses),
  statusAt: InstantOut,
  subject: z.string(),
  description: z.string(),
  assignee: Assignee,
  openedAt: InstantOut,
  openedBy: StaffRef,
  resolvedAt: InstantOut.nullable(),
  resolvedById: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  resolutionSeconds: z.number().int().nullable().describe('resolvedAt − openedAt in whole seconds, once resolved'),
})

/** A case as a change answers it (without its account's number). */
export const ChangedCase = Case.omit({ accountNumber: true })

export const CaseNote = z.object({
  id: z.string(),
  caseId: z.string(),
  body: z.string(),
  createdAt: InstantOut,
  createdBy: StaffRef,
})

/** What is known about an attachment, without its bytes. */
export const CaseAttachment = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  contentType: z.enum(attachmentContentTypes),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('the SHA-256 of the bytes, hex'),
  uploadedAt: InstantOut,
  uploadedBy: StaffRef,
})

const CaseEvent = z.object({
  id: z.string(),
  kind: z.enum(['opened', 'status_changed', 'assigned', 'priority_changed']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  detail: z.string().nullable(),
  occurredAt: InstantOut,
  actor: StaffRef,
})

/** One case with its notes, attachments (without their bytes) and history. */
export const CaseDetail = Case.extend({
  notes: z.array(CaseNote),
  attachments: z.array(CaseAttachment),
  history: z.array(CaseEvent),
})
