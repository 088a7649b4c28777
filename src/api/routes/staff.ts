import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'

export const staffRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/roles',
      {
        config: { permission: 'authenticated' },
        schema: { summary: 'The staff roles with their badges and permissions', tags: ['staff'] },
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
      { config: { permission: 'access.user.manage' }, schema: { summary: 'Staff users', tags: ['staff'] } },
      async () => ({ items: await access.listStaffUsers(context.db) }),
    )

    app.post(
      '/staff',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: 'Create a staff user with a role',
          tags: ['staff'],
          body: z.strictObject({
            email: z.email().max(320),
            displayName: z.string().min(1).max(200),
            role: z.enum(access.roles),
            password: z.string().min(1).max(256),
          }),
        },
      },
      async (request, reply) => {
        const user = await inTransaction(context.db, (tx) =>
          access.createStaffUser({ tx, ...request.body, actor: actorOf(request), at: context.clock() }),
        )
        return reply.status(201).send({ user })
      },
    )

    app.post(
      '/staff/:userId/totp',
      {
        config: { permission: 'access.user.manage' },
        schema: {
          summary: 'Turn on TOTP for a staff user',
          tags: ['staff'],
          params: z.strictObject({ userId: z.string().max(40) }),
        },
      },
      async (request) =>
        inTransaction(context.db, (tx) =>
          access.enableTotp({ tx, userId: request.params.userId, actor: actorOf(request), at: context.clock() }),
        ),
    )

    app.get(
      '/tokens',
      {
        config: { permission: 'access.token.manage' },
        schema: { summary: 'API tokens (never their secrets)', tags: ['staff'] },
      },
      async () => ({ items: await access.listApiTokens(context.db) }),
    )

    app.post(
      '/tokens',
      {
        config: { permission: 'access.token.manage' },
        schema: {
          summary: 'Issue an API token acting as a staff user; the secret is shown once',
          tags: ['staff'],
          body: z.strictObject({
            userId: z.string().max(40),
            name: z.string().min(1).max(100),
            expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const token = await inTransaction(context.db, (tx) =>
          access.createApiToken({
            tx,
            userId: request.body.userId,
            name: request.body.name,
            expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return reply.status(201).send(token)
      },
    )

    app.delete(
      '/tokens/:tokenId',
      {
        config: { permission: 'access.token.manage' },
        schema: {
          summary: 'Revoke an API token',
          tags: ['staff'],
          params: z.strictObject({ tokenId: z.string().max(40) }),
        },
      },
      async (request, reply) => {
        await inTransaction(context.db, (tx) =>
          access.revokeApiToken({ tx, tokenId: request.params.tokenId, actor: actorOf(request), at: context.clock() }),
        )
        return reply.status(204).send()
      },
    )
  }
