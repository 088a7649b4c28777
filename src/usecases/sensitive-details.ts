/**
 * SEC-1: the audited export of an account's sealed personal details (date of birth, security answer,
 * SSN last four) for the roles allowed it (`accounts.sensitive_details.export`, checked by the route).
 * Every read is an audit event in the same transaction; the values never go into the log. They are
 * kept, sealed, by `recordSensitiveDetails`.
 */
import * as access from '../modules/access/index.js'
import { type AccountCall, accountOf } from './account-view.js'

/**
 * Open and return the account's sealed details, recording who read them and why.
 * @throws accounts.AccountNotFound
 */
export async function exportAccountSensitiveDetails({
  tx,
  accountNumber,
  dataKey,
  reason,
  actor,
  at,
}: AccountCall & {
  dataKey: string
  reason?: string | undefined
}) {
  const account = await accountOf(tx, accountNumber)
  const details = await access.exportSensitiveDetails({ tx, accountId: account.id, dataKey, reason, actor, at })
  return {
    accountNumber: account.number,
    dateOfBirth: details.dateOfBirth ?? null,
    securityAnswer: details.securityAnswer ?? null,
    ssnLastFour: details.ssnLastFour ?? null,
    exportedAt: at,
  }
}

/** Keep an account's date of birth, security answer and SSN last four, sealed (SEC-1). */
export async function recordSensitiveDetails({
  tx,
  accountNumber,
  details,
  dataKey,
  actor,
  at,
}: AccountCall & {
  details: access.SensitiveDetails
  dataKey: string
}) {
  const account = await accountOf(tx, accountNumber)
  await access.storeSensitiveDetails({ tx, accountId: account.id, details, dataKey, actor, at })
}
