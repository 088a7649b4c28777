/**
 * The external-user policy, pure: what each kind of relationship to an account allows, from the
 * "Account Users" guide's external users and its quick-reference table. `canOnAccount` is the one
 * check every portal call on an account passes; deny by default. No I/O, no clock.
 */

export const grantKinds = [
  'holder',
  'authorized_full',
  'authorized_limited',
  'property_manager',
  'power_of_attorney',
  'third_party',
] as const
export type GrantKind = (typeof grantKinds)[number]

export const grantStatuses = ['active', 'pending_approval', 'revoked', 'expired'] as const
export type GrantStatus = (typeof grantStatuses)[number]

export const portalActions = [
  'view_bills',
  'view_usage',
  'view_payments',
  'pay',
  'update_contact',
  'manage_users',
  'contact_service',
  'bulk_statements',
  'tenant_requests',
  'change_billing_preferences',
  'replace_primary_email',
  'submit_readings',
] as const
export type PortalAction = (typeof portalActions)[number]

/** What a third party may be authorised to see or do: the scope names of the authorization form. */
export const thirdPartyScopes = ['usage', 'bills', 'service_requests'] as const
export type ThirdPartyScope = (typeof thirdPartyScopes)[number]

// Each line quotes the guide. Judgement calls:
// - holder: "Add authorized users" is manage_users; "Request service changes" is contact_service.
// - power of attorney: "Everything the primary account holder can do".
// - property manager: the guide lists bills, payments, contact changes, tenant turnover and bulk
//   billing reports; usage is not listed, so it is refused (deny by default). Payment history is
//   given because "make payments on behalf of tenants" needs seeing what was already paid.
// - third party: never pays or changes settings; each of usage, bills, service requests only when the
//   authorization's scope names it.
// - contact details (issue 19): "Update contact information" is update_contact (phones, texts) for
//   full authorized users and property managers too; "Change billing preferences" is the holder's
//   line only (change_billing_preferences), and replacing the primary email, where the holder's
//   notices and sign-in help go, would hand the account over (replace_primary_email): the holder's
//   and their attorney's ("everything the primary account holder can do").
// - meter readings (issue 22 item 7, submit_readings): the guide does not list them; giving a
//   reading is telling customer service what the meter shows, which a full authorized user may do
//   ("Communicate with customer service") as the holder may; a limited user only views, a property
//   manager's list does not include it, and a third party never changes the account.
// The holder may do everything but what is a property manager's alone.
const holderAllows: readonly PortalAction[] = portalActions.filter(
  (action) => action !== 'bulk_statements' && action !== 'tenant_requests',
)
const allowsByKind: Readonly<Record<GrantKind, readonly PortalAction[]>> = {
  holder: holderAllows,
  authorized_full: [
    'view_bills',
    'view_usage',
    'view_payments',
    'pay',
    'update_contact',
    'contact_service',
    'submit_readings',
  ],
  authorized_limited: ['view_bills', 'view_usage', 'view_payments'],
  property_manager: ['view_bills', 'view_payments', 'pay', 'update_contact', 'bulk_statements', 'tenant_requests'],
  // "Everything the primary account holder can do."
  power_of_attorney: holderAllows,
  third_party: ['view_usage', 'view_bills', 'contact_service'],
}

const scopeOfAction: Partial<Record<PortalAction, ThirdPartyScope>> = {
  view_usage: 'usage',
  view_bills: 'bills',
  contact_service: 'service_requests',
}

/** What a kind of relationship allows at most (a third party only within its scope). Throws nothing. */
export function externalCan(kind: GrantKind, action: PortalAction): boolean {
  return (allowsByKind[kind] ?? []).includes(action)
}

/** The part of a grant the policy reads. */
export interface GrantFacts {
  readonly kind: GrantKind
  readonly status: GrantStatus
  readonly scope: readonly string[]
  readonly validFrom: Date
  readonly validTo: Date | null
}

/** Whether the grant is in force at an instant: active and inside `[validFrom, validTo)`. */
export function grantInForce(grant: GrantFacts, at: Date): boolean {
  if (grant.status !== 'active') return false
  if (at < grant.validFrom) return false
  return grant.validTo === null || at < grant.validTo
}

/**
 * Whether a grant allows an action on its account at an instant; expired, pending and revoked grants
 * allow nothing. Throws nothing.
 */
export function canOnAccount(grant: GrantFacts | undefined, action: PortalAction, at: Date): boolean {
  if (!grant || !grantInForce(grant, at) || !externalCan(grant.kind, action)) return false
  if (grant.kind !== 'third_party') return true
  const scope = scopeOfAction[action]
  return scope !== undefined && grant.scope.includes(scope)
}

/** Every action a grant allows at an instant, in catalogue order. */
export function allowsOf(grant: GrantFacts | undefined, at: Date): PortalAction[] {
  return portalActions.filter((action) => canOnAccount(grant, action, at))
}

/**
 * The grants a caller who says they are one kind of person must hold on the account to be verified
 * as that person (seed "Verifying User Authority"); the holder is checked on the account's own details.
 */
export const grantKindsOfCaller = {
  holder: ['holder'],
  authorized_user: ['authorized_full', 'authorized_limited'],
  property_manager: ['property_manager'],
  power_of_attorney: ['power_of_attorney'],
  third_party: ['third_party'],
} as const satisfies Record<string, readonly GrantKind[]>
export type VerifiedCaller = keyof typeof grantKindsOfCaller
