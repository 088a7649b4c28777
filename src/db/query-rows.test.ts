import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './connect.js'
import { countOf } from './count.js'
import { insertUnlessTaken, upsertRow } from './query-insert.js'
import { firstRow, rowsOfAccount, rowsWhere, rowsWhereIn } from './query-rows.js'
import { openTestDatabase } from './testing.js'
import { inTransaction } from './transaction.js'
import { withTables } from './types.js'

interface ProbeRow {
  id: string
  account_id: string | null
  label: string
}

const tables = withTables<{ rows_probe: ProbeRow }>()

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await database.execScript('create table rows_probe (id text primary key, account_id text, label text not null)')
  await tables(database.db)
    .insertInto('rows_probe')
    .values([
      { id: 'p1', account_id: 'a1', label: 'one' },
      { id: 'p2', account_id: 'a1', label: 'two' },
      { id: 'p3', account_id: 'a2', label: 'three' },
      { id: 'p4', account_id: null, label: 'none' },
    ])
    .execute()
})
afterAll(() => database.close())

describe('the store query helpers', () => {
  it('reads an account’s rows, rows by one value and rows by a list of values, every column', async () => {
    const db = tables(database.db)
    expect(await rowsOfAccount(db, 'rows_probe', 'a1').orderBy('id').execute()).toEqual([
      { id: 'p1', account_id: 'a1', label: 'one' },
      { id: 'p2', account_id: 'a1', label: 'two' },
    ])
    expect(await rowsWhere(db, 'rows_probe', 'label', 'three').execute()).toEqual([
      { id: 'p3', account_id: 'a2', label: 'three' },
    ])
    const listed = await rowsWhereIn(db, 'rows_probe', 'id', ['p4', 'p2', 'p9']).orderBy('id').execute()
    expect(listed.map((row) => row.id)).toEqual(['p2', 'p4'])
  })

  it('counts what a filtered query matches, and finds its first row with or without a lock', async () => {
    const db = tables(database.db)
    expect(await countOf(db.selectFrom('rows_probe').where('account_id', '=', 'a1'))).toBe(2)
    expect(await countOf(db.selectFrom('rows_probe').where('account_id', '=', 'a9'))).toBe(0)
    expect(await firstRow(rowsWhere(db, 'rows_probe', 'id', 'p3'), false)).toMatchObject({ label: 'three' })
    const locked = await inTransaction(database.db, (tx) =>
      firstRow(rowsWhere(tables(tx), 'rows_probe', 'id', 'p3'), true),
    )
    expect(locked).toMatchObject({ label: 'three' })
    expect(await firstRow(rowsWhere(db, 'rows_probe', 'id', 'p9'), false)).toBeUndefined()
  })

  it('inserts a row once: true the first time, false when its key is taken, the first row kept', async () => {
    const row = { id: 'p5', account_id: 'a3', label: 'first' }
    expect(await inTransaction(database.db, (tx) => insertUnlessTaken(tables(tx), 'rows_probe', row, ['id']))).toBe(
      true,
    )
    const again = { ...row, label: 'second' }
    expect(await inTransaction(database.db, (tx) => insertUnlessTaken(tables(tx), 'rows_probe', again, ['id']))).toBe(
      false,
    )
    expect(await rowsWhere(tables(database.db), 'rows_probe', 'id', 'p5').execute()).toEqual([row])
  })

  it('writes a row in full: inserts it, then replaces every other column of the row with its key', async () => {
    const row = { id: 'p6', account_id: 'a4', label: 'before' }
    await inTransaction(database.db, (tx) => upsertRow(tables(tx), 'rows_probe', row, ['id']))
    const changed = { id: 'p6', account_id: null, label: 'after' }
    await inTransaction(database.db, (tx) => upsertRow(tables(tx), 'rows_probe', changed, ['id']))
    expect(await rowsWhere(tables(database.db), 'rows_probe', 'id', 'p6').execute()).toEqual([changed])
  })
})
