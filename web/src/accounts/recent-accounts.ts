/**
 * "Recently viewed accounts", kept in this browser's localStorage per staff user until the server
 * keeps them (a later issue). Storage can be full, disabled or hand-edited, so every read is defensive.
 */
import { useCallback, useEffect, useState } from 'react'

export type RecentAccount = {
  accountNumber: string
  customerName: string
  postcode: string
  viewedAt: string
}

const keep = 8
const changeEvent = 'cuttle:recent-accounts'

function storageKey(userId: string): string {
  return `cuttle.console.recentAccounts.${userId}`
}

function isRecentAccount(value: unknown): value is RecentAccount {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry['accountNumber'] === 'string' &&
    typeof entry['customerName'] === 'string' &&
    typeof entry['postcode'] === 'string' &&
    typeof entry['viewedAt'] === 'string'
  )
}

/** The user's recently viewed accounts, most recent first. */
export function readRecentAccounts(userId: string): RecentAccount[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isRecentAccount).slice(0, keep) : []
  } catch {
    return []
  }
}

/** Put an account at the top of the user's recently viewed list. */
export function rememberRecentAccount(userId: string, account: RecentAccount): void {
  const others = readRecentAccounts(userId).filter((entry) => entry.accountNumber !== account.accountNumber)
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify([account, ...others].slice(0, keep)))
    window.dispatchEvent(new Event(changeEvent))
  } catch {
    // Storage full or disabled: the list is a convenience, so the console carries on without it.
  }
}

/** The list, kept current when an account is viewed here or in another tab. */
export function useRecentAccounts(userId: string): { accounts: RecentAccount[]; clear: () => void } {
  const [accounts, setAccounts] = useState(() => readRecentAccounts(userId))

  useEffect(() => {
    const refresh = () => setAccounts(readRecentAccounts(userId))
    refresh()
    window.addEventListener(changeEvent, refresh)
    window.addEventListener('storage', refresh)
    return () => {
      window.removeEventListener(changeEvent, refresh)
      window.removeEventListener('storage', refresh)
    }
  }, [userId])

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(storageKey(userId))
    } catch {
      // Nothing to clear when storage is unavailable.
    }
    setAccounts([])
  }, [userId])

  return { accounts, clear }
}
