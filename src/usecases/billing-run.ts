/**
 * BIL-3: a billing run bills every domestic account due on a local date. Accounts are billed a batch
 * per transaction (`billing.billBatch`: a few queries and multi-row inserts for the whole batch, the
 * audit chain's lock held only at the end), several batches at a time. A batch that fails is rolled
 * back and its accounts billed one per transaction, so one bad account never holds up the rest.
 * Resumable and idempotent: a run interrupted at any point and run again for the same date finds the
 * statements already made (one per account and period, a unique key; a batch commits whole or not at
 * all) and makes only the missing ones.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as billing from '../modules/billing/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { adequacyReviewOverdue, adequacyReviewOverdueOf } from './adequacy-review-overdue.js'

export interface RunSummary {
  readonly runId: string
  readonly on: string
  readonly accountsDue: number
  readonly issued: number
  readonly held: number
  readonly skipped: number
  readonly failed: number
  /** Why accounts were skipped or failed, by account number (the first 100). */
  readonly problems: readonly { accountNumber: string; code: string; message: string }[]
}

export async function runBilling({
  db,
  on,
  batchSize = 2000,
  accountsPerTransaction = 100,
  concurrency = 4,
  actor,
  at,
  onProgress,
  onBatchFailed,
}: {
  db: Db
  on: string
  /** Accounts looked at a time for being due (a page of ids; the due ones are billed). */
  batchSize?: number
  /** Accounts billed in one transaction (1: each alone, as before batches). */
  accountsPerTransaction?: number
  /** Transactions at a time. */
  concurrency?: number
  actor: Actor
  at: Date
  onProgress?: (done: number) => void
  /** Told why a batch was rolled back (its accounts are then billed one per transaction). */
  onBatchFailed?: (error: unknown) => void
}): Promise<RunSummary> {
  const run = await inTransaction(db, (tx) => billing.startRun({ tx, on, at }))
  const cache: billing.TariffCache = new Map()
  let due = 0
  let done = 0
  let skipped = 0
  let failed = 0
  const problems: { accountNumber: string; code: string; message: string }[] = []
  const note = (account: { number: string }, error: unknown) => {
    const known = error instanceof DomainError
    if (known && (error.code === 'NOTHING_TO_BILL' || error.code === 'NOT_BILLABLE')) skipped++
    else failed++
    if (problems.length < 100) {
      problems.push({
        accountNumber: account.number,
        code: known ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  const billAlone = async (account: { id: string; number: string }) => {
    try {
      await inTransaction(db, async (tx) =>
        billing.billAccount({
          tx,
          accountId: account.id,
          on,
          runId: run.id,
          cache,
          // BIL-6: a Direct Debit without an adequacy review in over a year is a failing the write-off states.
          adequacyReviewOverdue: await adequacyReviewOverdue({ tx, accountId: account.id, at }),
          actor,
          at,
        }),
      )
    } catch (error) {
      note(account, error)
    }
  }
  const billChunk = async (chunk: { id: string; number: string }[]) => {
    let outcomes: billing.BatchOutcome[] | null = null
    if (chunk.length > 1) {
      try {
        outcomes = await inTransaction(db, async (tx) => {
          const accountIds = chunk.map((account) => account.id)
          return billing.billBatch({
            tx,
            accountIds,
            on,
            runId: run.id,
            cache,
            adequacyReviewOverdue: await adequacyReviewOverdueOf({ tx, accountIds, at }),
            actor,
            at,
          })
        })
      } catch (error) {
        // Rolled back whole: bill each account of the batch alone, so only a bad one fails.
        onBatchFailed?.(error)
        outcomes = null
      }
    }
    for (const [i, account] of chunk.entries()) {
      const outcome = outcomes?.[i]
      if (outcome?.kind === 'refused') note(account, outcome.error)
      else if (outcome?.kind !== 'billed') await billAlone(account)
    }
    done += chunk.length
    onProgress?.(done)
  }

  // Pages of accounts by id, read one at a time ahead of the workers; the due ones cut into transactions.
  const chunks: { id: string; number: string }[][] = []
  const pending: { id: string; number: string }[] = []
  let afterId: string | null = null
  let exhausted = false
  let reading: Promise<void> | null = null
  const readPage = async () => {
    const page = await inTransaction(db, (tx) => billing.accountsDue({ tx, on, afterId, limit: batchSize }))
    if (page.lastId === null) exhausted = true
    else afterId = page.lastId
    due += page.accounts.length
    pending.push(...page.accounts)
    while (pending.length >= accountsPerTransaction || (exhausted && pending.length > 0)) {
      chunks.push(pending.splice(0, accountsPerTransaction))
    }
  }
  const readNextPage = (): Promise<void> => {
    if (!reading && !exhausted) {
      reading = readPage().finally(() => {
        reading = null
      })
      // A read ahead that fails is read again by the next worker to run out, whose wait then fails.
      reading.catch(() => {})
    }
    return reading ?? Promise.resolve()
  }
  const nextChunk = async (): Promise<{ id: string; number: string }[] | undefined> => {
    while (chunks.length === 0 && !exhausted) await readNextPage()
    // Read the next page while these are billed, so that no worker waits for it.
    if (chunks.length <= concurrency) void readNextPage()
    return chunks.shift()
  }
  const worker = async () => {
    for (let chunk = await nextChunk(); chunk; chunk = await nextChunk()) await billChunk(chunk)
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  const counts = await inTransaction(db, (tx) =>
    billing.finishRun({ tx, runId: run.id, accountsDue: due, skipped, failed, actor, at }),
  )
  return { runId: run.id, on, ...counts, problems }
}
