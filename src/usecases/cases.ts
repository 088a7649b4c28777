/**
 * CAS-1, CAS-2 for staff: open a case on an account (a billing dispute sends the customer its
 * acknowledgement in the same transaction), list an account's cases and the case queues, read one
 * case, add notes and attachments, move its status, assign and reassign it. Account-scoped reads are
 * recorded as account views; every change is audited by the cases module.
 */
import type { Db, Tx } from '../db/index.js'
import type * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as cases from '../modules/cases/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import type { Actor } from '../shared/actor.js'
import { addDays, localDateOf } from '../shared/time.js'
import { type AccountCall, type AccountPageCall, accountOf, recordAccountView } from './account-view.js'

/** The signed-in staff user acting: who they are and the role whose permissions they hold. */
export interface StaffMember {
  readonly userId: string
  readonly role: access.Role
}

/** How long the acknowledgement promises a response in: 14 calendar days from opening. */
export const disputeResponseDays = 14

async function accountNumberOf(tx: Tx, accountId: string): Promise<string> {
  const facts = await accounts.accountFacts({ tx, accountId })
  if (!facts) throw new accounts.AccountNotFound(`There is no account ${accountId}`)
  return facts.number
}

/** The case's id from its id or number. @throws CaseNotFound */
async function caseIdOf(tx: Tx, caseRef: string): Promise<{ id: string; accountId: string }> {
  const found = await cases.getCase({ tx, caseId: caseRef })
  return { id: found.id, accountId: found.accountId }
}

/** What every call on one case by a member of staff is given: the case (its number or id), who acts and when. */
interface CaseCall {
  tx: Tx
  caseRef: string
  actor: Actor
  at: Date
}

/**
 * Make a change of the cases module on the case `caseRef` names: the rest of the call goes through
 * as it is, with the case's id. @throws CaseNotFound, and what the change throws
 */
async function onCase<Input extends CaseCall, T>(
  { caseRef, ...rest }: Input,
  change: (input: Omit<Input, 'caseRef'> & { caseId: string }) => Promise<T>,
): Promise<T> {
  const { id } = await caseIdOf(rest.tx, caseRef)
  return change({ ...rest, caseId: id })
}

/**
 * Open a case on an account by its number, unassigned or with an assignee (the assignment rule of
 * the cases module applies). A billing dispute sends a `dispute_acknowledgement` (by email to a
 * paperless customer, otherwise a letter) queued in the same transaction; enqueue it for delivery after
 * commit (`DeliveryQueue`).
 * @throws AccountNotFound, InvalidCase, AssigneeNotEligible, ReassignmentForbidden, and what comms.send throws
 */
export async function openAccountCase({
  tx,
  accountNumber,
  type,
  priority,
  subject,
  description,
  assignee,
  staff,
  actor,
  at,
}: AccountCall & {
  type: cases.CaseType
  priority?: cases.Priority | undefined
  subject: string
  description: string
  assignee?: cases.Assignee | undefined
  staff: StaffMember
}): Promise<{ case: cases.Case & { accountNumber: string }; acknowledgement: comms.Message | null }> {
  const account = await accountOf(tx, accountNumber)
  const opened = await cases.openCase({
    tx,
    accountId: account.id,
    type,
    priority,
    subject,
    description,
    assignee,
    by: staff,
    actor,
    at,
  })
  let acknowledgement: comms.Message | null = null
  if (type === 'billing_dispute') {
    const supplier = await market.getSupplier(tx)
    const today = localDateOf(at, supplier.profile.timeZone)
    acknowledgement = await comms.send({
      tx,
      accountId: account.id,
      channel: await comms.preferredChannel({ tx, accountId: account.id }),
      template: 'dispute_acknowledgement',
      fields: {
        disputeReference: opened.number,
        disputeSubject: opened.subject,
        responseDate: addDays(today, disputeResponseDays),
      },
      related: { type: 'case', id: opened.id },
      actor,
      at,
    })
  }
  return { case: { ...opened, accountNumber: account.number }, acknowledgement }
}

/** An account's cases, newest first, a page at a time; recorded as a view of the account. @throws AccountNotFound, InvalidCursor */
export async function accountCases({
  tx,
  accountNumber,
  statuses,
  types,
  limit,
  cursor,
  actor,
  at,
}: AccountPageCall & {
  statuses?: readonly cases.CaseStatus[] | undefined
  types?: readonly cases.CaseType[] | undefined
}) {
  const account = await accountOf(tx, accountNumber)
  const page = await cases.listCases({ tx, filter: { accountId: account.id, statuses, types }, limit, cursor })
  await recordAccountView(tx, { accountId: account.id, what: 'cases', context: {}, actor, at })
  return page
}

export type QueueAssignee = 'me' | 'team' | 'unassigned' | 'any'

/**
 * Cases across accounts for the work queues: with me, with my team (my role), unassigned, or any;
 * by status and type; newest first, a page at a time. Not an account view: it lists references and
 * subjects, and opening one is recorded. @throws InvalidCursor
 */
export async function caseQueue({
  tx,
  staff,
  assignee = 'any',
  statuses,
  types,
  limit,
  cursor,
}: {
  tx: Db | Tx
  staff: StaffMember
  assignee?: QueueAssignee | undefined
  statuses?: readonly cases.CaseStatus[] | undefined
  types?: readonly cases.CaseType[] | undefined
  limit: number
  cursor?: string | undefined
}) {
  const filter: cases.CaseListFilter = {
    statuses,
    types,
    assignee:
      assignee === 'me'
        ? { kind: 'user', userId: staff.userId }
        : assignee === 'team'
          ? { kind: 'team', team: staff.role }
          : assignee === 'unassigned'
            ? { kind: 'unassigned' }
            : undefined,
  }
  return cases.listCases({ tx, filter, limit, cursor })
}

/**
 * The escalated cases across all accounts (`cases.isEscalated`), newest first: the executives' and
 * supervisors' view ("View escalated cases"). @throws accounts.InvalidCursor
 */
export async function escalatedCaseQueue({
  tx,
  statuses,
  limit,
  cursor,
}: {
  tx: Db | Tx
  statuses?: readonly cases.CaseStatus[] | undefined
  limit: number
  cursor?: string | undefined
}) {
  return cases.listCases({ tx, filter: { statuses, escalated: true }, limit, cursor })
}

/**
 * One escalated case with its notes, attachment metadata and history, recorded as a view of its
 * account; a case that is not escalated answers as if it did not exist. @throws CaseNotFound
 */
export async function escalatedCaseDetail({ tx, caseRef, actor, at }: CaseCall) {
  const found = await cases.getCase({ tx, caseId: caseRef })
  if (!cases.isEscalated(found)) throw new cases.CaseNotFound(`There is no escalated case ${caseRef}`)
  const accountNumber = await accountNumberOf(tx, found.accountId)
  await recordAccountView(tx, {
    accountId: found.accountId,
    what: 'cases',
    context: { caseId: found.id, escalated: true },
    actor,
    at,
  })
  return { ...found, accountNumber }
}

/** One case by id or number with its notes, attachment metadata and history; recorded as a view of its account. @throws CaseNotFound */
export async function caseDetail({ tx, caseRef, actor, at }: { tx: Tx; caseRef: string; actor: Actor; at: Date }) {
  const found = await cases.getCase({ tx, caseId: caseRef })
  const accountNumber = await accountNumberOf(tx, found.accountId)
  await recordAccountView(tx, { accountId: found.accountId, what: 'cases', context: { caseId: found.id }, actor, at })
  return { ...found, accountNumber }
}

/** Add a note to a case. @throws CaseNotFound, CaseClosed, InvalidCase */
export function addCaseNote(input: CaseCall & { body: string }) {
  return onCase(input, cases.addNote)
}

/**
 * Keep a file on a case: the bytes must be a PDF, PNG, JPEG or plain text of at most 5 MB.
 * @throws CaseNotFound, CaseClosed, InvalidCase, AttachmentTooLarge, AttachmentTypeNotAllowed
 */
export function uploadCaseAttachment(
  input: CaseCall & {
    fileName: string
    declaredContentType?: string | undefined
    content: Uint8Array
  },
) {
  return onCase(input, cases.addAttachment)
}

/** A file kept on a case, with its bytes; recorded as a view of the account. @throws CaseNotFound, AttachmentNotFound */
export async function caseAttachment({
  tx,
  caseRef,
  attachmentId,
  actor,
  at,
}: CaseCall & {
  attachmentId: string
}) {
  const { id, accountId } = await caseIdOf(tx, caseRef)
  const file = await cases.attachmentContent({ tx, caseId: id, attachmentId })
  await recordAccountView(tx, { accountId, what: 'cases', context: { caseId: id, attachmentId }, actor, at })
  return file
}

/**
 * Move a case along its transition table; resolving or closing needs the resolution note.
 * @throws CaseNotFound, CaseTransitionRefused, ResolutionNoteRequired, InvalidCase
 */
export function changeCaseStatus(input: CaseCall & { status: cases.CaseStatus; note?: string | undefined }) {
  return onCase(input, cases.changeStatus)
}

/** Resolve a case with its resolution note. @throws CaseNotFound, CaseTransitionRefused, ResolutionNoteRequired */
export function resolveAccountCase(input: CaseCall & { resolutionNote: string }) {
  return onCase(input, cases.resolveCase)
}

/** Change a case's priority. @throws CaseNotFound, CaseClosed, InvalidCase */
export function changeCasePriority(input: CaseCall & { priority: cases.Priority }) {
  return onCase(input, cases.changePriority)
}

/**
 * Assign or reassign a case: taking an unassigned case (for yourself or a team) or one from your own
 * team's queue is open to whoever may update cases; anything else needs `cases.case.reassign`
 * (supervisors), decided by `access.can` inside `cases.assignmentDecision`.
 * @throws CaseNotFound, CaseClosed, ReassignmentForbidden, AssigneeNotEligible
 */
export function assignAccountCase(input: CaseCall & { assignee: cases.Assignee; staff: StaffMember }) {
  return onCase(input, ({ staff, ...rest }) => cases.assignCase({ ...rest, by: staff }))
}
