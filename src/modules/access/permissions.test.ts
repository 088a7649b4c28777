import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isPermission, type Permission, permissionCatalogue, permissions } from './permission-catalogue.js'
import { can, isRole, permissionsOf, type Role, roleInfo, roles } from './permissions.js'

const staff = (role: Role) => ({ kind: 'staff', role }) as const

// The expected matrix, written out by hand from the "Account Users" guide and, for the export
// specialist (X), the export guide, and for the legal reviewer (L), the guide's power-of-attorney lines, and for the pricing analyst (P), issue 22
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
  'pricing_analyst',
] as const satisfies readonly Role[]
const letters = 'ASBFCIEXLP'

const expectedMatrix: ReadonlyArray<readonly [Permission, string]> = [
  //                                      ASBFCIEXLP
  ['accounts.account.search', /*       */ 'ASB.CIEXL.'],
  ['accounts.account.read', /*         */ 'ASB.CIEXL.'],
  ['accounts.account.create', /*       */ 'ASB....X..'],
  ['accounts.contact.read', /*         */ 'ASBFCIEXL.'],
  ['accounts.contact.update', /*       */ 'ASB....X..'],
  ['accounts.service_address.read', /* */ 'ASBFCIEXL.'],
  ['accounts.note.create', /*          */ 'ASB.C..X..'],
  ['accounts.status.update', /*        */ '....C.....'],
  ['accounts.hold.manage', /*          */ '.S........'],
  ['accounts.restricted_flag.read', /* */ '.S........'],
  ['accounts.major_change.approve', /* */ '.S........'],
  ['accounts.authorized_user.manage', /**/ 'ASB....X..'],
  ['accounts.verification.record', /*  */ 'ASB.C..X..'],
  ['accounts.vulnerability.record', /* */ 'ASB.C..X..'],
  ['accounts.review_flag.read', /*     */ '.S........'],
  ['accounts.review_flag.clear', /*    */ '.S........'],
  ['accounts.sensitive_details.export', '.S......L.'],
  ['accounts.information.delete', /*   */ '..........'],
  ['access.user.manage', /*            */ '.....I....'],
  ['access.token.manage', /*           */ '.....I....'],
  ['access.password.read', /*          */ '..........'],
  ['audit.log.read', /*                */ '.....I....'],
  ['audit.activity.read', /*           */ '.S...I....'],
  ['settings.supplier.read', /*        */ '.....I....'],
  ['settings.supplier.update', /*      */ '.....I....'],
  ['system.diagnostics.read', /*       */ '.....I....'],
  ['system.performance.read', /*       */ '.....IE...'],
  ['system.update.apply', /*           */ '.....I....'],
  ['system.rules.override', /*         */ '.S........'],
  ['billing.statement.read', /*        */ 'ASB.C.EX..'],
  ['billing.dispute.investigate', /*   */ '..B.......'],
  ['billing.adjustment.create', /*     */ '..B.......'],
  ['billing.rebill.create', /*         */ '..B.......'],
  ['billing.anomaly.resolve', /*       */ '..B.......'],
  ['billing.report.create', /*         */ '..B.......'],
  ['billing.usage_analysis.read', /*   */ '..B.......'],
  ['payments.history.read', /*         */ 'ASB.C.EX..'],
  ['payments.payment.create', /*       */ 'ASB.C..X..'],
  ['payments.arrangement.create', /*   */ 'ASB.C..X..'],
  ['payments.credit.create', /*        */ 'ASB....X..'],
  ['payments.credit.approve_over_limit', '.S........'],
  ['payments.refund.create', /*        */ 'ASB....X..'],
  ['collections.late_fee.apply', /*    */ '....C.....'],
  ['collections.disconnection.create', '....C.....'],
  ['collections.notice.send', /*       */ '....C.....'],
  ['collections.commitment.track', /*  */ '....C.....'],
  ['cases.case.read', /*               */ 'ASB....X..'],
  ['cases.case.create', /*             */ 'ASB....X..'],
  ['cases.case.update', /*             */ 'ASB....X..'],
  ['cases.case.reassign', /*           */ '.S........'],
  ['cases.escalated.read', /*          */ '.S....E...'],
  ['comms.message.read', /*            */ 'ASB.C.EX..'],
  ['comms.message.send', /*            */ 'ASB....X..'],
  ['metering.usage.read', /*           */ 'ASBF..EX..'],
  ['metering.reading.create', /*       */ 'ASBF...X..'],
  ['metering.usage.update', /*         */ '..B.......'],
  ['metering.export.configure', /*     */ '.......X..'],
  ['metering.meter_point.register', '.SB.......'],
  ['tariffs.tariff.read', /*           */ 'ASB...EX.P'],
  ['tariffs.rate.update', /*           */ '..........'],
  ['tariffs.agreement.update', /*      */ '..........'],
  ['tariffs.product.create', /*        */ '.........P'],
  ['tariffs.price_change.submit', /*   */ '.........P'],
  ['tariffs.price_change.approve', /*  */ '.........P'],
  ['tariffs.dynamic_price.load', /*    */ '.........P'],
  ['field.appointment.read', /*        */ 'ASBF..EX..'],
  ['field.appointment.schedule', /*    */ 'ASB....X..'],
  ['field.service_order.complete', /*  */ '...F......'],
  ['field.photo.upload', /*            */ '...F......'],
  ['field.visit_note.create', /*       */ '...F......'],
  ['field.equipment.update', /*        */ '...F......'],
  ['reports.company.read', /*          */ '......E...'],
  ['reports.quality.read', /*          */ '.S........'],
  ['legal.poa.review', /*              */ '........L.'],
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

// Every can and cannot line of the seven internal roles and of the export guide, and the permissions it stands for,
// under the role the guide writes it for.
type GuideLines = ReadonlyArray<readonly [line: string, permissions: readonly Permission[]]>
const guide: ReadonlyArray<{ role: Role; can: GuideLines; cannot?: GuideLines }> = [
  {
    role: 'agent',
    can: [
      [
        'View customer account details',
        [
          'accounts.account.search',
          'accounts.account.read',
          'accounts.contact.read',
          'accounts.service_address.read',
          'comms.message.read',
          'metering.usage.read',
          'tariffs.tariff.read',
          'field.appointment.read',
        ],
      ],
      ['Review billing and payment history', ['billing.statement.read', 'payments.history.read']],
      ['Process payments', ['payments.payment.create']],
      ['Update contact information', ['accounts.contact.update']],
      ['Create and update cases', ['cases.case.read', 'cases.case.create', 'cases.case.update']],
      ['Send customer communications', ['comms.message.send']],
      ['Add account notes', ['accounts.note.create']],
      ['Set up payment arrangements', ['payments.arrangement.create']],
    ],
    cannot: [
      ['Issue credits over $100 (requires supervisor approval)', ['payments.credit.approve_over_limit']],
      ['Access restricted account flags', ['accounts.restricted_flag.read']],
      ['Delete account information', ['accounts.information.delete']],
      ['Override system rules', ['system.rules.override']],
      ['Make rate changes', ['tariffs.rate.update', 'tariffs.agreement.update']],
      ['Disconnect service', ['collections.disconnection.create']],
      [
        'Please never enrol an Export MPAN yourself, this needs to be carried out by an Export Specialist (or Smart Product team)',
        ['metering.export.configure'],
      ],
      [
        'Flag the account for supervisor review (the agent flags; the supervisor reviews and clears)',
        ['accounts.review_flag.read', 'accounts.review_flag.clear'],
      ],
    ],
  },
  {
    role: 'supervisor',
    can: [
      ['Approve credits over $100', ['payments.credit.approve_over_limit']],
      ['Override certain system restrictions', ['system.rules.override']],
      ['Access detailed agent activity reports', ['audit.activity.read']],
      ['Reassign cases between agents', ['cases.case.reassign']],
      ['Flag the account for supervisor review', ['accounts.review_flag.read', 'accounts.review_flag.clear']],
      ['View quality assurance scorecards', ['reports.quality.read']],
      ['Manage account holds and restrictions', ['accounts.hold.manage', 'accounts.restricted_flag.read']],
    ],
    cannot: [
      ['Make system-wide configuration changes', ['settings.supplier.update']],
      ['Access executive-level reporting', ['reports.company.read']],
      ['Modify rate structures', ['tariffs.rate.update']],
    ],
  },
  {
    role: 'billing_specialist',
    can: [
      ['Investigate complex billing disputes', ['billing.dispute.investigate']],
      ['Perform detailed usage analysis', ['billing.usage_analysis.read']],
      ['Issue billing adjustments and credits', ['billing.adjustment.create', 'payments.credit.create']],
      ['Correct system billing errors', ['billing.anomaly.resolve', 'metering.usage.update']],
      ['Recalculate bills manually', ['billing.rebill.create']],
      ['Generate custom billing reports', ['billing.report.create']],
    ],
    cannot: [
      ['Approve major account changes', ['accounts.major_change.approve']],
      ['Access IT system settings', ['settings.supplier.read', 'settings.supplier.update']],
      ['Modify customer rate plans', ['tariffs.agreement.update']],
    ],
  },
  {
    role: 'field_technician',
    can: [
      ['View service address and appointment details', ['accounts.service_address.read', 'field.appointment.read']],
      ['Access customer contact information', ['accounts.contact.read']],
      ['Update meter readings', ['metering.reading.create', 'metering.usage.read']],
      ['Complete service orders', ['field.service_order.complete']],
      ['Upload photos and documentation', ['field.photo.upload']],
      ['Add field visit notes', ['field.visit_note.create']],
      ['Update equipment information', ['field.equipment.update']],
    ],
    cannot: [
      ['View payment history', ['payments.history.read']],
      [
        'Access billing information',
        ['billing.statement.read', 'billing.usage_analysis.read', 'tariffs.tariff.read', 'accounts.account.read'],
      ],
      ['Process payments', ['payments.payment.create', 'payments.refund.create', 'payments.arrangement.create']],
      [
        'Make account changes',
        ['accounts.contact.update', 'accounts.status.update', 'accounts.account.create', 'accounts.note.create'],
      ],
    ],
  },
  {
    role: 'collections_specialist',
    can: [
      ['Team members who handle past due accounts and payment collections', ['payments.payment.create']],
      [
        "When discussing debt it's important to check for any vulnerabilities in the household (Populate Snippets)",
        ['accounts.vulnerability.record'],
      ],
      [
        'View account balance and payment history',
        ['accounts.account.search', 'accounts.account.read', 'billing.statement.read', 'payments.history.read'],
      ],
      ['Set up payment arrangements', ['payments.arrangement.create']],
      ['Process disconnection orders', ['collections.disconnection.create']],
      ['Apply late fees', ['collections.late_fee.apply']],
      ['Track payment commitments', ['collections.commitment.track']],
      ['Send collection notices', ['collections.notice.send']],
      ['Update account status', ['accounts.status.update']],
    ],
    cannot: [
      ['Issue billing credits', ['payments.credit.create', 'billing.adjustment.create']],
      ['Modify usage data', ['metering.usage.update']],
      [
        'Access account unrelated to collections',
        [
          'cases.case.read',
          'cases.case.create',
          'comms.message.send',
          'metering.usage.read',
          'tariffs.tariff.read',
          'accounts.contact.update',
          'field.appointment.read',
        ],
      ],
    ],
  },
  {
    role: 'it_administrator',
    can: [
      [
        'Full system access',
        ['system.performance.read', 'system.update.apply', 'settings.supplier.read', 'access.token.manage'],
      ],
      ['Configure system settings', ['settings.supplier.read', 'settings.supplier.update']],
      ['Manage user accounts and permissions', ['access.user.manage', 'access.token.manage']],
      ['Troubleshoot technical issues', ['accounts.account.search', 'accounts.account.read']],
      ['Run system diagnostics', ['system.diagnostics.read']],
      ['Access audit logs', ['audit.log.read', 'audit.activity.read']],
      ['Implement system updates', ['system.update.apply']],
    ],
    cannot: [
      [
        'Make business decisions about customer accounts',
        [
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
      ],
      ['Override business rules without authorization', ['system.rules.override']],
    ],
  },
  {
    role: 'executive',
    can: [
      [
        'View all customer accounts',
        [
          'accounts.account.search',
          'accounts.account.read',
          'billing.statement.read',
          'payments.history.read',
          'metering.usage.read',
        ],
      ],
      ['Access company-wide reports and analytics', ['reports.company.read']],
      ['Review high-level metrics', ['reports.company.read']],
      ['Monitor system performance', ['system.performance.read']],
      ['View escalated cases', ['cases.escalated.read']],
    ],
    cannot: [
      [
        'Make day-to-day account changes (not their role)',
        [
          'accounts.contact.update',
          'accounts.note.create',
          'payments.payment.create',
          'payments.credit.create',
          'cases.case.create',
          'cases.case.update',
          'comms.message.send',
        ],
      ],
      ['Access individual agent passwords', ['access.password.read']],
      ['Modify core system configurations', ['settings.supplier.update']],
    ],
  },
  {
    role: 'export_specialist',
    can: [
      [
        'Please never enrol an Export MPAN yourself, this needs to be carried out by an Export Specialist (or Smart Product team)',
        ['metering.export.configure'],
      ],
    ],
  },
  {
    role: 'pricing_analyst',
    can: [
      [
        'A pricing analyst role creates products, regional tariffs and effective-dated rates (issue 22)',
        ['tariffs.product.create', 'tariffs.tariff.read'],
      ],
      [
        "Publishing needs a second pricing user's approval (four-eyes) (issue 22)",
        ['tariffs.price_change.submit', 'tariffs.price_change.approve'],
      ],
      ['Agile half-hourly prices load from a day-ahead file (issue 22)', ['tariffs.dynamic_price.load']],
    ],
    cannot: [
      [
        'Pricing serves no customer (judgement)',
        ['accounts.account.read', 'payments.payment.create', 'comms.message.send', 'tariffs.agreement.update'],
      ],
    ],
  },
  {
    role: 'legal_reviewer',
    can: [
      [
        'POA documents must be reviewed and approved by our legal team before granting access',
        ['legal.poa.review', 'accounts.account.read', 'accounts.sensitive_details.export'],
      ],
    ],
    cannot: [
      [
        'Never grant POA access without proper documentation on file',
        ['accounts.authorized_user.manage', 'payments.payment.create', 'comms.message.send'],
      ],
    ],
  },
]

type SeedLine = { role: Role; kind: 'can' | 'cannot'; line: string; permissions: readonly Permission[] }

const seedLines: readonly SeedLine[] = guide.flatMap(({ role, can, cannot = [] }) => [
  ...can.map(([line, permissions]) => ({ role, kind: 'can' as const, line, permissions })),
  ...cannot.map(([line, permissions]) => ({ role, kind: 'cannot' as const, line, permissions })),
])

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

  it.each([
    'field_technician',
    'collections_specialist',
    'it_administrator',
    'executive',
    'legal_reviewer',
    'pricing_analyst',
  ] as const)('does not let a %s inherit the agent set', (role) => {
    expect(can(staff(role), 'comms.message.send')).toBe(false)
    expect(can(staff(role), 'cases.case.create')).toBe(false)
  })
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

  it('lets only pricing analysts create products and submit or approve price changes', () => {
    for (const permission of [
      'tariffs.product.create',
      'tariffs.price_change.submit',
      'tariffs.price_change.approve',
      'tariffs.dynamic_price.load',
    ] as const)
      expect(
        roles.filter((role) => can(staff(role), permission)),
        permission,
      ).toEqual(['pricing_analyst'])
  })

  it('keeps every one of the seven roles of the guide out of rate structures', () => {
    const seven = roles.slice(0, 7)
    for (const role of seven)
      for (const permission of [
        'tariffs.rate.update',
        'tariffs.product.create',
        'tariffs.price_change.submit',
        'tariffs.price_change.approve',
      ] as const)
        expect(can(staff(role), permission), `${role} ${permission}`).toBe(false)
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
    ['pricing_analyst', 'Pricing Analyst', 'Pricing', 'green'],
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
