import { describe, expect, it } from 'vitest'
import { allowsOf, canOnAccount, externalCan, type GrantFacts, grantKinds, portalActions } from './external-policy.js'

const at = new Date('2026-11-20T09:00:00Z')
const day = 86_400_000
const grant = (overrides: Partial<GrantFacts>): GrantFacts => ({
  kind: 'holder',
  status: 'active',
  scope: [],
  validFrom: new Date(at.getTime() - day),
  validTo: null,
  ...overrides,
})

describe('the external-user policy', () => {
  it('follows the quick-reference table: who can pay, who can see bills, who can make changes', () => {
    const pays = grantKinds.filter((kind) => externalCan(kind, 'pay'))
    expect(pays).toEqual(['holder', 'authorized_full', 'property_manager', 'power_of_attorney'])
    const bills = grantKinds.filter((kind) => externalCan(kind, 'view_bills'))
    expect(bills).toEqual([...grantKinds])
    const changes = grantKinds.filter((kind) => externalCan(kind, 'update_contact'))
    expect(changes).toEqual(['holder', 'authorized_full', 'property_manager', 'power_of_attorney'])
  })

  it('lets only the holder and an attorney manage users; bulk statements and tenant requests only to managers', () => {
    expect(grantKinds.filter((kind) => externalCan(kind, 'manage_users'))).toEqual(['holder', 'power_of_attorney'])
    expect(grantKinds.filter((kind) => externalCan(kind, 'bulk_statements'))).toEqual(['property_manager'])
    expect(grantKinds.filter((kind) => externalCan(kind, 'tenant_requests'))).toEqual(['property_manager'])
  })

  it('gives a limited authorized user bills, usage and payment history only', () => {
    expect(allowsOf(grant({ kind: 'authorized_limited' }), at)).toEqual(['view_bills', 'view_usage', 'view_payments'])
  })

  it('allows nothing on a pending, revoked or expired grant, or before it starts or after it ends', () => {
    for (const status of ['pending_approval', 'revoked', 'expired'] as const) {
      expect(allowsOf(grant({ status }), at)).toEqual([])
    }
    expect(allowsOf(grant({ validFrom: new Date(at.getTime() + 1) }), at)).toEqual([])
    expect(allowsOf(grant({ validTo: at }), at)).toEqual([])
    expect(canOnAccount(undefined, 'view_bills', at)).toBe(false)
  })

  it('keeps a third party inside its scope, never paying or changing settings', () => {
    const broker = grant({ kind: 'third_party', scope: ['usage'], validTo: new Date(at.getTime() + 30 * day) })
    expect(allowsOf(broker, at)).toEqual(['view_usage'])
    const wide = grant({
      kind: 'third_party',
      scope: ['usage', 'bills', 'service_requests'],
      validTo: new Date(at.getTime() + 30 * day),
    })
    expect(allowsOf(wide, at)).toEqual(['view_bills', 'view_usage', 'contact_service'])
    for (const action of portalActions) {
      if (['pay', 'update_contact', 'manage_users'].includes(action)) expect(canOnAccount(wide, action, at)).toBe(false)
    }
  })
})
