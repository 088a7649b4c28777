import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'
import * as accounts from '../accounts/index.js'

export interface CaseRow {
  id: string
  number: string
  account_id: string
  type: string
  priority: string
  status: string
  status_at: Date
  subject: string
  description: string
  assignee_user_id: string | null
  assignee_team: string | null
  opened_at: Date
  opened_by_kind: string
  opened_by_id: string
  resolved_at: Date | null
  resolved_by_id: string | null
  resolution_note: string | null
}
export interface EventRow {
  id: string
  account_id: string
  case_id: string
  kind: string
  from_value: string | null
  to_value: string | null
  detail: string | null
  occurred_at: Date
  actor_kind: string
  actor_id: string
}
export interface NoteRow {
  id: string
  account_id: string
  case_id: string
  body: string
  created_at: Date
  created_by_kind: string
  created_by_id: string
}
export interface AttachmentRow {
  id: string
  account_id: string
  case_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Uint8Array
  uploaded_at: Date
  uploaded_by_kind: string
  uploaded_by_id: string
}

const tables = withTables<{
  cases: CaseRow
  case_events: EventRow
  case_notes: NoteRow
  case_attachments: AttachmentRow
}>()

export type AttachmentInfoRow = Omit<AttachmentRow, 'content'>

export async function nextCaseNumber(tx: Tx): Promise<string> {
  const result = await sql<{ value: string | number | bigint }>`select nextval('case_number_seq') as value`.execute(tx)
  const value = String(result.rows[0]?.value ?? '')
  return `C-${value.padStart(8, '0')}`
}

export async function insertCase(tx: Tx, row: CaseRow): Promise<void> {
  await tables(tx).insertInto('cases').values(row).execute()
}

export async function insertEvent(tx: Tx, row: EventRow): Promise<void> {
  await tables(tx).insertInto('case_events').values(row).execute()
}

export async function insertNote(tx: Tx, row: NoteRow): Promise<void> {
  await tables(tx).insertInto('case_notes').values(row).execute()
}

export async function insertAttachment(tx: Tx, row: Omit<AttachmentRow, 'content'> & { content: Buffer }) {
  await tables(tx).insertInto('case_attachments').values(row).execute()
}

export async function caseById(db: Db | Tx, id: string): Promise<CaseRow | undefined> {
  return tables(db).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function caseByNumber(db: Db | Tx, number: string): Promise<CaseRow | undefined> {
  return tables(db).selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirst()
}

/** The case, locked for this transaction, so two changes to it apply one after the other. */
export async function lockCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tables(tx).selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateCase(
  tx: Tx,
  id: string,
  changes: Partial<
    Pick<
      CaseRow,
      | 'status'
      | 'status_at'
      | 'priority'
      | 'assignee_user_id'
      | 'assignee_team'
      | 'resolved_at'
      | 'resolved_by_id'
      | 'resolution_note'
    >
  >,
): Promise<void> {
  await tables(tx).updateTable('cases').set(changes).where('id', '=', id).execute()
}

export interface CaseFilter {
  readonly accountId?: string | undefined
  readonly assigneeUserId?: string | undefined
  readonly assigneeTeam?: string | undefined
  readonly unassigned?: boolean | undefined
  readonly statuses?: readonly string[] | undefined
  readonly types?: readonly string[] | undefined
  /** Only cases of one of these types or at one of these priorities (the escalated queue). */
  readonly escalated?: { readonly types: readonly string[]; readonly priorities: readonly string[] } | undefined
  readonly beforeId?: string | undefined
  readonly limit: number
}

/** Cases newest first (ids sort by time), filtered, with their account number (from accounts, in one call). */
export async function findCases(db: Db | Tx, filter: CaseFilter): Promise<(CaseRow & { account_number: string })[]> {
  let query = tables(db).selectFrom('cases').selectAll('cases')
  if (filter.accountId !== undefined) query = query.where('cases.account_id', '=', filter.accountId)
  if (filter.assigneeUserId !== undefined) query = query.where('cases.assignee_user_id', '=', filter.assigneeUserId)
  if (filter.assigneeTeam !== undefined) query = query.where('cases.assignee_team', '=', filter.assigneeTeam)
  if (filter.unassigned)
    query = query.where('cases.assignee_user_id', 'is', null).where('cases.assignee_team', 'is', null)
  if (filter.statuses && filter.statuses.length > 0) query = query.where('cases.status', 'in', filter.statuses)
  if (filter.types && filter.types.length > 0) query = query.where('cases.type', 'in', filter.types)
  const escalated = filter.escalated
  if (escalated)
    query = query.where((eb) =>
      eb.or([eb('cases.type', 'in', [...escalated.types]), eb('cases.priority', 'in', [...escalated.priorities])]),
    )
  if (filter.beforeId !== undefined) query = query.where('cases.id', '<', filter.beforeId)
  const rows = await query.orderBy('cases.id', 'desc').limit(filter.limit).execute()
  return accounts.withAccountNumbers({ tx: db, rows })
}

export async function eventsOf(db: Db | Tx, caseId: string): Promise<EventRow[]> {
  return tables(db).selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
}

export async function notesOf(db: Db | Tx, caseId: string): Promise<NoteRow[]> {
  return tables(db).selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
}

export async function attachmentsOf(db: Db | Tx, caseId: string): Promise<AttachmentInfoRow[]> {
  return tables(db)
    .selectFrom('case_attachments')
    .select([
      'id',
      'account_id',
      'case_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'uploaded_at',
      'uploaded_by_kind',
      'uploaded_by_id',
    ])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
}

export async function attachmentById(db: Db | Tx, id: string): Promise<AttachmentRow | undefined> {
  return tables(db).selectFrom('case_attachments').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Of the given accounts, those with a case of the type that is not resolved or closed. */
export async function accountsWithActive(db: Db | Tx, type: string, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return []
  const rows = await tables(db)
    .selectFrom('cases')
    .select('account_id')
    .distinct()
    .where('type', '=', type)
    .where('status', 'not in', ['resolved', 'closed'])
    .where('account_id', 'in', accountIds)
    .execute()
  return rows.map((row) => row.account_id)
}

/** Cases opened, by who opened them, in [from, to); optionally only some users. */
export async function openedCounts(
  db: Db | Tx,
  { from, to, userIds }: { from: Date; to: Date; userIds?: readonly string[] | undefined },
): Promise<{ user_id: string; count: number }[]> {
  if (userIds && userIds.length === 0) return []
  let query = tables(db)
    .selectFrom('cases')
    .select(['opened_by_id as user_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
  if (userIds) query = query.where('opened_by_id', 'in', userIds)
  const rows = await query.groupBy('opened_by_id').execute()
  return rows.map((row) => ({ user_id: row.user_id, count: Number(row.count) }))
}

/** Cases resolved (or closed) in [from, to), by who resolved them, with the seconds they took. */
export async function resolvedTotals(
  db: Db | Tx,
  { from, to, userIds }: { from: Date; to: Date; userIds?: readonly string[] | undefined },
): Promise<{ user_id: string; count: number; seconds: number }[]> {
  if (userIds && userIds.length === 0) return []
  const idFilter = userIds ? sql`and resolved_by_id in (${sql.join(userIds)})` : sql``
  const result = await sql<{ user_id: string; count: string | number; seconds: string | number | null }>`
    select resolved_by_id as user_id, count(*) as count,
      sum(floor(extract(epoch from (resolved_at - opened_at))))::text as seconds
    from cases
    where resolved_at >= ${from} and resolved_at < ${to} and resolved_by_id is not null ${idFilter}
    group by resolved_by_id`.execute(db)
  return result.rows.map((row) => ({
    user_id: row.user_id,
    count: Number(row.count),
    seconds: Number(row.seconds ?? 0),
  }))
}
