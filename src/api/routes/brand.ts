import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.js'

/** What the web app shows as the supplier's: its name, and how its market writes money and time. */
const BrandResponse = z
  .object({
    name: z.string().describe("The supplier's name"),
    currency: z.string().describe('ISO 4217 currency code money is kept in (amounts are its minor units)'),
    locale: z.string().describe('BCP 47 locale the market writes dates and numbers in'),
    timeZone: z.string().describe('IANA time zone of the supplier’s market'),
  })
  .meta({ id: 'Brand' })

/**
 * `GET /api/brand`: public, because the portal's and the console's sign-in pages show the supplier's
 * name before anyone signs in. Read from the supplier in force, so a rename shows without a restart.
 */
export const brandRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/brand',
      {
        config: { permission: 'public' },
        schema: {
          summary: "The supplier's name, currency, locale and time zone, for the web app",
          tags: ['settings'],
          response: { 200: BrandResponse },
        },
      },
      async () => {
        const { name, profile } = context.supplier()
        return { name, currency: profile.currency, locale: profile.locale, timeZone: profile.timeZone }
      },
    )
  }
