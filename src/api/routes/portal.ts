import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction, type Tx } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import { Unauthenticated } from '../../shared/errors.js'
import {
  acceptPortalInvitation,
  changePortalUserLevel,
  inviteAuthorizedUser,
  portalAccount,
  portalContact,
  portalMe,
  portalPay,
  portalPayments,
  portalPortfolio,
  portalStatementPdf,
  portalStatements,
  portalUsage,
  portalUsers,
  queuedMessagesOf,
  removePortalUser,
  signInCustomer,
  signOutCustomer,
  updatePortalContact,
} from '../../usecases/index.js'
import { portalTenantRequests, portfolioStatementsZip, requestTenantChange } from '../../usecases/portal-portfolio.js'
import {
  portalMessages,
  portalSupplies,
  sendPortalMessage,
  submitPortalReading,
} from '../../usecases/portal-self-service.js'
import { portalCookie } from '../auth.js'
import type { AppContext } from '../context.js'
import { errors, fileResponse, NoContent, sendNoContent, sendPdf } from '../responses.js'
import { AccountParams, Instant, jsonOf, LocalDate, Minor, Password, SignInBody } from '../schemas.js'
import { CardIn } from './payments-schemas.js'
import {
  MailingAddress,
  PortalAccount,
  PortalAccountUsers,
  PortalContact,
  PortalInvitation,
  PortalMessages,
  PortalPaymentDeclined,
  PortalPayments,
  PortalPaymentTaken,
  PortalPortfolio,
  PortalReading,
  PortalSession,
  PortalStatements,
  PortalSupplies,
  PortalTenantRequest,
  PortalTenantRequests,
  PortalUsage,
  PortalUserChanged,
} from './portal-schemas.js'

/** The signed-in customer and the accounts they may open, as `portalMe` answers. */
const PortalMeOut = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  accounts: z.array(
    z.object({
      accountNumber: z.string(),
      name: z.string(),
      address: z.string(),
      kind: z.enum(access.grantKinds),
      allows: z.array(z.enum(access.portalActions)),
    }),
  ),
})
const StatementNumber = z.string().regex(/^S-\d{8}$/, 'a statement number like S-00000012')
const UserParams = AccountParams.extend({ userId: z.string().min(1).max(60) })
const Level = z.enum(['full', 'limited'])
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
const Reading = z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, 'a meter reading like 12345.6')
const TenantRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('move_in'),
    tenantName: z.string().trim().min(1).max(200),
    tenantEmail: z.email().max(320),
    moveInOn: LocalDate,
    openingReading: Reading.optional(),
    note: z.string().max(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('move_out'),
    moveOutOn: LocalDate,
    closingReading: Reading.optional(),
    note: z.string().max(2000).optional(),
  }),
])

function customerOf(request: FastifyRequest): access.CustomerPrincipal {
  if (!request.customer) throw new Unauthenticated('Sign in to your account first')
  return request.customer
}

/** The customer portal's API under /api/portal: every account route checks the caller's grant first. */
export const portalRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(context.db, work)
    const who = (request: FastifyRequest) => ({ principal: customerOf(request), at: context.clock() })
    const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
      reply.setCookie(portalCookie, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: context.secureCookies,
        path: '/',
        expires,
      })
    const tags = ['portal']

    app.post(
      '/portal/session',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Customer sign-in (sets the httpOnly cuttle_portal cookie); answers the user and their accounts',
          tags,
          body: SignInBody,
          response: { 200: PortalSession, ...errors(401) },
        },
      },
      async (request, reply) => {
        const result = await signInCustomer({ db: context.db, ...request.body, at: context.clock() })
        setCookie(reply, result.sessionToken, result.expiresAt)
        return result.me
      },
    )

    // The portal's first question on every page load: unlike GET /portal/me, nobody signed in is an
    // answer (null), not a 401 the browser would log as an error.
    app.get(
      '/portal/session/probe',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Who is signed in to the portal on this browser, if anyone: as GET /portal/me, or null',
          tags,
          response: { 200: z.object({ me: PortalMeOut.nullable() }) },
        },
      },
      async (request) => {
        const sessionToken = request.cookies[portalCookie]
        const at = context.clock()
        const principal = sessionToken
          ? await access.resolveExternalSession({ tx: context.db, sessionToken, policy: context.accessPolicy(), at })
          : null
        return { me: principal ? await inTx((tx) => portalMe({ tx, principal, at })) : null }
      },
    )

    app.get(
      '/portal/me',
      {
        config: { permission: 'customer' },
        schema: { summary: 'The signed-in customer and their accounts', tags, response: { 200: PortalSession } },
      },
      async (request) => inTx((tx) => portalMe({ tx, ...who(request) })),
    )

    app.delete(
      '/portal/session',
      {
        config: { permission: 'customer' },
        schema: { summary: 'Customer sign-out', tags, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await signOutCustomer({ db: context.db, ...who(request) })
        reply.clearCookie(portalCookie, { path: '/' })
        return sendNoContent(reply)
      },
    )

    app.get(
      '/portal/accounts/:accountNumber',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'One of my accounts: name, address, balance, status, my access',
          tags,
          params: AccountParams,
          response: { 200: PortalAccount, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(await inTx((tx) => portalAccount({ tx, accountNumber: request.params.accountNumber, ...who(request) }))),
    )

    app.get(
      '/portal/accounts/:accountNumber/statements',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'My bills (needs view_bills)',
          tags,
          params: AccountParams,
          response: { 200: PortalStatements, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => portalStatements({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.get(
      '/portal/accounts/:accountNumber/statements/:number/pdf',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'One bill as a PDF (needs view_bills)',
          tags,
          params: AccountParams.extend({ number: StatementNumber }),
          response: { 200: fileResponse('application/pdf', 'The bill as a PDF'), ...errors(404) },
        },
      },
      async (request, reply) => {
        const pdf = await portalStatementPdf({
          db: context.db,
          accountNumber: request.params.accountNumber,
          number: request.params.number,
          ...who(request),
        })
        return sendPdf(reply, `${request.params.number}.pdf`, pdf)
      },
    )

    app.get(
      '/portal/accounts/:accountNumber/usage',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'My usage by day, week or month (needs view_usage); the last 30 days by default',
          tags,
          params: AccountParams,
          querystring: z.strictObject({
            granularity: z.enum(['day', 'week', 'month']).default('day'),
            from: LocalDate.optional(),
            to: LocalDate.optional(),
            meterPoint: z.string().max(20).optional(),
          }),
          response: { 200: PortalUsage, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            portalUsage({ tx, accountNumber: request.params.accountNumber, ...request.query, ...who(request) }),
          ),
        ),
    )

    app.get(
      '/portal/accounts/:accountNumber/payments',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'My payments and kept payment methods (needs view_payments)',
          tags,
          params: AccountParams,
          response: { 200: PortalPayments, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => portalPayments({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.post(
      '/portal/accounts/:accountNumber/payments',
      {
        config: { permission: 'customer', cardFields: ['card.number', 'card.cvc'] },
        schema: {
          summary: 'Pay (needs pay): a card entered now or a kept method; send an Idempotency-Key header',
          tags,
          params: AccountParams,
          headers: z.looseObject({ 'idempotency-key': z.string().min(8).max(200) }),
          body: z.strictObject({
            amountMinor: Minor,
            card: CardIn.optional(),
            paymentMethodId: z.string().max(60).optional(),
            statementNumber: StatementNumber.optional().describe(
              'a statement to pay against; without one, the balance',
            ),
          }),
          response: {
            200: PortalPaymentTaken.describe('a retry with the same Idempotency-Key: the first answer'),
            201: PortalPaymentTaken,
            402: PortalPaymentDeclined,
            ...errors(404, 409),
          },
        },
      },
      async (request, reply) => {
        const result = await portalPay({
          db: context.db,
          processor: context.paymentProcessor,
          accountNumber: request.params.accountNumber,
          amountMinor: request.body.amountMinor,
          card: request.body.card,
          paymentMethodId: request.body.paymentMethodId,
          statementNumber: request.body.statementNumber,
          idempotencyKey: request.headers['idempotency-key'],
          ...who(request),
        })
        const payment = jsonOf(result.payment)
        if (result.payment.status === 'failed') {
          return reply.status(402).send({
            error: {
              code: 'PAYMENT_DECLINED',
              // The processor's reason says why, once ("The card was declined"), as the customer reads it.
              message: result.payment.failure?.message ?? 'The payment was declined',
              details: { payment },
            },
          })
        }
        return reply.status(result.replayed ? 200 : 201).send({ payment, replayed: result.replayed })
      },
    )

    app.get(
      '/portal/accounts/:accountNumber/supplies',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            'My supplies: meters with their registers, and the tariff each is on with its rates (needs view_bills)',
          tags,
          params: AccountParams,
          response: { 200: PortalSupplies, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => portalSupplies({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.post(
      '/portal/accounts/:accountNumber/readings',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            'Give a meter reading (needs submit_readings): checked as staff readings are; a refusal names the field and why',
          tags,
          params: AccountParams,
          body: z.strictObject({
            meterPoint: z.string().min(1).max(20),
            meterSerial: z.string().min(1).max(40),
            register: z.string().min(1).max(20),
            value: z.string().min(1).max(20).describe('what the meter shows, e.g. 12345 or 12345.6'),
            readAt: Instant.optional().describe('when the meter showed it; now when not given'),
          }),
          response: { 201: PortalReading, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const { readAt, ...reading } = request.body
        const recorded = await inTx((tx) =>
          submitPortalReading({
            tx,
            accountNumber: request.params.accountNumber,
            ...reading,
            readAt: readAt ? new Date(readAt) : undefined,
            ...who(request),
          }),
        )
        const { meterPoint, meterSerial, register, readAt: at, value, status, reason } = recorded
        return reply.status(201).send(jsonOf({ meterPoint, meterSerial, register, readAt: at, value, status, reason }))
      },
    )

    app.get(
      '/portal/accounts/:accountNumber/messages',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            'My messages with the supplier on this account and their replies, oldest first (needs contact_service)',
          tags,
          params: AccountParams,
          response: { 200: PortalMessages, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => portalMessages({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.post(
      '/portal/accounts/:accountNumber/messages',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            'Write to the supplier (needs contact_service): arrives as an inbound email on the account, answered by an agent',
          tags,
          params: AccountParams,
          body: z.strictObject({
            subject: z.string().max(200),
            body: z.string().max(10_000),
          }),
          response: { 201: PortalMessages, ...errors(404) },
        },
      },
      async (request, reply) => {
        const sent = await inTx((tx) =>
          sendPortalMessage({ tx, accountNumber: request.params.accountNumber, ...request.body, ...who(request) }),
        )
        return reply.status(201).send(jsonOf({ items: sent.items }))
      },
    )

    app.get(
      '/portal/accounts/:accountNumber/contact',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'My contact details and preferences (needs update_contact)',
          tags,
          params: AccountParams,
          response: { 200: PortalContact, ...errors(404) },
        },
      },
      async (request) =>
        inTx((tx) => portalContact({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
    )

    app.patch(
      '/portal/accounts/:accountNumber/contact',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            'Change my email, phone, paper or paperless billing, billing address, SMS (needs update_contact; billing is the holder’s)',
          tags,
          params: AccountParams,
          body: z.strictObject({
            email: z.email().max(320).optional(),
            phone: z.string().min(6).max(30).optional(),
            billingMode: z.enum(['paper', 'paperless']).optional(),
            billingAddress: z.strictObject(MailingAddress.shape).nullable().optional(),
            smsEnrolled: z.boolean().optional(),
          }),
          response: { 200: PortalContact, ...errors(404) },
        },
      },
      async (request) =>
        inTx((tx) =>
          updatePortalContact({
            tx,
            accountNumber: request.params.accountNumber,
            changes: request.body,
            ...who(request),
          }),
        ),
    )

    app.get(
      '/portal/accounts/:accountNumber/users',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'Who can use this account (needs manage_users)',
          tags,
          params: AccountParams,
          response: { 200: PortalAccountUsers, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(await inTx((tx) => portalUsers({ tx, accountNumber: request.params.accountNumber, ...who(request) }))),
    )

    app.post(
      '/portal/accounts/:accountNumber/users/invitations',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'Invite an authorized user by email (needs manage_users); the email is sent at once',
          tags,
          params: AccountParams,
          body: z.strictObject({
            email: z.email().max(320),
            level: Level,
            name: z.string().min(1).max(200).optional(),
            relationship: z.string().trim().min(1).max(100).optional(),
          }),
          response: { 201: PortalInvitation, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const at = context.clock()
        // Links in messages come from the configured public URL, never from the Host header.
        const linkBase = context.publicUrl
        const invitation = await inTx((tx) =>
          inviteAuthorizedUser({
            tx,
            accountNumber: request.params.accountNumber,
            email: request.body.email,
            inviteeName: request.body.name,
            level: request.body.level,
            relationship: request.body.relationship,
            linkBase,
            principal: customerOf(request),
            at,
          }),
        )
        await context.deliveryQueue.enqueue(queuedMessagesOf(invitation))
        return reply.status(201).send(
          jsonOf({
            invitationId: invitation.invitationId,
            email: request.body.email,
            expiresAt: invitation.expiresAt,
          }),
        )
      },
    )

    app.patch(
      '/portal/accounts/:accountNumber/users/:userId',
      {
        config: { permission: 'customer' },
        schema: {
          summary: "Change an authorized user's level (needs manage_users)",
          tags,
          params: UserParams,
          body: z.strictObject({ level: Level }),
          response: { 200: PortalUserChanged, ...errors(404) },
        },
      },
      async (request) => {
        const at = context.clock()
        const grant = await inTx((tx) =>
          changePortalUserLevel({
            tx,
            accountNumber: request.params.accountNumber,
            userId: request.params.userId,
            level: request.body.level,
            principal: customerOf(request),
            at,
          }),
        )
        await context.deliveryQueue.enqueue(queuedMessagesOf(grant))
        return jsonOf({ id: grant.userId, kind: grant.kind, status: grant.status, validTo: grant.validTo })
      },
    )

    app.delete(
      '/portal/accounts/:accountNumber/users/:userId',
      {
        config: { permission: 'customer' },
        schema: {
          summary: 'Remove an authorized user (needs manage_users)',
          tags,
          params: UserParams,
          response: { 204: NoContent, ...errors(404) },
        },
      },
      async (request, reply) => {
        const at = context.clock()
        const removed = await inTx((tx) =>
          removePortalUser({
            tx,
            accountNumber: request.params.accountNumber,
            userId: request.params.userId,
            principal: customerOf(request),
            at,
          }),
        )
        await context.deliveryQueue.enqueue(queuedMessagesOf(removed))
        return sendNoContent(reply)
      },
    )

    app.post(
      '/portal/invitations/:token/accept',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Accept an invitation: create my login (or use my existing one) and sign in',
          tags,
          params: z.strictObject({ token: z.string().min(10).max(200) }),
          body: z.strictObject({ displayName: z.string().min(1).max(200), password: Password }),
          response: { 200: PortalSession, ...errors(401, 404, 409) },
        },
      },
      async (request, reply) => {
        const at = context.clock()
        const result = await acceptPortalInvitation({
          db: context.db,
          token: request.params.token,
          ...request.body,
          at,
        })
        await context.deliveryQueue.enqueue(queuedMessagesOf(result))
        setCookie(reply, result.sessionToken, result.expiresAt)
        return result.me
      },
    )

    app.get(
      '/portal/portfolio',
      {
        config: { permission: 'customer' },
        schema: {
          summary: "A property manager's accounts with their balances",
          tags,
          response: { 200: PortalPortfolio },
        },
      },
      async (request) => jsonOf(await inTx((tx) => portalPortfolio({ tx, ...who(request) }))),
    )

    app.get(
      '/portal/portfolio/statements.zip',
      {
        config: { permission: 'customer' },
        schema: {
          summary:
            "A property manager's statements in one ZIP of PDFs: each account's latest, or every one issued in `month`",
          tags,
          querystring: z.strictObject({ month: Month.optional() }),
          response: {
            200: fileResponse(
              'application/zip',
              'The statements as PDFs in one ZIP, a folder per account, with contents.csv',
            ),
            ...errors(404),
          },
        },
      },
      async (request, reply) => {
        const result = await portfolioStatementsZip({ db: context.db, month: request.query.month, ...who(request) })
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${result.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(result.zip))
      },
    )

    app.get(
      '/portal/portfolio/tenant-requests',
      {
        config: { permission: 'customer' },
        schema: {
          summary: "A property manager's tenant start/stop requests with each case's status",
          tags,
          response: { 200: PortalTenantRequests },
        },
      },
      async (request) => jsonOf(await inTx((tx) => portalTenantRequests({ tx, ...who(request) }))),
    )

    app.post(
      '/portal/accounts/:accountNumber/tenant-requests',
      {
        config: { permission: 'customer' },
        schema: {
          summary: `Ask for a tenant's supply to start (move in) or stop (move out), within 90 days of today (needs tenant_requests); becomes a case`,
          tags,
          params: AccountParams,
          body: TenantRequest,
          response: { 201: PortalTenantRequest, ...errors(404) },
        },
      },
      async (request, reply) => {
        const made = await inTx((tx) =>
          requestTenantChange({
            tx,
            accountNumber: request.params.accountNumber,
            request: request.body,
            ...who(request),
          }),
        )
        return reply.status(201).send(jsonOf(made))
      },
    )
  }
