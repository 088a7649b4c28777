/**
 * PAY-1: a card number never reaches the database, the logs or the audit log. Before validation,
 * every request's path parameters, query and body are scanned for card numbers (Luhn-valid runs of
 * 13–19 digits that start as a card does); one found anywhere but a field the route declares as a
 * card field (`config.cardFields`, handed straight to the processor for a token) is refused with a
 * 400 that names the field and never echoes the number.
 */
import type { FastifyInstance } from 'fastify'
import { findCardNumbers, pathsHoldingCardNumbers } from '../modules/payments/index.js'
import { ValidationFailed } from '../shared/errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Body fields that may carry a card number or security code (`card.number`). */
    cardFields?: readonly string[]
  }
}

export class CardNumberRefused extends ValidationFailed {
  override readonly code = 'CARD_NUMBER_REFUSED'
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

export function refuseCardNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const allowed = new Set((request.routeOptions.config as { cardFields?: readonly string[] }).cardFields ?? [])
    const found = [
      ...pathsHoldingCardNumbers(request.params ?? {}).map((path) => `params.${path}`),
      ...pathsHoldingCardNumbers(request.query ?? {}).map((path) => `query.${path}`),
      ...pathsHoldingCardNumbers(request.body ?? {})
        .filter((path) => !allowed.has(path))
        .map((path) => `body.${path}`),
      ...(findCardNumbers(decoded(request.url)).length > 0 ? ['url'] : []),
    ]
    if (found.length > 0) {
      throw new CardNumberRefused(
        'A card number was sent where none belongs: card numbers go only in a payment form, never in notes, references or searches',
        [...new Set(found)].map((path) => ({ path, message: 'holds a card number' })),
      )
    }
  })
}
