import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import { signInStaff } from '../../usecases/index.js'
import { principalOf, sessionCookie } from '../auth.js'
import type { AppContext } from '../context.js'
import { errors, NoContent, sendNoContent } from '../responses.js'
import { Password, SignInBody } from '../schemas.js'
import { staffUserView } from '../views.js'

const badgeColours = ['blue', 'purple', 'green', 'orange', 'red', 'black', 'gold'] as const

/** The signed-in staff user as the console sees them (never their password hash or TOTP secret). */
const StaffUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(access.roles),
  roleLabel: z.string().describe("the guide's title for one member of the role"),
  badgeColour: z.enum(badgeColours),
  permissions: z.array(z.string()).describe('every permission the user holds, `<module>.<noun>.<verb>`'),
  mustChangePassword: z.boolean().describe('true when the password has expired and must be changed first'),
})
const SessionUser = z.object({ user: StaffUser })

export const sessionRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/session',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Sign in (sets an httpOnly session cookie)',
          tags: ['session'],
          body: SignInBody.extend({
            totp: z
              .string()
              .regex(/^\d{6}$/, 'six digits')
              .optional(),
          }),
          response: {
            200: SessionUser.describe('Signed in; the session cookie is set'),
            ...errors(401, 423),
          },
        },
      },
      async (request, reply) => {
        const at = context.clock()
        const result = await signInStaff({
          db: context.db,
          email: request.body.email,
          password: request.body.password,
          totp: request.body.totp,
          at,
          client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        })
        reply.setCookie(sessionCookie, result.sessionToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure: context.secureCookies,
          path: '/',
          expires: result.expiresAt,
        })
        return { user: staffUserView(result.principal) }
      },
    )

    app.get(
      '/session',
      {
        config: { permission: 'authenticated', allowExpiredPassword: true },
        schema: {
          summary: 'The signed-in user, their role, badge and permissions',
          tags: ['session'],
          response: { 200: SessionUser },
        },
      },
      async (request) => ({ user: staffUserView(principalOf(request)) }),
    )

    // The console's first question on every page load. Asked of GET /session it is a 401 when nobody is
    // signed in, which the browser logs as an error; here "nobody" is an answer like any other.
    app.get(
      '/session/probe',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Who is signed in on this browser, if anyone: the user, or null (never a 401)',
          tags: ['session'],
          response: { 200: z.object({ user: StaffUser.nullable() }) },
        },
      },
      async (request) => {
        const sessionToken = request.cookies[sessionCookie]
        // No transaction: one read, and at most one single-row touch a minute (as the auth hook).
        const principal = sessionToken
          ? await access.resolveSession({
              tx: context.db,
              sessionToken,
              policy: context.accessPolicy(),
              at: context.clock(),
            })
          : null
        return { user: principal ? staffUserView(principal) : null }
      },
    )

    app.delete(
      '/session',
      {
        config: { permission: 'authenticated', allowExpiredPassword: true },
        schema: { summary: 'Sign out', tags: ['session'], response: { 204: NoContent } },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        await inTransaction(context.db, (tx) => access.endSession({ tx, principal, at: context.clock() }))
        reply.clearCookie(sessionCookie, { path: '/' })
        return sendNoContent(reply)
      },
    )

    app.post(
      '/session/password',
      {
        config: { permission: 'authenticated', allowExpiredPassword: true },
        schema: {
          summary: 'Change your own password (required every 90 days by default)',
          tags: ['session'],
          body: z.strictObject({
            currentPassword: Password,
            newPassword: Password,
          }),
          response: { 204: NoContent, ...errors(403) },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        // A wrong current password is counted toward the lockout: committed first, then refused.
        const result = await inTransaction(context.db, (tx) =>
          access.changePassword({
            tx,
            principal,
            ...request.body,
            policy: context.accessPolicy(),
            at: context.clock(),
          }),
        )
        if (!result.ok) throw result.error
        return sendNoContent(reply)
      },
    )

    app.post(
      '/session/totp',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'Start enrolling your own authenticator app: the secret is shown to you only, once',
          tags: ['session'],
          response: {
            200: z.object({
              secret: z.string().describe('the new base32 TOTP secret, shown only to its owner, once'),
              uri: z.string().describe('an otpauth:// URI for a QR code'),
            }),
            ...errors(403, 409),
          },
        },
      },
      async (request) =>
        inTransaction(context.db, (tx) =>
          access.startTotpEnrolment({ tx, principal: principalOf(request), at: context.clock() }),
        ),
    )

    app.post(
      '/session/totp/confirm',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'Confirm your authenticator app with a current code; sign-in asks for one from then on',
          tags: ['session'],
          body: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') }),
          response: { 204: NoContent, ...errors(403, 409) },
        },
      },
      async (request, reply) => {
        await inTransaction(context.db, (tx) =>
          access.confirmTotp({ tx, principal: principalOf(request), code: request.body.code, at: context.clock() }),
        )
        return sendNoContent(reply)
      },
    )
  }
