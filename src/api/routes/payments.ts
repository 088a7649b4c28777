import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as payments from '../../modules/payments/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import {
  accountAdequacyReview,
  accountArrangements,
  accountNextCollection,
  accountPayments,
  addAccountPaymentMethod,
  arrangementLetter,
  createAccountArrangement,
  onAccount,
  recordCheque,
  removeAccountPaymentMethod,
  requestAccountCredit,
  setAccountNextCollection,
  setupAccountDirectDebit,
  takeAccountPayment,
  viewAccountStatus,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import {
  DateOut,
  ErrorResponse,
  errors,
  fileResponse,
  InstantOut,
  MinorOut,
  NoContent,
  sendNoContent,
  sendPdf,
} from '../responses.js'
import { routeCalls } from '../route-calls.js'
import { AccountParams, jsonOf, LocalDate, Minor, PageQuery } from '../schemas.js'
import {
  AccountStatusOut,
  AdequacyReviewOut,
  ArrangementOut,
  CardIn,
  CreditRequestOut,
  DirectDebitApprovalOut,
  DirectDebitOut,
  PaymentMethodOut,
  PaymentOut,
} from './payments-schemas.js'

const Confirmation = z
  .string()
  .regex(/^P-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, 'a confirmation number like P-7K4M-9QX2')
  .transform((value) => value.toUpperCase())
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

export class IdempotencyKeyMissing extends withCode(ValidationFailed, 'IDEMPOTENCY_KEY_MISSING') {}

const TakenPayment = z.object({
  payment: PaymentOut,
  replayed: z.boolean().describe('true when the Idempotency-Key was seen before: the same payment again'),
})
const CreditAnswer = z.object({
  request: CreditRequestOut,
  replayed: z.boolean().describe('true when the Idempotency-Key was seen before: the same request again'),
})

export const paymentRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { inTx, who } = routeCalls(context)
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
          querystring: PageQuery,
          response: {
            200: z.object({
              items: z.array(PaymentOut).describe('payments, newest first'),
              nextCursor: z.string().nullable(),
              methods: z.array(PaymentMethodOut),
              directDebit: DirectDebitOut.nullable(),
              creditRequests: z.array(CreditRequestOut),
            }),
            ...errors(404),
          },
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
            card: CardIn.extend({ save: z.boolean().optional() }).optional(),
            statementNumber: z
              .string()
              .regex(/^S-\d{8}$/, 'a statement number like S-00000012')
              .optional(),
            reference: z.string().max(100).optional(),
          }),
          response: {
            200: TakenPayment.describe('a retry: the payment the Idempotency-Key took before'),
            201: TakenPayment,
            402: ErrorResponse.describe('declined: details carry the payment and whether a retry may succeed'),
            ...errors(404, 409),
          },
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
        // Through the declared shape here too: a decline carries the payment in its error details.
        const payment = PaymentOut.parse(jsonOf(result.payment))
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
          response: { 200: z.object({ payment: PaymentOut }), ...errors(404) },
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
            z.strictObject({ kind: z.literal('card'), card: CardIn }),
            z.strictObject({ kind: z.literal('bank_account'), bankAccount: BankAccount }),
          ]),
          response: { 201: z.object({ paymentMethod: PaymentMethodOut }), ...errors(404) },
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
          response: { 204: NoContent, ...errors(404) },
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
        return sendNoContent(reply)
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
            response: {
              200: CreditAnswer.describe('a retry: the request the Idempotency-Key made before'),
              201: CreditAnswer.describe('done'),
              202: CreditAnswer.describe('above the limit: waiting for a supervisor'),
              ...errors(404, 409),
            },
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
          response: {
            200: z.object({ credits: z.array(CreditRequestOut), directDebits: z.array(DirectDebitApprovalOut) }),
          },
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
          response: { 200: z.object({ request: CreditRequestOut }), ...errors(404, 409) },
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
          response: {
            200: z.object({
              outcome: z.enum(['collected', 'nothing_due', 'failed', 'awaiting_approval', 'rejected']),
              paymentId: z.string().nullable().describe('the payment collected, when approved'),
            }),
            ...errors(404, 409),
          },
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
          response: { 200: z.object({ directDebit: DirectDebitOut }), ...errors(404) },
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
        schema: {
          summary: 'Cancel the Direct Debit',
          tags: ['payments'],
          params: AccountParams,
          response: { 204: NoContent, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const cancelled = await inTx((tx) =>
          onAccount(tx, request.params.accountNumber, (accountId) =>
            payments.cancelDirectDebit({ tx, accountId, ...who(request) }),
          ),
        )
        if (!cancelled) {
          return reply
            .status(404)
            .send({ error: { code: 'DIRECT_DEBIT_NOT_FOUND', message: 'The account has no Direct Debit' } })
        }
        return sendNoContent(reply)
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
          response: { 200: AdequacyReviewOut, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            accountAdequacyReview({ tx, accountNumber: request.params.accountNumber, ...who(request) }),
          ),
        ),
    )

    const NextCollectionOut = z
      .object({
        collectOn: DateOut,
        amountMinor: MinorOut.describe('what the collection will take: the amount set for it, else the rule’s'),
        ruleAmountMinor: MinorOut.describe("what the Direct Debit's rule says of the balance now"),
        setAmount: z
          .object({ amountMinor: MinorOut, reason: z.string(), setBy: z.string().nullable(), setAt: InstantOut })
          .nullable()
          .describe('the amount a billing specialist set for this collection, with why'),
      })
      .nullable()
      .describe('null without an active Direct Debit')

    app.get(
      '/accounts/:accountNumber/direct-debit/next-collection',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: "The Direct Debit's next collection: its date and amount (a view of the account)",
          tags: ['payments'],
          params: AccountParams,
          response: { 200: z.object({ nextCollection: NextCollectionOut }), ...errors(404) },
        },
      },
      async (request) => ({
        nextCollection: jsonOf(
          await inTx((tx) =>
            accountNextCollection({ tx, accountNumber: request.params.accountNumber, ...who(request) }),
          ),
        ),
      }),
    )

    app.put(
      '/accounts/:accountNumber/direct-debit/next-collection',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary:
            "Set the amount of the Direct Debit's next collection (a billing specialist, after a rebill): taken once, audited",
          tags: ['payments'],
          params: AccountParams,
          body: z.strictObject({ amountMinor: Minor, reason: z.string().max(500) }),
          response: { 200: z.object({ nextCollection: NextCollectionOut }), ...errors(404) },
        },
      },
      async (request) => ({
        nextCollection: jsonOf(
          await inTx((tx) =>
            setAccountNextCollection({
              tx,
              accountNumber: request.params.accountNumber,
              amountMinor: request.body.amountMinor,
              reason: request.body.reason,
              ...who(request),
            }),
          ),
        ),
      }),
    )

    app.get(
      '/accounts/:accountNumber/arrangements',
      {
        config: { permission: 'payments.history.read' },
        schema: {
          summary: 'Payment arrangements with each instalment and where it stands',
          tags: ['payments'],
          params: AccountParams,
          response: {
            200: z.object({
              items: z.array(ArrangementOut).describe('newest first'),
              today: DateOut,
              pastDueMinor: MinorOut.describe('what an arrangement set up today would cover'),
              downPaymentPercent: z
                .number()
                .describe("the supplier's default down payment, a percentage of what is past due"),
            }),
            ...errors(404),
          },
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
          response: {
            201: z.object({
              arrangement: ArrangementOut,
              messageId: z.string().describe('the message that sends the terms'),
            }),
            ...errors(404, 409),
          },
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
          response: { 200: fileResponse('application/pdf', 'The agreement letter'), ...errors(404) },
        },
      },
      async (request, reply) => {
        const pdf = await arrangementLetter({
          db: context.db,
          accountNumber: request.params.accountNumber,
          arrangementId: request.params.arrangementId,
          ...who(request),
        })
        return sendPdf(reply, `arrangement-${request.params.accountNumber}.pdf`, pdf)
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
          response: { 200: AccountStatusOut, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) => viewAccountStatus({ tx, accountNumber: request.params.accountNumber, ...who(request) })),
        ),
    )
  }
