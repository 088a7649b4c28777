/// <reference types="vite/client" />
/**
 * Tokens, for those holding `access.token.manage` (issue 19 hole 1): every API token, whether it acts as
 * a person or a service account, how many permissions it carries, when it expires and was last used,
 * and revoking one. Secrets are never listed; they were shown once, to whoever issued the token.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { ReviewQueue } from '../shared/review-queue.js'
import { type ApiTokenItem, listStaff, listTokens, staffPermission, tokensPermission } from './access-api.js'
import { RevokeTokenDialog, TokenTable } from './token-parts.js'
import './staff-access.css'

type Queue =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; tokens: ApiTokenItem[]; names: ReadonlyMap<string, string> }
type Outcome = { tone: 'success' | 'error'; text: string }

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
  const [queue, setQueue] = useState<Queue>({ status: 'loading' })
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [revoking, setRevoking] = useState<ApiTokenItem | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)

  const load = useCallback(async () => {
    try {
      const [tokens, staff] = await Promise.all([listTokens(api), canNameStaff ? listStaff(api) : Promise.resolve([])])
      setQueue({
        status: 'loaded',
        tokens,
        names: new Map(staff.map((member) => [member.id, `${member.displayName} (${member.email})`])),
      })
    } catch (error) {
      setQueue({ status: 'failed', message: error instanceof ApiError ? error.message : 'Tokens could not be loaded.' })
    }
  }, [api, canNameStaff])

  useEffect(() => {
    void load()
  }, [load])

  async function revoked(text: string) {
    setRevoking(null)
    setOutcome({ tone: 'success', text })
    await load()
    outcomeRef.current?.focus()
  }

  const loaded = queue.status === 'loaded' ? queue : null
  const ownerOf = (token: ApiTokenItem) => {
    if (token.serviceAccountId) {
      const creator = token.createdBy ? (loaded?.names.get(token.createdBy) ?? token.createdBy) : 'the operator'
      return `Service account ${token.serviceAccountId}, issued by ${creator}`
    }
    return token.userId ? (loaded?.names.get(token.userId) ?? token.userId) : '—'
  }
  const live = loaded?.tokens.filter((token) => !token.revokedAt && new Date(token.expiresAt) > new Date()).length ?? 0

  return (
    <ReviewQueue
      className="tokens-page"
      testId="tokens-page"
      title="Tokens"
      lede="Every API token, newest first: whom it acts as, how much it may do and until when. Revoke one that is no longer needed or may have leaked."
      queue={queue}
      onRefresh={() => void load()}
      outcome={outcome}
      outcomeRef={outcomeRef}
      outcomeTestId="tokens-outcome"
      loadingLabel="Loading tokens…"
    >
      {loaded && (
        <section className="card card-flush" aria-labelledby="all-tokens-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="all-tokens-title">
              API tokens
            </h2>
            <span className="muted" data-testid="tokens-live-count">
              {live} live
            </span>
          </header>
          {loaded.tokens.length === 0 ? (
            <p className="empty" data-testid="tokens-empty">
              No API tokens have been issued.
            </p>
          ) : (
            <TokenTable
              tokens={loaded.tokens}
              ownerOf={ownerOf}
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
