import { type SelectQueryBuilder, sql } from 'kysely'

/**
 * How many rows the query's table and conditions give, as a number: `count(*)` comes back as an
 * `int8` (a bigint through the aligned type parsers), converted here once. The caller names the
 * table and its conditions; any selection it made is replaced.
 */
export async function countOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query
    .clearSelect()
    .select(sql<bigint>`count(*)`.as('count'))
    .$castTo<{ count: bigint }>()
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
