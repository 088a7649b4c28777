import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import { changeAccountUserLevelByStaff, removeAccountUserByStaff } from '../../usecases/account-user-notices.js'
import {
  accountUsersForStaff,
  exportAccountSensitiveDetails,
  grantAccessByStaff,
  pendingPowersOfAttorney,
  queuedMessagesOf,
  recordSensitiveDetails,
  reviewPowerOfAttorney,
  verificationQuestions,
  verifyCaller,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, NoContent, sendNoContent } from '../responses.js'
import { callAs, routeCalls } from '../route-calls.js'
import { AccountParams, jsonOf, LocalDate } from '../schemas.js'

const UserParams = AccountParams.extend({ userId: z.string().min(1).max(60) })
const Level = z.enum(['full', 'limited'])
const Caller = z.enum(['holder', 'authorized_user', 'property_manager', 'power_of_attorney', 'third_party'])
const Relationship = z.string().trim().min(1).max(100)
const GrantKind = z.enum(access.grantKinds)
const Instant = z.string()
/** One person who may use an account, as staff see it (the Users tab). */
const AccountUser = z.object({
  userId: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  kind: GrantKind,
  level: z.string(),
  status: z.enum(['active', 'pending_approval']),
  since: Instant,
  validTo: Instant.nullable(),
  scope: z.array(z.string()),
  relationship: z.string().nullable(),
  addedBy: z.object({ kind: z.string(), id: z.string(), displayName: z.string().nullable() }).nullable(),
  poaDocument: z.object({ id: z.string(), status: z.string(), reviewedAt: Instant.nullable() }).nullable(),
  portalLogin: z.boolean(),
})
const Questions = z.object({
  market: z.enum(['gb', 'us']),
  caller: Caller,
  callers: z.array(Caller),
  ticked: z.array(z.string()),
  answered: z.array(z.string()),
})
const AnswerCheck = z.enum(['matched', 'did_not_match', 'not_on_file'])
const GrantStatus = z.enum(['active', 'pending_approval', 'revoked', 'expired'])
/** The questions an answer is compared on (the sealed details, what is on file about the caller, the sender). */
const AnsweredQuestion = z.enum([
  'security_answer',
  'ssn_last_four',
  'date_of_birth',
  'caller_email',
  'relationship',
  'sender_email',
])

/** Access just given: the person (created without a login when new) and their grant on the account. */
const AccessGiven = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  grant: z.object({
    id: z.string(),
    userId: z.string(),
    kind: GrantKind,
    status: GrantStatus.describe('pending_approval for a power of attorney until legal review'),
    scope: z.array(z.string()).describe("a third party's scope: usage, bills, service_requests"),
    validFrom: InstantOut,
    validTo: InstantOut.nullable().describe("when a third party's access ends; null when open-ended"),
    relationship: z.string().nullable().describe('their relationship to the account holder'),
    poaDocumentId: z.string().nullable().describe('the power-of-attorney document waiting for legal review'),
  }),
})

/** A power-of-attorney document waiting for legal review. */
const PendingPoaDocument = z.object({
  id: z.string(),
  accountNumber: z.string(),
  grantId: z.string(),
  attorney: z.object({ email: z.string(), displayName: z.string() }),
  description: z.string().describe("what was uploaded or seen: the document's name and what came with it"),
  submittedAt: InstantOut,
})

const PoaDecision = z.object({
  id: z.string(),
  status: z.string().describe('approved or rejected'),
  grantId: z.string(),
  grantStatus: z.string().describe("the attorney's access after the decision: active or revoked"),
})

/** How a caller did: only matched or not for each answer, and the account only when they passed. */
const Verification = z.object({
  outcome: z.enum(['passed', 'failed']),
  caller: Caller,
  reason: z
    .string()
    .nullable()
    .describe('why the caller failed when it is not a wrong answer (the sender, no such person)'),
  flaggedForReview: z.boolean().describe('true when this failure flagged the account for supervisor review'),
  answers: z
    .partialRecord(AnsweredQuestion, AnswerCheck)
    .describe('each answer given (and sender_email on the email channel), compared with what is on file'),
  account: z.object({ number: z.string(), name: z.string(), status: z.string() }).nullable(),
})

/** The sealed details, opened for an audited export (SEC-1). */
const SensitiveDetailsExport = z.object({
  accountNumber: z.string(),
  dateOfBirth: DateOut.nullable(),
  securityAnswer: z.string().nullable(),
  ssnLastFour: z.string().nullable(),
  exportedAt: InstantOut,
})

/**
 * Staff routes for external users: access granted by an agent, legal review of POA, caller
 * verification against the sealed details, and the audited export of those details (SEC-1).
 */
export const externalUserRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { inTx, who } = routeCalls(context)
    /** Hand what a change queued (notices to the people it is about) to the delivery worker, after its commit. */
    const deliver = (result: object) => context.deliveryQueue.enqueue(queuedMessagesOf(result))

    app.post(
      '/accounts/:accountNumber/external-users',
      {
        config: { permission: 'accounts.authorized_user.manage' },
        schema: {
          summary:
            'Give a person access: an authorized user, full or limited, for the holder (with their relationship to the holder), property manager, third party (scope and 30–90 days), power of attorney (waits for legal review)',
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            email: z.email().max(320),
            displayName: z.string().min(1).max(200),
            kind: GrantKind,
            relationship: Relationship.optional(),
            scope: z
              .array(z.enum(['usage', 'bills', 'service_requests']))
              .max(3)
              .optional(),
            days: z.number().int().min(1).max(3650).optional(),
            poaDocument: z.string().min(1).max(2000).optional(),
          }),
          response: { 201: AccessGiven, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const result = await inTx((tx) =>
          grantAccessByStaff({ tx, accountNumber: request.params.accountNumber, ...request.body, ...who(request) }),
        )
        await deliver(result)
        const { user, grant } = result
        return reply.status(201).send(
          jsonOf({
            user: { id: user.id, email: user.email, displayName: user.displayName },
            grant: {
              id: grant.id,
              userId: grant.userId,
              kind: grant.kind,
              status: grant.status,
              scope: [...grant.scope],
              validFrom: grant.validFrom,
              validTo: grant.validTo,
              relationship: grant.relationship,
              poaDocumentId: grant.poaDocumentId,
            },
          }),
        )
      },
    )

    app.get(
      '/poa-documents',
      {
        config: { permission: 'legal.poa.review' },
        schema: {
          summary: 'Power-of-attorney documents waiting for legal review',
          tags: ['external users'],
          response: { 200: z.object({ items: z.array(PendingPoaDocument) }) },
        },
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
          response: { 200: PoaDecision, ...errors(404, 409) },
        },
      },
      async (request) => {
        const reviewed = await inTx((tx) =>
          reviewPowerOfAttorney({ tx, documentId: request.params.documentId, ...request.body, ...who(request) }),
        )
        await deliver(reviewed)
        return reviewed
      },
    )

    app.get(
      '/accounts/:accountNumber/users',
      {
        config: { permission: 'accounts.account.read' },
        schema: {
          summary:
            'Who may use the account: its holder, authorized users (full, limited), property managers, attorneys (with legal review), third parties (scope, end); each with level, since, relationship and who added them. Audited as a view',
          tags: ['external users'],
          params: AccountParams,
          response: { 200: z.object({ accountNumber: z.string(), items: z.array(AccountUser) }) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            accountUsersForStaff({ tx, accountNumber: request.params.accountNumber, ...who(request) }),
          ),
        ) as { accountNumber: string; items: z.infer<typeof AccountUser>[] },
    )

    app.get(
      '/accounts/:accountNumber/verification-questions',
      {
        config: { permission: 'accounts.verification.record' },
        schema: {
          summary:
            "The questions for this caller on this account, from the account's market: those the agent ticks as passed or failed, and those the caller answers and the server compares with what is on file (a Great Britain account is never asked for an SSN)",
          tags: ['external users'],
          params: AccountParams,
          querystring: z.strictObject({ caller: Caller.default('holder') }),
          response: { 200: Questions, ...errors(404) },
        },
      },
      async (request) =>
        inTx((tx) =>
          verificationQuestions({ tx, accountNumber: request.params.accountNumber, caller: request.query.caller }),
        ),
    )

    app.get(
      '/verification-questions',
      {
        config: { permission: 'accounts.verification.record' },
        schema: {
          summary:
            "Deprecated: use /accounts/{accountNumber}/verification-questions. The questions for a caller in the supplier's market",
          tags: ['external users'],
          querystring: z.strictObject({ caller: Caller.default('holder') }),
          response: { 200: Questions },
        },
      },
      async (request) => inTx((tx) => verificationQuestions({ tx, caller: request.query.caller })),
    )

    app.post(
      '/accounts/:accountNumber/verifications',
      {
        config: { permission: 'accounts.verification.record' },
        schema: {
          summary:
            "Record how a caller did on the questions for who they say they are (holder, authorized user, property manager, attorney, third party) in the account's market; the security answer, SSN last four, date of birth, the caller's own email and an authorized user's relationship are given as answers and compared with what is on file (only matched or not comes back); an email request needs the sender's address, which must be on file for that caller; nothing about the account is shown unless they passed",
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            channel: z.enum(['phone', 'email', 'in_person', 'chat']).default('phone'),
            caller: Caller.default('holder'),
            senderEmail: z.email().max(320).optional(),
            passed: z.array(z.string().max(60)).max(10),
            failed: z.array(z.string().max(60)).max(10),
            answers: z
              .strictObject({
                security_answer: z.string().min(1).max(200).optional(),
                ssn_last_four: z.string().min(1).max(20).optional(),
                date_of_birth: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
                  .optional(),
                caller_email: z.email().max(320).optional(),
                relationship: Relationship.optional(),
              })
              .optional(),
          }),
          response: { 200: Verification, ...errors(404) },
        },
      },
      async (request) =>
        inTx((tx) =>
          verifyCaller({
            tx,
            accountNumber: request.params.accountNumber,
            ...request.body,
            dataKey: context.dataKey,
            ...who(request),
          }),
        ),
    )

    app.put(
      '/accounts/:accountNumber/sensitive-details',
      {
        config: { permission: 'accounts.contact.update' },
        schema: {
          summary:
            'Keep the date of birth, security answer and SSN last four, sealed with the data key (SEC-1); a detail left out keeps the one on file; read back only through the audited export',
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({
            dateOfBirth: LocalDate.optional(),
            securityAnswer: z.string().min(1).max(200).optional(),
            ssnLastFour: z
              .string()
              .regex(/^\d{4}$/, 'four digits')
              .optional(),
          }),
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          recordSensitiveDetails({
            tx,
            accountNumber: request.params.accountNumber,
            details: request.body,
            dataKey: context.dataKey,
            ...who(request),
          }),
        )
        return sendNoContent(reply)
      },
    )

    app.post(
      '/accounts/:accountNumber/sensitive-details/export',
      {
        config: { permission: 'accounts.sensitive_details.export' },
        schema: {
          summary:
            'Export the sealed date of birth, security answer and SSN last four (SEC-1): supervisors and legal reviewers only, with a reason; every export is audited',
          tags: ['external users'],
          params: AccountParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
          response: { 200: SensitiveDetailsExport, ...errors(404) },
        },
      },
      async (request, reply) => {
        const exported = await inTx((tx) =>
          exportAccountSensitiveDetails({
            tx,
            accountNumber: request.params.accountNumber,
            reason: request.body.reason,
            dataKey: context.dataKey,
            ...who(request),
          }),
        )
        return reply.header('cache-control', 'no-store').send(jsonOf(exported))
      },
    )

    // USR-3: changes an agent makes for the holder, or removal at the user's own request; the user and
    // the account's email are told, as when the holder makes them in the portal.

    app.patch(
      '/accounts/:accountNumber/authorized-users/:userId',
      {
        config: { permission: 'accounts.authorized_user.manage' },
        schema: {
          summary: "Change an authorized user's level for the holder; the user and the account's email are told",
          tags: ['external users'],
          params: UserParams,
          body: z.strictObject({ level: Level }),
          response: {
            200: z.object({ id: z.string().describe('the user'), kind: GrantKind, status: GrantStatus }),
            ...errors(404),
          },
        },
      },
      async (request) => {
        const result = await callAs(context, request, (scope) =>
          changeAccountUserLevelByStaff({
            accountNumber: request.params.accountNumber,
            userId: request.params.userId,
            level: request.body.level,
            ...scope,
          }),
        )
        await context.deliveryQueue.enqueue(result.messages.map((message) => message.id))
        return jsonOf({ id: result.grant.userId, kind: result.grant.kind, status: result.grant.status })
      },
    )

    app.delete(
      '/accounts/:accountNumber/authorized-users/:userId',
      {
        config: { permission: 'accounts.authorized_user.manage' },
        schema: {
          summary:
            'Remove an authorized user, asked by the holder or by the user themselves; the user and the account are told',
          tags: ['external users'],
          params: UserParams,
          querystring: z.strictObject({ requestedBy: z.enum(['holder', 'user']).default('holder') }),
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        const removed = await callAs(context, request, (scope) =>
          removeAccountUserByStaff({
            accountNumber: request.params.accountNumber,
            userId: request.params.userId,
            requestedBy: request.query.requestedBy,
            ...scope,
          }),
        )
        await context.deliveryQueue.enqueue(removed.messages.map((message) => message.id))
        return sendNoContent(reply)
      },
    )
  }
