import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as market from './index.js'

const database = openDatabaseForFile()
const actor = { kind: 'system', id: 'test' } as const
const at = new Date('2026-11-22T09:00:00Z')

beforeAll(async () => {
  await inTransaction(database.db, (tx) =>
    market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at }),
  )
})
type Setting = keyof market.SupplierSettings
const settings = Object.keys(market.supplierSettingsSchema.shape) as Setting[]

/** Settings that must move together for a value at one end to be valid as a whole (min ≤ max). */
function alongWith(setting: Setting, value: number | bigint): Record<string, unknown> {
  if (setting === 'thirdPartyAccessMinDays') return { thirdPartyAccessMaxDays: 365 }
  if (setting === 'thirdPartyAccessMaxDays' && Number(value) < 30) return { thirdPartyAccessMinDays: 1 }
  return {}
}

const change = (changes: Record<string, unknown>) =>
  inTransaction(database.db, (tx) => market.updateSettings({ tx, changes, actor, at }))

async function refusal(changes: Record<string, unknown>) {
  return change(changes).then(
    () => undefined,
    (error: unknown) => error as market.InvalidSettings,
  )
}

describe('every supplier setting has a range (issue 19, hole 9)', () => {
  it('has bounds for every setting of the schema, and the defaults are within them', () => {
    expect(Object.keys(market.settingBounds).sort()).toEqual([...settings].sort())
    for (const setting of settings) {
      const { min, max } = market.settingBounds[setting]
      const value = market.defaultSettings[setting]
      expect(value >= min && value <= max, setting).toBe(true)
    }
  })

  for (const setting of settings) {
    it(`refuses ${setting} one above its maximum and one below its minimum, naming it, and accepts both ends`, async () => {
      const { min, max } = market.settingBounds[setting]
      const before = await market.getSupplier(database.db)
      // bigint bounds are money in minor units: sent as a string of digits, as JSON carries them
      const send = (value: number | bigint) => (typeof value === 'bigint' ? value.toString() : value)
      for (const value of [
        typeof max === 'bigint' ? max + 1n : max + 1,
        typeof min === 'bigint' ? min - 1n : min - 1,
      ]) {
        const error = await refusal({ [setting]: send(value) })
        expect(error, `${setting} = ${value}`).toMatchObject({ code: 'INVALID_SETTINGS' })
        expect(error?.details).toEqual([expect.objectContaining({ path: setting })])
      }
      // a rejected change changes nothing
      expect((await market.getSupplier(database.db)).settings).toEqual(before.settings)
      for (const value of [max, min]) {
        const supplier = await change({ [setting]: send(value), ...alongWith(setting, value) })
        expect(supplier.settings[setting], `${setting} = ${value}`).toBe(value)
      }
      await change(market.settingsToJson(market.defaultSettings))
    })
  }

  it('refuses an approval limit of 10^24, which would remove the limit', async () => {
    const error = await refusal({ creditApprovalLimitMinor: '1000000000000000000000000' })
    expect(error?.details).toEqual([
      { path: 'creditApprovalLimitMinor', message: 'creditApprovalLimitMinor must be from 0 to 10000000 minor units' },
    ])
    expect((await market.getSupplier(database.db)).settings.creditApprovalLimitMinor).toBe(10_000n)
  })
})
