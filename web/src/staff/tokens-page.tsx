/// <reference types="vite/client" />
/**
 * Tokens, for those holding `access.token.manage` (issue 19 hole 1): every API token, whether it acts as
 * a person or a service account, how many permissions it carries, when it expires and was last used,
 * and revoking one. Secrets are never listed; they were shown once, to whoever issued the token.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { QueueCard, type QueueState, queueStatus, ReviewQueue, useQueueOutcome } from '../shared/review-queue.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { type ApiTokenItem, listStaff, listTokens, staffPermission, tokensPermission } from './access-api.js'
import { RevokeTokenDialog, TokenTable } from './token-parts.js'
import './staff-access.css'

/** A token with the words for whom it acts as. */
type TokenRow = { token: ApiTokenItem; owner: string }

export function TokensPage() {
  const { user } = useSession()
  return (
    <PermissionGate
      permission={tokensPermission}
      title="Tokens"
      refusal="Everyone’s tokens are for access managers. Your own are under My security."
    >
      <AllTokens canNameStaff={user.permissions.includes(staffPermission)} />
    </PermissionGate>
  )
}

function AllTokens({ canNameStaff }: { canNameStaff: boolean }) {
  const api = useApi()
  const [revoking, setRevoking] = useState<ApiTokenItem | null>(null)
  const tokensQuery = useQuery({ queryKey: ['tokens'], queryFn: () => listTokens(api) })
  const staffQuery = useQuery({ queryKey: ['staff'], queryFn: () => listStaff(api), enabled: canNameStaff })
  const { outcome, outcomeRef, decided } = useQueueOutcome([['tokens']])
  const queries = canNameStaff ? [tokensQuery, staffQuery] : [tokensQuery]
  const state: QueueState = {
    queue: queueStatus('Tokens could not be loaded.', ...queries),
    reload: () => Promise.all(queries.map((query) => query.refetch())),
    outcome,
    outcomeRef,
  }
  const names = new Map((staffQuery.data ?? []).map((member) => [member.id, `${member.displayName} (${member.email})`]))
  const nameOf = (userId: string) => names.get(userId) ?? userId
  const items: TokenRow[] =
    state.queue.status === 'loaded'
      ? (tokensQuery.data ?? []).map((token) => ({
          token,
          owner: token.serviceAccountId
            ? `Service account ${token.serviceAccountId}, issued by ${token.createdBy ? nameOf(token.createdBy) : 'the operator'}`
            : token.userId
              ? nameOf(token.userId)
              : '—',
        }))
      : []

  async function revoked(text: string) {
    setRevoking(null)
    await decided(text)
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
      state={state}
      outcomeTestId="tokens-outcome"
      loadingLabel="Loading tokens…"
    >
      <QueueCard
        titleId="all-tokens-title"
        title="API tokens"
        count={`${live} live`}
        countTestId="tokens-live-count"
        empty={items.length === 0 && 'No API tokens have been issued.'}
        emptyTestId="tokens-empty"
      >
        <TokenTable
          tokens={items.map((row) => row.token)}
          ownerOf={(token) => owners.get(token.id) ?? ''}
          onRevoke={setRevoking}
          caption="Every API token, newest first"
        />
      </QueueCard>
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={revoked} />}
    </ReviewQueue>
  )
}
