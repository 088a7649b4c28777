/**
 * BIL-3: a billing run bills every domestic account due on a local date, a batch at a time, each
 * account in its own transaction. Resumable and idempotent: a run interrupted at any point and run
 * again for the same date finds the statements already made (one per account and period, a unique
 * key) and makes only the missing ones.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as billing from '../modules/billing/index.js'
import type { Actor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'

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
  batchSize = 200,
  concurrency = 4,
  actor,
  at,
  onProgress,
}: {
  db: Db
  on: string
  batchSize?: number
  concurrency?: number
  actor: Actor
  at: Date
  onProgress?: (done: number) => void
}): Promise<RunSummary> {
  const run = await inTransaction(db, (tx) => billing.startRun({ tx, on, at }))
  const cache: billing.TariffCache = new Map()
  let afterId: string | null = null
  let due = 0
  let skipped = 0
  let failed = 0
  const problems: { accountNumber: string; code: string; message: string }[] = []
  for (;;) {
    const batch = await inTransaction(db, (tx) => billing.accountsDue({ tx, on, afterId, limit: batchSize }))
    if (batch.length === 0) break
    afterId = batch.at(-1)?.id ?? null
    due += batch.length
    let next = 0
    const worker = async () => {
      while (next < batch.length) {
        const account = batch[next++]
        if (!account) break
        try {
          await inTransaction(db, (tx) =>
            billing.billAccount({ tx, accountId: account.id, on, runId: run.id, cache, actor, at }),
          )
        } catch (error) {
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
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker))
    onProgress?.(due)
  }
  const counts = await inTransaction(db, (tx) =>
    billing.finishRun({ tx, runId: run.id, accountsDue: due, skipped, failed, actor, at }),
  )
  return { runId: run.id, on, ...counts, problems }
}
