/**
 * COL-4: affordability checks and debt-advice signposting, recorded as append-only notes.
 */
import type { AccountChange, Db, Tx } from '../../db/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import * as audit from '../audit/index.js'
import { insertNote, type NoteRow, notesOf } from './store.js'

export class InvalidCollectionsNote extends withCode(ValidationFailed, 'INVALID_COLLECTIONS_NOTE') {}

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
  readonly kind: NoteRow['kind']
  readonly body: string
  readonly details: unknown
  readonly createdBy: string
  readonly createdAt: Date
}

function toNote(row: NoteRow): CollectionsNote {
  return camelFields(row, ['id', 'account_id', 'kind', 'body', 'details', 'created_by', 'created_at'])
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
}: AccountChange & {
  kind: 'affordability' | 'debt_advice'
  body: string
  affordability?: { monthlyIncomeMinor: bigint; monthlyOutgoingsMinor: bigint; canPayMonthlyMinor: bigint } | undefined
  signposts?: readonly string[] | undefined
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
  const row: NoteRow = {
    id: newId('coln'),
    account_id: accountId,
    kind,
    body: body.trim(),
    details,
    created_by: actor.id,
    created_at: at,
  }
  await insertNote(tx, row)
  await audit.record(tx, {
    actor,
    action: `collections.${kind}.recorded`,
    subject: { type: 'collection_note', id: row.id },
    accountId,
    after: { kind, details },
    at,
  })
  return toNote(row)
}

export async function collectionNotesOf({ tx, accountId }: { tx: Db | Tx; accountId: string }) {
  const rows = await notesOf(tx, accountId)
  return rows.map(toNote)
}
