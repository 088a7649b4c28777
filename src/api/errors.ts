import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { DomainError, httpStatusOf } from '../shared/errors.js'
import { handleOctopusError, octopusPrefix } from './octopus.js'

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/** The documented error shape; `details` names the fields to blame, and is left out when no field is. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } }
}

type Issue = { instancePath: string; message?: string; keyword: string; params?: Record<string, unknown> }

/** Each problem with the field's full path: `body.emails.0.address`, `query.limit`. */
function validationDetails(error: FastifyError & { validation: Issue[]; validationContext?: string }) {
  const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body')
  return error.validation.flatMap((issue) => {
    const path = [where, ...issue.instancePath.split('/').filter(Boolean)].join('.')
    const keys = issue.params?.['keys']
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ path: `${path}.${String(key)}`, message: 'unknown field' }))
    }
    return [{ path, message: issue.message ?? issue.keyword }]
  })
}

/** Fastify's refusals of a request body it cannot read, each as the documented error naming what to blame. */
const bodyRefusals: Record<string, { status: number; code: string; message: string; path: string; detail: string }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'The body is empty but the content type says JSON',
    path: 'body',
    detail: 'empty',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json',
    path: 'headers.content-type',
    detail: 'application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'The body is too large',
    path: 'body',
    detail: 'too large',
  },
}

/** The one place errors become responses: `{ error: { code, message, details } }`. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (request.url.startsWith(octopusPrefix)) {
    if (!(error instanceof DomainError) && !hasZodFastifySchemaValidationErrors(error)) {
      if (!(typeof error.statusCode === 'number' && error.statusCode < 500))
        request.log.error({ err: error }, 'unhandled error')
    }
    return handleOctopusError(error, reply)
  }
  if (error instanceof DomainError) {
    return reply.status(httpStatusOf(error)).send(errorBody(error.code, error.message, error.details))
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = validationDetails(error as FastifyError & { validation: Issue[]; validationContext?: string })
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
    return reply.status(400).send(errorBody('VALIDATION_FAILED', `The request is not valid: ${summary}`, details))
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    return reply
      .status(400)
      .send(
        errorBody('MALFORMED_JSON', `The body is not valid JSON: ${error.message}`, [
          { path: 'body', message: 'malformed JSON' },
        ]),
      )
  }
  const bodyRefusal = error.code === undefined ? undefined : bodyRefusals[error.code]
  if (bodyRefusal) {
    const { status, code, message, path, detail } = bodyRefusal
    return reply.status(status).send(errorBody(code, message, [{ path, message: detail }]))
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, cause: error.cause }, 'response did not match its schema')
    return reply.status(500).send(errorBody('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged'))
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .status(error.statusCode)
      .send(
        errorBody(error.code ?? 'BAD_REQUEST', error.message, [{ path: pathOf(error.code), message: error.message }]),
      )
  }
  request.log.error({ err: error }, 'unhandled error')
  return reply.status(500).send(errorBody('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged'))
}

/** The part of the request a Fastify error is about: its body, a header, or the request as a whole. */
function pathOf(code: string | undefined): string {
  if (code?.startsWith('FST_ERR_CTP_INVALID_CONTENT_LENGTH')) return 'headers.content-length'
  if (code?.startsWith('FST_ERR_CTP_INVALID_TYPE') || code?.startsWith('FST_ERR_CTP_INVALID_CONTENT_TYPE'))
    return 'headers.content-type'
  if (code?.startsWith('FST_ERR_CTP')) return 'body'
  return 'request'
}

/**
 * Errors Fastify meets before a route is found (a URL with bad percent-encoding): 400 in the
 * documented shape naming `url`, or Octopus's shape under `/v1/`.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400
  const badUrl = error.code === 'FST_ERR_BAD_URL'
  const message = badUrl ? 'The URL is not valid: it has a malformed percent-encoding' : error.message
  if (request.url.startsWith(octopusPrefix)) return reply.status(status).send({ detail: message })
  return reply
    .status(status)
    .send(
      errorBody(badUrl ? 'MALFORMED_URL' : (error.code ?? 'BAD_REQUEST'), message, [
        { path: badUrl ? 'url' : 'request', message: badUrl ? 'malformed percent-encoding' : message },
      ]),
    )
}
