/**
 * The cases API (CAS-1, CAS-2) as the console uses it: the shapes of `src/api/routes/cases.ts` and
 * calls over the generated client. The shapes are the server's declared answers. Instants are ISO strings.
 */
import type { ApiClient, Page } from '../api.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'

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

export type Case = ResponseOf<'/api/cases', 'get'>['items'][number]
/** A case as a change answers it (without the account's number). */
export type ChangedCase = ResponseOf<'/api/cases/{caseRef}/status', 'post'>
export type Assignee = Case['assignee']
export type StaffRef = Case['openedBy']
/** Teams are roles. */
export type Team = Extract<Assignee, { kind: 'team' }>['team']

/** The teams that work cases. */
export const teamLabels: Readonly<Partial<Record<Team, string>>> = {
  agent: 'Customer service agents',
  supervisor: 'Supervisors',
  billing_specialist: 'Billing specialists',
  export_specialist: 'Export specialists',
}

/** The team a chosen option names (one of `teamLabels`), else the agents. */
export function teamOf(value: string): Team {
  const team = Object.keys(teamLabels).find((key) => key === value)
  return (team as Team | undefined) ?? 'agent'
}

export type CaseDetail = ResponseOf<'/api/cases/{caseRef}', 'get'>
export type CaseNote = CaseDetail['notes'][number]
export type CaseAttachment = CaseDetail['attachments'][number]
export type CaseEvent = CaseDetail['history'][number]

export type QueueAssignee = 'me' | 'team' | 'unassigned' | 'any'

export type NewCase = RequestOf<'/api/accounts/{accountNumber}/cases', 'post'>

/** Attachments the server keeps: decided from the bytes, at most 5 MB. */
export const maxAttachmentBytes = 5 * 1024 * 1024
export const allowedAttachmentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const

const casePath = (caseRef: string) => ({ params: { path: { caseRef } } })

/** The list filters as the API takes them: statuses and types comma-separated. */
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
}): { status?: string; type?: string; limit: number; cursor?: string } {
  return {
    limit,
    ...(statuses && statuses.length > 0 ? { status: statuses.join(',') } : {}),
    ...(types && types.length > 0 ? { type: types.join(',') } : {}),
    ...(cursor ? { cursor } : {}),
  }
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
  return dataOf(
    api.client.GET('/api/accounts/{accountNumber}/cases', {
      params: { path: { accountNumber }, query: listQuery({ statuses, limit, cursor }) },
    }),
  )
}

/**
 * Open a case; a billing dispute also sends the customer a dispute acknowledgement.
 * @throws ApiError with field problems, CASE_ASSIGNEE_NOT_ELIGIBLE
 */
export function openCase(
  api: ApiClient,
  { accountNumber, input }: { accountNumber: string; input: NewCase },
): Promise<ResponseOf<'/api/accounts/{accountNumber}/cases', 'post'>> {
  return dataOf(
    api.client.POST('/api/accounts/{accountNumber}/cases', { params: { path: { accountNumber } }, body: input }),
  )
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
  return dataOf(
    api.client.GET('/api/cases', { params: { query: { ...listQuery({ statuses, types, limit, cursor }), assignee } } }),
  )
}

/** One case with its notes, attachments and history. @throws ApiError CASE_NOT_FOUND */
export function caseDetail(api: ApiClient, { caseRef }: { caseRef: string }): Promise<CaseDetail> {
  return dataOf(api.client.GET('/api/cases/{caseRef}', casePath(caseRef)))
}

/** @throws ApiError CASE_CLOSED, field problems */
export function addCaseNote(api: ApiClient, { caseRef, body }: { caseRef: string; body: string }): Promise<CaseNote> {
  return dataOf(api.client.POST('/api/cases/{caseRef}/notes', { ...casePath(caseRef), body: { body } }))
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
  return dataOf(
    api.client.POST('/api/cases/{caseRef}/attachments', {
      ...casePath(caseRef),
      body: { fileName, ...(contentType ? { contentType } : {}), contentBase64 },
    }),
  )
}

export function attachmentUrl({ caseRef, attachmentId }: { caseRef: string; attachmentId: string }): string {
  return `/api/cases/${encodeURIComponent(caseRef)}/attachments/${encodeURIComponent(attachmentId)}`
}

/** @throws ApiError CASE_TRANSITION_REFUSED (details.allowed), RESOLUTION_NOTE_REQUIRED */
export function changeStatus(
  api: ApiClient,
  { caseRef, status, note }: { caseRef: string; status: CaseStatus; note?: string },
): Promise<ChangedCase> {
  return dataOf(
    api.client.POST('/api/cases/{caseRef}/status', {
      ...casePath(caseRef),
      body: note ? { status, note } : { status },
    }),
  )
}

/** @throws ApiError CASE_TRANSITION_REFUSED, field problems */
export function resolveCase(
  api: ApiClient,
  { caseRef, resolutionNote }: { caseRef: string; resolutionNote: string },
): Promise<ChangedCase> {
  return dataOf(api.client.POST('/api/cases/{caseRef}/resolve', { ...casePath(caseRef), body: { resolutionNote } }))
}

/** @throws ApiError CASE_CLOSED */
export function changePriority(
  api: ApiClient,
  { caseRef, priority }: { caseRef: string; priority: Priority },
): Promise<ChangedCase> {
  return dataOf(api.client.POST('/api/cases/{caseRef}/priority', { ...casePath(caseRef), body: { priority } }))
}

/** @throws ApiError CASE_REASSIGNMENT_FORBIDDEN (403), CASE_ASSIGNEE_NOT_ELIGIBLE, CASE_CLOSED */
export function assignCase(
  api: ApiClient,
  { caseRef, assignee }: { caseRef: string; assignee: Assignee },
): Promise<ChangedCase> {
  return dataOf(api.client.POST('/api/cases/{caseRef}/assignment', { ...casePath(caseRef), body: { assignee } }))
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
