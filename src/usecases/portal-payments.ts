/**
 * The customer portal (UI-2): the account's payments and kept methods, and paying from the portal,
 * behind the caller's grant on the account (`grantFor`).
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as payments from '../modules/payments/index.js'
import { recordAccountView } from './account-view.js'
import { takeAccountPayment } from './payments.js'
import { actorOf, grantFor, type PortalAccountCall, type Principal } from './portal-session.js'

export async function portalPayments({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'view_payments', at })
  const page = await payments.paymentsOf({ tx, accountId: account.id, limit: 50 })
  const methods = await payments.paymentMethodsOf({ tx, accountId: account.id })
  await recordAccountView(tx, { accountId: account.id, what: 'payments', context: {}, actor: actorOf(principal), at })
  return { items: page.items, methods }
}

/**
 * Pay from the portal: a card entered now or a kept method, against the balance or one statement;
 * recorded with source 'customer'. @throws PortalActionNotAllowed, billing.StatementNotFound
 */
export async function portalPay({
  db,
  processor,
  principal,
  accountNumber,
  amountMinor,
  card,
  paymentMethodId,
  statementNumber,
  idempotencyKey,
  at,
}: {
  db: Db
  processor: payments.PaymentProcessor
  principal: Principal
  accountNumber: string
  amountMinor: bigint
  card?: payments.CardDetails | undefined
  paymentMethodId?: string | undefined
  /** A statement of the account to pay against; without one, the balance. */
  statementNumber?: string | undefined
  idempotencyKey: string
  at: Date
}) {
  const { account, method } = await inTransaction(db, async (tx) => {
    const found = await grantFor({ tx, principal, accountNumber, action: 'pay', at })
    const methods = await payments.paymentMethodsOf({ tx, accountId: found.account.id })
    const kept = paymentMethodId ? methods.find((item) => item.id === paymentMethodId) : undefined
    return { account: found.account, method: kept?.kind ?? 'card' }
  })
  return takeAccountPayment({
    db,
    processor,
    accountNumber: account.number,
    input: { method, amountMinor, paymentMethodId, card, statementNumber },
    idempotencyKey,
    source: 'customer',
    actor: actorOf(principal),
    at,
  })
}
