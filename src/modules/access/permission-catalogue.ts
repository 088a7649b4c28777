/**
 * The staff permissions, one flat catalogue named `<module>.<noun>.<verb>`, each with what it allows
 * and the guide's line it comes from. Pure data; who holds which is in `permissions.ts`.
 */

/** Every permission, one flat list, `<module>.<noun>.<verb>`; deny by default for anything not granted. */
export const permissions = [
  // accounts
  'accounts.account.search',
  'accounts.account.read',
  'accounts.account.create',
  'accounts.contact.read',
  'accounts.contact.update',
  'accounts.service_address.read',
  'accounts.note.create',
  'accounts.status.update',
  'accounts.hold.manage',
  'accounts.restricted_flag.read',
  'accounts.major_change.approve',
  'accounts.authorized_user.manage',
  'accounts.verification.record',
  'accounts.vulnerability.record',
  'accounts.review_flag.read',
  'accounts.review_flag.clear',
  'accounts.sensitive_details.export',
  'accounts.information.delete',
  // access
  'access.user.manage',
  'access.token.manage',
  'access.password.read',
  // audit
  'audit.log.read',
  'audit.activity.read',
  // settings
  'settings.supplier.read',
  'settings.supplier.update',
  // system
  'system.diagnostics.read',
  'system.performance.read',
  'system.update.apply',
  'system.rules.override',
  // billing
  'billing.statement.read',
  'billing.dispute.investigate',
  'billing.adjustment.create',
  'billing.rebill.create',
  'billing.anomaly.resolve',
  'billing.report.create',
  'billing.usage_analysis.read',
  // payments
  'payments.history.read',
  'payments.payment.create',
  'payments.arrangement.create',
  'payments.credit.create',
  'payments.credit.approve_over_limit',
  'payments.refund.create',
  // collections
  'collections.late_fee.apply',
  'collections.disconnection.create',
  'collections.notice.send',
  'collections.commitment.track',
  // cases
  'cases.case.read',
  'cases.case.create',
  'cases.case.update',
  'cases.case.reassign',
  'cases.escalated.read',
  // comms
  'comms.message.read',
  'comms.message.send',
  // metering
  'metering.usage.read',
  'metering.reading.create',
  'metering.usage.update',
  'metering.export.configure',
  'metering.meter_point.register',
  // tariffs
  'tariffs.tariff.read',
  'tariffs.rate.update',
  'tariffs.agreement.update',
  'tariffs.product.create',
  'tariffs.price_change.submit',
  'tariffs.price_change.approve',
  'tariffs.dynamic_price.load',
  // field
  'field.appointment.read',
  'field.appointment.schedule',
  'field.service_order.complete',
  'field.photo.upload',
  'field.visit_note.create',
  'field.equipment.update',
  // reports
  'reports.company.read',
  'reports.quality.read',
  // legal
  'legal.poa.review',
] as const

export type Permission = (typeof permissions)[number]

export type PermissionInfo = {
  readonly description: string
  /** The guide's line this permission comes from, quoted; absent where it comes from elsewhere (said in the description). */
  readonly seed?: string
}

export const permissionCatalogue: Readonly<Record<Permission, PermissionInfo>> = {
  'accounts.account.search': {
    description: 'Search customer accounts by number, name, phone, email or address.',
    seed: 'View customer account details',
  },
  'accounts.account.read': {
    description:
      "The full account overview (billing mode, notes) and the account's other read routes (notes, timeline).",
    seed: 'View customer account details',
  },
  'accounts.account.create': {
    description: 'Open a new customer account (sign-up, move-in); from SPEC ACC-9, the guide is silent.',
  },
  'accounts.contact.read': {
    description: 'Read the customer contact details (phones, emails, mailing address).',
    seed: 'Access customer contact information',
  },
  'accounts.contact.update': {
    description: 'Change the customer contact details.',
    seed: 'Update contact information',
  },
  'accounts.service_address.read': {
    description:
      'Open an account (number, holder, service address, open review flags); the rest of the overview needs its own permission.',
    seed: 'View service address and appointment details',
  },
  'accounts.note.create': { description: 'Add a note to the account timeline.', seed: 'Add account notes' },
  'accounts.status.update': {
    description: 'Change the account lifecycle status (e.g. referred to collections); not the computed indicator.',
    seed: 'Update account status',
  },
  'accounts.hold.manage': {
    description: 'Place, change and lift account holds and restrictions.',
    seed: 'Manage account holds and restrictions',
  },
  'accounts.restricted_flag.read': {
    description: 'See the restricted flags on an account (fraud, sensitive handling).',
    seed: 'Access restricted account flags',
  },
  'accounts.major_change.approve': {
    description: 'Approve a major account change (closure, change of ownership) raised by someone else.',
    seed: 'Approve major account changes',
  },
  'accounts.authorized_user.manage': {
    description: "Add, remove or re-level an account's authorized users at the primary holder's request.",
    seed: 'Adding an Authorized User (Agent Process)',
  },
  'accounts.verification.record': {
    description: 'Record the identity-verification answers given by a caller, and failed attempts.',
    seed: 'Verifying User Authority',
  },
  'accounts.vulnerability.record': {
    description:
      'Add or take off a Priority Services Register need (with consent) or a vulnerability, with a review date.',
    seed: "When discussing debt it's important to check for any vulnerabilities in the household",
  },
  'accounts.review_flag.read': {
    description: 'Read the accounts flagged for supervisor review (repeated failed verification), across all accounts.',
    seed: 'Flag the account for supervisor review',
  },
  'accounts.review_flag.clear': {
    description: 'Clear an account review flag with a note once the supervisor has reviewed it.',
    seed: 'Flag the account for supervisor review',
  },
  'accounts.sensitive_details.export': {
    description:
      'Read back the sealed date of birth, security answer and SSN last four of an account; every read is audited (SPEC SEC-1).',
    seed: 'Only share information with properly verified users',
  },
  'accounts.information.delete': {
    description: 'Delete account information. Granted to no role: records are corrected, never deleted.',
    seed: 'Delete account information',
  },
  'access.user.manage': {
    description: 'Create, disable and change the role of staff users.',
    seed: 'Manage user accounts and permissions',
  },
  'access.token.manage': {
    description: 'Issue and revoke API tokens for integrations.',
    seed: 'Manage user accounts and permissions',
  },
  'access.password.read': {
    description: "Read a staff user's password. Granted to no role: passwords are only stored hashed.",
    seed: 'Access individual agent passwords',
  },
  'audit.log.read': { description: 'Read and verify the audit log.', seed: 'Access audit logs' },
  'audit.activity.read': {
    description: "Read a staff user's activity report: logins, accounts accessed, changes, payments, messages.",
    seed: 'Access detailed agent activity reports',
  },
  'settings.supplier.read': {
    description: 'Read the supplier settings (market profile, business thresholds, integrations).',
    seed: 'Configure system settings',
  },
  'settings.supplier.update': { description: 'Change the supplier settings.', seed: 'Configure system settings' },
  'system.diagnostics.read': {
    description: 'Run and read system diagnostics (health, jobs, queues, integrations).',
    seed: 'Run system diagnostics',
  },
  'system.performance.read': {
    description: 'Read system performance dashboards (latency, throughput, job durations).',
    seed: 'Monitor system performance',
  },
  'system.update.apply': {
    description: 'Apply system updates and run migrations from the console.',
    seed: 'Implement system updates',
  },
  'system.rules.override': {
    description: 'Override the system rules that allow an override (which ones is decided by each rule).',
    seed: 'Override certain system restrictions',
  },
  'billing.statement.read': {
    description: 'Read statements and invoices, their breakdowns and PDFs, and duplicates.',
    seed: 'Review billing and payment history',
  },
  'billing.dispute.investigate': {
    description: 'Work a billing dispute: open the investigation view, record findings, resolve it.',
    seed: 'Investigate complex billing disputes',
  },
  'billing.adjustment.create': {
    description: 'Post a billing adjustment (charge or credit correcting a bill).',
    seed: 'Issue billing adjustments and credits',
  },
  'billing.rebill.create': {
    description: 'Un-bill and re-bill a period after corrected readings.',
    seed: 'Recalculate bills manually',
  },
  'billing.anomaly.resolve': {
    description: 'Release or correct a statement held by a billing run as anomalous.',
    seed: 'Correct system billing errors',
  },
  'billing.report.create': {
    description: 'Generate custom billing reports and export them.',
    seed: 'Generate custom billing reports',
  },
  'billing.usage_analysis.read': {
    description: 'Open the detailed usage analysis (interval data against billed quantities).',
    seed: 'Perform detailed usage analysis',
  },
  'payments.history.read': {
    description: 'Read the payments, refunds and returns on an account.',
    seed: 'Review billing and payment history',
  },
  'payments.payment.create': { description: 'Take a payment against an account.', seed: 'Process payments' },
  'payments.arrangement.create': {
    description: 'Set up a payment arrangement (down payment, instalments).',
    seed: 'Set up payment arrangements',
  },
  'payments.credit.create': {
    description: "Issue a goodwill credit up to the supplier's agent credit limit.",
    seed: 'Issue credits over $100 (requires supervisor approval)',
  },
  'payments.credit.approve_over_limit': {
    description: 'Approve a credit or refund above the supplier limit (default 100 major units).',
    seed: 'Approve credits over $100',
  },
  'payments.refund.create': {
    description: 'Refund an overpayment, never more than the credit balance; from the platform guide.',
    seed: 'Issue refunds for overpayments',
  },
  'collections.late_fee.apply': { description: 'Apply a late fee to an account.', seed: 'Apply late fees' },
  'collections.disconnection.create': {
    description: 'Raise a disconnection order (only after the notice steps).',
    seed: 'Process disconnection orders',
  },
  'collections.notice.send': {
    description: 'Send a collections notice (reminder, final notice, disconnection notice).',
    seed: 'Send collection notices',
  },
  'collections.commitment.track': {
    description: 'Record and follow up promises to pay.',
    seed: 'Track payment commitments',
  },
  'cases.case.read': { description: 'Read the cases on an account.', seed: 'Create and update cases' },
  'cases.case.create': { description: 'Open a case on an account.', seed: 'Create and update cases' },
  'cases.case.update': {
    description: 'Change a case: status, priority, notes, attachments.',
    seed: 'Create and update cases',
  },
  'cases.case.reassign': {
    description: 'Move a case from one agent or team to another.',
    seed: 'Reassign cases between agents',
  },
  'cases.escalated.read': {
    description:
      'Read the escalated cases (complaint escalations and urgent cases) across all accounts, and open one of them.',
    seed: 'View escalated cases',
  },
  'comms.message.read': {
    description: 'Read the communications sent to and received from a customer.',
    seed: 'View customer account details',
  },
  'comms.message.send': {
    description: 'Send an email, SMS or letter to a customer.',
    seed: 'Send customer communications',
  },
  'metering.usage.read': {
    description: 'Read meter readings and consumption (register reads, half-hourly data).',
    seed: 'View customer account details',
  },
  'metering.reading.create': { description: 'Submit a meter reading.', seed: 'Update meter readings' },
  'metering.usage.update': {
    description: 'Correct stored readings or consumption (replace, invalidate, re-estimate).',
    seed: 'Modify usage data',
  },
  'metering.export.configure': {
    description: 'Enrol an export MPAN against its import MPAN (SPEC MET-7); export specialists only.',
    seed: 'Please never enrol an Export MPAN yourself, this needs to be carried out by an Export Specialist (or Smart Product team)',
  },
  'metering.meter_point.register': {
    description:
      "Register a meter point (MPAN or MPRN) with its meter and registers at an account's property, start and end its supply, exchange its meter (MET-1, MET-2), one at a time or from a supplies CSV.",
  },
  'tariffs.tariff.read': {
    description: 'Read products, tariffs and the rates an account is on.',
    seed: 'View customer account details',
  },
  'tariffs.rate.update': {
    description: 'Create or change tariff rates and rate structures. Granted to no role of the guide.',
    seed: 'Make rate changes',
  },
  'tariffs.agreement.update': {
    description: "Move a customer's supply point to another tariff. Granted to no role of the guide.",
    seed: 'Modify customer rate plans',
  },
  'tariffs.product.create': {
    description:
      'Create a product with its regional tariffs and first rates; pricing analysts only (issue 22), the guide is silent.',
  },
  'tariffs.price_change.submit': {
    description:
      'Upload a price change (CSV), see its dry run against current prices and submit it for approval; pricing analysts only.',
  },
  'tariffs.dynamic_price.load': {
    description:
      "Load Agile's half-hourly prices from a day-ahead file (whole days, before they begin; never replaced); pricing analysts only.",
  },
  'tariffs.price_change.approve': {
    description:
      "Approve and publish another pricing analyst's price change (four-eyes, never your own); pricing analysts only.",
  },
  'field.appointment.read': {
    description: 'Read service appointments and field jobs.',
    seed: 'View service address and appointment details',
  },
  'field.appointment.schedule': {
    description: 'Book, move or cancel a service appointment; from the platform guide.',
    seed: 'Service appointment scheduling',
  },
  'field.service_order.complete': { description: 'Complete a service order.', seed: 'Complete service orders' },
  'field.photo.upload': {
    description: 'Upload photos and documents to a field job.',
    seed: 'Upload photos and documentation',
  },
  'field.visit_note.create': { description: 'Add a field visit note to a job.', seed: 'Add field visit notes' },
  'field.equipment.update': {
    description: 'Record installed, exchanged or removed equipment.',
    seed: 'Update equipment information',
  },
  'reports.company.read': {
    description: 'Read company-wide reports, analytics and high-level metrics.',
    seed: 'Access company-wide reports and analytics',
  },
  'reports.quality.read': {
    description: 'Read quality assurance scorecards.',
    seed: 'View quality assurance scorecards',
  },
  'legal.poa.review': {
    description: 'Approve or reject power-of-attorney documents; the legal reviewer role only.',
    seed: 'POA documents must be reviewed and approved by our legal team',
  },
}

const permissionNames: ReadonlySet<string> = new Set(permissions)

/** Whether a string (from a route declaration, a token scope) names a permission. */
export function isPermission(name: string): name is Permission {
  return permissionNames.has(name)
}
