/**
 * Octopus-compatible read endpoints for meter points, consumption, GSP lookup and accounts (API-2):
 * the same paths, parameters, field names and pagination as the public Octopus Energy REST API, so
 * its clients work unchanged. Keys are sent as HTTP Basic user names (see auth.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { inTransaction } from '../../db/index.js'
import { octopusAccount, octopusConsumption, octopusGspGroups, octopusMeterPoint } from '../../usecases/index.js'
import type { AppContext } from '../context.js'
import { instantParam, listBody, OctopusError, pageQuery, periodQuery } from '../octopus.js'
import { callAs } from '../route-calls.js'
import {
  OctopusAccount,
  OctopusConsumption,
  OctopusGspGroup,
  OctopusMeterPoint,
  octopusErrors,
  octopusListOf,
} from './octopus-schemas.js'

const ConsumptionQuery = periodQuery.extend({
  page_size: z.coerce.number().int().min(1).max(25_000).default(100),
  page: z.coerce.number().int().min(1).default(1),
  order_by: z.enum(['period', '-period']).default('-period'),
  group_by: z.enum(['hour', 'day', 'week', 'month', 'quarter']).optional(),
})

export const octopusMeteringRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const fuel of ['electricity', 'gas'] as const) {
      const base = fuel === 'electricity' ? '/v1/electricity-meter-points/:point' : '/v1/gas-meter-points/:point'
      for (const url of [`${base}/meters/:serial/consumption/`, `${base}/meters/:serial/consumption`]) {
        app.get(
          url,
          {
            config: { permission: 'metering.usage.read' },
            schema: {
              summary: `Octopus-compatible ${fuel} consumption (half-hourly, or grouped by local hour/day/week/month/quarter)`,
              tags: ['octopus-compatible'],
              params: z.strictObject({ point: z.string().max(21), serial: z.string().max(30) }),
              querystring: ConsumptionQuery,
              response: { 200: octopusListOf(OctopusConsumption), ...octopusErrors(404) },
            },
          },
          async (request) => {
            const query = request.query
            const periodFrom = instantParam('period_from', query.period_from)
            const periodTo = instantParam('period_to', query.period_to)
            const page = await callAs(context, request, (scope) =>
              octopusConsumption({
                fuel,
                identifier: request.params.point,
                serial: request.params.serial,
                periodFrom,
                periodTo,
                groupBy: query.group_by,
                order: query.order_by === 'period' ? 'asc' : 'desc',
                offset: (query.page - 1) * query.page_size,
                limit: query.page_size,
                ...scope,
              }),
            )
            if (!page) throw new OctopusError('Not found.')
            return listBody(context.publicUrl, request, page.count, query.page, query.page_size, page.results)
          },
        )
      }
    }

    for (const url of ['/v1/electricity-meter-points/:mpan/', '/v1/electricity-meter-points/:mpan']) {
      app.get(
        url,
        {
          config: { permission: 'public' },
          schema: {
            summary: 'Octopus-compatible electricity meter point: GSP group and profile class',
            tags: ['octopus-compatible'],
            params: z.strictObject({ mpan: z.string().max(21) }),
            response: { 200: OctopusMeterPoint, ...octopusErrors(404) },
          },
        },
        async (request) => {
          const point = await inTransaction(context.db, (tx) => octopusMeterPoint({ tx, mpan: request.params.mpan }))
          if (!point) throw new OctopusError('Not found.')
          return point
        },
      )
    }

    for (const url of ['/v1/industry/grid-supply-points/', '/v1/industry/grid-supply-points']) {
      app.get(
        url,
        {
          config: { permission: 'public' },
          schema: {
            summary: 'Octopus-compatible grid supply point (tariff region) lookup by postcode',
            tags: ['octopus-compatible'],
            querystring: pageQuery.extend({ postcode: z.string().max(10).optional() }),
            response: { 200: octopusListOf(OctopusGspGroup) },
          },
        },
        async (request) => {
          const groups = octopusGspGroups(request.query.postcode)
          const pageSize = request.query.page_size
          const start = (request.query.page - 1) * pageSize
          return listBody(
            context.publicUrl,
            request,
            groups.length,
            request.query.page,
            pageSize,
            groups.slice(start, start + pageSize).map((group) => ({ group_id: group })),
          )
        },
      )
    }

    for (const url of ['/v1/accounts/:number/', '/v1/accounts/:number']) {
      app.get(
        url,
        {
          config: { permission: 'accounts.account.read' },
          schema: {
            summary: 'Octopus-compatible account: properties, meter points, meters, registers and agreements',
            tags: ['octopus-compatible'],
            params: z.strictObject({ number: z.string().max(20) }),
            response: { 200: OctopusAccount, ...octopusErrors(404) },
          },
        },
        async (request) => {
          const account = await callAs(context, request, (scope) =>
            octopusAccount({
              accountNumber: request.params.number.toUpperCase(),
              ...scope,
            }),
          )
          if (!account) throw new OctopusError('Not found.')
          return account
        },
      )
    }
  }
