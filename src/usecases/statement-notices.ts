/**
 * BIL-2, COM-1: each customer hears once that a statement is ready. A paperless customer gets an
 * email; a paper customer gets the statement itself by post (its PDF is the letter printed). A sweep,
 * safe to run twice: the statements issued in the last days that have no notice yet get one, a page
 * at a time, and the messages go to the delivery queue after each commits. The PDF is drawn before
 * the transaction that queues the letter, so no long work is done inside it.
 */
import { type Db, inTransaction } from '../db/index.js'
import { statementPdf } from '../documents/statement-pdf.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { type Currency, formatMoney, money } from '../shared/money.js'
import { localDateOf, longDateText } from '../shared/time.js'
import { statementPdfInput } from './account-billing.js'
import type { DeliveryQueue } from './communications.js'

/** What one sweep did. */
export interface StatementNoticesSummary {
  readonly looked: number
  readonly emailed: number
  readonly posted: number
  /** Statements whose notice could not be made (no address on file, …), with why; tried again next time. */
  readonly failed: readonly { readonly number: string; readonly reason: string }[]
}

const template = 'statement_issued'

/**
 * Send the notice of every statement issued at or after `since` (default: seven days before `at`)
 * that has none yet. @throws what the database throws; a statement that cannot be noticed is counted in `failed`
 */
export async function sendStatementNotices({
  db,
  queue,
  since,
  at,
  pageSize = 200,
  actor = systemActor('statement-notices'),
}: {
  db: Db
  queue: DeliveryQueue
  since?: Date | undefined
  at: Date
  pageSize?: number
  actor?: Actor
}): Promise<StatementNoticesSummary> {
  const from = since ?? new Date(at.getTime() - 7 * 24 * 3_600_000)
  const currency = (await market.getSupplier(db)).profile.currency
  let after: { issuedAt: Date; id: string } | null = null
  let looked = 0
  let emailed = 0
  let posted = 0
  const failed: { number: string; reason: string }[] = []
  for (;;) {
    const page = await billing.statementsIssuedSince({ tx: db, since: from, after, limit: pageSize })
    const last = page.at(-1)
    if (!last?.issuedAt) break
    after = { issuedAt: last.issuedAt, id: last.id }
    looked += page.length
    const noticed = await comms.alreadySentAbout({
      tx: db,
      type: 'statement',
      ids: page.map((statement) => statement.id),
      template,
    })
    const due = page.filter((statement) => statement.status === 'issued' && !noticed.has(statement.id))
    const numbers = await accounts.accountNumbersOf({ tx: db, accountIds: due.map((statement) => statement.accountId) })
    for (const statement of due) {
      try {
        const channel = await inTransaction(db, (tx) => comms.preferredChannel({ tx, accountId: statement.accountId }))
        const accountNumber = numbers.get(statement.accountId) ?? ''
        const printed =
          channel === 'letter'
            ? await statementPdf(
                await inTransaction(db, (tx) =>
                  statementPdfInput({ tx, accountNumber, number: statement.number, duplicate: false, actor, at }),
                ),
              )
            : undefined
        const message = await inTransaction(db, (tx) =>
          comms.send({
            tx,
            accountId: statement.accountId,
            channel,
            template,
            fields: noticeFields(statement, currency),
            related: { type: 'statement', id: statement.id },
            printed,
            actor,
            at,
          }),
        )
        await queue.enqueue([message.id])
        if (channel === 'email') emailed++
        else posted++
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        failed.push({ number: statement.number, reason: error.message })
      }
    }
  }
  return { looked, emailed, posted, failed }
}

/** The notice's fields: the number, the period in words, the charges, the balance and how it is paid. */
export function noticeFields(statement: billing.Statement, currency: Currency): Record<string, comms.FieldValue> {
  const balance = statement.closingBalanceMinor ?? statement.postedMinor
  const cash = (minor: bigint) => formatMoney(money(minor, currency))
  const lastDay = localDateOf(new Date(statement.periodTo.getTime() - 1))
  const dueText = statement.dueOn ? longDateText(statement.dueOn) : null
  const paymentNote =
    balance <= 0n
      ? `You are ${balance < 0n ? `${cash(-balance)} in credit` : 'all paid up'}: there is nothing to pay.`
      : statement.paymentMethod === 'DIRECT_DEBIT'
        ? `We will collect what is due by Direct Debit${dueText ? ` on or after ${dueText}` : ''}; there is nothing you need to do.`
        : `Please pay ${cash(balance)}${dueText ? ` by ${dueText}` : ''}: online, by phone, or by bank transfer quoting your account number.`
  return {
    statementNumber: statement.number,
    period: `${longDateText(localDateOf(statement.periodFrom))} to ${longDateText(lastDay)}`,
    charges: statement.chargesMinor ?? statement.postedMinor,
    balance,
    paymentNote,
  }
}
