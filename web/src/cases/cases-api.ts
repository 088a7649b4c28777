/**
 * The cases API (CAS-1, CAS-2) as the console uses it: the shapes of `src/api/routes/cases.ts` and
 * typed calls over the shared client's `send`. Instants are ISO strings.
 */
import type { ApiClient, Page } from '../api.js'

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

export const caseStatuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** The statuses in which a case still needs work. */
export const activeStatuses: readonly CaseStatus[] = ['open', 'in_progress', 'waiting_on_customer']

/**
 * What may follow each status: the server's transition table (`src/modules/cases/transitions.ts`),
 * kept here only to offer the allowed moves; the server decides, and a 409 names what it allows.
 */
export const nextStatuses: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'open', 'in_progress'],
  closed: [],
}

export const caseTypeLabels: Readonly<Record<CaseType, string>> = {
  billing_dispute: 'Billing dispute',
  service_request: 'Service request',
  complaint_escalation: 'Complaint escalation',
  meter_test_request: 'Meter test request',
  account_investigation: 'Account investigation',
}

export const priorityLabels: Readonly<Record<Priority, string>> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
}

export const statusLabels: Readonly<Record<CaseStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
}

/** Teams are roles; these are the ones that work cases. */
export const teamLabels: Readonly<Record<string, string>> = {
  agent: 'Customer service agents',
  supervisor: 'Supervisors',
  billing_specialist: 'Billing specialists',
  export_specialist: 'Export specialists',
}

export type Assignee = { kind: 'user'; userId: string } | { kind: 'team'; team: string } | { kind: 'none' }

export type StaffRef = { kind: string; id: string }

export type Case = {
  id: string
  /** The reference given to the customer: `C-00000042`. */
  number: string
  accountId: string
  accountNumber: string
  type: CaseType
  priority: Priority
  status: CaseStatus
  statusAt: string
  subject: string
  description: string
  assignee: Assignee
  openedAt: string
  openedBy: StaffRef
  resolvedAt: string | null
  resolvedById: string | null
  resolutionNote: string | null
  resolutionSeconds: number | null
}

export type CaseNote = { id: string; caseId: string; body: string; createdAt: string; createdBy: StaffRef }

export type CaseAttachment = {
  id: string
  caseId: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  uploadedBy: StaffRef
}

export type CaseEvent = {
  id: string
  kind: 'opened' | 'status_changed' | 'assigned' | 'priority_changed'
  from: string | null
  to: string | null
  detail: string | null
  occurredAt: string
  actor: StaffRef
}

export type CaseDetail = Case & { notes: CaseNote[]; attachments: CaseAttachment[]; history: CaseEvent[] }

export type QueueAssignee = 'me' | 'team' | 'unassigned' | 'any'

export type NewCase = {
  type: CaseType
  priority?: Priority
  subject: string
  description: string
}

/** Attachments the server keeps: decided from the bytes, at most 5 MB. */
export const maxAttachmentBytes = 5 * 1024 * 1024
export const allowedAttachmentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const

const accountBase = (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`
const caseBase = (caseRef: string) => `/cases/${encodeURIComponent(caseRef)}`

function listQuery({
  statuses,
  types,
  limit,
  cursor,
}: {
  statuses?: readonly CaseStatus[] | undefined
  types?: readonly CaseType[] | undefined
  limit: number
  cursor?: string | null | undefined
}): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) })
  if (statuses && statuses.length > 0) params.set('status', statuses.join(','))
  if (types && types.length > 0) params.set('type', types.join(','))
  if (cursor) params.set('cursor', cursor)
  return params
}

/** An account's cases, newest first. */
export function accountCases(
  api: ApiClient,
  {
    accountNumber,
    statuses,
    limit = 20,
    cursor,
  }: { accountNumber: string; statuses?: readonly CaseStatus[]; limit?: number; cursor?: string | null },
): Promise<Page<Case>> {
  return api.send({ path: `${accountBase(accountNumber)}/cases?${listQuery({ statuses, limit, cursor })}` })
}

/**
 * Open a case; a billing dispute also sends the customer a dispute acknowledgement.
 * @throws ApiError with field problems, CASE_ASSIGNEE_NOT_ELIGIBLE
 */
export async function openCase(
  api: ApiClient,
  { accountNumber, input }: { accountNumber: string; input: NewCase },
): Promise<{ case: Case; acknowledgement: { id: string } | null }> {
  return api.send({ method: 'POST', path: `${accountBase(accountNumber)}/cases`, body: input })
}

/** The case queues: with me, my team, unassigned or any; newest first. */
export function caseQueue(
  api: ApiClient,
  {
    assignee,
    statuses,
    types,
    limit = 20,
    cursor,
  }: {
    assignee: QueueAssignee
    statuses?: readonly CaseStatus[]
    types?: readonly CaseType[]
    limit?: number
    cursor?: string | null
  },
): Promise<Page<Case>> {
  const params = listQuery({ statuses, types, limit, cursor })
  params.set('assignee', assignee)
  return api.send({ path: `/cases?${params}` })
}

/** One case with its notes, attachments and history. @throws ApiError CASE_NOT_FOUND */
export function caseDetail(api: ApiClient, { caseRef }: { caseRef: string }): Promise<CaseDetail> {
  return api.send({ path: caseBase(caseRef) })
}

/** @throws ApiError CASE_CLOSED, field problems */
export function addCaseNote(api: ApiClient, { caseRef, body }: { caseRef: string; body: string }): Promise<CaseNote> {
  return api.send({ method: 'POST', path: `${caseBase(caseRef)}/notes`, body: { body } })
}

/** @throws ApiError ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE_NOT_ALLOWED, INVALID_BASE64, CASE_CLOSED */
export function uploadAttachment(
  api: ApiClient,
  {
    caseRef,
    fileName,
    contentType,
    contentBase64,
  }: { caseRef: string; fileName: string; contentType?: string; contentBase64: string },
): Promise<CaseAttachment> {
  return api.send({
    method: 'POST',
    path: `${caseBase(caseRef)}/attachments`,
    body: { fileName, ...(contentType ? { contentType } : {}), contentBase64 },
  })
}

export function attachmentUrl({ caseRef, attachmentId }: { caseRef: string; attachmentId: string }): string {
  return `/api${caseBase(caseRef)}/attachments/${encodeURIComponent(attachmentId)}`
}

/** @throws ApiError CASE_TRANSITION_REFUSED (details.allowed), RESOLUTION_NOTE_REQUIRED */
export function changeStatus(
  api: ApiClient,
  { caseRef, status, note }: { caseRef: string; status: CaseStatus; note?: string },
): Promise<Case> {
  return api.send({ method: 'POST', path: `${caseBase(caseRef)}/status`, body: note ? { status, note } : { status } })
}

/** @throws ApiError CASE_TRANSITION_REFUSED, field problems */
export function resolveCase(
  api: ApiClient,
  { caseRef, resolutionNote }: { caseRef: string; resolutionNote: string },
): Promise<Case> {
  return api.send({ method: 'POST', path: `${caseBase(caseRef)}/resolve`, body: { resolutionNote } })
}

/** @throws ApiError CASE_CLOSED */
export function changePriority(
  api: ApiClient,
  { caseRef, priority }: { caseRef: string; priority: Priority },
): Promise<Case> {
  return api.send({ method: 'POST', path: `${caseBase(caseRef)}/priority`, body: { priority } })
}

/** @throws ApiError CASE_REASSIGNMENT_FORBIDDEN (403), CASE_ASSIGNEE_NOT_ELIGIBLE, CASE_CLOSED */
export function assignCase(
  api: ApiClient,
  { caseRef, assignee }: { caseRef: string; assignee: Assignee },
): Promise<Case> {
  return api.send({ method: 'POST', path: `${caseBase(caseRef)}/assignment`, body: { assignee } })
}

/** A file as base64 (without the `data:` prefix), read in the browser. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : ''
      resolve(result.slice(result.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

/** The permission the cases queue is read under. */
export const casesPermission = 'cases.case.read'
