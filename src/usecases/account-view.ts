/**
 * An account view in the audit log (AUD-1, USR-6): which section of the account was shown, in the
 * same transaction as the read.
 */
import type { Tx } from '../db/index.js'
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
