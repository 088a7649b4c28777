import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isPermission, type Permission, permissionCatalogue, permissions } from './permission-catalogue.js'
import { can, isRole, permissionsOf, type Role, roleInfo, roles } from './permissions.js'

const staff = (role: Role) => ({ kind: 'staff', role }) as const

// The expected matrix, written out by hand from the "Account Users" guide and, for the export
// specialist (X), the export guide, and for the legal reviewer (L), the guide's power-of-attorney lines
// (see PERMISSIONS.md),
// not derived from the implementation. One column per role, in this order; the role's letter
// means allowed, '.' means denied.
const columns = [
  'agent',
  'supervisor',
  'billing_specialist',
  'field_technician',
  'collections_specialist',
  'it_administrator',
  'executive',
  'export_specialist',
  'legal_reviewer',
] as const satisfies readonly Role[]
const letters = 'ASBFCIEXL'

const expectedMatrix: ReadonlyArray<readonly [Permission, string]> = [
  //                                      ASBFCIEXL
  ['accounts.account.search', /*       */ 'ASB.CIEXL'],
  ['accounts.account.read', /*         */ 'ASB.CIEXL'],
  ['accounts.account.create', /*       */ 'ASB....X.'],
  ['accounts.contact.read', /*         */ 'ASBFCIEXL'],
  ['accounts.contact.update', /*       */ 'ASB....X.'],
  ['accounts.service_address.read', /* */ 'ASBFCIEXL'],
  ['accounts.note.create', /*          */ 'ASB.C..X.'],
  ['accounts.status.update', /*        */ '....C....'],
  ['accounts.hold.manage', /*          */ '.S.......'],
  ['accounts.restricted_flag.read', /* */ '.S.......'],
  ['accounts.major_change.approve', /* */ '.S.......'],
  ['accounts.authorized_user.manage', /**/ 'ASB....X.'],
  ['accounts.verification.record', /*  */ 'ASB.C..X.'],
  ['accounts.vulnerability.record', /* */ 'ASB.C..X.'],
  ['accounts.review_flag.read', /*     */ '.S.......'],
  ['accounts.review_flag.clear', /*    */ '.S.......'],
  ['accounts.sensitive_details.export', '.S......L'],
  ['accounts.information.delete', /*   */ '.........'],
  ['access.user.manage', /*            */ '.....I...'],
  ['access.token.manage', /*           */ '.....I...'],
  ['access.password.read', /*          */ '.........'],
  ['audit.log.read', /*                */ '.....I...'],
  ['audit.activity.read', /*           */ '.S...I...'],
  ['settings.supplier.read', /*        */ '.....I...'],
  ['settings.supplier.update', /*      */ '.....I...'],
  ['system.diagnostics.read', /*       */ '.....I...'],
  ['system.performance.read', /*       */ '.....IE..'],
  ['system.update.apply', /*           */ '.....I...'],
  ['system.rules.override', /*         */ '.S.......'],
  ['billing.statement.read', /*        */ 'ASB.C.EX.'],
  ['billing.dispute.investigate', /*   */ '..B......'],
  ['billing.adjustment.create', /*     */ '..B......'],
  ['billing.rebill.create', /*         */ '..B......'],
  ['billing.anomaly.resolve', /*       */ '..B......'],
  ['billing.report.create', /*         */ '..B......'],
  ['billing.usage_analysis.read', /*   */ '..B......'],
  ['payments.history.read', /*         */ 'ASB.C.EX.'],
  ['payments.payment.create', /*       */ 'ASB.C..X.'],
  ['payments.arrangement.create', /*   */ 'ASB.C..X.'],
  ['payments.credit.create', /*        */ 'ASB....X.'],
  ['payments.credit.approve_over_limit', '.S.......'],
  ['payments.refund.create', /*        */ 'ASB....X.'],
  ['collections.late_fee.apply', /*    */ '....C....'],
  ['collections.disconnection.create', '....C....'],
  ['collections.notice.send', /*       */ '....C....'],
  ['collections.commitment.track', /*  */ '....C....'],
  ['cases.case.read', /*               */ 'ASB....X.'],
  ['cases.case.create', /*             */ 'ASB....X.'],
  ['cases.case.update', /*             */ 'ASB....X.'],
  ['cases.case.reassign', /*           */ '.S.......'],
  ['cases.escalated.read', /*          */ '.S....E..'],
  ['comms.message.read', /*            */ 'ASB.C.EX.'],
  ['comms.message.send', /*            */ 'ASB....X.'],
  ['metering.usage.read', /*           */ 'ASBF..EX.'],
  ['metering.reading.create', /*       */ 'ASBF...X.'],
  ['metering.usage.update', /*         */ '..B......'],
  ['metering.export.configure', /*     */ '.......X.'],
  ['tariffs.tariff.read', /*           */ 'ASB...EX.'],
  ['tariffs.rate.update', /*           */ '.........'],
  ['tariffs.agreement.update', /*      */ '.........'],
  ['field.appointment.read', /*        */ 'ASBF..EX.'],
  ['field.appointment.schedule', /*    */ 'ASB....X.'],
  ['field.service_order.complete', /*  */ '...F.....'],
  ['field.photo.upload', /*            */ '...F.....'],
  ['field.visit_note.create', /*       */ '...F.....'],
  ['field.equipment.update', /*        */ '...F.....'],
  ['reports.company.read', /*          */ '......E..'],
  ['reports.quality.read', /*          */ '.S.......'],
  ['legal.poa.review', /*              */ '........L'],
]

const cells = expectedMatrix.flatMap(([permission, row]) =>
  columns.map((role, column) => {
    const allowed = row[column] === letters[column]
    return { role, permission, allowed, verdict: allowed ? 'may' : 'may not' }
  }),
)

describe('the expected matrix', () => {
  it('has one row for every permission and no other', () => {
    expect(expectedMatrix.map(([permission]) => permission).sort()).toEqual([...permissions].sort())
  })

  it('has one column for every role, in the order of the roles list', () => {
    expect(columns).toEqual(roles)
  })

  it.each(expectedMatrix)('writes the row for %s with only its own role letters or dots', (_permission, row) => {
    expect(row).toHaveLength(letters.length)
    for (const [column, mark] of [...row].entries()) expect(['.', letters[column]]).toContain(mark)
  })
})

describe('can, for every role and every permission', () => {
  it.each(cells)('says the $role $verdict use $permission', ({ role, permission, allowed }) => {
    expect(can(staff(role), permission)).toBe(allowed)
  })

  it.each(cells)(
    'lists $permission in the permissions of the $role exactly when allowed',
    ({ role, permission, allowed }) => {
      expect(permissionsOf(role).has(permission)).toBe(allowed)
    },
  )
})

// Every can and cannot line of the seven internal roles and of the export guide, and the permissions it stands for.
type SeedLine = { role: Role; kind: 'can' | 'cannot'; line: string; permissions: readonly Permission[] }

const seedLines: readonly SeedLine[] = [
  {
    role: 'agent',
    kind: 'can',
    line: 'View customer account details',
    permissions: [
      'accounts.account.search',
      'accounts.account.read',
      'accounts.contact.read',
      'accounts.service_address.read',
      'comms.message.read',
      'metering.usage.read',
      'tariffs.tariff.read',
      'field.appointment.read',
    ],
  },
  {
    role: 'agent',
    kind: 'can',
    line: 'Review billing and payment history',
    permissions: ['billing.statement.read', 'payments.history.read'],
  },
  { role: 'agent', kind: 'can', line: 'Process payments', permissions: ['payments.payment.create'] },
  { role: 'agent', kind: 'can', line: 'Update contact information', permissions: ['accounts.contact.update'] },
  {
    role: 'agent',
    kind: 'can',
    line: 'Create and update cases',
    permissions: ['cases.case.read', 'cases.case.create', 'cases.case.update'],
  },
  { role: 'agent', kind: 'can', line: 'Send customer communications', permissions: ['comms.message.send'] },
  { role: 'agent', kind: 'can', line: 'Add account notes', permissions: ['accounts.note.create'] },
  { role: 'agent', kind: 'can', line: 'Set up payment arrangements', permissions: ['payments.arrangement.create'] },
  {
    role: 'agent',
    kind: 'cannot',
    line: 'Issue credits over $100 (requires supervisor approval)',
    permissions: ['payments.credit.approve_over_limit'],
  },
  {
    role: 'agent',
    kind: 'cannot',
    line: 'Access restricted account flags',
    permissions: ['accounts.restricted_flag.read'],
  },
  { role: 'agent', kind: 'cannot', line: 'Delete account information', permissions: ['accounts.information.delete'] },
  { role: 'agent', kind: 'cannot', line: 'Override system rules', permissions: ['system.rules.override'] },
  {
    role: 'agent',
    kind: 'cannot',
    line: 'Make rate changes',
    permissions: ['tariffs.rate.update', 'tariffs.agreement.update'],
  },
  { role: 'agent', kind: 'cannot', line: 'Disconnect service', permissions: ['collections.disconnection.create'] },
  {
    role: 'agent',
    kind: 'cannot',
    line: 'Please never enrol an Export MPAN yourself, this needs to be carried out by an Export Specialist (or Smart Product team)',
    permissions: ['metering.export.configure'],
  },

  {
    role: 'supervisor',
    kind: 'can',
    line: 'Approve credits over $100',
    permissions: ['payments.credit.approve_over_limit'],
  },
  {
    role: 'supervisor',
    kind: 'can',
    line: 'Override certain system restrictions',
    permissions: ['system.rules.override'],
  },
  {
    role: 'supervisor',
    kind: 'can',
    line: 'Access detailed agent activity reports',
    permissions: ['audit.activity.read'],
  },
  { role: 'supervisor', kind: 'can', line: 'Reassign cases between agents', permissions: ['cases.case.reassign'] },
  {
    role: 'supervisor',
    kind: 'can',
    line: 'Flag the account for supervisor review',
    permissions: ['accounts.review_flag.read', 'accounts.review_flag.clear'],
  },
  {
    role: 'agent',
    kind: 'cannot',
    line: 'Flag the account for supervisor review (the agent flags; the supervisor reviews and clears)',
    permissions: ['accounts.review_flag.read', 'accounts.review_flag.clear'],
  },
  {
    role: 'supervisor',
    kind: 'can',
    line: 'View quality assurance scorecards',
    permissions: ['reports.quality.read'],
  },
  {
    role: 'supervisor',
    kind: 'can',
    line: 'Manage account holds and restrictions',
    permissions: ['accounts.hold.manage', 'accounts.restricted_flag.read'],
  },
  {
    role: 'supervisor',
    kind: 'cannot',
    line: 'Make system-wide configuration changes',
    permissions: ['settings.supplier.update'],
  },
  {
    role: 'supervisor',
    kind: 'cannot',
    line: 'Access executive-level reporting',
    permissions: ['reports.company.read'],
  },
  { role: 'supervisor', kind: 'cannot', line: 'Modify rate structures', permissions: ['tariffs.rate.update'] },

  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Investigate complex billing disputes',
    permissions: ['billing.dispute.investigate'],
  },
  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Perform detailed usage analysis',
    permissions: ['billing.usage_analysis.read'],
  },
  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Issue billing adjustments and credits',
    permissions: ['billing.adjustment.create', 'payments.credit.create'],
  },
  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Correct system billing errors',
    permissions: ['billing.anomaly.resolve', 'metering.usage.update'],
  },
  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Recalculate bills manually',
    permissions: ['billing.rebill.create'],
  },
  {
    role: 'billing_specialist',
    kind: 'can',
    line: 'Generate custom billing reports',
    permissions: ['billing.report.create'],
  },
  {
    role: 'billing_specialist',
    kind: 'cannot',
    line: 'Approve major account changes',
    permissions: ['accounts.major_change.approve'],
  },
  {
    role: 'billing_specialist',
    kind: 'cannot',
    line: 'Access IT system settings',
    permissions: ['settings.supplier.read', 'settings.supplier.update'],
  },
  {
    role: 'billing_specialist',
    kind: 'cannot',
    line: 'Modify customer rate plans',
    permissions: ['tariffs.agreement.update'],
  },

  {
    role: 'field_technician',
    kind: 'can',
    line: 'View service address and appointment details',
    permissions: ['accounts.service_address.read', 'field.appointment.read'],
  },
  {
    role: 'field_technician',
    kind: 'can',
    line: 'Access customer contact information',
    permissions: ['accounts.contact.read'],
  },
  {
    role: 'field_technician',
    kind: 'can',
    line: 'Update meter readings',
    permissions: ['metering.reading.create', 'metering.usage.read'],
  },
  {
    role: 'field_technician',
    kind: 'can',
    line: 'Complete service orders',
    permissions: ['field.service_order.complete'],
  },
  {
    role: 'field_technician',
    kind: 'can',
    line: 'Upload photos and documentation',
    permissions: ['field.photo.upload'],
  },
  { role: 'field_technician', kind: 'can', line: 'Add field visit notes', permissions: ['field.visit_note.create'] },
  {
    role: 'field_technician',
    kind: 'can',
    line: 'Update equipment information',
    permissions: ['field.equipment.update'],
  },
  { role: 'field_technician', kind: 'cannot', line: 'View payment history', permissions: ['payments.history.read'] },
  {
    role: 'field_technician',
    kind: 'cannot',
    line: 'Access billing information',
    permissions: [
      'billing.statement.read',
      'billing.usage_analysis.read',
      'tariffs.tariff.read',
      'accounts.account.read',
    ],
  },
  {
    role: 'field_technician',
    kind: 'cannot',
    line: 'Process payments',
    permissions: ['payments.payment.create', 'payments.refund.create', 'payments.arrangement.create'],
  },
  {
    role: 'field_technician',
    kind: 'cannot',
    line: 'Make account changes',
    permissions: [
      'accounts.contact.update',
      'accounts.status.update',
      'accounts.account.create',
      'accounts.note.create',
    ],
  },

  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Team members who handle past due accounts and payment collections',
    permissions: ['payments.payment.create'],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: "When discussing debt it's important to check for any vulnerabilities in the household (Populate Snippets)",
    permissions: ['accounts.vulnerability.record'],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'View account balance and payment history',
    permissions: [
      'accounts.account.search',
      'accounts.account.read',
      'billing.statement.read',
      'payments.history.read',
    ],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Set up payment arrangements',
    permissions: ['payments.arrangement.create'],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Process disconnection orders',
    permissions: ['collections.disconnection.create'],
  },
  { role: 'collections_specialist', kind: 'can', line: 'Apply late fees', permissions: ['collections.late_fee.apply'] },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Track payment commitments',
    permissions: ['collections.commitment.track'],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Send collection notices',
    permissions: ['collections.notice.send'],
  },
  {
    role: 'collections_specialist',
    kind: 'can',
    line: 'Update account status',
    permissions: ['accounts.status.update'],
  },
  {
    role: 'collections_specialist',
    kind: 'cannot',
    line: 'Issue billing credits',
    permissions: ['payments.credit.create', 'billing.adjustment.create'],
  },
  { role: 'collections_specialist', kind: 'cannot', line: 'Modify usage data', permissions: ['metering.usage.update'] },
  {
    role: 'collections_specialist',
    kind: 'cannot',
    line: 'Access account unrelated to collections',
    permissions: [
      'cases.case.read',
      'cases.case.create',
      'comms.message.send',
      'metering.usage.read',
      'tariffs.tariff.read',
      'accounts.contact.update',
      'field.appointment.read',
    ],
  },

  {
    role: 'it_administrator',
    kind: 'can',
    line: 'Full system access',
    permissions: ['system.performance.read', 'system.update.apply', 'settings.supplier.read', 'access.token.manage'],
  },
  {
    role: 'it_administrator',
    kind: 'can',
    line: 'Configure system settings',
    permissions: ['settings.supplier.read', 'settings.supplier.update'],
  },
  {
    role: 'it_administrator',
    kind: 'can',
    line: 'Manage user accounts and permissions',
    permissions: ['access.user.manage', 'access.token.manage'],
  },
  {
    role: 'it_administrator',
    kind: 'can',
    line: 'Troubleshoot technical issues',
    permissions: ['accounts.account.search', 'accounts.account.read'],
  },
  { role: 'it_administrator', kind: 'can', line: 'Run system diagnostics', permissions: ['system.diagnostics.read'] },
  {
    role: 'it_administrator',
    kind: 'can',
    line: 'Access audit logs',
    permissions: ['audit.log.read', 'audit.activity.read'],
  },
  { role: 'it_administrator', kind: 'can', line: 'Implement system updates', permissions: ['system.update.apply'] },
  {
    role: 'it_administrator',
    kind: 'cannot',
    line: 'Make business decisions about customer accounts',
    permissions: [
      'payments.credit.create',
      'payments.payment.create',
      'billing.adjustment.create',
      'accounts.note.create',
      'accounts.contact.update',
      'accounts.status.update',
      'accounts.hold.manage',
      'collections.disconnection.create',
      'cases.case.update',
    ],
  },
  {
    role: 'it_administrator',
    kind: 'cannot',
    line: 'Override business rules without authorization',
    permissions: ['system.rules.override'],
  },

  {
    role: 'executive',
    kind: 'can',
    line: 'View all customer accounts',
    permissions: [
      'accounts.account.search',
      'accounts.account.read',
      'billing.statement.read',
      'payments.history.read',
      'metering.usage.read',
    ],
  },
  {
    role: 'executive',
    kind: 'can',
    line: 'Access company-wide reports and analytics',
    permissions: ['reports.company.read'],
  },
  { role: 'executive', kind: 'can', line: 'Review high-level metrics', permissions: ['reports.company.read'] },
  { role: 'executive', kind: 'can', line: 'Monitor system performance', permissions: ['system.performance.read'] },
  { role: 'executive', kind: 'can', line: 'View escalated cases', permissions: ['cases.escalated.read'] },
  {
    role: 'executive',
    kind: 'cannot',
    line: 'Make day-to-day account changes (not their role)',
    permissions: [
      'accounts.contact.update',
      'accounts.note.create',
      'payments.payment.create',
      'payments.credit.create',
      'cases.case.create',
      'cases.case.update',
      'comms.message.send',
    ],
  },
  {
    role: 'executive',
    kind: 'cannot',
    line: 'Access individual agent passwords',
    permissions: ['access.password.read'],
  },
  {
    role: 'executive',
    kind: 'cannot',
    line: 'Modify core system configurations',
    permissions: ['settings.supplier.update'],
  },

  {
    role: 'export_specialist',
    kind: 'can',
    line: 'Please never enrol an Export MPAN yourself, this needs to be carried out by an Export Specialist (or Smart Product team)',
    permissions: ['metering.export.configure'],
  },

  {
    role: 'legal_reviewer',
    kind: 'can',
    line: 'POA documents must be reviewed and approved by our legal team before granting access',
    permissions: ['legal.poa.review', 'accounts.account.read', 'accounts.sensitive_details.export'],
  },
  {
    role: 'legal_reviewer',
    kind: 'cannot',
    line: 'Never grant POA access without proper documentation on file',
    permissions: ['accounts.authorized_user.manage', 'payments.payment.create', 'comms.message.send'],
  },
]

describe('every can and cannot line of the guide', () => {
  it.each(seedLines)('gives the $role what "$line" says they $kind do', ({ role, kind, permissions: named }) => {
    for (const permission of named) expect(can(staff(role), permission), permission).toBe(kind === 'can')
  })

  it.each(['supervisor', 'billing_specialist', 'export_specialist'] as const)(
    'gives a %s everything the agent lines allow ("Everything agents can do, plus")',
    (role) => {
      const agentCanDo = seedLines.filter((line) => line.role === 'agent' && line.kind === 'can')
      for (const permission of agentCanDo.flatMap((line) => line.permissions)) {
        expect(can(staff(role), permission), permission).toBe(true)
      }
    },
  )

  it.each(['field_technician', 'collections_specialist', 'it_administrator', 'executive', 'legal_reviewer'] as const)(
    'does not let a %s inherit the agent set',
    (role) => {
      expect(can(staff(role), 'comms.message.send')).toBe(false)
      expect(can(staff(role), 'cases.case.create')).toBe(false)
    },
  )
})

describe('the headline lines of the guide', () => {
  it('refuses an agent the approval of credits over the limit', () => {
    expect(can(staff('agent'), 'payments.credit.approve_over_limit')).toBe(false)
  })

  it('lets a supervisor approve credits over the limit', () => {
    expect(can(staff('supervisor'), 'payments.credit.approve_over_limit')).toBe(true)
  })

  it('refuses a field technician the payment history', () => {
    expect(can(staff('field_technician'), 'payments.history.read')).toBe(false)
  })

  it('lets a collections specialist raise a disconnection order', () => {
    expect(can(staff('collections_specialist'), 'collections.disconnection.create')).toBe(true)
  })

  it('refuses an agent a disconnection order', () => {
    expect(can(staff('agent'), 'collections.disconnection.create')).toBe(false)
  })

  it('lets only IT administrators manage users', () => {
    const managers = roles.filter((role) => can(staff(role), 'access.user.manage'))
    expect(managers).toEqual(['it_administrator'])
  })

  it('lets only export specialists enrol an export MPAN', () => {
    const enrollers = roles.filter((role) => can(staff(role), 'metering.export.configure'))
    expect(enrollers).toEqual(['export_specialist'])
  })

  it('lets only legal reviewers review a power of attorney', () => {
    const reviewers = roles.filter((role) => can(staff(role), 'legal.poa.review'))
    expect(reviewers).toEqual(['legal_reviewer'])
  })

  it('lets only supervisors and legal reviewers export the sealed personal details', () => {
    const exporters = roles.filter((role) => can(staff(role), 'accounts.sensitive_details.export'))
    expect(exporters).toEqual(['supervisor', 'legal_reviewer'])
  })

  it('lets executives view escalated cases without any other case power', () => {
    expect(can(staff('executive'), 'cases.escalated.read')).toBe(true)
    for (const permission of [
      'cases.case.read',
      'cases.case.create',
      'cases.case.update',
      'cases.case.reassign',
    ] as const)
      expect(can(staff('executive'), permission), permission).toBe(false)
  })

  it('lets collections specialists record PSR and vulnerability needs while discussing debt', () => {
    expect(can(staff('collections_specialist'), 'accounts.vulnerability.record')).toBe(true)
  })

  it('lets only supervisors read and clear the failed-verification review flags', () => {
    expect(roles.filter((role) => can(staff(role), 'accounts.review_flag.read'))).toEqual(['supervisor'])
    expect(roles.filter((role) => can(staff(role), 'accounts.review_flag.clear'))).toEqual(['supervisor'])
  })

  it('lets field technicians open the service address and contacts, and nothing billing or tariff', () => {
    expect(can(staff('field_technician'), 'accounts.service_address.read')).toBe(true)
    expect(can(staff('field_technician'), 'accounts.contact.read')).toBe(true)
    for (const permission of ['accounts.account.read', 'tariffs.tariff.read', 'billing.statement.read'] as const)
      expect(can(staff('field_technician'), permission), permission).toBe(false)
  })

  it('lets nobody delete account information or read passwords', () => {
    for (const role of roles) {
      expect(can(staff(role), 'accounts.information.delete')).toBe(false)
      expect(can(staff(role), 'access.password.read')).toBe(false)
    }
  })
})

describe('roleInfo', () => {
  it.each([
    ['agent', 'Customer Service Agent', 'Standard', 'blue'],
    ['supervisor', 'Supervisor', 'Advanced', 'purple'],
    ['billing_specialist', 'Billing Specialist', 'Specialized', 'green'],
    ['field_technician', 'Field Service Technician', 'Field operations', 'orange'],
    ['collections_specialist', 'Collections Specialist', 'Collections', 'red'],
    ['it_administrator', 'IT Administrator', 'System administrator', 'black'],
    ['executive', 'Executive', 'Executive', 'gold'],
    ['export_specialist', 'Export Specialist', 'Specialized', 'green'],
    ['legal_reviewer', 'Legal Reviewer', 'Legal', 'purple'],
  ] as const)('shows the %s as "%s", access level %s, with a %s badge', (role, label, accessLevel, badgeColour) => {
    expect(roleInfo(role)).toMatchObject({ role, label, accessLevel, badgeColour })
  })
})

describe('the permission catalogue', () => {
  it.each([...permissions])('names %s as <module>.<noun>.<verb> with a one-line description', (permission) => {
    expect(permission).toMatch(/^[a-z]+\.[a-z_]+\.[a-z_]+$/)
    const { description } = permissionCatalogue[permission]
    expect(description.length).toBeGreaterThan(0)
    expect(description).not.toContain('\n')
  })

  it('lists no permission twice', () => {
    expect(new Set(permissions).size).toBe(permissions.length)
  })

  it('is documented line by line in PERMISSIONS.md', () => {
    const documentation = readFileSync(new URL('./PERMISSIONS.md', import.meta.url), 'utf8')
    for (const permission of permissions) expect(documentation, permission).toContain('`' + permission + '`')
  })
})

describe('isPermission and isRole', () => {
  it('recognises every permission name and nothing else', () => {
    for (const permission of permissions) expect(isPermission(permission)).toBe(true)
    expect(isPermission('accounts.account')).toBe(false)
    expect(isPermission('accounts.account.delete')).toBe(false)
    expect(isPermission('constructor')).toBe(false)
  })

  it('recognises every role and nothing else', () => {
    for (const role of roles) expect(isRole(role)).toBe(true)
    expect(isRole('admin')).toBe(false)
    expect(isRole('toString')).toBe(false)
  })
})

describe('deny by default', () => {
  it('refuses a role name that is not a role', () => {
    const stranger = { kind: 'staff', role: 'toString' } as unknown as { kind: 'staff'; role: Role }
    expect(can(stranger, 'accounts.account.read')).toBe(false)
  })

  it('refuses a kind of subject it does not know', () => {
    const customer = { kind: 'customer', accountId: 'acc_1' } as unknown as { kind: 'staff'; role: Role }
    expect(can(customer, 'accounts.account.read')).toBe(false)
  })

  it('refuses a permission name that is not a permission', () => {
    expect(can(staff('supervisor'), 'everything.all.do' as Permission)).toBe(false)
  })

  it('keeps the policy unchanged when a caller mutates the set it was given', () => {
    const granted = permissionsOf('agent') as Set<Permission>
    granted.add('access.user.manage')
    expect(can(staff('agent'), 'access.user.manage')).toBe(false)
    expect(permissionsOf('agent').has('access.user.manage')).toBe(false)
  })
})
