import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction, type Tx } from '../../db/index.js'
import * as accounts from '../../modules/accounts/index.js'
import * as collections from '../../modules/collections/index.js'
import {
  accountCollections,
  collectionsWorklist,
  onAccount,
  queuedMessagesOf,
  runCollections,
} from '../../usecases/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, jsonOf, LocalDate, Minor } from '../schemas.js'

export const collectionsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(context.db, work)
    const who = (request: FastifyRequest) => ({ actor: actorOf(request), at: context.clock() })

    app.get(
      '/collections/worklist',
      {
        config: { permission: 'collections.commitment.track' },
        schema: {
          summary: 'Accounts past due, most overdue first, with their last step, protections and arrangement',
          tags: ['collections'],
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (request) =>
        jsonOf(await inTx((tx) => collectionsWorklist({ tx, limit: request.query.limit, at: context.clock() }))),
    )

    app.post(
      '/collections/run',
      {
        config: { permission: 'collections.notice.send' },
        schema: {
          summary: 'Run the dunning schedule now for a date (the daily job does this); safe to repeat',
          tags: ['collections'],
          body: z.strictObject({ on: LocalDate }),
        },
      },
      async (request) => {
        const summary = await runCollections({ db: context.db, on: request.body.on, ...who(request) })
        const queued = queuedMessagesOf(summary)
        await context.deliveryQueue.enqueue(queued)
        return jsonOf({ ...summary, messagesQueued: queued.length })
      },
    )

    app.get(
      '/accounts/:accountNumber/collections',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: 'Past due by age, dunning steps taken, disconnection orders, notes, PSR and vulnerability',
          tags: ['collections'],
          params: AccountParams,
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => accountCollections({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.post(
      '/accounts/:accountNumber/late-fees',
      {
        config: { permission: 'collections.late_fee.apply' },
        schema: {
          summary: 'Apply the late fee (once per debt; at most the supplier setting)',
          tags: ['collections'],
          params: AccountParams,
          body: z.strictObject({ amountMinor: Minor.optional() }).default({}),
        },
      },
      async (request, reply) => {
        const fee = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.applyLateFee({ tx, accountId, amountMinor: request.body.amountMinor, ...who(request) }),
          ),
        )
        return reply.status(201).send(jsonOf(fee))
      },
    )

    app.post(
      '/accounts/:accountNumber/disconnection-orders',
      {
        config: { permission: 'collections.disconnection.create' },
        schema: {
          summary:
            'Raise a disconnection order: only after the disconnection notice, never for a PSR or vulnerable household',
          tags: ['collections'],
          params: AccountParams,
          body: z.strictObject({ reason: z.string().min(1).max(500) }),
        },
      },
      async (request, reply) => {
        const order = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.createDisconnectionOrder({ tx, accountId, reason: request.body.reason, ...who(request) }),
          ),
        )
        return reply.status(201).send({ order: jsonOf(order) })
      },
    )

    app.delete(
      '/accounts/:accountNumber/disconnection-orders/pending',
      {
        config: { permission: 'collections.disconnection.create' },
        schema: { summary: 'Cancel the pending disconnection order', tags: ['collections'], params: AccountParams },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.cancelDisconnectionOrder({ tx, accountId, ...who(request) }),
          ),
        )
        return reply.status(204).send()
      },
    )

    app.post(
      '/accounts/:accountNumber/disconnection-orders/pending/complete',
      {
        config: { permission: 'field.service_order.complete' },
        schema: {
          summary: 'The field job is done: the supply was disconnected (the account shows gray)',
          tags: ['collections'],
          params: AccountParams,
        },
      },
      async (request) => {
        const order = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.completeDisconnectionOrder({ tx, accountId, ...who(request) }),
          ),
        )
        return { order: jsonOf(order) }
      },
    )

    app.post(
      '/accounts/:accountNumber/collections-notes',
      {
        config: { permission: 'payments.arrangement.create' },
        schema: {
          summary: 'Record an affordability check or the debt-advice organisations the customer was pointed to',
          tags: ['collections'],
          params: AccountParams,
          body: z.discriminatedUnion('kind', [
            z.strictObject({
              kind: z.literal('affordability'),
              body: z.string().min(1).max(2000),
              affordability: z.strictObject({
                monthlyIncomeMinor: Minor,
                monthlyOutgoingsMinor: Minor,
                canPayMonthlyMinor: Minor,
              }),
            }),
            z.strictObject({
              kind: z.literal('debt_advice'),
              body: z.string().min(1).max(2000),
              signposts: z.array(z.string().max(40)).min(1).max(10),
            }),
          ]),
        },
      },
      async (request, reply) => {
        const note = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.recordCollectionsNote({ tx, accountId, ...request.body, ...who(request) }),
          ),
        )
        return reply.status(201).send({ note: jsonOf(note) })
      },
    )

    app.post(
      '/accounts/:accountNumber/holds',
      {
        config: { permission: 'accounts.hold.manage' },
        schema: {
          summary: 'Place a seasonal hold (the account shows gray while it lasts)',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({
            kind: z.literal('seasonal'),
            reason: z.string().min(1).max(500),
            startsOn: LocalDate,
            endsOn: LocalDate.optional(),
          }),
        },
      },
      async (request, reply) => {
        const hold = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.placeHold({ tx, accountId, ...request.body, ...who(request) }),
          ),
        )
        return reply.status(201).send({ hold: jsonOf(hold) })
      },
    )

    app.delete(
      '/accounts/:accountNumber/holds/:holdId',
      {
        config: { permission: 'accounts.hold.manage' },
        schema: {
          summary: 'Lift a hold',
          tags: ['accounts'],
          params: AccountParams.extend({ holdId: z.string().max(60) }),
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.liftHold({ tx, accountId, holdId: request.params.holdId, ...who(request) }),
          ),
        )
        return reply.status(204).send()
      },
    )

    app.post(
      '/accounts/:accountNumber/vulnerabilities',
      {
        config: { permission: 'accounts.vulnerability.record' },
        schema: {
          summary: 'Add a Priority Services Register need (with consent) or a vulnerability, with a review date',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({
            register: z.enum(['psr', 'vulnerable']),
            category: z.string().max(60),
            consentGiven: z.boolean(),
            consentOn: LocalDate.optional(),
            reviewOn: LocalDate.optional(),
            note: z.string().max(500).optional(),
          }),
        },
      },
      async (request, reply) => {
        const vulnerability = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.registerVulnerability({ tx, accountId, ...request.body, ...who(request) }),
          ),
        )
        return reply.status(201).send({ vulnerability: jsonOf(vulnerability) })
      },
    )

    app.delete(
      '/accounts/:accountNumber/vulnerabilities/:id',
      {
        config: { permission: 'accounts.vulnerability.record' },
        schema: {
          summary: 'Take a PSR need or vulnerability off the account (kept in its history)',
          tags: ['accounts'],
          params: AccountParams.extend({ id: z.string().max(60) }),
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.removeVulnerability({ tx, accountId, id: request.params.id, ...who(request) }),
          ),
        )
        return reply.status(204).send()
      },
    )
  }
