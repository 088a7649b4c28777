import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Tx } from '../../db/index.js'
import * as access from '../../modules/access/index.js'
import * as accounts from '../../modules/accounts/index.js'
import * as tariffs from '../../modules/tariffs/index.js'
import type { Actor } from '../../shared/actor.js'
import { approvePriceChange, queuedMessagesOf } from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut } from '../responses.js'
import { routeCalls } from '../route-calls.js'
import { Instant, jsonOf, LocalDate, Minor, TextUpTo } from '../schemas.js'

const regionCodes = accounts.gspRegions.map((region) => region.code) as [accounts.GspCode, ...accounts.GspCode[]]
const Pence = z.string().regex(/^-?\d{1,8}(\.\d{1,4})?$/, 'pence with at most 4 decimals, like "24.5671"')
const HalfHour = z.string().regex(/^([01][0-9]|2[0-3]):[03]0$/, 'a time on a half hour, HH:MM')

const ProductBody = z.strictObject({
  code: z.string().max(50).describe("capitals, digits and hyphens: 'FIX-12M-26-01'"),
  direction: z.enum(tariffs.directions),
  fullName: z.string().max(200),
  displayName: z.string().max(100),
  description: z.string().max(2000).optional(),
  isVariable: z.boolean(),
  isGreen: z.boolean().optional(),
  isTracker: z.boolean().optional(),
  isPrepay: z.boolean().optional(),
  isBusiness: z.boolean().optional(),
  isRestricted: z.boolean().optional(),
  term: z.number().int().nullable().describe('months; required for a fixed product'),
  availableFrom: Instant.describe('on a half hour; the first prices start here'),
  availableTo: Instant.nullable().optional(),
  brand: z.string().max(40),
  structure: z
    .enum(tariffs.structures)
    .describe(
      'single (fixed, variable), day_night, time_of_use (Go, Flux), dynamic (Agile), intelligent, export (Outgoing)',
    ),
  vatPercent: z.string().max(6).optional().describe('defaults to 5 domestic, 20 business, 0 export'),
  exitFeeMinor: Minor.optional().describe('per fuel; required (0 for none) on a fixed product'),
  pairedProductCode: z.string().max(50).nullable().optional().describe('the existing other half of a Flux pair'),
  supplies: z
    .array(z.strictObject({ fuel: z.enum(tariffs.fuels), registerKind: z.enum(tariffs.registerKinds) }))
    .min(1)
    .max(3),
  regions: z.array(z.enum(regionCodes)).min(1).max(14).optional().describe('all 14 GSP regions when absent'),
  bands: z
    .array(
      z.strictObject({
        rateKind: z.enum(tariffs.bandRateKinds),
        startTime: HalfHour,
        endTime: HalfHour,
        timeZone: z.enum(tariffs.bandTimeZones),
        validFrom: Instant,
        validTo: Instant.nullable().optional(),
      }),
    )
    .max(12)
    .optional(),
  rates: z
    .array(
      z.strictObject({
        fuel: z.enum(tariffs.fuels),
        registerKind: z.enum(tariffs.registerKinds).optional(),
        region: z.enum(regionCodes).optional().describe('every region of the product when absent'),
        kind: z.enum(tariffs.rateKinds),
        paymentMethod: z.enum(tariffs.paymentMethods).nullable(),
        valueExcVat: Pence.optional(),
        valueIncVat: Pence.optional(),
      }),
    )
    .min(1)
    .max(1000),
})

const ProductCreated = z.object({
  product: z.object({
    id: z.string(),
    code: z.string(),
    tariffs: z.array(z.object({ id: z.string(), code: z.string() })),
    rates: z.number().int(),
  }),
})

const CatalogueProduct = z.object({
  code: z.string(),
  displayName: z.string(),
  direction: z.string(),
  structure: z.string(),
  isVariable: z.boolean(),
  term: z.number().nullable(),
  availableFrom: InstantOut,
  availableTo: InstantOut.nullable(),
  tariffCount: z.number().int(),
})

const PriceDiff = z.object({
  line: z.number().int().describe('the line of the CSV (the header is line 1)'),
  tariffCode: z.string(),
  productCode: z.string(),
  region: z.string(),
  fuel: z.string(),
  registerKind: z.string(),
  kind: z.enum(tariffs.rateKinds),
  paymentMethod: z.enum(tariffs.paymentMethods).nullable(),
  valueExcVat: z.string(),
  valueIncVat: z.string(),
  oldExcVat: z.string().nullable().describe('the price in force before the change; null for a new price'),
  oldIncVat: z.string().nullable(),
})

const Summary = z.object({
  up: z.number().int(),
  down: z.number().int(),
  same: z.number().int(),
  new: z.number().int(),
})

const Person = z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() })

const PriceChange = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(tariffs.priceChangeStatuses),
  effectiveDate: DateOut,
  effectiveFrom: InstantOut,
  note: z.string(),
  prices: z.array(PriceDiff),
  summary: Summary,
  createdBy: Person,
  createdAt: InstantOut,
  submittedAt: InstantOut.nullable(),
  decidedBy: Person.nullable(),
  decidedAt: InstantOut.nullable(),
  decisionNote: z.string().nullable(),
})

const Notice = z.object({
  risingTariffs: z
    .array(z.string())
    .describe('the import tariffs whose unit rate or standing charge rises: their customers get notice'),
  noticeDays: z.number().int().nullable().describe("the market's notice of a rise in days (gb: 30); null for none"),
  decidedOn: DateOut,
  earliestDate: DateOut.nullable().describe('the earliest effective date a rise decided today may take'),
  tooShort: z.boolean().describe('the date leaves too little notice: submitting or approving needs overrideNotice'),
})

const DryRun = z.object({ effectiveFrom: InstantOut, prices: z.array(PriceDiff), summary: Summary, notice: Notice })

const OverrideNotice = z
  .strictObject({ reason: TextUpTo(2000).refine((reason) => reason.trim().length > 0, 'say why') })
  .describe("submit or approve a rise at shorter notice than the market's, saying why (audited)")

const NoticesSent = z.object({
  risingTariffs: z.array(z.string()),
  queued: z.number().int().describe('one notice per account on a rising tariff at the effective date'),
  emailed: z.number().int(),
  posted: z.number().int(),
  failed: z.array(z.object({ accountNumber: z.string(), reason: z.string() })),
})

const ChangeParams = z.strictObject({ id: z.string().regex(/^pch_[0-9A-HJKMNP-TV-Z]{26}$/, 'a price change id') })

/** The product of a request: instants as Dates. */
function productOf(body: z.infer<typeof ProductBody>): tariffs.ProductLaunch {
  const instant = (value: string | null | undefined) =>
    value === undefined ? undefined : value === null ? null : new Date(value)
  return {
    ...body,
    availableFrom: new Date(body.availableFrom),
    availableTo: instant(body.availableTo),
    bands: body.bands?.map((band) => ({
      ...band,
      validFrom: new Date(band.validFrom),
      validTo: instant(band.validTo),
    })),
  }
}

/** A price change with the names of the people who uploaded and decided it. */
async function withNames(tx: Tx, changes: readonly tariffs.PriceChange[]) {
  const ids = changes
    .flatMap((change) => [change.createdBy, change.decidedBy])
    .flatMap((actor) => (actor?.id ? [actor.id] : []))
  const names = await access.staffNamesOf({ tx, staffIds: ids })
  const person = (actor: Actor) => ({ kind: actor.kind, id: actor.id, name: (actor.id && names.get(actor.id)) ?? null })
  return changes.map((change) =>
    jsonOf({
      ...change,
      createdBy: person(change.createdBy),
      decidedBy: change.decidedBy ? person(change.decidedBy) : null,
    }),
  )
}

const DayAheadDay = z.object({
  tariffCode: z.string(),
  region: z.string(),
  date: DateOut,
  periods: z.number().int().describe('46, 48 or 50 on clock-change days'),
  lowestIncVat: z.string(),
  highestIncVat: z.string(),
})

/** Issue 22: products and price changes, managed by pricing analysts with four-eyes publishing. */
export const priceRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { inTx, call } = routeCalls(context)

    app.get(
      '/products',
      {
        config: { permission: 'tariffs.tariff.read' },
        schema: {
          summary: 'Every product of the catalogue by code, future and withdrawn ones included, with its tariff count',
          tags: ['prices'],
          response: { 200: z.object({ items: z.array(CatalogueProduct) }) },
        },
      },
      async () => ({ items: jsonOf(await inTx((tx) => tariffs.catalogue({ tx }))) }),
    )

    app.post(
      '/products',
      {
        config: { permission: 'tariffs.product.create' },
        schema: {
          summary:
            'Create a product with its tariffs in every GSP region (or those given) and their first prices from availableFrom; audited',
          tags: ['prices'],
          body: ProductBody,
          response: { 201: ProductCreated, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const product = await call(request, (scope) =>
          tariffs.launchProduct({ ...scope, product: productOf(request.body) }),
        )
        return reply.status(201).send({ product })
      },
    )

    app.get(
      '/price-changes',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary: 'The newest price changes (at most 100), optionally of one status',
          tags: ['prices'],
          querystring: z.strictObject({ status: z.enum(tariffs.priceChangeStatuses).optional() }),
          response: { 200: z.object({ items: z.array(PriceChange) }) },
        },
      },
      async (request) => {
        const { status } = request.query
        return {
          items: await inTx(async (tx) =>
            withNames(tx, await tariffs.listPriceChanges({ tx, statuses: status ? [status] : undefined })),
          ),
        }
      },
    )

    app.post(
      '/price-changes',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary:
            'Upload a price change as CSV (columns product, region, fuel, register, payment_method, kind, value_exc_vat and/or value_inc_vat): every row is checked and priced against the prices in force. dryRun answers the diff and saves nothing (200); otherwise it is saved as a draft, or with submit for approval (201)',
          tags: ['prices'],
          body: z.strictObject({
            effectiveDate: LocalDate.describe('prices change from the start of this local date; must be in the future'),
            csv: z.string().min(1).max(100_000),
            note: TextUpTo(2000).optional(),
            dryRun: z.boolean().optional(),
            submit: z.boolean().optional(),
            overrideNotice: OverrideNotice.optional(),
          }),
          response: { 200: DryRun, 201: z.object({ priceChange: PriceChange }), ...errors(409) },
        },
      },
      async (request, reply) => {
        const { effectiveDate, csv, note, dryRun, submit, overrideNotice } = request.body
        if (dryRun) {
          const preview = await call(request, ({ tx, at }) =>
            tariffs.previewPriceChange({ tx, csv, effectiveDate, at }),
          )
          return reply.status(200).send(jsonOf(preview))
        }
        const priceChange = await call(request, async (scope) => {
          const change = await tariffs.uploadPriceChange({ ...scope, csv, effectiveDate, note, submit, overrideNotice })
          return (await withNames(scope.tx, [change]))[0]!
        })
        return reply.status(201).send({ priceChange })
      },
    )

    app.get(
      '/price-changes/notice-rule',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary:
            "The market's notice of a price rise: its days, and the earliest effective date a rise submitted or approved today may take without an override",
          tags: ['prices'],
          response: {
            200: z.object({
              noticeDays: z.number().int().nullable(),
              decidedOn: DateOut,
              earliestDate: DateOut.nullable(),
            }),
            ...errors(404),
          },
        },
      },
      async (request) => call(request, ({ tx, at }) => tariffs.priceRiseNoticeRule({ tx, at })),
    )

    app.get(
      '/price-changes/:id',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary: 'One price change with its diff',
          tags: ['prices'],
          params: ChangeParams,
          response: { 200: z.object({ priceChange: PriceChange }), ...errors(404) },
        },
      },
      async (request) => ({
        priceChange: await inTx(
          async (tx) => (await withNames(tx, [await tariffs.getPriceChange({ tx, id: request.params.id })]))[0]!,
        ),
      }),
    )

    app.post(
      '/price-changes/:id/submit',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary:
            "Submit your draft price change for a second pricing analyst to approve; a rise needs the market's notice (gb: an effective date 30 days after today or later) unless overrideNotice says why",
          tags: ['prices'],
          params: ChangeParams,
          body: z
            .strictObject({ overrideNotice: OverrideNotice.optional() })
            .nullish()
            .describe('optional: a draft is submitted with no body'),
          response: { 200: z.object({ priceChange: PriceChange }), ...errors(404, 409) },
        },
      },
      async (request) => ({
        priceChange: await call(request, async (scope) => {
          const change = await tariffs.submitPriceChange({
            ...scope,
            id: request.params.id,
            overrideNotice: request.body?.overrideNotice,
          })
          return (await withNames(scope.tx, [change]))[0]!
        }),
      }),
    )

    app.post(
      '/price-changes/:id/approve',
      {
        config: { permission: 'tariffs.price_change.approve' },
        schema: {
          summary:
            "Approve another analyst's price change (four-eyes): its prices are published at once as new rate versions from its effective date, and every customer on a tariff whose prices rise is sent a notice (price_change_notice, email or letter). A rise needs the market's notice (gb: an effective date 30 days after today or later) unless overrideNotice says why; audited, and fixed afterwards",
          tags: ['prices'],
          params: ChangeParams,
          body: z
            .strictObject({ note: TextUpTo(2000).optional(), overrideNotice: OverrideNotice.optional() })
            .optional(),
          response: { 200: z.object({ priceChange: PriceChange, notices: NoticesSent }), ...errors(404, 409) },
        },
      },
      async (request) => {
        const result = await call(request, async (scope) => {
          const approved = await approvePriceChange({
            ...scope,
            id: request.params.id,
            note: request.body?.note,
            overrideNotice: request.body?.overrideNotice,
          })
          const priceChange = (await withNames(scope.tx, [approved.priceChange]))[0]!
          const { notices } = approved
          return {
            queued: queuedMessagesOf(approved),
            priceChange,
            notices: {
              risingTariffs: [...notices.risingTariffs],
              queued: notices.messageIds.length,
              emailed: notices.emailed,
              posted: notices.posted,
              failed: [...notices.failed],
            },
          }
        })
        await context.deliveryQueue.enqueue(result.queued)
        return { priceChange: result.priceChange, notices: result.notices }
      },
    )

    app.post(
      '/price-changes/:id/reject',
      {
        config: { permission: 'tariffs.price_change.approve' },
        schema: {
          summary: 'Reject a price change waiting for approval, or withdraw your own, saying why; nothing is published',
          tags: ['prices'],
          params: ChangeParams,
          body: z.strictObject({ note: TextUpTo(2000) }),
          response: { 200: z.object({ priceChange: PriceChange }), ...errors(404, 409) },
        },
      },
      async (request) => ({
        priceChange: await call(request, async (scope) => {
          const change = await tariffs.rejectPriceChange({ ...scope, id: request.params.id, note: request.body.note })
          return (await withNames(scope.tx, [change]))[0]!
        }),
      }),
    )

    app.post(
      '/dynamic-prices',
      {
        config: { permission: 'tariffs.dynamic_price.load' },
        schema: {
          summary:
            "Load Agile's half-hourly prices from a day-ahead CSV (columns product, region, date, period, value_exc_vat and/or value_inc_vat): each region's day whole, before it begins, never replaced; dryRun checks and saves nothing (200), a load answers 201. Audited",
          tags: ['prices'],
          body: z.strictObject({ csv: z.string().min(1).max(100_000), dryRun: z.boolean().optional() }),
          response: {
            200: z.object({ loaded: z.number().int(), days: z.array(DayAheadDay) }),
            201: z.object({ loaded: z.number().int(), days: z.array(DayAheadDay) }),
          },
        },
      },
      async (request, reply) => {
        const { csv, dryRun } = request.body
        const result = await call(request, (scope) => tariffs.loadDayAheadPrices({ ...scope, csv, dryRun }))
        return reply.status(dryRun ? 200 : 201).send(result)
      },
    )

    app.post(
      '/price-cap-levels',
      {
        config: { permission: 'tariffs.price_change.submit' },
        schema: {
          summary:
            "Load a price cap's levels (CSV: region, fuel, register, payment_method, kind, value_exc_vat and/or value_inc_vat; no product column) for the variable products that follow it: they become those products' next prices, as a price change submitted for a second analyst's approval (201); dryRun answers the diff and saves nothing (200)",
          tags: ['prices'],
          body: z.strictObject({
            effectiveDate: LocalDate.describe('the start of the cap period; must be in the future'),
            csv: z.string().min(1).max(100_000),
            products: z.array(z.string().max(50)).min(1).max(20).describe('the variable products that follow the cap'),
            note: TextUpTo(1000).optional(),
            dryRun: z.boolean().optional(),
            overrideNotice: OverrideNotice.optional(),
          }),
          response: { 200: DryRun, 201: z.object({ priceChange: PriceChange }), ...errors(409) },
        },
      },
      async (request, reply) => {
        const { effectiveDate, csv, note, dryRun, products, overrideNotice } = request.body
        const capFollowers = products.map((code) => code.toUpperCase())
        if (dryRun) {
          const preview = await call(request, ({ tx, at }) =>
            tariffs.previewPriceChange({ tx, csv, effectiveDate, capFollowers, at }),
          )
          return reply.status(200).send(jsonOf(preview))
        }
        const priceChange = await call(request, async (scope) => {
          const change = await tariffs.uploadPriceChange({
            ...scope,
            csv,
            effectiveDate,
            note,
            submit: true,
            capFollowers,
            overrideNotice,
          })
          return (await withNames(scope.tx, [change]))[0]!
        })
        return reply.status(201).send({ priceChange })
      },
    )
  }
