import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import { accountOverview, clearAccountReviewFlag, openAccount, reviewFlagQueue } from '../../usecases/index.js'
import { actorOf, allowsOf, principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, jsonOf, LocalDate } from '../schemas.js'

const Limit = z.coerce.number().int().min(1).max(100).default(20)
const Email = z.strictObject({ address: z.string().min(3).max(320), primary: z.boolean().default(false) })
const Phone = z.strictObject({
  number: z.string().min(6).max(40),
  label: z.enum(['mobile', 'home', 'work', 'other']).default('mobile'),
  primary: z.boolean().default(false),
})
const Contacts = z.strictObject({ emails: z.array(Email).max(10), phones: z.array(Phone).max(10) })
const Address = z.strictObject({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullish(),
  town: z.string().min(1).max(100),
  postcode: z.string().min(2).max(12),
})

export const accountRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts',
      {
        config: { permission: 'accounts.account.search' },
        schema: {
          summary: 'Search accounts by number, name, phone, email, postcode or address (tolerant of misspellings)',
          tags: ['accounts'],
          querystring: z.strictObject({
            q: z.string().min(1).max(200),
            limit: Limit,
            cursor: z.string().max(200).optional(),
          }),
        },
      },
      async (request) => {
        const { q, limit, cursor } = request.query
        const result = await inTransaction(context.db, (tx) =>
          accounts.searchAccounts({ tx, query: q, limit, cursor, actor: actorOf(request), at: context.clock() }),
        )
        return { items: result.items, nextCursor: result.nextCursor }
      },
    )

    app.post(
      '/accounts',
      {
        config: { permission: 'accounts.account.create' },
        schema: {
          summary: 'Open an account for a new customer at a property',
          tags: ['accounts'],
          body: z.strictObject({
            customer: z.strictObject({
              kind: z.enum(['person', 'business']),
              title: z.string().max(20).nullish(),
              givenName: z.string().max(100).nullish(),
              familyName: z.string().max(100).nullish(),
              businessName: z.string().max(200).nullish(),
            }),
            property: Address.extend({ gspRegion: z.enum(accounts.gspRegions.map((r) => r.code)).nullable() }),
            billingAddress: Address.nullable().default(null),
            emails: z.array(Email).max(10).default([]),
            phones: z.array(Phone).max(10).default([]),
            billingMode: z.enum(['paperless', 'paper']).default('paperless'),
            openedOn: LocalDate,
          }),
        },
      },
      async (request, reply) => {
        const opened = await openAccount({
          db: context.db,
          details: request.body,
          actor: actorOf(request),
          at: context.clock(),
        })
        return reply.status(201).send({ account: opened })
      },
    )

    app.get(
      '/accounts/:accountNumber',
      {
        // The lowest permission that shows anything of an account; each section of the answer then
        // needs its own (`accountViewSectionPermission`), so a field technician gets a field-visit view.
        config: { permission: 'accounts.service_address.read' },
        schema: {
          summary:
            'The account overview in one call, with only the sections the caller may see (listed in `sections`); recorded as a view',
          tags: ['accounts'],
          params: AccountParams,
        },
      },
      async (request) =>
        jsonOf(
          await inTransaction(context.db, (tx) =>
            accountOverview({
              tx,
              accountNumber: request.params.accountNumber,
              allows: allowsOf(request),
              actor: actorOf(request),
              at: context.clock(),
            }),
          ),
        ),
    )

    app.get(
      '/review-flags',
      {
        config: { permission: 'accounts.review_flag.read' },
        schema: {
          summary:
            'Accounts flagged for supervisor review after repeated failed verification, oldest first (open by default)',
          tags: ['accounts'],
          querystring: z.strictObject({
            status: z.enum(access.reviewFlagStatuses).default('open'),
            limit: Limit,
            cursor: z.string().max(200).optional(),
          }),
        },
      },
      async (request) => jsonOf(await reviewFlagQueue({ tx: context.db, ...request.query })),
    )

    app.post(
      '/review-flags/:flagId/clear',
      {
        config: { permission: 'accounts.review_flag.clear' },
        schema: {
          summary: 'Clear a review flag with a note of what the supervisor found (audited); 409 if already cleared',
          tags: ['accounts'],
          params: z.strictObject({ flagId: z.string().regex(/^flg_[0-9A-Za-z]{1,40}$/, 'a review flag id (flg_…)') }),
          body: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
        },
      },
      async (request) =>
        jsonOf(
          await inTransaction(context.db, (tx) =>
            clearAccountReviewFlag({
              tx,
              flagId: request.params.flagId,
              note: request.body.note,
              actor: actorOf(request),
              at: context.clock(),
            }),
          ),
        ),
    )

    app.get(
      '/accounts/:accountNumber/notes',
      {
        config: { permission: 'accounts.account.read' },
        schema: {
          summary: "A page of the account's notes, newest first",
          tags: ['accounts'],
          params: AccountParams,
          querystring: z.strictObject({ limit: Limit, cursor: z.string().max(200).optional() }),
        },
      },
      async (request) =>
        inTransaction(context.db, (tx) =>
          accounts.listNotes({
            tx,
            accountNumber: request.params.accountNumber,
            limit: request.query.limit,
            cursor: request.query.cursor,
            actor: actorOf(request),
            at: context.clock(),
          }),
        ),
    )

    app.post(
      '/accounts/:accountNumber/notes',
      {
        config: { permission: 'accounts.note.create' },
        schema: {
          summary: 'Add a note (notes cannot be changed afterwards)',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({ type: z.enum(accounts.noteTypes), body: z.string().max(5000) }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        const note = await inTransaction(context.db, (tx) =>
          accounts.addNote({
            tx,
            accountNumber: request.params.accountNumber.toUpperCase(),
            type: request.body.type,
            body: request.body.body,
            actor: actorOf(request),
            authorName: principal.displayName,
            at: context.clock(),
          }),
        )
        return reply.status(201).send({ note })
      },
    )

    app.put(
      '/accounts/:accountNumber/contacts',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary: "Replace the account's emails and phone numbers",
          tags: ['accounts'],
          params: AccountParams,
          body: Contacts,
        },
      },
      async (request, reply) => {
        await inTransaction(context.db, (tx) =>
          accounts.updateContacts({
            tx,
            accountNumber: request.params.accountNumber.toUpperCase(),
            ...request.body,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return reply.status(204).send()
      },
    )

    app.put(
      '/accounts/:accountNumber/preferences',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary: 'Set billing preferences (paper or paperless)',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({ billingMode: z.enum(['paperless', 'paper']) }),
        },
      },
      async (request, reply) => {
        await inTransaction(context.db, (tx) =>
          accounts.updatePreferences({
            tx,
            accountNumber: request.params.accountNumber.toUpperCase(),
            billingMode: request.body.billingMode,
            actor: actorOf(request),
            at: context.clock(),
          }),
        )
        return reply.status(204).send()
      },
    )
  }
