import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as market from '../../modules/market/index.js'
import type { AppContext } from '../context.js'
import { errors, MinorOut } from '../responses.js'
import { type CallScope, callAs } from '../route-calls.js'
import { jsonOf } from '../schemas.js'

const Count = z.number().int()
const CallerQuestions = z.object({
  ticked: z.array(z.string()).describe('questions the agent checks by eye against the account page'),
  answered: z.array(z.string()).describe('questions whose typed answer the server compares with what is on file'),
})

/** The supplier's market profile and settings; money settings are strings of minor units. */
const SupplierView = z.object({
  name: z.string(),
  market: z.enum(market.markets),
  profile: z.object({
    market: z.enum(market.markets),
    name: z.string(),
    currency: z.enum(['GBP', 'USD']),
    locale: z.string(),
    timeZone: z.string(),
    domesticTaxPercent: z.string().describe('VAT or sales tax on domestic energy, an exact decimal percentage'),
    taxName: z.string(),
    settlementPeriods: z.boolean().describe('half-hourly settlement periods in local time (gb)'),
    backbillingLimitMonths: Count.nullable(),
    verificationQuestions: z.record(z.enum(market.callerKinds), CallerQuestions),
    supplyPointKinds: z.array(z.string()),
    postcodeLabel: z.string(),
  }),
  settings: z.object({
    creditApprovalLimitMinor: MinorOut,
    invoicePaymentApprovalMinor: MinorOut,
    arrangementDownPaymentPercent: Count,
    arrangementGraceDays: Count,
    lateFeeMinor: MinorOut,
    thirdPartyAccessMinDays: Count,
    thirdPartyAccessMaxDays: Count,
    staffPasswordMaxAgeDays: Count,
    staffSessionMaxHours: Count,
    staffSessionIdleMinutes: Count,
    staffMaxFailedLogins: Count,
    staffLockoutMinutes: Count,
  }),
  details: z
    .object({
      legalName: z.string(),
      address: z.string(),
      phone: z.string(),
      email: z.string(),
      website: z.string(),
      companyNumber: z.string(),
      vatNumber: z.string(),
    })
    .describe("what every bill says of the supplier ('' where not set)"),
})

function supplierView(supplier: market.Supplier) {
  return {
    name: supplier.name,
    market: supplier.market,
    profile: jsonOf(supplier.profile),
    settings: jsonOf(supplier.settings),
    details: supplier.details,
  }
}

export const settingsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** Make the change as the caller, then reload the supplier every request reads; answers the new view. */
    const changeSupplier = async (request: FastifyRequest, change: (scope: CallScope) => Promise<market.Supplier>) => {
      const supplier = await callAs(context, request, change)
      await context.reloadSupplier()
      return supplierView(supplier)
    }

    app.get(
      '/settings',
      {
        config: { permission: 'settings.supplier.read' },
        schema: {
          summary: "The supplier's market profile and settings (money in minor units)",
          tags: ['settings'],
          response: { 200: SupplierView, ...errors(404) },
        },
      },
      async () => supplierView(await market.getSupplier(context.db)),
    )

    app.patch(
      '/settings',
      {
        config: { permission: 'settings.supplier.update' },
        schema: {
          summary: 'Change some settings',
          tags: ['settings'],
          body: z.record(z.string(), z.union([z.string(), z.number()])),
          response: { 200: SupplierView, ...errors(404) },
        },
      },
      async (request) => changeSupplier(request, (scope) => market.updateSettings({ changes: request.body, ...scope })),
    )

    app.patch(
      '/settings/details',
      {
        config: { permission: 'settings.supplier.update' },
        schema: {
          summary: "Change some of the supplier's details that every bill carries ('' clears one)",
          tags: ['settings'],
          body: z.record(z.string(), z.string().max(1000)),
          response: { 200: SupplierView, ...errors(404) },
        },
      },
      async (request) =>
        changeSupplier(request, (scope) => market.updateSupplierDetails({ changes: request.body, ...scope })),
    )
  }
