/**
 * ACC-4: the account timeline — one feed, newest first, of the account's statements, payments and
 * credits, messages in and out, notes, changes (audit events that are not views) and cases, with
 * field visits to come. Each source is read only as far as one page can need (at most `limit` items
 * strictly before the cursor, in the same order as the feed), then the sources are merged and cut,
 * so a page costs the same however long the history is. The cursor is the last item's
 * `(at, kind, id)`, which orders every item of every kind, so pages never repeat or skip an item.
 *
 * The feed shows nobody more than the routes would: each kind is read only for a viewer who holds the
 * permission of the route that lists that kind on its own (`timelineKindPermissions`), and each
 * account change only for one who may read the records it changed (`changePermissions`). A kind the
 * viewer may not see is left out, also when asked for by `kinds`: the console asks for every kind it
 * shows, and a role's feed is the part of it the role may read (the view's audit event names what was
 * left out).
 */
import type { Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as billing from '../modules/billing/index.js'
import * as cases from '../modules/cases/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { decodeJsonCursor, encodeInstantCursor } from '../shared/cursor.js'
import { type Currency, formatMoney, isCurrency } from '../shared/money.js'
import { addDays, localDateOf } from '../shared/time.js'
import { accountOf, recordAccountView } from './account-view.js'

export const timelineKinds = ['statement', 'payment', 'message', 'note', 'change', 'case', 'visit'] as const
export type TimelineKind = (typeof timelineKinds)[number]

/**
 * Who may see each kind of item: the permission of the route that lists that kind on its own, so the
 * timeline never shows what that route would refuse. A change also needs the permission of the
 * records it changed (`changePermissions`).
 */
export const timelineKindPermissions: Readonly<Record<TimelineKind, access.Permission>> = {
  // GET /accounts/{n}/statements
  statement: 'billing.statement.read',
  // GET /accounts/{n}/payments (credits and refunds are payments' history too)
  payment: 'payments.history.read',
  // GET /accounts/{n}/messages
  message: 'comms.message.read',
  // GET /accounts/{n}/notes
  note: 'accounts.account.read',
  // No route of its own: the account's audit trail is read here, with the account.
  change: 'accounts.account.read',
  // GET /accounts/{n}/cases
  case: 'cases.case.read',
  // Field visits (appointments) have no route yet; the field team's permission guards them.
  visit: 'field.appointment.read',
}

/**
 * What an account change is about, by the prefix of its audit action, and the permission of the
 * route that reads those records: a change is shown only to a viewer who may read what it changed
 * (a case's priority change is case text, a direct debit set-up is payment history). Actions with no
 * prefix here need only the `change` kind's own permission.
 */
export const changePermissions: readonly (readonly [actionPrefix: string, permission: access.Permission])[] = [
  ['billing.', timelineKindPermissions.statement],
  ['ledger.', timelineKindPermissions.statement],
  ['payments.', timelineKindPermissions.payment],
  ['collections.', timelineKindPermissions.payment],
  ['comms.', timelineKindPermissions.message],
  ['assist.', timelineKindPermissions.message],
  ['cases.', timelineKindPermissions.case],
  // GET /accounts/{n}/meter-points shows meter points, meters and tariff history.
  ['metering.', 'metering.usage.read'],
  ['tariffs.', 'metering.usage.read'],
  // Contact details and preferences: the contact routes.
  ['accounts.contacts.', 'accounts.contact.read'],
  ['accounts.preferences.', 'accounts.contact.read'],
  ['accounts.sensitive_details.', 'accounts.sensitive_details.export'],
]

/** The kinds a viewer may see, in the feed's order. Throws nothing. */
export function visibleTimelineKinds(viewer: access.Subject): TimelineKind[] {
  return timelineKinds.filter((kind) => access.can(viewer, timelineKindPermissions[kind]))
}

export interface TimelineItem {
  readonly kind: TimelineKind
  readonly at: Date
  readonly title: string
  readonly summary: string
  /** The record the item is: `{ type: 'statement', id: 'stm_…', number: 'S-…' }`. */
  readonly reference: { readonly type: string; readonly id: string; readonly number?: string }
  readonly status?: string
  /** Statements, payments, credits and refunds: the amount, in the account's currency's minor units. */
  readonly amountMinor?: bigint
}

/** Where a page starts: strictly after this item in the feed's order (newest first). */
interface Position {
  readonly at: Date
  readonly kind: TimelineKind
  readonly id: string
}

/** Reads up to `limit` items of one kind strictly before the position, newest first. */
type TimelineSource = (input: {
  tx: Tx
  viewer: access.Subject
  accountId: string
  /** The source's own bound: items at `at` with an id below `id` (or at any earlier instant). */
  before: { at: Date; id: string } | undefined
  limit: number
  locale: string
  timeZone: string
}) => Promise<TimelineItem[]>

// Ids are ASCII letters, digits and '_'; '~' sorts after all of them and '!' before (not '', which
// the payments module's cursor would read as no cursor at all).
const afterEveryId = '~'
const beforeEveryId = '!'

/** Byte order of two strings of ASCII, which is what `collate "C"` gives in the database. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The feed's order, newest first: by instant, then kind, then id, all descending. */
function compareNewestFirst(a: Position, b: Position): number {
  return b.at.getTime() - a.at.getTime() || compareText(b.kind, a.kind) || compareText(b.id, a.id)
}

function positionOf(item: TimelineItem): Position {
  return { at: item.at, kind: item.kind, id: item.reference.id }
}

/**
 * The bound a source of `kind` reads below so that it returns exactly its items after `position`
 * in the feed: at the same instant, a kind that sorts after the position's comes before it in the
 * feed (so none of it is left), and one that sorts before comes after it (all of it is left).
 */
function boundFor(kind: TimelineKind, position: Position | undefined): { at: Date; id: string } | undefined {
  if (!position) return undefined
  const order = compareText(kind, position.kind)
  return { at: position.at, id: order === 0 ? position.id : order > 0 ? beforeEveryId : afterEveryId }
}

const encodeCursor = (position: Position) =>
  Buffer.from(JSON.stringify({ a: position.at.toISOString(), k: position.kind, i: position.id })).toString('base64url')

function decodeCursor(cursor: string | undefined): Position | undefined {
  const isPosition = (value: unknown): value is { a: string; k: TimelineKind; i: string } => {
    const item = value as { a?: unknown; k?: unknown; i?: unknown } | null
    return (
      typeof item?.a === 'string' &&
      !Number.isNaN(new Date(item.a).getTime()) &&
      (timelineKinds as readonly unknown[]).includes(item.k) &&
      typeof item.i === 'string' &&
      /^[A-Za-z0-9_-]{1,200}$/.test(item.i)
    )
  }
  const value = decodeJsonCursor(cursor, isPosition, 'query.before')
  return value ? { at: new Date(value.a), kind: value.k, id: value.i } : undefined
}

function money(amountMinor: bigint, currency: string, locale: string): string {
  return isCurrency(currency) ? formatMoney({ amountMinor, currency: currency as Currency }, locale) : `${amountMinor}`
}

function clip(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Whether an item at `at` with `id` lies strictly before the position in the feed (every item does without one). */
function isBefore(before: { at: Date; id: string } | undefined, at: Date, id: string): boolean {
  return (
    !before ||
    at.getTime() < before.at.getTime() ||
    (at.getTime() === before.at.getTime() && compareText(id, before.id) < 0)
  )
}

const statementSource: TimelineSource = async ({ tx, accountId, before, limit, locale, timeZone }) => {
  const statements = await billing.statementsBefore({ tx, accountId, before, limit })
  return statements.map((statement) => {
    const kind =
      statement.kind === 'periodic' ? 'Statement' : `${capitalised(statement.kind.replace('_', ' '))} statement`
    // The period is half-open: its last day is the day before `periodTo`, in the supplier's time zone.
    const period = `${localDateOf(statement.periodFrom, timeZone)} to ${addDays(localDateOf(statement.periodTo, timeZone), -1)}`
    const due = statement.dueOn ? `, due ${statement.dueOn}` : ''
    return {
      kind: 'statement' as const,
      at: statement.createdAt,
      title: `${kind} ${statement.number}${statement.version > 1 ? ` (version ${statement.version})` : ''}`,
      summary: `${period}: ${money(statement.totalMinor, statement.currency, locale)}${due}`,
      reference: { type: 'statement', id: statement.id, number: statement.number },
      status: statement.status,
      amountMinor: statement.totalMinor,
    }
  })
}

const methodNames: Readonly<Record<payments.PaymentMethodKind, string>> = {
  card: 'card',
  bank_account: 'bank transfer',
  direct_debit: 'Direct Debit',
  check: 'cheque',
  cash: 'cash',
}

/** Payments through `paymentsOf` (created_at, id order), credits and refunds through `creditRequestsOf`. */
const paymentSource: TimelineSource = async ({ tx, accountId, before, limit, locale }) => {
  const cursor = before ? encodeInstantCursor(before.at, before.id) : undefined
  const [page, requests] = await Promise.all([
    payments.paymentsOf({ tx, accountId, limit, cursor }),
    // An account has few credit requests and the module reads them whole; they are cut below.
    payments.creditRequestsOf({ tx, accountId }),
  ])
  const paid: TimelineItem[] = page.items.map((payment) => ({
    kind: 'payment',
    at: payment.createdAt,
    title: `Payment of ${money(payment.amountMinor, payment.currency, locale)} by ${payment.methodLabel ?? methodNames[payment.method]}`,
    summary: [
      `Confirmation ${payment.confirmationNumber}`,
      `posts on ${payment.postsOn}`,
      payment.failure ? `failed: ${payment.failure.message}` : null,
    ]
      .filter(Boolean)
      .join(', '),
    reference: { type: 'payment', id: payment.id, number: payment.confirmationNumber },
    status: payment.status,
    amountMinor: payment.amountMinor,
  }))
  const credited: TimelineItem[] = requests
    .filter((request) => isBefore(before, request.requestedAt, request.id))
    .map((request) => ({
      kind: 'payment',
      at: request.requestedAt,
      title: `${request.kind === 'refund' ? 'Refund' : 'Goodwill credit'} of ${money(request.amountMinor, request.currency, locale)}`,
      summary: clip(request.reason),
      reference: { type: request.kind, id: request.id },
      status: request.status,
      amountMinor: request.amountMinor,
    }))
  return [...paid, ...credited].sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b))).slice(0, limit)
}

const channelNames: Readonly<Record<comms.Channel, string>> = {
  email: 'Email',
  sms: 'Text',
  letter: 'Letter',
  phone_call: 'Phone call',
}

const messageSource: TimelineSource = async ({ tx, accountId, before, limit }) => {
  const messages = await comms.messagesBefore({ tx, accountId, before, limit })
  return messages.map((message) => {
    const channel = channelNames[message.channel]
    const way =
      message.channel === 'phone_call'
        ? message.direction === 'inbound'
          ? 'from the customer'
          : 'to the customer'
        : message.direction === 'inbound'
          ? 'received'
          : 'sent'
    return {
      kind: 'message' as const,
      at: message.occurredAt,
      title: `${channel} ${way}${message.subject ? `: ${clip(message.subject, 120)}` : ''}`,
      summary: clip(message.body),
      reference: { type: 'message', id: message.id },
      status: message.status,
    }
  })
}

const noteSource: TimelineSource = async ({ tx, accountId, before, limit }) => {
  const notes = await accounts.notesBefore({ tx, accountId, before, limit })
  return notes.map((note) => ({
    kind: 'note' as const,
    at: note.createdAt,
    title: `${capitalised(note.type)} note${note.author.displayName ? ` by ${note.author.displayName}` : ''}`,
    summary: clip(note.body),
    reference: { type: 'note', id: note.id },
  }))
}

/**
 * What is not a change of the account: views and reads, and events whose record the feed already
 * shows as an item of its own (messages, notes, statements, payments and credits, the ledger
 * journals they post, and a case's opening).
 */
export const notChanges: readonly string[] = [
  'accounts.account.viewed',
  '.viewed',
  '.read',
  'accounts.search.performed',
  'accounts.note.',
  'comms.message.',
  'comms.call.',
  'billing.statement.',
  'payments.payment.',
  'payments.refund.',
  'payments.goodwill_credit.',
  'ledger.journal.',
  'cases.case.opened',
  // A suggested reply that was sent is the message it became.
  'assist.suggested_reply.',
]

/** Plain values of an event's `after`, as "field: value" (no ids, at most three). */
function detailsOf(after: unknown): string[] {
  if (!after || typeof after !== 'object' || Array.isArray(after)) return []
  return Object.entries(after as Record<string, unknown>)
    .filter(([key, value]) => !/id$/i.test(key) && ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, 3)
    .map(([key, value]) => `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${String(value)}`)
}

function describeChange(
  event: audit.AuditEvent,
  names: ReadonlyMap<string, string>,
): { title: string; summary: string } {
  const [, noun = '', verb = ''] = event.action.split('.')
  const title = capitalised(`${noun.replace(/_/g, ' ')} ${verb.replace(/_/g, ' ')}`.trim() || event.action)
  const who =
    event.actorKind === 'system'
      ? 'the system'
      : event.actorKind === 'customer'
        ? 'the customer'
        : (names.get(event.actorId ?? '') ?? 'a member of staff')
  const details = detailsOf(event.after)
  return { title, summary: `By ${who}${details.length > 0 ? ` — ${details.join('; ')}` : ''}` }
}

const changeSource: TimelineSource = async ({ tx, viewer, accountId, before, limit }) => {
  // Changes to records the viewer may not read are left out in the query, so pages stay full.
  const withheld = changePermissions.filter(([, permission]) => !access.can(viewer, permission))
  const exclude = [...notChanges, ...withheld.map(([prefix]) => prefix)]
  const events = await audit.accountEventsBefore({ db: tx, accountId, before, exclude, limit })
  const names = new Map<string, string>()
  for (const id of new Set(
    events.flatMap((event) => (event.actorKind === 'staff' && event.actorId ? [event.actorId] : [])),
  )) {
    const user = await access.findStaffUser(tx, id)
    if (user) names.set(id, user.displayName)
  }
  return events.map((event) => ({
    kind: 'change' as const,
    at: event.occurredAt,
    ...describeChange(event, names),
    reference: { type: 'audit_event', id: event.id },
  }))
}

/**
 * Cases through the cases module's own list (`listCases`, by id): an account has few cases, so they
 * are read whole, a hundred at a time, and cut here by opened time and id like every other source.
 */
const caseSource: TimelineSource = async ({ tx, accountId, before, limit }) => {
  const all: cases.Case[] = []
  let cursor: string | undefined
  do {
    const page = await cases.listCases({ tx, filter: { accountId }, limit: 100, cursor })
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return all
    .filter((item) => isBefore(before, item.openedAt, item.id))
    .map((item) => ({
      kind: 'case' as const,
      at: item.openedAt,
      title: `Case ${item.number}: ${clip(item.subject, 120)}`,
      summary: `${capitalised(item.type.replace(/_/g, ' '))}, ${item.priority} priority: ${clip(item.description, 160)}`,
      reference: { type: 'case', id: item.id, number: item.number },
      status: item.status,
    }))
    .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
    .slice(0, limit)
}

/** Field visits (appointments) do not exist yet: the kind is accepted and yields nothing. */
const visitSource: TimelineSource = async () => []

const sources: Readonly<Record<TimelineKind, TimelineSource>> = {
  statement: statementSource,
  payment: paymentSource,
  message: messageSource,
  note: noteSource,
  change: changeSource,
  case: caseSource,
  visit: visitSource,
}

/**
 * The account's timeline (ACC-4), newest first, of the kinds asked for (all when none) that the viewer
 * may see (the others are left out, see `timelineKindPermissions`), a page at a time; an audited view
 * of the account.
 * @throws AccountNotFound, InvalidCursor
 */
export async function accountTimeline({
  tx,
  viewer,
  accountNumber,
  kinds,
  before,
  limit,
  actor,
  at,
}: {
  tx: Tx
  /** Who is looking: each kind and change is filtered by the permission its own route needs. */
  viewer: access.Subject
  accountNumber: string
  kinds?: readonly TimelineKind[] | undefined
  /** The `nextCursor` of the page before. */
  before?: string | undefined
  limit: number
  actor: Actor
  at: Date
}): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const account = await accountOf(tx, accountNumber)
  const position = decodeCursor(before)
  const asked = kinds && kinds.length > 0 ? timelineKinds.filter((kind) => kinds.includes(kind)) : [...timelineKinds]
  const visible = visibleTimelineKinds(viewer)
  const wanted = asked.filter((kind) => visible.includes(kind))
  const withheld = asked.filter((kind) => !visible.includes(kind))
  const { profile } = await market.getSupplier(tx)
  // One source at a time: a transaction is one connection, and PGlite runs one query at a time.
  const found: TimelineItem[] = []
  for (const kind of wanted) {
    const items = await sources[kind]({
      tx,
      viewer,
      accountId: account.id,
      before: boundFor(kind, position),
      limit: limit + 1,
      locale: profile.locale,
      timeZone: profile.timeZone,
    })
    found.push(...items)
  }
  found.sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  await recordAccountView(tx, {
    accountId: account.id,
    what: 'timeline',
    context: { kinds: wanted, ...(withheld.length > 0 ? { withheld } : {}), ...(before ? { before } : {}) },
    actor,
    at,
  })
  return { items, nextCursor: found.length > limit && last ? encodeCursor(positionOf(last)) : null }
}
