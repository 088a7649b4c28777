import type { Permission } from './permission-catalogue.js'
import { permissionsOf, type Role, can as roleCan, roles, type Subject } from './permissions.js'

/**
 * Which permissions move money or change what a customer owes, and which only a person in a browser
 * session may use. Pure, no I/O. `PERMISSIONS.md` ("Tokens, service accounts and money roles") says why.
 */

/**
 * Permissions that move money or change a balance. A role holding any of them is a money role:
 * creating a user with one, or giving one to a user, needs a second access manager's approval.
 */
export const moneyPermissions: readonly Permission[] = [
  'payments.payment.create',
  'payments.credit.create',
  'payments.credit.approve_over_limit',
  'payments.refund.create',
  'payments.arrangement.create',
  'billing.adjustment.create',
  'billing.rebill.create',
  'collections.late_fee.apply',
  'tariffs.rate.update',
  // publishing a price change changes what every customer on the tariff owes
  'tariffs.price_change.approve',
  'tariffs.dynamic_price.load',
]

/**
 * The second pair of eyes of a four-eyes rule is a person: these permissions are never carried by an
 * API token, whatever it was issued with, so a token can never approve.
 */
export const sessionOnlyPermissions: readonly Permission[] = [
  'payments.credit.approve_over_limit',
  'accounts.major_change.approve',
  'legal.poa.review',
  'system.rules.override',
  // a supervisor's review of a flagged account ("Flag the account for supervisor review")
  'accounts.review_flag.clear',
  // the second pricing analyst of a price change
  'tariffs.price_change.approve',
]

/** Whether a role holds any money permission. */
export function isMoneyRole(role: Role): boolean {
  const held = permissionsOf(role)
  return moneyPermissions.some((permission) => held.has(permission))
}

/** The money roles, in catalogue order. */
export const moneyRoles: readonly Role[] = roles.filter(isMoneyRole)

/**
 * A subject with what its credential allows: a session carries its role's permissions (`scope`
 * absent or null); an API token only those in its scope, and never more than the role's.
 */
export type ScopedSubject = Subject & { readonly scope?: ReadonlySet<Permission> | null }

/**
 * Whether the subject may use a permission: the role must hold it, and a token's scope must list it.
 * The module's door exports this as `can`. Never throws.
 */
export function can(subject: ScopedSubject, permission: Permission): boolean {
  if (!roleCan(subject, permission)) return false
  return subject.scope ? subject.scope.has(permission) : true
}

/** Every permission the subject may use now, sorted. */
export function permissionsOfSubject(subject: ScopedSubject): Permission[] {
  return [...permissionsOf(subject.role)].filter((permission) => can(subject, permission)).sort()
}
