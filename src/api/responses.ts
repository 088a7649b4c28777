/**
 * Declared responses (API-1): the pieces every route's `schema.response` is built from, and the hook
 * that gives every operation the error responses its permission implies. Fastify serialises a
 * response through its declared schema, so only declared fields leave the server (an undeclared
 * field is dropped, a missing or mistyped one is a logged 500), and `/openapi.json` documents them.
 */
import type { FastifyInstance, FastifyReply, RouteOptions } from 'fastify'
import { z } from 'zod'
import type { RoutePermission } from './auth.js'
import { isSignInRoute } from './rate-limits.js'

/** Every error Cuttle's own API sends: `{ error: { code, message, details? } }` (see errors.ts). */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('A stable code, e.g. NOT_FOUND, VALIDATION_FAILED, CONFLICT'),
      message: z.string().describe('What went wrong, in words a person can act on'),
      details: z.unknown().optional().describe('The fields to blame, as [{ path, message }], when a field is to blame'),
    }),
  })
  .meta({ id: 'Error' })

/** Errors under `/v1/` as the public Octopus API sends them: `{ detail }` or `{ <field>: [messages] }`. */
export const OctopusErrorResponse = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .meta({ id: 'OctopusError' })

/** Money in a response: a string of minor units, signed ("-1250" is −£12.50); never a float. */
export const MinorOut = z
  .string()
  .regex(/^-?\d+$/)
  .describe('minor units (pence), as a string')

/** An instant in a response: ISO 8601 in UTC. */
export const InstantOut = z.string().describe('an ISO 8601 instant in UTC')

/** A calendar date in a response: YYYY-MM-DD. */
export const DateOut = z.string().describe('a date, YYYY-MM-DD')

/** A page of a list: its items and the opaque cursor of the next page (null on the last). */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

/** `{ ok: true }`-style acknowledgement bodies and 204s share these. */
export const NoContent = z.null().describe('no body')

/** Answer the declared `204: NoContent`: done, nothing to say. */
export function sendNoContent(reply: FastifyReply): FastifyReply {
  return reply.status(204).send(null)
}

/** Send a PDF to be shown in the browser (inline), saved as `fileName` (with its `.pdf`). */
export function sendPdf(reply: FastifyReply, fileName: string, pdf: Buffer): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .send(pdf)
}

/** The bytes of a file a route sends as they are (Fastify does not serialise a Buffer or a string). */
const FileBody = z
  .custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string', 'the bytes of a file')
  .meta({ type: 'string', format: 'binary' })

/**
 * A file that is not JSON (PDF, ZIP, an image, CSV) in one or more media types, for a handler that
 * sends its bytes (a Buffer) or its text: OpenAPI shows `string`/`binary` content of each type.
 */
export function fileResponse(mediaTypes: string | readonly string[], description: string) {
  const types = typeof mediaTypes === 'string' ? [mediaTypes] : mediaTypes
  return { description, content: Object.fromEntries(types.map((mediaType) => [mediaType, { schema: FileBody }])) }
}

/** The error statuses a route answers beyond those its permission implies (404, 409, 423, ...). */
export function errors(...statuses: number[]): Record<number, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse]))
}

/**
 * The error responses a route implies: 400 for a request its schema refuses, 401 when signing in is
 * needed, 403 when a permission is (or a portal customer's access to the account), 429 on the routes
 * the sign-in limits cover.
 */
function impliedErrorStatuses(route: RouteOptions, permission: RoutePermission | undefined): number[] {
  const statuses = [400]
  if (permission !== 'public' && permission !== undefined) statuses.push(401)
  if (permission !== 'public' && permission !== undefined && permission !== 'authenticated') statuses.push(403)
  if (isSignInRoute(route)) statuses.push(429)
  return statuses
}

/**
 * Give every documented route the error responses its permission implies, in the documented shape
 * (Octopus's shape under `/v1/`). Registered before the OpenAPI plugin so the document carries them.
 */
export function declareImpliedErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as (RouteOptions['schema'] & { hide?: boolean; response?: unknown }) | undefined
    if (!schema || schema.hide) return
    const permission = (route.config as { permission?: RoutePermission } | undefined)?.permission
    const shape = route.url.startsWith('/v1/') ? OctopusErrorResponse : ErrorResponse
    const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) }
    for (const status of impliedErrorStatuses(route, permission)) response[status] ??= shape
    schema.response = response
  })
}
