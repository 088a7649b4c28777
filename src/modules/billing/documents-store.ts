import { sql } from 'kysely'
import { type Db, type Tx, withTables } from '../../db/index.js'
import { firstRow, rowsOfAccount, rowsWhere } from '../../db/query-rows.js'

export interface DocumentRow {
  id: string
  number: string
  account_id: string
  kind: string
  status: string
  currency: string
  total_minor: bigint
  needs_payment_approval: boolean
  due_on: string | null
  created_at: Date
  issued_at: Date | null
}
const tables = withTables<{ billing_documents: DocumentRow }>()

export async function nextDocumentNumber(tx: Tx, kind: 'invoice' | 'credit_note'): Promise<string> {
  const result = await sql<{ n: string }>`select nextval('document_number_seq')::text as n`.execute(tx)
  return `${kind === 'invoice' ? 'INV' : 'CRN'}-${(result.rows[0]?.n ?? '0').padStart(8, '0')}`
}

export async function insertDocument(tx: Tx, row: DocumentRow): Promise<void> {
  await tables(tx).insertInto('billing_documents').values(row).execute()
}

export async function documentByNumber(db: Db | Tx, number: string, lock = false): Promise<DocumentRow | undefined> {
  return firstRow(rowsWhere(tables(db), 'billing_documents', 'number', number), lock)
}

export async function issueDocument(
  tx: Tx,
  id: string,
  changes: { issued_at: Date; due_on: string; needs_payment_approval: boolean },
): Promise<void> {
  await tables(tx)
    .updateTable('billing_documents')
    .set({ ...changes, status: 'issued' })
    .where('id', '=', id)
    .execute()
}

export async function documentsOf(db: Db | Tx, accountId: string): Promise<DocumentRow[]> {
  return rowsOfAccount(tables(db), 'billing_documents', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .execute()
}
