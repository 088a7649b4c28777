import { describe, expect, it } from 'vitest'
import { camelCase, camelFields } from './records.js'

describe('camelCase', () => {
  it.each([
    ['id', 'id'],
    ['account_id', 'accountId'],
    ['cleared_by_id', 'clearedById'],
    ['days_31to60', 'days31to60'],
  ])('writes %s as %s', (name, expected) => {
    expect(camelCase(name)).toBe(expected)
  })
})

describe('camelFields', () => {
  const row = {
    id: 'flg_1',
    account_id: 'acc_1',
    raised_at: new Date('2026-11-22T09:00:00Z'),
    cleared_at: null,
    secret_hash: 'never copied',
  }

  it('copies the named columns under their camelCase names, values untouched', () => {
    const fields = camelFields(row, ['id', 'account_id', 'raised_at', 'cleared_at'])
    expect(fields).toStrictEqual({ id: 'flg_1', accountId: 'acc_1', raisedAt: row.raised_at, clearedAt: null })
    expect(fields.raisedAt).toBe(row.raised_at)
  })

  it('leaves out every column it is not given', () => {
    expect(Object.keys(camelFields(row, ['id']))).toEqual(['id'])
  })
})
