/**
 * PAY-1: a card number never reaches the database, the logs or the audit log. Before validation,
 * every request's URL, headers, path parameters, query and body are scanned for card numbers
 * (Luhn-valid runs of 13–19 digits that start as a card does, however they are written: any
 * separators, non-breaking or zero-width spaces, full-width digits; see `findCardNumbers`), and so
 * is every text file a body carries as base64 (`config.base64Fields`). One found anywhere but a field
 * the route declares as a card field (`config.cardFields`, handed straight to the processor for a
 * token) is refused with a 400 that names the field (`headers.idempotency-key`, `query.q`,
 * `body.note`, `body.contentBase64`) and never echoes the number.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { holdsCardNumber, pathsHoldingCardNumbers } from '../modules/payments/index.js'
import { ValidationFailed, withCode } from '../shared/errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Body fields that may carry a card number or security code (`card.number`). */
    cardFields?: readonly string[]
    /** Body fields that carry a file as base64 (`contentBase64`): a text file in one is scanned too. */
    base64Fields?: readonly string[]
  }
}

export class CardNumberRefused extends withCode(ValidationFailed, 'CARD_NUMBER_REFUSED') {}

/**
 * Headers not scanned: credentials. They are secrets in their own right, never stored or logged as
 * sent (the logger redacts them, tokens and sessions are kept only as hashes), and a random token
 * that happened to hold a Luhn-valid run must not lock its holder out.
 */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie'])

function decoded(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

/** The text of a base64 field when its bytes are UTF-8 text (the only files a card number can be read from). */
function textOfBase64(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const bytes = Buffer.from(value.replace(/\s+/g, ''), 'base64')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: try UTF-16 with a byte-order mark, the other way a text editor saves a file.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
    return null
  }
}

/** The places in one request that hold a card number, each named as `headers.x`, `query.q`, `body.note`. */
export function cardNumberPaths(request: FastifyRequest): string[] {
  const config = request.routeOptions.config as { cardFields?: readonly string[]; base64Fields?: readonly string[] }
  const allowed = new Set(config.cardFields ?? [])
  const base64 = new Set(config.base64Fields ?? [])
  const body = request.body
  const headers = Object.entries(request.headers).filter(([name]) => !credentialHeaders.has(name))
  const found = [
    ...headers.flatMap(([name, value]) => {
      // A header carries Latin-1 only, so a client may percent-encode what it puts there: read both.
      const text = Array.isArray(value) ? value.join(', ') : String(value ?? '')
      return holdsCardNumber(text) || holdsCardNumber(decoded(text)) ? [`headers.${name}`] : []
    }),
    ...pathsHoldingCardNumbers(request.params ?? {}).map((path) => `params.${path}`),
    ...pathsHoldingCardNumbers(request.query ?? {}).map((path) => `query.${path}`),
    ...pathsHoldingCardNumbers(body ?? {})
      .filter((path) => !allowed.has(path) && !base64.has(path))
      .map((path) => `body.${path}`),
    ...[...base64].flatMap((field) => {
      const text = textOfBase64(body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined)
      return text !== null && holdsCardNumber(text) ? [`body.${field}`] : []
    }),
  ]
  // The raw URL catches what parsing hides (a number split across parameters, a path no parameter names).
  const inParts = found.some((path) => path.startsWith('params.') || path.startsWith('query.'))
  return !inParts && holdsCardNumber(decoded(request.url)) ? ['url', ...found] : found
}

export function refuseCardNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = cardNumberPaths(request)
    if (found.length > 0) {
      throw new CardNumberRefused(
        'A card number was sent where none belongs: card numbers go only in a payment form, never in notes, references, searches, headers or files',
        [...new Set(found)].map((path) => ({ path, message: 'holds a card number' })),
      )
    }
  })
}
