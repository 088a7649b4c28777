/**
 * The shapes of the Octopus-compatible API (API-2): paginated lists `{count, next, previous,
 * results}` with absolute `?page=N` links, and errors as `{"detail": "..."}` (or, for bad
 * parameters, `{"<field>": ["..."]}`), as the public Octopus Energy REST API sends them.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError, httpStatusOf } from '../shared/errors.js'
import { isLocalDate, utcMidnight } from '../shared/time.js'
import { earliestDate, latestDate } from './schemas.js'

/** An error answered in Octopus's own shape. */
export class OctopusError extends Error {
  constructor(
    message: string,
    readonly statusCode = 404,
    readonly body: Record<string, unknown> = { detail: message },
  ) {
    super(message)
  }
}

export const octopusPrefix = '/v1/'

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(1500).default(100),
})

/** The request's own path and query on the configured public origin (never the Host header), at another page. */
function pageUrl(publicUrl: string, request: FastifyRequest, page: number): string {
  const url = new URL(request.url, publicUrl)
  url.searchParams.set('page', String(page))
  return url.toString()
}

/**
 * A page of results with absolute links to the neighbouring pages (null at either end), built on the
 * configured public URL.
 */
export function listBody<T>(
  publicUrl: string,
  request: FastifyRequest,
  count: number,
  page: number,
  pageSize: number,
  results: T[],
) {
  return {
    count,
    next: page * pageSize < count ? pageUrl(publicUrl, request, page + 1) : null,
    previous: page > 1 ? pageUrl(publicUrl, request, page - 1) : null,
    results,
  }
}

/** The period bounds Octopus's consumption and rate lists take (instants, read by `instantParam`). */
export const periodQuery = z.object({
  period_from: z.string().max(40).optional(),
  period_to: z.string().max(40).optional(),
})

/**
 * An instant as Octopus clients send it: ISO 8601 with or without seconds, with `Z` or an offset,
 * or a bare date (taken as UTC midnight, as Octopus does). Null when it is none of these.
 */
export function octopusInstant(text: string): Date | null {
  const value = text.trim().replace(' ', '+')
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null
  const withZone = /T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value
  const parsed = /T/.test(withZone) ? new Date(withZone) : isLocalDate(withZone) ? utcMidnight(withZone) : null
  // A real calendar date (2026-02-30 is none) within the years a supplier deals in, as every route takes.
  if (!isLocalDate(value.slice(0, 10)) || value.slice(0, 10) < earliestDate || value.slice(0, 10) > latestDate)
    return null
  return parsed === null || Number.isNaN(parsed.getTime()) ? null : parsed
}

/** Errors on `/v1/` routes, in Octopus's shape. */
export function handleOctopusError(error: FastifyError, reply: FastifyReply) {
  if (error instanceof OctopusError) return reply.status(error.statusCode).send(error.body)
  if (error instanceof DomainError) {
    const status = httpStatusOf(error)
    const detail = status === 401 ? 'Authentication credentials were not provided or are not valid.' : error.message
    return reply.status(status).send({ detail })
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const body: Record<string, string[]> = {}
    for (const issue of error.validation) {
      const field = issue.instancePath.split('/').filter(Boolean)[0] ?? 'non_field_errors'
      body[field] = [...(body[field] ?? []), issue.message ?? 'Invalid value.']
    }
    return reply.status(400).send(body)
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500
  return reply.status(status).send({ detail: status === 500 ? 'Server error.' : error.message })
}

/**
 * A query parameter read as an Octopus instant; undefined when it is absent or empty.
 * @throws OctopusError (400, in Octopus's field shape) when it is not a valid date/time
 */
export function instantParam(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined
  const parsed = octopusInstant(value)
  if (!parsed)
    throw new OctopusError(`${name}: Enter a valid date/time.`, 400, { [name]: ['Enter a valid date/time.'] })
  return parsed
}
