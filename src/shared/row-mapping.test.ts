import { describe, expect, expectTypeOf, it } from 'vitest'
import { type CamelCase, camelCaseOf, camelFields } from './row-mapping.js'

describe('camelCase column names', () => {
  it.each([
    ['id', 'id'],
    ['account_id', 'accountId'],
    ['exit_fee_minor_applied', 'exitFeeMinorApplied'],
    ['days_1to30', 'days1to30'],
  ])('spells %s as %s', (column, name) => {
    expect(camelCaseOf(column)).toBe(name)
  })

  it('spells the type as the function does', () => {
    expectTypeOf<CamelCase<'exit_fee_minor_applied'>>().toEqualTypeOf<'exitFeeMinorApplied'>()
    expectTypeOf<CamelCase<'id'>>().toEqualTypeOf<'id'>()
  })
})

describe('copying the named columns of a row', () => {
  const row = { id: 'nte_1', account_id: 'acc_1', created_at: new Date('2026-11-20T09:00:00Z'), secret: 'x' }

  it('copies only the named columns, in the order named, under their camelCase names', () => {
    const fields = camelFields(row, ['created_at', 'id', 'account_id'])
    expect(fields).toEqual({ createdAt: row.created_at, id: 'nte_1', accountId: 'acc_1' })
    expect(Object.keys(fields)).toEqual(['createdAt', 'id', 'accountId'])
    expect(fields).not.toHaveProperty('secret')
    expectTypeOf(fields).toEqualTypeOf<{ readonly createdAt: Date; readonly id: string; readonly accountId: string }>()
  })

  it('keeps a null as null', () => {
    expect(camelFields({ ended_at: null }, ['ended_at'])).toEqual({ endedAt: null })
  })
})
