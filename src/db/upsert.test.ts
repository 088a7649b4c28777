import { describe, expect, it } from 'vitest'
import { besidesKey } from './upsert.js'

describe('besidesKey', () => {
  it('keeps every column but the key, and leaves the row itself as it was', () => {
    const row = { account_id: 'acc_1', enrolled: true, phone_number: null, updated_at: new Date(0) }
    expect(besidesKey(row, ['account_id'])).toEqual({ enrolled: true, phone_number: null, updated_at: new Date(0) })
    expect(row.account_id).toBe('acc_1')
  })

  it('leaves out every column of a key of several', () => {
    expect(
      besidesKey({ instruction_id: 'ddi_1', collect_on: '2026-12-01', amount_minor: 1234n }, [
        'instruction_id',
        'collect_on',
      ]),
    ).toEqual({
      amount_minor: 1234n,
    })
  })
})
