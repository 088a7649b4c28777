/**
 * COL-1..2: the dunning schedule. After a charge's due date the account moves along it — payment
 * reminder, final notice (with the late fee), disconnection notice, debt-collection referral — one
 * step at a time, each a logged message. Households on the Priority Services Register or flagged
 * vulnerable get the reminder only: escalation is withheld and left to a person. An active payment
 * arrangement or billing dispute pauses dunning.
 */
import type { AccountChange, Db, Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import { addDays, daysBetween, localDateOf } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as cases from '../cases/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as payments from '../payments/index.js'
import { type ActionRow, actionsInEpisode, type DunningAction, insertActionOnce, recentActionsOf } from './store.js'

export type { DunningAction } from './store.js'

/** Days past due at which each step is taken, in order; a step waits at least `minGapDays` after the one before. */
export const dunningSchedule: readonly { action: DunningAction; daysPastDue: number }[] = [
  { action: 'payment_reminder', daysPastDue: 7 },
  { action: 'final_notice', daysPastDue: 14 },
  { action: 'disconnection_notice', daysPastDue: 28 },
  { action: 'debt_collection_referral', daysPastDue: 42 },
]

const minGapDays = 5

export interface CollectionAction {
  readonly id: string
  readonly accountId: string
  /** The due date of the oldest unpaid charge when the step was taken: the debt episode. */
  readonly episodeDueOn: string
  readonly action: ActionRow['action']
  readonly amountMinor: bigint | null
  readonly messageId: string | null
  readonly journalId: string | null
  readonly detail: string | null
  readonly takenBy: string
  readonly takenAt: Date
}

function toAction(row: ActionRow): CollectionAction {
  return camelFields(row, [
    'id',
    'account_id',
    'episode_due_on',
    'action',
    'amount_minor',
    'message_id',
    'journal_id',
    'detail',
    'taken_by',
    'taken_at',
  ])
}

export class LateFeeRefused extends withCode(Conflict, 'LATE_FEE_REFUSED') {}

/**
 * Sends a dunning message in the caller's transaction and returns the message id (the
 * communications module, wired in by the use case).
 */
export type Notify = (
  tx: Tx,
  message: { accountId: string; action: DunningAction; pastDueMinor: bigint; episodeDueOn: string; on: string },
) => Promise<string | null>

export type CollectionOutcome =
  | { kind: 'nothing_past_due' }
  | { kind: 'paused'; reason: 'arrangement' | 'dispute' }
  | { kind: 'waiting'; daysPastDue: number; next: DunningAction | null }
  | { kind: 'taken'; action: DunningAction; daysPastDue: number; lateFeeMinor: bigint | null }
  | { kind: 'withheld'; action: DunningAction; registers: string[] }

async function postLateFee(
  tx: Tx,
  {
    accountId,
    episode,
    amount,
    on,
    actor,
    at,
  }: { accountId: string; episode: string; amount: bigint; on: string; actor: Actor; at: Date },
) {
  const supplier = await market.getSupplier(tx)
  const { journal } = await ledger.postJournal({
    tx,
    journal: {
      idempotencyKey: `late_fee:${accountId}:${episode}`,
      reason: 'fee.late_payment',
      reference: { type: 'account', id: accountId },
      accountId,
      currency: supplier.profile.currency,
      effectiveOn: on,
      description: `Late payment fee (charges due ${episode})`,
      postings: [
        { book: 'customer', accountId, amountMinor: amount, dueOn: addDays(on, 14) },
        { book: 'fees', accountId, amountMinor: -amount },
      ],
    },
    actor,
    at,
  })
  return journal.id
}

/**
 * Move one account along the dunning schedule for the date `on`: at most one step per run, each
 * step once per debt episode (a rerun takes nothing twice).
 */
export async function reviewAccount({
  tx,
  accountId,
  on,
  notify,
  actor,
  at,
}: AccountChange & {
  on: string
  notify?: Notify | undefined
}): Promise<CollectionOutcome> {
  await accounts.lockAccount({ tx, accountId })
  const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
  const episode = position.oldestPastDueOn
  if (position.pastDueMinor <= 0n || !episode) return { kind: 'nothing_past_due' }
  if ((await payments.activeArrangementAccounts({ tx, accountIds: [accountId] })).has(accountId)) {
    return { kind: 'paused', reason: 'arrangement' }
  }
  // CAS-2: an active billing dispute pauses dunning until the case is resolved.
  if ((await cases.activeBillingDisputes({ tx, accountIds: [accountId] })).has(accountId)) {
    return { kind: 'paused', reason: 'dispute' }
  }
  const daysPastDue = daysBetween(episode, on)
  const taken = await actionsInEpisode(tx, accountId, episode)
  const done = new Set(taken.map((action) => action.action))
  const next = dunningSchedule.find((step) => !done.has(step.action))
  if (!next) return { kind: 'waiting', daysPastDue, next: null }
  const last = taken.filter((action) => action.action !== 'escalation_withheld' && action.action !== 'late_fee').at(-1)
  const rested = !last || last.taken_at.getTime() <= at.getTime() - minGapDays * 86_400_000
  if (daysPastDue < next.daysPastDue || !rested) return { kind: 'waiting', daysPastDue, next: next.action }
  const registers = (await accounts.protectedAccounts({ tx, accountIds: [accountId] })).get(accountId) ?? []
  if (registers.length > 0 && next.action !== 'payment_reminder') {
    // COL-4: no automatic escalation for a protected household; a person decides, once per episode.
    if (!done.has('escalation_withheld')) {
      await insertActionOnce(tx, {
        id: newId('cola'),
        account_id: accountId,
        episode_due_on: episode,
        action: 'escalation_withheld',
        amount_minor: position.pastDueMinor,
        message_id: null,
        journal_id: null,
        detail: `${next.action} withheld: ${registers.join(', ')}`,
        taken_by: actor.id,
        taken_at: at,
      })
      await audit.record(tx, {
        actor,
        action: 'collections.escalation.withheld',
        subject: { type: 'account', id: accountId },
        accountId,
        after: { step: next.action, registers, pastDueMinor: position.pastDueMinor.toString() },
        at,
      })
    }
    return { kind: 'withheld', action: next.action, registers }
  }
  const supplier = await market.getSupplier(tx)
  const messageId =
    (await notify?.(tx, {
      accountId,
      action: next.action,
      pastDueMinor: position.pastDueMinor,
      episodeDueOn: episode,
      on,
    })) ?? null
  await insertActionOnce(tx, {
    id: newId('cola'),
    account_id: accountId,
    episode_due_on: episode,
    action: next.action,
    amount_minor: position.pastDueMinor,
    message_id: messageId,
    journal_id: null,
    detail: null,
    taken_by: actor.id,
    taken_at: at,
  })
  let lateFeeMinor: bigint | null = null
  const fee = supplier.settings.lateFeeMinor
  if (next.action === 'final_notice' && fee > 0n && !done.has('late_fee')) {
    const journalId = await postLateFee(tx, { accountId, episode, amount: fee, on, actor, at })
    await insertActionOnce(tx, {
      id: newId('cola'),
      account_id: accountId,
      episode_due_on: episode,
      action: 'late_fee',
      amount_minor: fee,
      message_id: null,
      journal_id: journalId,
      detail: 'applied with the final notice',
      taken_by: actor.id,
      taken_at: at,
    })
    lateFeeMinor = fee
  }
  await audit.record(tx, {
    actor,
    action: `collections.${next.action}.sent`,
    subject: { type: 'account', id: accountId },
    accountId,
    after: {
      pastDueMinor: position.pastDueMinor.toString(),
      daysPastDue,
      episode,
      messageId,
      ...(lateFeeMinor ? { lateFeeMinor: lateFeeMinor.toString() } : {}),
    },
    at,
  })
  return { kind: 'taken', action: next.action, daysPastDue, lateFeeMinor }
}

/**
 * COL-2: a late fee applied by a permitted person (the route checks the role), once per debt episode.
 * @throws LateFeeRefused
 */
export async function applyLateFee({
  tx,
  accountId,
  amountMinor,
  actor,
  at,
}: AccountChange & {
  amountMinor?: bigint | undefined
}) {
  await accounts.lockAccount({ tx, accountId })
  const supplier = await market.getSupplier(tx)
  const on = localDateOf(at, supplier.profile.timeZone)
  const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
  const episode = position.oldestPastDueOn
  if (position.pastDueMinor <= 0n || !episode) throw new LateFeeRefused('The account has nothing past due')
  const amount = amountMinor ?? supplier.settings.lateFeeMinor
  if (amount <= 0n) throw new LateFeeRefused('Late fees are turned off in the supplier settings')
  if (amount > supplier.settings.lateFeeMinor) {
    throw new LateFeeRefused(`A late fee can be at most ${supplier.settings.lateFeeMinor} (the supplier setting)`)
  }
  const journalId = await postLateFee(tx, { accountId, episode, amount, on, actor, at })
  const inserted = await insertActionOnce(tx, {
    id: newId('cola'),
    account_id: accountId,
    episode_due_on: episode,
    action: 'late_fee',
    amount_minor: amount,
    message_id: null,
    journal_id: journalId,
    detail: 'applied by hand',
    taken_by: actor.id,
    taken_at: at,
  })
  if (!inserted) throw new LateFeeRefused(`A late fee was applied already for the charges due ${episode}`)
  await audit.record(tx, {
    actor,
    action: 'collections.late_fee.applied',
    subject: { type: 'account', id: accountId },
    accountId,
    after: { amountMinor: amount.toString(), episode },
    at,
  })
  return { amountMinor: amount, episode }
}

export async function collectionActionsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await recentActionsOf(tx, accountId)
  return rows.map(toAction)
}
