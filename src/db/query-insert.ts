/**
 * The inserts many stores make by a row's unique key: write a row once (insert it unless a row with
 * the same key is there already, or is being inserted by a concurrent transaction, which it waits
 * for, and say whether it went in), or write it in full (insert it, or replace every other column of
 * the row with that key).
 */
import type { Insertable, Kysely } from 'kysely'

/**
 * Insert `row` into one of a store's tables unless it conflicts on the unique key `columns`: true when
 * it was inserted, false when the key was taken. Throws what the database throws for any other fault.
 */
export async function insertUnlessTaken<Tables, Table extends keyof Tables & string>(
  db: Kysely<Tables>,
  table: Table,
  row: Insertable<Tables[Table]>,
  columns: readonly (keyof Tables[Table] & string)[],
): Promise<boolean> {
  // Kysely cannot resolve columns of a table named by a type parameter: the signature says what goes in.
  const result = await db
    .insertInto(table as never)
    .values(row as never)
    .onConflict((oc) => oc.columns(columns as never).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}

/**
 * Insert `row` into one of a store's tables, or, when a row with the same unique key `columns` is
 * there, set each of that row's other columns to `row`'s. Throws what the database throws.
 */
export async function upsertRow<Tables, Table extends keyof Tables & string>(
  db: Kysely<Tables>,
  table: Table,
  row: Insertable<Tables[Table]>,
  columns: readonly (keyof Tables[Table] & string)[],
): Promise<void> {
  const key = new Set<string>(columns)
  const others = Object.fromEntries(Object.entries(row).filter(([column]) => !key.has(column)))
  await db
    .insertInto(table as never)
    .values(row as never)
    .onConflict((oc) => oc.columns(columns as never).doUpdateSet(others as never))
    .execute()
}
