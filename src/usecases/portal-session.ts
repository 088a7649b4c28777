/**
 * The customer portal (UI-2, USR-2..3): signing in and out, and the grant every account-scoped portal
 * call passes first (`grantFor`): an account that is not theirs (or whose grant is pending, expired or
 * revoked) is refused exactly as one that does not exist, and an action their kind of access does not
 * allow is refused as forbidden. Views and changes are audited with the customer as actor.
 */
import type { Db, Tx } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import type { Actor } from '../shared/actor.js'
import { Forbidden, withCode } from '../shared/errors.js'
import { accessPolicyOf } from './staff-session.js'

export class PortalActionNotAllowed extends withCode(Forbidden, 'PORTAL_ACTION_NOT_ALLOWED') {}

export type Principal = access.CustomerPrincipal

/** What every call on one of the signed-in customer's accounts is given. */
export interface PortalAccountCall {
  tx: Tx
  principal: Principal
  accountNumber: string
  at: Date
}

export const actorOf = (principal: Principal): Actor => ({ kind: 'customer', id: principal.id })

/** A service note on the account written by the portal customer, in their name. @throws what accounts.addNote throws */
export function addPortalNote({
  tx,
  principal,
  accountNumber,
  body,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  body: string
  at: Date
}): ReturnType<typeof accounts.addNote> {
  const { displayName: authorName } = principal
  return accounts.addNote({ tx, accountNumber, type: 'service', body, actor: actorOf(principal), authorName, at })
}

export async function portalPolicy(tx: Db | Tx): Promise<access.PortalSessionPolicy> {
  return accessPolicyOf((await market.getSupplier(tx)).settings)
}

/** The same refusal as `accounts.viewAccountOverview` gives for a number that does not exist. */
function noSuchAccount(accountNumber: string) {
  return new accounts.AccountNotFound(`There is no account ${accountNumber}`)
}

/**
 * The caller's grant on the account, in force, allowing `action` (or any action when none is named).
 * @throws accounts.AccountNotFound when the account does not exist or is not theirs; PortalActionNotAllowed
 */
export async function grantFor({
  tx,
  principal,
  accountNumber,
  action,
  at,
}: {
  tx: Tx
  principal: Principal
  accountNumber: string
  action: access.PortalAction | null
  at: Date
}) {
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw noSuchAccount(accountNumber)
  const grant = await access.grantOn({ tx, userId: principal.id, accountId: account.id })
  if (!grant || !access.grantInForce(grant, at)) throw noSuchAccount(accountNumber)
  const allows = access.allowsOf(grant, at)
  if (action !== null && !allows.includes(action)) {
    throw new PortalActionNotAllowed(`Your access to ${account.number} does not include this`, { action })
  }
  return { account, grant, allows }
}

/** An account's supply address on one line. */
export function addressOf(account: NonNullable<Awaited<ReturnType<typeof accounts.findAccountSupply>>>) {
  return [account.property.line1, account.property.line2, account.property.town, account.property.postcode]
    .filter((part): part is string => Boolean(part))
    .join(', ')
}

/** The signed-in user and every account they currently have access to, with what it allows. */
export async function portalMe({ tx, principal, at }: { tx: Tx; principal: Principal; at: Date }) {
  const grants = await access.grantsOfUser({ tx, userId: principal.id })
  const list = []
  for (const grant of grants.filter((item) => access.grantInForce(item, at))) {
    const account = await accounts.findAccountSupply({ tx, accountNumber: grant.accountNumber })
    const facts = await accounts.accountFacts({ tx, accountId: grant.accountId })
    if (!account || !facts) continue
    list.push({
      accountNumber: account.number,
      name: facts.displayName,
      address: addressOf(account),
      kind: grant.kind,
      allows: access.allowsOf(grant, at),
    })
  }
  return {
    user: { id: principal.id, email: principal.email, displayName: principal.displayName },
    accounts: list,
  }
}

/** Sign in to the portal. @throws access.InvalidPortalCredentials */
export async function signInCustomer({
  db,
  email,
  password,
  at,
}: {
  db: Db
  email: string
  password: string
  at: Date
}) {
  const result = await inTransaction(db, async (tx) =>
    access.signInExternal({ tx, email, password, policy: await portalPolicy(tx), at }),
  )
  if (!result.ok) throw result.error
  const me = await inTransaction(db, (tx) => portalMe({ tx, principal: result.principal, at }))
  return { sessionToken: result.sessionToken, expiresAt: result.expiresAt, me }
}

/** Sign out of the portal. */
export async function signOutCustomer({ db, principal, at }: { db: Db; principal: Principal; at: Date }) {
  await inTransaction(db, (tx) => access.endExternalSession({ tx, principal, at }))
}
