import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as metering from '../../modules/metering/index.js'
import {
  accountMeterPoints,
  accountReadings,
  accountUsage,
  endAccountSupply,
  exchangeAccountMeter,
  importSupplies,
  registerAccountSupply,
  submitAccountReading,
} from '../../usecases/index.js'
import { allowsOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, pageOf } from '../responses.js'
import { callAs, whoOf } from '../route-calls.js'
import { AccountParams, Instant, jsonOf, LocalDate, PageQuery } from '../schemas.js'
import { ExchangeReadingIn, MeterIn, MeterPointOut, readingFields, UsageBucketOut } from './metering-schemas.js'

const Identifier = z.string().regex(/^[0-9]{6,13}$/, 'an MPAN core (13 digits) or an MPRN (6 to 10 digits)')
const Direction = z.enum(['import', 'export'])

/** A tariff agreement of a meter point's history (newest first). */
const AgreementOut = z.object({
  tariffCode: z.string(),
  productCode: z.string(),
  productName: z.string(),
  validFrom: InstantOut,
  validTo: InstantOut.nullable().describe('null while the agreement is open-ended'),
})

/** A meter point with its meters and registers, and its tariff history for a caller who may read tariffs. */
const MeterPointWithAgreementsOut = MeterPointOut.extend({
  gspRegionName: z.string().nullable().describe("the GSP region's name, 'Eastern England'"),
  agreements: z
    .array(AgreementOut)
    .optional()
    .describe('absent for a caller who may not read tariffs (a field technician)'),
})

const UsageOut = z.object({
  meterPoint: z.string(),
  direction: Direction,
  granularity: z.enum(['halfhour', 'day', 'week', 'month']),
  timeZone: z.string(),
  unit: z.literal('kWh'),
  from: DateOut,
  to: DateOut.describe('exclusive'),
  totalKwh: z.string().describe('kWh, an exact decimal string'),
  items: z.array(UsageBucketOut).describe('buckets with no data are left out'),
})

/** A register reading. */
const ReadingOut = z.object({
  ...readingFields,
  status: z
    .enum(['accepted', 'held', 'superseded', 'released', 'discarded'])
    .describe('held readings wait for review, with their reason'),
  reason: z.string().nullable(),
  advance: z.string().nullable().describe('units since the previous actual reading on the register, when there is one'),
  isRollover: z.boolean(),
})

const MeterPointParams = z.strictObject({ ...AccountParams.shape, identifier: Identifier })

/** A meter point to register at the account's property, with its meter, supplied from a date. */
const SupplyIn = z.strictObject({
  fuel: z.enum(metering.fuels),
  identifier: z
    .string()
    .regex(/^[0-9 ]{6,30}$/, 'an MPAN (13-digit core or 21-digit full MPAN) or an MPRN (6 to 10 digits)')
    .describe(
      "MPAN core (its check digit is checked, its region derived from the distributor and matched with the property's) or MPRN",
    ),
  direction: Direction.default('import'),
  profileClass: z
    .string()
    .regex(/^0[0-8]$/, '00 to 08')
    .nullable()
    .optional(),
  gspRegion: z
    .string()
    .regex(/^_[A-P]$/, 'a GSP group _A to _P')
    .nullable()
    .optional()
    .describe('only for an independent network (distributor 24–38) at a property with no region'),
  suppliedFrom: LocalDate.describe('the first day of supply; the meter is installed from then'),
  tariffCode: z.string().min(1).max(60).nullable().optional().describe('the tariff the point is on from then'),
  meters: z
    .array(MeterIn)
    .max(1)
    .default([])
    .describe('the meter installed now (at most one; later ones come by exchange)'),
})

const ReadingBriefOut = z.object({ ...readingFields, status: z.string(), reason: z.string().nullable() })

function readingBody(reading: metering.Reading) {
  return { ...reading, readAt: reading.readAt.toISOString() }
}

export const meteringRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:accountNumber/meter-points',
      {
        config: { permission: 'metering.usage.read' },
        schema: {
          summary:
            "The account's meter points, meters and registers, and their tariff history for a caller who may read tariffs (none for a field technician)",
          tags: ['metering'],
          params: AccountParams,
          response: { 200: z.object({ items: z.array(MeterPointWithAgreementsOut) }), ...errors(404) },
        },
      },
      async (request) => {
        const items = await callAs(context, request, (scope) =>
          accountMeterPoints({
            accountNumber: request.params.accountNumber.toUpperCase(),
            allows: allowsOf(request),
            ...scope,
          }),
        )
        return jsonOf({
          items: items.map(({ agreements, ...item }) => ({
            ...item,
            ...(agreements
              ? {
                  agreements: agreements.map((agreement) => ({
                    ...agreement,
                    validFrom: agreement.validFrom.toISOString(),
                    validTo: agreement.validTo?.toISOString() ?? null,
                  })),
                }
              : {}),
          })),
        })
      },
    )

    app.get(
      '/accounts/:accountNumber/usage',
      {
        config: { permission: 'metering.usage.read' },
        schema: {
          summary: 'Half-hourly, daily, weekly or monthly usage of one meter point between local dates [from, to)',
          tags: ['metering'],
          params: AccountParams,
          querystring: z.strictObject({
            meterPoint: Identifier,
            from: LocalDate,
            to: LocalDate,
            granularity: z.enum(['halfhour', 'day', 'week', 'month']).default('day'),
          }),
          response: { 200: UsageOut, ...errors(404) },
        },
      },
      async (request) => {
        const { meterPoint, from, to, granularity } = request.query
        const series = await callAs(context, request, (scope) =>
          accountUsage({
            accountNumber: request.params.accountNumber.toUpperCase(),
            meterPoint,
            from,
            to,
            granularity,
            ...scope,
          }),
        )
        return {
          meterPoint,
          direction: series.direction,
          granularity,
          timeZone: 'Europe/London',
          unit: 'kWh' as const,
          from,
          to,
          totalKwh: series.totalKwh,
          items: series.items.map((item) => ({
            ...item,
            start: item.start.toISOString(),
            end: item.end.toISOString(),
          })),
        }
      },
    )

    app.get(
      '/accounts/:accountNumber/readings',
      {
        config: { permission: 'metering.usage.read' },
        schema: {
          summary: "A page of the account's register readings, newest first",
          tags: ['metering'],
          params: AccountParams,
          querystring: z.strictObject({ meterPoint: Identifier.optional(), ...PageQuery.shape }),
          response: { 200: pageOf(ReadingOut), ...errors(404) },
        },
      },
      async (request) => {
        const page = await callAs(context, request, (scope) =>
          accountReadings({
            accountNumber: request.params.accountNumber.toUpperCase(),
            ...request.query,
            ...scope,
          }),
        )
        return { items: page.items.map(readingBody), nextCursor: page.nextCursor }
      },
    )

    app.post(
      '/accounts/:accountNumber/readings',
      {
        config: { permission: 'metering.reading.create' },
        schema: {
          summary: 'Submit a meter reading: refused with the reason, or kept (held for review when doubtful)',
          tags: ['metering'],
          params: AccountParams,
          body: z.strictObject({
            meterPoint: Identifier,
            meterSerial: z.string().min(1).max(20),
            register: z.string().min(1).max(4),
            readAt: Instant,
            value: z.string().min(1).max(20),
            source: z.enum(['customer', 'agent', 'field']).default('customer'),
          }),
          response: { 201: z.object({ reading: ReadingOut }), ...errors(404) },
        },
      },
      async (request, reply) => {
        const { meterPoint, meterSerial, register, readAt, value, source } = request.body
        const reading = await callAs(context, request, (scope) =>
          submitAccountReading({
            accountNumber: request.params.accountNumber.toUpperCase(),
            meterPoint,
            reading: { meterSerial, register, readAt: new Date(readAt), value, source },
            ...scope,
          }),
        )
        return reply.status(201).send({ reading: readingBody(reading) })
      },
    )

    app.post(
      '/readings/:readingId/review',
      {
        config: { permission: 'metering.usage.update' },
        schema: {
          summary: 'Release or discard a reading held for review',
          tags: ['metering'],
          params: z.strictObject({ readingId: z.string().min(1).max(60) }),
          body: z.strictObject({ decision: z.enum(['release', 'discard']), note: z.string().min(1).max(500) }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errors(404, 409) },
        },
      },
      async (request) => {
        await callAs(context, request, (scope) =>
          metering.reviewReading({
            readingId: request.params.readingId,
            decision: request.body.decision,
            note: request.body.note,
            ...scope,
          }),
        )
        return { ok: true as const }
      },
    )

    app.post(
      '/accounts/:accountNumber/meter-points',
      {
        config: { permission: 'metering.meter_point.register' },
        schema: {
          summary:
            "Register a meter point at the account's property with its meter and registers, and start its supply (and tariff) on a date",
          tags: ['metering'],
          params: AccountParams,
          body: SupplyIn,
          response: { 201: z.object({ meterPoint: MeterPointOut }), ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const meterPoint = await callAs(context, request, (scope) =>
          registerAccountSupply({
            accountNumber: request.params.accountNumber.toUpperCase(),
            supply: request.body,
            ...scope,
          }),
        )
        return reply.status(201).send(jsonOf({ meterPoint }))
      },
    )

    app.post(
      '/accounts/:accountNumber/meter-points/:identifier/end-supply',
      {
        config: { permission: 'metering.meter_point.register' },
        schema: {
          summary:
            "End the account's supply of one of its meter points: `on` is the first day it is no longer supplied",
          tags: ['metering'],
          params: MeterPointParams,
          body: z.strictObject({ on: LocalDate }),
          response: {
            200: z.object({ identifier: z.string(), suppliedFrom: DateOut, suppliedTo: DateOut }),
            ...errors(404, 409),
          },
        },
      },
      async (request) => {
        const ended = await callAs(context, request, (scope) =>
          endAccountSupply({
            accountNumber: request.params.accountNumber.toUpperCase(),
            identifier: request.params.identifier,
            on: request.body.on,
            ...scope,
          }),
        )
        return { identifier: ended.identifier, suppliedFrom: ended.from, suppliedTo: ended.to }
      },
    )

    app.post(
      '/accounts/:accountNumber/meter-points/:identifier/exchange',
      {
        config: { permission: 'metering.meter_point.register' },
        schema: {
          summary:
            "Exchange a meter: the removed meter's final (removal) readings and the installed meter's opening (install) readings, on a date",
          tags: ['metering'],
          params: MeterPointParams,
          body: z.strictObject({
            on: LocalDate.describe('the day of the exchange: the old meter is removed and the new one installed'),
            oldSerial: z.string().min(1).max(20),
            removalReadings: z.array(ExchangeReadingIn).min(1).max(6).describe('one a register of the removed meter'),
            newMeter: MeterIn,
            installReadings: z.array(ExchangeReadingIn).min(1).max(6).describe('one a register of the new meter'),
          }),
          response: {
            200: z.object({
              meterPoint: MeterPointOut,
              removalReadings: z.array(ReadingBriefOut),
              installReadings: z.array(ReadingBriefOut),
            }),
            ...errors(404, 409),
          },
        },
      },
      async (request) => {
        const result = await callAs(context, request, (scope) =>
          exchangeAccountMeter({
            accountNumber: request.params.accountNumber.toUpperCase(),
            identifier: request.params.identifier,
            exchange: request.body,
            ...scope,
          }),
        )
        return jsonOf({
          meterPoint: result.meterPoint,
          removalReadings: result.removed,
          installReadings: result.installed,
        })
      },
    )

    app.post(
      '/supplies/import',
      {
        config: { permission: 'metering.meter_point.register' },
        schema: {
          summary:
            'Register meter points with their meters and registers from a CSV, one row a register (account_number,mpan_mprn,fuel,meter_serial,meter_type,register_id,rate,unit,supply_start): checked whole, all or nothing, problems by line and column',
          tags: ['metering'],
          body: z.strictObject({ csv: z.string().min(1).max(2_000_000) }),
          response: {
            200: z.object({
              accounts: z.number().int(),
              meterPoints: z.number().int(),
              registers: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        const { db } = context
        return importSupplies({ db, text: request.body.csv, ...whoOf(context, request) })
      },
    )

    app.post(
      '/meter-points/:exportMpan/export',
      {
        config: { permission: 'metering.export.configure' },
        schema: {
          summary: 'Configure export: link an export MPAN to its import MPAN (export specialists only)',
          tags: ['metering'],
          params: z.strictObject({ exportMpan: z.string().regex(/^[0-9]{13}$/, 'a 13-digit MPAN core') }),
          body: z.strictObject({ importMpan: z.string().regex(/^[0-9]{13}$/, 'a 13-digit MPAN core') }),
          response: { 200: z.object({ exportMpan: z.string(), importMpan: z.string() }), ...errors(404) },
        },
      },
      async (request) => {
        await callAs(context, request, (scope) =>
          metering.configureExport({
            exportIdentifier: request.params.exportMpan,
            importIdentifier: request.body.importMpan,
            ...scope,
          }),
        )
        return { exportMpan: request.params.exportMpan, importMpan: request.body.importMpan }
      },
    )
  }
