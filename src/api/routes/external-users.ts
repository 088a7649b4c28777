import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction, type Tx } from '../../db/index.js'
import {
  dataKeyFrom,
  grantAccessByStaff,
  pendingPowersOfAttorney,
  recordSensitiveDetails,
  reviewPowerOfAttorney,
  verifyCaller,
} from '../../usecases/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, jsonOf } from '../schemas.js'

/** Staff routes for external users: access granted by an agent, legal review of POA, caller verification. */
export const externalUserRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(context.db, work)
    const who = (request: FastifyRequest) => ({ actor: actorOf(request), at: context.clock() })

    app.post(
      '/accounts/:accountNumber/external-users',
      {
        config: { permission: 'accounts.authorized_user.manage' },
        schema: {
          summary:
            'Give a person access: property manager, third party (scope and 30–90 days), power of attorney (waits for legal review)',
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            email: z.email().max(320),
            displayName: z.string().min(1).max(200),
            kind: z.enum(['holder', 'property_manager', 'power_of_attorney', 'third_party']),
            scope: z
              .array(z.enum(['usage', 'bills', 'service_requests']))
              .max(3)
              .optional(),
            days: z.number().int().min(1).max(3650).optional(),
            poaDocument: z.string().min(1).max(2000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const result = await inTx((tx) =>
          grantAccessByStaff({ tx, accountNumber: request.params.accountNumber, ...request.body, ...who(request) }),
        )
        return reply.status(201).send(jsonOf(result))
      },
    )

    app.get(
      '/poa-documents',
      {
        config: { permission: 'legal.poa.review' },
        schema: { summary: 'Power-of-attorney documents waiting for legal review', tags: ['external users'] },
      },
      async () => jsonOf({ items: await inTx((tx) => pendingPowersOfAttorney({ tx })) }),
    )

    app.post(
      '/poa-documents/:documentId/decision',
      {
        config: { permission: 'legal.poa.review' },
        schema: {
          summary: 'Approve (the attorney gets access) or reject a power-of-attorney document',
          tags: ['external users'],
          params: z.strictObject({ documentId: z.string().min(1).max(60) }),
          body: z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().max(2000).optional() }),
        },
      },
      async (request) =>
        inTx((tx) =>
          reviewPowerOfAttorney({ tx, documentId: request.params.documentId, ...request.body, ...who(request) }),
        ),
    )

    app.post(
      '/accounts/:accountNumber/verifications',
      {
        config: { permission: 'accounts.verification.record' },
        schema: {
          summary:
            "Record which of the market's verification questions a caller passed and failed; nothing about the account is shown unless they passed",
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            channel: z.enum(['phone', 'email', 'in_person', 'chat']).default('phone'),
            passed: z.array(z.string().max(60)).max(10),
            failed: z.array(z.string().max(60)).max(10),
          }),
        },
      },
      async (request) =>
        inTx((tx) =>
          verifyCaller({ tx, accountNumber: request.params.accountNumber, ...request.body, ...who(request) }),
        ),
    )

    app.put(
      '/accounts/:accountNumber/sensitive-details',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary:
            'Keep the date of birth, security answer and SSN last four, sealed with the data key (SEC-1); never read back through the API',
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            dateOfBirth: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
              .optional(),
            securityAnswer: z.string().min(1).max(200).optional(),
            ssnLastFour: z
              .string()
              .regex(/^\d{4}$/, 'four digits')
              .optional(),
          }),
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          recordSensitiveDetails({
            tx,
            accountNumber: request.params.accountNumber,
            details: request.body,
            dataKey: dataKeyFrom(process.env),
            ...who(request),
          }),
        )
        return reply.status(204).send()
      },
    )
  }
