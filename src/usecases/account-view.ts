/**
 * What a member of staff sees of an account, and the record of it in the audit log (AUD-1, USR-6).
 * The overview is shaped by the caller's permissions: each section comes only when the caller holds
 * the permission it needs, so a field technician opens the account in a field-visit view (holder,
 * service address, contacts, meters, PSR needs) with no balance, bills, notes or tariff, and the
 * audit event names the sections that were shown.
 */
import type { Change, Db, Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as audit from '../modules/audit/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import {
  type AccountGlance,
  accountGlance,
  type GlanceSection,
  glanceSectionPermission,
  glanceSections,
} from './account-glance.js'

/** What every call on one account by a member of staff is given: the account, who acts and when. */
export interface AccountCall {
  tx: Tx
  accountNumber: string
  actor: Actor
  at: Date
}

/**
 * The arguments of a use case that calls a module's account-id function `Call` by account number:
 * the module function's own arguments with the account number in place of the id.
 */
export type ByAccountNumber<Call extends (args: never) => unknown> = Omit<Parameters<Call>[0], 'accountId'> & {
  accountNumber: string
}

/** A call about one of an account's messages. */
export interface AccountMessageCall extends AccountCall {
  messageId: string
}

/** A call for a page of one of an account's lists. */
export interface AccountPageCall extends AccountCall {
  limit: number
  cursor?: string | undefined
}

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
  const account = await accounts.findAccountSupply({ tx, accountNumber })
  if (!account) throw new accounts.AccountNotFound(`There is no account ${accountNumber}`)
  return account
}

/** The id of the account with this number. @throws accounts.AccountNotFound */
export async function accountIdOf(tx: Db | Tx, accountNumber: string): Promise<string> {
  return (await accountOf(tx, accountNumber)).id
}

/** Whether the caller holds a permission: `access.can` bound to the signed-in principal. */
export type Allows = (permission: access.Permission) => boolean

/** The sections of the account overview, each shown only to a caller holding its permission. */
export const accountViewSections = [
  'summary',
  'reviewFlags',
  'contacts',
  'siteNeeds',
  'meterPoints',
  'preferences',
  'notes',
  ...glanceSections,
] as const
export type AccountViewSection = (typeof accountViewSections)[number]

/**
 * The permission each section needs. `summary` (number, holder, service address, status) and the open
 * review flags (a warning to whoever handles the account) come with the service address, which every
 * role that opens an account holds. PSR needs are what a visit must know (access, medical equipment,
 * communication), so they go with the appointments; the billing mode with the billing address, and the
 * notes (which talk about bills and payments) need the full account read, which field technicians
 * never hold.
 */
export const accountViewSectionPermission: Readonly<Record<AccountViewSection, access.Permission>> = {
  summary: 'accounts.service_address.read',
  reviewFlags: 'accounts.service_address.read',
  contacts: 'accounts.contact.read',
  siteNeeds: 'field.appointment.read',
  meterPoints: 'metering.usage.read',
  preferences: 'accounts.account.read',
  notes: 'accounts.account.read',
  // The account at a glance (account-glance.ts): what the customer owes and what they are on.
  ...glanceSectionPermission,
}

/** The sections a caller may see, in display order. Pure; throws nothing. */
export function accountViewSectionsFor(allows: Allows): AccountViewSection[] {
  return accountViewSections.filter((section) => allows(accountViewSectionPermission[section]))
}

/** A PSR need as shown on a visit: the category only (no notes, no consent dates). */
export interface SiteNeed {
  readonly category: string
}

export type AccountView = accounts.AccountSectionsView &
  AccountGlance & {
    readonly sections: readonly AccountViewSection[]
    readonly reviewFlags?: readonly { readonly id: string; readonly reason: string; readonly raisedAt: Date }[]
    readonly siteNeeds?: readonly SiteNeed[]
    readonly meterPoints?: readonly metering.MeterPointView[]
  }

/**
 * The account overview shaped by what the caller may see, recorded as one view naming the sections
 * shown (AUD-1). @throws accounts.AccountNotFound
 */
export async function accountOverview({
  tx,
  accountNumber,
  allows,
  actor,
  at,
  notesLimit = 20,
}: Change & {
  accountNumber: string
  allows: Allows
  notesLimit?: number
}): Promise<AccountView> {
  const sections = accountViewSectionsFor(allows)
  const shows = new Set(sections)
  const base = await accounts.readAccountSections({
    tx,
    accountNumber,
    sections: accounts.overviewSections.filter((section) => shows.has(section)),
    notesLimit,
  })
  const accountId = base.account.id
  const glanceParts = sections.filter((section): section is GlanceSection =>
    Object.hasOwn(glanceSectionPermission, section),
  )
  const [reviewFlags, needs, meterPoints, glance] = await Promise.all([
    shows.has('reviewFlags') ? access.reviewFlagsOf({ tx, accountId }) : undefined,
    shows.has('siteNeeds') ? accounts.vulnerabilitiesOf({ tx, accountId }) : undefined,
    shows.has('meterPoints') ? metering.meterPointsOfAccountId({ tx, accountId }) : undefined,
    accountGlance({ tx, accountId, accountNumber: base.account.number, sections: glanceParts, at }),
  ])
  await audit.record(tx, {
    actor,
    action: 'accounts.account.viewed',
    subject: { type: 'account', id: accountId },
    accountId,
    context: { sections },
    at,
    relaxedDurability: true,
  })
  return {
    ...base,
    sections,
    ...(reviewFlags ? { reviewFlags } : {}),
    ...(needs
      ? { siteNeeds: needs.filter((need) => need.register === 'psr').map((need) => ({ category: need.category })) }
      : {}),
    ...(meterPoints ? { meterPoints } : {}),
    ...glance,
  }
}
