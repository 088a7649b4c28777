/**
 * PAY-6: payment arrangements. A down payment (by default the supplier's percentage of what is past
 * due), then instalments of a fixed amount at a frequency until the past-due amount is paid; the
 * last instalment takes the remainder. Payments received after the arrangement starts pay its
 * instalments in order; an instalment still unpaid a grace period after its due date breaks the
 * arrangement, and collections resume.
 */
import type { AccountChange, Change, Db, IdBatchQuery, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { addDays, localDateOf } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as arrangementStore from './arrangements-store.js'
import type * as store from './store.js'
import { ArrangementExists, InvalidArrangement, NothingPastDue } from './types.js'

export type Frequency = 'weekly' | 'fortnightly' | 'monthly'

export interface Instalment {
  readonly seq: number
  readonly dueOn: string
  readonly amountMinor: bigint
  readonly paidMinor: bigint
  readonly state: 'paid' | 'part_paid' | 'due' | 'missed' | 'scheduled'
}

export interface Arrangement {
  readonly id: string
  readonly accountId: string
  readonly pastDueMinor: bigint
  readonly downPaymentMinor: bigint
  readonly instalmentMinor: bigint
  readonly frequency: Frequency
  readonly startsOn: string
  readonly graceDays: number
  readonly status: 'active' | 'completed' | 'broken' | 'cancelled'
  readonly createdAt: Date
  readonly endedAt: Date | null
  readonly endReason: string | null
  readonly paidMinor: bigint
  readonly schedule: readonly Instalment[]
}

function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

function nthDate(start: string, frequency: Frequency, n: number): string {
  if (frequency === 'monthly') return addMonths(start, n)
  return addDays(start, n * (frequency === 'weekly' ? 7 : 14))
}

/** The schedule, pure: instalment 0 is the down payment (when there is one), due on the start date. */
export function planSchedule({
  pastDueMinor,
  downPaymentMinor,
  instalmentMinor,
  frequency,
  startsOn,
}: {
  pastDueMinor: bigint
  downPaymentMinor: bigint
  instalmentMinor: bigint
  frequency: Frequency
  startsOn: string
}): { seq: number; dueOn: string; amountMinor: bigint }[] {
  const schedule: { seq: number; dueOn: string; amountMinor: bigint }[] = []
  if (downPaymentMinor > 0n) schedule.push({ seq: 0, dueOn: startsOn, amountMinor: downPaymentMinor })
  let left = pastDueMinor - downPaymentMinor
  let n = 1
  while (left > 0n) {
    const amount = left < instalmentMinor ? left : instalmentMinor
    schedule.push({ seq: n, dueOn: nthDate(startsOn, frequency, n), amountMinor: amount })
    left -= amount
    n++
  }
  return schedule
}

/** Allocate what was paid to the instalments in order and say where each stands on `today`. */
export function instalmentStates(
  schedule: readonly { seq: number; dueOn: string; amountMinor: bigint }[],
  paidMinor: bigint,
  today: string,
  graceDays: number,
): Instalment[] {
  let left = paidMinor
  return schedule.map((instalment) => {
    const paid = left >= instalment.amountMinor ? instalment.amountMinor : left > 0n ? left : 0n
    left -= paid
    const state: Instalment['state'] =
      paid === instalment.amountMinor
        ? 'paid'
        : addDays(instalment.dueOn, graceDays) < today
          ? 'missed'
          : instalment.dueOn <= today
            ? paid > 0n
              ? 'part_paid'
              : 'due'
            : paid > 0n
              ? 'part_paid'
              : 'scheduled'
    return { ...instalment, paidMinor: paid, state }
  })
}

async function toArrangement(tx: Db | Tx, row: store.ArrangementRow, today: string): Promise<Arrangement> {
  const schedule = await arrangementStore.instalmentsOf(tx, row.id)
  const paid = await ledger.paymentsSince({ tx, accountId: row.account_id, since: row.created_at })
  return {
    id: row.id,
    accountId: row.account_id,
    pastDueMinor: row.past_due_minor,
    downPaymentMinor: row.down_payment_minor,
    instalmentMinor: row.instalment_minor,
    frequency: row.frequency,
    startsOn: row.starts_on,
    graceDays: row.grace_days,
    status: row.status,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    paidMinor: paid > 0n ? paid : 0n,
    schedule: instalmentStates(
      schedule.map((item) => ({ seq: item.seq, dueOn: item.due_on, amountMinor: item.amount_minor })),
      paid > 0n ? paid : 0n,
      today,
      row.grace_days,
    ),
  }
}

/**
 * Set up an arrangement for what is past due today. @throws NothingPastDue, ArrangementExists,
 * InvalidArrangement
 */
export async function createArrangement({
  tx,
  accountId,
  downPaymentMinor,
  instalmentMinor,
  frequency,
  startsOn,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  /** Defaults to the supplier's percentage (seed: 25%) of the past-due amount, rounded up. */
  downPaymentMinor?: bigint | undefined
  instalmentMinor: bigint
  frequency: Frequency
  startsOn?: string | undefined
  actor: Actor
  at: Date
}): Promise<Arrangement> {
  await accounts.lockAccount({ tx, accountId })
  const supplier = await market.getSupplier(tx)
  const today = localDateOf(at, supplier.profile.timeZone)
  const { pastDueMinor } = await ledger.ageing({ tx, accountId, asOf: today })
  if (pastDueMinor <= 0n) throw new NothingPastDue('The account has nothing past due to arrange')
  const existing = await arrangementStore.activeArrangementId(tx, accountId)
  if (existing) throw new ArrangementExists(`The account has an active arrangement already (${existing})`)
  const percent = BigInt(supplier.settings.arrangementDownPaymentPercent)
  const down = downPaymentMinor ?? (pastDueMinor * percent + 99n) / 100n
  const start = startsOn ?? today
  const problems: { path: string; message: string }[] = []
  if (down < 0n || down > pastDueMinor) {
    problems.push({ path: 'downPaymentMinor', message: `between 0 and the past-due amount ${pastDueMinor}` })
  }
  if (instalmentMinor <= 0n) problems.push({ path: 'instalmentMinor', message: 'must be more than 0' })
  if (start < today) problems.push({ path: 'startsOn', message: 'must not be in the past' })
  if (start > addDays(today, 31)) problems.push({ path: 'startsOn', message: 'must be within 31 days' })
  if (problems.length === 0 && down < pastDueMinor) {
    const count = (pastDueMinor - down + instalmentMinor - 1n) / instalmentMinor
    if (count > 60n) {
      problems.push({ path: 'instalmentMinor', message: `${count} instalments: at most 60 — raise the instalment` })
    }
  }
  if (problems.length > 0) throw new InvalidArrangement('The arrangement is not valid', problems)
  const schedule = planSchedule({ pastDueMinor, downPaymentMinor: down, instalmentMinor, frequency, startsOn: start })
  const row: store.ArrangementRow = {
    id: newId('arr'),
    account_id: accountId,
    past_due_minor: pastDueMinor,
    down_payment_minor: down,
    instalment_minor: instalmentMinor,
    frequency,
    instalments: schedule.length,
    starts_on: start,
    grace_days: supplier.settings.arrangementGraceDays,
    status: 'active',
    created_by: actor.id,
    created_at: at,
    ended_at: null,
    end_reason: null,
  }
  await arrangementStore.insertArrangement(
    tx,
    row,
    schedule.map((item) => ({
      arrangement_id: row.id,
      seq: item.seq,
      due_on: item.dueOn,
      amount_minor: item.amountMinor,
    })),
  )
  await audit.record(tx, {
    actor,
    action: 'payments.arrangement.created',
    subject: { type: 'payment_arrangement', id: row.id },
    accountId,
    after: {
      pastDueMinor: pastDueMinor.toString(),
      downPaymentMinor: down.toString(),
      instalmentMinor: instalmentMinor.toString(),
      frequency,
      instalments: schedule.length,
      startsOn: start,
    },
    at,
  })
  return toArrangement(tx, row, today)
}

export async function arrangementsOf({ tx, accountId, at }: { tx: Db | Tx; accountId: string; at: Date }) {
  const supplier = await market.getSupplier(tx)
  const today = localDateOf(at, supplier.profile.timeZone)
  const rows = await arrangementStore.arrangementsOf(tx, accountId)
  return Promise.all(rows.map((row) => toArrangement(tx, row, today)))
}

export async function activeArrangementAccounts({ tx, accountIds }: { tx: Db | Tx; accountIds: readonly string[] }) {
  return new Set(await arrangementStore.accountsWithActiveArrangement(tx, accountIds))
}

/** Active arrangements, a page at a time by id (the daily review). */
export async function activeArrangementIds({ tx, afterId, limit }: IdBatchQuery) {
  return arrangementStore.activeArrangementIds(tx, { afterId, limit })
}

/**
 * The daily look at an arrangement: paid in full → completed; an instalment missed beyond the grace
 * period → broken (collections resume). @returns the new status when it changed
 */
export async function reviewArrangement({
  tx,
  arrangementId,
  actor,
  at,
}: Change & {
  arrangementId: string
}): Promise<'completed' | 'broken' | null> {
  const row = await arrangementStore.lockArrangement(tx, arrangementId)
  if (row?.status !== 'active') return null
  const supplier = await market.getSupplier(tx)
  const arrangement = await toArrangement(tx, row, localDateOf(at, supplier.profile.timeZone))
  const missed = arrangement.schedule.find((instalment) => instalment.state === 'missed')
  const outcome = arrangement.schedule.every((instalment) => instalment.state === 'paid')
    ? ('completed' as const)
    : missed
      ? ('broken' as const)
      : null
  if (!outcome) return null
  const reason =
    outcome === 'completed'
      ? 'paid in full'
      : `instalment ${missed?.seq} of ${missed?.amountMinor} due ${missed?.dueOn} not paid within ${row.grace_days} days`
  await arrangementStore.endArrangement(tx, row.id, { status: outcome, endedAt: at, reason })
  await audit.record(tx, {
    actor,
    action: `payments.arrangement.${outcome}`,
    subject: { type: 'payment_arrangement', id: row.id },
    accountId: row.account_id,
    before: { status: 'active' },
    after: { status: outcome, reason },
    at,
  })
  return outcome
}

export async function cancelArrangement({
  tx,
  accountId,
  reason,
  actor,
  at,
}: AccountChange & {
  reason: string
}): Promise<boolean> {
  const id = await arrangementStore.cancelActiveArrangement(tx, accountId, {
    endedAt: at,
    reason: reason.trim() || 'cancelled',
  })
  if (!id) return false
  await audit.record(tx, {
    actor,
    action: 'payments.arrangement.cancelled',
    subject: { type: 'payment_arrangement', id },
    accountId,
    after: { reason },
    at,
  })
  return true
}
