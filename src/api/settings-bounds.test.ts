import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/index.js'
import * as market from '../modules/market/index.js'
import type { App } from './app.js'
import { openAdminApp } from './testing.js'

let database: Database
let app: App
let headers: { cookie: string }
const now = new Date('2026-11-22T09:00:00Z')

beforeAll(async () => {
  ;({ database, app, headers } = await openAdminApp({ at: () => now, password: 'Quartz-lantern-meadow-91' }))
})
afterAll(async () => {
  await app.close()
  await database.close()
})

const changeSettings = (payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: '/api/settings', headers, payload })

describe('setting bounds over HTTP (issue 19, hole 9)', () => {
  // An approval limit of 10^24 (as digits or as a number) is among the refused money limits in
  // staff-settings.test.ts.

  it('answers 400 for each setting one above its maximum, and accepts the maximum', async () => {
    for (const [setting, { max }] of Object.entries(market.settingBounds)) {
      const above = typeof max === 'bigint' ? (max + 1n).toString() : max + 1
      const refused = await changeSettings({ [setting]: above })
      expect(refused.statusCode, setting).toBe(400)
      expect(refused.json().error.details).toEqual([expect.objectContaining({ path: setting })])
      const along = setting === 'thirdPartyAccessMinDays' ? { thirdPartyAccessMaxDays: 365 } : {}
      const accepted = await changeSettings({ [setting]: typeof max === 'bigint' ? max.toString() : max, ...along })
      expect(accepted.statusCode, setting).toBe(200)
      expect(String(accepted.json().settings[setting])).toBe(String(max))
    }
  })
})
