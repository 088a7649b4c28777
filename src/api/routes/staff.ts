import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import { principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { errors, InstantOut, NoContent, sendNoContent } from '../responses.js'
import { callAs } from '../route-calls.js'
import { jsonOf, Password } from '../schemas.js'

const Role = z.enum(access.roles)

/** A role as the console shows it: its badge, what it is for, and every permission it holds. */
const RoleOut = z.object({
  role: Role,
  label: z.string().describe("the title of one member of the role, e.g. 'Customer Service Agent'"),
  accessLevel: z.string(),
  badgeColour: z.enum(['blue', 'purple', 'green', 'orange', 'red', 'black', 'gold']),
  summary: z.string().describe('who they are'),
  inherits: Role.nullable().describe('the role whose permissions this one includes'),
  permissions: z.array(z.string()),
})

/** A staff user: never a password hash nor an authenticator secret. */
const StaffUserOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  passwordChangedAt: InstantOut,
  totpEnabled: z.boolean(),
  lockedUntil: InstantOut.nullable(),
  disabledAt: InstantOut.nullable(),
  createdAt: InstantOut,
  awaitingApproval: z
    .boolean()
    .describe('created with a money role a second access manager has not yet approved: cannot sign in'),
  passwordSet: z.boolean().describe('false until an invited user has set their own password'),
})

/** A role grant waiting for (or decided by) a second access manager. */
const RoleRequestOut = z.object({
  id: z.string(),
  userId: z.string(),
  role: Role,
  requestedBy: z.string().describe('the staff user who asked'),
  requestedAt: InstantOut,
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: InstantOut.nullable(),
})

const RoleChangeOut = z.object({ user: StaffUserOut, roleRequest: RoleRequestOut.nullable() })

/** An API token, never its secret nor its hash. */
const ApiTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string().nullable().describe("the staff user it acts as, or null for a service account's token"),
  serviceAccountId: z.string().nullable(),
  permissions: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: InstantOut,
  expiresAt: InstantOut,
  revokedAt: InstantOut.nullable(),
  lastUsedAt: InstantOut.nullable(),
})

export const staffRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/roles',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'The staff roles with their badges and permissions',
          tags: ['staff'],
          response: { 200: z.object({ items: z.array(RoleOut) }) },
        },
      },
      async () => ({
        items: access.roles.map((role) => ({
          ...access.roleInfo(role),
          permissions: [...access.permissionsOf(role)].sort(),
        })),
      }),
    )

    app.get(
      '/staff',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: 'Staff users',
          tags: ['staff'],
          response: { 200: z.object({ items: z.array(StaffUserOut) }) },
        },
      },
      async () => jsonOf({ items: await access.listStaffUsers(context.db) }),
    )

    app.post(
      '/staff',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary:
            'Invite a staff user: no password is set; the one-time invitation secret (72 hours) is for the new user to set their own. A role with money powers waits for a second access manager',
          tags: ['staff'],
          body: z.strictObject({
            email: z.email().max(320),
            displayName: z.string().min(1).max(200),
            role: z.enum(access.roles),
          }),
          response: {
            201: z.object({
              user: StaffUserOut,
              invitation: z.object({
                id: z.string(),
                secret: z.string().describe('the one-time secret the new user sets their password with; shown once'),
                expiresAt: InstantOut,
              }),
              roleRequest: RoleRequestOut.nullable().describe('opened when the role has money powers'),
            }),
            ...errors(409),
          },
        },
      },
      async (request, reply) => {
        const invited = await callAs(context, request, (scope) =>
          access.inviteStaffUser({
            ...request.body,
            by: principalOf(request),
            ...scope,
          }),
        )
        return reply.status(201).send(jsonOf(invited))
      },
    )

    app.post(
      '/staff/invitations/accept',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Accept a staff invitation: set your own password with the invitation secret',
          tags: ['staff'],
          body: z.strictObject({
            secret: z.string().min(1).max(200),
            password: Password,
          }),
          response: { 200: z.object({ email: z.string(), awaitingApproval: z.boolean() }) },
        },
      },
      async (request) => {
        const accepted = await inTransaction(context.db, (tx) =>
          access.acceptStaffInvitation({ tx, ...request.body, at: context.clock() }),
        )
        return { email: accepted.email, awaitingApproval: accepted.awaitingApproval }
      },
    )

    app.put(
      '/staff/:userId/role',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary:
            "Change a staff user's role; a role with money powers becomes a request for a second access manager (202)",
          tags: ['staff'],
          params: z.strictObject({ userId: z.string().max(40) }),
          body: z.strictObject({ role: z.enum(access.roles) }),
          response: {
            200: RoleChangeOut.describe('the role is changed'),
            202: RoleChangeOut.describe('a money role: the request waits for a second access manager'),
            ...errors(404, 409),
          },
        },
      },
      async (request, reply) => {
        const changed = await callAs(context, request, (scope) =>
          access.changeStaffRole({
            userId: request.params.userId,
            role: request.body.role,
            by: principalOf(request),
            ...scope,
          }),
        )
        return reply.status(changed.roleRequest ? 202 : 200).send(jsonOf(changed))
      },
    )

    app.get(
      '/staff/role-requests',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: 'Role requests waiting for a second access manager',
          tags: ['staff'],
          response: { 200: z.object({ items: z.array(RoleRequestOut) }) },
        },
      },
      async () => jsonOf({ items: await access.pendingRoleRequests(context.db) }),
    )

    app.post(
      '/staff/role-requests/:requestId',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: 'Approve or reject a role request (a second access manager: never the requester nor the user)',
          tags: ['staff'],
          params: z.strictObject({ requestId: z.string().max(40) }),
          body: z.strictObject({ approve: z.boolean() }),
          response: { 200: z.object({ request: RoleRequestOut }), ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf({
          request: await callAs(context, request, (scope) =>
            access.decideRoleRequest({
              requestId: request.params.requestId,
              approve: request.body.approve,
              by: principalOf(request),
              ...scope,
            }),
          ),
        }),
    )

    app.delete(
      '/staff/:userId/totp',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: "Reset a staff user's authenticator app so they enrol again themselves (the secret is never shown)",
          tags: ['staff'],
          params: z.strictObject({ userId: z.string().max(40) }),
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await callAs(context, request, (scope) => access.resetTotp({ userId: request.params.userId, ...scope }))
        return sendNoContent(reply)
      },
    )

    app.get(
      '/tokens',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: "API tokens, never their secrets: your own, or everyone's with access.token.manage",
          tags: ['staff'],
          response: { 200: z.object({ items: z.array(ApiTokenOut) }), ...errors(403) },
        },
      },
      async (request) => jsonOf({ items: await access.listApiTokens(context.db, principalOf(request)) }),
    )

    app.post(
      '/tokens',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary:
            'Issue an API token for yourself or a named service account, with permissions you hold, expiring within 90 days (default 90); the secret is shown once',
          tags: ['staff'],
          body: z.strictObject({
            name: z.string().min(1).max(100),
            /** Only your own id: a token never acts as another person. */
            userId: z.string().max(40).optional(),
            serviceAccount: z.string().min(1).max(100).optional(),
            permissions: z.array(z.string().max(100)).max(200).optional(),
            expiresAt: z.iso.datetime({ offset: true }).optional(),
          }),
          response: {
            201: z.object({
              id: z.string(),
              token: z.string().describe('the secret, shown once: only its hash is kept'),
              expiresAt: InstantOut,
              permissions: z.array(z.string()),
              serviceAccountId: z.string().nullable(),
            }),
            ...errors(403, 404),
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        const { serviceAccount, userId, permissions, expiresAt } = request.body
        const token = await callAs(context, request, (scope) =>
          access.createApiToken({
            ...(serviceAccount === undefined ? { userId: userId ?? principal.userId } : { serviceAccount }),
            ...(serviceAccount !== undefined && userId !== undefined ? { userId } : {}),
            name: request.body.name,
            permissions,
            expiresAt: expiresAt ? new Date(expiresAt) : undefined,
            creator: principal,
            ...scope,
          }),
        )
        return reply.status(201).send(jsonOf(token))
      },
    )

    app.delete(
      '/tokens/:tokenId',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'Revoke an API token: your own, one you issued, or any with access.token.manage',
          tags: ['staff'],
          params: z.strictObject({ tokenId: z.string().max(40) }),
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await callAs(context, request, (scope) =>
          access.revokeApiToken({
            tokenId: request.params.tokenId,
            by: principalOf(request),
            ...scope,
          }),
        )
        return sendNoContent(reply)
      },
    )
  }
