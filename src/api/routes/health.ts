import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ping } from '../../db/index.js'
import type { AppContext } from '../context.js'

export const healthRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Liveness and database reachability (runs SELECT 1)',
          tags: ['operations'],
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
        },
      },
      async () => {
        await ping(context.db)
        return { status: 'ok' as const, database: context.backend }
      },
    )
  }
