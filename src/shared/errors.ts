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

/**
 * The base class of one kind of error with its general code; each kind below is one line, and a
 * module's own error extends one of them and names its specific code.
 */
function errorOfKind<K extends ErrorKind>(kind: K, code: string) {
  abstract class OfKind extends DomainError {
    readonly code: string = code
    readonly kind: K = kind
  }
  return OfKind
}

export class ValidationFailed extends errorOfKind('validation', 'VALIDATION_FAILED') {}
export class NotFound extends errorOfKind('not_found', 'NOT_FOUND') {}
export class Conflict extends errorOfKind('conflict', 'CONFLICT') {}
export class Forbidden extends errorOfKind('forbidden', 'FORBIDDEN') {}
export class Unauthenticated extends errorOfKind('unauthenticated', 'UNAUTHENTICATED') {}
export class Locked extends errorOfKind('locked', 'LOCKED') {}
export class InvariantBroken extends errorOfKind('invariant', 'INVARIANT_BROKEN') {}

/** A concrete error class of one kind: what `withCode` extends. */
type ErrorClass = new (message: string, details?: ErrorDetails) => DomainError

/**
 * A subclass of an error kind with its own stable code, for the many errors that add nothing else
 * (`export class CaseNotFound extends withCode(NotFound, 'CASE_NOT_FOUND') {}`): it is still an
 * instance of its kind, and its name is the class that extends it.
 */
export function withCode<Kind extends ErrorClass>(kind: Kind, code: string): Kind {
  // Abstract to the compiler only (the kind is set by the class it extends at run time).
  abstract class Coded extends (kind as ErrorClass) {
    override readonly code = code
  }
  return Coded as unknown as Kind
}

/** HTTP status for any thrown value: domain errors by their kind, anything else 500. */
export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? httpStatusByKind[error.kind] : 500
}
