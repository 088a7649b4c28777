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
  it('answers 400 naming the field for an approval limit of 10^24, and keeps the limit', async () => {
    for (const value of ['1000000000000000000000000', 1e24]) {
      const response = await changeSettings({ creditApprovalLimitMinor: value })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({
        code: 'INVALID_SETTINGS',
        details: [{ path: 'creditApprovalLimitMinor', message: expect.stringContaining('creditApprovalLimitMinor') }],
      })
    }
    const settings = await app.inject({ method: 'GET', url: '/api/settings', headers })
    expect(settings.json().settings.creditApprovalLimitMinor).toBe('10000')
  })

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
