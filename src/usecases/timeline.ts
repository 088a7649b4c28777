/**
 * ACC-4: the account timeline — one feed, newest first, of the account's statements, payments and
 * credits, meter readings (one item per meter point per read day), messages in and out, notes,
 * changes (audit events that are not views) and cases, with field visits to come. Each item is dated
 * by when it happened for the business (issue 21, item 9), not when its row was written: a statement
 * when it was issued (made, while it waits for review or an invoice), a payment when it was taken, a
 * credit or refund when it was asked for, readings when they were read, a message when it was sent or
 * received, a change when it was made, a case when it was opened. Each source is read only as far as
 * one page can need (at most `limit` items strictly before the cursor, in the same order as the
 * feed), then the sources are merged and cut. The cursor is the last item's `(at, kind, id)` — the
 * same key the feed is ordered by, which orders every item of every kind — so pages never repeat or
 * skip an item. Titles and summaries are sentences an agent would read out, with dates in the
 * supplier's locale and time zone (`4 Mar 2026`), as the console shows them.
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
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { decodeJsonCursor, encodeInstantCursor } from '../shared/cursor.js'
import { dateWords, periodWords } from '../shared/date-words.js'
import { type Currency, formatMoney, isCurrency } from '../shared/money.js'
import { addDays, localDateOf, startOfLocalDay } from '../shared/time.js'
import { accountOf, recordAccountView } from './account-view.js'

export const timelineKinds = ['statement', 'payment', 'reading', 'message', 'note', 'change', 'case', 'visit'] as const
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
  // GET /accounts/{n}/meter-points (and its readings)
  reading: 'metering.usage.read',
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
  ['metering.', timelineKindPermissions.reading],
  ['tariffs.', timelineKindPermissions.reading],
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
  /** When it happened for the business (see the module's comment), which orders the feed. */
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
  accountNumber: string
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

/** The newest-first cut of items read whole: those strictly before the bound, at most `limit`. */
function cut(items: readonly TimelineItem[], before: { at: Date; id: string } | undefined, limit: number) {
  return items
    .filter((item) => isBefore(before, item.at, item.reference.id))
    .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)))
    .slice(0, limit)
}

/** The words of a list: `a`, `a and b`, `a, b and c`. */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** When a statement happened for the business: its issue, or its making while it is not issued. */
const statementDate = (statement: billing.Statement) => statement.issuedAt ?? statement.createdAt

const statementDoings: Readonly<Record<billing.StatementStatus, string>> = {
  held: 'held for review',
  issued: 'issued',
  rejected: 'rejected',
  superseded: 'issued',
  uninvoiced: 'made for the next invoice',
  invoiced: 'issued',
}

/**
 * Statements through the billing module's own list (`listStatements`): the feed orders them by their
 * issue, which the module's lists do not, and an account has a statement a month or so, so they are
 * read whole, a hundred at a time, and cut here by business date and id like every other source.
 */
const statementSource: TimelineSource = async ({ tx, accountNumber, before, limit, locale, timeZone }) => {
  const all: billing.Statement[] = []
  let cursor: string | undefined
  do {
    const page = await billing.listStatements({ tx, accountNumber, limit: 100, cursor })
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const items = all.map((statement): TimelineItem => {
    const kind =
      statement.kind === 'periodic' ? 'Statement' : `${capitalised(statement.kind.replace('_', ' '))} statement`
    const version = statement.version > 1 ? ` (version ${statement.version})` : ''
    const period = periodWords(statement.periodFrom, statement.periodTo, locale, timeZone)
    const due = statement.dueOn ? `, due ${dateWords(statement.dueOn, locale)}` : ''
    const total = money(statement.totalMinor, statement.currency, locale)
    const closing = statement.closingBalanceMinor
    const balance =
      closing === null
        ? ''
        : closing > 0n
          ? `The account owed ${money(closing, statement.currency, locale)} after it.`
          : closing < 0n
            ? `The account was ${money(-closing, statement.currency, locale)} in credit after it.`
            : 'The account owed nothing after it.'
    const held =
      statement.status === 'held' && statement.holdReasons.length > 0
        ? `Waiting for a billing specialist: ${statement.holdReasons.map((reason) => reason.message).join('; ')}`
        : ''
    return {
      kind: 'statement',
      at: statementDate(statement),
      title: `${kind} ${statement.number}${version} ${statementDoings[statement.status]} for ${period}: ${total}${due}`,
      summary: clip(held || balance),
      reference: { type: 'statement', id: statement.id, number: statement.number },
      status: statement.status,
      amountMinor: statement.totalMinor,
    }
  })
  return cut(items, before, limit)
}

const methodNames: Readonly<Record<payments.PaymentMethodKind, string>> = {
  card: 'Card',
  bank_account: 'Bank',
  direct_debit: 'Direct Debit',
  check: 'Cheque',
  cash: 'Cash',
}

const paymentDoings: Readonly<Record<payments.PaymentStatus, string>> = {
  pending: 'taken, waiting for the bank',
  succeeded: 'received',
  failed: 'failed',
  returned: 'returned by the bank',
}

const creditDoings: Readonly<Record<payments.CreditRequest['status'], string>> = {
  pending_approval: 'asked for, waiting for approval',
  completed: 'given',
  rejected: 'refused',
}

/** What became of a credit or refund: a refund that went through was paid, a credit given. */
const creditDoing = (request: payments.CreditRequest) =>
  request.kind === 'refund' && request.status === 'completed' ? 'paid' : creditDoings[request.status]

/**
 * Payments through `paymentsOf`, newest first by when they were taken (`createdAt`: the instant the
 * money was received or the collection made, whose local date is `takenOn`), then id; credits and
 * refunds through `creditRequestsOf`, by when they were asked for.
 */
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
    title: `${methodNames[payment.method]} payment of ${money(payment.amountMinor, payment.currency, locale)} ${paymentDoings[payment.status]}`,
    summary: [
      payment.methodLabel ? `${payment.status === 'failed' ? 'Tried' : 'Paid'} with ${payment.methodLabel}` : null,
      `confirmation ${payment.confirmationNumber}`,
      payment.status === 'failed' || payment.status === 'returned'
        ? (payment.failure?.message.replace(/\.$/, '') ?? null)
        : `shows on the account on ${dateWords(payment.postsOn, locale)}`,
    ]
      .filter((part): part is string => Boolean(part))
      .map((part, index) => (index === 0 ? capitalised(part) : part))
      .join(', '),
    reference: { type: 'payment', id: payment.id, number: payment.confirmationNumber },
    status: payment.status,
    amountMinor: payment.amountMinor,
  }))
  const credited: TimelineItem[] = requests.map((request) => ({
    kind: 'payment',
    at: request.requestedAt,
    title: `${request.kind === 'refund' ? 'Refund' : 'Goodwill credit'} of ${money(request.amountMinor, request.currency, locale)} ${creditDoing(request)}`,
    summary: clip(
      `Reason: ${request.reason}${request.status === 'rejected' && request.decisionNote ? ` Refused because: ${request.decisionNote}` : ''}`,
    ),
    reference: { type: request.kind, id: request.id },
    status: request.status,
    amountMinor: request.amountMinor,
  }))
  return cut([...paid, ...credited], before, limit)
}

const rateWords: Readonly<Record<metering.RegisterRate, string>> = {
  standard: '',
  day: ' day',
  night: ' night',
  peak: ' peak',
  off_peak: ' off-peak',
  export: ' exported',
}

const readingSourceWords: Readonly<Record<metering.ReadingSource, string>> = {
  customer: 'actual, given by the customer',
  smart: 'actual, sent by the smart meter',
  agent: 'actual, taken by an agent',
  field: 'actual, read by a meter reader',
  industry: 'actual, from the industry',
  estimated: 'estimated',
  transfer: 'agreed at the change of supplier',
}

const readingKindWords: Readonly<Record<metering.ReadingKind, string>> = {
  normal: '',
  install: ', as the meter was fitted',
  removal: ', as the meter was removed',
  final: ', the final reading',
  initial: ', the opening reading',
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A register's reading ('12345.0') as `12,345` in the locale (the tenth when it is not zero), exactly. */
function readingWords(value: string, locale: string): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
    numberFormats.set(locale, format)
  }
  return format.format(value as Intl.StringNumericLiteral)
}

/** Where a register sorts among a meter's: by rate (day before night), then identifier (then read time, earliest first). */
const registerOrder = (reading: metering.FeedReading) =>
  `${metering.registerRates.indexOf(reading.rate)}|${reading.register}`

/** One read day's readings of one meter point, newest first: the first is the group's place in the feed. */
function readingItem(readings: readonly metering.FeedReading[], locale: string): TimelineItem {
  const [head] = readings as [metering.FeedReading, ...metering.FeedReading[]]
  const serials = [...new Set(readings.map((reading) => reading.meterSerial))]
  const count = readings.length === 1 ? '1 meter reading' : `${readings.length} meter readings`
  const meters = serials.length === 1 ? `meter ${serials[0]}` : `meters ${listWords(serials)}`
  const described = (reading: metering.FeedReading) =>
    `${readingSourceWords[reading.source]}${readingKindWords[reading.kind]}`
  const sameSource = new Set(readings.map(described)).size === 1
  const values = [...readings]
    .sort((a, b) => compareText(registerOrder(a), registerOrder(b)) || a.readAt.getTime() - b.readAt.getTime())
    .map(
      (reading) =>
        `${readingWords(reading.value, locale)} ${reading.unit}${rateWords[reading.rate]}${sameSource ? '' : ` (${described(reading)})`}`,
    )
  const held = readings.filter((reading) => reading.status === 'held').length
  const heldWords = held === 0 ? '' : `; ${held === readings.length ? 'held' : `${held} held`} for review`
  return {
    kind: 'reading',
    at: head.readAt,
    title: `${count} for ${head.fuel} meter point ${head.meterPoint} (${meters})`,
    summary: `${values.join(', ')}${sameSource ? `, ${described(head)}` : ''}${heldWords}`,
    reference: { type: 'reading', id: head.id, number: head.meterPoint },
    status: held > 0 ? 'held' : 'accepted',
  }
}

/**
 * Readings, one item per meter point per read day (the supplier's local day), dated and placed by the
 * day's last reading (its read time and id); half-hourly consumption is not a reading and is left out.
 * Readings are read newest first from the position, a batch at a time, until enough days are whole
 * (a day is whole once a reading of an earlier day has been read, or there are no more). A day whose
 * last reading lies at or after the position was on an earlier page: its earlier readings are not a
 * day of their own, so that day's group is left out for those meter points.
 */
const readingSource: TimelineSource = async ({ tx, accountId, before, limit, locale, timeZone }) => {
  const meterPointIds = (await metering.meterPointsOfAccountId({ tx, accountId })).map((point) => point.id)
  if (meterPointIds.length === 0) return []
  const dayOf = (reading: metering.FeedReading) => localDateOf(reading.readAt, timeZone)
  const groupOf = (reading: metering.FeedReading) => `${reading.meterPointId}|${dayOf(reading)}`
  const shown = new Set<string>()
  if (before) {
    const day = localDateOf(before.at, timeZone)
    const later = await metering.readingsBefore({
      tx,
      meterPointIds,
      from: before.at,
      before: { at: startOfLocalDay(addDays(day, 1), timeZone), id: beforeEveryId },
      limit: 1_000,
    })
    for (const reading of later) if (!isBefore(before, reading.readAt, reading.id)) shown.add(groupOf(reading))
  }
  const batch = Math.max(4 * limit, 8)
  const groups = new Map<string, { day: string; readings: metering.FeedReading[] }>()
  let position = before
  // The day the last batch ended in, while there may be more of it to read.
  let partDay: string | null = null
  const isWhole = (group: { day: string }) => partDay === null || group.day > partDay
  for (;;) {
    const read = await metering.readingsBefore({ tx, meterPointIds, before: position, limit: batch })
    for (const reading of read) {
      const key = groupOf(reading)
      if (shown.has(key)) continue
      const group = groups.get(key)
      if (group) group.readings.push(reading)
      else groups.set(key, { day: dayOf(reading), readings: [reading] })
    }
    const last = read.at(-1)
    partDay = read.length < batch || !last ? null : dayOf(last)
    if (!last || partDay === null || [...groups.values()].filter(isWhole).length >= limit) break
    position = { at: last.readAt, id: last.id }
  }
  const items = [...groups.values()].filter(isWhole).map((group) => readingItem(group.readings, locale))
  return cut(items, before, limit)
}

const channelNames: Readonly<Record<comms.Channel, string>> = {
  email: 'Email',
  sms: 'Text message',
  letter: 'Letter',
  phone_call: 'Phone call',
}

/** Messages by when they were sent or received (`occurredAt`). */
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

/** Notes by when they were written. */
const noteSource: TimelineSource = async ({ tx, accountId, before, limit }) => {
  const notes = await accounts.notesBefore({ tx, accountId, before, limit })
  return notes.map((note) => ({
    kind: 'note' as const,
    at: note.createdAt,
    title: `${capitalised(note.type)} note added${note.author.displayName ? ` by ${note.author.displayName}` : ''}`,
    summary: clip(note.body),
    reference: { type: 'note', id: note.id },
  }))
}

/**
 * What is not a change of the account: views and reads, and events whose record the feed already
 * shows as an item of its own (messages, notes, statements, payments and credits, the ledger
 * journals they post, readings as they are recorded, and a case's opening).
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
  'metering.reading.recorded',
  'metering.reading.held',
  // Transfer readings show as the readings they are.
  'metering.readings.transferred',
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

type ContactEntry = { kind?: unknown; value?: unknown; primary?: unknown }

/** What a change of contact details changed: `Phone number changed`, and the numbers it left. */
function contactsChange(event: audit.AuditEvent): { doing: string; summary: string } | undefined {
  const entries = (value: unknown): ContactEntry[] => (Array.isArray(value) ? (value as ContactEntry[]) : [])
  const valuesOf = (list: ContactEntry[], kind: string) =>
    list.filter((entry) => entry.kind === kind).map((entry) => String(entry.value))
  const kinds = [
    { kind: 'email', one: 'email address', many: 'email addresses' },
    { kind: 'phone', one: 'phone number', many: 'phone numbers' },
  ]
  const changed = kinds.flatMap(({ kind, one, many }) => {
    const before = valuesOf(entries(event.before), kind)
    const after = valuesOf(entries(event.after), kind)
    if (before.join('\n') === after.join('\n')) return []
    const name = Math.max(before.length, after.length) > 1 ? many : one
    const now = after.length === 0 ? `no ${many}` : listWords(after)
    return [{ name, now: `${capitalised(name)} now ${now}.` }]
  })
  if (changed.length === 0) return undefined
  const doing = `${capitalised(listWords(changed.map((change) => change.name)))} changed`
  return { doing, summary: changed.map((change) => change.now).join(' ') }
}

function describeChange(
  event: audit.AuditEvent,
  names: ReadonlyMap<string, string>,
): { title: string; summary: string } {
  const [, noun = '', verb = ''] = event.action.split('.')
  const who =
    event.actorKind === 'system'
      ? 'the system'
      : event.actorKind === 'customer'
        ? 'the customer'
        : (names.get(event.actorId ?? '') ?? 'a member of staff')
  const contacts = event.action === 'accounts.contacts.updated' ? contactsChange(event) : undefined
  if (contacts) return { title: `${contacts.doing} by ${who}`, summary: contacts.summary }
  const doing = capitalised(`${noun.replace(/_/g, ' ')} ${verb.replace(/_/g, ' ')}`.trim() || event.action)
  const details = detailsOf(event.after)
  return { title: `${doing} by ${who}`, summary: details.length > 0 ? `${capitalised(details.join('; '))}.` : '' }
}

/** Changes by when they were made (`occurredAt`). */
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
  const items = all.map(
    (item): TimelineItem => ({
      kind: 'case',
      at: item.openedAt,
      title: `Case ${item.number} opened: ${item.type.replace(/_/g, ' ')}, ${item.priority} priority`,
      summary: clip(`${item.subject.replace(/[.\s]+$/, '')}. ${item.description}`),
      reference: { type: 'case', id: item.id, number: item.number },
      status: item.status,
    }),
  )
  return cut(items, before, limit)
}

/** Field visits (appointments) do not exist yet: the kind is accepted and yields nothing. */
const visitSource: TimelineSource = async () => []

const sources: Readonly<Record<TimelineKind, TimelineSource>> = {
  statement: statementSource,
  payment: paymentSource,
  reading: readingSource,
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
      accountNumber: account.number,
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
