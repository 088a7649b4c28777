/**
 * Migrated and shell accounts (BIL-8): bills issued before Cuttle, recorded as history.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { accountRow } from './pricing.js'
import * as store from './store.js'
import { InvalidBillingRequest } from './types.js'

/** BIL-8: keep a bill from the old billing system, viewable on the account. Idempotent by source and reference. */
export async function addHistoricalBill({
  tx,
  accountId,
  bill,
  actor,
  at,
}: {
  tx: Tx
  accountId: string
  bill: {
    source: string
    reference: string
    issuedOn: string
    periodFrom: string
    periodTo: string
    totalMinor: bigint
    readings: { register: string; value: string; readOn: string }[]
  }
  actor: Actor
  at: Date
}): Promise<boolean> {
  const row = await accountRow(tx, accountId)
  const problems: { path: string; message: string }[] = []
  for (const field of ['issuedOn', 'periodFrom', 'periodTo'] as const) {
    if (!isLocalDate(bill[field])) problems.push({ path: field, message: 'a date YYYY-MM-DD' })
  }
  if (bill.periodTo < bill.periodFrom) problems.push({ path: 'periodTo', message: 'on or after periodFrom' })
  if (problems.length > 0) throw new InvalidBillingRequest('The historical bill is not valid', problems)
  const inserted = await store.insertHistoricalBill(tx, {
    id: newId('hbl'),
    account_id: row.id,
    source: bill.source,
    reference: bill.reference,
    issued_on: bill.issuedOn,
    period_from: bill.periodFrom,
    period_to: bill.periodTo,
    total_minor: bill.totalMinor,
    readings: bill.readings,
    created_at: at,
  })
  if (inserted) {
    await audit.record(tx, {
      actor,
      action: 'billing.historical_bill.added',
      subject: { type: 'account', id: row.id },
      accountId: row.id,
      after: { source: bill.source, reference: bill.reference, totalMinor: String(bill.totalMinor) },
      at,
    })
  }
  return inserted
}
