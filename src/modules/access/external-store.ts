import { type Selectable, sql } from 'kysely'
import { countOf } from '../../db/count.js'
import { type Db, type Tx, withTables } from '../../db/index.js'
import { besidesKey } from '../../db/upsert.js'
import { type SessionRow, type StaffUserRow, sessionWithUserColumns } from './store.js'

export interface ExternalUserRow {
  id: string
  email: string
  display_name: string
  password_hash: string | null
  status: string
  created_at: Date
  /** Wrong passwords in a row since the last success or lockout (0017). */
  failed_logins: number
  locked_until: Date | null
}
/** A portal session: the same columns as a staff session. */
export type ExternalSessionRow = SessionRow
export interface GrantRow {
  id: string
  account_id: string
  user_id: string
  kind: string
  status: string
  status_at: Date
  scope: unknown
  valid_from: Date
  valid_to: Date | null
  granted_by_kind: string
  granted_by_id: string
  created_at: Date
  /** The person's relationship to the account holder, as said when they were added (0045). */
  relationship: string | null
}
export interface InvitationRow {
  id: string
  account_id: string
  email: string
  invitee_name: string
  kind: string
  token_hash: string
  expires_at: Date
  accepted_at: Date | null
  accepted_user_id: string | null
  invited_by_kind: string
  invited_by_id: string
  created_at: Date
  relationship: string | null
}
export interface PoaDocumentRow {
  id: string
  account_id: string
  grant_id: string
  description: string
  status: string
  submitted_at: Date
  submitted_by_id: string
  reviewed_at: Date | null
  reviewed_by_id: string | null
  review_note: string | null
}
export interface VerificationAttemptRow {
  id: string
  account_id: string
  channel: string
  passed: unknown
  failed: unknown
  outcome: string
  recorded_by_id: string
  recorded_at: Date
}
interface AccountReviewFlagsTable {
  id: string
  account_id: string
  reason: string
  raised_at: Date
  cleared_at: Date | null
  cleared_by_id: string | null
  clear_note: string | null
}
export interface AccountSecretsRow {
  account_id: string
  date_of_birth_sealed: string | null
  security_answer_sealed: string | null
  ssn_last_four_sealed: string | null
  updated_at: Date
}
/** Published by accounts (a view of each account's number). */
interface AccountNumbersView {
  id: string
  number: string
}

const tables = withTables<{
  external_users: ExternalUserRow
  external_sessions: ExternalSessionRow
  account_grants: GrantRow
  account_invitations: InvitationRow
  poa_documents: PoaDocumentRow
  verification_attempts: VerificationAttemptRow
  account_review_flags: AccountReviewFlagsTable
  account_secrets: AccountSecretsRow
  account_numbers: AccountNumbersView
  staff_users: StaffUserRow
}>()

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

export async function insertUser(tx: Tx, row: ExternalUserRow): Promise<void> {
  await tables(tx).insertInto('external_users').values(row).execute()
}
export async function findUserByEmail(db: Db | Tx, email: string) {
  return tables(db).selectFrom('external_users').selectAll().where('email', '=', email).executeTakeFirst()
}
/**
 * The user by email, its row locked until the transaction ends: parallel sign-ins of one person
 * wait for each other, so each sees the count and lockout the one before committed.
 */
export async function findUserByEmailForUpdate(tx: Tx, email: string) {
  return tables(tx).selectFrom('external_users').selectAll().where('email', '=', email).forUpdate().executeTakeFirst()
}
/**
 * Count one more wrong password in SQL (`failed_logins = failed_logins + 1`, never a value read
 * earlier), so parallel guesses are all counted; the row stays locked to the transaction's end. The new count.
 */
export async function countFailedLogin(tx: Tx, id: string): Promise<number> {
  const row = await tables(tx)
    .updateTable('external_users')
    .set({ failed_logins: sql<number>`failed_logins + 1` })
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow()
  return row.failed_logins
}
export async function findUserById(db: Db | Tx, id: string) {
  return tables(db).selectFrom('external_users').selectAll().where('id', '=', id).executeTakeFirst()
}
export async function updateUser(tx: Tx, id: string, changes: Partial<Omit<ExternalUserRow, 'id'>>) {
  await tables(tx).updateTable('external_users').set(changes).where('id', '=', id).execute()
}

export async function insertSession(tx: Tx, row: ExternalSessionRow): Promise<void> {
  await tables(tx).insertInto('external_sessions').values(row).execute()
}
export async function findSessionWithUser(db: Db | Tx, tokenHash: string) {
  return tables(db)
    .selectFrom('external_sessions as s')
    .innerJoin('external_users as u', 'u.id', 's.user_id')
    .select([...sessionWithUserColumns, 'u.status'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}
export async function touchSession(db: Db | Tx, id: string, at: Date) {
  await tables(db).updateTable('external_sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
}
export async function endSession(tx: Tx, id: string, at: Date) {
  await tables(tx)
    .updateTable('external_sessions')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute()
}

export async function insertGrant(tx: Tx, row: GrantRow): Promise<void> {
  await tables(tx)
    .insertInto('account_grants')
    .values({ ...row, scope: json(row.scope) })
    .execute()
}
export async function updateGrant(
  tx: Tx,
  id: string,
  changes: Partial<Pick<GrantRow, 'kind' | 'status' | 'status_at' | 'valid_to'>>,
) {
  await tables(tx).updateTable('account_grants').set(changes).where('id', '=', id).execute()
}
/** The person's live (active or pending) grant on an account, with the account's number. */
export async function findLiveGrant(db: Db | Tx, { userId, accountId }: { userId: string; accountId: string }) {
  return tables(db)
    .selectFrom('account_grants')
    .selectAll()
    .where('user_id', '=', userId)
    .where('account_id', '=', accountId)
    .where('status', 'in', ['active', 'pending_approval'])
    .executeTakeFirst()
}
export async function findGrantById(db: Db | Tx, id: string) {
  return tables(db).selectFrom('account_grants').selectAll().where('id', '=', id).executeTakeFirst()
}
/** A person's live grants with each account's number, by account number. */
export async function liveGrantsOfUser(db: Db | Tx, userId: string) {
  return tables(db)
    .selectFrom('account_grants as g')
    .innerJoin('account_numbers as a', 'a.id', 'g.account_id')
    .selectAll('g')
    .select('a.number as account_number')
    .where('g.user_id', '=', userId)
    .where('g.status', 'in', ['active', 'pending_approval'])
    .orderBy('a.number')
    .execute()
}
/** The query for the live grants on an account (`g`) with each person (`u`), oldest first. */
function liveGrantsOn(db: Db | Tx, accountId: string) {
  return tables(db)
    .selectFrom('account_grants as g')
    .innerJoin('external_users as u', 'u.id', 'g.user_id')
    .selectAll('g')
    .select(['u.email', 'u.display_name'])
    .where('g.account_id', '=', accountId)
    .where('g.status', 'in', ['active', 'pending_approval'])
    .orderBy('g.created_at')
    .orderBy('g.id')
}
/** The live grants on an account with each person, oldest first. */
export async function liveGrantsOfAccount(db: Db | Tx, accountId: string) {
  return liveGrantsOn(db, accountId).execute()
}
/**
 * Who may use an account, for staff: every live grant with the person, the name of whoever added them
 * (a staff user's, or a portal user's when a holder invited them), and a power of attorney's document
 * with its legal review; oldest first.
 */
export async function accountUserRows(db: Db | Tx, accountId: string) {
  return liveGrantsOn(db, accountId)
    .leftJoin('staff_users as s', (join) => join.onRef('s.id', '=', 'g.granted_by_id'))
    .leftJoin('external_users as x', (join) => join.onRef('x.id', '=', 'g.granted_by_id'))
    .leftJoin('poa_documents as d', 'd.grant_id', 'g.id')
    .select([
      's.display_name as granted_by_staff_name',
      'x.display_name as granted_by_customer_name',
      'd.id as poa_document_id',
      'd.status as poa_status',
      'd.reviewed_at as poa_reviewed_at',
    ])
    .execute()
}
/** Active grants whose end has passed: the ones to mark expired. */
export async function lapsedGrants(tx: Tx, at: Date) {
  return tables(tx)
    .selectFrom('account_grants')
    .selectAll()
    .where('status', '=', 'active')
    .where('valid_to', '<=', at)
    .forUpdate()
    .execute()
}

export async function insertInvitation(tx: Tx, row: InvitationRow): Promise<void> {
  await tables(tx).insertInto('account_invitations').values(row).execute()
}
export async function findInvitationByTokenHash(tx: Tx, tokenHash: string) {
  return tables(tx)
    .selectFrom('account_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst()
}
export async function markInvitationAccepted(tx: Tx, id: string, userId: string, at: Date) {
  await tables(tx)
    .updateTable('account_invitations')
    .set({ accepted_at: at, accepted_user_id: userId })
    .where('id', '=', id)
    .execute()
}

export async function insertPoaDocument(tx: Tx, row: PoaDocumentRow): Promise<void> {
  await tables(tx).insertInto('poa_documents').values(row).execute()
}
export async function findPoaDocument(tx: Tx, id: string) {
  return tables(tx).selectFrom('poa_documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}
export async function updatePoaDocument(
  tx: Tx,
  id: string,
  changes: Pick<PoaDocumentRow, 'status' | 'reviewed_at' | 'reviewed_by_id' | 'review_note'>,
) {
  await tables(tx).updateTable('poa_documents').set(changes).where('id', '=', id).execute()
}
export async function pendingPoaDocuments(db: Db | Tx) {
  return tables(db)
    .selectFrom('poa_documents as d')
    .innerJoin('account_grants as g', 'g.id', 'd.grant_id')
    .innerJoin('external_users as u', 'u.id', 'g.user_id')
    .innerJoin('account_numbers as a', 'a.id', 'd.account_id')
    .selectAll('d')
    .select(['a.number as account_number', 'u.email', 'u.display_name'])
    .where('d.status', '=', 'pending')
    .orderBy('d.submitted_at')
    .execute()
}

export async function insertVerificationAttempt(tx: Tx, row: VerificationAttemptRow): Promise<void> {
  await tables(tx)
    .insertInto('verification_attempts')
    .values({ ...row, passed: json(row.passed), failed: json(row.failed) })
    .execute()
}
export async function countFailedVerifications(tx: Tx, accountId: string, since: Date): Promise<number> {
  return countOf(
    tables(tx)
      .selectFrom('verification_attempts')
      .where('account_id', '=', accountId)
      .where('outcome', '=', 'failed')
      .where('recorded_at', '>', since),
  )
}
/** Raise the flag unless one is open; true when a new one was raised. */
export async function raiseReviewFlag(
  tx: Tx,
  row: { id: string; account_id: string; reason: string; raised_at: Date },
): Promise<boolean> {
  const open = await tables(tx)
    .selectFrom('account_review_flags')
    .select('id')
    .where('account_id', '=', row.account_id)
    .where('reason', '=', row.reason)
    .where('cleared_at', 'is', null)
    .executeTakeFirst()
  if (open) return false
  await tables(tx)
    .insertInto('account_review_flags')
    .values({ ...row, cleared_at: null, cleared_by_id: null, clear_note: null })
    .execute()
  return true
}
export async function openReviewFlags(db: Db | Tx, accountId: string) {
  return tables(db)
    .selectFrom('account_review_flags')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('cleared_at', 'is', null)
    .execute()
}
export type ReviewFlagRow = Selectable<AccountReviewFlagsTable> & { account_number: string }
/** The query for review flags with each account's number: the rows `ReviewFlagRow` describes. */
function reviewFlagsWithNumber(db: Db | Tx) {
  return tables(db)
    .selectFrom('account_review_flags')
    .innerJoin('account_numbers as a', 'a.id', 'account_review_flags.account_id')
    .selectAll('account_review_flags')
    .select('a.number as account_number')
}
/** Review flags across all accounts, oldest first, after `afterId`, with each account's number. */
export async function findReviewFlags(
  db: Db | Tx,
  filter: { status: 'open' | 'cleared' | 'all'; afterId: string | undefined; limit: number },
): Promise<ReviewFlagRow[]> {
  let query = reviewFlagsWithNumber(db)
  if (filter.status === 'open') query = query.where('account_review_flags.cleared_at', 'is', null)
  if (filter.status === 'cleared') query = query.where('account_review_flags.cleared_at', 'is not', null)
  if (filter.afterId !== undefined) query = query.where('account_review_flags.id', '>', filter.afterId)
  return query.orderBy('account_review_flags.id', 'asc').limit(filter.limit).execute()
}
/** The flag, locked for a change; undefined when there is none with this id. */
export async function lockReviewFlag(tx: Tx, id: string): Promise<ReviewFlagRow | undefined> {
  return reviewFlagsWithNumber(tx)
    .where('account_review_flags.id', '=', id)
    .forUpdate('account_review_flags')
    .executeTakeFirst()
}
export async function markReviewFlagCleared(
  tx: Tx,
  row: { id: string; cleared_at: Date; cleared_by_id: string; clear_note: string },
): Promise<void> {
  await tables(tx)
    .updateTable('account_review_flags')
    .set({ cleared_at: row.cleared_at, cleared_by_id: row.cleared_by_id, clear_note: row.clear_note })
    .where('id', '=', row.id)
    .where('cleared_at', 'is', null)
    .execute()
}

export async function upsertSecrets(tx: Tx, row: AccountSecretsRow): Promise<void> {
  await tables(tx)
    .insertInto('account_secrets')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet(besidesKey(row, ['account_id'])))
    .execute()
}
export async function findSecrets(db: Db | Tx, accountId: string) {
  return tables(db).selectFrom('account_secrets').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}
