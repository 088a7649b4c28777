/**
 * The rules of a case, pure: which status may follow which, and who may put a case with whom.
 * No I/O, no clock.
 */
import * as access from '../access/index.js'
import type { Assignee, CaseStatus } from './types.js'

/**
 * The transition table. `resolved` and `closed` need a resolution note; `closed` from an active
 * status is a case closed without being worked (a duplicate, withdrawn by the customer). A resolved
 * case may be reopened (back to `open` or `in_progress`); a closed case is final.
 */
export const transitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'open', 'in_progress'],
  closed: [],
}

/** Whether a case may move from one status to the other. */
export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return transitions[from].includes(to)
}

/** What may follow a status. */
export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from]
}

/** Whether a status ends the work on a case (the resolution is recorded). */
export function isFinished(status: CaseStatus): boolean {
  return status === 'resolved' || status === 'closed'
}

export function sameAssignee(a: Assignee, b: Assignee): boolean {
  if (a.kind === 'user' && b.kind === 'user') return a.userId === b.userId
  if (a.kind === 'team' && b.kind === 'team') return a.team === b.team
  return a.kind === b.kind
}

/** The staff user asking to assign: who they are and the role they act under. */
export interface Assigner {
  readonly userId: string
  readonly role: access.Role
}

export type AssignmentDecision =
  | { readonly allowed: true; readonly reassignment: boolean }
  | { readonly allowed: false; readonly reason: string }

/**
 * Who may put a case with whom (CAS-1 "reassignment by supervisors"). Anyone who may update cases
 * may take an unassigned case for themselves or give it to a team, and may take a case from their
 * own team's queue for themselves. Anything else that moves an assigned case — to another person,
 * to another team, back to nobody — and giving a case to a named colleague is a reassignment and
 * needs `cases.case.reassign`, asked through `access.can`, the one policy function.
 */
export function assignmentDecision({
  current,
  target,
  by,
}: {
  current: Assignee
  target: Assignee
  by: Assigner
}): AssignmentDecision {
  const mayReassign = access.can({ kind: 'staff', role: by.role }, 'cases.case.reassign')
  const toSelf = target.kind === 'user' && target.userId === by.userId
  const allowedWithout =
    (current.kind === 'none' && (toSelf || target.kind === 'team')) ||
    (current.kind === 'team' && current.team === by.role && toSelf)
  if (allowedWithout) return { allowed: true, reassignment: false }
  if (mayReassign) return { allowed: true, reassignment: current.kind !== 'none' }
  return {
    allowed: false,
    reason:
      current.kind === 'none'
        ? 'only a supervisor may give a case to a named colleague: take it yourself or give it to a team'
        : 'only a supervisor may reassign a case that is already assigned',
  }
}
