/**
 * API-1: one string rule for every request (`textProblem` in schemas.ts: no NUL or other control
 * characters, no lone surrogates, a length cap), applied before validation to every string and object
 * key in the path parameters, query and body of every route, so no route can forget it and nothing
 * PostgreSQL would refuse (a NUL) or mangle (a lone surrogate) reaches a query. A breach is a 400
 * naming the field (`body.note`, `query.q`, `params.caseRef`). A body field the route declares as
 * base64 (`config.base64Fields`) is exempt from the length cap only: its own schema caps it.
 */
import type { FastifyInstance } from 'fastify'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { textProblem } from './schemas.js'

export class TextRefused extends withCode(ValidationFailed, 'TEXT_REFUSED') {}

type Problem = { path: string; message: string }

function problemsIn(value: unknown, path: string, exempt: ReadonlySet<string>, found: Problem[]): void {
  if (found.length >= 20) return
  if (typeof value === 'string') {
    const problem = textProblem(value, exempt.has(path) ? Number.POSITIVE_INFINITY : undefined)
    if (problem) found.push({ path, message: problem })
    return
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) problemsIn(item, `${path}.${index}`, exempt, found)
    return
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const problem = textProblem(key, 200)
      if (problem) found.push({ path: `${path}.(key)`, message: `a field name: ${problem}` })
      else problemsIn(item, `${path}.${key}`, exempt, found)
    }
  }
}

export function refuseHostileText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config as { base64Fields?: readonly string[] }
    const exempt = new Set((config.base64Fields ?? []).map((field) => `body.${field}`))
    const found: Problem[] = []
    problemsIn(request.params ?? {}, 'params', exempt, found)
    problemsIn(request.query ?? {}, 'query', exempt, found)
    problemsIn(request.body ?? {}, 'body', exempt, found)
    if (found.length > 0) {
      throw new TextRefused(
        `The request holds text we cannot accept: ${found.map((item) => `${item.path}: ${item.message}`).join('; ')}`,
        found,
      )
    }
  })
}
