/**
 * Staff search (ACC-8, issue 22 item 6): the accounts module's search by account number, email,
 * phone, postcode, name or address, and besides it metering's identifiers: an MPAN (13 digits, or
 * the full 21-digit number with its top line), an MPRN (6 to 10 digits) or a meter's serial number
 * find the accounts supplied through them, the latest first. Each result says the account's status
 * colour and balance to a caller allowed to see them, so an agent can tell at once which of several
 * namesakes is the one in arrears.
 */
import type { Change } from '../db/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as metering from '../modules/metering/index.js'
import type { Allows } from './account-view.js'
import { accountStatuses, type StatusColour } from './collections.js'

export interface FoundAccount extends accounts.AccountSummary {
  /** The status colour (ACC-6), for a caller who may read the account. */
  readonly colour?: StatusColour
  /** Positive when the customer owes, for a caller who may read payments. */
  readonly balanceMinor?: bigint
}

/** What a search text would be as a meter identifier: an MPAN or MPRN, a serial number, or neither. */
export function meterSearchOf(text: string): { identifier: string; serial: boolean } | null {
  const digits = text.replace(/[\s-]/g, '')
  if (/^\d+$/.test(digits)) {
    // A full MPAN: the 8-digit top line (profile class, meter time-switch code, line loss factor) and the 13-digit core.
    if (digits.length === 21) return { identifier: digits.slice(8), serial: false }
    if (digits.length === 13 || (digits.length >= 6 && digits.length <= 10)) return { identifier: digits, serial: true }
    return null
  }
  // A serial number: letters and digits, both, in one word (E12Z345678, 21E1234567). Tried before the
  // accounts module's reading of it (an 8-character one may also be an account number without its A-).
  const word = text.trim()
  if (/^[A-Za-z0-9]{6,20}$/.test(word) && /\d/.test(word) && /[A-Za-z]/.test(word))
    return { identifier: word, serial: true }
  return null
}

/**
 * Search accounts as a member of staff: by a meter identifier first when the text can be one (found
 * accounts answer alone; none found, the text is searched as the accounts module reads it: a
 * phone number, a name), else the accounts module's search. Recorded as a search (USR-6).
 * @throws what accounts.searchAccounts throws (ValidationFailed, InvalidCursor)
 */
export async function searchAccountsAsStaff({
  tx,
  query,
  limit,
  cursor,
  allows,
  actor,
  at,
}: Change & { query: string; limit: number; cursor?: string | undefined; allows: Allows }): Promise<{
  items: FoundAccount[]
  nextCursor: string | null
}> {
  const meter = cursor === undefined ? meterSearchOf(query) : null
  const supplied = meter
    ? await metering.accountsSuppliedThrough({ tx, identifier: meter.identifier, serial: meter.serial, limit })
    : null
  const found =
    supplied && supplied.accountIds.length > 0
      ? await accounts.searchFoundAccounts({
          tx,
          query,
          kind: supplied.bySerial ? 'meter_serial' : 'meter_point',
          accountIds: supplied.accountIds,
          actor,
          at,
        })
      : await accounts.searchAccounts({ tx, query, limit, cursor, actor, at })
  const accountIds = found.items.map((item) => item.accountId)
  const [statuses, balances] = await Promise.all([
    allows('accounts.account.read') ? accountStatuses({ tx, accountIds, at }) : null,
    allows('payments.history.read') ? ledger.balancesOf({ tx, accountIds }) : null,
  ])
  return {
    items: found.items.map((item) => {
      const colour = statuses?.get(item.accountId)?.colour
      const balanceMinor = balances?.get(item.accountId)
      return {
        ...item,
        ...(colour ? { colour } : {}),
        ...(balanceMinor === undefined ? {} : { balanceMinor }),
      }
    }),
    nextCursor: found.nextCursor,
  }
}
