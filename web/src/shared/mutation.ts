/**
 * The one way a console form or dialog writes: `@tanstack/react-query`'s `useMutation` with what every
 * form around it used to keep by hand — whether it is sending, the problems found before sending, the
 * server's field problems and message (`ApiError`), and the queries the write makes stale, invalidated
 * once it succeeds.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from './api-error.js'

/** Problems by field path (`amountMinor`, `card.number`), shown beside their fields. */
export type Problems = Record<string, string>

export type FormMutationOptions<Result, Input> = {
  mutationFn: (input: Input) => Promise<Result>
  /** The queries the write makes stale, invalidated when it succeeds (not awaited: the answer shows at once). */
  invalidates?: readonly QueryKey[]
  /** Runs after a success, whether or not the form is still shown (a dialog may have closed). */
  onSuccess?: (result: Result, input: Input) => unknown
  /** Runs after a failure (a declined payment is still recorded, and changes the account). */
  onError?: (error: Error, input: Input) => unknown
  /** What to say when a failure carries no message of the server's. */
  failure: string
  /** The message of a server's refusal, when the form words it differently from `error.message`. */
  describe?: (error: ApiError) => string
  /** Fields whose problem is shown beside them: when the server names one, its message is not said again above. */
  inlineFields?: readonly string[]
}

/**
 * A write for a form: `check` the problems found before sending (it keeps them for the fields and
 * says whether there were none), then `send`. `problems` holds those and the server's field problems;
 * `error` the message of a failure, or null.
 */
export function useFormMutation<Result, Input = void>({
  mutationFn,
  invalidates,
  onSuccess,
  onError,
  failure,
  describe,
  inlineFields,
}: FormMutationOptions<Result, Input>) {
  const queryClient = useQueryClient()
  const [found, setFound] = useState<Problems>({})
  const mutation = useMutation({
    mutationFn,
    onSuccess: (result: Result, input: Input) => {
      for (const queryKey of invalidates ?? []) void queryClient.invalidateQueries({ queryKey })
      return onSuccess?.(result, input)
    },
    onError,
  })
  const caught = mutation.error
  const fromServer: Problems = caught instanceof ApiError ? caught.fieldProblems() : {}
  const shownInline = inlineFields?.some((field) => field in fromServer) ?? false
  const error =
    caught === null || shownInline
      ? null
      : caught instanceof ApiError
        ? (describe?.(caught) ?? caught.message)
        : failure

  /** Keeps the problems found before sending; true when there are none and the form may be sent. */
  function check(problems: Problems): boolean {
    setFound(problems)
    if (Object.keys(problems).length === 0) return true
    mutation.reset()
    return false
  }

  /** Sends, unless a send is already on its way. */
  function send(input: Input) {
    if (!mutation.isPending) mutation.mutate(input)
  }

  return {
    check,
    send,
    sending: mutation.isPending,
    problems: { ...found, ...fromServer },
    error,
    /** The last failure as thrown, for forms that tell one refusal from another. */
    caught,
    result: mutation.data,
    /** Whether the last write succeeded (for a write that answers with nothing). */
    done: mutation.isSuccess,
    input: mutation.variables,
    reset: mutation.reset,
  }
}

export type FormMutation<Result, Input> = ReturnType<typeof useFormMutation<Result, Input>>
