import type { Change } from '../../db/index.js'
/**
 * LED-1: posting journals. A journal is validated whole before anything is written; the database
 * checks again at commit that it balances, and refuses any change to what is posted.
 */
import { requireTransaction, type Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { toJournal } from './queries.js'
import * as store from './store.js'
import {
  AlreadyReversed,
  type Book,
  books,
  IdempotencyConflict,
  InvalidJournal,
  type Journal,
  JournalNotFound,
  type NewJournal,
} from './types.js'

type Problem = { path: string; message: string }

const reasonPattern = /^[a-z_]+(\.[a-z_]+)*$/

function check(journal: NewJournal): Problem[] {
  const problems: Problem[] = []
  if (journal.idempotencyKey.length < 1 || journal.idempotencyKey.length > 200)
    problems.push({ path: 'idempotencyKey', message: '1 to 200 characters' })
  if (!reasonPattern.test(journal.reason)) problems.push({ path: 'reason', message: "a code like 'payment.received'" })
  if (!/^[A-Z]{3}$/.test(journal.currency)) problems.push({ path: 'currency', message: 'a currency code like GBP' })
  if (!isLocalDate(journal.effectiveOn)) problems.push({ path: 'effectiveOn', message: 'a date YYYY-MM-DD' })
  if (journal.postings.length < 2) problems.push({ path: 'postings', message: 'at least two postings' })
  let total = 0n
  journal.postings.forEach((posting, i) => {
    if (!books.includes(posting.book as Book))
      problems.push({ path: `postings.${i}.book`, message: `one of ${books.join(', ')}` })
    if (posting.amountMinor === 0n) problems.push({ path: `postings.${i}.amountMinor`, message: 'not zero' })
    if (posting.book === 'customer' && !posting.accountId)
      problems.push({ path: `postings.${i}.accountId`, message: 'a customer posting names its account' })
    if (posting.dueOn != null && (posting.book !== 'customer' || !isLocalDate(posting.dueOn)))
      problems.push({ path: `postings.${i}.dueOn`, message: 'a date YYYY-MM-DD, on customer postings only' })
    total += posting.amountMinor
  })
  if (total !== 0n) problems.push({ path: 'postings', message: `the postings sum to ${total}, not 0` })
  return problems
}

function fingerprint(journal: NewJournal): string {
  return JSON.stringify({
    reason: journal.reason,
    reference: journal.reference,
    accountId: journal.accountId ?? null,
    currency: journal.currency,
    effectiveOn: journal.effectiveOn,
    postings: journal.postings.map((posting) => [
      posting.book,
      posting.accountId ?? null,
      String(posting.amountMinor),
      posting.dueOn ?? null,
    ]),
  })
}

async function insert(
  tx: Tx,
  journal: NewJournal,
  extra: { reversesJournalId: string | null },
  actor: Actor,
  at: Date,
): Promise<{ journal: Journal; replayed: boolean }> {
  const problems = check(journal)
  if (problems.length > 0) throw new InvalidJournal('The journal is not valid', problems)
  const print = fingerprint(journal)
  const existing = await store.journalByKey(tx, journal.idempotencyKey)
  if (existing) return replay(tx, existing, print)
  const row = journalRow(journal, { reversesJournalId: extra.reversesJournalId, fingerprint: print, actor, at })
  const postings = postingRows(row, journal)
  if (!(await store.insertJournal(tx, row, postings))) {
    // Another transaction posted the same key first (PostgreSQL waited for it on the unique key).
    const winner = await store.journalByKey(tx, journal.idempotencyKey)
    if (!winner) throw new Error(`journal ${journal.idempotencyKey} vanished`)
    return replay(tx, winner, print)
  }
  await audit.record(tx, postedEvent(row, journal, actor, at))
  return { journal: toJournal(row, postings), replayed: false }
}

/** The row of a new journal, posted by `actor` at `at`. */
function journalRow(
  journal: NewJournal,
  {
    reversesJournalId,
    fingerprint,
    actor,
    at,
  }: { reversesJournalId: string | null; fingerprint: string; actor: Actor; at: Date },
): store.JournalRow {
  return {
    id: newId('jnl'),
    idempotency_key: journal.idempotencyKey,
    reason: journal.reason,
    reference_type: journal.reference.type,
    reference_id: journal.reference.id,
    account_id: journal.accountId ?? null,
    currency: journal.currency,
    effective_on: journal.effectiveOn,
    description: journal.description,
    reverses_journal_id: reversesJournalId,
    fingerprint,
    posted_at: at,
    posted_by: `${actor.kind}:${actor.id ?? ''}`,
  }
}

/** The posting rows of a journal's row. */
function postingRows(row: store.JournalRow, journal: NewJournal) {
  return journal.postings.map((posting) => ({
    journal_id: row.id,
    book: posting.book,
    account_id: posting.accountId ?? null,
    amount_minor: posting.amountMinor,
    due_on: posting.dueOn ?? null,
    effective_on: journal.effectiveOn,
  }))
}

/** The audit event of a journal posted (or, when its row reverses another, of the reversal). */
function postedEvent(row: store.JournalRow, journal: NewJournal, actor: Actor, at: Date): audit.AuditEventInput {
  const reverses = row.reverses_journal_id
  return {
    actor,
    action: reverses ? 'ledger.journal.reversed' : 'ledger.journal.posted',
    subject: { type: 'journal', id: row.id },
    ...(row.account_id ? { accountId: row.account_id } : {}),
    after: {
      reason: row.reason,
      reference: journal.reference,
      effectiveOn: row.effective_on,
      postings: journal.postings.map((posting) => ({ book: posting.book, amountMinor: String(posting.amountMinor) })),
      ...(reverses ? { reverses } : {}),
    },
    at,
  }
}

async function replay(tx: Tx, row: store.JournalRow, print: string): Promise<{ journal: Journal; replayed: boolean }> {
  if (row.fingerprint !== print) {
    throw new IdempotencyConflict(`The key ${row.idempotency_key} was used for a different journal`, [
      { path: 'idempotencyKey', message: 'already used with other content' },
    ])
  }
  return { journal: toJournal(row, await store.postingsOf(tx, [row.id])), replayed: true }
}

/**
 * Post a balanced journal (LED-1). The same key with the same content returns the journal already
 * posted (`replayed`); the same key with other content is refused.
 * @throws InvalidJournal, IdempotencyConflict
 */
export async function postJournal({
  tx,
  journal,
  actor,
  at,
}: Change & {
  journal: NewJournal
}): Promise<{ journal: Journal; replayed: boolean }> {
  return insert(tx, journal, { reversesJournalId: null }, actor, at)
}

/**
 * Post many balanced journals in a few statements (a billing run's batch): for each, the same
 * checks, rows, replay rule and audit event as `postJournal`, the audit events recorded together
 * last (the chain's lock is then held only to the commit). Results are in the order given.
 * @throws InvalidJournal, IdempotencyConflict
 */
export async function postJournals({
  tx,
  journals,
  actor,
  at,
}: Change & {
  journals: readonly NewJournal[]
}): Promise<{ journal: Journal; replayed: boolean }[]> {
  // Lines, journals and their audit event land together or not at all.
  requireTransaction(tx, 'Posting journals')
  journals.forEach((journal, i) => {
    const problems = check(journal)
    if (problems.length > 0) {
      throw new InvalidJournal(
        `Journal ${i + 1} of ${journals.length} is not valid`,
        problems.map((problem) => ({ ...problem, path: `journals.${i}.${problem.path}` })),
      )
    }
  })
  const prints = journals.map(fingerprint)
  // A key given twice is posted once; the second is a replay of the first, as one at a time.
  const firstOfKey = new Map<string, number>()
  const rows: (store.JournalRow | null)[] = journals.map((journal, i) => {
    if (firstOfKey.has(journal.idempotencyKey)) return null
    firstOfKey.set(journal.idempotencyKey, i)
    return journalRow(journal, { reversesJournalId: null, fingerprint: prints[i] as string, actor, at })
  })
  const fresh = rows.filter((row): row is store.JournalRow => row !== null)
  const inserted = await store.insertJournals(
    tx,
    fresh,
    rows.flatMap((row, i) => (row ? postingRows(row, journals[i] as NewJournal) : [])),
  )
  const results: { journal: Journal; replayed: boolean }[] = []
  const events: audit.AuditEventInput[] = []
  for (const [i, journal] of journals.entries()) {
    const row = rows[firstOfKey.get(journal.idempotencyKey) as number] as store.JournalRow
    if (rows[i] === row && inserted.has(row.id)) {
      results.push({ journal: toJournal(row, postingRows(row, journal)), replayed: false })
      events.push(postedEvent(row, journal, actor, at))
    } else if (rows[i] === row || !inserted.has(row.id)) {
      // Posted before (or by another transaction first): the journal under the key, if the content is the same.
      const existing = await store.journalByKey(tx, journal.idempotencyKey)
      if (!existing) throw new Error(`journal ${journal.idempotencyKey} vanished`)
      results.push(await replay(tx, existing, prints[i] as string))
    } else {
      results.push(await replay(tx, row, prints[i] as string))
    }
  }
  await audit.recordMany(tx, events)
  return results
}

/**
 * Reverse a journal: a new journal with every posting negated, linked to it. A journal is reversed
 * at most once. @throws JournalNotFound, AlreadyReversed, IdempotencyConflict
 */
export async function reverseJournal({
  tx,
  journalId,
  idempotencyKey,
  reason = 'reversal',
  effectiveOn,
  actor,
  at,
}: Change & {
  journalId: string
  idempotencyKey: string
  reason?: string
  effectiveOn: string
}): Promise<{ journal: Journal; replayed: boolean }> {
  const original = await store.journalById(tx, journalId)
  if (!original) throw new JournalNotFound(`There is no journal ${journalId}`)
  if (original.reverses_journal_id) throw new AlreadyReversed(`Journal ${journalId} is itself a reversal`)
  const existing = await store.reversalOf(tx, journalId)
  if (existing && existing.idempotency_key !== idempotencyKey) {
    throw new AlreadyReversed(`Journal ${journalId} was reversed already by ${existing.id}`)
  }
  const postings = await store.postingsOf(tx, [journalId])
  return insert(
    tx,
    {
      idempotencyKey,
      reason,
      reference: { type: original.reference_type, id: original.reference_id },
      accountId: original.account_id,
      currency: original.currency,
      effectiveOn,
      description: `Reversal of ${original.description}`,
      postings: postings.map((posting) => ({
        book: posting.book as Book,
        accountId: posting.account_id,
        amountMinor: -posting.amount_minor,
        dueOn: posting.due_on,
      })),
    },
    { reversesJournalId: journalId },
    actor,
    at,
  )
}
