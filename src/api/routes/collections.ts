import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as accounts from '../../modules/accounts/index.js'
import * as collections from '../../modules/collections/index.js'
import {
  accountCollections,
  collectionsWorklist,
  onAccount,
  queuedMessagesOf,
  runCollections,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, MinorOut, NoContent, sendNoContent } from '../responses.js'
import { routeCalls } from '../route-calls.js'
import { AccountParams, jsonOf, LocalDate, Minor } from '../schemas.js'
import { AgeingBuckets } from './billing-schemas.js'
import { ArrangementOut } from './payments-schemas.js'

/** An account past due, as the collections worklist shows it. */
const WorklistItemOut = z.object({
  accountId: z.string(),
  accountNumber: z.string(),
  name: z.string(),
  pastDueMinor: MinorOut,
  balanceMinor: MinorOut,
  oldestPastDueOn: DateOut,
  daysPastDue: z.number().int(),
  lastAction: z.string().nullable().describe('the last dunning step taken, e.g. final_notice'),
  lastActionAt: InstantOut.nullable(),
  protectedBy: z.array(z.string()).describe('psr, vulnerable'),
  arrangement: z.boolean().describe('an active payment arrangement'),
  disputed: z.boolean().describe('an active billing dispute pauses dunning'),
  disconnectionPending: z.boolean(),
})

/** A step taken on a debt: a dunning message, a late fee, an escalation withheld. */
const CollectionActionOut = z.object({
  id: z.string(),
  episodeDueOn: DateOut.describe('the due date of the oldest unpaid charge when the step was taken'),
  action: z.enum([
    'payment_reminder',
    'final_notice',
    'disconnection_notice',
    'debt_collection_referral',
    'late_fee',
    'escalation_withheld',
  ]),
  amountMinor: MinorOut.nullable(),
  messageId: z.string().nullable(),
  detail: z.string().nullable(),
  takenBy: z.string(),
  takenAt: InstantOut,
})

const DisconnectionOrderOut = z.object({
  id: z.string(),
  status: z.enum(['pending', 'cancelled', 'completed']),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: InstantOut,
  endedBy: z.string().nullable(),
  endedAt: InstantOut.nullable(),
})

/** What a collections note records: the affordability figures, or the organisations signposted. */
const NoteDetails = z
  .object({
    monthlyIncomeMinor: MinorOut.optional(),
    monthlyOutgoingsMinor: MinorOut.optional(),
    canPayMonthlyMinor: MinorOut.optional(),
    signposts: z.array(z.string()).optional().describe('codes of the debt-advice organisations'),
  })
  .nullable()

const CollectionsNoteOut = z.object({
  id: z.string(),
  kind: z.enum(['affordability', 'debt_advice']),
  body: z.string(),
  details: NoteDetails,
  createdBy: z.string(),
  createdAt: InstantOut,
})

/** A collections note with its stored details read through their declared shape. */
function noteOut(note: collections.CollectionsNote) {
  return { ...jsonOf(note), details: NoteDetails.parse(note.details ?? null) }
}

const VulnerabilityOut = z.object({
  id: z.string(),
  register: z.enum(['psr', 'vulnerable']),
  category: z.string(),
  consentGiven: z.boolean(),
  consentOn: DateOut.nullable(),
  reviewOn: DateOut.nullable(),
  note: z.string().nullable(),
  createdAt: InstantOut,
})

const HoldOut = z.object({
  id: z.string(),
  kind: z.literal('seasonal'),
  reason: z.string(),
  startsOn: DateOut,
  endsOn: DateOut.nullable(),
  placedBy: z.string(),
  placedAt: InstantOut,
})

const AccountCollectionsOut = z.object({
  today: DateOut,
  position: z.object({
    balanceMinor: MinorOut,
    pastDueMinor: MinorOut,
    buckets: AgeingBuckets,
    oldestPastDueOn: DateOut.nullable(),
    nextDueOn: DateOut.nullable(),
  }),
  actions: z.array(CollectionActionOut).describe('newest first'),
  disconnectionOrders: z.array(DisconnectionOrderOut).describe('newest first'),
  notes: z.array(CollectionsNoteOut).describe('newest first'),
  vulnerabilities: z.array(VulnerabilityOut),
  arrangements: z.array(ArrangementOut).describe('newest first'),
  signposts: z
    .array(z.object({ code: z.string(), name: z.string(), description: z.string() }))
    .describe('the debt-advice organisations a note may name'),
})

export const collectionsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { inTx, who } = routeCalls(context)

    app.get(
      '/collections/worklist',
      {
        config: { permission: 'collections.commitment.track' },
        schema: {
          summary: 'Accounts past due, most overdue first, with their last step, protections and arrangement',
          tags: ['collections'],
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ on: DateOut, items: z.array(WorklistItemOut) }) },
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
          response: {
            200: z.object({
              on: DateOut,
              looked: z.number().int().describe('accounts past due looked at'),
              outcomes: z.record(z.string(), z.number().int()).describe('how many accounts had each outcome'),
              failed: z.number().int(),
              problems: z
                .array(z.object({ id: z.string(), code: z.string(), message: z.string() }))
                .describe('the first 100 accounts that failed, with why'),
              messagesQueued: z.number().int().describe('notices queued for delivery, sent after the run'),
            }),
          },
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
          response: { 200: AccountCollectionsOut, ...errors(404) },
        },
      },
      async (request) => {
        const found = await inTx((tx) =>
          accountCollections({ tx, accountNumber: request.params.accountNumber, ...who(request) }),
        )
        return { ...jsonOf(found), notes: found.notes.map(noteOut) }
      },
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
          response: {
            201: z.object({
              amountMinor: MinorOut,
              episode: DateOut.describe('the due date of the debt the fee is for'),
            }),
            ...errors(404, 409),
          },
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
          response: { 201: z.object({ order: DisconnectionOrderOut }), ...errors(404, 409) },
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
        schema: {
          summary: 'Cancel the pending disconnection order',
          tags: ['collections'],
          params: AccountParams,
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.cancelDisconnectionOrder({ tx, accountId, ...who(request) }),
          ),
        )
        return sendNoContent(reply)
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
          response: { 200: z.object({ order: DisconnectionOrderOut }), ...errors(404) },
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
          response: { 201: z.object({ note: CollectionsNoteOut }), ...errors(404) },
        },
      },
      async (request, reply) => {
        const note = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            collections.recordCollectionsNote({ tx, accountId, ...request.body, ...who(request) }),
          ),
        )
        return reply.status(201).send({ note: noteOut(note) })
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
          response: { 201: z.object({ hold: HoldOut }), ...errors(404) },
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
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.liftHold({ tx, accountId, holdId: request.params.holdId, ...who(request) }),
          ),
        )
        return sendNoContent(reply)
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
          response: { 201: z.object({ vulnerability: VulnerabilityOut }), ...errors(404) },
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
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            accounts.removeVulnerability({ tx, accountId, id: request.params.id, ...who(request) }),
          ),
        )
        return sendNoContent(reply)
      },
    )
  }
