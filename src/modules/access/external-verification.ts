/**
 * Caller verification: what a caller said about themselves compared with what is on file, the
 * record of each attempt, and the review flag repeated failures raise.
 */
import type { AccountChange, Db, Tx } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import * as audit from '../audit/index.js'
import { normaliseRelationship, toGrant } from './external-grants.js'
import { type GrantKind, grantInForce, grantKindsOfCaller, type VerifiedCaller } from './external-policy.js'
import * as store from './external-store.js'
import { normaliseEmail } from './external-users.js'

/** How what a caller said about themselves compared with what is on file. */
export type CallerCheck = 'matched' | 'did_not_match' | 'not_on_file'

/**
 * Verification that fits the caller (seed "Verifying User Authority"): a caller who is not the holder
 * is found by their own email among the people with that kind of access in force on the account (an
 * authorized user also by their relationship to the holder); an email request is taken only from an
 * address on file for that caller (the account's emails or the holder's login for the holder).
 * Compared without regard to case and spacing; nothing on file is revealed beyond matched or not.
 * Throws nothing expected.
 */
export async function checkCallerOnFile({
  tx,
  accountId,
  caller,
  accountEmails,
  callerEmail,
  relationship,
  senderEmail,
  at,
}: {
  tx: Db | Tx
  accountId: string
  caller: VerifiedCaller
  /** The emails on the account's contact card (the holder's). */
  accountEmails: readonly string[]
  callerEmail?: string | undefined
  relationship?: string | undefined
  senderEmail?: string | undefined
  at: Date
}): Promise<{
  callerEmail?: CallerCheck
  relationship?: CallerCheck
  senderEmail?: CallerCheck
  userId: string | null
}> {
  const kinds: readonly GrantKind[] = grantKindsOfCaller[caller]
  const people = (await store.liveGrantsOfAccount(tx, accountId))
    .map((row) => ({ ...toGrant(row), email: row.email }))
    .filter((grant) => kinds.includes(grant.kind) && grantInForce(grant, at))
  const onFile = new Set([
    ...people.map((person) => normaliseEmail(person.email)),
    ...(caller === 'holder' ? accountEmails.map(normaliseEmail) : []),
  ])
  const result: Awaited<ReturnType<typeof checkCallerOnFile>> = { userId: null }
  if (senderEmail !== undefined)
    result.senderEmail = onFile.has(normaliseEmail(senderEmail)) ? 'matched' : 'did_not_match'
  const claimed = callerEmail ?? senderEmail
  const person =
    claimed === undefined ? undefined : people.find((item) => normaliseEmail(item.email) === normaliseEmail(claimed))
  if (callerEmail !== undefined)
    result.callerEmail = onFile.has(normaliseEmail(callerEmail)) ? 'matched' : 'did_not_match'
  if (relationship !== undefined) {
    result.relationship = !person
      ? 'did_not_match'
      : person.relationship === null
        ? 'not_on_file'
        : normaliseRelationship(person.relationship) === normaliseRelationship(relationship)
          ? 'matched'
          : 'did_not_match'
  }
  result.userId = person?.userId ?? null
  return result
}

/**
 * USR-4: record which verification questions a caller passed and failed. `maxFailures` failures
 * within `windowHours` flag the account for supervisor review (audited); the answers are not stored.
 */
export async function recordVerification({
  tx,
  accountId,
  channel,
  passed,
  failed,
  caller = 'holder',
  maxFailures = 3,
  windowHours = 24,
  actor,
  at,
}: AccountChange & {
  channel: 'phone' | 'email' | 'in_person' | 'chat'
  /** Who the caller said they were (recorded in the audit event). */
  caller?: VerifiedCaller
  passed: readonly string[]
  failed: readonly string[]
  maxFailures?: number
  windowHours?: number
}): Promise<{ outcome: 'passed' | 'failed'; flagged: boolean; failuresInWindow: number }> {
  const outcome = failed.length === 0 && passed.length > 0 ? 'passed' : 'failed'
  const id = newId('ver')
  await store.insertVerificationAttempt(tx, {
    id,
    account_id: accountId,
    channel,
    passed: [...passed],
    failed: [...failed],
    outcome,
    recorded_by_id: actor.id,
    recorded_at: at,
  })
  await audit.record(tx, {
    actor,
    action: outcome === 'passed' ? 'accounts.verification.passed' : 'accounts.verification.failed',
    subject: { type: 'verification_attempt', id },
    accountId,
    after: { channel, caller, passed, failed },
    at,
  })
  const failuresInWindow =
    outcome === 'failed'
      ? await store.countFailedVerifications(tx, accountId, new Date(at.getTime() - windowHours * 3_600_000))
      : 0
  let flagged = false
  if (failuresInWindow >= maxFailures) {
    flagged = await store.raiseReviewFlag(tx, {
      id: newId('flg'),
      account_id: accountId,
      reason: 'repeated_verification_failures',
      raised_at: at,
    })
    if (flagged) {
      await audit.record(tx, {
        actor,
        action: 'accounts.review_flag.raised',
        subject: { type: 'account', id: accountId },
        accountId,
        after: { reason: 'repeated_verification_failures', failuresInWindow },
        at,
      })
    }
  }
  return { outcome, flagged: flagged || (await store.openReviewFlags(tx, accountId)).length > 0, failuresInWindow }
}

/** The account's open review flags. */
export async function reviewFlagsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await store.openReviewFlags(tx, accountId)
  return rows.map((row) => ({ id: row.id, reason: row.reason, raisedAt: row.raised_at }))
}
