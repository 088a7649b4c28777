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
