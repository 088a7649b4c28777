/**
 * The one HTTP client of the console and the portal (issue 20, item 2): `openapi-fetch` over the
 * types generated from `/openapi.json` (`web/src/generated/api-schema.ts`, `npm run generate:api`),
 * so a path, its parameters, its body and its answer are checked against what the server declares.
 * Every error answer becomes a thrown `ApiError` (the server's stable code, message and field
 * details); a 401 on a request made while signed in calls the app's sign-out handler.
 */
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '../generated/api-schema.js'
import { ApiError } from './api-error.js'

export type { paths }

/** The JSON body a path and method answer with on success (200, 201 or 202). */
export type ResponseOf<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'put' | 'patch' | 'delete',
> = paths[Path][Method] extends { responses: infer Responses }
  ? Responses extends { 200: { content: { 'application/json': infer Body } } }
    ? Body
    : Responses extends { 201: { content: { 'application/json': infer Body } } }
      ? Body
      : Responses extends { 202: { content: { 'application/json': infer Body } } }
        ? Body
        : never
  : never

/** The JSON body a path and method take. */
export type RequestOf<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'put' | 'patch' | 'delete',
> = paths[Path][Method] extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never

/** A header a request sets when a 401 is its own answer to handle (signing in, probing the session). */
export const expectUnauthenticatedHeader = 'x-cuttle-expect-unauthenticated'

export type CuttleClientOptions = {
  /** Called when a request made while signed in comes back 401, so the app can show the sign-in page. */
  onUnauthenticated?: (error: ApiError) => void
}

/** A client for one app (console or portal): same-origin cookies, JSON, errors as `ApiError`. */
export function createCuttleClient({ onUnauthenticated }: CuttleClientOptions = {}) {
  // Requests on their way, so signing out can wait for them (`whenIdle`).
  let inFlight = 0
  const idle: (() => void)[] = []
  const client = createClient<paths>({
    baseUrl: globalThis.location?.origin ?? '',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    fetch: async (request) => {
      inFlight += 1
      try {
        return await globalThis.fetch(request)
      } finally {
        inFlight -= 1
        if (inFlight === 0) for (const resolve of idle.splice(0)) resolve()
      }
    },
  })
  const errors: Middleware = {
    async onResponse({ request, response }) {
      if (response.ok) return undefined
      const error = await apiErrorOf(response)
      const expected = request.headers.has(expectUnauthenticatedHeader)
      if (error.status === 401 && !expected) onUnauthenticated?.(error)
      throw error
    },
    onError({ error }) {
      if (error instanceof ApiError) return error
      return new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: 'Cuttle could not be reached. Check your connection and try again.',
        details: String(error),
      })
    },
  }
  client.use(errors)
  /**
   * Resolve once no request of this client is on its way. Signing out waits for this before ending
   * the session: a request sent with the session and answered after it ended would come back 401, an
   * error in the browser's console for nothing.
   */
  const whenIdle = (): Promise<void> =>
    inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))
  return Object.assign(client, { whenIdle })
}

export type CuttleClient = ReturnType<typeof createCuttleClient>

/** The `ApiError` an error answer carries (`{ error: { code, message, details } }`), whatever its body. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let payload: unknown = null
  try {
    payload = await response.clone().json()
  } catch {
    payload = null
  }
  const body = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error
  return new ApiError({
    status: response.status,
    code: typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`,
    message:
      typeof body?.message === 'string'
        ? body.message
        : `The server answered ${response.status} ${response.statusText}`,
    details: body?.details,
  })
}

/**
 * The data of a call, for code that wants a value or a thrown `ApiError` (errors are already thrown by
 * the client's middleware; this narrows the type and catches a success with no body).
 */
export async function dataOf<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, response } = await call
  if (data === undefined && response.status !== 204) {
    throw new ApiError({ status: response.status, code: 'EMPTY_RESPONSE', message: 'The server sent no answer' })
  }
  return data as Data
}
