/**
 * Grants: who may use an account and how (holder, authorized user, third party, power of attorney);
 * granting, listing, changing levels, revoking and expiring them.
 */
import type { AccountChange, Change, Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as audit from '../audit/index.js'
import { type GrantFacts, type GrantKind, type GrantStatus, grantKinds, thirdPartyScopes } from './external-policy.js'
import * as store from './external-store.js'
import { AccountUserNotFound, GrantExists, InvalidGrant, NotReviewable } from './external-users.js'

/** A grant: the facts the policy reads (kind, status, scope, validity), whose they are and on which account. */
export interface Grant extends GrantFacts {
  readonly id: string
  readonly accountId: string
  readonly userId: string
  /** The person's relationship to the account holder, as said when they were added. */
  readonly relationship: string | null
}

export function toGrant(row: store.GrantRow): Grant {
  return {
    ...camelFields(row, ['id', 'account_id', 'user_id', 'valid_from', 'valid_to', 'relationship']),
    kind: row.kind as GrantKind,
    status: row.status as GrantStatus,
    scope: (typeof row.scope === 'string' ? JSON.parse(row.scope) : row.scope) as string[],
  }
}

// A relationship as people say it: "Spouse", " my  spouse " and "spouse" are one answer.
export function normaliseRelationship(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(my|their|his|her) /i, '')
    .toLowerCase()
}

/**
 * Give a person a relationship to an account. A third party's access ends after `days` (within the
 * supplier's bounds); a power of attorney waits for legal review of `poaDocument` (pending_approval).
 * `relationship` is the person's relationship to the holder ("spouse"); `grantedBy` names who added
 * them when that is not the actor (the holder whose invitation was accepted).
 * @throws InvalidGrant, GrantExists
 */
export async function grantAccountAccess({
  tx,
  accountId,
  userId,
  kind,
  scope = [],
  days,
  thirdPartyDays,
  poaDocument,
  relationship,
  grantedBy,
  actor,
  at,
}: AccountChange & {
  userId: string
  kind: GrantKind
  scope?: readonly string[]
  days?: number | undefined
  thirdPartyDays?: { readonly min: number; readonly max: number }
  poaDocument?: string | undefined
  relationship?: string | null | undefined
  grantedBy?: { readonly kind: string; readonly id: string } | undefined
}): Promise<Grant & { poaDocumentId: string | null }> {
  const problems: { path: string; message: string }[] = []
  const said = relationship?.normalize('NFKC').trim().replace(/\s+/g, ' ') || null
  if (said !== null && said.length > 100) problems.push({ path: 'relationship', message: 'at most 100 characters' })
  let validTo: Date | null = null
  if (kind === 'third_party') {
    const bounds = thirdPartyDays ?? { min: 30, max: 90 }
    if (days === undefined || !Number.isInteger(days) || days < bounds.min || days > bounds.max)
      problems.push({ path: 'days', message: `between ${bounds.min} and ${bounds.max} days` })
    else validTo = new Date(at.getTime() + days * 86_400_000)
    if (scope.length === 0 || scope.some((item) => !(thirdPartyScopes as readonly string[]).includes(item)))
      problems.push({ path: 'scope', message: `one or more of ${thirdPartyScopes.join(', ')}` })
  } else if (scope.length > 0) problems.push({ path: 'scope', message: 'only a third party has a scope' })
  if (kind === 'power_of_attorney' && !poaDocument?.trim())
    problems.push({ path: 'poaDocument', message: 'a power of attorney needs its document on file' })
  if (problems.length > 0) throw new InvalidGrant('The access cannot be granted', problems)
  if (await store.findLiveGrant(tx, { userId, accountId })) {
    throw new GrantExists('This person already has access to the account (or is waiting for it)')
  }
  const row: store.GrantRow = {
    id: newId('grt'),
    account_id: accountId,
    user_id: userId,
    kind,
    status: kind === 'power_of_attorney' ? 'pending_approval' : 'active',
    status_at: at,
    scope: [...scope],
    valid_from: at,
    valid_to: validTo,
    granted_by_kind: grantedBy?.kind ?? actor.kind,
    granted_by_id: grantedBy?.id ?? actor.id,
    created_at: at,
    relationship: said,
  }
  await store.insertGrant(tx, row)
  let poaDocumentId: string | null = null
  if (kind === 'power_of_attorney') {
    poaDocumentId = newId('poa')
    await store.insertPoaDocument(tx, {
      id: poaDocumentId,
      account_id: accountId,
      grant_id: row.id,
      description: (poaDocument ?? '').trim(),
      status: 'pending',
      submitted_at: at,
      submitted_by_id: actor.id,
      reviewed_at: null,
      reviewed_by_id: null,
      review_note: null,
    })
  }
  await audit.record(tx, {
    actor,
    action: 'access.grant.created',
    subject: { type: 'account_grant', id: row.id },
    accountId,
    after: {
      userId,
      kind,
      status: row.status,
      scope,
      validTo: validTo?.toISOString() ?? null,
      poaDocumentId,
      relationship: said,
      grantedBy: { kind: row.granted_by_kind, id: row.granted_by_id },
    },
    at,
  })
  return { ...toGrant(row), poaDocumentId }
}

/** The person's live grant on the account (active or pending), whether or not it is still in force. */
export async function grantOn({
  tx,
  userId,
  accountId,
}: {
  tx: Db | Tx
  userId: string
  accountId: string
}): Promise<Grant | undefined> {
  const row = await store.findLiveGrant(tx, { userId, accountId })
  return row ? toGrant(row) : undefined
}

/** A person's live grants with the account numbers, by account number. */
export async function grantsOfUser({ tx, userId }: { tx: Db | Tx; userId: string }) {
  const rows = await store.liveGrantsOfUser(tx, userId)
  return rows.map((row) => ({ ...toGrant(row), accountNumber: row.account_number }))
}

/** The people with a live grant on an account. */
export async function usersOfAccount({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await store.liveGrantsOfAccount(tx, accountId)
  return rows.map((row) => ({ ...toGrant(row), email: row.email, displayName: row.display_name }))
}

/** One entry of who may use an account, as staff see it. */
export interface AccountUser {
  readonly grantId: string
  readonly userId: string
  readonly email: string
  readonly displayName: string
  readonly kind: GrantKind
  readonly status: GrantStatus
  readonly scope: readonly string[]
  readonly since: Date
  readonly validTo: Date | null
  readonly relationship: string | null
  readonly addedBy: { readonly kind: string; readonly id: string; readonly displayName: string | null }
  readonly poaDocument: { readonly id: string; readonly status: string; readonly reviewedAt: Date | null } | null
}

/**
 * Who may use an account (seed "Account Users", for staff): every live grant, holders first, then
 * authorized users, property managers, attorneys (with their document's legal review) and third
 * parties (with scope and end), each with when, by whom and with what relationship they were added.
 */
export async function accountUsers({ tx, accountId }: { tx: Db | Tx; accountId: string }): Promise<AccountUser[]> {
  const rows = await store.accountUserRows(tx, accountId)
  const order: readonly GrantKind[] = grantKinds
  return rows
    .map((row) => {
      const grant = toGrant(row)
      return {
        grantId: grant.id,
        userId: grant.userId,
        email: row.email,
        displayName: row.display_name,
        kind: grant.kind,
        status: grant.status,
        scope: grant.scope,
        since: grant.validFrom,
        validTo: grant.validTo,
        relationship: grant.relationship,
        addedBy: {
          kind: row.granted_by_kind,
          id: row.granted_by_id,
          displayName: row.granted_by_staff_name ?? row.granted_by_customer_name ?? null,
        },
        poaDocument: row.poa_document_id
          ? { id: row.poa_document_id, status: row.poa_status ?? 'pending', reviewedAt: row.poa_reviewed_at }
          : null,
      }
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
}

/**
 * Change a grant and record the change, before and after, as an audit event on its account in the
 * caller's transaction; the grant as it now is.
 */
async function changeGrant(
  tx: Tx,
  row: store.GrantRow,
  {
    set,
    action,
    before,
    after,
    actor,
    at,
  }: {
    set: Parameters<typeof store.updateGrant>[2]
    action: string
    before: Record<string, unknown>
    after: Record<string, unknown>
    actor: Actor
    at: Date
  },
): Promise<Grant> {
  await store.updateGrant(tx, row.id, set)
  const subject = { type: 'account_grant', id: row.id }
  await audit.record(tx, { actor, action, subject, accountId: row.account_id, before, after, at })
  return toGrant({ ...row, ...set })
}

async function authorisedGrantOf(tx: Tx, accountId: string, userId: string) {
  const row = await store.findLiveGrant(tx, { userId, accountId })
  if (!row) throw new AccountUserNotFound(`There is no user ${userId} on this account`)
  if (row.kind !== 'authorized_full' && row.kind !== 'authorized_limited') {
    throw new NotReviewable('Only authorized users can be changed or removed here; ask us about other access')
  }
  return row
}

/** Change an authorized user's level. @throws AccountUserNotFound, NotReviewable */
export async function changeAuthorizedLevel({
  tx,
  accountId,
  userId,
  level,
  actor,
  at,
}: AccountChange & {
  userId: string
  level: 'full' | 'limited'
}): Promise<Grant> {
  const row = await authorisedGrantOf(tx, accountId, userId)
  const kind = level === 'full' ? 'authorized_full' : 'authorized_limited'
  return changeGrant(tx, row, {
    set: { kind },
    action: 'access.grant.level_changed',
    before: { kind: row.kind },
    after: { kind },
    actor,
    at,
  })
}

/** Remove an authorized user's access. @throws AccountUserNotFound, NotReviewable */
export async function revokeAuthorizedUser({
  tx,
  accountId,
  userId,
  actor,
  at,
}: AccountChange & {
  userId: string
}): Promise<Grant> {
  const row = await authorisedGrantOf(tx, accountId, userId)
  return changeGrant(tx, row, {
    set: { status: 'revoked', status_at: at },
    action: 'access.grant.revoked',
    before: { status: row.status },
    after: { status: 'revoked' },
    actor,
    at,
  })
}

/** Mark every active grant whose time is up as expired (third parties); the ids changed. */
export async function expireLapsedGrants({ tx, actor, at }: Change): Promise<string[]> {
  const rows = await store.lapsedGrants(tx, at)
  for (const row of rows) {
    await changeGrant(tx, row, {
      set: { status: 'expired', status_at: at },
      action: 'access.grant.expired',
      before: { status: 'active' },
      after: { status: 'expired' },
      actor,
      at,
    })
  }
  return rows.map((row) => row.id)
}
