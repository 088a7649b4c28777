import type { Selectable } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'

interface StaffUsersTable {
  id: string
  email: string
  display_name: string
  role: string
  password_hash: string
  password_changed_at: Date
  failed_logins: number
  locked_until: Date | null
  totp_secret: string | null
  disabled_at: Date | null
  created_at: Date
}

interface StaffSessionsTable {
  id: string
  token_hash: string
  user_id: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  ended_at: Date | null
}

interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  created_at: Date
  expires_at: Date | null
  revoked_at: Date | null
  last_used_at: Date | null
}

const tables = withTables<{
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
  api_tokens: ApiTokensTable
}>()

export type StaffUserRow = Selectable<StaffUsersTable>
export type SessionRow = Selectable<StaffSessionsTable>
export type ApiTokenRow = Selectable<ApiTokensTable>

export async function insertUser(tx: Tx, row: StaffUserRow): Promise<void> {
  await tables(tx).insertInto('staff_users').values(row).execute()
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

/** The live session for a token hash, with its user, in one round trip (every request does this). */
export async function findSessionWithUser(db: Db | Tx, tokenHash: string) {
  return tables(db)
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.password_changed_at',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
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
  await tables(tx).insertInto('api_tokens').values(row).execute()
}

export async function findTokenWithUser(db: Db | Tx, tokenHash: string) {
  return tables(db)
    .selectFrom('api_tokens as t')
    .innerJoin('staff_users as u', 'u.id', 't.user_id')
    .select([
      't.id as token_id',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.disabled_at',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchToken(tx: Tx, tokenId: string, at: Date): Promise<void> {
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

export async function listTokens(db: Db | Tx, userId?: string): Promise<ApiTokenRow[]> {
  let query = tables(db).selectFrom('api_tokens').selectAll()
  if (userId) query = query.where('user_id', '=', userId)
  return query.orderBy('created_at', 'desc').execute()
}
