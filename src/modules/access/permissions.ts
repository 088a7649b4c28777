/**
 * The staff permission model, pure: the seven internal roles of the "Account Users" guide, the
 * export specialist of the export guide, the legal team's reviewer of powers of attorney and the
 * pricing analyst of issue 22 (products and price changes), which
 * role holds which permission, and `can`, the one policy function the API asks on every call. No I/O,
 * no clock. The permissions themselves, one flat catalogue named `<module>.<noun>.<verb>`, are in
 * `permission-catalogue.ts`. `PERMISSIONS.md` beside this file maps every can and cannot line of the
 * guide to these names and records the judgement calls.
 */

import type { Permission } from './permission-catalogue.js'

export const roles = [
  'agent',
  'supervisor',
  'billing_specialist',
  'field_technician',
  'collections_specialist',
  'it_administrator',
  'executive',
  'export_specialist',
  'legal_reviewer',
  'pricing_analyst',
] as const

export type Role = (typeof roles)[number]

/** The badge colours the guide gives each role ("Badge color in Kraken"). */
export type BadgeColour = 'blue' | 'purple' | 'green' | 'orange' | 'red' | 'black' | 'gold'

export type RoleInfo = {
  readonly role: Role
  /** The guide's title for one member of the role. */
  readonly label: string
  /** The guide's "Access level". */
  readonly accessLevel: string
  readonly badgeColour: BadgeColour
  /** The guide's "Who they are". */
  readonly summary: string
  /** "Everything agents can do, plus": the role whose permissions this one includes. */
  readonly inherits: Role | null
}

const roleCatalogue: Readonly<Record<Role, RoleInfo>> = {
  agent: {
    role: 'agent',
    label: 'Customer Service Agent',
    accessLevel: 'Standard',
    badgeColour: 'blue',
    summary: 'Front-line agents handling customer calls, emails, and chats',
    inherits: null,
  },
  supervisor: {
    role: 'supervisor',
    label: 'Supervisor',
    accessLevel: 'Advanced',
    badgeColour: 'purple',
    summary: 'Team leads and managers who oversee agents',
    inherits: 'agent',
  },
  billing_specialist: {
    role: 'billing_specialist',
    label: 'Billing Specialist',
    accessLevel: 'Specialized',
    badgeColour: 'green',
    summary: 'Team members who handle complex billing issues and disputes',
    inherits: 'agent',
  },
  field_technician: {
    role: 'field_technician',
    label: 'Field Service Technician',
    accessLevel: 'Field operations',
    badgeColour: 'orange',
    summary: 'Technicians who perform on-site work (meter reading, installations, repairs)',
    inherits: null,
  },
  collections_specialist: {
    role: 'collections_specialist',
    label: 'Collections Specialist',
    accessLevel: 'Collections',
    badgeColour: 'red',
    summary: 'Team members who handle past due accounts and payment collections',
    inherits: null,
  },
  it_administrator: {
    role: 'it_administrator',
    label: 'IT Administrator',
    accessLevel: 'System administrator',
    badgeColour: 'black',
    summary: 'Technical staff who manage the Kraken platform',
    inherits: null,
  },
  executive: {
    role: 'executive',
    label: 'Executive',
    accessLevel: 'Executive',
    badgeColour: 'gold',
    summary: 'Senior leadership and executives',
    inherits: null,
  },
  // Not in the "Account Users" guide: the export guide names the role and gives no access level or
  // badge; it shares the specialists' green badge, and its label tells it from billing.
  export_specialist: {
    role: 'export_specialist',
    label: 'Export Specialist',
    accessLevel: 'Specialized',
    badgeColour: 'green',
    summary: 'Specialists who enrol export MPANs and configure export (SPEC MET-7)',
    inherits: 'agent',
  },
  // Not a role of the guide either: "POA documents must be reviewed and approved by our legal team".
  // No badge colour is given; purple is the approver's colour (supervisors approve what agents
  // cannot), and the legal reviewer's one job is an approval; the label tells it from a supervisor.
  legal_reviewer: {
    role: 'legal_reviewer',
    label: 'Legal Reviewer',
    accessLevel: 'Legal',
    badgeColour: 'purple',
    summary: 'The legal team, who review and approve power-of-attorney documents (USR-2)',
    inherits: null,
  },
  // Not a role of the guide (issue 22): the seven roles "cannot modify rate structures", so prices
  // are managed by their own role. No badge colour is given; green is the specialists' colour
  // (billing, export), and the label tells them apart.
  pricing_analyst: {
    role: 'pricing_analyst',
    label: 'Pricing Analyst',
    accessLevel: 'Pricing',
    badgeColour: 'green',
    summary: 'The pricing team, who create products and tariffs and publish price changes (four-eyes)',
    inherits: null,
  },
}

// Finding and reading an account (its overview, contacts and service address), changing nothing:
// every role that works on customer accounts has it, the field technician only its address and contacts.
const accountView: readonly Permission[] = [
  'accounts.account.search',
  'accounts.account.read',
  'accounts.contact.read',
  'accounts.service_address.read',
]

// The customer-facing core every agent has; supervisors, billing and export specialists include it.
const agentGrants: readonly Permission[] = [
  ...accountView,
  'accounts.account.create',
  'accounts.contact.update',
  'accounts.note.create',
  'accounts.authorized_user.manage',
  'accounts.verification.record',
  // PSR and vulnerability needs are asked about in every conversation with a customer
  'accounts.vulnerability.record',
  'billing.statement.read',
  'payments.history.read',
  'payments.payment.create',
  'payments.arrangement.create',
  'payments.credit.create',
  'payments.refund.create',
  'cases.case.read',
  'cases.case.create',
  'cases.case.update',
  'comms.message.read',
  'comms.message.send',
  'metering.usage.read',
  'metering.reading.create',
  'tariffs.tariff.read',
  'field.appointment.read',
  'field.appointment.schedule',
]

// What each role is given on top of the role it inherits (`RoleInfo.inherits`).
const ownGrants: Readonly<Record<Role, readonly Permission[]>> = {
  agent: agentGrants,
  supervisor: [
    'payments.credit.approve_over_limit',
    'system.rules.override',
    'audit.activity.read',
    'cases.case.reassign',
    'cases.escalated.read',
    'reports.quality.read',
    'accounts.hold.manage',
    // managing restrictions needs seeing them; agents "cannot access restricted account flags"
    'accounts.restricted_flag.read',
    // the guide sends every approval an agent cannot give to a supervisor
    'accounts.major_change.approve',
    // suspected fraud and disputed identity are escalated to the supervisor ("Report to your supervisor")
    'accounts.sensitive_details.export',
    // "Flag the account for supervisor review": the supervisor reads the flags and clears them
    'accounts.review_flag.read',
    'accounts.review_flag.clear',
    // setting up, ending and exchanging supplies is back-office work, not a customer conversation
    'metering.meter_point.register',
  ],
  billing_specialist: [
    'billing.dispute.investigate',
    'billing.usage_analysis.read',
    'billing.adjustment.create',
    'billing.anomaly.resolve',
    'billing.rebill.create',
    'billing.report.create',
    // rebilling after corrected readings means correcting the readings
    'metering.usage.update',
    // a supply registered or exchanged wrongly is a billing error at its root
    'metering.meter_point.register',
  ],
  // Everything an agent does, plus enrolling export MPANs, which agents must never do themselves.
  export_specialist: ['metering.export.configure'],
  // No inheritance: a technician sees the address, contact and job, never billing or payments.
  field_technician: [
    'accounts.service_address.read',
    'accounts.contact.read',
    'field.appointment.read',
    'metering.usage.read',
    'metering.reading.create',
    'field.service_order.complete',
    'field.photo.upload',
    'field.visit_note.create',
    'field.equipment.update',
  ],
  // No inheritance. Reading the account is needed to collect on it ("View account balance"); what
  // "Access account unrelated to collections" takes away is everything else (cases, usage, tariffs,
  // general messages, contact changes).
  collections_specialist: [
    ...accountView,
    'accounts.note.create',
    'accounts.verification.record',
    // "When discussing debt it's important to check for any vulnerabilities in the household" (Populate Snippets)
    'accounts.vulnerability.record',
    'accounts.status.update',
    'billing.statement.read',
    'payments.history.read',
    'payments.payment.create',
    'payments.arrangement.create',
    'comms.message.read',
    'collections.late_fee.apply',
    'collections.disconnection.create',
    'collections.notice.send',
    'collections.commitment.track',
  ],
  // Full system access, but "cannot make business decisions about customer accounts": read-only
  // account access for troubleshooting and nothing that changes an account or overrides a rule.
  it_administrator: [
    'access.user.manage',
    'access.token.manage',
    'audit.log.read',
    'audit.activity.read',
    'settings.supplier.read',
    'settings.supplier.update',
    'system.diagnostics.read',
    'system.performance.read',
    'system.update.apply',
    ...accountView,
  ],
  // "View all customer accounts" read-only, company reports, no day-to-day changes.
  executive: [
    ...accountView,
    'billing.statement.read',
    'payments.history.read',
    'comms.message.read',
    'metering.usage.read',
    'tariffs.tariff.read',
    'field.appointment.read',
    'cases.escalated.read',
    'reports.company.read',
    'system.performance.read',
  ],
  // No inheritance: the legal team reviews documents, it does not serve customers. Reading the
  // account (holder, contact, address) is what checking a power of attorney against it needs, and
  // the sealed date of birth is what the document's identity is checked against.
  legal_reviewer: [...accountView, 'accounts.sensitive_details.export', 'legal.poa.review'],
  // No inheritance: pricing serves no customer and opens no account. It reads the catalogue, creates
  // products and submits price changes; approving one is for a second pricing analyst (never the
  // submitter, checked by person when it is approved).
  pricing_analyst: [
    'tariffs.tariff.read',
    'tariffs.product.create',
    'tariffs.price_change.submit',
    'tariffs.price_change.approve',
    // Agile's day-ahead prices: daily and formula-made, loaded by one analyst (or their integration's token)
    'tariffs.dynamic_price.load',
  ],
}

function grantsOf(role: Role): Set<Permission> {
  const parent = roleCatalogue[role].inherits
  const granted = parent === null ? new Set<Permission>() : grantsOf(parent)
  for (const permission of ownGrants[role]) granted.add(permission)
  return granted
}

// A Map so that a role name from outside (a database row, a token) that is not a role finds nothing.
const grantsByRole: ReadonlyMap<string, ReadonlySet<Permission>> = new Map(roles.map((role) => [role, grantsOf(role)]))

/** A member of staff acting under one role. */
export type StaffSubject = { readonly kind: 'staff'; readonly role: Role }

/** Who is asking. External users (account holder, authorized user, property manager, …) join this union by `kind`. */
export type Subject = StaffSubject

/** Whether the subject holds the permission; deny by default for anything unknown. Never throws. */
export function can(subject: Subject, permission: Permission): boolean {
  switch (subject.kind) {
    case 'staff':
      return grantsByRole.get(subject.role)?.has(permission) ?? false
    default:
      return refuseUnknownKind(subject.kind)
  }
}

// A new kind of subject fails to compile until `can` gives it its own rule; at run time it is refused.
function refuseUnknownKind(_kind: never): false {
  return false
}

/** The permissions a role holds, its inherited ones included; a fresh copy each call. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(grantsByRole.get(role))
}

/** The guide's label, access level, badge colour and summary for a role. */
export function roleInfo(role: Role): RoleInfo {
  return roleCatalogue[role]
}

/** Whether a string (from a database row, a token) names a staff role. */
export function isRole(name: string): name is Role {
  return grantsByRole.has(name)
}
