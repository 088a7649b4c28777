/**
 * The error every failed API call becomes, in the console and the portal: the server's stable
 * `code`, its human `message` and any `details` (field problems, shown beside their fields).
 */

/** One problem with one input field, as the server reports it in `error.details`. */
export type FieldProblem = { path: string; message: string }

/** A failed API call: the server's stable `code`, its human `message` and any `details`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor({
    status,
    code,
    message,
    details,
  }: { status: number; code: string; message: string; details?: unknown }) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }

  /**
   * The field problems in `details`, keyed by field path (`body`, `newPassword`), ready to show
   * beside the field. Paths may be strings or arrays (zod issue paths), and request-schema problems
   * are prefixed with the request part (`body.type`), which is dropped; several problems for one
   * field are joined.
   */
  fieldProblems(): Record<string, string> {
    const problems: Record<string, string> = {}
    if (!Array.isArray(this.details)) return problems
    for (const entry of this.details) {
      if (typeof entry !== 'object' || entry === null) continue
      const { path, message } = entry as { path?: unknown; message?: unknown }
      const key = fieldKey(path)
      if (!key || typeof message !== 'string' || !message) continue
      const sentence = message.charAt(0).toUpperCase() + message.slice(1)
      problems[key] = problems[key] ? `${problems[key]}; ${message}` : sentence
    }
    return problems
  }
}

const requestParts = new Set(['body', 'query', 'querystring', 'params'])

function fieldKey(path: unknown): string {
  const segments = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : []
  // `body.type` is the request body's `type`; a lone `body` is a field of that name (a note's body).
  if (segments.length > 1 && requestParts.has(segments[0] ?? '')) segments.shift()
  return segments.join('.')
}
