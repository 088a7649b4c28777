/**
 * Billing runs: the row that says a run started on a day and how it finished.
 */
import type { Change, Tx } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import * as store from './store.js'
import { InvalidBillingRequest } from './types.js'

/** Start (or find, when resuming) the billing run of a local date. */
export async function startRun({ tx, on, at }: { tx: Tx; on: string; at: Date }) {
  if (!isLocalDate(on)) {
    throw new InvalidBillingRequest('A billing run is for a local date', [{ path: 'on', message: 'a date YYYY-MM-DD' }])
  }
  return store.startRun(tx, {
    id: newId('brn'),
    run_on: on,
    status: 'running',
    accounts_due: 0,
    issued: 0,
    held: 0,
    skipped: 0,
    failed: 0,
    started_at: at,
    finished_at: null,
  })
}

/** Finish a run with its counts: statements it made (also before a resume) and what this pass skipped or failed. */
export async function finishRun({
  tx,
  runId,
  accountsDue,
  skipped,
  failed,
  actor,
  at,
}: Change & {
  runId: string
  accountsDue: number
  skipped: number
  failed: number
}) {
  const counts = await store.runCounts(tx, runId)
  const issued = ['issued', 'superseded', 'uninvoiced', 'invoiced'].reduce(
    (sum, status) => sum + (counts.get(status) ?? 0),
    0,
  )
  const held = (counts.get('held') ?? 0) + (counts.get('rejected') ?? 0)
  await store.finishRun(tx, runId, { accounts_due: accountsDue, issued, held, skipped, failed, finished_at: at })
  await audit.record(tx, {
    actor,
    action: 'billing.run.finished',
    subject: { type: 'billing_run', id: runId },
    after: { accountsDue, issued, held, skipped, failed },
    at,
  })
  return { accountsDue, issued, held, skipped, failed }
}
