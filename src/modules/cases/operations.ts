/**
 * CAS-1 writes: open a case, move its status (resolve, close, reopen), change its priority, assign
 * it, add notes and attachments. Every change is audited in the caller's transaction.
 */
import { createHash } from 'node:crypto'
import type { Change, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import * as access from '../access/index.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import { allowedContentTypes, maxAttachmentBytes, sniffContentType } from './attachment-type.js'
import { toAttachmentInfo, toCase, toNote } from './rows.js'
import * as store from './store.js'
import { type Assigner, assignmentDecision, canMove, isFinished, nextStatuses, sameAssignee } from './transitions.js'
import {
  type Assignee,
  type AttachmentInfo,
  type Case,
  type CaseNote,
  type CaseStatus,
  type CaseType,
  caseStatuses,
  caseTypes,
  type Priority,
  priorities,
} from './types.js'

export class CaseNotFound extends withCode(NotFound, 'CASE_NOT_FOUND') {}
export class InvalidCase extends withCode(ValidationFailed, 'INVALID_CASE') {}
export class CaseTransitionRefused extends withCode(Conflict, 'CASE_TRANSITION_REFUSED') {}
export class ResolutionNoteRequired extends withCode(ValidationFailed, 'RESOLUTION_NOTE_REQUIRED') {}
export class CaseClosed extends withCode(Conflict, 'CASE_CLOSED') {}
export class ReassignmentForbidden extends withCode(Forbidden, 'CASE_REASSIGNMENT_FORBIDDEN') {}
export class AssigneeNotEligible extends withCode(ValidationFailed, 'CASE_ASSIGNEE_NOT_ELIGIBLE') {}
export class AttachmentTooLarge extends withCode(ValidationFailed, 'ATTACHMENT_TOO_LARGE') {}
export class AttachmentTypeNotAllowed extends withCode(ValidationFailed, 'ATTACHMENT_TYPE_NOT_ALLOWED') {}
export class AttachmentNotFound extends withCode(NotFound, 'ATTACHMENT_NOT_FOUND') {}

type Problem = { path: string; message: string }

/** A file name with a slash, backslash or control character would be a path or break a header. */
function hasControlOrSlash(name: string): boolean {
  for (const char of name) {
    const code = char.charCodeAt(0)
    if (code < 0x20 || code === 0x7f || char === '/' || char === '\\') return true
  }
  return false
}

function refuseIf(problems: Problem[], message: string): void {
  if (problems.length > 0)
    throw new InvalidCase(`${message}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems)
}

function checkText(value: string, path: string, max: number, problems: Problem[], min = 1): void {
  if (typeof value !== 'string' || value.trim().length < min || value.length > max)
    problems.push({ path, message: `${min} to ${max} characters` })
}

function event(
  row: { id: string; account_id: string },
  kind: store.EventRow['kind'],
  {
    from,
    to,
    detail = null,
    actor,
    at,
  }: { from: string | null; to: string | null; detail?: string | null; actor: Actor; at: Date },
): store.EventRow {
  return {
    id: newId('cev'),
    account_id: row.account_id,
    case_id: row.id,
    kind,
    from_value: from,
    to_value: to,
    detail,
    occurred_at: at,
    actor_kind: actor.kind,
    actor_id: actor.id,
  }
}

/** Record a change to a case as an audit event on the case's account, in the caller's transaction. */
function recordOnCase(
  tx: Tx,
  row: { id: string; account_id: string },
  event: Omit<audit.AuditEventInput, 'subject' | 'accountId'>,
): Promise<unknown> {
  return audit.record(tx, { ...event, subject: { type: 'case', id: row.id }, accountId: row.account_id })
}

const assigneeLabel = (assignee: Assignee): string | null =>
  assignee.kind === 'user' ? `user:${assignee.userId}` : assignee.kind === 'team' ? `team:${assignee.team}` : null

/** A user or team a case can be with: an enabled staff user, or a role, that may work cases. */
async function checkAssignee(tx: Tx, assignee: Assignee): Promise<void> {
  if (assignee.kind === 'none') return
  if (assignee.kind === 'team') {
    if (!access.isRole(assignee.team) || !access.can({ kind: 'staff', role: assignee.team }, 'cases.case.update'))
      throw new AssigneeNotEligible(`There is no team '${assignee.team}' that works cases`, [
        { path: 'assignee.team', message: 'a team (role) whose members may update cases' },
      ])
    return
  }
  const user = assignee.userId.includes('@') ? undefined : await access.findStaffUser(tx, assignee.userId)
  if (!user || user.disabledAt !== null || !access.can({ kind: 'staff', role: user.role }, 'cases.case.update'))
    throw new AssigneeNotEligible(`${assignee.userId} is not a staff user who may work cases`, [
      { path: 'assignee.userId', message: 'an enabled staff user whose role may update cases' },
    ])
}

async function lockedCase(tx: Tx, caseId: string): Promise<store.CaseRow> {
  const row = await store.lockCase(tx, caseId)
  if (!row) throw new CaseNotFound(`There is no case ${caseId}`)
  return row
}

const assigneeColumns = (assignee: Assignee) => ({
  assignee_user_id: assignee.kind === 'user' ? assignee.userId : null,
  assignee_team: assignee.kind === 'team' ? assignee.team : null,
})

export interface OpenCaseInput {
  readonly tx: Tx
  readonly accountId: string
  readonly type: CaseType
  readonly priority?: Priority | undefined
  readonly subject: string
  readonly description: string
  /** Left out: unassigned. Given: checked with the same rule as `assignCase` (from nobody). */
  readonly assignee?: Assignee | undefined
  /** Who is opening it, for the assignment rule; needed when an assignee is given. */
  readonly by?: Assigner | undefined
  readonly actor: Actor
  readonly at: Date
}

/**
 * Open a case on an account, `open`, unassigned or with the assignee given.
 * @throws InvalidCase, AccountNotFound, AssigneeNotEligible, ReassignmentForbidden
 */
export async function openCase({
  tx,
  accountId,
  type,
  priority = 'normal',
  subject,
  description,
  assignee = { kind: 'none' },
  by,
  actor,
  at,
}: OpenCaseInput): Promise<Case> {
  const problems: Problem[] = []
  if (!(caseTypes as readonly string[]).includes(type))
    problems.push({ path: 'type', message: `one of ${caseTypes.join(', ')}` })
  if (!(priorities as readonly string[]).includes(priority))
    problems.push({ path: 'priority', message: `one of ${priorities.join(', ')}` })
  checkText(subject, 'subject', 200, problems)
  checkText(description, 'description', 10000, problems, 0)
  refuseIf(problems, 'The case is not valid')
  if (assignee.kind !== 'none') {
    if (!by) throw new ReassignmentForbidden('Only a signed-in staff user can assign a case')
    const decision = assignmentDecision({ current: { kind: 'none' }, target: assignee, by })
    if (!decision.allowed) throw new ReassignmentForbidden(`You cannot assign this case: ${decision.reason}`)
    await checkAssignee(tx, assignee)
  }
  const account = await accounts.accountFacts({ tx, accountId })
  if (!account) throw new accounts.AccountNotFound(`There is no account ${accountId}`)
  const row: store.CaseRow = {
    id: newId('cas'),
    number: await store.nextCaseNumber(tx),
    account_id: accountId,
    type,
    priority,
    status: 'open',
    status_at: at,
    subject: subject.trim(),
    description,
    ...assigneeColumns(assignee),
    opened_at: at,
    opened_by_kind: actor.kind,
    opened_by_id: actor.id,
    resolved_at: null,
    resolved_by_id: null,
    resolution_note: null,
  }
  await store.insertCase(tx, row)
  await store.insertEvent(tx, event(row, 'opened', { from: null, to: 'open', actor, at }))
  if (assignee.kind !== 'none')
    await store.insertEvent(tx, event(row, 'assigned', { from: null, to: assigneeLabel(assignee), actor, at }))
  await recordOnCase(tx, row, {
    actor,
    action: 'cases.case.opened',
    after: { number: row.number, type, priority, subject: row.subject, assignee: assigneeLabel(assignee) },
    at,
  })
  return toCase(row)
}

/**
 * Move a case to another status along the transition table (`transitions.ts`). Resolving or
 * closing records the resolution note, when and by whom; reopening a resolved case clears them, so
 * the resolution time is measured again from the opening when it is next resolved.
 * @throws CaseNotFound, CaseTransitionRefused, ResolutionNoteRequired, InvalidCase
 */
export async function changeStatus({
  tx,
  caseId,
  status,
  note,
  actor,
  at,
}: Change & {
  caseId: string
  status: CaseStatus
  /** The resolution note: required to resolve or close, kept as a history detail otherwise. */
  note?: string | undefined
}): Promise<Case> {
  if (!(caseStatuses as readonly string[]).includes(status))
    throw new InvalidCase(`'${status}' is not a case status`, [
      { path: 'status', message: `one of ${caseStatuses.join(', ')}` },
    ])
  if (note !== undefined && (note.trim().length === 0 || note.length > 4000))
    throw new InvalidCase('The note is not valid', [{ path: 'note', message: '1 to 4000 characters' }])
  const row = await lockedCase(tx, caseId)
  const from = row.status as CaseStatus
  if (from === status) return toCase(row)
  if (!canMove(from, status)) {
    const next = nextStatuses(from)
    throw new CaseTransitionRefused(
      `A ${from.replaceAll('_', ' ')} case cannot become ${status.replaceAll('_', ' ')}${
        next.length > 0 ? `: it can become ${next.join(', ')}` : ': it is final'
      }`,
      { from, to: status, allowed: [...next] },
    )
  }
  let changes: Parameters<typeof store.updateCase>[2] = { status, status_at: at }
  if (isFinished(status) && !isFinished(from)) {
    if (note === undefined)
      throw new ResolutionNoteRequired(`Say how the case was ${status} in a resolution note`, [
        { path: 'note', message: 'required to resolve or close a case' },
      ])
    changes = { ...changes, resolved_at: at, resolved_by_id: actor.id, resolution_note: note }
  } else if (!isFinished(status)) {
    changes = { ...changes, resolved_at: null, resolved_by_id: null, resolution_note: null }
  }
  await store.updateCase(tx, row.id, changes)
  await store.insertEvent(tx, event(row, 'status_changed', { from, to: status, detail: note ?? null, actor, at }))
  const after = { ...row, ...changes }
  const verb =
    isFinished(from) && !isFinished(status)
      ? 'reopened'
      : status === 'resolved' || status === 'closed'
        ? status
        : 'status_changed'
  await recordOnCase(tx, row, {
    actor,
    action: `cases.case.${verb}`,
    before: { status: from },
    after: { status, ...(note !== undefined ? { note } : {}) },
    at,
  })
  return toCase(after)
}

/**
 * Resolve a case with its resolution note (from open, in progress or waiting on the customer).
 * @throws CaseNotFound, CaseTransitionRefused, ResolutionNoteRequired, InvalidCase
 */
export async function resolveCase({
  tx,
  caseId,
  resolutionNote,
  actor,
  at,
}: Change & {
  caseId: string
  resolutionNote: string
}): Promise<Case> {
  return changeStatus({ tx, caseId, status: 'resolved', note: resolutionNote, actor, at })
}

/** Change a case's priority. @throws CaseNotFound, CaseClosed, InvalidCase */
export async function changePriority({
  tx,
  caseId,
  priority,
  actor,
  at,
}: Change & {
  caseId: string
  priority: Priority
}): Promise<Case> {
  if (!(priorities as readonly string[]).includes(priority))
    throw new InvalidCase(`'${priority}' is not a priority`, [
      { path: 'priority', message: `one of ${priorities.join(', ')}` },
    ])
  const row = await lockedCase(tx, caseId)
  if (row.status === 'closed') throw new CaseClosed(`Case ${row.number} is closed`)
  if (row.priority === priority) return toCase(row)
  await store.updateCase(tx, row.id, { priority })
  await store.insertEvent(tx, event(row, 'priority_changed', { from: row.priority, to: priority, actor, at }))
  await recordOnCase(tx, row, {
    actor,
    action: 'cases.case.priority_changed',
    before: { priority: row.priority },
    after: { priority },
    at,
  })
  return toCase({ ...row, priority })
}

/**
 * Put a case with a user or a team (or nobody), by the rule of `assignmentDecision`: taking an
 * unassigned case or one from your own team's queue is anyone's; the rest needs
 * `cases.case.reassign`.
 * @throws CaseNotFound, CaseClosed, ReassignmentForbidden, AssigneeNotEligible
 */
export async function assignCase({
  tx,
  caseId,
  assignee,
  by,
  actor,
  at,
}: Change & {
  caseId: string
  assignee: Assignee
  by: Assigner
}): Promise<Case> {
  const row = await lockedCase(tx, caseId)
  const current = toCase(row).assignee
  if (row.status === 'closed') throw new CaseClosed(`Case ${row.number} is closed`)
  if (sameAssignee(current, assignee)) return toCase(row)
  const decision = assignmentDecision({ current, target: assignee, by })
  if (!decision.allowed)
    throw new ReassignmentForbidden(`You cannot assign case ${row.number}: ${decision.reason}`, {
      permission: 'cases.case.reassign',
    })
  await checkAssignee(tx, assignee)
  const columns = assigneeColumns(assignee)
  await store.updateCase(tx, row.id, columns)
  await store.insertEvent(
    tx,
    event(row, 'assigned', { from: assigneeLabel(current), to: assigneeLabel(assignee), actor, at }),
  )
  await recordOnCase(tx, row, {
    actor,
    action: decision.reassignment ? 'cases.case.reassigned' : 'cases.case.assigned',
    before: { assignee: assigneeLabel(current) },
    after: { assignee: assigneeLabel(assignee) },
    at,
  })
  return toCase({ ...row, ...columns })
}

/** Add a note to a case (append-only). @throws CaseNotFound, CaseClosed, InvalidCase */
export async function addNote({
  tx,
  caseId,
  body,
  actor,
  at,
}: Change & {
  caseId: string
  body: string
}): Promise<CaseNote> {
  const problems: Problem[] = []
  checkText(body, 'body', 10000, problems)
  refuseIf(problems, 'The note is not valid')
  const row = await lockedCase(tx, caseId)
  if (row.status === 'closed')
    throw new CaseClosed(`Case ${row.number} is closed: reopen is not possible, open a new case`)
  const note: store.NoteRow = {
    id: newId('cnt'),
    account_id: row.account_id,
    case_id: row.id,
    body,
    created_at: at,
    created_by_kind: actor.kind,
    created_by_id: actor.id,
  }
  await store.insertNote(tx, note)
  await recordOnCase(tx, row, {
    actor,
    action: 'cases.note.added',
    after: { noteId: note.id, length: body.length },
    at,
  })
  return toNote(note)
}

/**
 * Keep a file on a case. The bytes decide the type: they must be a PDF, PNG, JPEG or plain text
 * (UTF-8), and agree with the declared type when one is given; at most 5 MB. A refused file stores
 * nothing.
 * @throws CaseNotFound, CaseClosed, InvalidCase, AttachmentTooLarge, AttachmentTypeNotAllowed
 */
export async function addAttachment({
  tx,
  caseId,
  fileName,
  declaredContentType,
  content,
  actor,
  at,
}: Change & {
  caseId: string
  fileName: string
  /** What the client said it is (`image/png`); parameters such as `; charset=utf-8` are ignored. */
  declaredContentType?: string | undefined
  content: Uint8Array
}): Promise<AttachmentInfo> {
  const problems: Problem[] = []
  if (
    typeof fileName !== 'string' ||
    fileName.trim().length === 0 ||
    fileName.length > 200 ||
    hasControlOrSlash(fileName)
  )
    problems.push({ path: 'fileName', message: '1 to 200 characters, no slashes or control characters' })
  if (content.length === 0) problems.push({ path: 'content', message: 'the file is empty' })
  refuseIf(problems, 'The attachment is not valid')
  if (content.length > maxAttachmentBytes)
    throw new AttachmentTooLarge(
      `The file is ${content.length} bytes: attachments are at most ${maxAttachmentBytes} bytes (5 MB)`,
      {
        sizeBytes: content.length,
        maxBytes: maxAttachmentBytes,
      },
    )
  const sniffed = sniffContentType(content)
  const declared = declaredContentType?.split(';')[0]?.trim().toLowerCase()
  if (sniffed === null || (declared !== undefined && declared !== '' && declared !== sniffed))
    throw new AttachmentTypeNotAllowed(
      sniffed === null
        ? `The file is not one of the allowed types (${allowedContentTypes.join(', ')})`
        : `The file is ${sniffed}, not ${declared} as declared`,
      { declared: declared ?? null, detected: sniffed, allowed: [...allowedContentTypes] },
    )
  const row = await lockedCase(tx, caseId)
  if (row.status === 'closed') throw new CaseClosed(`Case ${row.number} is closed`)
  const buffer = Buffer.from(content)
  const attachment = {
    id: newId('cat'),
    account_id: row.account_id,
    case_id: row.id,
    file_name: fileName.trim(),
    content_type: sniffed,
    size_bytes: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    uploaded_at: at,
    uploaded_by_kind: actor.kind,
    uploaded_by_id: actor.id,
  }
  await store.insertAttachment(tx, { ...attachment, content: buffer })
  await recordOnCase(tx, row, {
    actor,
    action: 'cases.attachment.added',
    after: {
      attachmentId: attachment.id,
      fileName: attachment.file_name,
      contentType: sniffed,
      sizeBytes: buffer.length,
      sha256: attachment.sha256,
    },
    at,
  })
  return toAttachmentInfo(attachment)
}
