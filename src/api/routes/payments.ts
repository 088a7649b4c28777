import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction, type Tx } from '../../db/index.js'
import * as payments from '../../modules/payments/index.js'
import { ValidationFailed } from '../../shared/errors.js'
import {
  accountAdequacyReview,
  accountArrangements,
  accountPayments,
  addAccountPaymentMethod,
  arrangementLetter,
  createAccountArrangement,
  onAccount,
  recordCheque,
  removeAccountPaymentMethod,
  requestAccountCredit,
  setupAccountDirectDebit,
  takeAccountPayment,
  viewAccountStatus,
} from '../../usecases/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, jsonOf, LocalDate, Minor } from '../schemas.js'

const Confirmation = z
  .string()
  .regex(/^P-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, 'a confirmation number like P-7K4M-9QX2')
  .transform((value) => value.toUpperCase())
const Card = z.strictObject({
  number: z.string().min(12).max(23),
  expiryMonth: z.number().int(),
  expiryYear: z.number().int(),
  cvc: z.string().max(4),
  holderName: z.string().max(100).optional(),
})
const BankAccount = z.strictObject({
  accountNumber: z.string().max(17),
  bankCode: z.string().max(9),
  holderName: z.string().max(100),
})
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string({ error: 'send an Idempotency-Key header: a unique value per payment, reused only for retries' })
    .min(8, 'at least 8 characters')
    .max(200),
})

export class IdempotencyKeyMissing extends ValidationFailed {
  override readonly code = 'IDEMPOTENCY_KEY_MISSING'
}

export const paymentRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(context.db, work)
    const who = (request: FastifyRequest) => ({ actor: actorOf(request), at: context.clock() })
    const processor = context.paymentProcessor

    app.get(
      '/accounts/:accountNumber/payments',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary:
            'Payments (newest first, with their events), kept payment methods, Direct Debit, credits and refunds',
          tags: ['payments'],
          params: AccountParams,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(200).optional(),
          }),
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            accountPayments({ tx, accountNumber: request.params.accountNumber, ...request.query, ...who(request) }),
          ),
        ),
    )

    app.post(
      '/accounts/:accountNumber/payments',
      {
        config: { permission: 'payments.payment.create', cardFields: ['card.number', 'card.cvc'] },
        schema: {
          summary:
            'Take a payment; answers its confirmation number. Send an Idempotency-Key header: a retry with the same key returns the same payment, a different body with it is refused (409)',
          tags: ['payments'],
          params: AccountParams,
          headers: IdempotencyHeaders,
          body: z.strictObject({
            method: z.enum(['card', 'bank_account', 'check', 'cash']),
            amountMinor: Minor,
            paymentMethodId: z.string().max(60).optional(),
            card: Card.extend({ save: z.boolean().optional() }).optional(),
            statementNumber: z
              .string()
              .regex(/^S-\d{8}$/, 'a statement number like S-00000012')
              .optional(),
            reference: z.string().max(100).optional(),
          }),
        },
      },
      async (request, reply) => {
        const result = await takeAccountPayment({
          db: context.db,
          processor,
          accountNumber: request.params.accountNumber,
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          ...who(request),
        })
        const payment = jsonOf(result.payment)
        if (result.payment.status === 'failed') {
          const failure = result.payment.failure
          return reply.status(402).send({
            error: {
              code: 'PAYMENT_DECLINED',
              message: `The payment was declined: ${failure?.message ?? 'no reason given'}`,
              details: { payment, retryable: failure?.code === 'processing_error' },
            },
          })
        }
        return reply.status(result.replayed ? 200 : 201).send({ payment, replayed: result.replayed })
      },
    )

    app.post(
      '/accounts/:accountNumber/payments/:confirmationNumber/cheque-outcome',
      {
        config: { permission: 'payments.payment.create' },
        schema: {
          summary: 'A pending cheque cleared (succeeded) or bounced (failed: the payment is reversed)',
          tags: ['payments'],
          params: AccountParams.extend({ confirmationNumber: Confirmation }),
          body: z.strictObject({ outcome: z.enum(['succeeded', 'failed']) }),
        },
      },
      async (request) => ({
        payment: jsonOf(
          await inTx((tx) =>
            recordCheque({
              tx,
              accountNumber: request.params.accountNumber,
              confirmationNumber: request.params.confirmationNumber,
              outcome: request.body.outcome,
              ...who(request),
            }),
          ),
        ),
      }),
    )

    app.post(
      '/accounts/:accountNumber/payment-methods',
      {
        config: { permission: 'payments.payment.create', cardFields: ['card.number', 'card.cvc'] },
        schema: {
          summary: 'Keep a card or bank account: only its token, brand and last four digits are stored',
          tags: ['payments'],
          params: AccountParams,
          body: z.discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('card'), card: Card }),
            z.strictObject({ kind: z.literal('bank_account'), bankAccount: BankAccount }),
          ]),
        },
      },
      async (request, reply) => {
        const method = await inTx((tx) =>
          addAccountPaymentMethod({
            tx,
            processor,
            accountNumber: request.params.accountNumber,
            input: request.body,
            ...who(request),
          }),
        )
        return reply.status(201).send({ paymentMethod: jsonOf(method) })
      },
    )

    app.delete(
      '/accounts/:accountNumber/payment-methods/:paymentMethodId',
      {
        config: { permission: 'payments.payment.create' },
        schema: {
          summary: 'Stop keeping a payment method',
          tags: ['payments'],
          params: AccountParams.extend({ paymentMethodId: z.string().max(60) }),
        },
      },
      async (request, reply) => {
        await inTx((tx) =>
          removeAccountPaymentMethod({
            tx,
            accountNumber: request.params.accountNumber,
            paymentMethodId: request.params.paymentMethodId,
            ...who(request),
          }),
        )
        return reply.status(204).send()
      },
    )

    const creditBody = z.strictObject({
      amountMinor: Minor,
      reason: z.string().min(1).max(500),
      refundToPaymentMethodId: z.string().max(60).optional(),
    })
    for (const [url, kind, permission] of [
      ['/accounts/:accountNumber/credits', 'goodwill_credit', 'payments.credit.create'],
      ['/accounts/:accountNumber/refunds', 'refund', 'payments.refund.create'],
    ] as const) {
      app.post(
        url,
        {
          config: { permission },
          schema: {
            summary:
              kind === 'refund'
                ? 'Refund an overpayment (never more than the credit balance or what was paid); above the limit it waits for a supervisor'
                : "Give a goodwill credit; above the supplier's limit (over 24 hours) it waits for a supervisor",
            tags: ['payments'],
            params: AccountParams,
            headers: IdempotencyHeaders,
            body: kind === 'refund' ? creditBody : creditBody.omit({ refundToPaymentMethodId: true }),
          },
        },
        async (request, reply) => {
          const body = request.body as z.infer<typeof creditBody>
          const result = await inTx((tx) =>
            requestAccountCredit({
              tx,
              processor,
              accountNumber: request.params.accountNumber,
              kind,
              amountMinor: body.amountMinor,
              reason: body.reason,
              refundToPaymentMethodId: body.refundToPaymentMethodId,
              idempotencyKey: request.headers['idempotency-key'],
              ...who(request),
            }),
          )
          const status = result.replayed ? 200 : result.request.status === 'pending_approval' ? 202 : 201
          return reply.status(status).send({ request: jsonOf(result.request), replayed: result.replayed })
        },
      )
    }

    app.get(
      '/approvals',
      {
        config: { permission: 'payments.credit.approve_over_limit' },
        schema: {
          summary:
            'Credits and refunds over the limit, and business Direct Debits over the threshold, waiting for approval',
          tags: ['payments'],
        },
      },
      async () =>
        jsonOf(
          await inTx(async (tx) => ({
            credits: await payments.pendingApprovals({ tx }),
            directDebits: await payments.collectionsAwaitingApproval({ tx }),
          })),
        ),
    )

    app.post(
      '/approvals/credits/:requestId',
      {
        config: { permission: 'payments.credit.approve_over_limit' },
        schema: {
          summary: 'Approve or reject a credit or refund waiting for approval (never your own)',
          tags: ['payments'],
          params: z.strictObject({ requestId: z.string().max(60) }),
          body: z.strictObject({ approve: z.boolean(), note: z.string().max(500).optional() }),
        },
      },
      async (request) => ({
        request: jsonOf(
          await inTx((tx) =>
            payments.decideCreditRequest({
              tx,
              processor,
              requestId: request.params.requestId,
              approve: request.body.approve,
              note: request.body.note,
              ...who(request),
            }),
          ),
        ),
      }),
    )

    app.post(
      '/approvals/direct-debits/:collectionId',
      {
        config: { permission: 'payments.credit.approve_over_limit' },
        schema: {
          summary: 'Approve (collect) or reject a business Direct Debit over the threshold',
          tags: ['payments'],
          params: z.strictObject({ collectionId: z.string().max(60) }),
          body: z.strictObject({ approve: z.boolean() }),
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            payments.decideDirectDebitCollection({
              tx,
              processor,
              collectionId: request.params.collectionId,
              approve: request.body.approve,
              ...who(request),
            }),
          ),
        ),
    )

    app.put(
      '/accounts/:accountNumber/direct-debit',
      {
        config: { permission: 'payments.payment.create' },
        schema: {
          summary:
            'Set up or replace the Direct Debit: fixed monthly amount or variable, with a debt repayment element',
          tags: ['payments'],
          params: AccountParams,
          body: z.strictObject({
            paymentMethodId: z.string().max(60),
            kind: z.enum(['fixed', 'variable']),
            amountMinor: Minor.optional(),
            debtRepaymentMinor: Minor.optional(),
            paymentDay: z.number().int(),
          }),
        },
      },
      async (request) => ({
        directDebit: jsonOf(
          await inTx((tx) =>
            setupAccountDirectDebit({
              tx,
              accountNumber: request.params.accountNumber,
              ...request.body,
              ...who(request),
            }),
          ),
        ),
      }),
    )

    app.delete(
      '/accounts/:accountNumber/direct-debit',
      {
        config: { permission: 'payments.payment.create' },
        schema: { summary: 'Cancel the Direct Debit', tags: ['payments'], params: AccountParams },
      },
      async (request, reply) => {
        const cancelled = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            payments.cancelDirectDebit({ tx, accountId, ...who(request) }),
          ),
        )
        return reply
          .status(cancelled ? 204 : 404)
          .send(
            cancelled
              ? undefined
              : { error: { code: 'DIRECT_DEBIT_NOT_FOUND', message: 'The account has no Direct Debit' } },
          )
      },
    )

    app.get(
      '/accounts/:accountNumber/direct-debit/adequacy',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: "Payment adequacy review: the fixed amount recommended from the last year's charges and the balance",
          tags: ['payments'],
          params: AccountParams,
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            accountAdequacyReview({ tx, accountNumber: request.params.accountNumber, ...who(request) }),
          ),
        ),
    )

    app.get(
      '/accounts/:accountNumber/arrangements',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: 'Payment arrangements with each instalment and where it stands',
          tags: ['payments'],
          params: AccountParams,
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => accountArrangements({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )

    app.post(
      '/accounts/:accountNumber/arrangements',
      {
        config: { permission: 'payments.arrangement.create' },
        schema: {
          summary:
            'Set up a payment arrangement for what is past due (down payment defaults to the supplier percentage) and send its terms',
          tags: ['payments'],
          params: AccountParams,
          body: z.strictObject({
            downPaymentMinor: Minor.optional(),
            instalmentMinor: Minor,
            frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
            startsOn: LocalDate.optional(),
          }),
        },
      },
      async (request, reply) => {
        const result = await inTx((tx) =>
          createAccountArrangement({
            tx,
            accountNumber: request.params.accountNumber,
            ...request.body,
            ...who(request),
          }),
        )
        // The terms go out once the arrangement is committed.
        await context.deliveryQueue.enqueue([result.messageId])
        return reply.status(201).send(jsonOf(result))
      },
    )

    app.get(
      '/accounts/:accountNumber/arrangements/:arrangementId/letter',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: 'The arrangement agreement letter as PDF',
          tags: ['payments'],
          params: AccountParams.extend({ arrangementId: z.string().max(60) }),
        },
      },
      async (request, reply) => {
        const pdf = await arrangementLetter({
          db: context.db,
          accountNumber: request.params.accountNumber,
          arrangementId: request.params.arrangementId,
          ...who(request),
        })
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="arrangement-${request.params.accountNumber}.pdf"`)
          .send(pdf)
      },
    )

    app.get(
      '/accounts/:accountNumber/status',
      {
        config: { permission: 'accounts.account.read' },
        schema: {
          summary: 'The status colour (green, yellow, red, gray), computed from rules, with its reasons',
          tags: ['accounts'],
          params: AccountParams,
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => viewAccountStatus({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )
  }
