/**
 * COL-1..4: collections. After a charge's due date the account moves along the dunning schedule —
 * payment reminder, final notice (with the late fee), disconnection notice, debt-collection referral —
 * one step at a time, each a logged message. Households on the Priority Services Register or flagged
 * vulnerable get the reminder only: escalation is withheld and left to a person, and they are never
 * disconnected. An active payment arrangement or billing dispute pauses dunning. Disconnection orders are raised by
 * people, only after the disconnection notice has had time to work.
 */
import { type Selectable, sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { Conflict, NotFound, ValidationFailed } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { addDays, daysBetween, localDateOf } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as audit from '../audit/index.js'
import * as cases from '../cases/index.js'
import * as ledger from '../ledger/index.js'
import * as market from '../market/index.js'
import * as payments from '../payments/index.js'

export type DunningAction = 'payment_reminder' | 'final_notice' | 'disconnection_notice' | 'debt_collection_referral'

/** Days past due at which each step is taken, in order; a step waits at least `minGapDays` after the one before. */
export const dunningSchedule: readonly { action: DunningAction; daysPastDue: number }[] = [
  { action: 'payment_reminder', daysPastDue: 7 },
  { action: 'final_notice', daysPastDue: 14 },
  { action: 'disconnection_notice', daysPastDue: 28 },
  { action: 'debt_collection_referral', daysPastDue: 42 },
]
const minGapDays = 5
/** A disconnection order needs the disconnection notice sent at least this long before. */
const noticePeriodDays = 7

interface ActionsTable {
  id: string
  account_id: string
  episode_due_on: string
  action: DunningAction | 'late_fee' | 'escalation_withheld'
  amount_minor: bigint | null
  message_id: string | null
  journal_id: string | null
  detail: string | null
  taken_by: string
  taken_at: Date
}
interface OrdersTable {
  id: string
  account_id: string
  status: 'pending' | 'cancelled' | 'completed'
  reason: string
  requested_by: string
  requested_at: Date
  ended_by: string | null
  ended_at: Date | null
}
interface NotesTable {
  id: string
  account_id: string
  kind: 'affordability' | 'debt_advice'
  body: string
  details: unknown
  created_by: string
  created_at: Date
}

const tables = withTables<{
  collection_actions: ActionsTable
  disconnection_orders: OrdersTable
  collection_notes: NotesTable
}>()

export interface CollectionAction {
  readonly id: string
  readonly accountId: string
  /** The due date of the oldest unpaid charge when the step was taken: the debt episode. */
  readonly episodeDueOn: string
  readonly action: ActionsTable['action']
  readonly amountMinor: bigint | null
  readonly messageId: string | null
  readonly journalId: string | null
  readonly detail: string | null
  readonly takenBy: string
  readonly takenAt: Date
}

export interface DisconnectionOrder {
  readonly id: string
  readonly accountId: string
  readonly status: OrdersTable['status']
  readonly reason: string
  readonly requestedBy: string
  readonly requestedAt: Date
  readonly endedBy: string | null
  readonly endedAt: Date | null
}

function toAction(row: Selectable<ActionsTable>): CollectionAction {
  return {
    id: row.id,
    accountId: row.account_id,
    episodeDueOn: row.episode_due_on,
    action: row.action,
    amountMinor: row.amount_minor,
    messageId: row.message_id,
    journalId: row.journal_id,
    detail: row.detail,
    takenBy: row.taken_by,
    takenAt: row.taken_at,
  }
}

function toOrder(row: Selectable<OrdersTable>): DisconnectionOrder {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    endedBy: row.ended_by,
    endedAt: row.ended_at,
  }
}

export class DisconnectionRefused extends Conflict {
  override readonly code = 'DISCONNECTION_REFUSED'
}
export class LateFeeRefused extends Conflict {
  override readonly code = 'LATE_FEE_REFUSED'
}
export class InvalidCollectionsNote extends ValidationFailed {
  override readonly code = 'INVALID_COLLECTIONS_NOTE'
}
export class DisconnectionOrderNotFound extends NotFound {
  override readonly code = 'DISCONNECTION_ORDER_NOT_FOUND'
}

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

async function actionsOf(tx: Db | Tx, accountId: string, episode: string) {
  return tables(tx)
    .selectFrom('collection_actions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('episode_due_on', '=', episode)
    .orderBy('taken_at')
    .execute()
}

async function insertAction(tx: Tx, row: ActionsTable): Promise<boolean> {
  const result = await tables(tx)
    .insertInto('collection_actions')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'episode_due_on', 'action']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}

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
}: {
  tx: Tx
  accountId: string
  on: string
  notify?: Notify | undefined
  actor: Actor
  at: Date
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
  const taken = await actionsOf(tx, accountId, episode)
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
      await insertAction(tx, {
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
  await insertAction(tx, {
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
    await insertAction(tx, {
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
}: {
  tx: Tx
  accountId: string
  amountMinor?: bigint | undefined
  actor: Actor
  at: Date
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
  const inserted = await insertAction(tx, {
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

/**
 * COL-3: raise a disconnection order. Only after the disconnection notice went out at least a week
 * before, never for a protected household, never under an active arrangement.
 * @throws DisconnectionRefused
 */
export async function createDisconnectionOrder({
  tx,
  accountId,
  reason,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  reason: string
  actor: Actor
  at: Date
}): Promise<DisconnectionOrder> {
  await accounts.lockAccount({ tx, accountId })
  const supplier = await market.getSupplier(tx)
  const on = localDateOf(at, supplier.profile.timeZone)
  if (reason.trim().length === 0) throw new DisconnectionRefused('Say why the supply is to be disconnected')
  const registers = (await accounts.protectedAccounts({ tx, accountIds: [accountId] })).get(accountId) ?? []
  if (registers.length > 0) {
    throw new DisconnectionRefused(
      `The household is protected (${registers.join(', ')}): it is never disconnected for debt`,
      { registers },
    )
  }
  if ((await payments.activeArrangementAccounts({ tx, accountIds: [accountId] })).has(accountId)) {
    throw new DisconnectionRefused('The account has an active payment arrangement')
  }
  const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
  const episode = position.oldestPastDueOn
  if (position.pastDueMinor <= 0n || !episode) throw new DisconnectionRefused('The account has nothing past due')
  const notice = (await actionsOf(tx, accountId, episode)).find((action) => action.action === 'disconnection_notice')
  if (!notice || notice.taken_at.getTime() > at.getTime() - noticePeriodDays * 86_400_000) {
    throw new DisconnectionRefused(
      notice
        ? `The disconnection notice went out on ${localDateOf(notice.taken_at)}: wait ${noticePeriodDays} days after it`
        : 'The notice steps are not complete: no disconnection notice has been sent for this debt',
    )
  }
  const row: OrdersTable = {
    id: newId('dco'),
    account_id: accountId,
    status: 'pending',
    reason: reason.trim(),
    requested_by: actor.id,
    requested_at: at,
    ended_by: null,
    ended_at: null,
  }
  const inserted = await tables(tx)
    .insertInto('disconnection_orders')
    .values(row)
    .onConflict((oc) => oc.column('account_id').where('status', '=', 'pending').doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    throw new DisconnectionRefused('A disconnection order is pending on the account already')
  }
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.ordered',
    subject: { type: 'disconnection_order', id: row.id },
    accountId,
    after: { reason: row.reason, pastDueMinor: position.pastDueMinor.toString() },
    at,
  })
  return toOrder(row)
}

/** @throws DisconnectionOrderNotFound */
export async function cancelDisconnectionOrder({
  tx,
  accountId,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  actor: Actor
  at: Date
}) {
  const row = await tables(tx)
    .updateTable('disconnection_orders')
    .set({ status: 'cancelled', ended_by: actor.id, ended_at: at })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
  if (!row) throw new DisconnectionOrderNotFound('There is no pending disconnection order on the account')
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.cancelled',
    subject: { type: 'disconnection_order', id: row.id },
    accountId,
    at,
  })
}

/**
 * The field job is done: the supply was disconnected (the order completed). The account shows gray
 * from then on (ACC-6). @throws DisconnectionOrderNotFound
 */
export async function completeDisconnectionOrder({
  tx,
  accountId,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  actor: Actor
  at: Date
}): Promise<DisconnectionOrder> {
  const row = await tables(tx)
    .updateTable('disconnection_orders')
    .set({ status: 'completed', ended_by: actor.id, ended_at: at })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new DisconnectionOrderNotFound('There is no pending disconnection order on the account')
  await audit.record(tx, {
    actor,
    action: 'collections.disconnection.completed',
    subject: { type: 'disconnection_order', id: row.id },
    accountId,
    at,
  })
  return toOrder(row)
}

/** Accounts whose latest disconnection order was carried out: the supply is off. */
export async function disconnectedAccounts({ tx, accountIds }: { tx: Db | Tx; accountIds: readonly string[] }) {
  if (accountIds.length === 0) return new Set<string>()
  const rows = await tables(tx)
    .selectFrom('disconnection_orders')
    .select('account_id')
    .where('account_id', 'in', accountIds)
    .where('status', '=', 'completed')
    .execute()
  return new Set(rows.map((row) => row.account_id))
}

export async function disconnectionOrdersOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await tables(tx)
    .selectFrom('disconnection_orders')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('requested_at', 'desc')
    .execute()
  return rows.map(toOrder)
}

export async function pendingDisconnections({ tx, accountIds }: { tx: Db | Tx; accountIds: readonly string[] }) {
  if (accountIds.length === 0) return new Set<string>()
  const rows = await tables(tx)
    .selectFrom('disconnection_orders')
    .select('account_id')
    .where('account_id', 'in', accountIds)
    .where('status', '=', 'pending')
    .execute()
  return new Set(rows.map((row) => row.account_id))
}

export async function collectionActionsOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await tables(tx)
    .selectFrom('collection_actions')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('taken_at', 'desc')
    .limit(100)
    .execute()
  return rows.map(toAction)
}

export interface DebtAdviceSignpost {
  readonly code: string
  readonly name: string
  /** How the knowledge base describes it. */
  readonly description: string
}

/** COL-4: where customers in debt are signposted (the knowledge base's list). */
export const debtAdviceSignposts: readonly DebtAdviceSignpost[] = [
  { code: 'stepchange', name: 'StepChange', description: 'Free, confidential debt advice' },
  { code: 'national_debtline', name: 'National Debtline', description: 'Free debt advice charity' },
  { code: 'citizens_advice', name: 'Citizens Advice', description: 'Free, independent advice' },
  { code: 'moneyhelper', name: 'MoneyHelper', description: 'Free financial guidance' },
  { code: 'mhma', name: 'Mental Health & Money Advice', description: 'Support for mental health & finances' },
  { code: 'turn2us', name: 'Turn2us', description: 'Grants and benefits calculator' },
  { code: 'moneysavingexpert', name: 'MoneySavingExpert', description: 'Money saving tips and guides' },
  { code: 'gov_cost_of_living', name: 'GOV.UK', description: 'Government cost of living support' },
]

export interface CollectionsNote {
  readonly id: string
  readonly accountId: string
  readonly kind: NotesTable['kind']
  readonly body: string
  readonly details: unknown
  readonly createdBy: string
  readonly createdAt: Date
}

function toNote(row: Selectable<NotesTable>): CollectionsNote {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    body: row.body,
    details: row.details,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/**
 * Record an affordability check (income, outgoings, what the customer can pay) or the debt-advice
 * organisations the customer was pointed to. Never changed afterwards. @throws InvalidCollectionsNote
 */
export async function recordCollectionsNote({
  tx,
  accountId,
  kind,
  body,
  affordability,
  signposts,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  kind: 'affordability' | 'debt_advice'
  body: string
  affordability?: { monthlyIncomeMinor: bigint; monthlyOutgoingsMinor: bigint; canPayMonthlyMinor: bigint } | undefined
  signposts?: readonly string[] | undefined
  actor: Actor
  at: Date
}): Promise<CollectionsNote> {
  const problems: { path: string; message: string }[] = []
  if (body.trim().length === 0 || body.length > 2000) problems.push({ path: 'body', message: '1 to 2000 characters' })
  let details: Record<string, unknown> = {}
  if (kind === 'affordability') {
    if (!affordability) problems.push({ path: 'affordability', message: 'income, outgoings and what can be paid' })
    else {
      for (const [key, value] of Object.entries(affordability)) {
        if (value < 0n) problems.push({ path: `affordability.${key}`, message: 'must not be negative' })
      }
      details = Object.fromEntries(Object.entries(affordability).map(([key, value]) => [key, value.toString()]))
    }
  } else {
    const known = new Set(debtAdviceSignposts.map((signpost) => signpost.code))
    if (!signposts || signposts.length === 0) problems.push({ path: 'signposts', message: 'at least one organisation' })
    for (const [index, code] of (signposts ?? []).entries()) {
      if (!known.has(code)) problems.push({ path: `signposts.${index}`, message: `one of ${[...known].join(', ')}` })
    }
    details = { signposts: signposts ?? [] }
  }
  if (problems.length > 0) throw new InvalidCollectionsNote('The note is not valid', problems)
  const row: NotesTable = {
    id: newId('coln'),
    account_id: accountId,
    kind,
    body: body.trim(),
    details: JSON.stringify(details),
    created_by: actor.id,
    created_at: at,
  }
  await tables(tx)
    .insertInto('collection_notes')
    .values({ ...row, details: sql`${row.details}::jsonb` })
    .execute()
  await audit.record(tx, {
    actor,
    action: `collections.${kind}.recorded`,
    subject: { type: 'collection_note', id: row.id },
    accountId,
    after: { kind, details },
    at,
  })
  return toNote({ ...row, details })
}

export async function collectionNotesOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await tables(tx)
    .selectFrom('collection_notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toNote)
}

export interface WorklistItem {
  readonly accountId: string
  readonly pastDueMinor: bigint
  readonly balanceMinor: bigint
  readonly oldestPastDueOn: string
  readonly daysPastDue: number
  readonly lastAction: string | null
  readonly lastActionAt: Date | null
  readonly protectedBy: string[]
  readonly arrangement: boolean
  readonly disputed: boolean
  readonly disconnectionPending: boolean
}

/** COL: accounts past due on `on`, most overdue first, for collections specialists. */
export async function worklist({ tx, on, limit }: { tx: Db | Tx; on: string; limit: number }): Promise<WorklistItem[]> {
  const ids: string[] = []
  let afterId: string | null = null
  for (;;) {
    const page = await ledger.accountsOwingPastDue({ tx, asOf: on, afterId, limit: 1000 })
    ids.push(...page)
    afterId = page.at(-1) ?? null
    if (page.length < 1000 || ids.length >= 5000) break
  }
  const protectedBy = await accounts.protectedAccounts({ tx, accountIds: ids })
  const arranged = await payments.activeArrangementAccounts({ tx, accountIds: ids })
  const disconnecting = await pendingDisconnections({ tx, accountIds: ids })
  const disputed = await cases.activeBillingDisputes({ tx, accountIds: ids })
  const items: WorklistItem[] = []
  for (const accountId of ids) {
    const position = await ledger.collectionsPosition({ tx, accountId, asOf: on })
    if (position.pastDueMinor <= 0n || !position.oldestPastDueOn) continue
    const last = await tables(tx)
      .selectFrom('collection_actions')
      .select(['action', 'taken_at'])
      .where('account_id', '=', accountId)
      .orderBy('taken_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    items.push({
      accountId,
      pastDueMinor: position.pastDueMinor,
      balanceMinor: position.balanceMinor,
      oldestPastDueOn: position.oldestPastDueOn,
      daysPastDue: daysBetween(position.oldestPastDueOn, on),
      lastAction: last?.action ?? null,
      lastActionAt: last?.taken_at ?? null,
      protectedBy: protectedBy.get(accountId) ?? [],
      arrangement: arranged.has(accountId),
      disputed: disputed.has(accountId),
      disconnectionPending: disconnecting.has(accountId),
    })
  }
  return items.sort((a, b) => b.daysPastDue - a.daysPastDue || Number(b.pastDueMinor - a.pastDueMinor)).slice(0, limit)
}
