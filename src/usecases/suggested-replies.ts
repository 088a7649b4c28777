/**
 * COM-4 for staff: a suggested reply to an inbound email — classified, drafted from the approved
 * template with the account's own facts (balance, latest statement, usage change, arrangement,
 * payment method) and the knowledge base, optionally reworded by a configured language model —
 * stored as a draft that a person must review (and may edit) before it is sent through comms.
 * Every change is audited in its transaction, and every read is recorded as an account view.
 */
import { type Db, inTransaction, type Tx } from '../db/index.js'
import * as assist from '../modules/assist/index.js'
import * as billing from '../modules/billing/index.js'
import * as comms from '../modules/comms/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import * as payments from '../modules/payments/index.js'
import type { Actor } from '../shared/actor.js'
import { Conflict, withCode } from '../shared/errors.js'
import { addDays, localDateOf } from '../shared/time.js'
import { type AccountMessageCall, accountIdOf, accountOf, recordAccountView } from './account-view.js'
import type { DeliveryQueue } from './communications.js'

/** A suggested reply answers an email the customer sent, nothing else. */
export class NotAnInboundEmail extends withCode(Conflict, 'NOT_AN_INBOUND_EMAIL') {}

/**
 * The language model configured for this process, or none (the local drafting stands alone):
 * `CUTTLE_REPLY_MODEL_URL` (an OpenAI-compatible chat-completions endpoint) with
 * `CUTTLE_REPLY_MODEL` (the model's name) and, if it needs one, `CUTTLE_REPLY_MODEL_KEY`. Throws nothing.
 */
export function replyModelFrom(
  settings: { readonly url: string; readonly model: string; readonly apiKey: string | undefined } | undefined,
): assist.ReplyModel | undefined {
  if (!settings) return undefined
  return assist.chatCompletionsReplyModel({ url: settings.url, model: settings.model, apiKey: settings.apiKey })
}

async function inboundEmail(tx: Tx, accountId: string, messageId: string): Promise<comms.MessageDetail> {
  const message = await comms.getMessage({ tx, accountId, messageId })
  if (message.channel !== 'email' || message.direction !== 'inbound') {
    throw new NotAnInboundEmail(`The message ${messageId} is not an email from the customer`, {
      messageId,
      channel: message.channel,
      direction: message.direction,
    })
  }
  return message
}

/**
 * The account's facts a reply may state, gathered from the modules that own them. Unaudited: the
 * caller records the view. @throws SupplierNotConfigured
 */
export async function replyFactsOf({
  tx,
  accountId,
  accountNumber,
  at,
}: {
  tx: Tx
  accountId: string
  accountNumber: string
  at: Date
}): Promise<assist.ReplyFacts> {
  const { profile } = await market.getSupplier(tx)
  const balanceMinor = await ledger.balanceOf({ tx, accountId })
  const { items: statements } = await billing.listStatements({ tx, accountNumber, limit: 6 })
  const latest = statements.find((statement) => statement.status === 'issued' || statement.status === 'invoiced')
  const comparison = latest?.explanation.comparison
  const arrangements = await payments.arrangementsOf({ tx, accountId, at })
  const arrangement = arrangements.find((item) => item.status === 'active') ?? arrangements[0]
  const directDebit = await payments.directDebitOf({ tx, accountId })
  return {
    accountNumber,
    currency: profile.currency,
    locale: profile.locale,
    balanceMinor,
    latestStatement: latest
      ? {
          number: latest.number,
          kind: latest.kind,
          fromDate: localDateOf(latest.periodFrom, profile.timeZone),
          // The period is half-open: its last day is the day before it ends.
          toDate: addDays(localDateOf(latest.periodTo, profile.timeZone), -1),
          totalMinor: latest.totalMinor,
          dueDate: latest.dueOn,
          estimated: latest.explanation.estimated === true,
        }
      : null,
    usageChange: comparison
      ? {
          previousNumber: comparison.previousNumber,
          changeMinor: BigInt(comparison.changeMinor),
          usageEffectMinor: BigInt(comparison.usageEffectMinor),
          priceEffectMinor: BigInt(comparison.priceEffectMinor),
        }
      : null,
    arrangement: arrangement
      ? {
          status: arrangement.status,
          instalmentMinor: arrangement.instalmentMinor,
          frequency: arrangement.frequency,
          paidMinor: arrangement.paidMinor,
          pastDueMinor: arrangement.pastDueMinor,
          nextDueDate:
            arrangement.schedule.find((instalment) => instalment.state === 'due' || instalment.state === 'scheduled')
              ?.dueOn ?? null,
        }
      : null,
    paymentMethod: directDebit
      ? {
          kind: 'direct_debit',
          directDebit: {
            kind: directDebit.kind,
            amountMinor: directDebit.amountMinor,
            paymentDay: directDebit.paymentDay,
            debtRepaymentMinor: directDebit.debtRepaymentMinor,
          },
        }
      : { kind: 'on_demand', directDebit: null },
  }
}

/**
 * The suggested reply to an inbound email: the one already drafted, or a new draft — classified,
 * composed from the account's facts and the knowledge base, reworded by `model` when one is
 * configured (its failure keeps the local draft, noted in the sources), stored as `draft` and
 * audited. The model is called outside any transaction.
 * @throws AccountNotFound, MessageNotFound, NotAnInboundEmail, SupplierNotConfigured
 */
export async function suggestReply({
  db,
  accountNumber,
  messageId,
  model,
  actor,
  at,
}: {
  db: Db
  accountNumber: string
  messageId: string
  model?: assist.ReplyModel | undefined
  actor: Actor
  at: Date
}): Promise<{ draft: assist.SuggestedReply; created: boolean }> {
  const prepared = await inTransaction(db, async (tx) => {
    const account = await accountOf(tx, accountNumber)
    const message = await inboundEmail(tx, account.id, messageId)
    const existing = await assist.findDraft({ tx, accountId: account.id, inboundMessageId: messageId })
    if (existing) {
      await recordAccountView(tx, { accountId: account.id, what: 'suggested_reply', context: { messageId }, actor, at })
      return { kind: 'existing' as const, existing }
    }
    const inbound = { subject: message.subject ?? '', body: message.body }
    const classification = assist.classifyMessage(inbound)
    const facts = await replyFactsOf({ tx, accountId: account.id, accountNumber: account.number, at })
    const reply = assist.composeReply({ inbound, classification, facts })
    return { kind: 'new' as const, accountId: account.id, inbound, classification, reply }
  })
  if (prepared.kind === 'existing') return { draft: prepared.existing, created: false }
  let reply = prepared.reply
  if (model) {
    try {
      const articles = reply.sources.articles.flatMap((source) => assist.articleOf(source.id) ?? [])
      const rewritten = await model.rewrite({
        inbound: prepared.inbound,
        classification: prepared.classification,
        draft: reply,
        articles,
      })
      reply = { ...reply, body: rewritten.body, sources: { ...reply.sources, method: `local+${model.name}` } }
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500)
      reply = { ...reply, sources: { ...reply.sources, modelError: `${model.name}: ${reason}` } }
    }
  }
  return inTransaction(db, (tx) =>
    assist.saveDraft({
      tx,
      accountId: prepared.accountId,
      inboundMessageId: messageId,
      classification: prepared.classification,
      reply,
      actor,
      at,
    }),
  )
}

/**
 * How assist names the draft answering an account's message: the account's id and the inbound message.
 * @throws AccountNotFound
 */
async function draftKeyOf({ tx, accountNumber, messageId }: AccountMessageCall) {
  return { accountId: await accountIdOf(tx, accountNumber), inboundMessageId: messageId }
}

/** The suggested reply to an inbound email; an audited view. @throws AccountNotFound, SuggestedReplyNotFound */
export async function suggestedReply(call: AccountMessageCall): Promise<assist.SuggestedReply> {
  const { tx, messageId, actor, at } = call
  const key = await draftKeyOf(call)
  const draft = await assist.findDraft({ tx, ...key })
  if (!draft) throw new assist.SuggestedReplyNotFound(`There is no suggested reply to the message ${messageId}`)
  await recordAccountView(tx, { accountId: key.accountId, what: 'suggested_reply', context: { messageId }, actor, at })
  return draft
}

/**
 * Mark the suggested reply reviewed by the person acting, with their edits (`body`) if any.
 * @throws AccountNotFound, SuggestedReplyNotFound, ReviewerNotAPerson, DraftClosed, InvalidDraft
 */
export async function reviewSuggestedReply(
  call: AccountMessageCall & { body?: string | undefined },
): Promise<assist.SuggestedReply> {
  const { tx, body, actor, at } = call
  return assist.reviewDraft({ tx, ...(await draftKeyOf(call)), body, actor, at })
}

/**
 * Send the reviewed suggestion (the reviewer's text when edited) to the account's email on file with
 * the `general_message` template, and mark the draft sent — in one transaction, so neither happens
 * without the other — then enqueue it for the delivery worker after commit.
 * @throws AccountNotFound, SuggestedReplyNotFound, DraftNotReviewed, DraftClosed, NoRecipient, and what `comms.send` throws
 */
export async function sendSuggestedReply({
  db,
  accountNumber,
  messageId,
  queue,
  actor,
  at,
}: {
  db: Db
  accountNumber: string
  messageId: string
  queue: DeliveryQueue
  actor: Actor
  at: Date
}): Promise<{ draft: assist.SuggestedReply; message: comms.MessageDetail }> {
  const { draft, queued } = await inTransaction(db, async (tx) => {
    const account = await accountOf(tx, accountNumber)
    const ready = await assist.draftToSend({ tx, accountId: account.id, inboundMessageId: messageId })
    const queued = await comms.send({
      tx,
      accountId: account.id,
      channel: 'email',
      template: assist.replyTemplate,
      fields: { subject: ready.subject, message: ready.editedBody ?? ready.body },
      related: { type: 'suggested_reply', id: ready.id },
      actor,
      at,
    })
    const draft = await assist.markDraftSent({
      tx,
      accountId: account.id,
      inboundMessageId: messageId,
      messageId: queued.id,
      actor,
      at,
    })
    return { draft, queued }
  })
  await queue.enqueue([queued.id])
  return { draft, message: await comms.getMessage({ tx: db, messageId: queued.id }) }
}

/** Discard the suggested reply. @throws AccountNotFound, SuggestedReplyNotFound, DraftClosed */
export async function discardSuggestedReply(call: AccountMessageCall): Promise<assist.SuggestedReply> {
  const { tx, actor, at } = call
  return assist.discardDraft({ tx, ...(await draftKeyOf(call)), actor, at })
}
