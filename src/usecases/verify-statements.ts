/**
 * `cuttle verify statements` (BIL-10): every issued statement checked against the ledger. A
 * statement reconciles when opening + charges − payments − credits + adjustments = closing, its
 * opening and closing are the ledger's balances at its two cut-offs, and each figure is the ledger's
 * postings of that kind between them. Reads only.
 */
import type { Db } from '../db/index.js'
import * as billing from '../modules/billing/index.js'
import * as ledger from '../modules/ledger/index.js'

/** A statement that does not reconcile, and how. */
export interface UnreconciledStatement {
  readonly number: string
  readonly accountId: string
  readonly problems: readonly string[]
}

export interface StatementsReport {
  readonly checked: number
  /** Issued before cut-offs were recorded: nothing to check them against. */
  readonly withoutCutoff: number
  readonly unreconciled: readonly UnreconciledStatement[]
}

const pageSize = 500

/** Check every statement with a cut-off against the ledger, a page at a time; `onProgress` gets the count so far. */
export async function verifyStatements({
  db,
  onProgress,
}: {
  db: Db
  onProgress?: (checked: number) => void
}): Promise<StatementsReport> {
  const unreconciled: UnreconciledStatement[] = []
  let checked = 0
  let afterId: string | null = null
  for (;;) {
    const page = await billing.statementsWithCutoff({ tx: db, afterId, limit: pageSize })
    for (const statement of page) {
      const accountId = statement.accountId
      const openingCutoff = statement.openingCutoffPostingId ?? 0n
      const cutoff = statement.cutoffPostingId ?? 0n
      const [openingMinor, closingMinor, movements] = await Promise.all([
        ledger.balanceAtPosting({ tx: db, accountId, postingId: openingCutoff }),
        ledger.balanceAtPosting({ tx: db, accountId, postingId: cutoff }),
        ledger.movementsBetween({ tx: db, accountId, afterPostingId: openingCutoff, upToPostingId: cutoff }),
      ])
      const problems = billing.reconciliationProblems(statement, { openingMinor, closingMinor, movements })
      if (problems.length > 0) unreconciled.push({ number: statement.number, accountId, problems })
    }
    checked += page.length
    onProgress?.(checked)
    const last = page.at(-1)
    if (!last || page.length < pageSize) break
    afterId = last.id
  }
  return { checked, withoutCutoff: await billing.countStatementsWithoutCutoff({ tx: db }), unreconciled }
}
