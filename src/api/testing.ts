/**
 * API tests' staff: one user per role, each signed in, and the headers to act as one of them.
 */
import type { Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import { systemActor } from '../shared/actor.js'
import type { App } from './app.js'

export const staffPassword = 'correct horse battery'

/** A staff user for every role, `<role>@example.com`. */
export async function createStaffForEveryRole(tx: Tx, at: Date): Promise<void> {
  for (const role of access.roles) {
    await access.createStaffUser({
      tx,
      email: `${role}@example.com`,
      displayName: `${role} user`,
      role,
      password: staffPassword,
      actor: systemActor('test'),
      at,
    })
  }
}

/** Sign every role in; answers the request headers that act as a role (plus any extra headers). */
export async function signInEveryRole(
  app: App,
): Promise<(role: access.Role, extra?: Record<string, string>) => Record<string, string>> {
  const cookies = new Map<access.Role, string>()
  for (const role of access.roles) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: `${role}@example.com`, password: staffPassword },
    })
    const cookie = response.cookies.find((c) => c.name === 'cuttle_session')
    if (!cookie) throw new Error(`no cookie for ${role}: ${response.body}`)
    cookies.set(role, cookie.value)
  }
  return (role, extra = {}) => ({ cookie: `cuttle_session=${cookies.get(role)}`, ...extra })
}
