/**
 * API-1: JSON bodies are parsed by Fastify's own parser (which refuses `__proto__` poisoning), after a
 * depth check: JSON nested deeper than `maxJsonDepth` is refused with a 400 `BODY_TOO_DEEP` naming
 * `body` before anything walks it, so no validator, guard or query can overflow the stack on it.
 */
import type { FastifyInstance } from 'fastify'
import { ValidationFailed, withCode } from '../shared/errors.js'

/** The deepest nesting of objects and arrays a JSON body may have (no route needs more than a few). */
export const maxJsonDepth = 32

export class BodyTooDeep extends withCode(ValidationFailed, 'BODY_TOO_DEEP') {}

/** How deeply the JSON text nests objects and arrays, counting only brackets outside strings; stops past `limit`. */
export function jsonDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 92)
        i++ // a backslash escapes the next character
      else if (code === 34) inString = false
      continue
    }
    if (code === 34) inString = true
    else if (code === 123 || code === 91) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (code === 125 || code === 93) depth--
  }
  return deepest
}

/** Replace the JSON body parser with one that checks the depth first. */
export function limitJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'ignore')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (jsonDepth(text) > maxJsonDepth) {
      done(
        new BodyTooDeep(`The body nests objects and arrays more than ${maxJsonDepth} deep`, [
          { path: 'body', message: `nested more than ${maxJsonDepth} deep` },
        ]),
        undefined,
      )
      return
    }
    parse(request, text, done)
  })
}
