/** The signed-in customer, shared with every portal screen. */
import { createContext, useContext } from 'react'
import type { PortalSession } from './portal-api.js'

export type PortalSessionValue = PortalSession & {
  /** Take a fresh session from the server's answer (after accepting an invitation, say). */
  replace: (session: PortalSession) => void
  signOut: () => Promise<void>
}

export const PortalSessionContext = createContext<PortalSessionValue | null>(null)

/** The signed-in customer; only inside the signed-in portal. */
export function usePortalSession(): PortalSessionValue {
  const session = useContext(PortalSessionContext)
  if (!session) throw new Error('usePortalSession() is used outside <PortalSessionContext.Provider>')
  return session
}
