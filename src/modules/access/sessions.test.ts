import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import * as access from './index.js'
import { admin, later, openDatabaseForFile, sessionRules, t0 } from './test-fixtures.js'

const database = openDatabaseForFile()
const policy: access.AccessPolicy = { ...sessionRules, passwordMaxAgeDays: 90 }
const password = 'a long enough passphrase'

async function createUser(email: string) {
  return inTransaction(database.db, (tx) =>
    access.createStaffUser({ tx, email, displayName: email, role: 'agent', password, actor: admin, at: t0 }),
  )
}
const signIn = (email: string, pass: string, at: Date, totp?: string) =>
  inTransaction(database.db, (tx) => access.signIn({ tx, email, password: pass, totp, policy, at }))
const resolve = (sessionToken: string, at: Date) =>
  inTransaction(database.db, (tx) => access.resolveSession({ tx, sessionToken, policy, at }))

describe('staff users', () => {
  it('stores an argon2id hash, never the password, and refuses weak passwords and duplicate emails', async () => {
    const user = await createUser('hash@example.com')
    const row = await sql<{
      password_hash: string
    }>`select password_hash from staff_users where id = ${user.id}`.execute(database.db)
    expect(row.rows[0]?.password_hash).toMatch(/^\$argon2id\$/)
    const events = await sql<{ after: unknown }>`select after from audit_events where subject_id = ${user.id}`.execute(
      database.db,
    )
    expect(JSON.stringify(events.rows)).not.toContain(password)
    await expect(
      inTransaction(database.db, (tx) =>
        access.createStaffUser({
          tx,
          email: 'weak@example.com',
          displayName: 'W',
          role: 'agent',
          password: 'Zq9!x',
          actor: admin,
          at: t0,
        }),
      ),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'password' }] })
    await expect(createUser('HASH@example.com')).rejects.toMatchObject({ code: 'EMAIL_TAKEN' })
  })

  it('creates a staff user of every role, the export specialist included', async () => {
    for (const role of access.roles) {
      const user = await inTransaction(database.db, (tx) =>
        access.createStaffUser({
          tx,
          email: `${role}@roles.example.com`,
          displayName: role,
          role,
          password,
          actor: admin,
          at: t0,
        }),
      )
      expect(user.role).toBe(role)
    }
  })

  it('refuses a display name of only spaces and a malformed email, naming each field, and stores nothing', async () => {
    const create = (email: string, displayName: string) =>
      inTransaction(database.db, (tx) =>
        access.createStaffUser({ tx, email, displayName, role: 'agent', password, actor: admin, at: t0 }),
      )
    await expect(create('blank-name@example.com', '   ')).rejects.toMatchObject({
      code: 'INVALID_STAFF_DETAILS',
      details: [{ path: 'displayName', message: expect.any(String) }],
    })
    for (const email of ['not-an-email', 'two@@example.com', 'spaces in@example.com', '@example.com']) {
      await expect(create(email, 'Malformed Email'), email).rejects.toMatchObject({
        code: 'INVALID_STAFF_DETAILS',
        details: [{ path: 'email', message: expect.any(String) }],
      })
    }
    await expect(create('no at sign', ' ')).rejects.toMatchObject({
      details: [{ path: 'email' }, { path: 'displayName' }],
    })
    const stored = await sql<{ n: number }>`select count(*)::int as n from staff_users
      where email in ('blank-name@example.com', 'not-an-email')`.execute(database.db)
    expect(stored.rows[0]?.n).toBe(0)
  })
})

describe('signing in', () => {
  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    const user = await createUser('lock@example.com')
    for (let i = 0; i < 5; i++) {
      expect(await signIn('lock@example.com', 'wrong guess!!', later(i))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      })
    }
    // Locked now, but the answer does not say so: the same as a wrong password or an unknown email.
    expect(await signIn('lock@example.com', password, later(5))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
    const locked = await sql<{ action: string }>`select action from audit_events
      where subject_id = ${user.id} and action in ('access.user.locked', 'access.login.refused') order by seq`.execute(
      database.db,
    )
    expect(locked.rows.map((row) => row.action)).toEqual(['access.user.locked', 'access.login.refused'])
    expect(await signIn('lock@example.com', password, later(20))).toMatchObject({ ok: true })
  })

  it('counts every wrong password tried at once and locks the account at the threshold', async () => {
    const user = await createUser('parallel@example.com')
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signIn('parallel@example.com', 'wrong guess!!', later(1))),
    )
    const codes = results.map((result) => (result.ok ? 'OK' : result.error.code))
    expect(codes).toEqual(Array.from({ length: 8 }, () => 'INVALID_CREDENTIALS'))
    const audited = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_events
      where subject_id = ${user.id} and action like 'access.%' and action != 'access.user.created'
      group by action order by action`.execute(database.db)
    expect(audited.rows).toEqual([
      { action: 'access.login.failed', n: 4 },
      { action: 'access.login.refused', n: 3 },
      { action: 'access.user.locked', n: 1 },
    ])
    expect(await signIn('parallel@example.com', password, later(2))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
  })

  it('answers an unknown email, a wrong password and a locked account with the same status, code and message', async () => {
    await createUser('same-answer@example.com')
    const unknown = await signIn('nobody-here@example.com', password, later(1))
    const wrong = await signIn('same-answer@example.com', 'wrong guess!!', later(1))
    for (let i = 0; i < 5; i++) await signIn('same-answer@example.com', 'wrong guess!!', later(2))
    const locked = await signIn('same-answer@example.com', password, later(3))
    const answers = [unknown, wrong, locked].map((result) =>
      result.ok ? 'signed in' : { kind: result.error.kind, code: result.error.code, message: result.error.message },
    )
    expect(answers[0]).toMatchObject({ kind: 'unauthenticated', code: 'INVALID_CREDENTIALS' })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('gives an unknown email the same answer as a wrong password', async () => {
    expect(await signIn('nobody@example.com', password, t0)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
  })

  it('asks for the TOTP code once the user has enrolled it themselves, and accepts the current one', async () => {
    await createUser('totp@example.com')
    const first = await signIn('totp@example.com', password, t0)
    if (!first.ok) throw first.error
    const { secret } = await inTransaction(database.db, (tx) =>
      access.startTotpEnrolment({ tx, principal: first.principal, at: t0 }),
    )
    // Not on until confirmed with a code.
    expect(await signIn('totp@example.com', password, t0)).toMatchObject({ ok: true })
    await expect(
      inTransaction(database.db, (tx) =>
        access.confirmTotp({ tx, principal: first.principal, code: '000000', at: t0 }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_TOTP_CODE', details: [{ path: 'code' }] })
    await inTransaction(database.db, (tx) =>
      access.confirmTotp({ tx, principal: first.principal, code: access.totpCode(secret, t0), at: t0 }),
    )
    expect(await signIn('totp@example.com', password, t0)).toMatchObject({
      ok: false,
      error: { code: 'TOTP_REQUIRED' },
    })
    const wrong = access.totpCode(secret, later(-60))
    expect(await signIn('totp@example.com', password, t0, wrong)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    })
    expect(await signIn('totp@example.com', password, t0, access.totpCode(secret, t0))).toMatchObject({ ok: true })
  })

  it('requires a password change once the password is 90 days old', async () => {
    await createUser('age@example.com')
    const before = await signIn('age@example.com', password, later(89 * 24 * 60))
    const after = await signIn('age@example.com', password, later(90 * 24 * 60))
    expect(before.ok && before.principal.mustChangePassword).toBe(false)
    expect(after.ok && after.principal.mustChangePassword).toBe(true)
  })
})

describe("changing one's password", () => {
  it('counts wrong current passwords toward the lockout, ending the sessions at the limit', async () => {
    const user = await createUser('change@example.com')
    const result = await signIn('change@example.com', password, t0)
    if (!result.ok) throw result.error
    const change = (currentPassword: string, at: Date) =>
      inTransaction(database.db, (tx) =>
        access.changePassword({
          tx,
          principal: result.principal,
          currentPassword,
          newPassword: 'a different passphrase',
          policy,
          at,
        }),
      )
    for (let i = 0; i < 4; i++) {
      expect(await change('wrong guess!!', later(i))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', details: [{ path: 'currentPassword' }] },
      })
    }
    expect(await resolve(result.sessionToken, later(4))).not.toBeNull()
    expect(await change('wrong guess!!', later(4))).toMatchObject({ ok: false })
    // The fifth wrong guess locks the account: the session ends and the right password waits out the lockout.
    expect(await resolve(result.sessionToken, later(5))).toBeNull()
    expect(await signIn('change@example.com', password, later(6))).toMatchObject({ ok: false })
    const audited = await sql<{ action: string }>`select action from audit_events
      where subject_id = ${user.id} and action in ('access.login.failed', 'access.user.locked') order by seq`.execute(
      database.db,
    )
    expect(audited.rows.map((row) => row.action)).toEqual([
      ...Array.from({ length: 4 }, () => 'access.login.failed'),
      'access.user.locked',
    ])
    expect(await signIn('change@example.com', password, later(21))).toMatchObject({ ok: true })
  })

  it('is refused to an API token, which is not a person at a keyboard', async () => {
    const user = await createUser('token-change@example.com')
    const token = await inTransaction(database.db, (tx) =>
      access.createApiToken({ tx, userId: user.id, name: 'sync', actor: admin, at: t0 }),
    )
    const principal = await inTransaction(database.db, (tx) =>
      access.resolveApiToken({ tx, token: token.token, policy, at: t0 }),
    )
    if (!principal) throw new Error('the token should work')
    await expect(
      inTransaction(database.db, (tx) =>
        access.changePassword({
          tx,
          principal,
          currentPassword: password,
          newPassword: 'a different passphrase',
          policy,
          at: t0,
        }),
      ),
    ).rejects.toMatchObject({ code: 'SESSION_REQUIRED' })
  })
})

describe('sessions', () => {
  it('ends after the idle timeout, after the maximum length, and on sign-out', async () => {
    await createUser('session@example.com')
    const result = await signIn('session@example.com', password, t0)
    if (!result.ok) throw result.error
    const token = result.sessionToken
    expect(await resolve(token, later(29))).toMatchObject({ userId: result.principal.userId })
    expect(await resolve(token, later(29 + 31))).toBeNull()
    let at = 0
    const fresh = await signIn('session@example.com', password, t0)
    if (!fresh.ok) throw fresh.error
    for (at = 20; at < 12 * 60; at += 20) expect(await resolve(fresh.sessionToken, later(at))).not.toBeNull()
    expect(await resolve(fresh.sessionToken, later(12 * 60))).toBeNull()
    const third = await signIn('session@example.com', password, t0)
    if (!third.ok) throw third.error
    await inTransaction(database.db, (tx) => access.endSession({ tx, principal: third.principal, at: later(1) }))
    expect(await resolve(third.sessionToken, later(2))).toBeNull()
    expect(await resolve('cts_not-a-real-token', t0)).toBeNull()
  })
})

describe('session boundaries', () => {
  const signedIn = async () => {
    const result = await signIn('boundary@example.com', password, t0)
    if (!result.ok) throw result.error
    return result.sessionToken
  }
  const justBefore = (at: Date) => new Date(at.getTime() - 1)

  it('ends a session idle for exactly the idle timeout, not a millisecond earlier', async () => {
    await createUser('boundary@example.com')
    expect(await resolve(await signedIn(), justBefore(later(30)))).not.toBeNull()
    expect(await resolve(await signedIn(), later(30))).toBeNull()
  })

  it('ends a session at exactly its maximum length, not a millisecond earlier', async () => {
    const token = await signedIn()
    for (let at = 25; at < 12 * 60; at += 25) expect(await resolve(token, later(at))).not.toBeNull()
    expect(await resolve(token, justBefore(later(12 * 60)))).not.toBeNull()
    expect(await resolve(token, later(12 * 60))).toBeNull()
  })
})

describe('API tokens', () => {
  it('are shown once, stored only as a hash, and stop working when expired or revoked', async () => {
    const user = await createUser('token@example.com')
    const created = await inTransaction(database.db, (tx) =>
      access.createApiToken({ tx, userId: user.id, name: 'sync', expiresAt: later(60), actor: admin, at: t0 }),
    )
    expect(created.token).toMatch(/^ctk_/)
    const rows = await sql`select * from api_tokens where id = ${created.id}`.execute(database.db)
    expect(JSON.stringify(rows.rows)).not.toContain(created.token)
    const use = (at: Date) =>
      inTransaction(database.db, (tx) => access.resolveApiToken({ tx, token: created.token, policy, at }))
    expect(await use(later(1))).toMatchObject({ userId: user.id, via: { kind: 'token' } })
    expect(await use(later(61))).toBeNull()
    await inTransaction(database.db, (tx) =>
      access.revokeApiToken({ tx, tokenId: created.id, actor: admin, at: later(2) }),
    )
    expect(await use(later(3))).toBeNull()
    await expect(
      inTransaction(database.db, (tx) =>
        access.revokeApiToken({ tx, tokenId: created.id, actor: admin, at: later(4) }),
      ),
    ).rejects.toMatchObject({ code: 'TOKEN_NOT_FOUND' })
  })
})
