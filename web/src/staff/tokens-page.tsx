/// <reference types="vite/client" />
/**
 * Tokens, for those holding `access.token.manage` (issue 19 hole 1): every API token, whether it acts as
 * a person or a service account, how many permissions it carries, when it expires and was last used,
 * and revoking one. Secrets are never listed; they were shown once, to whoever issued the token.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { type QueueOutcome, ReviewQueue } from '../shared/review-queue.js'
import { type ApiTokenItem, listStaff, listTokens, staffPermission, tokensPermission } from './access-api.js'
import { RevokeTokenDialog, TokenTable } from './token-parts.js'
import './staff-access.css'

/** A token with the words for whom it acts as. */
type TokenRow = { token: ApiTokenItem; owner: string }

export function TokensPage() {
  const { user } = useSession()
  if (!user.permissions.includes(tokensPermission)) {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">Tokens</h1>
        </header>
        <p className="callout callout-info">
          Everyone’s tokens are for access managers. Your own are under My security.
        </p>
      </div>
    )
  }
  return <AllTokens canNameStaff={user.permissions.includes(staffPermission)} />
}

function AllTokens({ canNameStaff }: { canNameStaff: boolean }) {
  const api = useApi()
  const [revoking, setRevoking] = useState<ApiTokenItem | null>(null)

  const queryClient = useQueryClient()
  const [outcome, setOutcome] = useState<QueueOutcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const tokensQuery = useQuery({ queryKey: ['tokens'], queryFn: () => listTokens(api) })
  const staffQuery = useQuery({ queryKey: ['staff'], queryFn: () => listStaff(api), enabled: canNameStaff })
  const failed = tokensQuery.error ?? staffQuery.error
  const ready = tokensQuery.data && (!canNameStaff || staffQuery.data)
  const names = new Map((staffQuery.data ?? []).map((member) => [member.id, `${member.displayName} (${member.email})`]))
  const nameOf = (userId: string) => names.get(userId) ?? userId
  const items: TokenRow[] = ready
    ? (tokensQuery.data ?? []).map((token) => ({
        token,
        owner: token.serviceAccountId
          ? `Service account ${token.serviceAccountId}, issued by ${token.createdBy ? nameOf(token.createdBy) : 'the operator'}`
          : token.userId
            ? nameOf(token.userId)
            : '—',
      }))
    : []
  const queue = failed
    ? {
        status: 'failed' as const,
        message: failed instanceof ApiError ? failed.message : 'Tokens could not be loaded.',
      }
    : ready
      ? { status: 'loaded' as const, items }
      : { status: 'loading' as const }

  function reload() {
    return Promise.all([tokensQuery.refetch(), ...(canNameStaff ? [staffQuery.refetch()] : [])])
  }

  async function revoked(text: string) {
    setRevoking(null)
    setOutcome({ tone: 'success', text })
    await queryClient.invalidateQueries({ queryKey: ['tokens'] })
    outcomeRef.current?.focus()
  }

  const owners = new Map(items.map((row) => [row.token.id, row.owner]))
  const now = new Date()
  const live = items.filter(({ token }) => !token.revokedAt && new Date(token.expiresAt) > now).length

  return (
    <ReviewQueue
      className="tokens-page"
      testId="tokens-page"
      title="Tokens"
      lede="Every API token, newest first: whom it acts as, how much it may do and until when. Revoke one that is no longer needed or may have leaked."
      queue={queue}
      onRefresh={() => void reload()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="tokens-outcome"
      loadingLabel="Loading tokens…"
    >
      {queue.status === 'loaded' && (
        <section className="card card-flush" aria-labelledby="all-tokens-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="all-tokens-title">
              API tokens
            </h2>
            <span className="muted" data-testid="tokens-live-count">
              {live} live
            </span>
          </header>
          {items.length === 0 ? (
            <p className="empty" data-testid="tokens-empty">
              No API tokens have been issued.
            </p>
          ) : (
            <TokenTable
              tokens={items.map((row) => row.token)}
              ownerOf={(token) => owners.get(token.id) ?? ''}
              onRevoke={setRevoking}
              caption="Every API token, newest first"
            />
          )}
        </section>
      )}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={revoked} />}
    </ReviewQueue>
  )
}
