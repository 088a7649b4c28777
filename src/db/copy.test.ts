import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './connect.js'
import { copyRows } from './copy.js'
import { openTestDatabase } from './testing.js'
import { inTransaction } from './transaction.js'

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await database.execScript('create table copy_probe (id integer primary key, label text not null, at timestamptz)')
})
afterAll(() => database.close())

async function count(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(database.db)
  return rows[0]?.n ?? -1
}

describe('copyRows', () => {
  it('loads CSV lines from an async source inside the transaction and reports the row count', async () => {
    async function* lines() {
      for (let i = 1; i <= 2500; i++) yield `${i},row ${i},2025-10-26T01:30:00+01:00\n`
    }
    const copied = await inTransaction(database.db, (tx) =>
      copyRows(tx, { table: 'copy_probe', columns: ['id', 'label', 'at'], lines: lines() }),
    )
    expect(copied).toBe(2500)
    expect(await count()).toBe(2500)
  })

  it('rolls back with the transaction it ran in', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await copyRows(tx, { table: 'copy_probe', columns: ['id', 'label'], lines: ['9001,a\n', '9002,b\n'] })
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await count()).toBe(2500)
  })

  it('fails the transaction on a row the table refuses, keeping nothing of it', async () => {
    await expect(
      inTransaction(database.db, (tx) =>
        copyRows(tx, { table: 'copy_probe', columns: ['id', 'label'], lines: ['9003,ok\n', '1,duplicate key\n'] }),
      ),
    ).rejects.toThrow()
    expect(await count()).toBe(2500)
  })

  it('refuses identifiers that are not plain names', async () => {
    await expect(
      inTransaction(database.db, (tx) => copyRows(tx, { table: 'copy_probe; drop', columns: ['id'], lines: [] })),
    ).rejects.toThrow('invalid identifier')
  })
})
