/**
 * What every screen of the console needs: the API client and the signed-in user. Provided once by
 * `App`, read with `useApi()` and `useSession()`.
 */
import { createContext, useContext } from 'react'
import type { ApiClient, StaffUser } from './api.js'

export type Session = {
  user: StaffUser
  /** Replace the user after a change on the server (a new password clears `mustChangePassword`). */
  updateUser: (user: StaffUser) => void
  signOut: () => Promise<void>
}

export const ApiContext = createContext<ApiClient | null>(null)
export const SessionContext = createContext<Session | null>(null)

/** The shared API client. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() is used outside <ApiContext.Provider>')
  return api
}

/** The signed-in user and session actions; only rendered inside the signed-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() is used outside <SessionContext.Provider>')
  return session
}
