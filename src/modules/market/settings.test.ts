import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as market from './index.js'

const database = openDatabaseForFile()
const actor = { kind: 'system', id: 'test' } as const
const at = new Date('2026-11-22T09:00:00Z')

describe('the supplier and its settings', () => {
  it('is missing until configured, then has the gb profile and the seeds’ defaults', async () => {
    await expect(market.getSupplier(database.db)).rejects.toMatchObject({ code: 'SUPPLIER_NOT_CONFIGURED' })
    const supplier = await inTransaction(database.db, (tx) =>
      market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at }),
    )
    expect(supplier.profile).toMatchObject({ currency: 'GBP', timeZone: 'Europe/London', domesticTaxPercent: '5' })
    expect(supplier.settings).toMatchObject({
      creditApprovalLimitMinor: 10_000n,
      invoicePaymentApprovalMinor: 300_000n,
      arrangementDownPaymentPercent: 25,
      thirdPartyAccessMinDays: 30,
      thirdPartyAccessMaxDays: 90,
      staffPasswordMaxAgeDays: 90,
    })
  })

  it('changes one setting and keeps the others', async () => {
    const supplier = await inTransaction(database.db, (tx) =>
      market.updateSettings({ tx, changes: { creditApprovalLimitMinor: '15000' }, actor, at }),
    )
    expect(supplier.settings.creditApprovalLimitMinor).toBe(15_000n)
    expect(supplier.settings.staffPasswordMaxAgeDays).toBe(90)
  })

  it('refuses invalid settings, naming the field, and changes nothing', async () => {
    const attempts: [Record<string, unknown>, string][] = [
      [{ staffPasswordMaxAgeDays: 0 }, 'staffPasswordMaxAgeDays'],
      [{ thirdPartyAccessMinDays: 120 }, 'thirdPartyAccessMinDays'],
      [{ madeUpSetting: 1 }, 'madeUpSetting'],
    ]
    for (const [changes, path] of attempts) {
      const error = await inTransaction(database.db, (tx) => market.updateSettings({ tx, changes, actor, at })).catch(
        (e: unknown) => e,
      )
      expect(error, JSON.stringify(changes)).toMatchObject({ code: 'INVALID_SETTINGS' })
      expect((error as market.InvalidSettings).details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      )
    }
    const supplier = await market.getSupplier(database.db)
    expect(supplier.settings).toMatchObject({
      staffPasswordMaxAgeDays: 90,
      thirdPartyAccessMinDays: 30,
      creditApprovalLimitMinor: 15_000n,
    })
  })

  it('names each unknown setting in a detail of its own', async () => {
    const changes: Record<string, unknown> = { madeUpSetting: 1, creditLimit: '5000' }
    await expect(
      inTransaction(database.db, (tx) => market.updateSettings({ tx, changes, actor, at })),
    ).rejects.toMatchObject({
      code: 'INVALID_SETTINGS',
      details: [
        { path: 'madeUpSetting', message: 'not a setting' },
        { path: 'creditLimit', message: 'not a setting' },
      ],
    })
  })

  it.each([
    ['an empty string', ''],
    ['a blank string', ' '],
    ['true', true],
    ['a decimal string', '1.5'],
    ['a decimal number', 1.5],
    ['letters', 'abc'],
    ['a negative string', '-5'],
    ['a negative number', -5],
    ['digits with spaces', ' 100 '],
    ['null', null],
  ])('refuses %s as a money limit, naming the field', async (_name, value) => {
    const error = await inTransaction(database.db, (tx) =>
      market.updateSettings({ tx, changes: { creditApprovalLimitMinor: value }, actor, at }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'INVALID_SETTINGS',
      details: [{ path: 'creditApprovalLimitMinor', message: expect.stringContaining('creditApprovalLimitMinor') }],
    })
    expect((await market.getSupplier(database.db)).settings.creditApprovalLimitMinor).toBe(15_000n)
  })

  it.each([
    ['a string of digits', '10000', 10_000n],
    ['an integer number', 12_000, 12_000n],
    ['a bigint', 13_000n, 13_000n],
    ['zero', '0', 0n],
  ])('accepts %s as a money limit', async (_name, value, expected) => {
    const supplier = await inTransaction(database.db, (tx) =>
      market.updateSettings({ tx, changes: { invoicePaymentApprovalMinor: value }, actor, at }),
    )
    expect(supplier.settings.invoicePaymentApprovalMinor).toBe(expected)
  })

  it('offers a us profile in dollars on New York time', () => {
    expect(market.profileOf('us')).toMatchObject({ currency: 'USD', timeZone: 'America/New_York' })
  })
})
