/**
 * The one data-fetching cache of the console and the portal (`@tanstack/react-query`): caching,
 * refetching and out-of-order answers are handled here once rather than in each screen's effect.
 * A 4xx is an answer (never retried); a network failure or a 5xx is retried once.
 */
import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-error.js'

/** Whether a failed call is worth one more try: not when the server refused it for a reason. */
export function worthRetrying(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failures < 1
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: worthRetrying,
        // Agents move between tabs of one account: reuse what came in the last 30 seconds.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}

/**
 * Resolve once no query or write of `client` is on its way (waiting at most `limitMs`). Signing out
 * waits for this before ending the session: a request sent with the session and answered after it
 * ended would come back 401, an error in the browser's console for nothing.
 */
export async function whenIdle(client: QueryClient, limitMs = 2_000): Promise<void> {
  const until = Date.now() + limitMs
  while ((client.isFetching() > 0 || client.isMutating() > 0) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
