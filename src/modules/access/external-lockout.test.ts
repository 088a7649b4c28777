import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import * as access from './index.js'
import { admin, later, openDatabaseForFile, sessionRules, t0 } from './test-fixtures.js'

const database = openDatabaseForFile()
const policy: access.PortalSessionPolicy = sessionRules
const password = 'Portal-password-2026'
const wrong = 'not the password at all'

async function createUser(email: string) {
  return inTransaction(database.db, (tx) =>
    access.createExternalUser({ tx, email, displayName: email, password, actor: admin, at: t0 }),
  )
}
const signIn = (email: string, pass: string, at: Date) =>
  inTransaction(database.db, (tx) => access.signInExternal({ tx, email, password: pass, policy, at }))
const answerOf = async (email: string, pass: string, at: Date) => {
  const result = await signIn(email, pass, at)
  return result.ok ? 'OK' : { code: result.error.code, kind: result.error.kind, message: result.error.message }
}
async function failuresOf(userId: string) {
  const result = await sql<{ failed_logins: number; locked_until: Date | null }>`
    select failed_logins, locked_until from external_users where id = ${userId}`.execute(database.db)
  return result.rows[0]
}
async function auditedActions(userId: string) {
  const result = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_events
    where subject_id = ${userId} and action like 'access.%' and action != 'access.external_user.created'
    group by action order by action`.execute(database.db)
  return result.rows
}

describe('portal sign-in lockout', () => {
  it('locks the login after five wrong passwords in a row, even against the right password', async () => {
    const user = await createUser('lock@portal.example')
    for (let i = 0; i < 5; i++) {
      expect(await signIn('lock@portal.example', wrong, later(i))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      })
    }
    expect(await failuresOf(user.id)).toEqual({ failed_logins: 0, locked_until: later(4 + 15) })
    expect(await signIn('lock@portal.example', password, later(5))).toMatchObject({ ok: false })
    expect(await auditedActions(user.id)).toEqual([
      { action: 'access.external_user.locked', n: 1 },
      { action: 'access.portal_login.failed', n: 4 },
      { action: 'access.portal_login.refused', n: 1 },
    ])
  })

  it('gives a locked login the very answer an unknown email and a wrong password get', async () => {
    const locked = await answerOf('lock@portal.example', password, later(6))
    expect(locked).toEqual(await answerOf('nobody@portal.example', password, later(6)))
    await createUser('other@portal.example')
    expect(locked).toEqual(await answerOf('other@portal.example', wrong, later(6)))
    expect(locked).toMatchObject({ code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' })
  })

  it('unlocks once the lockout period is over, and not a millisecond earlier', async () => {
    const lockedUntil = later(4 + 15)
    expect(await signIn('lock@portal.example', password, new Date(lockedUntil.getTime() - 1))).toMatchObject({
      ok: false,
    })
    expect(await signIn('lock@portal.example', password, lockedUntil)).toMatchObject({ ok: true })
    const user = await access.findExternalUser(database.db, 'lock@portal.example')
    expect(await failuresOf(user?.id ?? '')).toEqual({ failed_logins: 0, locked_until: null })
  })

  it('starts the count again after a right password', async () => {
    const user = await createUser('reset@portal.example')
    for (let i = 0; i < 4; i++) await signIn('reset@portal.example', wrong, later(i))
    expect((await failuresOf(user.id))?.failed_logins).toBe(4)
    expect(await signIn('reset@portal.example', password, later(5))).toMatchObject({ ok: true })
    expect((await failuresOf(user.id))?.failed_logins).toBe(0)
    for (let i = 0; i < 4; i++) await signIn('reset@portal.example', wrong, later(6 + i))
    expect(await signIn('reset@portal.example', password, later(11))).toMatchObject({ ok: true })
  })

  it('does not count guesses at an email that has no login', async () => {
    for (let i = 0; i < 6; i++) await signIn('ghost@portal.example', wrong, later(i))
    const rows = await sql<{ n: number }>`select count(*)::int as n from external_users
      where email = 'ghost@portal.example'`.execute(database.db)
    expect(rows.rows[0]?.n).toBe(0)
  })
})

// Parallel transactions need a server: PGlite has one connection and runs them one after another.
describe.skipIf(!process.env['DATABASE_URL'])('portal sign-in lockout on PostgreSQL', () => {
  it('counts every wrong password tried at once', async () => {
    const user = await createUser('parallel-count@portal.example')
    await Promise.all(Array.from({ length: 3 }, () => signIn('parallel-count@portal.example', wrong, later(1))))
    expect(await failuresOf(user.id)).toEqual({ failed_logins: 3, locked_until: null })
  })

  it('locks at the threshold under parallel guesses and checks none after that', async () => {
    const user = await createUser('parallel@portal.example')
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signIn('parallel@portal.example', wrong, later(1))),
    )
    expect(results.every((result) => !result.ok && result.error.code === 'INVALID_CREDENTIALS')).toBe(true)
    expect(await auditedActions(user.id)).toEqual([
      { action: 'access.external_user.locked', n: 1 },
      { action: 'access.portal_login.failed', n: 4 },
      { action: 'access.portal_login.refused', n: 3 },
    ])
    expect(await signIn('parallel@portal.example', password, later(2))).toMatchObject({ ok: false })
    expect(await signIn('parallel@portal.example', password, later(16))).toMatchObject({ ok: true })
  })
})
