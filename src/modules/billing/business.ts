/**
 * BIL-4: business billing documents (seed 002). A business account's rated periods and rebill
 * differences wait as uninvoiced charges (positive) and credits (negative); charges are added to an
 * invoice and credits to a credit note — never both on one document; the document is unissued until
 * it is issued, which posts its statements to the ledger. An invoice over the supplier's threshold
 * needs a manual payment approval.
 */
import type { Change, Db, Tx } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { camelFields } from '../../shared/row-mapping.js'
import { addDays, localDateOf } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as market from '../market/index.js'
import { issueStatementRow } from './operations.js'
import { accountIdOf, toStatement } from './queries.js'
import { paymentTermDays } from './statement-draft.js'
import * as store from './store.js'
import { type BillingDocument, DocumentIssued, DocumentNotFound, InvalidDocument, type Statement } from './types.js'

function toDocument(row: store.DocumentRow, statements: readonly store.StatementRow[]): BillingDocument {
  return {
    ...camelFields(row, [
      'id',
      'number',
      'account_id',
      'kind',
      'status',
      'currency',
      'total_minor',
      'needs_payment_approval',
      'due_on',
      'created_at',
      'issued_at',
    ]),
    kind: row.kind as BillingDocument['kind'],
    status: row.status as BillingDocument['status'],
    statementNumbers: statements.filter((statement) => statement.document_id === row.id).map((s) => s.number),
  }
}

/** The account's uninvoiced charges and credits, and its documents (newest first). */
export async function businessBilling({
  tx,
  accountNumber,
}: {
  tx: Db | Tx
  accountNumber: string
}): Promise<{ uninvoiced: Statement[]; documents: BillingDocument[] }> {
  const accountId = await accountIdOf(tx, accountNumber)
  const [items, documents] = await Promise.all([store.uninvoiced(tx, accountId), store.documentsOf(tx, accountId)])
  const onDocuments = await store.statementsOnDocuments(
    tx,
    documents.map((document) => document.id),
  )
  return {
    uninvoiced: items.map(toStatement),
    documents: documents.map((document) => toDocument(document, onDocuments)),
  }
}

/**
 * Put uninvoiced charges on a new invoice, or uninvoiced credits on a new credit note (unissued).
 * @throws BillingAccountNotFound, InvalidDocument (a credit on an invoice, a charge on a credit note,
 *   a statement not uninvoiced or of another account, nothing chosen)
 */
export async function createDocument({
  tx,
  accountNumber,
  kind,
  statementNumbers,
  actor,
  at,
}: Change & {
  accountNumber: string
  kind: 'invoice' | 'credit_note'
  statementNumbers: readonly string[]
}): Promise<BillingDocument> {
  const accountId = await accountIdOf(tx, accountNumber)
  const unique = [...new Set(statementNumbers)]
  if (unique.length === 0) {
    throw new InvalidDocument('Choose the charges or credits to put on the document', [
      { path: 'statements', message: 'at least one' },
    ])
  }
  const rows = await store.statementsByNumbers(tx, accountId, unique)
  const problems: { path: string; message: string }[] = []
  unique.forEach((number, i) => {
    const row = rows.find((candidate) => candidate.number === number)
    if (!row) problems.push({ path: `statements.${i}`, message: `${number} is not a statement of ${accountNumber}` })
    else if (row.status !== 'uninvoiced' || row.document_id)
      problems.push({
        path: `statements.${i}`,
        message: `${number} is ${row.status}, not an uninvoiced charge or credit`,
      })
    else if (kind === 'invoice' && row.posted_minor <= 0n)
      problems.push({ path: `statements.${i}`, message: `${number} is a credit: credits go on a credit note` })
    else if (kind === 'credit_note' && row.posted_minor >= 0n)
      problems.push({ path: `statements.${i}`, message: `${number} is a charge: charges go on an invoice` })
  })
  if (problems.length > 0) {
    throw new InvalidDocument(
      'Charges go on an invoice and credits on a credit note, never both on one document',
      problems,
    )
  }
  const total = rows.reduce((sum, row) => sum + row.posted_minor, 0n)
  const supplier = await market.getSupplier(tx)
  const document: store.DocumentRow = {
    id: newId('doc'),
    number: await store.nextDocumentNumber(tx, kind),
    account_id: accountId,
    kind,
    status: 'unissued',
    currency: supplier.profile.currency,
    total_minor: total < 0n ? -total : total,
    needs_payment_approval: false,
    due_on: null,
    created_at: at,
    issued_at: null,
  }
  await store.insertDocument(tx, document)
  for (const row of rows) await store.setStatementStatus(tx, row.id, { document_id: document.id })
  await audit.record(tx, {
    actor,
    action: 'billing.document.created',
    subject: { type: 'document', id: document.id },
    accountId,
    after: { number: document.number, kind, totalMinor: String(document.total_minor), statements: unique },
    at,
  })
  return toDocument(
    document,
    rows.map((row) => ({ ...row, document_id: document.id })),
  )
}

/**
 * Issue an unissued document to the customer: its statements are posted to the ledger and become
 * invoiced; an invoice over the supplier's payment-approval threshold is marked for approval.
 * @throws DocumentNotFound, DocumentIssued
 */
export async function issueDocument({
  tx,
  number,
  actor,
  at,
}: Change & {
  number: string
}): Promise<BillingDocument> {
  const document = await store.documentByNumber(tx, number, true)
  if (!document) throw new DocumentNotFound(`There is no document ${number}`)
  if (document.status === 'issued') throw new DocumentIssued(`${number} was issued already`)
  const statements = await store.statementsOnDocuments(tx, [document.id])
  for (const statement of statements) await issueStatementRow(tx, statement, actor, at, 'invoiced')
  const supplier = await market.getSupplier(tx)
  const changes = {
    issued_at: at,
    due_on: addDays(localDateOf(at), paymentTermDays),
    needs_payment_approval:
      document.kind === 'invoice' && document.total_minor > supplier.settings.invoicePaymentApprovalMinor,
  }
  await store.issueDocument(tx, document.id, changes)
  await audit.record(tx, {
    actor,
    action: 'billing.document.issued',
    subject: { type: 'document', id: document.id },
    accountId: document.account_id,
    after: {
      number,
      kind: document.kind,
      totalMinor: String(document.total_minor),
      needsPaymentApproval: changes.needs_payment_approval,
    },
    at,
  })
  return toDocument({ ...document, ...changes, status: 'issued' }, statements)
}
