/**
 * Named errors with stable codes. Every expected failure is a subclass of one of the kinds below,
 * declared where it is thrown; `httpStatusByKind` is the one table that maps them to HTTP.
 */

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'invariant'

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>> | undefined

export abstract class DomainError extends Error {
  abstract readonly code: string
  abstract readonly kind: ErrorKind
  readonly details: ErrorDetails

  constructor(message: string, details?: ErrorDetails) {
    super(message)
    this.name = new.target.name
    this.details = details
  }
}

/** The one table from error kind to HTTP status. */
export const httpStatusByKind: Readonly<Record<ErrorKind, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  invariant: 500,
}

export class ValidationFailed extends DomainError {
  readonly code: string = 'VALIDATION_FAILED'
  readonly kind = 'validation' as const
}

export class NotFound extends DomainError {
  readonly code: string = 'NOT_FOUND'
  readonly kind = 'not_found' as const
}

export class Conflict extends DomainError {
  readonly code: string = 'CONFLICT'
  readonly kind = 'conflict' as const
}

export class Forbidden extends DomainError {
  readonly code: string = 'FORBIDDEN'
  readonly kind = 'forbidden' as const
}

export class Unauthenticated extends DomainError {
  readonly code: string = 'UNAUTHENTICATED'
  readonly kind = 'unauthenticated' as const
}

export class Locked extends DomainError {
  readonly code: string = 'LOCKED'
  readonly kind = 'locked' as const
}

export class InvariantBroken extends DomainError {
  readonly code: string = 'INVARIANT_BROKEN'
  readonly kind = 'invariant' as const
}

/** HTTP status for any thrown value: domain errors by their kind, anything else 500. */
export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? httpStatusByKind[error.kind] : 500
}
