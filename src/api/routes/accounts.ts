import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import {
  accountOverview,
  accountViewSections,
  clearAccountReviewFlag,
  openAccount,
  reviewFlagQueue,
  searchAccountsAsStaff,
} from '../../usecases/index.js'
import { allowsOf, principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, MinorOut, NoContent, pageOf, sendNoContent } from '../responses.js'
import { callAs, whoOf } from '../route-calls.js'
import { AccountParams, EmailAddress, jsonOf, LocalDate, PageQuery } from '../schemas.js'
import { MeterPointOut } from './metering-schemas.js'
import { AccountStatusOut } from './payments-schemas.js'

const Email = z.strictObject({ address: EmailAddress, primary: z.boolean().default(false) })
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

const AccountStatus = z.enum(['active', 'closed'])
const BillingMode = z.enum(['paperless', 'paper'])

/** One account found by a search. */
const AccountSummary = z.object({
  accountId: z.string(),
  accountNumber: z.string(),
  customerName: z.string(),
  serviceAddress: z.string().describe('the service address on one line'),
  postcode: z.string(),
  status: AccountStatus,
  colour: z
    .enum(['green', 'yellow', 'red', 'gray'])
    .optional()
    .describe('the status colour, for a caller who may read the account'),
  balanceMinor: MinorOut.optional().describe('positive when the customer owes, for a caller who may read payments'),
})

/** A note on an account; notes are never changed. */
const Note = z.object({
  id: z.string(),
  type: z.enum(accounts.noteTypes),
  body: z.string(),
  createdAt: InstantOut,
  author: z.object({
    kind: z.string().describe('who wrote it: a staff user, or the system'),
    id: z.string().nullable(),
    displayName: z.string().nullable(),
  }),
})

const PostalAddress = z.object({ addressLines: z.array(z.string()), town: z.string(), postcode: z.string() })

/** A flag for supervisor review after repeated failed verification (USR-4). */
const ReviewFlag = z.object({
  id: z.string(),
  accountId: z.string(),
  accountNumber: z.string(),
  reason: z.string(),
  raisedAt: InstantOut,
  clearedAt: InstantOut.nullable(),
  clearedById: z.string().nullable().describe('the staff user who cleared it'),
  clearNote: z.string().nullable(),
})

/** A meter point as the overview shows it: its meters and registers. */

/**
 * The account overview: the summary always, each other section only when the caller may see it
 * (`sections` lists those that came).
 */
const AccountOverview = z.object({
  sections: z.array(z.enum(accountViewSections)).describe('the sections the caller may see, which came'),
  account: z.object({
    id: z.string(),
    number: z.string(),
    status: AccountStatus,
    openedOn: DateOut,
    closedOn: DateOut.nullable(),
    market: z.enum(['gb', 'us']),
  }),
  customer: z.object({
    id: z.string(),
    kind: z.enum(['person', 'business']),
    displayName: z.string(),
    title: z.string().nullable(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    businessName: z.string().nullable(),
  }),
  property: PostalAddress.extend({
    id: z.string(),
    gspRegion: z.object({ code: z.string(), name: z.string() }).nullable(),
  }),
  reviewFlags: z.array(z.object({ id: z.string(), reason: z.string(), raisedAt: InstantOut })).optional(),
  billingAddress: PostalAddress.nullable().optional(),
  contacts: z
    .object({
      emails: z.array(z.object({ address: z.string(), primary: z.boolean() })),
      phones: z.array(
        z.object({ number: z.string(), label: z.enum(['mobile', 'home', 'work', 'other']), primary: z.boolean() }),
      ),
    })
    .optional(),
  preferences: z.object({ billingMode: BillingMode }).optional(),
  notes: pageOf(Note).optional(),
  siteNeeds: z
    .array(z.object({ category: z.string() }))
    .optional()
    .describe('PSR need categories that matter on a visit'),
  meterPoints: z.array(MeterPointOut).optional(),
  standing: AccountStatusOut.optional().describe('the status colour with its reasons'),
  money: z
    .object({
      currency: z.string(),
      balanceMinor: MinorOut.describe('positive when the customer owes, negative in credit'),
      pastDueMinor: MinorOut,
      oldestPastDueOn: DateOut.nullable(),
      nextDueOn: DateOut.nullable(),
      lastPayment: z
        .object({
          confirmationNumber: z.string(),
          amountMinor: MinorOut,
          method: z.string(),
          status: z.string(),
          takenOn: DateOut,
        })
        .nullable(),
      directDebit: z
        .object({
          kind: z.string(),
          paymentDay: z.number().int(),
          nextCollection: z.object({ collectOn: DateOut, amountMinor: MinorOut }).nullable(),
        })
        .nullable(),
    })
    .optional()
    .describe('what the customer owes and how they pay'),
  lastStatement: z
    .object({
      number: z.string(),
      status: z.string(),
      periodFrom: InstantOut,
      periodTo: InstantOut,
      issuedAt: InstantOut.nullable(),
      dueOn: DateOut.nullable(),
      totalMinor: MinorOut,
    })
    .nullable()
    .optional(),
  supplies: z
    .array(
      z.object({
        identifier: z.string().describe('MPAN or MPRN'),
        fuel: z.enum(['electricity', 'gas']),
        direction: z.enum(['import', 'export']),
        meters: z.array(z.object({ serial: z.string(), type: z.enum(['smart', 'traditional', 'prepayment']) })),
        tariff: z
          .object({
            code: z.string(),
            productCode: z.string(),
            productName: z.string(),
            since: InstantOut,
            termEndsAt: InstantOut.nullable(),
            paymentMethod: z.enum(['DIRECT_DEBIT', 'NON_DIRECT_DEBIT']),
            standingCharge: z.string().nullable().describe('pence a day, inc VAT'),
            unitRates: z.array(
              z.object({ name: z.enum(['standard', 'day', 'night']), incVat: z.string().describe('pence a kWh') }),
            ),
          })
          .nullable(),
      }),
    )
    .optional()
    .describe('each supply and the tariff it is on today'),
  vulnerabilities: z
    .array(z.object({ register: z.string(), category: z.string(), reviewOn: DateOut.nullable() }))
    .optional(),
  openCases: z
    .object({
      count: z.number().int(),
      more: z.boolean(),
      newest: z.array(z.object({ number: z.string(), type: z.string(), subject: z.string() })),
    })
    .optional(),
})

export const accountRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts',
      {
        config: { permission: 'accounts.account.search' },
        schema: {
          summary:
            'Search accounts by number, name, phone, email, postcode or address (tolerant of misspellings), MPAN, MPRN or meter serial',
          tags: ['accounts'],
          querystring: z.strictObject({ q: z.string().min(1).max(200), ...PageQuery.shape }),
          response: { 200: pageOf(AccountSummary) },
        },
      },
      async (request) => {
        const { q, limit, cursor } = request.query
        const result = await callAs(context, request, (scope) =>
          searchAccountsAsStaff({ query: q, limit, cursor, allows: allowsOf(request), ...scope }),
        )
        return jsonOf(result)
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
          response: {
            201: z.object({ account: z.object({ id: z.string(), number: z.string() }) }),
            ...errors(409),
          },
        },
      },
      async (request, reply) => {
        const opened = await openAccount({
          db: context.db,
          details: request.body,
          ...whoOf(context, request),
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
          response: { 200: AccountOverview, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await callAs(context, request, (scope) =>
            accountOverview({
              accountNumber: request.params.accountNumber,
              allows: allowsOf(request),
              ...scope,
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
            ...PageQuery.shape,
          }),
          response: { 200: pageOf(ReviewFlag.extend({ customerName: z.string() })) },
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
          response: { 200: ReviewFlag, ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf(
          await callAs(context, request, (scope) =>
            clearAccountReviewFlag({
              flagId: request.params.flagId,
              note: request.body.note,
              ...scope,
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
          querystring: PageQuery,
          response: { 200: pageOf(Note), ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await callAs(context, request, (scope) =>
            accounts.listNotes({ accountNumber: request.params.accountNumber, ...request.query, ...scope }),
          ),
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
          response: { 201: z.object({ note: Note }), ...errors(404) },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        const note = await callAs(context, request, (scope) =>
          accounts.addNote({
            accountNumber: request.params.accountNumber.toUpperCase(),
            type: request.body.type,
            body: request.body.body,
            authorName: principal.displayName,
            ...scope,
          }),
        )
        return reply.status(201).send({ note: jsonOf(note) })
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
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await callAs(context, request, (scope) =>
          accounts.updateContacts({
            accountNumber: request.params.accountNumber.toUpperCase(),
            ...request.body,
            ...scope,
          }),
        )
        return sendNoContent(reply)
      },
    )

    app.put(
      '/accounts/:accountNumber/billing-address',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary: "Change where the account's post goes: a mailing address, or null for the service address",
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({ billingAddress: Address.nullable() }),
          response: { 204: NoContent, ...errors(400, 404) },
        },
      },
      async (request, reply) => {
        await callAs(context, request, (scope) =>
          accounts.updateBillingAddress({
            accountNumber: request.params.accountNumber.toUpperCase(),
            billingAddress: request.body.billingAddress,
            ...scope,
          }),
        )
        return sendNoContent(reply)
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
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await callAs(context, request, (scope) =>
          accounts.updatePreferences({
            accountNumber: request.params.accountNumber.toUpperCase(),
            billingMode: request.body.billingMode,
            ...scope,
          }),
        )
        return sendNoContent(reply)
      },
    )
  }
