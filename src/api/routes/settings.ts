import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import * as market from '../../modules/market/index.js'
import { actorOf } from '../auth.js'
import type { AppContext } from '../context.js'

function supplierView(supplier: market.Supplier) {
  return {
    name: supplier.name,
    market: supplier.market,
    profile: supplier.profile,
    settings: market.settingsToJson(supplier.settings),
  }
}

export const settingsRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/settings',
      {
        config: { permission: 'settings.supplier.read' },
        schema: { summary: "The supplier's market profile and settings (money in minor units)", tags: ['settings'] },
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
        },
      },
      async (request) => {
        const supplier = await inTransaction(context.db, (tx) =>
          market.updateSettings({ tx, changes: request.body, actor: actorOf(request), at: context.clock() }),
        )
        await context.reloadSupplier()
        return supplierView(supplier)
      },
    )
  }
