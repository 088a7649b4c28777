/**
 * AUD-2 activity report: one staff user's audit events, newest first, each with the report group it
 * falls in (sign-ins, accounts viewed, changes, payments, messages) and the number of the account it
 * touched, optionally within local dates `from`..`to` (both included, the supplier's time zone). The
 * user is named by id or by email, so a supervisor, who may not list staff, can still find one.
 * Every read is itself audited (`audit.activity.viewed`).
 */
import type { Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as market from '../modules/market/index.js'
import type { Actor } from '../shared/actor.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { localDayRange } from '../shared/time.js'
import { dateRangeProblems } from './report-range.js'

export class InvalidActivityRange extends withCode(ValidationFailed, 'INVALID_ACTIVITY_RANGE') {}

export interface ActivityItem extends audit.AuditEvent {
  readonly kind: audit.ActivityKind
  /** The human number of the account the event touched, when it touched one that exists. */
  readonly accountNumber: string | null
}

export interface ActivityPage {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string; readonly role: string }
  readonly from: string | null
  readonly to: string | null
  readonly timeZone: string
  readonly items: readonly ActivityItem[]
  /** The `seq` to pass as `beforeSeq` for the next page; null on the last one. */
  readonly nextSeq: bigint | null
}

/**
 * A page of a staff user's activity report, newest first, audited as `audit.activity.viewed`.
 * @throws access.StaffUserNotFound (by id or email), InvalidActivityRange, market.SupplierNotConfigured
 */
export async function activityReport({
  tx,
  user,
  from,
  to,
  beforeSeq,
  limit,
  actor,
  at,
}: {
  tx: Tx
  /** A staff user's id (`usr_…`) or email address. */
  user: string
  /** Local dates, both included. */
  from?: string | undefined
  to?: string | undefined
  beforeSeq?: bigint | undefined
  limit: number
  actor: Actor
  at: Date
}): Promise<ActivityPage> {
  const problems = dateRangeProblems({ from, to })
  if (problems.length > 0)
    throw new InvalidActivityRange(
      `The date range is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      problems,
    )
  const staff = await access.findStaffUser(tx, user.trim())
  if (!staff)
    throw new access.StaffUserNotFound(`There is no staff user ${user.trim()}`, [
      { path: 'userId', message: 'no staff user with this id or email' },
    ])
  const timeZone = (await market.getSupplier(tx)).profile.timeZone
  const fromAt = from === undefined ? undefined : localDayRange(from, timeZone).from
  const toAt = to === undefined ? undefined : (localDayRange(to, timeZone).to ?? undefined)
  const events = await audit.listActivity({ db: tx, actorId: staff.id, beforeSeq, from: fromAt, to: toAt, limit })
  const numbers = await accounts.accountNumbersOf({
    tx,
    accountIds: events.flatMap((event) => (event.accountId ? [event.accountId] : [])),
  })
  const items: ActivityItem[] = events.map((event) => ({
    ...event,
    kind: audit.activityKindOf(event.action),
    accountNumber: event.accountId ? (numbers.get(event.accountId) ?? null) : null,
  }))
  await audit.record(tx, {
    actor,
    action: 'audit.activity.viewed',
    subject: { type: 'staff_user', id: staff.id },
    context: {
      from: from ?? null,
      to: to ?? null,
      ...(beforeSeq !== undefined ? { beforeSeq: beforeSeq.toString() } : {}),
      events: items.length,
    },
    at,
    relaxedDurability: true,
  })
  const last = events[events.length - 1]
  return {
    user: { id: staff.id, email: staff.email, displayName: staff.displayName, role: staff.role },
    from: from ?? null,
    to: to ?? null,
    timeZone,
    items,
    nextSeq: events.length === limit && last ? last.seq : null,
  }
}
