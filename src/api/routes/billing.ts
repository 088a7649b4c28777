import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as billing from '../../modules/billing/index.js'
import {
  accountBalance,
  accountBusinessBilling,
  accountHistoricalBills,
  accountStatement,
  accountStatementPdf,
  accountStatements,
  billAccountNow,
  decideHeldStatement,
  finalBill,
  previewBillNow,
  rebillStatement,
} from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { errors, fileResponse, pageOf, sendPdf } from '../responses.js'
import { callAs, whoOf } from '../route-calls.js'
import { AccountParams, jsonOf, LocalDate, PageQuery } from '../schemas.js'
import {
  AccountBalance,
  BillingDocument,
  BillPreview,
  HeldStatement,
  HistoricalBill,
  Statement,
  StatementDetail,
} from './billing-schemas.js'

const StatementNumber = z.string().regex(/^S-\d{8}$/, 'a statement number like S-00000012')

/** What billing an account answers: its statement, and whether it was made now. */
const BillResult = z.object({
  statement: Statement,
  created: z.boolean().describe('false when the period was billed already: its statement is returned'),
})

export const billingRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:accountNumber/statements',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: "The account's statements, every version, newest period first",
          tags: ['billing'],
          params: AccountParams,
          querystring: PageQuery,
          response: { 200: pageOf(Statement), ...errors(404) },
        },
      },
      async (request) => {
        const page = await callAs(context, request, (scope) =>
          accountStatements({ accountNumber: request.params.accountNumber, ...request.query, ...scope }),
        )
        return jsonOf(page)
      },
    )

    app.get(
      '/accounts/:accountNumber/statements/:number',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: 'One statement with its lines, explanation and final settlement',
          tags: ['billing'],
          params: AccountParams.extend({ number: StatementNumber }),
          response: { 200: z.object({ statement: StatementDetail }), ...errors(404) },
        },
      },
      async (request) => {
        const statement = await callAs(context, request, (scope) =>
          accountStatement({
            accountNumber: request.params.accountNumber,
            number: request.params.number,
            ...scope,
          }),
        )
        return { statement: jsonOf(statement) }
      },
    )

    app.get(
      '/accounts/:accountNumber/statements/:number/pdf',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: 'The statement as a PDF; duplicate=true marks it as a duplicate',
          tags: ['billing'],
          params: AccountParams.extend({ number: StatementNumber }),
          querystring: z.strictObject({ duplicate: z.enum(['true', 'false']).default('false') }),
          response: { 200: fileResponse('application/pdf', 'The statement as a PDF'), ...errors(404) },
        },
      },
      async (request, reply) => {
        const duplicate = request.query.duplicate === 'true'
        const pdf = await accountStatementPdf({
          db: context.db,
          accountNumber: request.params.accountNumber,
          number: request.params.number,
          duplicate,
          ...whoOf(context, request),
        })
        return sendPdf(reply, `${request.params.number}${duplicate ? '-duplicate' : ''}.pdf`, pdf)
      },
    )

    app.get(
      '/accounts/:accountNumber/balance',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: "The account's balance (positive: the customer owes) and past-due amount by age",
          tags: ['billing'],
          params: AccountParams,
          response: { 200: AccountBalance, ...errors(404) },
        },
      },
      async (request) => {
        const balance = await callAs(context, request, (scope) =>
          accountBalance({
            accountNumber: request.params.accountNumber,
            ...scope,
          }),
        )
        return jsonOf(balance)
      },
    )

    app.get(
      '/accounts/:accountNumber/bill-preview',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary:
            'What billing the account now, up to the start of `on` (default today), would make: the draft and why it would be held, written nowhere',
          tags: ['billing'],
          params: AccountParams,
          querystring: z.strictObject({ on: LocalDate.optional() }),
          response: { 200: BillPreview, ...errors(404, 409) },
        },
      },
      async (request) => {
        const preview = await callAs(context, request, (scope) =>
          previewBillNow({ accountNumber: request.params.accountNumber, on: request.query.on, ...scope }),
        )
        return jsonOf(preview)
      },
    )

    app.post(
      '/accounts/:accountNumber/statements',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary:
            'Bill the account now, up to the start of `on` (default today); the same period again returns its statement',
          tags: ['billing'],
          params: AccountParams,
          body: z.strictObject({ on: LocalDate.optional() }).default({}),
          response: { 201: BillResult, 200: BillResult, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const result = await callAs(context, request, (scope) =>
          billAccountNow({
            accountNumber: request.params.accountNumber,
            on: request.body.on,
            ...scope,
          }),
        )
        return reply
          .status(result.created ? 201 : 200)
          .send({ statement: jsonOf(result.statement), created: result.created })
      },
    )

    app.post(
      '/accounts/:accountNumber/final-bill',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary:
            'Final bill to the move-out date (estimating the final read if none) and the final balance settlement',
          tags: ['billing'],
          params: AccountParams,
          body: z.strictObject({ moveOutOn: LocalDate }),
          response: { 201: BillResult, 200: BillResult, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const result = await callAs(context, request, (scope) =>
          finalBill({
            accountNumber: request.params.accountNumber,
            moveOutOn: request.body.moveOutOn,
            ...scope,
          }),
        )
        return reply
          .status(result.created ? 201 : 200)
          .send({ statement: jsonOf(result.statement), created: result.created })
      },
    )

    app.post(
      '/statements/:number/rebill',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary: 'Un-bill and re-bill the statement after corrected readings; the ledger moves by the difference',
          tags: ['billing'],
          params: z.strictObject({ number: StatementNumber }),
          response: { 201: z.object({ statement: Statement }), ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const statement = await callAs(context, request, (scope) =>
          rebillStatement({ number: request.params.number, ...scope }),
        )
        return reply.status(201).send({ statement: jsonOf(statement) })
      },
    )

    app.get(
      '/statements/held',
      {
        config: { permission: 'billing.anomaly.resolve' },
        schema: {
          summary: 'Statements held for review by a billing run, oldest first',
          tags: ['billing'],
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(HeldStatement) }) },
        },
      },
      async (request) => {
        const items = await billing.heldStatements({ tx: context.db, limit: request.query.limit })
        return { items: jsonOf(items) }
      },
    )

    app.post(
      '/statements/:number/release',
      {
        config: { permission: 'billing.anomaly.resolve' },
        schema: {
          summary: 'Issue a held statement',
          tags: ['billing'],
          params: z.strictObject({ number: StatementNumber }),
          response: { 200: z.object({ statement: Statement }), ...errors(404, 409) },
        },
      },
      async (request) => {
        const statement = await callAs(context, request, (scope) =>
          decideHeldStatement({
            number: request.params.number,
            decision: { release: true },
            ...scope,
          }),
        )
        return { statement: jsonOf(statement) }
      },
    )

    app.post(
      '/statements/:number/reject',
      {
        config: { permission: 'billing.anomaly.resolve' },
        schema: {
          summary: 'Reject a held statement: nothing is charged and the period can be billed again',
          tags: ['billing'],
          params: z.strictObject({ number: StatementNumber }),
          body: z.strictObject({ reason: z.string().max(500) }),
          response: { 200: z.object({ statement: Statement }), ...errors(404, 409) },
        },
      },
      async (request) => {
        const statement = await callAs(context, request, (scope) =>
          decideHeldStatement({
            number: request.params.number,
            decision: { reject: request.body.reason },
            ...scope,
          }),
        )
        return { statement: jsonOf(statement) }
      },
    )

    app.get(
      '/accounts/:accountNumber/historical-bills',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: 'Bills from the old billing system (migrated accounts), newest first',
          tags: ['billing'],
          params: AccountParams,
          response: { 200: z.object({ items: z.array(HistoricalBill) }), ...errors(404) },
        },
      },
      async (request) => {
        const items = await callAs(context, request, (scope) =>
          accountHistoricalBills({
            accountNumber: request.params.accountNumber,
            ...scope,
          }),
        )
        return { items: jsonOf(items) }
      },
    )

    app.get(
      '/accounts/:accountNumber/business-billing',
      {
        config: { permission: 'billing.statement.read' },
        schema: {
          summary: "A business account's uninvoiced charges and credits, and its invoices and credit notes",
          tags: ['billing'],
          params: AccountParams,
          response: {
            200: z.object({ uninvoiced: z.array(Statement), documents: z.array(BillingDocument) }),
            ...errors(404),
          },
        },
      },
      async (request) => {
        const result = await callAs(context, request, (scope) =>
          accountBusinessBilling({
            accountNumber: request.params.accountNumber,
            ...scope,
          }),
        )
        return jsonOf(result)
      },
    )

    app.post(
      '/accounts/:accountNumber/documents',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary: 'Put uninvoiced charges on a new invoice, or credits on a new credit note (never both)',
          tags: ['billing'],
          params: AccountParams,
          body: z.strictObject({
            kind: z.enum(['invoice', 'credit_note']),
            statements: z.array(StatementNumber).min(1).max(100),
          }),
          response: { 201: z.object({ document: BillingDocument }), ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const document = await callAs(context, request, (scope) =>
          billing.createDocument({
            accountNumber: request.params.accountNumber,
            kind: request.body.kind,
            statementNumbers: request.body.statements,
            ...scope,
          }),
        )
        return reply.status(201).send({ document: jsonOf(document) })
      },
    )

    app.post(
      '/documents/:number/issue',
      {
        config: { permission: 'billing.rebill.create' },
        schema: {
          summary: 'Issue an invoice or credit note to the customer: its charges or credits are posted',
          tags: ['billing'],
          params: z.strictObject({
            number: z.string().regex(/^(INV|CRN)-\d{8}$/, 'a document number like INV-00000001'),
          }),
          response: { 200: z.object({ document: BillingDocument }), ...errors(404, 409) },
        },
      },
      async (request) => {
        const document = await callAs(context, request, (scope) =>
          billing.issueDocument({ number: request.params.number, ...scope }),
        )
        return { document: jsonOf(document) }
      },
    )
  }
