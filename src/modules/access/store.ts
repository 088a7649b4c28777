import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

export interface StaffUserRow {
  id: string
  email: string
  display_name: string
  role: string
  /** Null until an invited user sets their own password. */
  password_hash: string | null
  password_changed_at: Date
  failed_logins: number
  locked_until: Date | null
  totp_secret: string | null
  disabled_at: Date | null
  created_at: Date
  awaiting_approval: boolean
  totp_pending_secret: string | null
}

export interface SessionRow {
  id: string
  token_hash: string
  user_id: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  ended_at: Date | null
}

export interface ApiTokenRow {
  id: string
  user_id: string | null
  service_account_id: string | null
  name: string
  token_hash: string
  /** A JSON array of permission names. */
  permissions: unknown
  created_by: string | null
  created_at: Date
  expires_at: Date
  revoked_at: Date | null
  last_used_at: Date | null
}

export interface ServiceAccountRow {
  id: string
  name: string
  role: string
  created_by: string
  created_at: Date
  disabled_at: Date | null
}

export interface StaffInvitationRow {
  id: string
  user_id: string
  secret_hash: string
  created_by: string
  created_at: Date
  expires_at: Date
  accepted_at: Date | null
}

export interface StaffRoleRequestRow {
  id: string
  user_id: string
  role: string
  requested_by: string
  requested_at: Date
  status: string
  decided_by: string | null
  decided_at: Date | null
}

const tables = withTables<{
  staff_users: StaffUserRow
  staff_sessions: SessionRow
  api_tokens: ApiTokenRow
  service_accounts: ServiceAccountRow
  staff_invitations: StaffInvitationRow
  staff_role_requests: StaffRoleRequestRow
}>()

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

/** A jsonb column as it comes back from either driver (parsed, or text on some paths). */
export function permissionsOfRow(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []
}

export async function insertUser(tx: Tx, row: StaffUserRow): Promise<void> {
  await tables(tx).insertInto('staff_users').values(row).execute()
}

/** The display names of staff users by id, in one query; unknown ids are absent. */
export async function staffNameRows(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return tables(db)
    .selectFrom('staff_users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute()
}
export async function findUserByEmail(db: Db | Tx, email: string): Promise<StaffUserRow | undefined> {
  return tables(db).selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst()
}

/**
 * The user by email, its row locked until the transaction ends: concurrent sign-ins of one user
 * wait for each other, so each sees the failure count and lockout the previous one committed.
 */
export async function findUserByEmailForUpdate(tx: Tx, email: string): Promise<StaffUserRow | undefined> {
  return tables(tx).selectFrom('staff_users').selectAll().where('email', '=', email).forUpdate().executeTakeFirst()
}

export async function findUserById(db: Db | Tx, id: string): Promise<StaffUserRow | undefined> {
  return tables(db).selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The user by id, its row locked until the transaction ends (password and TOTP changes, failure counts). */
export async function findUserByIdForUpdate(tx: Tx, id: string): Promise<StaffUserRow | undefined> {
  return tables(tx).selectFrom('staff_users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function listUsers(db: Db | Tx): Promise<StaffUserRow[]> {
  return tables(db).selectFrom('staff_users').selectAll().orderBy('role').orderBy('email').execute()
}

export async function updateUser(
  tx: Tx,
  id: string,
  changes: Partial<Omit<StaffUserRow, 'id' | 'created_at'>>,
): Promise<void> {
  await tables(tx).updateTable('staff_users').set(changes).where('id', '=', id).execute()
}

export async function insertSession(tx: Tx, row: SessionRow): Promise<void> {
  await tables(tx).insertInto('staff_sessions').values(row).execute()
}

/**
 * What checking a session reads of it (`s`) and of its user (`u`): the same for staff and portal
 * sessions, whose tables have the same columns; each adds its own user's state.
 */
export const sessionWithUserColumns = [
  's.id as session_id',
  's.last_seen_at',
  's.expires_at',
  's.ended_at',
  'u.id as user_id',
  'u.email',
  'u.display_name',
] as const

/** The live session for a token hash, with its user, in one round trip (every request does this). */
export async function findSessionWithUser(db: Db | Tx, tokenHash: string) {
  return tables(db)
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([...sessionWithUserColumns, 'u.role', 'u.password_changed_at', 'u.disabled_at', 'u.awaiting_approval'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchSession(tx: Db | Tx, sessionId: string, at: Date): Promise<void> {
  await tables(tx).updateTable('staff_sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute()
}

export async function endSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tables(tx)
    .updateTable('staff_sessions')
    .set({ ended_at: at })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function endSessionsOfUser(tx: Tx, userId: string, at: Date, exceptSessionId?: string): Promise<void> {
  let query = tables(tx)
    .updateTable('staff_sessions')
    .set({ ended_at: at })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId)
  await query.execute()
}

export async function insertToken(tx: Tx, row: ApiTokenRow): Promise<void> {
  await tables(tx)
    .insertInto('api_tokens')
    .values({ ...row, permissions: json(row.permissions) })
    .execute()
}

/** A token by the hash of its secret, with the person or service account it acts as, in one round trip. */
export async function findTokenWithOwner(db: Db | Tx, tokenHash: string) {
  return tables(db)
    .selectFrom('api_tokens as t')
    .leftJoin('staff_users as u', 'u.id', 't.user_id')
    .leftJoin('service_accounts as a', 'a.id', 't.service_account_id')
    .select([
      't.id as token_id',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      't.permissions',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.disabled_at',
      'u.locked_until',
      'u.password_changed_at',
      'u.password_hash',
      'u.awaiting_approval',
      'a.id as service_account_id',
      'a.name as service_account_name',
      'a.role as service_account_role',
      'a.disabled_at as service_account_disabled_at',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function findTokenById(db: Db | Tx, tokenId: string): Promise<ApiTokenRow | undefined> {
  return tables(db).selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst()
}

export async function touchToken(tx: Db | Tx, tokenId: string, at: Date): Promise<void> {
  await tables(tx).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute()
}

export async function revokeToken(tx: Tx, tokenId: string, at: Date): Promise<boolean> {
  const result = await tables(tx)
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Tokens, newest first: all of them, or those a person owns or created. */
export async function listTokens(db: Db | Tx, userId?: string): Promise<ApiTokenRow[]> {
  let query = tables(db).selectFrom('api_tokens').selectAll()
  if (userId) query = query.where((eb) => eb.or([eb('user_id', '=', userId), eb('created_by', '=', userId)]))
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}

export async function insertServiceAccount(tx: Tx, row: ServiceAccountRow): Promise<void> {
  await tables(tx).insertInto('service_accounts').values(row).execute()
}

export async function findServiceAccountByName(db: Db | Tx, name: string): Promise<ServiceAccountRow | undefined> {
  return tables(db).selectFrom('service_accounts').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function findServiceAccountById(db: Db | Tx, id: string): Promise<ServiceAccountRow | undefined> {
  return tables(db).selectFrom('service_accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertInvitation(tx: Tx, row: StaffInvitationRow): Promise<void> {
  await tables(tx).insertInto('staff_invitations').values(row).execute()
}

/** An invitation by the hash of its secret, locked until the transaction ends (it is used once). */
export async function findInvitationForUpdate(tx: Tx, secretHash: string): Promise<StaffInvitationRow | undefined> {
  return tables(tx)
    .selectFrom('staff_invitations')
    .selectAll()
    .where('secret_hash', '=', secretHash)
    .forUpdate()
    .executeTakeFirst()
}

export async function markInvitationAccepted(tx: Tx, id: string, at: Date): Promise<void> {
  await tables(tx).updateTable('staff_invitations').set({ accepted_at: at }).where('id', '=', id).execute()
}

export async function insertRoleRequest(tx: Tx, row: StaffRoleRequestRow): Promise<void> {
  await tables(tx).insertInto('staff_role_requests').values(row).execute()
}

export async function findRoleRequestForUpdate(tx: Tx, id: string): Promise<StaffRoleRequestRow | undefined> {
  return tables(tx).selectFrom('staff_role_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findPendingRoleRequestOf(db: Db | Tx, userId: string): Promise<StaffRoleRequestRow | undefined> {
  return tables(db)
    .selectFrom('staff_role_requests')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

export async function listPendingRoleRequests(db: Db | Tx): Promise<StaffRoleRequestRow[]> {
  return tables(db)
    .selectFrom('staff_role_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('requested_at')
    .orderBy('id')
    .execute()
}

export async function decideRoleRequest(
  tx: Tx,
  id: string,
  decision: { status: 'approved' | 'rejected'; decided_by: string; decided_at: Date },
): Promise<void> {
  await tables(tx).updateTable('staff_role_requests').set(decision).where('id', '=', id).execute()
}
