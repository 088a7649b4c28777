/**
 * An account view in the audit log (AUD-1, USR-6): which section of the account was shown, in the
 * same transaction as the read.
 */
import type { Db, Tx } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import type { Actor } from '../shared/actor.js'

export async function recordAccountView(
  tx: Tx,
  { accountId, what, context, actor, at }: { accountId: string; what: string; context: object; actor: Actor; at: Date },
) {
  await audit.record(tx, {
    actor,
    action: 'accounts.account.viewed',
    subject: { type: 'account', id: accountId },
    accountId,
    context: { sections: [what], ...context },
    at,
  })
}

/** The account with this number, with its property. @throws accounts.AccountNotFound */
export async function accountOf(tx: Db | Tx, accountNumber: string) {
  const account = await accounts.findAccountSupply({ tx: tx as Tx, accountNumber })
  if (!account) throw new accounts.AccountNotFound(`There is no account ${accountNumber}`)
  return account
}

/** The id of the account with this number. @throws accounts.AccountNotFound */
export async function accountIdOf(tx: Db | Tx, accountNumber: string): Promise<string> {
  return (await accountOf(tx, accountNumber)).id
}
