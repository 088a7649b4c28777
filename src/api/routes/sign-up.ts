/**
 * Quotes and sign-up (ONB-1, ONB-2): public, no login. `GET /api/quote` prices the supplier's
 * tariffs for a postcode; `POST /api/sign-ups` opens an account from a quote. Public POSTs under
 * /api/ are rate limited per address (and per `email`, which this body does not carry at its top
 * level) by `rate-limits.ts`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as tariffs from '../../modules/tariffs/index.js'
import { quote, quoteFuels, usageLevels } from '../../usecases/quote.js'
import { coolingOffDays, directDebitGuarantee, signUp } from '../../usecases/sign-up.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, MinorOut } from '../responses.js'
import { EmailAddress, jsonOf, TextUpTo } from '../schemas.js'

const tags = ['sign-up']

const Kwh = z
  .string()
  .regex(/^\d{1,6}$/, 'whole kWh a year, like 2700')
  .transform((value) => Number(value))

const QuoteQuery = z.strictObject({
  postcode: TextUpTo(12).describe('The supply postcode, like SW9 8AB'),
  electricityKwh: Kwh.optional().describe('Electricity a year, kWh; typical for `usage` when not given'),
  gasKwh: Kwh.optional().describe('Gas a year, kWh; giving it quotes gas too'),
  usage: z.enum(usageLevels).optional().describe("Ofgem's typical consumption level when kWh are not known (medium)"),
  fuels: z
    .enum(quoteFuels)
    .optional()
    .describe("'dual' quotes gas too (at the typical level unless gasKwh is given); electricity only by default"),
  paymentMethod: z.enum(tariffs.paymentMethods).optional().describe('DIRECT_DEBIT unless given'),
})

const Region = z.object({ code: z.string(), name: z.string() })

const QuoteOut = z
  .object({
    postcode: z.string(),
    region: Region,
    otherRegions: z.array(Region).describe('regions a boundary district may be in: the MPAN settles it'),
    paymentMethod: z.enum(tariffs.paymentMethods),
    pricesAt: InstantOut,
    consumption: z.object({
      electricityKwh: z.number(),
      gasKwh: z.number().nullable(),
      electricitySource: z.string().describe("'given', or the typical level used"),
      gasSource: z.string().nullable(),
    }),
    products: z.array(
      z.object({
        code: z.string(),
        displayName: z.string(),
        fullName: z.string(),
        description: z.string(),
        isVariable: z.boolean(),
        isGreen: z.boolean(),
        term: z.number().nullable(),
        exitFeeMinor: MinorOut,
        fuels: z.array(
          z.object({
            fuel: z.enum(tariffs.fuels),
            tariffCode: z.string(),
            unitRateIncVat: z.string().describe('pence per kWh including VAT'),
            standingChargeIncVat: z.string().describe('pence per day including VAT'),
            annualKwh: z.number(),
            annualCostMinor: MinorOut,
          }),
        ),
        annualCostMinor: MinorOut.describe('kWh × unit rate + 365 × standing charge, VAT included, rounded once'),
      }),
    ),
    notQuoted: z.array(
      z.object({
        code: z.string(),
        displayName: z.string(),
        structure: z.string(),
        direction: z.string(),
        reason: z.string(),
      }),
    ),
    coolingOffDays: z.number(),
    directDebitGuarantee: z.string().describe('the Direct Debit Guarantee in full, to show before a mandate'),
  })
  .meta({ id: 'Quote' })

const Name = TextUpTo(100).refine((value) => value.trim().length > 0, 'required')

const SignUpBody = z.strictObject({
  customer: z.strictObject({
    title: TextUpTo(20).nullish(),
    givenName: Name,
    familyName: Name,
    email: EmailAddress,
    phone: z.string().regex(/^\+?[\d\s()-]{6,30}$/, 'a phone number'),
  }),
  supplyAddress: z.strictObject({
    line1: Name,
    line2: TextUpTo(100).nullish(),
    town: Name,
    postcode: TextUpTo(12),
  }),
  region: z.string().regex(/^_[A-P]$/, "the quote's region, _A to _P"),
  mpan: TextUpTo(30),
  mprn: TextUpTo(20).nullish(),
  productCode: TextUpTo(60),
  exportProductCode: TextUpTo(60).nullish(),
  exportMpan: TextUpTo(30).nullish(),
  hasSmartMeter: z.boolean().optional(),
  hasEvOrCharger: z.boolean().optional(),
  electricityKwh: z.number().int().min(0).max(100_000).optional(),
  gasKwh: z.number().int().min(0).max(100_000).optional(),
  payment: z.discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('DIRECT_DEBIT'),
      accountHolder: Name,
      sortCode: z.string().max(10),
      accountNumber: z.string().max(12),
      guaranteeAcknowledged: z.boolean(),
    }),
    z.strictObject({ method: z.literal('NON_DIRECT_DEBIT') }),
  ]),
  consents: z.strictObject({ terms: z.boolean(), marketing: z.boolean() }),
})

const SignUpOut = z
  .object({
    accountNumber: z.string(),
    openedOn: DateOut,
    supplyStartsOn: DateOut.describe('the requested supply start; pending until the switch completes'),
    supplyStatus: z.literal('pending'),
    coolingOffEndsOn: DateOut,
    meterPoints: z.array(z.object({ identifier: z.string(), tariffCode: z.string() })),
    directDebit: z.object({ bankLast4: z.string(), paymentDay: z.number() }).nullable(),
  })
  .meta({ id: 'SignUp' })

export const signUpRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/quote',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'A quote for a postcode: the region, each tariff on sale there and an estimated annual cost',
          description:
            'Single-rate products are estimated; time-of-use, EV, Agile, Economy 7 and export products are listed under notQuoted with the reason. An unknown postcode is a 400 naming `postcode`.',
          tags,
          security: [],
          querystring: QuoteQuery,
          response: { 200: QuoteOut },
        },
      },
      async (request) => {
        const result = await quote({ tx: context.db, request: request.query, at: context.clock() })
        return jsonOf({
          ...result,
          coolingOffDays,
          directDebitGuarantee: directDebitGuarantee(context.supplier().name),
        })
      },
    )

    app.post(
      '/sign-ups',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Sign up from a quote: opens the account with a pending supply start and sends the welcome email',
          description:
            'Refused as a whole (400, each field named) for a postcode outside the quote region, a bad MPAN check digit, or a product the home is not eligible for; nothing is written then.',
          tags,
          security: [],
          body: SignUpBody,
          response: { 201: SignUpOut, ...errors(409) },
        },
      },
      async (request, reply) => {
        const result = await signUp({
          db: context.db,
          request: request.body,
          processor: context.paymentProcessor,
          queue: context.deliveryQueue,
          at: context.clock(),
        })
        reply.status(201)
        return jsonOf(result)
      },
    )
  }
