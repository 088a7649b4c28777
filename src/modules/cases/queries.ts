/**
 * CAS-1, CAS-2 reads: one case with its notes, attachments and history, lists of cases, an
 * attachment's bytes, the CAS-2 hooks (active billing disputes, open investigations) and totals
 * for the agent reports. Unaudited: the use cases record the account views they make.
 */
import type { AccountsQuery, Db, Tx } from '../../db/index.js'
import { decodeJsonCursor, encodeJsonCursor, pageOf } from '../../shared/cursor.js'
import { AttachmentNotFound, CaseNotFound } from './operations.js'
import { toAttachmentInfo, toCase, toEvent, toNote } from './rows.js'
import * as store from './store.js'
import {
  type AttachmentInfo,
  type Case,
  type CaseDetail,
  type CaseStatus,
  type CaseTotals,
  type CaseType,
  escalatedCaseTypes,
  escalatedPriorities,
} from './types.js'

const caseIdPattern = /^cas_[0-9A-HJKMNP-TV-Z]{26}$/
const caseNumberPattern = /^C-\d{8}$/

/** Whether a string looks like a case id (`cas_…`) or number (`C-00000042`). */
export function isCaseReference(value: string): boolean {
  return caseIdPattern.test(value) || caseNumberPattern.test(value.toUpperCase())
}

async function caseRow(tx: Db | Tx, reference: string): Promise<store.CaseRow | undefined> {
  if (caseNumberPattern.test(reference.toUpperCase())) return store.caseByNumber(tx, reference.toUpperCase())
  return store.caseById(tx, reference)
}

/**
 * One case, by id or number, with its notes, attachment metadata and history. With `accountId`, a
 * case of another account is not found.
 * @throws CaseNotFound
 */
export async function getCase({
  tx,
  caseId,
  accountId,
}: {
  tx: Db | Tx
  /** `cas_…` or the number `C-00000042`. */
  caseId: string
  accountId?: string | undefined
}): Promise<CaseDetail> {
  const row = await caseRow(tx, caseId)
  if (!row || (accountId !== undefined && row.account_id !== accountId))
    throw new CaseNotFound(`There is no case ${caseId}${accountId ? ' on this account' : ''}`)
  const [notes, attachments, events] = await Promise.all([
    store.notesOf(tx, row.id),
    store.attachmentsOf(tx, row.id),
    store.eventsOf(tx, row.id),
  ])
  return {
    ...toCase(row),
    notes: notes.map(toNote),
    attachments: attachments.map(toAttachmentInfo),
    history: events.map(toEvent),
  }
}

/** A file kept on a case, with its bytes. @throws AttachmentNotFound */
export async function attachmentContent({
  tx,
  caseId,
  attachmentId,
}: {
  tx: Db | Tx
  caseId: string
  attachmentId: string
}): Promise<AttachmentInfo & { accountId: string; content: Buffer }> {
  const row = await store.attachmentById(tx, attachmentId)
  if (!row || row.case_id !== caseId)
    throw new AttachmentNotFound(`There is no attachment ${attachmentId} on this case`)
  return { ...toAttachmentInfo(row), accountId: row.account_id, content: Buffer.from(row.content) }
}

const encodeCursor = (id: string) => encodeJsonCursor({ c: id })

function decodeCursor(cursor: string | undefined): string | undefined {
  const isCaseCursor = (value: unknown): value is { c: string } =>
    typeof (value as { c?: unknown } | null)?.c === 'string'
  return decodeJsonCursor(cursor, isCaseCursor)?.c
}

export interface CaseListFilter {
  readonly accountId?: string | undefined
  /** `user`: with this user; `team`: with this team; `unassigned`: with nobody. */
  readonly assignee?:
    | { readonly kind: 'user'; readonly userId: string }
    | { readonly kind: 'team'; readonly team: string }
    | { readonly kind: 'unassigned' }
    | undefined
  readonly statuses?: readonly CaseStatus[] | undefined
  readonly types?: readonly CaseType[] | undefined
  /** Only escalated cases (`isEscalated`). */
  readonly escalated?: boolean | undefined
}

/**
 * Cases newest first, filtered, a page at a time, each with its account number.
 * @throws InvalidCursor
 */
export async function listCases({
  tx,
  filter = {},
  limit,
  cursor,
}: {
  tx: Db | Tx
  filter?: CaseListFilter
  limit: number
  cursor?: string | undefined
}): Promise<{ items: (Case & { accountNumber: string })[]; nextCursor: string | null }> {
  const rows = await store.findCases(tx, {
    accountId: filter.accountId,
    assigneeUserId: filter.assignee?.kind === 'user' ? filter.assignee.userId : undefined,
    assigneeTeam: filter.assignee?.kind === 'team' ? filter.assignee.team : undefined,
    unassigned: filter.assignee?.kind === 'unassigned',
    statuses: filter.statuses,
    types: filter.types,
    escalated: filter.escalated ? { types: escalatedCaseTypes, priorities: escalatedPriorities } : undefined,
    beforeId: decodeCursor(cursor),
    limit: limit + 1,
  })
  const { page, nextCursor } = pageOf(rows, limit, (last) => encodeCursor(last.id))
  return { items: page.map((row) => ({ ...toCase(row), accountNumber: row.account_number })), nextCursor }
}

/**
 * CAS-2: of the given accounts, those with a billing dispute that is not resolved or closed (the
 * status indicator turns red and dunning pauses for them). Throws nothing.
 */
export async function activeBillingDisputes({ tx, accountIds }: AccountsQuery): Promise<Set<string>> {
  return new Set(await store.accountsWithActive(tx, 'billing_dispute', accountIds))
}

/** Of the given accounts, those with an account investigation that is not resolved or closed. Throws nothing. */
export async function openInvestigations({ tx, accountIds }: AccountsQuery): Promise<Set<string>> {
  return new Set(await store.accountsWithActive(tx, 'account_investigation', accountIds))
}

/**
 * Per staff user over [from, to): the cases they opened, the cases they resolved or closed, and the
 * total time those took from opening. Users with neither are left out. Throws nothing.
 */
export async function caseTotals({
  tx,
  from,
  to,
  userIds,
}: {
  tx: Db | Tx
  from: Date
  to: Date
  userIds?: readonly string[] | undefined
}): Promise<CaseTotals[]> {
  const [opened, resolved] = await Promise.all([
    store.openedCounts(tx, { from, to, userIds }),
    store.resolvedTotals(tx, { from, to, userIds }),
  ])
  const byUser = new Map<string, { opened: number; resolved: number; resolutionSecondsTotal: number }>()
  const entry = (userId: string) => {
    let found = byUser.get(userId)
    if (!found) {
      found = { opened: 0, resolved: 0, resolutionSecondsTotal: 0 }
      byUser.set(userId, found)
    }
    return found
  }
  for (const row of opened) entry(row.user_id).opened = row.count
  for (const row of resolved) {
    const found = entry(row.user_id)
    found.resolved = row.count
    found.resolutionSecondsTotal = row.seconds
  }
  return [...byUser.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([userId, totals]) => ({ userId, ...totals }))
}
