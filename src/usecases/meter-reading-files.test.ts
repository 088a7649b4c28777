/**
 * Issue 21, item 10: `cuttle export d0010 --from/--to` take the supplier's local days. A reading at
 * 00:30 BST on 2 July (23:30 UTC on 1 July) belongs to 2 July's export, not to 1 July's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'
import { exportD0010 } from './index.js'
import { openTestHomeIn } from './testing.js'

let database: Database
const agent: Actor = { kind: 'staff', id: 'usr_agent' }
const at = new Date('2026-08-20T12:00:00Z')
const mpan = metering.withCheckDigit('100000000077')

beforeAll(async () => {
  database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    const { meterPointId } = await openTestHomeIn(tx, {
      number: 'A-0000D010',
      customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
      property: { line1: '14 Mill Lane' },
      openedOn: '2026-01-01',
      meterPoints: [
        { fuel: 'electricity', identifier: mpan, meterSerial: '21L0000077', type: 'smart', installedOn: '2025-06-01' },
      ],
      actor: agent,
      at,
    })
    await metering.submitReading({
      tx,
      meterPointId,
      meterSerial: '21L0000077',
      register: 'S',
      // 00:30 on 2 July in London (BST, UTC+1)
      readAt: new Date('2026-07-01T23:30:00Z'),
      value: '01234',
      source: 'smart',
      actor: agent,
      at,
    })
  })
})

afterAll(async () => {
  await database.close()
})

describe('exporting D0010 readings by local day', () => {
  const exported = (from: string, to: string) =>
    exportD0010({
      db: database.db,
      mpans: [mpan],
      from,
      to,
      fileId: 'TEST0001',
      fromParticipant: 'GEGG',
      toParticipant: 'NDCA',
      at,
    })

  it('puts a reading at 00:30 BST in the export of its own local day, not the day before', async () => {
    // 2 July starts at 2026-07-01T23:00:00Z: the 23:30 UTC reading is inside [2 July, 3 July).
    expect((await exported('2026-07-02', '2026-07-03')).readings).toBe(1)
    // 1 July ends at that same instant, so the reading is not in [1 July, 2 July). Built as UTC
    // midnights, as before, it was: [2026-07-01T00:00Z, 2026-07-02T00:00Z) holds 23:30 UTC.
    expect((await exported('2026-07-01', '2026-07-02')).readings).toBe(0)
  })
})
